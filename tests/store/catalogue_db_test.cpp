#include <catch2/catch.hpp>

#include <algorithm>

#include "core/filter.h"
#include "store/catalogue_db.h"
#include "store/catalogue_json.h"
#include "store/demo.h"

using namespace brugpunt;

namespace {

const core::Catalogue& Demo() {
    return testing::DemoParsed().catalogue;
}

store::CatalogueDb DemoDb() {
    auto db = store::CatalogueDb::Open(":memory:");
    REQUIRE(db);
    REQUIRE(db->Replace(Demo()));
    return std::move(db.value());
}

std::vector<std::string> Search(const store::CatalogueDb& db, const core::Filter& f) {
    auto ids = db.Search(f);
    REQUIRE(ids);
    return ids.value();
}

std::vector<std::string> InMemory(const core::Filter& f) {
    std::vector<std::string> ids;
    for (const auto& a : Demo().activities)
        if (core::Matches(a, f)) ids.push_back(a.id);
    return ids;
}

}  // namespace

TEST_CASE("The db loads back exactly the catalogue it was given") {
    auto db = DemoDb();
    auto loaded = db.Load();
    REQUIRE(loaded);
    CHECK(loaded->activities == Demo().activities);
    CHECK(loaded->categories == Demo().categories);
    CHECK(loaded->municipality == Demo().municipality);
}

TEST_CASE("An empty db says so instead of showing nothing") {
    auto db = store::CatalogueDb::Open(":memory:");
    REQUIRE(db);
    auto loaded = db->Load();
    REQUIRE_FALSE(loaded);
    CHECK(loaded.error().code == core::ErrorCode::kNotFound);
}

TEST_CASE("A db file on disk persists between opens") {
    std::string path = "store_test_persist.db";
    std::remove(path.c_str());
    {
        auto db = store::CatalogueDb::Open(path);
        REQUIRE(db);
        REQUIRE(db->Replace(Demo()));
    }
    auto db = store::CatalogueDb::Open(path);
    REQUIRE(db);
    auto loaded = db->Load();
    REQUIRE(loaded);
    CHECK(loaded->activities.size() == Demo().activities.size());
    std::remove(path.c_str());
}

TEST_CASE("Replacing the catalogue leaves no trace of the old one") {
    auto db = DemoDb();
    core::Catalogue smaller = Demo();
    smaller.activities.resize(3);
    REQUIRE(db.Replace(smaller));
    CHECK(Search(db, {}).size() == 3);
    core::Filter f;
    f.text = Demo().activities.back().title;
    CHECK(Search(db, f).empty());
}

TEST_CASE("Search finds words in titles and summaries, diacritics-insensitive") {
    auto db = DemoDb();
    core::Filter f;
    f.text = "café";
    auto with = Search(db, f);
    f.text = "cafe";
    auto without = Search(db, f);
    CHECK_FALSE(with.empty());
    CHECK(with == without);
    CHECK_THAT(with, Catch::VectorContains(std::string("babbelcafe")));

    f.text = "CAFÉ";
    CHECK(Search(db, f) == with);
    f.text = "oekraiens";  // "Oekraïens" in a summary
    CHECK_THAT(Search(db, f), Catch::VectorContains(std::string("voorleesuur")));
    f.text = "zwem";  // a word prefix finds "zwemmen", "zwempak"
    CHECK(Search(db, f).size() >= 4);
    f.text = "voetbal meisjes";  // every word must match
    CHECK(Search(db, f) == std::vector<std::string>{"meisjesvoetbal"});
    f.text = "qwertyuiop";
    CHECK(Search(db, f).empty());
}

TEST_CASE("Search text is never read as FTS5 syntax") {
    auto db = DemoDb();
    core::Filter f;
    for (const char* nasty :
         {"\"", "voetbal OR", "NEAR(", "*", "a:b", "-", "'; DROP TABLE activities; --", ")"}) {
        f.text = nasty;
        CHECK(db.Search(f));
    }
    CHECK(store::FtsQueryFromText("  café, zwem! ") == "\"café\"* \"zwem\"*");
    CHECK(store::FtsQueryFromText("()*").empty());
    CHECK(Search(db, {}).size() == Demo().activities.size());
}

TEST_CASE("Every filter in SQL agrees with its in-memory meaning") {
    auto db = DemoDb();
    std::vector<core::Filter> filters;
    for (core::Chip chip : core::kAllChips) {
        core::Filter f;
        f.SetChip(chip, true);
        filters.push_back(f);
    }
    for (int age : {0, 3, 6, 8, 12, 16, 18, 40}) filters.push_back({.ages = {age}});
    // Families: one of the children fits, or all of them together.
    for (bool together : {false, true})
        for (std::vector<int> ages : {std::vector<int>{5, 9}, {3, 12}, {6, 7, 8}, {2, 9, 14, 40}})
            filters.push_back({.ages = ages, .together = together});
    for (int d = 0; d < core::kWeekdayCount; ++d) filters.push_back({.day = static_cast<core::Weekday>(d)});
    for (const auto& c : Demo().categories) filters.push_back({.category = c.id});
    // Pairs of chips, with and without a category and an age.
    for (core::Chip a : core::kAllChips)
        for (core::Chip b : core::kAllChips) {
            core::Filter f{.category = "sport"};
            f.SetChip(a, true);
            f.SetChip(b, true);
            filters.push_back(f);
            f.category.clear();
            f.ages = {10};
            filters.push_back(f);
        }
    // "Deze week" and "in de vakantie", resolved for days before, in and after the holiday.
    for (core::When when : {core::When::kThisWeek, core::When::kHoliday})
        for (core::Date today : {core::Date{2026, 12, 2}, {2026, 12, 18}, {2026, 12, 29}, {2027, 1, 5}}) {
            core::Filter f{.when = when};
            core::ResolveWhen(f, today, Demo().holidays);
            filters.push_back(f);
            f.category = "spelen";
            filters.push_back(f);
        }
    // Over by its last day, or not yet: the day before, on and after the demo's one last date.
    for (core::Date today : {core::Date{2026, 12, 30}, {2026, 12, 31}, {2027, 1, 1}}) {
        filters.push_back({.open_on = today});
        filters.push_back({.category = "spelen", .open_on = today});
    }
    for (const auto& f : filters) {
        auto sql = Search(db, f);
        CHECK(sql == InMemory(f));
    }
    // ...and the last of those does leave one out.
    CHECK(InMemory({.open_on = {2027, 1, 1}}).size() + 1 == InMemory({}).size());
}

TEST_CASE(
    "The demo's Christmas playground is found in the holiday and this week in December, a weekly club only "
    "outside it") {
    auto db = DemoDb();
    core::Filter holiday{.when = core::When::kHoliday};
    core::ResolveWhen(holiday, {2026, 12, 2}, Demo().holidays);
    auto in_holiday = Search(db, holiday);
    CHECK(std::find(in_holiday.begin(), in_holiday.end(), "speelplein-vakantie") != in_holiday.end());
    CHECK(std::find(in_holiday.begin(), in_holiday.end(), "voetbal-u8") == in_holiday.end());
    core::Filter week{.when = core::When::kThisWeek};
    core::ResolveWhen(week, {2026, 12, 2}, Demo().holidays);
    auto this_week = Search(db, week);
    CHECK(std::find(this_week.begin(), this_week.end(), "voetbal-u8") != this_week.end());
    CHECK(std::find(this_week.begin(), this_week.end(), "speelplein-vakantie") == this_week.end());
    core::ResolveWhen(week, {2026, 12, 22}, Demo().holidays);
    this_week = Search(db, week);
    CHECK(std::find(this_week.begin(), this_week.end(), "speelplein-vakantie") != this_week.end());
    CHECK(std::find(this_week.begin(), this_week.end(), "voetbal-u8") == this_week.end());
}

TEST_CASE("Each chip actually narrows the demo catalogue") {
    // Guards the test above against a demo where a chip matches all or nothing.
    for (core::Chip chip : core::kAllChips) {
        core::Filter f;
        f.SetChip(chip, true);
        auto n = InMemory(f).size();
        INFO("chip " << static_cast<int>(chip));
        CHECK(n > 0);
        CHECK(n < Demo().activities.size());
    }
}

TEST_CASE("The category filter uses its index and text search uses FTS5") {
    auto db = DemoDb();
    auto plan = db.ExplainSearch({.category = "sport"});
    REQUIRE(plan);
    CHECK_THAT(plan.value(), Catch::Contains("activities_by_category"));
    // With chips on too: a chip has a few values, so walking it would read a third of the rows.
    core::Filter chips{"sport"};
    chips.places_free = true;
    chips.trial = true;
    chips.ages = {8};
    chips.day = core::Weekday::kWed;
    plan = db.ExplainSearch(chips);
    REQUIRE(plan);
    CHECK_THAT(plan.value(), Catch::Contains("activities_by_category"));
    core::Filter text;
    text.text = "voetbal";
    plan = db.ExplainSearch(text);
    REQUIRE(plan);
    CHECK_THAT(plan.value(), Catch::Contains("VIRTUAL TABLE"));
}

TEST_CASE("In SQL too, an unknown never passes a chip, and a full group is not found by the trial chip") {
    core::Catalogue c = Demo();
    c.activities[0].price.cents.reset();
    c.activities[0].price.social_cents.reset();
    c.activities[1].audience.dutch.reset();
    c.activities[2].audience.signup.reset();
    c.activities[3].availability.status.reset();
    c.activities[4].availability.trial_possible.reset();
    c.activities[5].availability.status = core::Status::kFull;
    c.activities[5].availability.trial_possible = true;
    auto db = store::CatalogueDb::Open(":memory:");
    REQUIRE(db);
    REQUIRE(db->Replace(c));
    for (core::Chip chip : core::kAllChips) {
        core::Filter f;
        f.SetChip(chip, true);
        auto ids = db->Search(f);
        REQUIRE(ids);
        std::vector<std::string> in_memory;
        for (const auto& a : c.activities)
            if (core::Matches(a, f)) in_memory.push_back(a.id);
        INFO("chip " << static_cast<int>(chip));
        CHECK(ids.value() == in_memory);
        for (int i : {0, 1, 2, 3, 4, 5}) {
            bool unknown_or_full =
                (chip == core::Chip::kFree && i == 0) || (chip == core::Chip::kNoDutch && i == 1) ||
                (chip == core::Chip::kWalkIn && i == 2) || (chip == core::Chip::kPlacesFree && i == 3) ||
                (chip == core::Chip::kTrial && (i == 4 || i == 5));
            if (unknown_or_full) CHECK(std::find(ids->begin(), ids->end(), c.activities[i].id) == ids->end());
        }
    }
    auto loaded = db->Load();
    REQUIRE(loaded);
    CHECK(loaded->activities == c.activities);  // unknowns come back unknown
}

TEST_CASE("A row's digest follows what it shows, not the folder its clips were resolved in") {
    auto digests_of = [](const core::Catalogue& c) {
        auto db = store::CatalogueDb::Open(":memory:");
        REQUIRE(db);
        REQUIRE(db->Replace(c));
        std::vector<uint64_t> digests;
        REQUIRE(db->SearchPositions(core::Filter{}, &digests));
        return digests;
    };
    core::Catalogue v1 = Demo();
    v1.activities[0].clips = {{"summary", "ar", "/data/catalogue/v1/media/" + std::string(64, 'a') + ".wav"}};
    core::Catalogue v2 = v1;  // the next version, the same clip, in its own folder
    v2.activities[0].clips[0].file = "/data/catalogue/v2/media/" + std::string(64, 'a') + ".wav";
    core::Catalogue recorded_again = v2;
    recorded_again.activities[0].clips[0].file = "/data/catalogue/v2/media/" + std::string(64, 'b') + ".wav";
    core::Catalogue retitled = v2;
    retitled.activities[0].title += " (nieuw)";

    auto one = digests_of(v1);
    REQUIRE(one.size() == Demo().activities.size());
    CHECK(digests_of(v2) == one);
    CHECK(digests_of(recorded_again)[0] != one[0]);
    CHECK(digests_of(retitled)[0] != one[0]);
    CHECK(digests_of(retitled)[1] == one[1]);
}

TEST_CASE("The db refuses a catalogue with an activity it could not read back, and keeps what it held") {
    auto db = store::CatalogueDb::Open(":memory:");
    REQUIRE(db);
    REQUIRE(db->Replace(Demo()));
    core::Catalogue bad = Demo();
    bad.activities[1].last_checked = core::Date{};  // no date: what a screen would fail to read
    auto r = db->Replace(bad);
    REQUIRE_FALSE(r);
    CHECK(r.error().code == core::ErrorCode::kInvalid);
    CHECK_THAT(r.error().message, Catch::Contains(bad.activities[1].id));
    auto held = db->Load();
    REQUIRE(held);
    CHECK(held->activities.size() == Demo().activities.size());
}
