#include <catch2/catch.hpp>

#include "core/explore.h"

using namespace brugpunt::core;
using namespace std::chrono_literals;

namespace {

TimePoint At(int ms) {
    return TimePoint{} + Millis(ms);
}

// Three buttons in a row and a screen-wide area behind them.
ReadingOrder Screen() {
    ReadingOrder o;
    o.push_back({"back", 0, 0, 100, 100, {.dutch = "Terug"}});
    o.push_back({"sport", 100, 0, 200, 100, {.dutch = "Sport"}});
    o.push_back({"music", 200, 0, 300, 100, {.dutch = "Muziek"}});
    o.push_back({"area", 0, 0, 1000, 1000, {.dutch = "Raak het scherm aan"}});
    return o;
}

std::vector<GestureKind> Kinds(const std::vector<Gesture>& gs) {
    std::vector<GestureKind> out;
    for (const auto& g : gs) out.push_back(g.kind);
    return out;
}

}  // namespace

TEST_CASE("Gestures: a single tap is heard once the double-tap time has passed") {
    GestureReader r;
    r.Down(150, 50, At(0));
    r.Up(152, 51, At(80));
    CHECK(r.Take(At(300)).empty());  // a second tap may still come
    REQUIRE(r.NextDeadline());
    auto gs = r.Take(*r.NextDeadline());
    REQUIRE(gs.size() == 1);
    CHECK(gs[0].kind == GestureKind::kExplore);
    CHECK(gs[0].tap);
    CHECK(gs[0].x == 150);
}

TEST_CASE("Gestures: two quick taps anywhere are one double tap, and no single tap") {
    GestureReader r;
    r.Down(150, 50, At(0));
    r.Up(150, 50, At(60));
    r.Down(700, 600, At(200));  // the second tap need not land on the first
    r.Up(700, 600, At(260));
    CHECK(Kinds(r.Take(At(2000))) == std::vector{GestureKind::kDoubleTap});
}

TEST_CASE("Gestures: two taps too far apart in time are two single taps") {
    GestureReader r;
    r.Down(150, 50, At(0));
    r.Up(150, 50, At(60));
    r.Down(250, 50, At(900));
    r.Up(250, 50, At(960));
    auto gs = r.Take(At(3000));
    REQUIRE(Kinds(gs) == std::vector{GestureKind::kExplore, GestureKind::kExplore});
    CHECK(gs[0].x == 150);
    CHECK(gs[1].x == 250);
}

TEST_CASE("Gestures: a quick sideways move is a swipe, right for next and left for previous") {
    GestureReader r;
    r.Down(100, 500, At(0));
    r.Move(180, 505, At(60));
    r.Up(260, 510, At(120));
    r.Down(400, 500, At(1000));
    r.Up(200, 490, At(1100));
    CHECK(Kinds(r.Take(At(5000))) == std::vector{GestureKind::kNext, GestureKind::kPrevious});
}

TEST_CASE("Gestures: a finger that rests or wanders explores, and its lift is no tap") {
    GestureReader r;
    r.Down(150, 50, At(0));
    auto rest = r.Take(At(300));
    REQUIRE(Kinds(rest) == std::vector{GestureKind::kExplore});
    CHECK_FALSE(rest[0].tap);
    r.Move(250, 60, At(400));
    r.Move(260, 60, At(450));
    auto wander = r.Take(At(460));
    REQUIRE(wander.size() == 2);
    CHECK(wander[0].x == 250);
    r.Up(260, 60, At(500));
    CHECK(r.Take(At(5000)).empty());
}

TEST_CASE("Gestures: a finger kept still for three seconds is a hold, once") {
    GestureReader r;
    r.Down(500, 500, At(0));
    r.Take(At(300));
    CHECK(r.Take(At(2900)).empty());
    REQUIRE(r.NextDeadline());
    CHECK(*r.NextDeadline() == At(3000));
    CHECK(Kinds(r.Take(At(3000))) == std::vector{GestureKind::kHold});
    CHECK(r.Take(At(6000)).empty());
    r.Up(500, 500, At(6100));
    CHECK(r.Take(At(9000)).empty());
}

TEST_CASE("Gestures: a finger that moved is no hold") {
    GestureReader r;
    r.Down(500, 500, At(0));
    r.Move(600, 500, At(1000));
    r.Take(At(1000));
    r.Move(600, 500, At(2000));
    for (auto g : r.Take(At(4000))) CHECK(g.kind != GestureKind::kHold);
}

TEST_CASE("Gestures: a second finger makes a two-finger tap, and the first one's lift is not a tap") {
    GestureReader r;
    r.Down(500, 500, At(0));
    r.SecondFinger(At(40));
    r.Up(500, 500, At(120));
    CHECK(Kinds(r.Take(At(5000))) == std::vector{GestureKind::kTwoFingers});
}

TEST_CASE("Explorer: touch says the most specific control under the finger, once while it stays on it") {
    ReadingOrder o = Screen();
    Explorer e;
    auto said = e.Handle({GestureKind::kExplore, 150, 50}, o);
    REQUIRE(said.kind == ExploreOutcome::Kind::kSay);
    CHECK(said.widget->text.dutch == "Sport");  // not the screen-wide area behind it
    CHECK(e.Handle({GestureKind::kExplore, 160, 55}, o).kind == ExploreOutcome::Kind::kNone);
    CHECK(e.Handle({GestureKind::kExplore, 160, 55, true}, o).kind == ExploreOutcome::Kind::kSay);  // a tap
    CHECK(e.Handle({GestureKind::kExplore, 250, 50}, o).widget->text.dutch == "Muziek");
    CHECK(e.Handle({GestureKind::kExplore, 500, 500}, o).widget->id == "area");
    CHECK(e.Handle({GestureKind::kExplore, 5000, 50}, o).kind == ExploreOutcome::Kind::kNone);
}

TEST_CASE("Explorer: a double tap activates the control last said, wherever it lands") {
    ReadingOrder o = Screen();
    Explorer e;
    CHECK(e.Handle({GestureKind::kDoubleTap, 10, 10}, o).kind ==
          ExploreOutcome::Kind::kNone);  // nothing said
    e.Handle({GestureKind::kExplore, 150, 50}, o);
    auto act = e.Handle({GestureKind::kDoubleTap, 900, 900}, o);
    REQUIRE(act.kind == ExploreOutcome::Kind::kActivate);
    CHECK(act.widget->id == "sport");
    o[1].tappable = false;  // a heading reads again rather than doing anything
    CHECK(e.Handle({GestureKind::kDoubleTap, 900, 900}, o).kind == ExploreOutcome::Kind::kSay);
    e.Reset();
    CHECK(e.Handle({GestureKind::kDoubleTap, 900, 900}, o).kind == ExploreOutcome::Kind::kNone);
}

TEST_CASE("Explorer: swipes walk the reading order and stop at its ends") {
    ReadingOrder o = Screen();
    Explorer e;
    CHECK(e.Handle({GestureKind::kNext}, o).widget->id == "back");  // from nothing: the first
    CHECK(e.Handle({GestureKind::kNext}, o).widget->id == "sport");
    CHECK(e.Handle({GestureKind::kNext}, o).widget->id == "music");
    CHECK(e.Handle({GestureKind::kNext}, o).widget->id == "area");
    CHECK(e.Handle({GestureKind::kNext}, o).widget->id == "area");  // the end says the last again
    CHECK(e.Handle({GestureKind::kPrevious}, o).widget->id == "music");
    e.Reset();
    CHECK(e.Handle({GestureKind::kPrevious}, o).widget->id == "area");  // from nothing: the last
    CHECK(e.Handle({GestureKind::kNext}, ReadingOrder{}).kind == ExploreOutcome::Kind::kNone);
}

TEST_CASE("Explorer: two fingers stop or repeat what is focused, and a hold asks for speech mode") {
    ReadingOrder o = Screen();
    Explorer e;
    e.Handle({GestureKind::kExplore, 250, 50}, o);
    auto two = e.Handle({GestureKind::kTwoFingers}, o);
    CHECK(two.kind == ExploreOutcome::Kind::kStopOrRepeat);
    CHECK(two.widget->id == "music");
    CHECK(e.Handle({GestureKind::kHold}, o).kind == ExploreOutcome::Kind::kStartSpeech);
}

TEST_CASE("Explorer: a swipe that finds no further control says so, for a list to scroll on") {
    ReadingOrder o = Screen();
    Explorer e;
    e.SetFocus("music");
    auto next = e.Handle({GestureKind::kNext}, o);
    CHECK_FALSE(next.at_end);
    CHECK(e.Handle({GestureKind::kNext}, o).at_end);
    e.SetFocus("back");
    CHECK(e.Handle({GestureKind::kPrevious}, o).at_end);
}
