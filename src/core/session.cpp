// Owns Reduce for the visitor session. Standard library only.
#include "session.h"

namespace brugpunt::core {
namespace {

template <class... Fs>
struct Overloaded : Fs... {
    using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

void Push(Session& s, Screen next) {
    if (s.screen != next) s.back_stack.push_back(s.screen);
    s.screen = next;
}

void Wipe(Session& s, Effects& effects) {
    Session fresh;
    fresh.generation = s.generation + 1;
    s = std::move(fresh);
    effects.push_back(Effect::kWipeUiState);
    effects.push_back(Effect::kRefreshList);
}

void FilterChanged(Effects& effects) {
    effects.push_back(Effect::kRefreshList);
    effects.push_back(Effect::kScrollToTop);
}

}  // namespace

void Reduce(Session& s, const Action& action, const IdlePolicy& policy, Effects& effects) {
    std::visit(
        Overloaded{
            [&](const action::Input& a) {
                // While the warning is up only "Meer tijd" keeps the session, so a stray touch
                // behind the dialog cannot silently extend it.
                if (!s.warning) s.last_input = a.now;
            },
            [&](const action::Tick& a) {
                if (s.screen == Screen::kAttract) return;
                auto quiet = a.now - s.last_input;
                if (quiet >= policy.idle + policy.warning) Wipe(s, effects);
                else if (quiet >= policy.idle) s.warning = true;
            },
            [&](const action::Start&) {
                if (s.screen == Screen::kAttract) s.screen = Screen::kHome;
            },
            [&](const action::OpenCategory& a) {
                Push(s, Screen::kList);
                s.category = a.id;
                s.filter.category = a.id;
                FilterChanged(effects);
            },
            [&](const action::OpenActivity& a) {
                Push(s, Screen::kDetail);
                s.activity_id = a.id;
            },
            [&](const action::Back&) {
                if (s.back_stack.empty()) {
                    s.screen = s.screen == Screen::kHome ? Screen::kAttract : Screen::kHome;
                    return;
                }
                s.screen = s.back_stack.back();
                s.back_stack.pop_back();
            },
            [&](const action::Home&) {
                s.back_stack.clear();
                s.screen = Screen::kHome;
            },
            [&](const action::OpenContact&) { Push(s, Screen::kContact); },
            [&](const action::OpenCredits&) { Push(s, Screen::kCredits); },
            [&](const action::ToggleChip& a) {
                s.filter.SetChip(a.chip, !s.filter.Chip(a.chip));
                FilterChanged(effects);
            },
            [&](const action::SetAge& a) {
                s.filter.age = a.age;
                FilterChanged(effects);
            },
            [&](const action::SetDay& a) {
                s.filter.day = a.day;
                FilterChanged(effects);
            },
            [&](const action::ClearFilters&) {
                s.filter = Filter{.category = s.category};
                FilterChanged(effects);
            },
            [&](const action::MoreTime& a) {
                s.warning = false;
                s.last_input = a.now;
            },
        },
        action);
}

int WarningSecondsLeft(const Session& s, TimePoint now, const IdlePolicy& policy) {
    if (!s.warning) return 0;
    auto left = s.last_input + policy.idle + policy.warning - now;
    auto ms = std::chrono::duration_cast<Millis>(left).count();
    return ms <= 0 ? 0 : static_cast<int>((ms + 999) / 1000);
}

std::optional<TimePoint> NextDeadline(const Session& s, const IdlePolicy& policy) {
    if (s.screen == Screen::kAttract) return std::nullopt;
    if (!s.warning) return s.last_input + policy.idle;
    return s.last_input + policy.idle + policy.warning;
}

}  // namespace brugpunt::core
