// Owns the wait/wake/stop/join skeleton both background workers run on.
#include "worker_thread.h"

#include <pthread.h>
#include <sched.h>
#include <sys/resource.h>
#include <unistd.h>

namespace brugpunt::sync {

WorkerThread::WorkerThread(Prepare prepare, Priority priority)
    : m_prepare(std::move(prepare)), m_priority(priority) {}

WorkerThread::~WorkerThread() {
    Stop();
    Join();
}

void WorkerThread::Start() {
    if (m_thread.joinable()) return;
    m_thread = std::thread([this] { Run(); });
}

void WorkerThread::Wake() {
    std::lock_guard lock(m_mutex);
    m_woken = true;
    m_cv.notify_one();
}

void WorkerThread::Stop() {
    std::lock_guard lock(m_mutex);
    m_stop = true;
    m_cv.notify_one();
}

void WorkerThread::Join() {
    if (m_thread.joinable()) m_thread.join();
}

void WorkerThread::Run() {
    {
        std::lock_guard lock(m_mutex);
        if (m_stop) return;
    }
    // On Linux a thread's nice value and scheduling class are its own: this lowers only the
    // worker. Failing to is harmless (the work is the same, only less polite), so it is not
    // reported. SCHED_IDLE runs the worker only on a core nobody else wants.
    if (m_priority == Priority::kBackground) {
        setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), 19);
        sched_param none{};
        pthread_setschedparam(pthread_self(), SCHED_IDLE, &none);
    }
    Pass pass = m_prepare();
    if (!pass) return;
    for (;;) {
        {
            std::lock_guard lock(m_mutex);
            if (m_stop) return;
            // A wake that came before this pass is answered by it.
            m_woken = false;
        }
        std::chrono::milliseconds wait = pass();
        std::unique_lock lock(m_mutex);
        m_cv.wait_for(lock, wait, [&] { return m_stop || m_woken; });
    }
}

}  // namespace brugpunt::sync
