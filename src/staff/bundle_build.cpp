// Owns the bundle folder's files. The catalogue's media references are rewritten to
// "media/<sha256>.<ext>", so the kiosk finds them next to catalogue.json, as in the source.
#include "bundle_build.h"

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>

#include "core/files.h"
#include "core/paths.h"
#include "store/catalogue_json.h"
#include "store/catalogue_loader.h"
#include "sync/bundle.h"
#include "sync/crypto.h"

namespace fs = std::filesystem;
using nlohmann::json;

namespace brugpunt::staff {
namespace {

core::Error Io(const std::string& what) {
    return core::Error{core::ErrorCode::kIo, what};
}

core::Result<std::string> Slurp(const fs::path& p) {
    if (auto text = core::ReadWholeFile(p.string())) return std::move(*text);
    return Io("cannot read " + p.string());
}

bool Spill(const fs::path& p, const std::string& text) {
    fs::path tmp = p.string() + ".tmp";
    {
        std::ofstream out(tmp, std::ios::binary);
        out << text;
        if (!out.flush()) return false;
    }
    std::error_code ec;
    fs::rename(tmp, p, ec);
    return !ec;
}

// Copies one media file into the bundle and gives its new name; "pictogram:NAME" stays as it is.
class MediaCopier {
  public:
    MediaCopier(fs::path source_dir, fs::path out_dir)
        : m_src(std::move(source_dir)), m_out(std::move(out_dir)) {}

    core::Result<std::string> Take(const std::string& ref) {
        if (ref.empty() || ref.starts_with("pictogram:")) return ref;
        if (auto it = m_done.find(ref); it != m_done.end()) return it->second;
        // The loader refused names outside the catalogue's folder; the copy applies the rule again
        // where it opens the file.
        auto resolved = core::ResolveInside(m_src.string(), ref);
        if (!resolved) return core::Error{resolved.error().code, ref + ": " + resolved.error().message};
        fs::path src = resolved.value();
        auto hash = sync::Sha256FileHex(src.string());
        if (!hash) return Io("media file not found: " + src.string());
        std::string path = sync::MediaPath(hash.value(), ref);
        std::error_code ec;
        // Always copied: a file damaged on the server since the last build is mended by the next.
        fs::copy_file(src, m_out / path, fs::copy_options::overwrite_existing, ec);
        if (ec) return Io("cannot copy " + src.string() + ": " + ec.message());
        files.push_back({path, hash.value(), fs::file_size(src, ec)});
        m_done[ref] = path;
        return path;
    }

    std::vector<sync::BundleFile> files;

  private:
    fs::path m_src, m_out;
    std::map<std::string, std::string> m_done;
};

}  // namespace

core::Result<BuildReport> BuildBundle(const BuildOptions& o) {
    auto text = Slurp(o.catalogue);
    if (!text) return text.error();
    // The kiosk's own loader: a catalogue the kiosk would refuse is refused here, not published.
    auto checked = store::OpenCatalogueSource(o.catalogue);
    if (!checked)
        return core::Error{checked.error().code, o.catalogue + ": the kiosk cannot show this catalogue: " +
                                                     checked.error().message};
    BuildReport report;
    for (const auto& issue : checked->issues) report.warnings.push_back(core::FormatIssue(issue));

    fs::path out(o.out_dir);
    std::error_code ec;
    fs::create_directories(out / "media", ec);
    if (ec) return Io("cannot create " + (out / "media").string() + ": " + ec.message());
    report.version = o.version;
    if (report.version == 0) {
        report.version = 1;
        if (auto old = Slurp(out / sync::kManifestFile))
            if (auto m = sync::ParseManifest(old.value())) report.version = m->version + 1;
    }

    json cat = json::parse(text.value());
    cat["version"] = report.version;
    MediaCopier media(fs::path(o.catalogue).parent_path(), out);
    auto take = [&](json& j, const char* key) -> core::VoidResult {
        if (!j.is_object() || !j.contains(key) || !j[key].is_string()) return core::Ok{};
        auto path = media.Take(j[key].get<std::string>());
        if (!path) return path.error();
        j[key] = path.value();
        return core::Ok{};
    };
    for (auto& a : cat["activities"]) {
        for (auto r : {take(a, "photo"), take(a["location"], "entrance_photo"), take(a["contact"], "photo")})
            if (!r) return r.error();
        if (a.contains("clips") && a["clips"].is_array())
            for (auto& clip : a["clips"])
                if (auto r = take(clip, "file"); !r) return r.error();
    }
    std::string catalogue_text = cat.dump(1) + "\n";
    if (!Spill(out / sync::kCatalogueFile, catalogue_text))
        return Io("cannot write " + (out / "catalogue.json").string());

    sync::Manifest m;
    m.version = report.version;
    m.created = o.now_unix;
    m.expires = o.now_unix + o.expires_days * 86400LL;
    m.files.push_back(
        {std::string(sync::kCatalogueFile), sync::Sha256Hex(catalogue_text), catalogue_text.size()});
    for (const auto& f : media.files) {
        m.files.push_back(f);
        report.bytes += f.size;
    }
    report.media_files = static_cast<int>(media.files.size());
    report.bytes += catalogue_text.size();
    fs::remove(out / sync::kSignatureFile, ec);  // an old signature never goes with a new manifest
    if (!Spill(out / sync::kManifestFile, sync::ManifestToJson(m)))
        return Io("cannot write " + (out / "manifest.json").string());
    return report;
}

core::Result<KeyFiles> WriteNewKey(const std::string& secret_path) {
    std::error_code ec;
    KeyFiles files{secret_path, secret_path + ".pub", ""};
    if (fs::exists(secret_path, ec))
        return core::Error{core::ErrorCode::kInvalid,
                           secret_path + " exists; a new key would lock out every kiosk"};
    sync::SigningKey key = sync::NewSigningKey();
    mode_t old = ::umask(077);
    bool ok = static_cast<bool>(std::ofstream(secret_path) << key.secret_hex << "\n");
    ::umask(old);
    if (!ok) return Io("cannot write " + secret_path);
    if (!(std::ofstream(files.public_path) << key.public_hex << "\n"))
        return Io("cannot write " + files.public_path);
    files.public_hex = key.public_hex;
    return files;
}

core::VoidResult SignBundle(const std::string& dir, const std::string& key_path) {
    auto key = Slurp(key_path);
    if (!key) return key.error();
    auto manifest = Slurp(fs::path(dir) / sync::kManifestFile);
    if (!manifest) return manifest.error();
    if (auto m = sync::ParseManifest(manifest.value()); !m) return m.error();
    fs::path catalogue = fs::path(dir) / sync::kCatalogueFile;
    if (auto loaded = store::OpenCatalogueSource(catalogue.string()); !loaded)
        return core::Error{
            loaded.error().code,
            catalogue.string() + ": the kiosk cannot show this catalogue: " + loaded.error().message};
    auto sig = sync::SignHex(manifest.value(), key->substr(0, key->find_first_of(" \r\n")));
    if (!sig) return core::Error{sig.error().code, key_path + ": " + sig.error().message};
    if (!Spill(fs::path(dir) / sync::kSignatureFile, sig.value() + "\n"))
        return Io("cannot write " + (fs::path(dir) / "manifest.sig").string());
    return core::Ok{};
}

}  // namespace brugpunt::staff
