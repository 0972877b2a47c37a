// Owns the delivery thread's passes; the thread itself is a WorkerThread.
#include "delivery_worker.h"

#include <algorithm>
#include <chrono>
#include <memory>

#include "crypto.h"

namespace brugpunt::sync {

DeliveryWorker::DeliveryWorker(core::Config config, std::string outbox_path, LogFn log, StatusFn on_status)
    : m_config(std::move(config)),
      m_path(std::move(outbox_path)),
      m_log(std::move(log)),
      m_on_status(std::move(on_status)),
      m_thread([this] { return Prepare(); }) {}

DeliveryWorker::~DeliveryWorker() {
    Stop();
    Join();
}

void DeliveryWorker::Start() {
    m_thread.Start();
}

void DeliveryWorker::Wake() {
    m_thread.Wake();
}

void DeliveryWorker::Stop() {
    m_thread.Stop();
}

void DeliveryWorker::Join() {
    m_thread.Join();
}

WorkerThread::Pass DeliveryWorker::Prepare() {
    auto opened = store::SqliteOutbox::Open(m_path);
    if (!opened) {
        m_log(opened.error().message);
        WorkerStatus st;
        st.stats.last_error = opened.error().message;
        m_on_status(st);
        return {};
    }
    // Shared only because a Pass must be copyable; the worker thread is the one user.
    std::shared_ptr<store::SqliteOutbox> outbox = std::move(opened.value());
    auto configured = std::make_shared<ConfiguredChannel>(m_config);
    return [this, outbox, configured, policy = PolicyFrom(m_config)] {
        WorkerStatus st;
        if (Channel* channel = configured->Get())
            st.last_pass = DeliverDue(*outbox, *channel, WallNowMs(), policy, RandomUnit, m_log);
        if (auto stats = outbox->Stats()) st.stats = stats.value();
        m_on_status(st);

        // Sleep until the next retry is due, a new request arrives, or a minute passes.
        long long wait_ms = 60'000;
        if (auto next = outbox->NextAttemptMs(); next && next.value())
            wait_ms = std::clamp(*next.value() - WallNowMs(), 0LL, wait_ms);
        return std::chrono::milliseconds(wait_ms);
    };
}

}  // namespace brugpunt::sync
