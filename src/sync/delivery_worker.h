// Owns the background thread that delivers the outbox: start/wake/stop/join. It opens its own
// connection to the outbox and reports through a callback that must only queue work for the
// main thread. It never touches the UI.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include "core/config.h"
#include "delivery.h"
#include "store/outbox.h"

namespace brugpunt::sync {

struct WorkerStatus {
    store::OutboxStats stats;
    DeliveryReport last_pass;
};

class DeliveryWorker {
  public:
    using StatusFn = std::function<void(const WorkerStatus&)>;
    DeliveryWorker(core::Config config, std::string outbox_path, LogFn log, StatusFn on_status);
    ~DeliveryWorker();
    DeliveryWorker(const DeliveryWorker&) = delete;
    DeliveryWorker& operator=(const DeliveryWorker&) = delete;

    void Start();
    void Wake();  // a request was just added
    void Stop();
    void Join();

  private:
    void Run();

    core::Config m_config;
    std::string m_path;
    LogFn m_log;
    StatusFn m_on_status;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    bool m_woken = false;
};

}  // namespace brugpunt::sync
