// The bundled demo catalogue is what a municipality sees first: it must be complete and plain.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "core/validate.h"
#include "store/catalogue_json.h"
#include "store/demo.h"

using namespace brugpunt;

namespace {
const store::ParsedCatalogue& Demo() {
    return testing::DemoParsed();
}
}  // namespace

TEST_CASE("The demo catalogue passes the validator with no issue at all") {
    for (const auto& issue : Demo().issues) FAIL_CHECK(core::FormatIssue(issue));
    CHECK(Demo().issues.empty());
}

TEST_CASE("The demo has at least 40 activities in at least 10 categories, none empty") {
    const auto& c = Demo().catalogue;
    CHECK(c.activities.size() >= 40);
    CHECK(c.categories.size() >= 10);
    std::map<std::string, int> per_category;
    for (const auto& a : c.activities) ++per_category[a.category];
    for (const auto& cat : c.categories) {
        INFO(cat.id);
        CHECK(per_category[cat.id] >= 2);
    }
}

TEST_CASE("The demo covers the offers the field work names") {
    const auto& c = Demo().catalogue;
    auto has = [&](auto pred) { return std::any_of(c.activities.begin(), c.activities.end(), pred); };
    for (const char* id : {"speelplein-zomer", "taalstage-zomer", "muziekacademie-notenleer", "voetbal-u8",
                           "turnen-kinderen", "hiphop-jongeren", "jeugdtheater", "scouts", "jeugdhuis-open",
                           "zwemles-kinderen", "fietsles-volwassenen", "babbelcafe", "buddy-nieuwkomers",
                           "vrijwilliger-speelplein", "bib-lidkaart"}) {
        INFO(id);
        CHECK(c.FindActivity(id));
    }
    CHECK(has([](const core::Activity& a) {
        return a.category == "sport" && a.title.find("Basketbal") != std::string::npos &&
               a.audience.for_whom == core::ForWhom::kGirlsWomen;
    }));
    CHECK(has([](const core::Activity& a) {
        return a.category == "zwemmen" && a.audience.for_whom == core::ForWhom::kGirlsWomen;
    }));
    CHECK(has([](const core::Activity& a) { return a.category == "fietsen" && a.audience.age_min >= 16; }));
    // Every status, a closed registration that reopens, and an interest list appear.
    std::set<core::Status> statuses;
    for (const auto& a : c.activities)
        if (a.availability.status) statuses.insert(*a.availability.status);
    CHECK(statuses.size() == 3);
    // The demo states every value, so it shows as it always did: nothing is unknown.
    for (const auto& a : c.activities) {
        INFO(a.id);
        CHECK(a.UnknownFields().empty());
    }
    CHECK(has(
        [](const core::Activity& a) { return a.availability.reopens_on && a.availability.interest_list; }));
    CHECK(has([](const core::Activity& a) { return a.price.cents == 0; }));
    CHECK(has([](const core::Activity& a) {
        return a.price.social_cents && a.price.cents && *a.price.social_cents < *a.price.cents;
    }));
}

TEST_CASE("Demo texts are plain Dutch: sentences of at most 12 words") {
    for (const auto& a : Demo().catalogue.activities) {
        for (const std::string* text : {&a.summary, &a.first_visit.where, &a.first_visit.who_meets_you,
                                        &a.first_visit.what_to_bring, &a.first_visit.what_happens}) {
            for (int words : core::SentenceWordCounts(*text)) {
                INFO(a.id << ": " << *text);
                CHECK(words <= 12);
            }
        }
    }
}

TEST_CASE("The demo municipality is clearly fictional") {
    const auto& c = Demo().catalogue;
    CHECK_THAT(c.municipality, Catch::Contains("demo"));
    for (const auto& a : c.activities) {
        INFO(a.id);
        CHECK_THAT(a.location.address, Catch::Contains("9999"));    // no real Belgian postcode
        CHECK_THAT(a.contact.phone, Catch::StartsWith("09 000 "));  // a 000 subscriber number does not exist
    }
}
