// Owns the kiosk's synced catalogue on disk, under DATA_DIR/catalogue:
//   current         "v7": the version in use; replacing this one file is the commit point
//   v7/             manifest.json, manifest.sig, catalogue.json, media -> ../media
//   media/          content-addressed files shared by all versions
//   incoming/       downloads in progress (<sha256>.part) and verified files waiting for apply
// A kill -9 at any moment leaves `current` naming a complete, verified version, or no file at all.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "bundle.h"
#include "core/result.h"

namespace brugpunt::sync {

struct InstalledCatalogue {
    Manifest manifest;
    std::string catalogue_path;  // the catalogue.json to load
};

class LocalCatalogue {
  public:
    explicit LocalCatalogue(std::string root) : m_root(std::move(root)) {}

    // What a booting kiosk loads: removes what an interrupted apply left behind, then checks the
    // version in use against the public key and its catalogue's hash. Nothing when no catalogue
    // was ever synced; an error when the one on disk is damaged.
    core::Result<std::optional<InstalledCatalogue>> Recover(const std::string& public_key_hex) const;

    std::string MediaFile(const BundleFile& f) const;     // where a verified media file lives
    std::string IncomingFile(const BundleFile& f) const;  // where a verified file waits for apply
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

    const std::string& Root() const { return m_root; }

  private:
    std::string m_root;
};

}  // namespace brugpunt::sync
