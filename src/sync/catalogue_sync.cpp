// Owns the order of a sync. Nothing the server sends is used before its signature or hash is
// checked, and nothing in use is touched before LocalCatalogue::Apply's commit point.
#include "catalogue_sync.h"

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "core/files.h"
#include "crypto.h"
#include "store/catalogue_loader.h"

namespace fs = std::filesystem;

namespace brugpunt::sync {

const char* OutcomeName(SyncOutcome o) {
    switch (o) {
        case SyncOutcome::kUpdated:
            return "updated";
        case SyncOutcome::kCurrent:
            return "current";
        case SyncOutcome::kRejected:
            return "rejected";
        case SyncOutcome::kFailed:
            return "failed";
    }
    return "?";
}

CatalogueSync::CatalogueSync(SyncSettings settings, Fetcher& fetcher, std::function<long long()> now_unix)
    : m_settings(std::move(settings)),
      m_fetcher(fetcher),
      m_now(std::move(now_unix)),
      m_local(m_settings.root) {}

// The ETag of the manifest in use survives restarts in ROOT/etag as "<version> <etag>", so
// even a kiosk that only runs --sync-once gets a 304 when nothing changed.
void CatalogueSync::SetInUse(std::optional<InstalledCatalogue> in_use) {
    m_in_use = std::move(in_use);
    m_etag.clear();
    std::ifstream in(fs::path(m_settings.root) / "etag");
    long long version = 0;
    std::string etag;
    if (in >> version >> std::ws && std::getline(in, etag) && version == VersionInUse() && version > 0)
        m_etag = etag;
}

void CatalogueSync::RememberEtag(const std::string& etag) {
    m_etag = etag;
    fs::path path = fs::path(m_settings.root) / "etag";
    std::error_code ec;
    if (etag.empty()) {
        fs::remove(path, ec);
        return;
    }
    {
        std::ofstream out(path.string() + ".tmp");
        out << VersionInUse() << " " << etag << "\n";
    }
    fs::rename(path.string() + ".tmp", path, ec);
}

std::string CatalogueSync::Url(const std::string& path) const {
    std::string base = m_settings.base_url;
    if (!base.ends_with('/')) base += '/';
    return base + path;
}

// Fetches one file into incoming/, resuming a part left by an earlier try, and checks its hash.
// Returns why it failed; `rejected` says whether the server is to blame (a bad file) rather than
// the network.
std::optional<std::string> CatalogueSync::FetchFile(const BundleFile& f, SyncProgress& p, uint64_t base,
                                                    const std::function<void(const SyncProgress&)>& progress,
                                                    SyncReport& report, bool& rejected) {
    std::string part = m_local.PartFile(f);
    std::error_code ec;
    uint64_t have = fs::exists(part, ec) ? fs::file_size(part, ec) : 0;
    if (have >= f.size) {  // a complete or over-long part is of no use: start again
        fs::remove(part, ec);
        have = 0;
    }
    FetchRequest req;
    req.url = Url(f.path);
    req.timeouts = m_settings.timeouts;
    req.stall_s = m_settings.stall_s;
    req.ca_file = m_settings.ca_file;
    req.to_file = part;
    req.resume_from = have;
    req.max_bytes = f.size;
    // The download waits too while the screen moves (curl's write stops, so the sender slows
    // down): every MiB, at most the pause's own limit, well inside the stall and total timeouts.
    uint64_t paused_at = 0;
    req.on_bytes = [&](uint64_t got) {
        p.done = base + have + got;
        if (progress) progress(p);
        if (m_settings.pause && got - paused_at >= (1u << 20)) {
            paused_at = got;
            m_settings.pause();
        }
    };
    FetchResponse r = m_fetcher.Get(req);
    ++report.files_fetched;
    report.bytes_fetched += r.received;
    if (r.too_large) {
        fs::remove(part, ec);
        rejected = true;
        return "too large: " + f.path + " is longer than the " + std::to_string(f.size) +
               " bytes the manifest says";
    }
    if (have && (r.status == 200 || r.status == 416)) {
        // The server would not resume: this part is useless, the next try starts from zero.
        fs::remove(part, ec);
        return "the server would not resume " + f.path + " (HTTP " + std::to_string(r.status) +
               "); starting again";
    }
    if (!r.error.empty())
        return "download of " + f.path + " stopped after " + std::to_string(have + r.received) + " of " +
               std::to_string(f.size) + " bytes: " + r.error +
               (r.status && !r.error.starts_with("HTTP") ? " (HTTP " + std::to_string(r.status) + ")" : "");
    uint64_t size = fs::file_size(part, ec);
    if (ec || size != f.size)
        return "download of " + f.path + " is incomplete: " + std::to_string(size) + " of " +
               std::to_string(f.size) + " bytes";
    auto hash = Sha256FileHex(part);
    if (!hash || hash.value() != f.sha256) {
        fs::remove(part, ec);
        rejected = true;
        return "hash mismatch: " + f.path + " is not the file the manifest signed";
    }
    if (auto kept = m_local.Keep(part, f.IsMedia() ? m_local.MediaFile(f) : m_local.IncomingFile(f)); !kept)
        return kept.error().message;
    return std::nullopt;
}

SyncReport CatalogueSync::RunOnce(const std::function<void(const SyncProgress&)>& progress,
                                  const std::function<void()>& apply_step) {
    SyncReport report;
    report.version = VersionInUse();
    auto fail = [&](SyncOutcome o, std::string why) {
        report.outcome = o;
        report.reason = std::move(why);
        // What a rejected bundle left waiting is of no use; a failed one's parts resume next time.
        if (o == SyncOutcome::kRejected) m_local.ClearIncoming();
        return report;
    };
    if (auto s = m_local.EnsureDirs(); !s) return fail(SyncOutcome::kFailed, s.error().message);

    FetchRequest req;
    req.url = Url(std::string(kManifestFile));
    req.timeouts = m_settings.timeouts;
    req.stall_s = m_settings.stall_s;
    req.ca_file = m_settings.ca_file;
    req.if_none_match = m_etag;
    req.max_bytes = 4 << 20;
    FetchResponse manifest_response = m_fetcher.Get(req);
    ++report.files_fetched;
    report.bytes_fetched += manifest_response.received;
    if (manifest_response.status == 304) {
        report.outcome = SyncOutcome::kCurrent;
        return report;
    }
    if (manifest_response.too_large)
        return fail(SyncOutcome::kRejected, "too large: manifest.json is over 4 MB");
    if (!manifest_response.error.empty() || manifest_response.status != 200)
        return fail(SyncOutcome::kFailed,
                    "cannot fetch " + req.url + ": " +
                        (manifest_response.error.empty() ? "HTTP " + std::to_string(manifest_response.status)
                                                         : manifest_response.error));
    req.url = Url(std::string(kSignatureFile));
    req.if_none_match.clear();
    req.max_bytes = 4096;
    FetchResponse sig_response = m_fetcher.Get(req);
    ++report.files_fetched;
    if (!sig_response.error.empty() || sig_response.status != 200)
        return fail(SyncOutcome::kFailed,
                    "cannot fetch " + req.url + ": " +
                        (sig_response.error.empty() ? "HTTP " + std::to_string(sig_response.status)
                                                    : sig_response.error));
    std::string signature = sig_response.body.substr(0, sig_response.body.find_first_of(" \r\n"));
    if (!VerifySignature(manifest_response.body, signature, m_settings.public_key))
        return fail(SyncOutcome::kRejected,
                    "bad signature: the manifest was not signed with the municipality's key");
    auto manifest = ParseManifest(manifest_response.body);
    if (!manifest) return fail(SyncOutcome::kRejected, manifest.error().message);
    // Rollback protection counts the highest version ever applied, not only the one in use: a
    // damaged catalogue on disk must not make an older signed bundle acceptable again.
    long long floor = std::max(VersionInUse(), m_local.HighestVersion().value_or(0));
    if (auto why = RejectManifest(manifest.value(), floor, m_now(), m_settings.limits))
        return fail(SyncOutcome::kRejected, *why);
    if (manifest->version == VersionInUse()) {
        RememberEtag(manifest_response.etag);
        report.outcome = SyncOutcome::kCurrent;
        return report;
    }

    // Only what this kiosk lacks: media are shared between versions by their hash.
    std::vector<const BundleFile*> wanted;
    SyncProgress p;
    std::error_code ec;
    for (const auto& f : manifest->files) {
        bool have =
            f.IsMedia() ? fs::exists(m_local.MediaFile(f), ec) : fs::exists(m_local.IncomingFile(f), ec);
        if (have) continue;
        wanted.push_back(&f);
        p.total += f.size;
    }
    if (progress) progress(p);
    uint64_t base = 0;
    for (const BundleFile* f : wanted) {
        bool rejected = false;
        if (auto why = FetchFile(*f, p, base, progress, report, rejected))
            return fail(rejected ? SyncOutcome::kRejected : SyncOutcome::kFailed, *why);
        base += f->size;
    }

    // The catalogue must be one this kiosk can show before it replaces the one in use: it is
    // parsed and checked with the kiosk's own loader, and written as the db the kiosk will read,
    // once, here; what that made is handed on to the kiosk. Its clips are resolved in the folder
    // it will be read from.
    std::string incoming = m_local.IncomingFile(*manifest->Catalogue());
    std::string incoming_db = incoming + ".db";
    const std::string& sha = manifest->Catalogue()->sha256;
    auto opening = std::chrono::steady_clock::now();
    auto compiled = store::CompileCatalogueSource(incoming, sha, incoming_db,
                                                  m_local.VersionFolder(manifest->version), m_settings.pause);
    auto load_ms = [&] {
        return std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() -
                                                                     opening)
            .count();
    };
    long long compile_ms = load_ms();
    if (!compiled) {
        fs::remove(incoming, ec);
        fs::remove(incoming_db, ec);
        return fail(SyncOutcome::kRejected,
                    "malformed catalogue: the kiosk cannot show it: " + compiled.error().message);
    }

    p.applying = true;
    if (progress) progress(p);
    auto applying = std::chrono::steady_clock::now();
    auto installed = m_local.Apply(manifest.value(), manifest_response.body, signature, apply_step);
    report.apply_ms =
        std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::steady_clock::now() - applying)
            .count();
    if (!installed) {
        fs::remove(incoming_db, ec);
        return fail(SyncOutcome::kFailed, installed.error().message);
    }
    m_in_use = installed.value();
    RememberEtag(manifest_response.etag);
    // The db moves in beside the catalogue before the garbage collector could take it: searches
    // from now on read that file, and the kiosk opens it at its next start. Without it (a full
    // disk) the kiosk still shows this version, from memory, and makes the db at its next start.
    std::string db_path = store::CatalogueDbPathFor(installed->catalogue_path);
    if (compiled->not_written.empty())
        if (auto moved = store::MoveCatalogueDb(incoming_db, db_path); !moved)
            compiled->not_written = moved.error().message;
    auto missing = store::MissingClips(compiled->parsed.catalogue);  // the folder exists now
    compiled->parsed.issues.insert(compiled->parsed.issues.end(), missing.begin(), missing.end());
    opening = std::chrono::steady_clock::now();
    std::string note;
    auto loaded = store::OpenCompiled(std::move(compiled.value()), db_path, note);
    report.garbage_files = m_local.CollectGarbage(manifest.value(), m_settings.limits.max_total_bytes).files;
    report.outcome = SyncOutcome::kUpdated;
    report.version = manifest->version;
    report.installed = std::move(installed.value());
    report.installed->db_note = loaded ? note : "it cannot be opened: " + loaded.error().message;
    if (loaded)
        report.installed->loaded = std::make_shared<store::LoadedCatalogue>(std::move(loaded.value()));
    report.installed->load_ms = compile_ms + load_ms();
    return report;
}

}  // namespace brugpunt::sync
