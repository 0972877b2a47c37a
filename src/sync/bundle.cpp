// Owns the manifest's JSON and the checks on it.
#include "bundle.h"

#include <nlohmann/json.hpp>

#include <cstdio>
#include <ctime>

namespace brugpunt::sync {
namespace {

using nlohmann::json;

bool IsHex64(std::string_view s) {
    if (s.size() != 64) return false;
    for (char c : s)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
    return true;
}

// "../x", "/etc/x", "a\\b", "media/../../x": anything that could name a file outside the bundle.
bool EscapesBundle(std::string_view path) {
    if (path.empty() || path.front() == '/' || path.find('\\') != std::string_view::npos) return true;
    size_t start = 0;
    while (start <= path.size()) {
        size_t end = path.find('/', start);
        if (end == std::string_view::npos) end = path.size();
        std::string_view part = path.substr(start, end - start);
        if (part == ".." || part == "." || part.empty()) return true;
        start = end + 1;
    }
    return false;
}

// media/<sha256> or media/<sha256>.<ext>, ext 1-5 lowercase letters or digits; the name's hash
// must be the file's.
bool IsMediaName(const BundleFile& f) {
    std::string_view p = f.path;
    if (!p.starts_with("media/")) return false;
    p.remove_prefix(6);
    if (p.substr(0, 64) != f.sha256 || !IsHex64(p.substr(0, 64))) return false;
    p.remove_prefix(64);
    if (p.empty()) return true;
    if (p.front() != '.' || p.size() < 2 || p.size() > 6) return false;
    for (char c : p.substr(1))
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) return false;
    return true;
}

std::string Megabytes(uint64_t bytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1e6);
    return buf;
}

}  // namespace

const BundleFile* Manifest::Catalogue() const {
    for (const auto& f : files)
        if (f.path == kCatalogueFile) return &f;
    return nullptr;
}

uint64_t Manifest::TotalBytes() const {
    uint64_t total = 0;
    for (const auto& f : files) total += f.size;
    return total;
}

core::Result<Manifest> ParseManifest(std::string_view text) {
    auto bad = [](const std::string& why) {
        return core::Error{core::ErrorCode::kParse, "malformed manifest: " + why};
    };
    json j = json::parse(text, nullptr, false);
    if (j.is_discarded()) return bad("not JSON");
    if (!j.is_object()) return bad("not an object");
    Manifest m;
    auto integer = [&](const char* key, long long& out) {
        auto it = j.find(key);
        if (it == j.end() || !it->is_number_integer()) return false;
        out = it->get<long long>();
        return true;
    };
    long long format = 0;
    if (!integer("format", format)) return bad("\"format\" must be a whole number");
    m.format = static_cast<int>(format);
    if (!integer("version", m.version) || m.version < 1)
        return bad("\"version\" must be a whole number from 1");
    for (auto [key, out] : {std::pair{"created", &m.created}, std::pair{"expires", &m.expires}}) {
        auto it = j.find(key);
        std::optional<long long> t;
        if (it != j.end() && it->is_string()) t = ParseUtc(it->get<std::string>());
        if (!t) return bad(std::string("\"") + key + "\" must be a UTC time like 2026-11-23T17:00:00Z");
        *out = *t;
    }
    auto files = j.find("files");
    if (files == j.end() || !files->is_array()) return bad("\"files\" must be a list");
    for (const auto& f : *files) {
        if (!f.is_object() || !f.contains("path") || !f["path"].is_string() || !f.contains("sha256") ||
            !f["sha256"].is_string() || !f.contains("size") || !f["size"].is_number_unsigned())
            return bad("every file needs a path, a sha256 and a size");
        BundleFile bf{f["path"].get<std::string>(), f["sha256"].get<std::string>(),
                      f["size"].get<uint64_t>()};
        if (!IsHex64(bf.sha256)) return bad(bf.path + ": sha256 is not 64 lowercase hex digits");
        m.files.push_back(std::move(bf));
    }
    if (!m.Catalogue()) return bad("it lists no catalogue.json");
    return m;
}

std::string ManifestToJson(const Manifest& m) {
    json files = json::array();
    for (const auto& f : m.files) files.push_back({{"path", f.path}, {"sha256", f.sha256}, {"size", f.size}});
    json j = {{"format", m.format},
              {"version", m.version},
              {"created", FormatUtc(m.created)},
              {"expires", FormatUtc(m.expires)},
              {"files", files}};
    return j.dump(1) + "\n";
}

std::string MediaPath(const std::string& sha256, const std::string& original_name) {
    std::string ext;
    if (size_t dot = original_name.rfind('.');
        dot != std::string::npos && original_name.find('/', dot) == std::string::npos) {
        for (char c : original_name.substr(dot + 1))
            ext += static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    }
    bool ok = !ext.empty() && ext.size() <= 5;
    for (char c : ext) ok = ok && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'));
    return "media/" + sha256 + (ok ? "." + ext : "");
}

std::optional<std::string> RejectManifest(const Manifest& m, long long current_version, long long now_unix,
                                          const BundleLimits& limits) {
    if (m.format != kBundleFormat)
        return "the bundle has format " + std::to_string(m.format) + "; this kiosk reads format " +
               std::to_string(kBundleFormat);
    if (m.version < current_version)
        return "rollback: the server offers version " + std::to_string(m.version) + ", older than version " +
               std::to_string(current_version) + " this kiosk already had";
    if (m.expires <= now_unix) return "expired: the manifest was valid until " + FormatUtc(m.expires);
    for (const auto& f : m.files) {
        if (EscapesBundle(f.path)) return "path escape: \"" + f.path + "\" points outside the bundle";
        if (f.path != kCatalogueFile && !IsMediaName(f))
            return "unexpected file \"" + f.path +
                   "\": only catalogue.json and media/<sha256> belong in a bundle";
        if (f.size > limits.max_file_bytes)
            return "too large: " + f.path + " is " + Megabytes(f.size) + ", the limit is " +
                   Megabytes(limits.max_file_bytes);
    }
    if (m.TotalBytes() > limits.max_total_bytes)
        return "too large: the catalogue needs " + Megabytes(m.TotalBytes()) + ", the disk budget is " +
               Megabytes(limits.max_total_bytes);
    return std::nullopt;
}

std::string FormatUtc(long long unix_seconds) {
    std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return buf;
}

std::optional<long long> ParseUtc(std::string_view text) {
    std::tm tm{};
    int y, mo, d, h, mi, s;
    char z = 0;
    std::string copy(text);
    // From 1970: FormatUtc writes every such time back as exactly these 20 characters.
    if (copy.size() != 20 ||
        std::sscanf(copy.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c", &y, &mo, &d, &h, &mi, &s, &z) != 7 ||
        z != 'Z' || y < 1970 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60)
        return std::nullopt;
    tm.tm_year = y - 1900;
    tm.tm_mon = mo - 1;
    tm.tm_mday = d;
    tm.tm_hour = h;
    tm.tm_min = mi;
    tm.tm_sec = s;
    return static_cast<long long>(timegm(&tm));
}

}  // namespace brugpunt::sync
