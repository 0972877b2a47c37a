// Owns one catalogue sync: fetch the signed manifest, check it, fetch the files the kiosk lacks
// (resuming cut-off downloads), verify every hash, apply atomically, collect garbage.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>

#include "bundle.h"
#include "local_catalogue.h"
#include "store/pause.h"
#include "transport.h"

namespace brugpunt::sync {

struct SyncSettings {
    std::string base_url;    // where manifest.json, manifest.sig and media/ are served
    std::string public_key;  // hex ed25519; the only key this kiosk trusts
    std::string root;        // DATA_DIR/catalogue
    std::string ca_file;
    Timeouts timeouts{10, 600};
    int stall_s = 30;
    BundleLimits limits;
    // Where compiling a downloaded catalogue waits now and then (store::Pause): the kiosk waits
    // there while its screen is moving, so a visitor's scrolling never shares the CPU with it.
    store::Pause pause;
};

enum class SyncOutcome {
    kUpdated,   // a new version was applied
    kCurrent,   // nothing to do (304, or the same version)
    kRejected,  // the server offered something this kiosk must not trust or cannot use
    kFailed,    // network or disk trouble; the next try may work
};

struct SyncProgress {
    uint64_t done = 0;  // bytes of the files to fetch
    uint64_t total = 0;
    bool applying = false;
};

struct SyncReport {
    SyncOutcome outcome = SyncOutcome::kFailed;
    long long version = 0;  // the version in use afterwards
    std::string reason;     // for kRejected and kFailed: one line for the staff screen and the log
    int files_fetched = 0;
    uint64_t bytes_fetched = 0;
    int garbage_files = 0;
    long long apply_ms = 0;  // from the first write of the new version to the commit and tidy-up
    std::optional<InstalledCatalogue> installed;  // with kUpdated
};

const char* OutcomeName(SyncOutcome o);

class CatalogueSync {
  public:
    CatalogueSync(SyncSettings settings, Fetcher& fetcher, std::function<long long()> now_unix);

    // The version in use and the last ETag, as the last run (or Recover) left them.
    void SetInUse(std::optional<InstalledCatalogue> in_use);
    long long VersionInUse() const { return m_in_use ? m_in_use->manifest.version : 0; }

    SyncReport RunOnce(const std::function<void(const SyncProgress&)>& progress = {},
                       const std::function<void()>& apply_step = {});

  private:
    std::optional<std::string> FetchFile(const BundleFile& f, SyncProgress& p, uint64_t base,
                                         const std::function<void(const SyncProgress&)>& progress,
                                         SyncReport& report, bool& rejected);
    std::string Url(const std::string& path) const;
    void RememberEtag(const std::string& etag);

    SyncSettings m_settings;
    Fetcher& m_fetcher;
    std::function<long long()> m_now;
    LocalCatalogue m_local;
    std::optional<InstalledCatalogue> m_in_use;
    std::string m_etag;
};

}  // namespace brugpunt::sync
