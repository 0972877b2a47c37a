// Balie's database on disk: closing really erases, dedupe outlives the close, backup works.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "balie/store.h"
#include "read_file.h"

using namespace brugpunt::balie;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("balie-test-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(reinterpret_cast<uintptr_t>(this)));
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
};

// Every byte of the db and its WAL and shared-memory files.
std::string Bytes(const fs::path& db) {
    std::string all;
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
        fs::path p = db.string() + suffix;
        if (!fs::exists(p)) continue;
        all += brugpunt::testing::ReadFile(p.string());
    }
    return all;
}

IncomingRequest Request(const std::string& key, const std::string& phone) {
    IncomingRequest r;
    r.key = key;
    r.reference = "REF-" + key.substr(key.size() - 3);
    r.kiosk_id = "bib";
    r.activities = {{"a1", "Voetbal"}};
    r.children = {7};
    r.phone = phone;
    r.language = "ar";
    r.day_parts = {"evening"};
    return r;
}

}  // namespace

TEST_CASE("closing a request erases its phone number from the database file and the WAL") {
    TempDir dir;
    fs::path db = dir.path / "balie.db";
    auto store = BalieStore::Open(db.string());
    REQUIRE(store);
    auto& s = *store.value();
    REQUIRE(s.InsertRequest(Request("key-001", "+32470111222"), 1000));
    REQUIRE(s.InsertRequest(Request("key-002", "+32470333444"), 2000));
    long long id = s.RequestByReference("REF-001").value()->id;
    REQUIRE(s.Update(id, "testmoment", "2027-01-01", "belt na 18u terug", 3000));
    CHECK(Bytes(db).find("+32470111222") != std::string::npos);  // the check can see a number
    CHECK(Bytes(db).find("belt na 18u terug") != std::string::npos);
    REQUIRE(s.Close(id, "ingeschreven", 4000));
    std::string bytes = Bytes(db);
    CHECK(bytes.find("+32470111222") == std::string::npos);
    CHECK(bytes.find("belt na 18u terug") == std::string::npos);
    CHECK(bytes.find("+32470333444") != std::string::npos);  // the open one stays
    auto closed = s.RequestById(id).value().value();
    CHECK(closed.state == RequestState::kClosed);
    CHECK(closed.in.kiosk_id == "bib");
    CHECK(closed.in.language == "ar");
    CHECK(closed.outcome == "ingeschreven");
    CHECK(closed.in.activities.front().first == "a1");
    // A late retry of the same delivery is still recognised, and brings nothing back.
    auto again = s.InsertRequest(Request("key-001", "+32470111222"), 5000);
    REQUIRE(again);
    CHECK_FALSE(again.value());
    CHECK(s.Counts().value().closed == 1);
    CHECK(s.Counts().value().fresh == 1);
}

TEST_CASE("the retention sweep erases old open requests from the files too") {
    TempDir dir;
    fs::path db = dir.path / "balie.db";
    auto store = BalieStore::Open(db.string());
    REQUIRE(store);
    auto& s = *store.value();
    REQUIRE(s.InsertRequest(Request("key-010", "+32470555010"), 1000));
    REQUIRE(s.InsertRequest(Request("key-011", "+32470555011"), 9000));
    auto refs = s.CloseReceivedBefore(5000, 10'000);
    REQUIRE(refs);
    CHECK(refs.value() == std::vector<std::string>{"REF-010"});
    std::string bytes = Bytes(db);
    CHECK(bytes.find("+32470555010") == std::string::npos);
    CHECK(bytes.find("+32470555011") != std::string::npos);
}

TEST_CASE("an online backup is a database with the same requests") {
    TempDir dir;
    auto store = BalieStore::Open((dir.path / "balie.db").string());
    REQUIRE(store);
    REQUIRE(store.value()->InsertRequest(Request("key-020", "+32470555020"), 1000));
    fs::path copy = dir.path / "copy.db";
    REQUIRE(store.value()->Backup(copy.string()));
    auto restored = BalieStore::Open(copy.string());
    REQUIRE(restored);
    auto found = restored.value()->RequestByReference("REF-020");
    REQUIRE(found);
    REQUIRE(found.value());
    CHECK(found.value()->in.phone == "+32470555020");
}
