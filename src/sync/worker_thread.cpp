// Owns the wait/wake/stop/join skeleton both background workers run on.
#include "worker_thread.h"

namespace brugpunt::sync {

WorkerThread::WorkerThread(Prepare prepare) : m_prepare(std::move(prepare)) {}

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
