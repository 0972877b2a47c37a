// Owns what a visitor can filter on and the in-memory meaning of each filter chip.
// Standard library only. store/ answers the same filters with SQL; a test keeps both in step.
#pragma once

#include <optional>
#include <string>

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
    std::optional<int> age;
    std::optional<Weekday> day;
    std::string text;  // free-text search; answered by the store's FTS index

    bool Chip(Chip chip) const;
    void SetChip(enum Chip chip, bool on);
    bool operator==(const Filter&) const = default;
};

// Every structured filter except `text`.
bool Matches(const Activity& activity, const Filter& filter);

}  // namespace brugpunt::core
