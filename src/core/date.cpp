// Owns date parsing and formatting. Standard library only.
#include "date.h"

#include <array>
#include <charconv>
#include <cstdio>
#include <ctime>

namespace brugpunt::core {
namespace {

bool ParseInt(std::string_view text, int& out) {
    if (text.empty()) return false;
    for (char c : text)
        if (c < '0' || c > '9') return false;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && ptr == text.data() + text.size();
}

bool IsLeap(int year) {
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

int DaysInMonth(int year, int month) {
    static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

constexpr std::array<std::string_view, kWeekdayCount> kWeekdayCodes = {"ma", "di", "wo", "do",
                                                                       "vr", "za", "zo"};

}  // namespace

std::optional<Date> ParseDate(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    Date d;
    if (!ParseInt(text.substr(0, 4), d.year) || !ParseInt(text.substr(5, 2), d.month) ||
        !ParseInt(text.substr(8, 2), d.day))
        return std::nullopt;
    if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > DaysInMonth(d.year, d.month)) return std::nullopt;
    return d;
}

namespace {

// Days since 1970-01-01 in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
long long DayNumber(const Date& d) {
    int y = d.year - (d.month <= 2);
    int era = (y >= 0 ? y : y - 399) / 400;
    int yoe = y - era * 400;
    int doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
    int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return static_cast<long long>(era) * 146097 + doe - 719468;
}

// The inverse (civil_from_days).
Date FromDayNumber(long long z) {
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    int day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
    int month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {static_cast<int>(yoe + era * 400 + (month <= 2)), month, day};
}

}  // namespace

Date AddDays(const Date& date, int days) {
    return FromDayNumber(DayNumber(date) + days);
}

int DaysBetween(const Date& from, const Date& to) {
    return static_cast<int>(DayNumber(to) - DayNumber(from));
}

std::string FormatDate(const Date& date) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", date.year, date.month, date.day);
    return buf;
}

std::string FormatDateDutch(const Date& date) {
    static constexpr std::array<const char*, 12> kMonths = {"januari",   "februari", "maart",    "april",
                                                            "mei",       "juni",     "juli",     "augustus",
                                                            "september", "oktober",  "november", "december"};
    return std::to_string(date.day) + " " + kMonths[date.month - 1] + " " + std::to_string(date.year);
}

std::optional<int> ParseClockTime(std::string_view text) {
    if (text.size() != 5 || text[2] != ':') return std::nullopt;
    int h = 0, m = 0;
    if (!ParseInt(text.substr(0, 2), h) || !ParseInt(text.substr(3, 2), m)) return std::nullopt;
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

std::optional<Weekday> ParseWeekday(std::string_view code) {
    for (int i = 0; i < kWeekdayCount; ++i)
        if (kWeekdayCodes[i] == code) return static_cast<Weekday>(i);
    return std::nullopt;
}

std::string_view WeekdayCode(Weekday day) {
    return kWeekdayCodes[static_cast<int>(day)];
}

Weekday WeekdayOf(const Date& date) {
    // Sakamoto's method; 0 = Sunday.
    static constexpr std::array<int, 12> kOffsets = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
    int y = date.year - (date.month < 3 ? 1 : 0);
    int sunday_based = (y + y / 4 - y / 100 + y / 400 + kOffsets[date.month - 1] + date.day) % 7;
    return static_cast<Weekday>((sunday_based + 6) % 7);
}

Date LocalToday() {
    return LocalDateOf(std::time(nullptr));
}

Date LocalDateOf(long long unix_seconds) {
    std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    localtime_r(&t, &tm);  // not std::localtime: the kiosk's worker threads format times too
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

}  // namespace brugpunt::core
