#include <catch2/catch.hpp>

#include "core/session.h"

using namespace brugpunt::core;
using namespace brugpunt::core::action;
using namespace std::chrono_literals;

namespace {

struct Harness {
    ManualClock clock;
    IdlePolicy policy{90s, 20s};
    Session s;
    Effects effects;

    void Do(const Action& a) { Reduce(s, a, policy, effects); }
    void Wait(Millis ms) {
        clock.Advance(ms);
        Do(Tick{clock.Now()});
    }
    bool Has(Effect e) const { return std::find(effects.begin(), effects.end(), e) != effects.end(); }
};

}  // namespace

TEST_CASE("A session starts on attract and walks the screens with a back stack") {
    Harness h;
    CHECK(h.s.screen == Screen::kAttract);
    h.Do(Start{});
    CHECK(h.s.screen == Screen::kHome);
    h.Do(OpenCategory{"sport"});
    CHECK(h.s.screen == Screen::kList);
    CHECK(h.s.filter.category == "sport");
    CHECK(h.Has(Effect::kRefreshList));
    h.Do(OpenActivity{"voetbal"});
    CHECK(h.s.screen == Screen::kDetail);
    h.Do(OpenContact{});
    CHECK(h.s.screen == Screen::kContact);
    h.Do(Back{});
    CHECK(h.s.screen == Screen::kDetail);
    h.Do(Back{});
    CHECK(h.s.screen == Screen::kList);
    h.Do(Back{});
    CHECK(h.s.screen == Screen::kHome);
    h.Do(Back{});
    CHECK(h.s.screen == Screen::kAttract);
}

TEST_CASE("Opening the same screen twice does not need two Backs") {
    Harness h;
    h.Do(Start{});
    h.Do(OpenContact{});
    h.Do(OpenContact{});
    h.Do(Back{});
    CHECK(h.s.screen == Screen::kHome);
}

TEST_CASE("Home clears the back stack") {
    Harness h;
    h.Do(Start{});
    h.Do(OpenCategory{"sport"});
    h.Do(OpenActivity{"x"});
    h.Do(Home{});
    CHECK(h.s.screen == Screen::kHome);
    CHECK(h.s.back_stack.empty());
}

TEST_CASE("Filters change through actions and ask for a new list") {
    Harness h;
    h.Do(Start{});
    h.Do(OpenCategory{"sport"});
    h.effects.clear();
    h.Do(ToggleChip{Chip::kFree});
    CHECK(h.s.filter.free_only);
    CHECK(h.Has(Effect::kRefreshList));
    CHECK(h.Has(Effect::kScrollToTop));
    h.Do(SetAge{8});
    h.Do(SetDay{Weekday::kWed});
    CHECK(h.s.filter.age == 8);
    CHECK(h.s.filter.day == Weekday::kWed);
    h.Do(ClearFilters{});
    CHECK(h.s.filter == Filter{.category = "sport"});
}

TEST_CASE("Inactivity warns after the idle time, counts down and then wipes the session") {
    Harness h;
    h.Do(Input{h.clock.Now()});
    h.Do(Start{});
    h.Do(OpenCategory{"sport"});
    h.Do(ToggleChip{Chip::kGirls});
    h.Do(SetAge{9});

    h.Wait(89s);
    CHECK_FALSE(h.s.warning);
    CHECK(NextDeadline(h.s, h.policy) == h.clock.Now() + 1s);

    h.Wait(1s);
    CHECK(h.s.warning);
    CHECK(WarningSecondsLeft(h.s, h.clock.Now(), h.policy) == 20);
    h.clock.Advance(4500ms);
    CHECK(WarningSecondsLeft(h.s, h.clock.Now(), h.policy) == 16);

    // A touch behind the dialog does not silently extend the session.
    h.Do(Input{h.clock.Now()});
    h.effects.clear();
    h.Wait(15500ms);
    CHECK(h.s.screen == Screen::kAttract);
    CHECK_FALSE(h.s.warning);
    CHECK(h.s.filter == Filter{});
    CHECK(h.s.category.empty());
    CHECK(h.s.back_stack.empty());
    CHECK(h.s.generation == 1);
    CHECK(h.Has(Effect::kWipeUiState));
}

TEST_CASE("More time keeps the session and restarts the idle time") {
    Harness h;
    h.Do(Input{h.clock.Now()});
    h.Do(Start{});
    h.Do(OpenCategory{"taal"});
    h.Wait(95s);
    REQUIRE(h.s.warning);
    h.Do(MoreTime{h.clock.Now()});
    CHECK_FALSE(h.s.warning);
    h.Wait(89s);
    CHECK_FALSE(h.s.warning);
    CHECK(h.s.screen == Screen::kList);
    CHECK(h.s.category == "taal");
}

TEST_CASE("Touches keep the session alive and the attract screen never times out") {
    Harness h;
    h.Wait(3600s);
    CHECK(h.s.screen == Screen::kAttract);
    CHECK_FALSE(NextDeadline(h.s, h.policy));
    h.Do(Input{h.clock.Now()});
    h.Do(Start{});
    for (int i = 0; i < 10; ++i) {
        h.Wait(60s);
        h.Do(Input{h.clock.Now()});
    }
    CHECK(h.s.screen == Screen::kHome);
    CHECK_FALSE(h.s.warning);
}
