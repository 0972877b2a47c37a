// Owns the injectable clock so that time-driven logic is tested without sleeping. Standard library only.
#pragma once

#include <chrono>

namespace brugpunt::core {

using TimePoint = std::chrono::steady_clock::time_point;
using Millis = std::chrono::milliseconds;

class Clock {
  public:
    virtual ~Clock() = default;
    virtual TimePoint Now() const = 0;
};

class SteadyClock final : public Clock {
  public:
    TimePoint Now() const override { return std::chrono::steady_clock::now(); }
};

// A clock that moves only when told to; for tests and for screenshots.
class ManualClock final : public Clock {
  public:
    TimePoint Now() const override { return m_now; }
    void Advance(Millis by) { m_now += by; }

  private:
    TimePoint m_now{};
};

}  // namespace brugpunt::core
