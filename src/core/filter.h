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
    std::string text;  // free-text search; answered by the store's FTS index

    bool Chip(Chip chip) const;
    void SetChip(enum Chip chip, bool on);
    bool operator==(const Filter&) const = default;
};

inline constexpr size_t kMaxAges = 4;

// Every structured filter except `text`.
bool Matches(const Activity& activity, const Filter& filter);
// Which of the filter's ages the activity fits, in the filter's order: what a card says when a
// family looks for several children.
std::vector<int> AgesFitting(const Activity& activity, const Filter& filter);
// Adds the age, or takes it away when it is there; sorted, at most kMaxAges (a fifth is not
// added). Fewer than two ages cannot be "together".
void AddOrRemoveAge(Filter& filter, int age);

}  // namespace brugpunt::core
