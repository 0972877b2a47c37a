// Owns making a catalogue bundle on the staff side: copy the catalogue and its media into a
// folder any static web server can serve, name media by content hash, write and sign the manifest.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace brugpunt::staff {

struct BuildOptions {
    std::string catalogue;  // the source catalogue.json; media paths are relative to it
    std::string out_dir;
    long long version = 0;  // 0: one more than the manifest already in out_dir, or 1
    int expires_days = 30;
    long long now_unix = 0;
};

struct BuildReport {
    long long version = 0;
    int media_files = 0;
    uint64_t bytes = 0;
    std::vector<std::string> warnings;  // catalogue issues that do not stop a build
};

core::Result<BuildReport> BuildBundle(const BuildOptions& options);

struct KeyFiles {
    std::string secret_path;  // mode 0600
    std::string public_path;  // SECRET.pub; its one line goes into each kiosk's config
    std::string public_hex;
};
core::Result<KeyFiles> WriteNewKey(const std::string& secret_path);

// Writes DIR/manifest.sig for DIR/manifest.json with the secret key in key_path.
core::VoidResult SignBundle(const std::string& dir, const std::string& key_path);

}  // namespace brugpunt::staff
