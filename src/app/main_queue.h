// Owns the hand-over from background threads to the main thread: a bounded queue of work,
// drained once per loop turn. No SDL here; the caller says how to wake the main thread.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>

namespace brugpunt::app {

class MainQueue {
  public:
    // Work returns true when what is on screen changed and a frame should be drawn.
    using Work = std::function<bool()>;

    MainQueue(size_t capacity, std::function<void()> wake) : m_capacity(capacity), m_wake(std::move(wake)) {}

    // From any thread. When the queue is full the poster waits for the main thread to drain it
    // (workers report far less often than frames are drawn, so this only bounds a stalled loop);
    // after Close, work is dropped at once. Returns false when it was dropped.
    bool Post(Work work) {
        {
            std::unique_lock lock(m_mutex);
            m_space.wait(lock, [&] { return m_closed || m_work.size() < m_capacity; });
            if (m_closed) return false;
            m_work.push_back(std::move(work));
        }
        if (m_wake) m_wake();
        return true;
    }

    // Main thread: runs what was posted. True when any of it asked for a frame.
    bool Drain() {
        std::deque<Work> work;
        {
            std::lock_guard lock(m_mutex);
            work.swap(m_work);
        }
        m_space.notify_all();
        bool redraw = false;
        for (auto& fn : work) redraw |= fn();
        return redraw;
    }

    // Main thread, before joining the workers: nobody waits on a loop that has stopped.
    void Close() {
        {
            std::lock_guard lock(m_mutex);
            m_closed = true;
            m_work.clear();
        }
        m_space.notify_all();
    }

    size_t Size() const {
        std::lock_guard lock(m_mutex);
        return m_work.size();
    }

  private:
    const size_t m_capacity;
    std::function<void()> m_wake;
    mutable std::mutex m_mutex;
    std::condition_variable m_space;
    std::deque<Work> m_work;
    bool m_closed = false;
};

}  // namespace brugpunt::app
