// Owns the background thread that keeps the catalogue current: one CatalogueSync run every
// sync_interval_s (or at once on SyncNow), then a heartbeat to the municipality. It reports
// through callbacks that must only queue work for the main thread; it never touches the UI.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "catalogue_sync.h"
#include "core/config.h"
#include "delivery.h"

namespace brugpunt::sync {

struct SyncStatus {
    long long version = 0;    // in use
    long long last_sync = 0;  // unix seconds of the last run that reached the server; 0: never
    bool busy = false;        // a run is going on
    bool applying = false;
    uint64_t done = 0, total = 0;  // bytes, while downloading
    std::string last_error;        // of the last run; empty when it went well
};

// What the municipality learns from a heartbeat: no personal data.
struct Heartbeat {
    std::string kiosk_id;
    long long catalogue_version = 0;
    long long last_sync = 0;
    long long outbox_depth = 0;
    long long uptime_s = 0;
    std::string last_error;
};
std::string HeartbeatJson(const Heartbeat& h);
// POSTs the heartbeat, HMAC-signed like the webhook when webhook_secret is set. Empty on success.
std::string SendHeartbeat(HttpTransport& http, const core::Config& config, const Heartbeat& h,
                          long long now_unix);

SyncSettings SettingsFrom(const core::Config& config);

class SyncWorker {
  public:
    using StatusFn = std::function<void(const SyncStatus&)>;
    using InstalledFn = std::function<void(const InstalledCatalogue&)>;
    SyncWorker(core::Config config, std::optional<InstalledCatalogue> in_use, std::string outbox_path,
               LogFn log, StatusFn on_status, InstalledFn on_installed);
    ~SyncWorker();
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    void Start();
    void SyncNow();  // the staff screen's "sync now"
    void Stop();
    void Join();

  private:
    void Run();

    core::Config m_config;
    std::optional<InstalledCatalogue> m_in_use;
    std::string m_outbox_path;
    LogFn m_log;
    StatusFn m_on_status;
    InstalledFn m_on_installed;
    std::thread m_thread;
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_stop = false;
    bool m_now = false;
};

}  // namespace brugpunt::sync
