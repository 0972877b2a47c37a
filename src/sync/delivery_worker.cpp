// Owns the delivery thread.
#include "delivery_worker.h"

#include <algorithm>
#include <chrono>

#include "crypto.h"

namespace brugpunt::sync {

DeliveryWorker::DeliveryWorker(core::Config config, std::string outbox_path, LogFn log, StatusFn on_status)
    : m_config(std::move(config)),
      m_path(std::move(outbox_path)),
      m_log(std::move(log)),
      m_on_status(std::move(on_status)) {}

DeliveryWorker::~DeliveryWorker() {
    Stop();
    Join();
}

void DeliveryWorker::Start() {
    m_thread = std::thread([this] { Run(); });
}

void DeliveryWorker::Wake() {
    std::lock_guard lock(m_mutex);
    m_woken = true;
    m_cv.notify_one();
}

void DeliveryWorker::Stop() {
    std::lock_guard lock(m_mutex);
    m_stop = true;
    m_cv.notify_one();
}

void DeliveryWorker::Join() {
    if (m_thread.joinable()) m_thread.join();
}

void DeliveryWorker::Run() {
    auto outbox = store::SqliteOutbox::Open(m_path);
    if (!outbox) {
        m_log(outbox.error().message);
        WorkerStatus st;
        st.stats.last_error = outbox.error().message;
        m_on_status(st);
        return;
    }
    ConfiguredChannel configured(m_config);
    Channel* channel = configured.Get();
    DeliveryPolicy policy = PolicyFrom(m_config);
    for (;;) {
        WorkerStatus st;
        if (channel)
            st.last_pass = DeliverDue(*outbox.value(), *channel, WallNowMs(), policy, RandomUnit, m_log);
        if (auto stats = outbox.value()->Stats()) st.stats = stats.value();
        m_on_status(st);

        // Sleep until the next retry is due, a new request arrives, or a minute passes.
        long long wait_ms = 60'000;
        if (auto next = outbox.value()->NextAttemptMs(); next && next.value())
            wait_ms = std::clamp(*next.value() - WallNowMs(), 0LL, wait_ms);
        std::unique_lock lock(m_mutex);
        m_cv.wait_for(lock, std::chrono::milliseconds(wait_ms), [&] { return m_stop || m_woken; });
        if (m_stop) return;
        m_woken = false;
    }
}

}  // namespace brugpunt::sync
