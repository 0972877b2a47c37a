// Owns the background thread that keeps the catalogue current: one CatalogueSync run every
// sync_interval_s (or at once on SyncNow), then a heartbeat to the municipality (only the heartbeat
// when there is no catalogue_url, so a kiosk that only delivers still shows on the fleet page). It reports
// through callbacks that must only queue work for the main thread; it never touches the UI.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "catalogue_sync.h"
#include "core/config.h"
#include "delivery.h"
#include "heartbeat.h"
#include "worker_thread.h"

namespace brugpunt::sync {

struct SyncStatus {
    long long version = 0;    // in use
    long long last_sync = 0;  // unix seconds of the last run that reached the server; 0: never
    bool busy = false;        // a run is going on
    bool applying = false;
    uint64_t done = 0, total = 0;  // bytes, while downloading
    std::string last_error;        // of the last run; empty when it went well
};

SyncSettings SettingsFrom(const core::Config& config);

class SyncWorker {
  public:
    using StatusFn = std::function<void(const SyncStatus&)>;
    using InstalledFn = std::function<void(const InstalledCatalogue&)>;
    // pause: where compiling a downloaded catalogue waits (SyncSettings::pause); empty: never.
    SyncWorker(core::Config config, std::optional<InstalledCatalogue> in_use, std::string outbox_path,
               LogFn log, StatusFn on_status, InstalledFn on_installed, store::Pause pause = {});
    ~SyncWorker();
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    void Start();
    void SyncNow();  // the staff screen's "sync now"
    void Stop();
    void Join();

  private:
    WorkerThread::Pass Prepare();

    core::Config m_config;
    std::optional<InstalledCatalogue> m_in_use;
    std::string m_outbox_path;
    LogFn m_log;
    StatusFn m_on_status;
    InstalledFn m_on_installed;
    store::Pause m_pause;
    WorkerThread m_thread;  // last: it stops before the members its passes use go away
};

}  // namespace brugpunt::sync
