// Owns the conversation with systemd: READY=1 once the first frame is up, and WATCHDOG=1 from the
// frame loop, so a hung kiosk is restarted. Without systemd (a developer's desktop) it does nothing.
#pragma once

#include <chrono>

namespace brugpunt::app {

class ServiceNotifier {
  public:
    ServiceNotifier();
    void Ready();
    // Call once per loop iteration; pings at half the watchdog interval.
    void Alive();
    bool WatchdogEnabled() const { return m_interval.count() > 0; }

  private:
    std::chrono::microseconds m_interval{0};
    std::chrono::steady_clock::time_point m_last{};
};

}  // namespace brugpunt::app
