// Owns lookups and code tables for the catalogue domain. Standard library only.
#include "activity.h"

#include <algorithm>

#include "language.h"

#include <array>
#include <utility>

namespace brugpunt::core {
namespace {

template <class E, size_t N>
std::optional<E> FromCode(const std::array<std::pair<E, std::string_view>, N>& table, std::string_view code) {
    for (const auto& [value, name] : table)
        if (name == code) return value;
    return std::nullopt;
}

template <class E, size_t N>
std::string_view ToCode(const std::array<std::pair<E, std::string_view>, N>& table, E value) {
    for (const auto& [v, name] : table)
        if (v == value) return name;
    return {};
}

constexpr std::array<std::pair<Status, std::string_view>, 3> kStatus = {
    {{Status::kPlacesFree, "free"}, {Status::kWaitingList, "waitlist"}, {Status::kFull, "full"}}};
constexpr std::array<std::pair<ForWhom, std::string_view>, 3> kForWhom = {
    {{ForWhom::kMixed, "mixed"}, {ForWhom::kGirlsWomen, "girls"}, {ForWhom::kBoysMen, "boys"}}};
constexpr std::array<std::pair<DutchNeeded, std::string_view>, 3> kDutchNeeded = {
    {{DutchNeeded::kNone, "none"}, {DutchNeeded::kALittle, "a-little"}, {DutchNeeded::kGood, "good"}}};
constexpr std::array<std::pair<Signup, std::string_view>, 2> kSignup = {
    {{Signup::kWalkIn, "walk-in"}, {Signup::kRegistration, "registration"}}};

}  // namespace

const ActivityTexts* Activity::TextsIn(const std::string& lang) const {
    if (lang == kDutch) return nullptr;  // Dutch is the source, on screen: never a translation
    auto it = translations.find(lang);
    return it == translations.end() ? nullptr : &it->second;
}

std::string Activity::ClipFor(std::string_view field, std::string_view lang) const {
    for (const auto& c : clips)
        if (c.field == field && c.lang == lang) return c.file;
    return {};
}

bool Activity::TrialOffered() const {
    return IsYes(availability.trial_possible) && availability.status != Status::kFull;
}

bool Activity::Ended(const Date& today) const {
    return schedule.last_date && *schedule.last_date < today;
}

bool Activity::TakesPlaceBetween(const Date& first, const Date& last, bool weekly_counts) const {
    if (!schedule.dates.empty())
        return std::any_of(schedule.dates.begin(), schedule.dates.end(),
                           [&](const Occurrence& o) { return o.first <= last && o.last >= first; });
    if (!weekly_counts || schedule.days.empty()) return false;
    for (Date d = first; d <= last && DaysBetween(first, d) < 7; d = AddDays(d, 1)) {
        if (schedule.last_date && *schedule.last_date < d) return false;
        if (std::find(schedule.days.begin(), schedule.days.end(), WeekdayOf(d)) != schedule.days.end())
            return true;
    }
    return false;
}

std::vector<Occurrence> Activity::NextDates(const Date& from, size_t limit) const {
    std::vector<Occurrence> out;
    for (const Occurrence& o : schedule.dates)
        if (o.last >= from && out.size() < limit) out.push_back(o);
    return out;
}

bool Activity::CheckedLongAgo(const Date& today, int max_days) const {
    return last_checked == Date{} || DaysBetween(last_checked, today) > max_days;
}

std::vector<std::string> Activity::UnknownFields() const {
    std::vector<std::string> out;
    auto add = [&](bool unknown, const char* field) {
        if (unknown) out.push_back(field);
    };
    add(!price.cents, "price.cents");
    // A free activity has no social price to ask about.
    add(!price.social_cents && price.cents != 0, "price.social_cents");
    add(!availability.status, "availability.status");
    add(!availability.trial_possible, "availability.trial_possible");
    add(!audience.dutch, "audience.dutch");
    add(!audience.signup, "audience.signup");
    add(!audience.childcare, "audience.childcare");
    add(!audience.wheelchair, "audience.wheelchair");
    return out;
}

const Activity* Catalogue::FindActivity(std::string_view id) const {
    for (const auto& a : activities)
        if (a.id == id) return &a;
    return nullptr;
}

const Category* Catalogue::FindCategory(std::string_view id) const {
    for (const auto& c : categories)
        if (c.id == id) return &c;
    return nullptr;
}

std::string_view StatusCode(Status s) {
    return ToCode(kStatus, s);
}
std::string_view ForWhomCode(ForWhom f) {
    return ToCode(kForWhom, f);
}
std::string_view DutchNeededCode(DutchNeeded d) {
    return ToCode(kDutchNeeded, d);
}
std::string_view SignupCode(Signup s) {
    return ToCode(kSignup, s);
}
std::optional<Status> ParseStatus(std::string_view code) {
    return FromCode(kStatus, code);
}
std::optional<ForWhom> ParseForWhom(std::string_view code) {
    return FromCode(kForWhom, code);
}
std::optional<DutchNeeded> ParseDutchNeeded(std::string_view code) {
    return FromCode(kDutchNeeded, code);
}
std::optional<Signup> ParseSignup(std::string_view code) {
    return FromCode(kSignup, code);
}

std::string FormatEuro(int cents) {
    if (cents == 0) return "gratis";
    std::string out = "€ " + std::to_string(cents / 100);
    if (int rest = cents % 100; rest != 0) {
        out += ',';
        out += static_cast<char>('0' + rest / 10);
        out += static_cast<char>('0' + rest % 10);
    }
    return out;
}

}  // namespace brugpunt::core
