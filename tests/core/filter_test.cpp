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
            f.ages = {age};
            CHECK(Matches(a, f));
        }
        for (int age : {5, 9}) {
            f.ages = {age};
            CHECK_FALSE(Matches(a, f));
        }
    }
    SECTION("several children: one of them fits, or with together all of them") {
        f.ages = {5, 7};  // the activity is for 6 to 8
        CHECK(Matches(a, f));
        CHECK(AgesFitting(a, f) == std::vector<int>{7});
        f.together = true;
        CHECK_FALSE(Matches(a, f));
        f.ages = {6, 8};
        CHECK(Matches(a, f));
        f.ages = {4, 9};
        f.together = false;
        CHECK_FALSE(Matches(a, f));
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

TEST_CASE("An unknown never passes a chip as if it were yes") {
    Activity a = ValidActivity("x");
    brugpunt::testing::MakeEverythingUnknown(a);
    for (Chip chip : {Chip::kFree, Chip::kTrial, Chip::kPlacesFree, Chip::kNoDutch, Chip::kWalkIn}) {
        INFO("chip " << static_cast<int>(chip));
        Filter f;
        f.SetChip(chip, true);
        CHECK_FALSE(Matches(a, f));
    }
    CHECK(Matches(a, Filter{}));  // it is still in the list, as "vraag het aan de balie"
}

TEST_CASE("A full group offers no trial, whatever the catalogue says") {
    Activity a = ValidActivity("x");
    REQUIRE(a.availability.trial_possible == true);
    CHECK(a.TrialOffered());
    a.availability.status = Status::kFull;
    CHECK_FALSE(a.TrialOffered());
    CHECK_FALSE(Matches(a, Filter{.trial = true}));
    a.availability.status = Status::kWaitingList;
    CHECK(a.TrialOffered());
}

TEST_CASE("Unknown fields are listed, an activity's end and a stale check are dated") {
    Activity a = ValidActivity("x");
    CHECK(a.UnknownFields().empty());
    a.price.cents.reset();
    a.price.social_cents.reset();
    a.audience.wheelchair.reset();
    CHECK(a.UnknownFields() ==
          std::vector<std::string>{"price.cents", "price.social_cents", "audience.wheelchair"});
    a.price.cents = 0;  // free: there is no social price to ask about
    CHECK(a.UnknownFields() == std::vector<std::string>{"audience.wheelchair"});

    CHECK_FALSE(a.Ended({2030, 1, 1}));  // no last date: it goes on
    a.schedule.last_date = Date{2026, 12, 5};
    CHECK_FALSE(a.Ended({2026, 12, 5}));  // its last day is still today
    CHECK(a.Ended({2026, 12, 6}));

    a.last_checked = {2026, 6, 1};
    CHECK(DaysBetween({2026, 6, 1}, {2026, 11, 28}) == 180);
    CHECK(DaysBetween({2024, 2, 28}, {2024, 3, 1}) == 2);
    CHECK(DaysBetween({2026, 12, 31}, {2027, 1, 1}) == 1);
    CHECK_FALSE(a.CheckedLongAgo({2026, 11, 28}, 180));
    CHECK(a.CheckedLongAgo({2026, 11, 29}, 180));
    a.last_checked = {};
    CHECK(a.CheckedLongAgo({2026, 11, 29}, 180));  // never checked is not trustworthy either
}

TEST_CASE("Nederlands oefenen finds the activities marked as a chance to practise Dutch") {
    Activity a = ValidActivity("x");
    Filter f{.practise_dutch = true};
    CHECK_FALSE(Matches(a, f));
    a.audience.practise_dutch = true;
    CHECK(Matches(a, f));
    CHECK(f.Chip(Chip::kPractiseDutch));
}

TEST_CASE("Ages are toggled on and off, sorted, at most four, and together needs two") {
    Filter f;
    AddOrRemoveAge(f, 9);
    AddOrRemoveAge(f, 5);
    CHECK(f.ages == std::vector<int>{5, 9});
    f.together = true;
    AddOrRemoveAge(f, 12);
    AddOrRemoveAge(f, 2);
    AddOrRemoveAge(f, 16);  // a fifth is not added
    CHECK(f.ages == std::vector<int>{2, 5, 9, 12});
    CHECK(f.together);
    AddOrRemoveAge(f, 5);
    AddOrRemoveAge(f, 9);
    AddOrRemoveAge(f, 12);
    CHECK(f.ages == std::vector<int>{2});
    CHECK_FALSE(f.together);
}

TEST_CASE("Dated activities take place on their dates, weekly ones only when a week's days say so") {
    Activity camp = brugpunt::testing::ValidActivity("camp");
    camp.schedule.days = {Weekday::kMon};
    camp.schedule.dates = {{{2026, 12, 21}, {2026, 12, 24}, "09:00", "16:00"}};
    CHECK(camp.TakesPlaceBetween({2026, 12, 24}, {2026, 12, 30}, true));
    CHECK_FALSE(camp.TakesPlaceBetween({2026, 12, 25}, {2027, 1, 3}, true));
    // Its Monday is only the day its dates fall on: no weekly claim.
    CHECK_FALSE(camp.TakesPlaceBetween({2026, 12, 28}, {2026, 12, 28}, true));
    Activity club = brugpunt::testing::ValidActivity("club");  // Wednesdays
    CHECK(club.TakesPlaceBetween({2026, 12, 2}, {2026, 12, 8}, true));
    CHECK_FALSE(club.TakesPlaceBetween({2026, 12, 3}, {2026, 12, 8}, true));  // Thursday to Tuesday
    CHECK_FALSE(club.TakesPlaceBetween({2026, 12, 2}, {2026, 12, 8}, false));
    club.schedule.last_date = Date{2026, 12, 1};
    CHECK_FALSE(club.TakesPlaceBetween({2026, 12, 2}, {2026, 12, 8}, true));
    CHECK(camp.NextDates({2026, 12, 22}, 5).size() == 1);
    CHECK(camp.NextDates({2026, 12, 25}, 5).empty());
}

TEST_CASE("'Deze week' is the coming seven days, 'in de vakantie' the holiday going on or the next") {
    std::vector<Holiday> holidays = {{"herfstvakantie", {2026, 10, 26}, {2026, 11, 8}},
                                     {"kerstvakantie", {2026, 12, 21}, {2027, 1, 3}}};
    Filter f;
    f.when = When::kThisWeek;
    ResolveWhen(f, {2026, 12, 2}, holidays);
    CHECK(f.when_first == Date{2026, 12, 2});
    CHECK(f.when_last == Date{2026, 12, 8});
    CHECK(f.when_weekly);
    ResolveWhen(f, {2026, 12, 18}, holidays);  // the week runs into the Christmas holiday
    CHECK_FALSE(f.when_weekly);
    f.when = When::kHoliday;
    ResolveWhen(f, {2026, 12, 2}, holidays);
    CHECK(f.when_first == Date{2026, 12, 21});
    CHECK(f.when_last == Date{2027, 1, 3});
    CHECK_FALSE(f.when_weekly);  // nobody said the club goes on in the holiday
    ResolveWhen(f, {2026, 12, 28}, holidays);
    CHECK(f.when_first == Date{2026, 12, 28});
    REQUIRE(CurrentOrNextHoliday(holidays, {2026, 11, 1}));
    CHECK(CurrentOrNextHoliday(holidays, {2026, 11, 1})->name == "herfstvakantie");
    ResolveWhen(f, {2027, 2, 1}, holidays);  // no holiday left in the table: nothing matches
    Activity camp = brugpunt::testing::ValidActivity("camp");
    camp.schedule.dates = {{{2027, 2, 15}, {2027, 2, 19}, "", ""}};
    CHECK_FALSE(Matches(camp, f));
}
