#include <catch2/catch.hpp>

#include "core/activity.h"
#include "core/date.h"

using namespace brugpunt::core;

TEST_CASE("ParseDate accepts real dates and rejects impossible ones") {
    CHECK(ParseDate("2026-11-23") == Date{2026, 11, 23});
    CHECK(ParseDate("2028-02-29") == Date{2028, 2, 29});
    CHECK_FALSE(ParseDate("2026-02-29"));
    CHECK_FALSE(ParseDate("2026-13-01"));
    CHECK_FALSE(ParseDate("2026-1-01"));
    CHECK_FALSE(ParseDate("26-11-2026"));
    CHECK_FALSE(ParseDate(""));
    CHECK_FALSE(ParseDate("2026-11-2x"));
}

TEST_CASE("Dates format for machines and for people") {
    CHECK(FormatDate({2027, 3, 1}) == "2027-03-01");
    CHECK(FormatDateDutch({2027, 3, 1}) == "1 maart 2027");
}

TEST_CASE("Clock times are HH:MM within a day") {
    CHECK(ParseClockTime("00:00") == 0);
    CHECK(ParseClockTime("18:30") == 18 * 60 + 30);
    CHECK_FALSE(ParseClockTime("24:00"));
    CHECK_FALSE(ParseClockTime("9:00"));
    CHECK_FALSE(ParseClockTime("09:60"));
}

TEST_CASE("Weekdays use Dutch two-letter codes") {
    CHECK(ParseWeekday("wo") == Weekday::kWed);
    CHECK_FALSE(ParseWeekday("we"));
    CHECK(WeekdayCode(Weekday::kSun) == "zo");
    CHECK(WeekdayOf({2026, 11, 23}) == Weekday::kMon);
    CHECK(WeekdayOf({2000, 1, 1}) == Weekday::kSat);
}

TEST_CASE("Prices show gratis for zero and Belgian euro notation otherwise") {
    CHECK(FormatEuro(0) == "gratis");
    CHECK(FormatEuro(9500) == "€ 95");
    CHECK(FormatEuro(350) == "€ 3,50");
    CHECK(FormatEuro(1205) == "€ 12,05");
}

TEST_CASE("AddDays walks across months, years and leap days, both ways") {
    using brugpunt::core::AddDays;
    using brugpunt::core::Date;
    CHECK(AddDays(Date{2026, 12, 2}, 0) == Date{2026, 12, 2});
    CHECK(AddDays(Date{2026, 12, 31}, 1) == Date{2027, 1, 1});
    CHECK(AddDays(Date{2027, 1, 1}, -1) == Date{2026, 12, 31});
    CHECK(AddDays(Date{2028, 2, 28}, 1) == Date{2028, 2, 29});
    CHECK(AddDays(Date{2027, 2, 28}, 1) == Date{2027, 3, 1});
    CHECK(AddDays(Date{2026, 12, 2}, -6) == Date{2026, 11, 26});
    CHECK(AddDays(Date{1969, 12, 31}, 1) == Date{1970, 1, 1});
    // The inverse of DaysBetween over a long span.
    Date from{2024, 3, 1};
    for (int d = -800; d <= 800; d += 37) CHECK(brugpunt::core::DaysBetween(from, AddDays(from, d)) == d);
}
