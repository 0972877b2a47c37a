// Owns the visitor session: which screen, the filters, the back stack and the inactivity timer,
// changed only by the pure Reduce. Standard library only.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "clock.h"
#include "filter.h"

namespace brugpunt::core {

enum class Screen { kAttract, kHome, kList, kDetail, kContact, kCredits };

struct IdlePolicy {
    Millis idle{90'000};    // quiet time before "Ben je er nog?"
    Millis warning{20'000};  // countdown shown before the session is wiped
};

struct Session {
    Screen screen = Screen::kAttract;
    std::vector<Screen> back_stack;
    std::string category;
    std::string activity_id;
    Filter filter;
    TimePoint last_input{};
    bool warning = false;
    int generation = 0;  // bumped on every wipe, so UI-local state keyed to it is dropped too
};

namespace action {
struct Input { TimePoint now; };  // any touch, click or key
struct Tick { TimePoint now; };
struct Start {};
struct OpenCategory { std::string id; };
struct OpenActivity { std::string id; };
struct Back {};
struct Home {};
struct OpenContact {};
struct OpenCredits {};
struct ToggleChip { Chip chip; };
struct SetAge { std::optional<int> age; };
struct SetDay { std::optional<Weekday> day; };
struct ClearFilters {};
struct MoreTime { TimePoint now; };
}  // namespace action

using Action = std::variant<action::Input, action::Tick, action::Start, action::OpenCategory,
                            action::OpenActivity, action::Back, action::Home, action::OpenContact,
                            action::OpenCredits, action::ToggleChip, action::SetAge, action::SetDay,
                            action::ClearFilters, action::MoreTime>;
using Actions = std::vector<Action>;

enum class Effect {
    kRefreshList,  // the filter or category changed: run the query again
    kScrollToTop,
    kWipeUiState,  // the session was reset: drop every UI-local field
};
using Effects = std::vector<Effect>;

// Pure: the new session follows from the old one and the action alone.
void Reduce(Session& session, const Action& action, const IdlePolicy& policy, Effects& effects);

// Whole seconds left on the "Ben je er nog?" countdown (0 when no warning is showing).
int WarningSecondsLeft(const Session& session, TimePoint now, const IdlePolicy& policy);

// When the session next needs a Tick, so an idle frame loop knows how long it may sleep.
// (While the countdown shows, the loop also wakes each second to redraw the number.)
std::optional<TimePoint> NextDeadline(const Session& session, const IdlePolicy& policy);

}  // namespace brugpunt::core
