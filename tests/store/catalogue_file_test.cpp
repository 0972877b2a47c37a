// The catalogue db as a file the kiosk keeps: written atomically, opened read-only, used only for
// the source it was made from, and made again when it is stale, damaged or of another schema.
#include <sqlite3.h>
#include <unistd.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "core/files.h"
#include "store/catalogue_loader.h"
#include "store/demo.h"

using namespace brugpunt;
namespace fs = std::filesystem;

namespace {

// A fresh folder with the demo catalogue's source in it.
struct Folder {
    fs::path dir;
    std::string source;
    Folder() {
        dir = fs::temp_directory_path() / ("brugpunt-catfile-" + std::to_string(::getpid()) + "-" +
                                           std::to_string(reinterpret_cast<uintptr_t>(this)));
        fs::remove_all(dir);
        fs::create_directories(dir);
        source = (dir / "catalogue.json").string();
        fs::copy_file(BRUGPUNT_SOURCE_DIR "/assets/demo/catalogue.json", source);
    }
    ~Folder() { fs::remove_all(dir); }
    std::string Db() const { return (dir / "catalogue.db").string(); }
};

void Sql(const std::string& path, const std::string& sql) {
    sqlite3* db = nullptr;
    REQUIRE(sqlite3_open(path.c_str(), &db) == SQLITE_OK);
    REQUIRE(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(db);
}

}  // namespace

TEST_CASE("The db beside a source is named after it") {
    CHECK(store::CatalogueDbPathFor("/d/v7/catalogue.json") == "/d/v7/catalogue.db");
    CHECK(store::CatalogueDbPathFor("cat") == "cat.db");
}

TEST_CASE("A written db opens read-only with the whole catalogue, its source's hash and no temporary left") {
    Folder f;
    const core::Catalogue& demo = testing::DemoParsed().catalogue;
    REQUIRE(store::WriteCatalogueDb(demo, "abc123", f.Db()));
    CHECK_FALSE(fs::exists(f.Db() + ".tmp"));
    auto db = store::CatalogueDb::OpenReadOnly(f.Db());
    REQUIRE(db);
    CHECK(db->SourceSha256() == "abc123");
    auto loaded = db->Load();
    REQUIRE(loaded);
    REQUIRE(loaded->activities.size() == demo.activities.size());
    CHECK(loaded->activities.front().id == demo.activities.front().id);
    // Read-only: the kiosk cannot change the file it shows.
    CHECK_FALSE(db->Replace(demo));
}

TEST_CASE("A leftover temporary from a crash does not stop the next write") {
    Folder f;
    std::ofstream(f.Db() + ".tmp") << "half a database";
    REQUIRE(store::WriteCatalogueDb(testing::DemoParsed().catalogue, "x", f.Db()));
    CHECK(store::CatalogueDb::OpenReadOnly(f.Db()));
    CHECK_FALSE(fs::exists(f.Db() + ".tmp"));
}

TEST_CASE("Opening read-only refuses a missing file, a file that is no catalogue db and another schema") {
    Folder f;
    auto missing = store::CatalogueDb::OpenReadOnly(f.Db());
    REQUIRE_FALSE(missing);
    CHECK_FALSE(fs::exists(f.Db()));  // nothing was created
    std::ofstream(f.Db()) << "not sqlite at all, but long enough to look like a header............";
    auto garbage = store::CatalogueDb::OpenReadOnly(f.Db());
    REQUIRE_FALSE(garbage);
    fs::remove(f.Db());
    REQUIRE(store::WriteCatalogueDb(testing::DemoParsed().catalogue, "x", f.Db()));
    Sql(f.Db(), "UPDATE meta SET value = '1' WHERE key = 'schema_version'");
    auto old = store::CatalogueDb::OpenReadOnly(f.Db());
    REQUIRE_FALSE(old);
    CHECK_THAT(old.error().message, Catch::Contains("schema 1"));
}

TEST_CASE("A source whose db was made from it opens from the db, a stale or damaged one is made again") {
    Folder f;
    std::string note;
    // No db yet: the source is read and its db written.
    auto first = store::OpenKnownSource(f.source, "sha-1", note);
    REQUIRE(first);
    CHECK_THAT(note, Catch::Contains("wrote"));
    REQUIRE(fs::exists(f.Db()));
    // From now on its activities are read from that file, not held in memory.
    size_t count = testing::DemoParsed().catalogue.activities.size();
    REQUIRE(first->db_activities);
    CHECK(first->activities.get() == first->db_activities.get());
    CHECK(first->activities->Count() == count);
    CHECK(first->catalogue->activities.empty());
    CHECK(first->catalogue->categories.size() == testing::DemoParsed().catalogue.categories.size());
    CHECK(first->media_root == fs::absolute(f.dir).lexically_normal().string());

    // The same source: the db, without reading the source (it is gone to prove it).
    fs::rename(f.source, f.source + ".away");
    note.clear();
    auto second = store::OpenKnownSource(f.source, "sha-1", note);
    REQUIRE(second);
    CHECK(note == "opened " + f.Db());
    CHECK(second->activities->Count() == count);
    fs::rename(f.source + ".away", f.source);

    // Another source's hash: the db is not trusted for it, and is made again.
    note.clear();
    auto third = store::OpenKnownSource(f.source, "sha-2", note);
    REQUIRE(third);
    CHECK_THAT(note, Catch::Contains("made from another catalogue"));
    CHECK(store::CatalogueDb::OpenReadOnly(f.Db())->SourceSha256() == "sha-2");

    // A damaged db is made again from its source, and the whole catalogue is shown.
    auto made_again_after = [&](const std::string& damage) {
        INFO(damage);
        Sql(f.Db(), damage);
        note.clear();
        auto reopened = store::OpenKnownSource(f.source, "sha-2", note);
        REQUIRE(reopened);
        CHECK_THAT(note, Catch::Contains("damaged"));
        CHECK(reopened->activities->Count() == count);
    };
    // A hole in its positions would point searches at the wrong activity; so would an activity
    // whose document is there but whose search row is not, or the reverse.
    made_again_after("DELETE FROM activities WHERE position = 3");
    made_again_after("DELETE FROM documents WHERE position = 5");
    made_again_after("DELETE FROM activities WHERE position = (SELECT max(position) FROM activities)");
}

TEST_CASE("A source that cannot be kept as a db is still shown, and the note says why") {
    Folder f;
    fs::create_directories(f.Db());  // a folder where the db would go: the rename fails
    std::string note;
    auto loaded = store::OpenKnownSource(f.source, "sha", note);
    REQUIRE(loaded);
    CHECK_THAT(note, Catch::Contains("not kept"));
    core::Filter all;
    CHECK(loaded->db->Search(all)->size() == loaded->catalogue->activities.size());
    // Kept in memory then: the activities are the parsed ones.
    CHECK_FALSE(loaded->db_activities);
    CHECK(loaded->activities->Count() == loaded->catalogue->activities.size());
    CHECK(loaded->activities->At(0).get() == &loaded->catalogue->activities[0]);
}

TEST_CASE(
    "A db's activities are read as they are asked for, a bounded number kept, and one unreadable is "
    "left out and reported once") {
    Folder f;
    const core::Catalogue& demo = testing::DemoParsed().catalogue;
    REQUIRE(demo.activities.size() > 8);
    REQUIRE(store::WriteCatalogueDb(demo, "x", f.Db()));
    Sql(f.Db(), "UPDATE documents SET doc = '{\"half' WHERE position = 2");
    auto db = store::CatalogueDb::OpenReadOnly(f.Db());
    REQUIRE(db);
    auto shared = std::make_shared<store::CatalogueDb>(std::move(db.value()));
    store::DbActivities acts(shared, demo.activities.size(), 4);
    std::vector<std::string> log;
    acts.SetLog([&](const std::string& line) { log.push_back(line); });

    CHECK(acts.Count() == demo.activities.size());
    CHECK(acts.Kept() == 0);  // nothing read before it is asked for
    auto first = acts.At(0);
    REQUIRE(first);
    CHECK(*first == demo.activities[0]);
    CHECK(acts.At(0) == first);  // kept: the same object, not read again
    for (size_t i = 3; i < 9; ++i) CHECK(acts.At(i)->id == demo.activities[i].id);
    CHECK(acts.Kept() == 4);
    CHECK(first->id == demo.activities[0].id);  // evicted, still alive for whoever holds it
    CHECK(acts.At(0) != first);                 // read again

    CHECK(acts.Find(demo.activities[7].id)->id == demo.activities[7].id);
    CHECK_FALSE(acts.Find("no-such-activity"));
    CHECK_FALSE(acts.At(demo.activities.size()));

    CHECK_FALSE(acts.At(2));
    CHECK_FALSE(acts.At(2));
    REQUIRE(log.size() == 1);
    CHECK_THAT(log[0], Catch::Contains("activity 2 cannot be read"));
    CHECK_FALSE(acts.Find(demo.activities[2].id));
}

TEST_CASE("Positions answer the same activities as ids, in the same order, and repeat searches agree") {
    auto db = store::CatalogueDb::Open(":memory:");
    REQUIRE(db);
    REQUIRE(db->Replace(testing::DemoParsed().catalogue));
    auto cat = db->Load();
    REQUIRE(cat);
    core::Filter f;
    f.text = "zwem";
    for (int round = 0; round < 3; ++round) {  // the second and third use the kept statement
        auto ids = db->Search(f);
        auto positions = db->SearchPositions(f);
        REQUIRE(ids);
        REQUIRE(positions);
        REQUIRE(ids->size() == positions->size());
        REQUIRE_FALSE(ids->empty());
        for (size_t i = 0; i < ids->size(); ++i)
            CHECK(cat->activities[positions.value()[i]].id == ids.value()[i]);
    }
    f.text = "";
    f.category = "sport";
    auto sport = db->SearchPositions(f);
    REQUIRE(sport);
    for (size_t p : sport.value()) CHECK(cat->activities[p].category == "sport");
}
