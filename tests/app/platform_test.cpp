// The SDL glue as SDL delivers it: finger events, synthetic mouse events, a second finger.
// Runs on SDL's offscreen video driver, so it needs no X server.
#include <SDL.h>

#include <catch2/catch.hpp>

#include "app/platform.h"

using namespace brugpunt;

namespace {

struct Fixture {
    Fixture() {
        setenv("SDL_VIDEODRIVER", "offscreen", 1);
        auto p = app::Platform::Create({800, 600, false, true});
        INFO((p ? "" : p.error().message));
        REQUIRE(p);
        platform = std::move(p.value());
    }
    void Push(Uint32 type, SDL_FingerID finger, float x, float y) {
        SDL_Event e{};
        e.type = type;
        e.tfinger.touchId = 1;
        e.tfinger.fingerId = finger;
        e.tfinger.x = x;
        e.tfinger.y = y;
        REQUIRE(SDL_PushEvent(&e) == 1);
    }
    void PushTouchMouse(Uint32 type) {
        SDL_Event e{};
        e.type = type;
        e.button.which = SDL_TOUCH_MOUSEID;
        e.button.button = SDL_BUTTON_LEFT;
        e.button.x = 5;
        e.button.y = 5;
        REQUIRE(SDL_PushEvent(&e) == 1);
    }
    std::unique_ptr<app::Platform> platform;
    ui::PointerQueue pointer;
};

}  // namespace

TEST_CASE("A finger tap becomes a press and a release at window coordinates") {
    Fixture f;
    int w = 0, h = 0;
    SDL_GetWindowSize(SDL_GL_GetCurrentWindow(), &w, &h);
    f.Push(SDL_FINGERDOWN, 7, 0.5f, 0.25f);
    f.Push(SDL_FINGERUP, 7, 0.5f, 0.25f);
    auto ev = f.platform->PumpEvents(0, f.pointer);
    CHECK(ev.input);
    auto down = f.pointer.NextFrame();
    CHECK(down.down);
    CHECK(down.x == Approx(0.5f * w));
    CHECK(down.y == Approx(0.25f * h));
    auto up = f.pointer.NextFrame();
    CHECK_FALSE(up.down);
    CHECK(f.pointer.NextFrame().x < -1e8f);
}

TEST_CASE("SDL's synthetic mouse events for a touch do not double the tap") {
    Fixture f;
    f.PushTouchMouse(SDL_MOUSEBUTTONDOWN);
    f.PushTouchMouse(SDL_MOUSEBUTTONUP);
    f.platform->PumpEvents(0, f.pointer);
    CHECK_FALSE(f.pointer.Pending());
    CHECK_FALSE(f.pointer.NextFrame().down);
}

TEST_CASE("A second finger cannot steal or cancel the first one's tap") {
    Fixture f;
    int w = 0, h = 0;
    SDL_GetWindowSize(SDL_GL_GetCurrentWindow(), &w, &h);
    f.Push(SDL_FINGERDOWN, 1, 0.1f, 0.1f);
    f.Push(SDL_FINGERDOWN, 2, 0.9f, 0.9f);
    f.Push(SDL_FINGERUP, 2, 0.9f, 0.9f);
    f.Push(SDL_FINGERMOTION, 1, 0.12f, 0.1f);
    f.platform->PumpEvents(0, f.pointer);
    auto frame = f.pointer.NextFrame();
    CHECK(frame.down);
    CHECK(frame.x == Approx(0.1f * w));  // the first finger's press...
    frame = f.pointer.NextFrame();
    CHECK(frame.down);                    // ...still held: the second finger's release was ignored...
    CHECK(frame.x == Approx(0.12f * w));  // ...and only the first finger moves the pointer
    f.Push(SDL_FINGERUP, 1, 0.12f, 0.1f);
    f.platform->PumpEvents(0, f.pointer);
    CHECK_FALSE(f.pointer.NextFrame().down);
}

TEST_CASE("Waiting with nothing happening returns after the timeout with no input") {
    Fixture f;
    f.platform->PumpEvents(0, f.pointer);  // drain start-up window events
    auto start = SDL_GetTicks();
    auto ev = f.platform->PumpEvents(120, f.pointer);
    CHECK_FALSE(ev.input);
    CHECK(SDL_GetTicks() - start >= 100);
}
