// Owns one background thread's lifecycle: run a pass, then wait until woken, a timeout or stop.
// Knows nothing of what a pass does; must not include store, curl or UI headers.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

namespace brugpunt::sync {

class WorkerThread {
  public:
    // One pass of work. Returns how long to wait before the next pass when nobody wakes the thread.
    using Pass = std::function<std::chrono::milliseconds()>;
    // Runs on the worker thread before the first pass, so what it opens (a SQLite connection, curl
    // handles) is used and closed on that thread only. An empty Pass ends the thread at once.
    using Prepare = std::function<Pass()>;
    // kBackground: the thread runs in the idle scheduling class (SCHED_IDLE, and nice 19 where
    // that class is refused), so the frame loop and the renderer win the CPU while it loads a
    // catalogue; on two cores a normal one cost the screen frames of 40-70 ms, and nice 19 alone
    // still left single gaps of 60-150 ms.
    enum class Priority { kNormal, kBackground };

    explicit WorkerThread(Prepare prepare, Priority priority = Priority::kNormal);
    ~WorkerThread();  // stops and joins
    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    void Start();
    // Runs the next pass as soon as the current one (if any) is done. A wake during a pass is kept.
    void Wake();
    // No pass starts after this; a pass already running finishes first.
    void Stop();
    void Join();

  private:
    void Run();

    Prepare m_prepare;
    Priority m_priority;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    bool m_woken = false;
};

}  // namespace brugpunt::sync
