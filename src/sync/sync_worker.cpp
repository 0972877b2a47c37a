// Owns the sync thread's passes: a run, then the heartbeat. The thread itself is a WorkerThread.
#include "sync_worker.h"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <memory>

namespace brugpunt::sync {

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
                       LogFn log, StatusFn on_status, InstalledFn on_installed, store::Pause pause)
    : m_config(std::move(config)),
      m_in_use(std::move(in_use)),
      m_outbox_path(std::move(outbox_path)),
      m_log(std::move(log)),
      m_on_status(std::move(on_status)),
      m_on_installed(std::move(on_installed)),
      m_pause(std::move(pause)),
      m_thread([this] { return Prepare(); }, WorkerThread::Priority::kBackground) {}

SyncWorker::~SyncWorker() {
    Stop();
    Join();
}

void SyncWorker::Start() {
    m_thread.Start();
}

void SyncWorker::SyncNow() {
    m_thread.Wake();
}

void SyncWorker::Stop() {
    m_thread.Stop();
}

void SyncWorker::Join() {
    m_thread.Join();
}

namespace {

long long NowUnix() {
    return static_cast<long long>(std::time(nullptr));
}

// What the sync thread keeps from one pass to the next.
struct SyncThreadState {
    SyncThreadState(const core::Config& config, store::Pause pause)
        : sync(WithPause(SettingsFrom(config), std::move(pause)), fetcher, NowUnix) {}
    static SyncSettings WithPause(SyncSettings s, store::Pause pause) {
        s.pause = std::move(pause);
        return s;
    }
    std::chrono::steady_clock::time_point started = std::chrono::steady_clock::now();
    CurlFetcher fetcher;
    CurlHttp http;
    CatalogueSync sync;  // after fetcher: it holds a reference to it
    SyncStatus status;
};

}  // namespace

WorkerThread::Pass SyncWorker::Prepare() {
    // Shared only because a Pass must be copyable; the worker thread is the one user.
    auto state = std::make_shared<SyncThreadState>(m_config, m_pause);
    state->sync.SetInUse(m_in_use);
    state->status.version = state->sync.VersionInUse();
    return [this, state] {
        long long uptime_s = std::chrono::duration_cast<std::chrono::seconds>(
                                 std::chrono::steady_clock::now() - state->started)
                                 .count();
        // A kiosk without a catalogue server still tells Balie's fleet page that it is alive.
        if (m_config.catalogue_url.empty()) {
            SyncFacts facts{state->sync.VersionInUse(), 0, ""};
            if (std::string e =
                    ReportHeartbeat(state->http, m_config, facts, uptime_s, m_outbox_path, NowUnix());
                !e.empty())
                m_log(e);
            return std::chrono::milliseconds(std::chrono::seconds(m_config.sync_interval_s));
        }
        SyncStatus& st = state->status;
        st.busy = true;
        m_on_status(st);
        // Progress at most every 100 ms: the main thread only needs enough for a bar.
        auto last_report = std::chrono::steady_clock::time_point{};
        SyncReport r = state->sync.RunOnce([&](const SyncProgress& p) {
            auto t = std::chrono::steady_clock::now();
            if (!p.applying && t - last_report < std::chrono::milliseconds(100)) return;
            last_report = t;
            st.done = p.done;
            st.total = p.total;
            st.applying = p.applying;
            m_on_status(st);
        });
        SyncFacts facts = FactsAfterRun(r, state->sync.VersionInUse(), st.last_sync, NowUnix());
        st = SyncStatus{};
        st.version = facts.version;
        st.last_sync = facts.last_sync;
        st.last_error = facts.last_error;
        if (r.outcome == SyncOutcome::kUpdated) {
            m_log("sync: version " + std::to_string(r.version) + " applied (" +
                  std::to_string(r.files_fetched) + " requests, " + std::to_string(r.bytes_fetched) +
                  " bytes, " + std::to_string(r.garbage_files) + " unused media files removed, applied in " +
                  std::to_string(r.apply_ms) + " ms)");
            m_on_installed(*r.installed);
        } else if (!r.reason.empty()) {
            m_log(std::string("sync: ") + OutcomeName(r.outcome) + ": " + r.reason +
                  "; the kiosk keeps showing version " + std::to_string(st.version));
        }
        uptime_s = std::chrono::duration_cast<std::chrono::seconds>(std::chrono::steady_clock::now() -
                                                                    state->started)
                       .count();
        if (std::string e = ReportHeartbeat(state->http, m_config, facts, uptime_s, m_outbox_path, NowUnix());
            !e.empty())
            m_log(e);
        m_on_status(st);
        return std::chrono::milliseconds(std::chrono::seconds(m_config.sync_interval_s));
    };
}

}  // namespace brugpunt::sync
