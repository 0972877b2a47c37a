// Owns speech mode's side of the pointer: every touch goes through here. Outside speech mode it
// passes to the screens untouched, and a finger kept still for three seconds starts speech mode.
// In speech mode nothing reaches the screens but the taps it makes itself: a touch says what is
// under the finger (core/explore.h), a double tap taps the control last said. It also says the
// attract screen's hint now and then. No SDL or ImGui here; tested in tests/app/speech_mode_test.cpp.
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "core/explore.h"
#include "core/session.h"
#include "ui/pointer.h"
#include "ui/view_model.h"

namespace brugpunt::app {

struct SpeechModeConfig {
    float px_per_mm = 3.78f;            // gestures are measured in millimetres of finger travel
    core::Millis attract_hint{60'000};  // how often the attract screen says how to start; 0: never
};

class SpeechMode : public ui::PointerSink {
  public:
    SpeechMode(ui::PointerSink& screens, const core::Clock& clock, SpeechModeConfig config = {});

    void Move(float x, float y, bool touch) override;
    void Press(float x, float y, bool touch) override;
    void Release(float x, float y, bool touch) override;
    void SecondFinger() override;

    // After each frame: what it drew to be heard, and the model it drew.
    void FrameDrawn(const core::ReadingOrder& order, const ui::ViewModel& vm);
    // What the gestures complete by now ask of the kiosk: speak, start speech mode, more time.
    core::Actions Take(core::TimePoint now, const ui::ViewModel& vm);
    // True while a tap or a scroll it made is still playing out over the next frames.
    bool WantsFrames() const { return m_after_tap > 0 || m_release_after > 0; }
    // When Take may next have something without any input.
    std::optional<core::TimePoint> NextDeadline(const ui::ViewModel& vm) const;

  private:
    // What the screen is: when it changes after a double tap, its first words are said.
    std::string Place(const ui::ViewModel& vm) const;
    void Activate(const core::SpokenWidget& w);
    // What the next Take says, before anything else.
    void Announce(const core::SpokenWidget& w);
    // A swipe past the last control heard on a list or page: a finger's drag scrolls it on.
    void Scroll(const core::SpokenWidget& from_widget, bool further);
    // The control a swipe leaves from when it should scroll its list rather than leave it.
    const core::SpokenWidget* ScrollsInstead(const core::Gesture& g, const core::ExploreOutcome& o,
                                             const std::string& from_focus, const ui::ViewModel& vm) const;

    ui::PointerSink& m_screens;
    const core::Clock& m_clock;
    SpeechModeConfig m_config;
    core::GestureReader m_gestures;
    core::Explorer m_explorer;
    core::ReadingOrder m_order;  // the last frame's
    bool m_on = false;           // the last frame was drawn in speech mode
    bool m_cancelled = false;    // a hold started speech mode: this finger no longer taps
    bool m_finger_on_screens = false;
    int m_after_tap = 0;  // frames to wait after a double tap before saying what it did
    std::string m_place_before_tap;
    core::Utterance m_said_before_tap;
    core::ReadingOrder m_order_before_tap;
    bool m_scrolled = false;
    bool m_scrolled_further = true;  // the wait after a tap is for a scroll: say the first control it showed
    int m_release_after = 0;         // frames the scrolling finger stays still before it lifts (no glide)
    float m_release_x = 0, m_release_y = 0;
    bool m_announce = false;  // FrameDrawn found something to say after a tap
    core::Utterance m_announcement;
    std::string m_announcement_language;
    std::optional<core::TimePoint> m_attract_since;
    size_t m_hint_turn = 0;
};

}  // namespace brugpunt::app
