// Owns the merge of mouse and touch into one pointer per frame, working around two ImGui touch
// pitfalls: a press and release inside one frame is lost, and a released finger leaves the
// pointer "hovering" so the tapped button stays highlighted. Must not include SDL or ImGui.
#pragma once

#include <deque>

namespace brugpunt::ui {

struct PointerFrame {
    float x = -1e9f;  // off-screen when no finger or mouse is there
    float y = -1e9f;
    bool down = false;
};

// Where the platform sends the one pointer's moves, presses and releases (and a second finger's
// touch, which is not a pointer of its own).
class PointerSink {
  public:
    virtual ~PointerSink() = default;
    virtual void Move(float x, float y, bool touch) = 0;
    virtual void Press(float x, float y, bool touch) = 0;
    virtual void Release(float x, float y, bool touch) = 0;
    virtual void SecondFinger() {}
};

class PointerQueue : public PointerSink {
  public:
    void Move(float x, float y, bool touch) override;
    void Press(float x, float y, bool touch) override;
    void Release(float x, float y, bool touch) override;

    // The pointer for the next frame: at most one press or release per frame, so a quick tap
    // takes two frames. After a touch release the pointer leaves the screen one frame later.
    PointerFrame NextFrame();
    // True while queued transitions still need frames to play out.
    bool Pending() const { return !m_events.empty() || m_lift_after_touch; }

  private:
    struct Event {
        enum class Kind { kMove, kPress, kRelease } kind;
        float x, y;
        bool touch;
    };
    std::deque<Event> m_events;
    PointerFrame m_state;
    bool m_lift_after_touch = false;
};

}  // namespace brugpunt::ui
