// Owns the files and renames of the synced catalogue. Every write is fsynced before the rename
// that makes it visible, and `current` is replaced last.
#include "local_catalogue.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <vector>

#include "core/files.h"
#include "crypto.h"

namespace fs = std::filesystem;

namespace brugpunt::sync {
namespace {

core::Error IoError(const std::string& what) {
    return core::Error{core::ErrorCode::kIo, what};
}

bool FsyncPath(const fs::path& p, bool directory) {
    int fd = ::open(p.c_str(), directory ? O_RDONLY | O_DIRECTORY : O_RDONLY);
    if (fd < 0) return false;
    bool ok = ::fsync(fd) == 0;
    ::close(fd);
    return ok;
}

// Writes and fsyncs a whole file.
bool WriteDurably(const fs::path& p, const std::string& text) {
    int fd = ::open(p.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return false;
    size_t done = 0;
    while (done < text.size()) {
        ssize_t n = ::write(fd, text.data() + done, text.size() - done);
        if (n <= 0) {
            ::close(fd);
            return false;
        }
        done += static_cast<size_t>(n);
    }
    bool ok = ::fsync(fd) == 0;
    return ::close(fd) == 0 && ok;
}

std::string VersionDir(long long version) {
    return "v" + std::to_string(version);
}

}  // namespace

std::string LocalCatalogue::MediaFile(const BundleFile& f) const {
    return (fs::path(m_root) / f.path).string();  // f.path is "media/<sha256>.<ext>", checked
}

std::string LocalCatalogue::IncomingFile(const BundleFile& f) const {
    return (fs::path(m_root) / "incoming" / f.sha256).string();
}

std::string LocalCatalogue::VersionFolder(long long version) const {
    return (fs::path(m_root) / VersionDir(version)).string();
}

std::string LocalCatalogue::PartFile(const BundleFile& f) const {
    return IncomingFile(f) + ".part";
}

core::VoidResult LocalCatalogue::EnsureDirs() const {
    std::error_code ec;
    for (const char* d : {"media", "incoming"}) {
        fs::create_directories(fs::path(m_root) / d, ec);
        if (ec) return IoError("cannot create " + (fs::path(m_root) / d).string() + ": " + ec.message());
    }
    return core::Ok{};
}

core::VoidResult LocalCatalogue::Keep(const std::string& part, const std::string& final_path) const {
    std::error_code ec;
    if (!FsyncPath(part, false)) return IoError("cannot sync " + part);
    fs::rename(part, final_path, ec);
    if (ec) return IoError("cannot store " + final_path + ": " + ec.message());
    return core::Ok{};
}

namespace {

// "v7" -> 7; nothing for any other name.
std::optional<long long> VersionOfDir(const std::string& name) {
    if (name.size() < 2 || name[0] != 'v' || name.size() > 19) return std::nullopt;
    long long v = 0;
    for (char c : name.substr(1)) {
        if (c < '0' || c > '9') return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v > 0 ? std::optional<long long>(v) : std::nullopt;
}

std::string HighestRecord(long long version) {
    std::string v = std::to_string(version);
    return v + " " + Sha256Hex(v) + "\n";
}

}  // namespace

std::optional<long long> LocalCatalogue::HighestVersion() const {
    auto text = core::ReadWholeFile((fs::path(m_root) / "highest").string());
    if (!text) return std::nullopt;
    auto space = text->find(' ');
    if (space == std::string::npos) return std::nullopt;
    auto v = VersionOfDir("v" + text->substr(0, space));
    if (!v || *text != HighestRecord(*v)) return std::nullopt;  // a flipped bit shows in the hash
    return v;
}

core::VoidResult LocalCatalogue::RecordHighest(long long version) const {
    if (auto known = HighestVersion(); known && *known >= version) return core::Ok{};
    fs::path root(m_root);
    std::error_code ec;
    if (!WriteDurably(root / "highest.tmp", HighestRecord(version)))
        return IoError("cannot write " + (root / "highest.tmp").string());
    fs::rename(root / "highest.tmp", root / "highest", ec);
    if (ec || !FsyncPath(root, true)) return IoError("cannot record version " + std::to_string(version));
    return core::Ok{};
}

core::Result<std::optional<InstalledCatalogue>> LocalCatalogue::Recover(
    const std::string& public_key_hex) const {
    fs::path root(m_root);
    std::error_code ec;
    // An apply that never reached its commit point left these; they are not in use.
    fs::remove(root / "current.tmp", ec);
    fs::remove(root / "highest.tmp", ec);
    fs::remove_all(root / "staging", ec);

    // A version is intact when its manifest is signed with this kiosk's key and its catalogue
    // matches the manifest's hash.
    auto open = [&](const std::string& name) -> core::Result<InstalledCatalogue> {
        auto damaged = [&](const std::string& why) {
            return core::Error{core::ErrorCode::kInvalid,
                               "the synced catalogue " + name + " is damaged: " + why};
        };
        fs::path dir = root / name;
        auto text = core::ReadWholeFile((dir / kManifestFile).string());
        auto sig = core::ReadWholeFile((dir / kSignatureFile).string());
        if (!text || !sig) return damaged("its manifest is missing");
        if (!VerifySignature(*text, sig->substr(0, sig->find_first_of(" \r\n")), public_key_hex))
            return damaged("the manifest's signature does not match this kiosk's key");
        auto manifest = ParseManifest(*text);
        if (!manifest) return damaged(manifest.error().message);
        fs::path cat = dir / kCatalogueFile;
        auto hash = Sha256FileHex(cat.string());
        if (!hash || hash.value() != manifest->Catalogue()->sha256)
            return damaged("catalogue.json does not match its hash");
        return InstalledCatalogue{std::move(manifest.value()), cat.string()};
    };
    std::vector<std::pair<long long, std::string>> versions;  // newest first
    for (const auto& entry : fs::directory_iterator(root, ec))
        if (auto v = VersionOfDir(entry.path().filename().string()); v && entry.is_directory())
            versions.push_back({*v, entry.path().filename().string()});
    std::sort(versions.rbegin(), versions.rend());

    auto current = core::ReadWholeFile((root / "current").string());
    if (!current && versions.empty()) return std::optional<InstalledCatalogue>{};  // never synced
    std::string in_use = current ? current->substr(0, current->find('\n')) : "";
    core::Result<InstalledCatalogue> installed = core::Error{core::ErrorCode::kNotFound, "no current"};
    if (VersionOfDir(in_use) && current == in_use + "\n") installed = open(in_use);
    if (installed) {
        // `current` names an intact version: what else is here is an older one or an apply that
        // never committed.
        for (const auto& [v, name] : versions)
            if (name != in_use) fs::remove_all(root / name, ec);
    } else {
        // `current` is damaged or names a damaged version: the newest intact one takes its place,
        // and nothing is deleted, since nothing here is proven useless.
        std::string why =
            current ? (installed.error().code == core::ErrorCode::kNotFound ? "`current` is damaged"
                                                                            : installed.error().message)
                    : "`current` is missing";
        for (const auto& [v, name] : versions) {
            if (name == in_use) continue;
            if (auto other = open(name)) {
                if (!WriteDurably(root / "current.tmp", name + "\n")) break;
                fs::rename(root / "current.tmp", root / "current", ec);
                FsyncPath(root, true);
                installed = std::move(other);
                installed->repaired = why + "; rebuilt from " + name;
                break;
            }
        }
        if (!installed)
            return installed.error().code == core::ErrorCode::kNotFound
                       ? core::Error{core::ErrorCode::kInvalid,
                                     "the synced catalogue is damaged: " + why + " and no version is intact"}
                       : installed.error();
    }
    RecordHighest(installed->manifest.version);  // a kiosk synced before the record existed
    return std::optional<InstalledCatalogue>{std::move(installed.value())};
}

core::Result<InstalledCatalogue> LocalCatalogue::Apply(const Manifest& m, const std::string& manifest_text,
                                                       const std::string& signature_hex,
                                                       const std::function<void()>& step) const {
    auto next = [&] {
        if (step) step();
    };
    fs::path root(m_root);
    fs::path staging = root / "staging";
    fs::path target = root / VersionDir(m.version);
    std::error_code ec;
    fs::remove_all(staging, ec);
    fs::create_directory(staging, ec);
    if (ec) return IoError("cannot create " + staging.string() + ": " + ec.message());
    next();
    for (const auto& f : m.files)
        if (f.IsMedia() && !fs::exists(MediaFile(f), ec)) return IoError("missing before apply: " + f.path);
    fs::path incoming = IncomingFile(*m.Catalogue());
    fs::copy_file(incoming, staging / kCatalogueFile, fs::copy_options::overwrite_existing, ec);
    if (ec || !FsyncPath(staging / kCatalogueFile, false))
        return IoError("cannot write " + (staging / kCatalogueFile).string() + ": " + ec.message());
    next();
    if (!WriteDurably(staging / kManifestFile, manifest_text) ||
        !WriteDurably(staging / kSignatureFile, signature_hex + "\n"))
        return IoError("cannot write the manifest into " + staging.string());
    next();
    fs::create_directory_symlink("../media", staging / "media", ec);
    if (ec) return IoError("cannot link media into " + staging.string() + ": " + ec.message());
    if (!FsyncPath(staging, true) || !FsyncPath(root / "media", true))
        return IoError("cannot sync " + staging.string());
    next();
    fs::remove_all(target, ec);  // a leftover of an earlier try: never the version in use
    fs::rename(staging, target, ec);
    if (ec) return IoError("cannot rename " + staging.string() + ": " + ec.message());
    FsyncPath(root, true);
    next();
    // The highest version is on record before `current` names it, so no local damage can make
    // this kiosk accept an older one again.
    if (auto s = RecordHighest(m.version); !s) return s.error();
    next();
    // The commit point.
    if (!WriteDurably(root / "current.tmp", VersionDir(m.version) + "\n"))
        return IoError("cannot write " + (root / "current.tmp").string());
    next();
    fs::rename(root / "current.tmp", root / "current", ec);
    if (ec) return IoError("cannot switch to " + VersionDir(m.version) + ": " + ec.message());
    if (!FsyncPath(root, true)) return IoError("cannot sync " + root.string());
    next();
    // Tidy up: the old version and the waiting catalogue are no longer needed.
    for (const auto& entry : fs::directory_iterator(root, ec))
        if (entry.is_directory() && entry.path().filename().string().starts_with("v") &&
            entry.path() != target)
            fs::remove_all(entry.path(), ec);
    fs::remove(incoming, ec);
    return InstalledCatalogue{m, (target / kCatalogueFile).string()};
}

void LocalCatalogue::ClearIncoming() const {
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(fs::path(m_root) / "incoming", ec))
        fs::remove_all(e.path(), ec);
}

LocalCatalogue::Collected LocalCatalogue::CollectGarbage(const Manifest& in_use,
                                                         uint64_t budget_bytes) const {
    std::set<std::string> keep;
    for (const auto& f : in_use.files)
        if (f.IsMedia()) keep.insert(fs::path(f.path).filename().string());
    struct Entry {
        fs::path path;
        fs::file_time_type time;
        uint64_t size;
    };
    std::vector<Entry> spare;
    uint64_t total = 0;
    std::error_code ec;
    for (const char* d : {"media", "incoming"})
        for (const auto& e : fs::directory_iterator(fs::path(m_root) / d, ec)) {
            if (!e.is_regular_file()) continue;
            uint64_t size = e.file_size(ec);
            total += size;
            if (!keep.contains(e.path().filename().string()))
                spare.push_back({e.path(), e.last_write_time(ec), size});
        }
    std::sort(spare.begin(), spare.end(), [](const Entry& a, const Entry& b) { return a.time < b.time; });
    Collected out;
    for (const auto& e : spare) {
        if (total <= budget_bytes) break;
        if (fs::remove(e.path, ec)) {
            total -= e.size;
            ++out.files;
            out.bytes += e.size;
        }
    }
    return out;
}

}  // namespace brugpunt::sync
