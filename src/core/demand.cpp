// Owns which visitor actions count for which demand key. Must not include anything outside the
// standard library and core.
#include "demand.h"

#include <algorithm>
#include <set>

namespace brugpunt::core {

namespace {

constexpr std::string_view kPrefixes[] = {
    "sessions", "category:", "activity:", "filter:", "language:", "request:", "interest:", "empty:"};

// Ids come from the catalogue; one Balie would refuse is not counted rather than sent.
void AddIf(std::vector<std::string>& keys, std::string key) {
    if (ValidDemandKey(key)) keys.push_back(std::move(key));
}

}  // namespace

const char* DemandName(Chip chip) {
    switch (chip) {
        case Chip::kFree:
            return "free";
        case Chip::kGirls:
            return "girls";
        case Chip::kTrial:
            return "trial";
        case Chip::kPlacesFree:
            return "places_free";
        case Chip::kNoDutch:
            return "no_dutch";
        case Chip::kPractiseDutch:
            return "practise_dutch";
        case Chip::kWalkIn:
            return "walk_in";
    }
    return "unknown";
}

bool ValidDemandKey(std::string_view key) {
    if (key == "sessions") return true;
    for (std::string_view prefix : kPrefixes) {
        if (prefix == "sessions" || !key.starts_with(prefix)) continue;
        std::string_view rest = key.substr(prefix.size());
        return !rest.empty() && rest.size() <= 64 && std::all_of(rest.begin(), rest.end(), [](char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
        });
    }
    return false;
}

std::string EmptyListKey(const Session& session) {
    return "empty:" + (session.category.empty() ? std::string("alles") : session.category);
}

std::vector<std::string> DemandKeys(const Session& before, const Action& action, const Session& after,
                                    const std::function<std::string(const std::string&)>& category_of) {
    std::vector<std::string> keys;
    if (before.screen == Screen::kAttract && after.screen != Screen::kAttract &&
        after.screen != Screen::kStaff)
        keys.push_back("sessions");
    if (std::holds_alternative<action::OpenCategory>(action) && after.screen == Screen::kList)
        AddIf(keys, "category:" + after.category);
    if (std::holds_alternative<action::OpenActivity>(action) && after.screen == Screen::kDetail)
        AddIf(keys, "activity:" + after.activity_id);
    if (auto* chip = std::get_if<action::ToggleChip>(&action);
        chip && after.filter.Chip(chip->chip) && !before.filter.Chip(chip->chip))
        keys.push_back(std::string("filter:") + DemandName(chip->chip));
    // Stepping an age or a day up and down is one use of the filter, not one per step.
    if (!after.filter.ages.empty() && before.filter.ages.empty()) keys.push_back("filter:age");
    // A family looking for more than one child at once: how often is worth knowing.
    if (after.filter.ages.size() >= 2 && before.filter.ages.size() < 2) keys.push_back("filter:children");
    if (after.filter.together && !before.filter.together) keys.push_back("filter:together");
    if (after.filter.when != before.filter.when && after.filter.when != When::kAny)
        keys.push_back(after.filter.when == When::kThisWeek ? "filter:this_week" : "filter:holiday");
    if (std::holds_alternative<action::SetDay>(action) && after.filter.day && !before.filter.day)
        keys.push_back("filter:day");
    if (std::holds_alternative<action::ChooseLanguage>(action) && after.language != before.language)
        AddIf(keys, "language:" + after.language);
    if (std::holds_alternative<action::SubmitDone>(action)) {
        const AppointmentRequest& r = before.draft.request;
        std::string kind = r.kind == RequestKind::kInterest ? "interest:" : "request:";
        std::set<std::string> categories;
        for (const auto& id : r.activity_ids) {
            std::string category = category_of(id);
            categories.insert(category.empty() ? "onbekend" : category);
        }
        if (r.activity_ids.empty()) categories.insert("algemeen");
        for (const auto& category : categories) AddIf(keys, kind + category);
    }
    return keys;
}

}  // namespace brugpunt::core
