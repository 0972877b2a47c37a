// Owns the kiosk's synced catalogue on disk, under DATA_DIR/catalogue:
//   current         "v7": the version in use; replacing this one file is the commit point
//   v7/             manifest.json, manifest.sig, catalogue.json, media -> ../media, and
//                   catalogue.db: what the kiosk opens, made from catalogue.json before apply
//                   and moved in after it (store::CompileCatalogueSource); a missing or stale one
//                   is made again from the json at the next start
//   media/          content-addressed files shared by all versions
//   incoming/       downloads in progress (<sha256>.part) and verified files waiting for apply
//   highest         "7 <sha256 of '7'>": the highest version ever applied, written before `current`
//                   moves and kept apart from the catalogue it protects, so local damage to a
//                   manifest or to `current` never lowers the version this kiosk accepts
// A kill -9 at any moment leaves `current` naming a complete, verified version, or no file at all.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "bundle.h"
#include "core/result.h"
#include "store/catalogue_loader.h"

namespace brugpunt::sync {

struct InstalledCatalogue {
    Manifest manifest;
    std::string catalogue_path;  // the catalogue.json to load
    // A sync opens the catalogue with the kiosk's own loader before it applies it; the result
    // comes along, so the kiosk need not open it again. Empty after Recover.
    std::shared_ptr<store::LoadedCatalogue> loaded;
    long long load_ms = 0;  // how long opening it took
    std::string repaired;   // after Recover: what it mended (a damaged `current`), for the log
    std::string db_note;    // after a sync: why the catalogue db beside it was not written
};

class LocalCatalogue {
  public:
    explicit LocalCatalogue(std::string root) : m_root(std::move(root)) {}

    // What a booting kiosk loads: removes what an interrupted apply left behind, then checks the
    // version in use against the public key and its catalogue's hash. A damaged `current` is
    // rebuilt from the newest intact vN/; no version is deleted unless `current` names an intact
    // one. Nothing when no catalogue was ever synced; an error when none on disk is intact.
    core::Result<std::optional<InstalledCatalogue>> Recover(const std::string& public_key_hex) const;

    // The highest version ever applied here; nothing when never recorded or the record is damaged.
    std::optional<long long> HighestVersion() const;
    // Records v durably when it is higher than the record (or the record is missing or damaged).
    core::VoidResult RecordHighest(long long version) const;

    std::string MediaFile(const BundleFile& f) const;     // where a verified media file lives
    std::string IncomingFile(const BundleFile& f) const;  // where a verified file waits for apply
    std::string VersionFolder(long long version) const;   // where Apply puts version `version`
    std::string PartFile(const BundleFile& f) const;      // a download in progress
    core::VoidResult EnsureDirs() const;
    // Makes a downloaded, verified part durable and moves it to where it belongs.
    core::VoidResult Keep(const std::string& part, const std::string& final_path) const;

    // Installs a verified bundle whose files are all present (media in media/, the catalogue in
    // incoming/). `step` runs between the steps, so a test can slow apply down and kill it.
    core::Result<InstalledCatalogue> Apply(const Manifest& m, const std::string& manifest_text,
                                           const std::string& signature_hex,
                                           const std::function<void()>& step = {}) const;

    struct Collected {
        int files = 0;
        uint64_t bytes = 0;
    };
    // Deletes media and leftovers the version in use does not reference: oldest first, until
    // media/ and incoming/ together fit in budget_bytes.
    Collected CollectGarbage(const Manifest& in_use, uint64_t budget_bytes) const;

    // After a rejected bundle: incoming/ keeps nothing of it, verified or not.
    void ClearIncoming() const;

    const std::string& Root() const { return m_root; }

  private:
    std::string m_root;
};

}  // namespace brugpunt::sync
