// Owns sd_notify calls.
#include "service.h"

#include <systemd/sd-daemon.h>

namespace brugpunt::app {

ServiceNotifier::ServiceNotifier() {
    uint64_t usec = 0;
    if (sd_watchdog_enabled(0, &usec) > 0) m_interval = std::chrono::microseconds(usec);
}

void ServiceNotifier::Ready() {
    sd_notify(0, "READY=1\nSTATUS=Brugpunt is showing the catalogue");
}

void ServiceNotifier::Alive() {
    if (!WatchdogEnabled()) return;
    auto now = std::chrono::steady_clock::now();
    if (now - m_last < m_interval / 2) return;
    m_last = now;
    sd_notify(0, "WATCHDOG=1");
}

}  // namespace brugpunt::app
