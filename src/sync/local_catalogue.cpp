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

core::Result<std::optional<InstalledCatalogue>> LocalCatalogue::Recover(
    const std::string& public_key_hex) const {
    fs::path root(m_root);
    std::error_code ec;
    auto current = core::ReadWholeFile((root / "current").string());
    std::string in_use = current ? current->substr(0, current->find('\n')) : "";
    // An apply that never reached its commit point left these; they are not in use.
    fs::remove(root / "current.tmp", ec);
    fs::remove_all(root / "staging", ec);
    for (const auto& entry : fs::directory_iterator(root, ec))
        if (entry.is_directory() && entry.path().filename().string().starts_with("v") &&
            entry.path().filename() != in_use)
            fs::remove_all(entry.path(), ec);
    if (!current) return std::optional<InstalledCatalogue>{};

    fs::path dir = root / in_use;
    auto damaged = [&](const std::string& why) {
        return core::Error{core::ErrorCode::kInvalid,
                           "the synced catalogue " + in_use + " is damaged: " + why};
    };
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
    return std::optional<InstalledCatalogue>{InstalledCatalogue{std::move(manifest.value()), cat.string()}};
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
