#include <catch2/catch.hpp>

#include "app/speech_mode.h"

using namespace brugpunt;
using namespace std::chrono_literals;

namespace {

// What reaches the screens: every press, move and release, in order.
struct Screens : ui::PointerSink {
    std::vector<std::string> got;
    void Move(float x, float y, bool) override { got.push_back("move " + Xy(x, y)); }
    void Press(float x, float y, bool) override { got.push_back("press " + Xy(x, y)); }
    void Release(float x, float y, bool) override { got.push_back("release " + Xy(x, y)); }
    static std::string Xy(float x, float y) { return std::to_string((int)x) + "," + std::to_string((int)y); }
};

struct Harness {
    Screens screens;
    core::ManualClock clock;
    app::SpeechMode speech{screens, clock, {.px_per_mm = 4, .attract_hint = 0ms}};
    ui::ViewModel vm;
    core::ReadingOrder order{{"top:back", 0, 0, 100, 50, {.dutch = "Terug"}},
                             {"tile:sport", 100, 100, 300, 300, {.dutch = "Sport"}},
                             {"tile:music", 300, 100, 500, 300, {.dutch = "Muziek"}}};

    Harness() {
        vm.screen = core::Screen::kHome;
        speech.FrameDrawn(order, vm);
    }
    core::Actions After(core::Millis ms) {
        clock.Advance(ms);
        return speech.Take(clock.Now(), vm);
    }
    void Tap(float x, float y) {
        speech.Press(x, y, true);
        clock.Advance(50ms);
        speech.Release(x, y, true);
    }
};

std::vector<std::string> Said(const core::Actions& actions) {
    std::vector<std::string> out;
    for (const auto& a : actions)
        if (auto s = std::get_if<core::action::Speak>(&a)) out.push_back(s->text.dutch);
    return out;
}

}  // namespace

TEST_CASE("Speech mode: outside it, touches reach the screens, and a 3 s hold starts it without a tap") {
    Harness h;
    h.Tap(200, 200);
    CHECK(h.screens.got == std::vector<std::string>{"press 200,200", "release 200,200"});
    h.screens.got.clear();
    h.speech.Press(200, 200, true);
    CHECK(h.After(1000ms).empty());
    auto a = h.After(2100ms);
    REQUIRE(a.size() == 1);
    CHECK(std::holds_alternative<core::action::StartSpeech>(a[0]));
    h.speech.Release(200, 200, true);
    // The screens saw the finger leave off-screen before it lifted: the tile under it is not tapped.
    REQUIRE(h.screens.got.size() == 3);
    CHECK(h.screens.got[0] == "press 200,200");
    CHECK(h.screens.got[1].rfind("move -", 0) == 0);
    CHECK(h.screens.got[2].rfind("release -", 0) == 0);
}

TEST_CASE("Speech mode: in it, a touch is heard, not tapped, and a double tap taps what was heard") {
    Harness h;
    h.vm.speech = true;
    h.speech.FrameDrawn(h.order, h.vm);
    h.Tap(200, 200);
    CHECK(h.After(100ms).empty());  // a second tap may follow
    CHECK(Said(h.After(400ms)) == std::vector<std::string>{"Sport"});
    CHECK(h.screens.got.empty());
    h.Tap(800, 600);  // a double tap, far from Sport
    h.clock.Advance(100ms);
    h.Tap(800, 600);
    CHECK(Said(h.After(10ms)).empty());
    CHECK(h.screens.got == std::vector<std::string>{"press 200,200", "release 200,200"});
    // The tap opens another screen: its first words that are not the top bar's are said.
    h.vm.screen = core::Screen::kList;
    core::ReadingOrder list{{"top:back", 0, 0, 100, 50, {.dutch = "Terug"}},
                            {"text:8", 0, 60, 500, 90, {.dutch = "8 activiteiten"}, false}};
    for (int i = 0; i < 3; ++i) h.speech.FrameDrawn(list, h.vm);
    CHECK(Said(h.After(10ms)) == std::vector<std::string>{"8 activiteiten"});
}

TEST_CASE(
    "Speech mode: a double tap on a toggle says its new state, and while the warning shows it is more time") {
    Harness h;
    h.vm.speech = true;
    h.speech.FrameDrawn(h.order, h.vm);
    h.speech.Press(400, 200, true);  // a finger resting on Muziek
    CHECK(Said(h.After(300ms)) == std::vector<std::string>{"Muziek"});
    h.speech.Release(400, 200, true);
    h.Tap(10, 600);
    h.clock.Advance(100ms);
    h.Tap(10, 600);
    h.After(10ms);
    auto chosen = h.order;
    chosen[2].text.dutch = "Muziek, gekozen";
    for (int i = 0; i < 3; ++i) h.speech.FrameDrawn(chosen, h.vm);
    CHECK(Said(h.After(10ms)) == std::vector<std::string>{"Muziek, gekozen"});
    h.vm.warning = true;
    h.Tap(10, 600);
    h.clock.Advance(100ms);
    h.Tap(10, 600);
    auto a = h.After(10ms);
    REQUIRE(a.size() == 1);
    CHECK(std::holds_alternative<core::action::MoreTime>(a[0]));
}
