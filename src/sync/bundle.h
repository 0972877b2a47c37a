// Owns the catalogue bundle's manifest: what a signed bundle holds, and the rules a kiosk applies
// before it trusts one. nlohmann/json appears only in the .cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace brugpunt::sync {

inline constexpr int kBundleFormat = 1;
inline constexpr std::string_view kCatalogueFile = "catalogue.json";
inline constexpr std::string_view kManifestFile = "manifest.json";
inline constexpr std::string_view kSignatureFile = "manifest.sig";  // hex ed25519 of manifest.json

struct BundleFile {
    std::string path;    // "catalogue.json" or "media/<sha256>.<ext>"
    std::string sha256;  // lowercase hex
    uint64_t size = 0;

    bool IsMedia() const { return path != kCatalogueFile; }
    bool operator==(const BundleFile&) const = default;
};

struct Manifest {
    int format = kBundleFormat;
    long long version = 0;  // monotonic: a kiosk never goes back to a lower one
    long long created = 0;  // unix seconds, written as UTC "2026-11-23T17:00:00Z"
    long long expires = 0;
    std::vector<BundleFile> files;

    const BundleFile* Catalogue() const;
    uint64_t TotalBytes() const;
};

// Malformed text or a missing field is an error saying which.
core::Result<Manifest> ParseManifest(std::string_view text);
std::string ManifestToJson(const Manifest& manifest);

// Where a media file with these bytes lives in a bundle: "media/<sha256>.<ext of original>".
std::string MediaPath(const std::string& sha256, const std::string& original_name);

struct BundleLimits {
    uint64_t max_file_bytes = 50ull << 20;
    uint64_t max_total_bytes = 500ull << 20;  // the kiosk's disk budget for catalogue + media
};

// Why a manifest whose signature is good must still not be applied, in words for the staff
// screen; nothing when it may. A version equal to the current one is not a rejection: the
// catalogue is simply current.
std::optional<std::string> RejectManifest(const Manifest& m, long long current_version, long long now_unix,
                                          const BundleLimits& limits);

std::string FormatUtc(long long unix_seconds);
std::optional<long long> ParseUtc(std::string_view text);

}  // namespace brugpunt::sync
