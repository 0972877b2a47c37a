// Owns calendar dates and clock times as plain values. Standard library only.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace brugpunt::core {

struct Date {
    int year = 0;
    int month = 0;
    int day = 0;

    auto operator<=>(const Date&) const = default;
};

// "2026-11-23" -> Date; nullopt on anything else, including 2026-02-30.
std::optional<Date> ParseDate(std::string_view text);
std::string FormatDate(const Date& date);
// "23 november 2026", for people.
std::string FormatDateDutch(const Date& date);

// Whole days from `from` to `to`; negative when `to` is earlier.
int DaysBetween(const Date& from, const Date& to);
// The date `days` later (earlier when negative).
Date AddDays(const Date& date, int days);
// Today's date in the machine's time zone, from the wall clock.
Date LocalToday();
// The date in the machine's time zone at that moment.
Date LocalDateOf(long long unix_seconds);

// "18:30" -> minutes since midnight; nullopt when malformed.
std::optional<int> ParseClockTime(std::string_view text);

enum class Weekday { kMon, kTue, kWed, kThu, kFri, kSat, kSun };
inline constexpr int kWeekdayCount = 7;

std::optional<Weekday> ParseWeekday(std::string_view code);  // "ma", "di", ... "zo"
std::string_view WeekdayCode(Weekday day);
Weekday WeekdayOf(const Date& date);

}  // namespace brugpunt::core
