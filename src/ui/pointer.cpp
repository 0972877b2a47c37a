// Owns PointerQueue. Must not include SDL or ImGui.
#include "pointer.h"

namespace brugpunt::ui {

void PointerQueue::Move(float x, float y, bool touch) {
    m_events.push_back({Event::Kind::kMove, x, y, touch});
}
void PointerQueue::Press(float x, float y, bool touch) {
    m_events.push_back({Event::Kind::kPress, x, y, touch});
}
void PointerQueue::Release(float x, float y, bool touch) {
    m_events.push_back({Event::Kind::kRelease, x, y, touch});
}

PointerFrame PointerQueue::NextFrame() {
    if (m_lift_after_touch && m_events.empty()) {
        m_lift_after_touch = false;
        m_state.x = m_state.y = -1e9f;
        return m_state;
    }
    while (!m_events.empty()) {
        Event e = m_events.front();
        bool transition = e.kind != Event::Kind::kMove;
        bool changes = (e.kind == Event::Kind::kPress) != m_state.down;
        if (transition && changes) {
            // One transition per frame: stop here and leave the rest for the next frames.
            m_events.pop_front();
            m_state.x = e.x;
            m_state.y = e.y;
            m_state.down = e.kind == Event::Kind::kPress;
            m_lift_after_touch = !m_state.down && e.touch;
            return m_state;
        }
        m_events.pop_front();
        m_state.x = e.x;
        m_state.y = e.y;
    }
    return m_state;
}

}  // namespace brugpunt::ui
