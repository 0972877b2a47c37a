#include <catch2/catch.hpp>

#include <algorithm>

#include "core/fixtures.h"
#include "store/catalogue_json.h"

using namespace brugpunt;

TEST_CASE("A catalogue survives JSON out and back in, field for field") {
    core::Catalogue c = testing::ValidCatalogue();
    c.activities[0].availability.reopens_on = core::Date{2027, 9, 1};
    auto parsed = store::ParseCatalogueJson(store::CatalogueToJson(c));
    REQUIRE(parsed);
    CHECK(parsed->issues.empty());
    CHECK(parsed->catalogue.activities == c.activities);
    CHECK(parsed->catalogue.categories == c.categories);
    CHECK(parsed->catalogue.desk == c.desk);
    CHECK(parsed->catalogue.version == 7);
}

TEST_CASE("Translations and clips survive JSON out and back in") {
    core::Catalogue c = testing::ValidCatalogue();
    c.categories[0].translations = {{"ar", "رياضة"}, {"uk", "Спорт"}};
    c.activities[0].translations["ar"] = {"كرة القدم", "العب معنا.", {"هنا", "المدرب", "ماء", "نلعب"}, false};
    c.activities[0].translations["ti"] = {"ኩዕሶ", "", {}, true};
    c.activities[0].clips = {{"summary", "ps", "media/a-one.summary.ps.opus"}};
    auto parsed = store::ParseCatalogueJson(store::CatalogueToJson(c));
    REQUIRE(parsed);
    CHECK(parsed->issues.empty());
    CHECK(parsed->catalogue.activities == c.activities);
    CHECK(parsed->catalogue.categories == c.categories);
}

TEST_CASE(
    "A translation under a key that is no language code is an issue, a clip that escapes its folder is "
    "refused") {
    core::Catalogue c = testing::ValidCatalogue();
    std::string json = store::CatalogueToJson(c);
    auto at = json.find("\"translations\": {}");
    REQUIRE(at != std::string::npos);
    json.replace(at, std::string("\"translations\": {}").size(),
                 "\"translations\": {\"Arabisch\": {\"title\": \"?\"}}, \"clips\": [{\"field\": \"summary\", "
                 "\"lang\": \"ar\", "
                 "\"file\": \"../../etc/passwd\"}], \"unused\": 0");
    auto parsed = store::ParseCatalogueJson(json);
    REQUIRE(parsed);
    std::vector<std::string> found;
    for (const auto& i : parsed->issues) found.push_back(i.field);
    CHECK_THAT(found, Catch::VectorContains(std::string("translations")));
    // The clip is kept for the path rule, which refuses it (the kiosk's load fails on it).
    std::vector<std::string> refused;
    for (const auto& i : store::CatalogueRefusals(parsed->catalogue)) refused.push_back(i.field);
    CHECK_THAT(refused, Catch::VectorContains(std::string("clips")));
}

TEST_CASE("Translations and clips of the wrong kind are issues, never an exception") {
    core::Catalogue c = testing::ValidCatalogue();
    std::string json = store::CatalogueToJson(c);
    auto at = json.find("\"translations\": {}");
    REQUIRE(at != std::string::npos);
    json.replace(
        at, std::string("\"translations\": {}").size(),
        "\"translations\": {\"ar\": {\"title\": 5, \"reviewed\": \"ja\", \"first_visit\": {\"where\": []}}}, "
        "\"clips\": [3, \"x\", {\"field\": 1}], \"unused\": 0");
    core::Result<store::ParsedCatalogue> parsed = core::Error{core::ErrorCode::kParse, ""};
    REQUIRE_NOTHROW(parsed = store::ParseCatalogueJson(json));
    REQUIRE(parsed);
    std::vector<std::string> messages;
    for (const auto& i : parsed->issues) messages.push_back(i.field + ": " + i.message);
    CHECK_THAT(messages, Catch::VectorContains(std::string("translations: ar.title moet tekst zijn")));
    CHECK_THAT(messages,
               Catch::VectorContains(std::string("translations: ar.reviewed moet true of false zijn")));
    CHECK_THAT(messages, Catch::VectorContains(std::string("translations: ar.where moet tekst zijn")));
    CHECK(std::count_if(messages.begin(), messages.end(),
                        [](const std::string& m) { return m.rfind("clips", 0) == 0; }) == 3);
    CHECK_FALSE(parsed->catalogue.activities[0].translations.at("ar").reviewed);
    CHECK(parsed->catalogue.activities[0].clips.empty());
}

TEST_CASE("Text that is not a catalogue fails as a whole with a clear reason") {
    CHECK_THAT(store::ParseCatalogueJson("{\"format\": 1,").error().message,
               Catch::Contains("not valid JSON"));
    CHECK_THAT(store::ParseCatalogueJson("[]").error().message, Catch::Contains("object"));
    CHECK_THAT(store::ParseCatalogueJson("{\"format\": 2}").error().message, Catch::Contains("format"));
    CHECK_THAT(store::LoadCatalogueFile("/nonexistent/catalogue.json").error().message,
               Catch::Contains("cannot open"));
}

TEST_CASE("Wrong or missing fields become issues with the activity id and field path") {
    core::Catalogue c = testing::ValidCatalogue();
    std::string json = store::CatalogueToJson(c);
    auto replace = [&](const std::string& from, const std::string& to) {
        auto pos = json.find(from);
        REQUIRE(pos != std::string::npos);
        json.replace(pos, from.size(), to);
    };
    replace("\"status\": \"free\"", "\"status\": \"open\"");
    replace("\"cents\": 9500", "\"cents\": \"veel\"");
    replace("\"last_checked\": \"2026-11-02\"", "\"last_checked\": \"gisteren\"");
    replace("\"days\": [\n", "\"days\": [\n \"woe\",\n");
    auto parsed = store::ParseCatalogueJson(json);
    REQUIRE(parsed);
    std::vector<std::string> found;
    for (const auto& i : parsed->issues) {
        CHECK(i.activity_id == "a-one");
        found.push_back(i.field);
    }
    CHECK_THAT(found, Catch::VectorContains(std::string("availability.status")));
    CHECK_THAT(found, Catch::VectorContains(std::string("price.cents")));
    CHECK_THAT(found, Catch::VectorContains(std::string("last_checked")));
    CHECK_THAT(found, Catch::VectorContains(std::string("schedule.days")));
}

TEST_CASE("An absent field is unknown: read without an issue, written as absent, never a value") {
    core::Catalogue c = testing::ValidCatalogue();
    core::Activity& a = c.activities[0];
    testing::MakeEverythingUnknown(a);
    a.schedule.last_date = core::Date{2027, 6, 30};
    std::string text = store::CatalogueToJson(c);
    auto parsed = store::ParseCatalogueJson(text);
    REQUIRE(parsed);
    CHECK(parsed->issues.empty());
    CHECK(parsed->catalogue.activities == c.activities);
    // The second activity keeps every value it states, among them a 0 price that is "gratis".
    c.activities[1].price.cents = 0;
    auto again = store::ParseCatalogueJson(store::CatalogueToJson(c));
    REQUIRE(again);
    CHECK(again->catalogue.activities[1].price.cents == 0);
    CHECK(again->catalogue.activities[1].audience.dutch == core::DutchNeeded::kNone);
    CHECK(again->catalogue.activities[1].audience.wheelchair == true);

    // A value of the wrong kind is still an issue, not an unknown.
    std::string bad = text;
    bad.replace(bad.find("\"material_available\""), 0, "\"cents\": \"gratis\", ");
    auto wrong = store::ParseCatalogueJson(bad);
    REQUIRE(wrong);
    std::vector<std::string> fields;
    for (const auto& i : wrong->issues) fields.push_back(i.field);
    CHECK_THAT(fields, Catch::VectorContains(std::string("price.cents")));
}

TEST_CASE(
    "Dated occurrences and the school holidays survive JSON out and back in, a backwards range is an issue") {
    core::Catalogue c = testing::ValidCatalogue();
    c.holidays = {{"kerstvakantie", {2026, 12, 21}, {2027, 1, 3}}};
    c.activities[0].schedule.dates = {{{2026, 12, 21}, {2026, 12, 24}, "09:00", "16:00"},
                                      {{2027, 2, 17}, {2027, 2, 17}, "", ""}};
    auto parsed = store::ParseCatalogueJson(store::CatalogueToJson(c));
    REQUIRE(parsed);
    CHECK(parsed->issues.empty());
    CHECK(parsed->catalogue.holidays == c.holidays);
    CHECK(parsed->catalogue.activities[0].schedule.dates == c.activities[0].schedule.dates);
    c.holidays[0].last = {2026, 12, 1};
    c.activities[0].schedule.dates[0].last = {2026, 12, 1};
    parsed = store::ParseCatalogueJson(store::CatalogueToJson(c));
    REQUIRE(parsed);
    std::string all;
    for (const auto& i : parsed->issues) all += core::FormatIssue(i) + "\n";
    CHECK(all.find("school_holidays.last") != std::string::npos);
    CHECK(all.find("schedule.dates.last") != std::string::npos);
}
