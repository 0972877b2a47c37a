// Owns crash recovery for the frame loop: a frame whose drawing throws is ended cleanly, and
// after too many failing frames in a row the caller should abort so systemd restarts the kiosk.
// Must not include SDL, store or sync.
#pragma once

#include <functional>
#include <string>

namespace brugpunt::ui {

class FrameGuard {
  public:
    explicit FrameGuard(int max_failures_in_a_row = 10) : m_max(max_failures_in_a_row) {}

    // Runs `draw` between ImGui::NewFrame and ImGui::Render. When it throws, the ImGui stacks it
    // left open are closed so Render still works, and `error` says what happened. Returns false
    // once the failures in a row reach the maximum: time to give up and be restarted.
    bool Run(const std::function<void()>& draw, std::string& error);
    int FailuresInARow() const { return m_failures; }

  private:
    int m_max;
    int m_failures = 0;
};

}  // namespace brugpunt::ui
