// Owns the background thread that delivers the outbox: start/wake/stop/join. It opens its own
// connection to the outbox and reports through a callback that must only queue work for the
// main thread. It never touches the UI.
#pragma once

#include <functional>
#include <string>

#include "core/config.h"
#include "delivery.h"
#include "store/outbox.h"
#include "worker_thread.h"

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
    WorkerThread::Pass Prepare();

    core::Config m_config;
    std::string m_path;
    LogFn m_log;
    StatusFn m_on_status;
    WorkerThread m_thread;  // last: it stops before the members its passes use go away
};

}  // namespace brugpunt::sync
