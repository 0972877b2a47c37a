// Owns what a visitor can filter on and the in-memory meaning of each filter chip.
// Standard library only. store/ answers the same filters with SQL; a test keeps both in step.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "activity.h"

namespace brugpunt::core {

enum class Chip { kFree, kGirls, kTrial, kPlacesFree, kNoDutch, kPractiseDutch, kWalkIn };
inline constexpr Chip kAllChips[] = {Chip::kFree,    Chip::kGirls,         Chip::kTrial, Chip::kPlacesFree,
                                     Chip::kNoDutch, Chip::kPractiseDutch, Chip::kWalkIn};

// When the visitor wants to go: any time, in the coming seven days, or in the current or next
// school holiday. The kiosk turns the choice into dates (ResolveWhen) before it searches.
enum class When { kAny, kThisWeek, kHoliday };

struct Filter {
    std::string category;  // empty: every category
    bool free_only = false;
    bool girls_only = false;
    bool trial = false;
    bool places_free = false;
    bool no_dutch = false;
    bool practise_dutch = false;
    bool walk_in = false;
    // The ages of the visitor's children (or their own), sorted, at most kMaxAges. An activity
    // fits when it fits one of them; with `together`, only when it fits all of them at once.
    std::vector<int> ages;
    bool together = false;
    std::optional<Weekday> day;
    When when = When::kAny;
    Date when_first, when_last;  // set by ResolveWhen
    bool when_weekly = false;    // a weekly activity counts (not in a school holiday)
    // Set by the kiosk to today: an activity whose last day is before it is over and left out,
    // whatever the catalogue's age. {}: none is.
    Date open_on;
    std::string text;  // free-text search; answered by the store's FTS index

    bool Chip(Chip chip) const;
    void SetChip(enum Chip chip, bool on);
    bool operator==(const Filter&) const = default;
};

inline constexpr size_t kMaxAges = 4;

// The school holiday going on today, or else the next one; nullptr when the table has none.
const Holiday* CurrentOrNextHoliday(const std::vector<Holiday>& holidays, const Date& today);
// Fills in when_first, when_last and when_weekly for filter.when. A holiday asked for when the
// table has none matches nothing: nobody said what happens then.
void ResolveWhen(Filter& filter, const Date& today, const std::vector<Holiday>& holidays);
inline constexpr int kThisWeekDays = 7;

// Every structured filter except `text`.
bool Matches(const Activity& activity, const Filter& filter);
// Which of the filter's ages the activity fits, in the filter's order: what a card says when a
// family looks for several children.
std::vector<int> AgesFitting(const Activity& activity, const Filter& filter);
// Adds the age, or takes it away when it is there; sorted, at most kMaxAges (a fifth is not
// added). Fewer than two ages cannot be "together".
void AddOrRemoveAge(Filter& filter, int age);

}  // namespace brugpunt::core
