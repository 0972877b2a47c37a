// Owns the sync thread and the heartbeat.
#include "sync_worker.h"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "crypto.h"
#include "store/outbox.h"

namespace brugpunt::sync {

std::string HeartbeatJson(const Heartbeat& h) {
    nlohmann::json j = {
        {"kiosk_id", h.kiosk_id},
        {"catalogue_version", h.catalogue_version},
        {"last_sync", h.last_sync ? nlohmann::json(FormatUtc(h.last_sync)) : nlohmann::json()},
        {"outbox_depth", h.outbox_depth},
        {"uptime_s", h.uptime_s},
        {"last_error", h.last_error}};
    return j.dump();
}

std::string SendHeartbeat(HttpTransport& http, const core::Config& config, const Heartbeat& h,
                          long long now_unix) {
    HttpRequest req;
    req.url = config.heartbeat_url;
    req.body = HeartbeatJson(h);
    req.timeouts = {config.connect_timeout_s, config.total_timeout_s};
    req.ca_file = config.ca_file;
    req.headers = {"Content-Type: application/json"};
    if (!config.webhook_secret.empty()) {
        std::string ts = std::to_string(now_unix);
        req.headers.push_back("X-Brugpunt-Timestamp: " + ts);
        req.headers.push_back("X-Brugpunt-Signature: sha256=" +
                              HmacSha256Hex(config.webhook_secret, ts + "." + req.body));
    }
    HttpResponse r = http.Post(req);
    if (!r.error.empty()) return "heartbeat: " + r.error;
    if (r.status < 200 || r.status >= 300) return "heartbeat: HTTP " + std::to_string(r.status);
    return "";
}

SyncSettings SettingsFrom(const core::Config& c) {
    SyncSettings s;
    s.base_url = c.catalogue_url;
    s.public_key = c.sync_public_key;
    s.root = (std::filesystem::path(c.data_dir) / "catalogue").string();
    s.ca_file = c.ca_file;
    s.timeouts = {c.connect_timeout_s, c.sync_download_timeout_s};
    s.stall_s = c.sync_stall_timeout_s;
    s.limits.max_file_bytes = static_cast<uint64_t>(c.sync_max_file_mb) << 20;
    s.limits.max_total_bytes = static_cast<uint64_t>(c.sync_budget_mb) << 20;
    return s;
}

SyncWorker::SyncWorker(core::Config config, std::optional<InstalledCatalogue> in_use, std::string outbox_path,
                       LogFn log, StatusFn on_status, InstalledFn on_installed)
    : m_config(std::move(config)),
      m_in_use(std::move(in_use)),
      m_outbox_path(std::move(outbox_path)),
      m_log(std::move(log)),
      m_on_status(std::move(on_status)),
      m_on_installed(std::move(on_installed)) {}

SyncWorker::~SyncWorker() {
    Stop();
    Join();
}

void SyncWorker::Start() {
    m_thread = std::thread([this] { Run(); });
}

void SyncWorker::SyncNow() {
    std::lock_guard lock(m_mutex);
    m_now = true;
    m_cv.notify_one();
}

void SyncWorker::Stop() {
    std::lock_guard lock(m_mutex);
    m_stop = true;
    m_cv.notify_one();
}

void SyncWorker::Join() {
    if (m_thread.joinable()) m_thread.join();
}

void SyncWorker::Run() {
    auto started = std::chrono::steady_clock::now();
    auto now_unix = [] { return static_cast<long long>(std::time(nullptr)); };
    CurlFetcher fetcher;
    CurlHttp http;
    CatalogueSync sync(SettingsFrom(m_config), fetcher, now_unix);
    sync.SetInUse(m_in_use);
    SyncStatus st;
    st.version = sync.VersionInUse();
    for (;;) {
        st.busy = true;
        m_on_status(st);
        // Progress at most every 100 ms: the main thread only needs enough for a bar.
        auto last_report = std::chrono::steady_clock::time_point{};
        SyncReport r = sync.RunOnce([&](const SyncProgress& p) {
            auto t = std::chrono::steady_clock::now();
            if (!p.applying && t - last_report < std::chrono::milliseconds(100)) return;
            last_report = t;
            st.done = p.done;
            st.total = p.total;
            st.applying = p.applying;
            m_on_status(st);
        });
        long long last_sync = st.last_sync;
        st = SyncStatus{};
        st.last_sync = last_sync;
        st.version = sync.VersionInUse();
        if (r.outcome == SyncOutcome::kUpdated || r.outcome == SyncOutcome::kCurrent)
            st.last_sync = now_unix();
        if (r.outcome == SyncOutcome::kUpdated) {
            m_log("sync: version " + std::to_string(r.version) + " applied (" +
                  std::to_string(r.files_fetched) + " requests, " + std::to_string(r.bytes_fetched) +
                  " bytes, " + std::to_string(r.garbage_files) + " unused media files removed, applied in " +
                  std::to_string(r.apply_ms) + " ms)");
            m_on_installed(*r.installed);
        } else if (!r.reason.empty()) {
            st.last_error = r.reason;
            m_log(std::string("sync: ") + OutcomeName(r.outcome) + ": " + r.reason +
                  "; the kiosk keeps showing version " + std::to_string(st.version));
        }
        if (!m_config.heartbeat_url.empty()) {
            Heartbeat h{
                m_config.kiosk_id,
                st.version,
                st.last_sync,
                0,
                std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() - started)
                    .count(),
                st.last_error};
            if (auto outbox = store::SqliteOutbox::Open(m_outbox_path))
                if (auto stats = outbox.value()->Stats()) h.outbox_depth = stats->depth;
            if (std::string e = SendHeartbeat(http, m_config, h, now_unix()); !e.empty()) m_log(e);
        }
        m_on_status(st);

        std::unique_lock lock(m_mutex);
        m_cv.wait_for(lock, std::chrono::seconds(m_config.sync_interval_s), [&] { return m_stop || m_now; });
        if (m_stop) return;
        m_now = false;
    }
}

}  // namespace brugpunt::sync
