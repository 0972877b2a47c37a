#include <catch2/catch.hpp>

#include "core/filter.h"
#include "fixtures.h"

using namespace brugpunt::core;
using brugpunt::testing::ValidActivity;

TEST_CASE("An empty filter matches everything") {
    CHECK(Matches(ValidActivity("x"), Filter{}));
}

TEST_CASE("Each filter chip narrows on its own field") {
    Activity a = ValidActivity("x");
    Filter f;

    SECTION("free") {
        f.free_only = true;
        CHECK_FALSE(Matches(a, f));
        a.price.cents = 0;
        CHECK(Matches(a, f));
    }
    SECTION("girls and women only") {
        f.girls_only = true;
        CHECK_FALSE(Matches(a, f));
        a.audience.for_whom = ForWhom::kGirlsWomen;
        CHECK(Matches(a, f));
    }
    SECTION("trial possible") {
        f.trial = true;
        CHECK(Matches(a, f));
        a.availability.trial_possible = false;
        CHECK_FALSE(Matches(a, f));
    }
    SECTION("places free") {
        f.places_free = true;
        CHECK(Matches(a, f));
        a.availability.status = Status::kWaitingList;
        CHECK_FALSE(Matches(a, f));
    }
    SECTION("no Dutch needed") {
        f.no_dutch = true;
        CHECK(Matches(a, f));
        a.audience.dutch = DutchNeeded::kALittle;
        CHECK_FALSE(Matches(a, f));
    }
    SECTION("walk-in") {
        f.walk_in = true;
        CHECK_FALSE(Matches(a, f));
        a.audience.signup = Signup::kWalkIn;
        CHECK(Matches(a, f));
    }
    SECTION("my age is inclusive at both ends") {
        for (int age : {6, 7, 8}) {
            f.age = age;
            CHECK(Matches(a, f));
        }
        for (int age : {5, 9}) {
            f.age = age;
            CHECK_FALSE(Matches(a, f));
        }
    }
    SECTION("day of week") {
        f.day = Weekday::kWed;
        CHECK(Matches(a, f));
        f.day = Weekday::kThu;
        CHECK_FALSE(Matches(a, f));
    }
    SECTION("category") {
        f.category = "sport";
        CHECK(Matches(a, f));
        f.category = "taal";
        CHECK_FALSE(Matches(a, f));
    }
}

TEST_CASE("Chips toggle through one accessor") {
    Filter f;
    for (Chip c : kAllChips) {
        CHECK_FALSE(f.Chip(c));
        f.SetChip(c, true);
        CHECK(f.Chip(c));
    }
    CHECK(f.free_only);
    CHECK(f.walk_in);
}
