// Owns --sync-once and --catalogue-status, and opening the catalogue a starting kiosk shows.
#include "sync_cli.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <thread>

#include "outbox_cli.h"
#include "store/catalogue_json.h"
#include "sync/catalogue_sync.h"
#include "sync/crypto.h"
#include "sync/heartbeat.h"
#include "sync/sync_worker.h"

namespace brugpunt::app {
namespace {

void Err(const std::string& line) {
    std::fprintf(stderr, "brugpunt: %s\n", line.c_str());
}

long long NowUnix() {
    return static_cast<long long>(std::time(nullptr));
}

}  // namespace

std::optional<sync::InstalledCatalogue> RecoverSynced(const core::Config& config,
                                                      const std::function<void(const std::string&)>& log) {
    if (config.catalogue_url.empty()) return std::nullopt;
    sync::LocalCatalogue local(sync::SettingsFrom(config).root);
    if (auto s = local.EnsureDirs(); !s) {
        log("sync: " + s.error().message);
        return std::nullopt;
    }
    auto r = local.Recover(config.sync_public_key);
    if (!r) {
        log("sync: " + r.error().message +
            "; showing the catalogue the kiosk was started with until the next sync");
        return std::nullopt;
    }
    if (r.value() && !r.value()->repaired.empty()) log("sync: " + r.value()->repaired);
    return r.value();
}

namespace {

// What the catalogue lacks, in the log (it is shown anyway; `check` lists it).
void LogIssues(const store::LoadedCatalogue& loaded, const std::function<void(const std::string&)>& log) {
    for (const auto& issue : loaded.issues) log("catalogue: " + core::FormatIssue(issue));
    if (!loaded.issues.empty())
        log("catalogue: " + std::to_string(loaded.issues.size()) + " problems; showing it anyway");
}

core::Result<store::LoadedCatalogue> OpenBundled(const std::string& path,
                                                 const std::function<void(const std::string&)>& log) {
    // The db made at build time beside the bundled source, when it was made from this very file:
    // hashing the source is far cheaper than parsing it. The folder may be read-only (installed).
    if (path.ends_with(".json")) {
        std::string db_path = store::CatalogueDbPathFor(path);
        if (auto sha = sync::Sha256FileHex(path))
            if (auto db = store::CatalogueDb::OpenReadOnly(db_path); db && db->SourceSha256() == sha.value())
                return store::OpenCatalogue(db_path);
    }
    auto loaded = store::OpenCatalogue(path);
    if (loaded) LogIssues(loaded.value(), log);
    return loaded;
}

}  // namespace

FirstCatalogue OpenFirstCatalogue(const core::Config& config, const std::string& bundled,
                                  const std::function<void(const std::string&)>& log) {
    auto start = std::chrono::steady_clock::now();
    FirstCatalogue out;
    out.synced = RecoverSynced(config, log);
    if (out.synced) {
        long long v = out.synced->manifest.version;
        log("catalogue: synced version " + std::to_string(v));
        std::string note;
        out.catalogue = store::OpenKnownSource(out.synced->catalogue_path,
                                               out.synced->manifest.Catalogue()->sha256, note);
        if (!note.empty()) log("catalogue: " + note);
        if (out.catalogue) {
            LogIssues(out.catalogue.value(), log);
        } else {
            out.problem = "de gesynchroniseerde catalogus (versie " + std::to_string(v) +
                          ") opent niet: " + out.catalogue.error().message;
            log("catalogue: the synced version " + std::to_string(v) + " does not load (" +
                out.catalogue.error().message + "); showing " + bundled + " instead");
        }
    }
    if (!out.catalogue) out.catalogue = OpenBundled(bundled, log);
    out.ms = std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - start)
                 .count();
    return out;
}

int RunSyncOnce(const core::Config& config) {
    if (config.catalogue_url.empty()) {
        Err("--sync-once: the config has no catalogue_url");
        return 2;
    }
    auto in_use = RecoverSynced(config, Err);
    sync::CurlFetcher fetcher;
    sync::CatalogueSync sync(sync::SettingsFrom(config), fetcher, NowUnix);
    sync.SetInUse(in_use);
    // Test hook for the crash-consistency test: slow apply down so kill -9 lands inside it.
    int pause_ms = 0;
    if (const char* env = std::getenv("BRUGPUNT_TEST_APPLY_PAUSE_MS")) pause_ms = std::atoi(env);
    auto last = std::chrono::steady_clock::time_point{};
    bool announced = false;
    sync::SyncReport r = sync.RunOnce(
        [&](const sync::SyncProgress& p) {
            if (p.applying && !announced) {
                announced = true;
                std::printf("applying\n");
                std::fflush(stdout);
                return;
            }
            auto now = std::chrono::steady_clock::now();
            if (p.applying || now - last < std::chrono::seconds(1)) return;
            last = now;
            std::fprintf(stderr, "downloading %.1f of %.1f MB\n", p.done / 1e6, p.total / 1e6);
        },
        [pause_ms] {
            if (pause_ms) std::this_thread::sleep_for(std::chrono::milliseconds(pause_ms));
        });
    sync::CurlHttp http;
    sync::SyncFacts facts = sync::FactsAfterRun(r, sync.VersionInUse(), 0, NowUnix());
    if (std::string e = sync::ReportHeartbeat(http, config, facts, 0, OutboxPath(config), NowUnix());
        !e.empty())
        Err(e);
    std::printf("%s: version %lld, %d requests, %llu bytes downloaded, %d unused media files removed%s%s\n",
                sync::OutcomeName(r.outcome), r.version, r.files_fetched,
                static_cast<unsigned long long>(r.bytes_fetched), r.garbage_files,
                r.reason.empty() ? "" : ": ", r.reason.c_str());
    switch (r.outcome) {
        case sync::SyncOutcome::kUpdated:
        case sync::SyncOutcome::kCurrent:
            return 0;
        case sync::SyncOutcome::kRejected:
            return 1;
        case sync::SyncOutcome::kFailed:
            return 3;
    }
    return 3;
}

int RunCatalogueStatus(const core::Config& config) {
    bool damaged = false;
    auto in_use = RecoverSynced(config, [&](const std::string& line) {
        damaged = true;
        Err(line);
    });
    if (damaged) return 1;
    if (!in_use) {
        std::printf("no synced catalogue\n");
        return 0;
    }
    auto loaded = store::LoadCatalogueFile(in_use->catalogue_path);
    if (!loaded) {
        Err("the synced catalogue does not load: " + loaded.error().message);
        return 1;
    }
    auto hash = sync::Sha256FileHex(in_use->catalogue_path);
    std::printf("version %lld, catalogue sha256 %s, %zu activities, expires %s\n", in_use->manifest.version,
                hash ? hash.value().c_str() : "?", loaded->catalogue.activities.size(),
                sync::FormatUtc(in_use->manifest.expires).c_str());
    return 0;
}

}  // namespace brugpunt::app
