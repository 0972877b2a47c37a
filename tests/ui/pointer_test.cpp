#include <catch2/catch.hpp>

#include "ui/pointer.h"

using brugpunt::ui::PointerQueue;

TEST_CASE("A tap inside one frame still becomes a press frame and a release frame") {
    PointerQueue q;
    q.Press(100, 200, true);
    q.Release(100, 200, true);
    auto f1 = q.NextFrame();
    CHECK(f1.down);
    CHECK(f1.x == 100);
    auto f2 = q.NextFrame();
    CHECK_FALSE(f2.down);
    CHECK(f2.x == 100);  // released over the button, so ImGui sees a click
    auto f3 = q.NextFrame();
    CHECK(f3.x < -1e8f);  // then the finger is gone: nothing stays highlighted
    CHECK_FALSE(q.Pending());
}

TEST_CASE("A mouse release keeps the pointer where it is") {
    PointerQueue q;
    q.Press(10, 10, false);
    q.Release(12, 10, false);
    q.NextFrame();
    q.NextFrame();
    auto f = q.NextFrame();
    CHECK(f.x == 12);
    CHECK_FALSE(f.down);
}

TEST_CASE("Moves between transitions fold into the latest position") {
    PointerQueue q;
    q.Press(0, 0, true);
    CHECK(q.NextFrame().down);
    q.Move(0, 10, true);
    q.Move(0, 20, true);
    q.Move(0, 30, true);
    auto f = q.NextFrame();
    CHECK(f.down);
    CHECK(f.y == 30);
    CHECK_FALSE(q.Pending());
}

TEST_CASE("Two quick taps take four frames and none is lost") {
    PointerQueue q;
    q.Press(1, 1, true);
    q.Release(1, 1, true);
    q.Press(2, 2, true);
    q.Release(2, 2, true);
    int presses = 0, releases = 0;
    bool down = false;
    for (int i = 0; i < 8; ++i) {
        auto f = q.NextFrame();
        if (f.down && !down) ++presses;
        if (!f.down && down) ++releases;
        down = f.down;
    }
    CHECK(presses == 2);
    CHECK(releases == 2);
}
