#include <catch2/catch.hpp>

#include "core/validate.h"
#include "fixtures.h"

using namespace brugpunt::core;
using brugpunt::testing::ValidCatalogue;

namespace {
bool HasIssue(const std::vector<Issue>& issues, const std::string& id, const std::string& field) {
    for (const auto& i : issues)
        if (i.activity_id == id && i.field == field) return true;
    return false;
}
}  // namespace

TEST_CASE("A complete catalogue has no issues") {
    CHECK(ValidateCatalogue(ValidCatalogue()).empty());
}

TEST_CASE("Every missing or invalid seven-B field is reported with the activity id") {
    Catalogue c = ValidCatalogue();
    Activity& a = c.activities[0];
    a.category = "koken";
    a.title.clear();
    a.summary = "Eén zin maar.";
    a.pictograms.clear();
    a.first_visit.who_meets_you = "  ";
    a.price.social_cents = *a.price.cents + 1;
    a.price.passes.clear();
    a.availability.registration_to = {2020, 1, 1};
    a.availability.reopens_on = Date{2019, 1, 1};
    a.location.lat = 0;
    a.location.lon = 0;
    a.location.transit.clear();
    a.schedule.days.clear();
    a.schedule.end = "13:00";
    a.audience.age_min = 12;
    a.audience.age_max = 6;
    a.contact.phone = "bel me";
    a.last_checked = {};

    auto issues = ValidateCatalogue(c);
    for (const char* field :
         {"category", "title", "summary", "pictograms", "first_visit.who_meets_you", "price.social_cents",
          "price.passes", "availability.registration_to", "availability.reopens_on", "location.coordinates",
          "location.transit", "schedule.days", "schedule.end", "audience.age", "contact.phone",
          "last_checked"}) {
        INFO(field);
        CHECK(HasIssue(issues, "a-one", field));
    }
    for (const auto& i : issues) CHECK(i.activity_id == "a-one");
    CHECK(FormatIssue(issues.front()).rfind("a-one: ", 0) == 0);
}

TEST_CASE("Free activities need no pass, paid ones do") {
    Catalogue c = ValidCatalogue();
    c.activities[0].price = {0, "per keer", 0, {}, "", false, "Niets nodig."};
    CHECK(ValidateCatalogue(c).empty());
}

TEST_CASE("Duplicate ids and bad categories are catalogue-level issues") {
    Catalogue c = ValidCatalogue();
    c.activities[1].id = c.activities[0].id;
    c.categories[0].word = "Twee woorden";
    auto issues = ValidateCatalogue(c);
    CHECK(HasIssue(issues, "", "activities"));
    CHECK(HasIssue(issues, "", "categories.sport"));
}

TEST_CASE("Sentences are counted and measured in words") {
    CHECK(SentenceWordCounts("Je kind leert voetballen. De trainer is geduldig!") == std::vector<int>{4, 4});
    CHECK(SentenceWordCounts("Om 18.30 begint het.") == std::vector<int>{4});
    CHECK(SentenceWordCounts("Zonder punt") == std::vector<int>{2});
    CHECK(SentenceWordCounts("").empty());
}
