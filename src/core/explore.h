// Owns speech mode's touch: the gestures a blind visitor makes (touch to hear, double tap to
// choose, swipe to move, two fingers to stop or repeat, a three-second hold to start) and which
// control they mean in a screen's reading order. The screens say what each control is; the app
// speaks and taps. Pure; standard library only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "clock.h"
#include "speech.h"

namespace brugpunt::core {

// One thing on screen a visitor can hear, in reading order: a control, or a heading that only
// reads. Window pixels.
struct SpokenWidget {
    std::string id;
    float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    Utterance text;
    bool tappable = true;
    std::string language;  // say it in this language (a language's own name); empty: the visitor's
    // The scrolling window it is in (0: none) and whether that window hides more above or below:
    // a swipe that would leave it while it hides more scrolls it instead.
    unsigned region = 0;
    bool more_above = false, more_below = false;

    bool Contains(float x, float y) const { return x >= x0 && x < x1 && y >= y0 && y < y1; }
};
using ReadingOrder = std::vector<SpokenWidget>;

// What a finger did. kExplore: it rests or moves at (x, y), or tapped once there.
enum class GestureKind { kExplore, kDoubleTap, kNext, kPrevious, kTwoFingers, kHold };
struct Gesture {
    GestureKind kind;
    float x = 0, y = 0;
    bool tap = false;  // kExplore from a single tap: say it again even when it is already said
};

struct GestureLimits {
    float slop_px = 24;      // a finger that moves less than this stayed put
    float swipe_px = 90;     // a quick sideways move of at least this is a swipe
    Millis quick{250};       // a touch shorter than this is a tap or a swipe, not exploring
    Millis double_tap{400};  // a second tap within this is a double tap
    Millis hold{3000};       // a finger kept still this long starts speech mode
};

// Turns one finger's downs, moves and ups (and a second finger's touch) into gestures. A single
// tap waits for the double-tap time, so Take must be called until NextDeadline has passed.
class GestureReader {
  public:
    explicit GestureReader(GestureLimits limits = {}) : m_limits(limits) {}
    void Down(float x, float y, TimePoint t);
    void Move(float x, float y, TimePoint t);
    void Up(float x, float y, TimePoint t);
    void SecondFinger(TimePoint t);
    // The gestures complete by now, in order.
    std::vector<Gesture> Take(TimePoint now);
    // When Take may next have something without any input.
    std::optional<TimePoint> NextDeadline() const;
    bool FingerDown() const { return m_down; }

  private:
    float Travel(float x, float y) const;
    GestureLimits m_limits;
    std::vector<Gesture> m_ready;
    bool m_down = false;
    bool m_consumed = false;   // a hold or two-finger tap used this touch up
    bool m_exploring = false;  // this touch rests or wanders: its up is neither tap nor swipe
    bool m_second_tap = false;
    bool m_held = false;
    float m_x0 = 0, m_y0 = 0, m_x = 0, m_y = 0;
    TimePoint m_down_at{};
    std::optional<TimePoint> m_tap_at;  // a single tap waiting to see whether a second follows
    float m_tap_x = 0, m_tap_y = 0;
};

// What speech mode does about a gesture.
struct ExploreOutcome {
    enum class Kind { kNone, kSay, kActivate, kStopOrRepeat, kStartSpeech } kind = Kind::kNone;
    const SpokenWidget* widget = nullptr;  // said or activated
    bool at_end = false;                   // a swipe found no further control: this one is said again
};

// Keeps the control last spoken (the focus) and moves it by gesture through the reading order.
class Explorer {
  public:
    ExploreOutcome Handle(const Gesture& g, const ReadingOrder& order);
    const std::string& Focus() const { return m_focus; }
    // The screen changed under the finger: what was focused is gone, the next swipe starts over.
    void Reset() { m_focus.clear(); }
    void SetFocus(std::string id) { m_focus = std::move(id); }

  private:
    std::string m_focus;
};

// The smallest widget at (x, y): the most specific of those drawn over each other. Null: none.
const SpokenWidget* WidgetAt(const ReadingOrder& order, float x, float y);

}  // namespace brugpunt::core
