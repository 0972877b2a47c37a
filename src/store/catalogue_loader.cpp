// Owns opening a catalogue for the kiosk: parse and validate, index, and read back exactly what
// the store holds, so what the UI shows is what a search finds.
#include "catalogue_loader.h"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>

#include "catalogue_json.h"

namespace brugpunt::store {
namespace {

// The folder a catalogue's clips are resolved in: its own, absolute.
std::string FolderOf(const std::string& path) {
    std::error_code ec;
    return std::filesystem::absolute(path, ec).parent_path().lexically_normal().string();
}

// Everything, into memory: what the store holds is what the UI shows and a search finds.
core::Result<LoadedCatalogue> ReadBack(LoadedCatalogue out) {
    auto loaded = out.db->Load();
    if (!loaded) return loaded.error();
    out.catalogue = std::make_shared<const core::Catalogue>(std::move(loaded.value()));
    out.activities = core::ActivitiesOf(out.catalogue);
    return out;
}

// The header only; the activities stay in the db file until a screen reads them.
core::Result<LoadedCatalogue> ReadHeader(LoadedCatalogue out) {
    size_t count = 0;
    auto header = out.db->LoadHeader(count);
    if (!header) return header.error();
    out.catalogue = std::make_shared<const core::Catalogue>(std::move(header.value()));
    out.db_activities = std::make_shared<DbActivities>(out.db, count);
    out.activities = out.db_activities;
    return out;
}

bool Fsync(const std::string& path, bool directory) {
    int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) return false;
    bool ok = ::fsync(fd) == 0;
    return ::close(fd) == 0 && ok;
}

core::Error IoError(const std::string& what) {
    return core::Error{core::ErrorCode::kIo, what};
}

}  // namespace

core::Result<LoadedCatalogue> OpenCatalogueSource(const std::string& path) {
    auto parsed = LoadCatalogueFile(path);
    if (!parsed) return parsed.error();
    auto db = CatalogueDb::Open(":memory:");
    if (!db) return db.error();
    if (auto s = db->Replace(parsed->catalogue); !s) return s.error();
    LoadedCatalogue out;
    out.db = std::make_shared<CatalogueDb>(std::move(db.value()));
    out.issues = std::move(parsed->issues);
    out.media_root = FolderOf(path);
    return ReadBack(std::move(out));
}

core::Result<LoadedCatalogue> OpenCatalogue(const std::string& path) {
    if (path.ends_with(".json")) return OpenCatalogueSource(path);
    auto db = CatalogueDb::OpenReadOnly(path);
    if (!db) return db.error();
    LoadedCatalogue out;
    out.db = std::make_shared<CatalogueDb>(std::move(db.value()));
    out.media_root = FolderOf(path);
    return ReadHeader(std::move(out));
}

}  // namespace brugpunt::store

namespace brugpunt::store {

std::string CatalogueDbPathFor(const std::string& source_path) {
    std::filesystem::path p(source_path);
    return p.replace_extension(".db").string();
}

core::VoidResult WriteCatalogueDb(const core::Catalogue& catalogue, const std::string& source_sha256,
                                  const std::string& path, const Pause& pause) {
    namespace fs = std::filesystem;
    std::string tmp = path + ".tmp";
    std::error_code ec;
    fs::remove(tmp, ec);  // what a crash left half-written
    {
        auto db = CatalogueDb::Open(tmp);
        if (!db) return db.error();
        if (auto s = db->Replace(catalogue, source_sha256, pause); !s) {
            fs::remove(tmp, ec);
            return core::Error{s.error().code, "cannot write " + tmp + ": " + s.error().message};
        }
    }  // closed: everything is in the file
    if (!Fsync(tmp, false)) {
        fs::remove(tmp, ec);
        return IoError("cannot make " + tmp + " durable");
    }
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        return IoError("cannot rename " + tmp + ": " + ec.message());
    }
    Fsync(FolderOf(path), true);
    return core::Ok{};
}

core::Result<CompiledSource> CompileCatalogueSource(const std::string& source_path,
                                                    const std::string& source_sha256,
                                                    const std::string& db_path, const std::string& folder,
                                                    const Pause& pause) {
    auto parsed = LoadCatalogueFile(source_path, folder, pause);
    if (!parsed) return parsed.error();
    CompiledSource out;
    std::error_code ec;
    out.media_root = folder.empty() ? FolderOf(source_path)
                                    : std::filesystem::absolute(folder, ec).lexically_normal().string();
    auto written = WriteCatalogueDb(parsed->catalogue, source_sha256, db_path, pause);
    if (!written) {
        // The disk, or the catalogue? Indexed in memory, a catalogue the db refuses fails again.
        auto memory = CatalogueDb::Open(":memory:");
        if (!memory) return memory.error();
        if (auto s = memory->Replace(parsed->catalogue); !s) return s.error();
        out.memory = std::make_shared<CatalogueDb>(std::move(memory.value()));
        out.not_written = written.error().message;
    }
    out.parsed = std::move(parsed.value());
    return out;
}

core::Result<LoadedCatalogue> OpenCompiled(CompiledSource compiled, const std::string& db_path,
                                           std::string& note) {
    if (compiled.not_written.empty()) {
        auto db = CatalogueDb::OpenReadOnly(db_path);
        if (db) {
            LoadedCatalogue out;
            out.db = std::make_shared<CatalogueDb>(std::move(db.value()));
            out.media_root = compiled.media_root;
            auto header = ReadHeader(std::move(out));
            if (header) {
                header->issues = std::move(compiled.parsed.issues);
                return header;
            }
            compiled.not_written = header.error().message;
        } else {
            compiled.not_written = db.error().message;
        }
    }
    note = "its catalogue db is not kept: " + compiled.not_written;
    if (!compiled.memory) {
        auto memory = CatalogueDb::Open(":memory:");
        if (!memory) return memory.error();
        if (auto s = memory->Replace(compiled.parsed.catalogue); !s) return s.error();
        compiled.memory = std::make_shared<CatalogueDb>(std::move(memory.value()));
    }
    LoadedCatalogue out;
    out.db = std::move(compiled.memory);
    out.issues = std::move(compiled.parsed.issues);
    out.media_root = compiled.media_root;
    return ReadBack(std::move(out));
}

core::VoidResult MoveCatalogueDb(const std::string& from, const std::string& to) {
    std::error_code ec;
    std::filesystem::rename(from, to, ec);
    if (ec) return IoError("cannot move " + from + " to " + to + ": " + ec.message());
    if (!Fsync(FolderOf(to), true)) return IoError("cannot make " + to + " durable");
    return core::Ok{};
}

core::Result<LoadedCatalogue> OpenKnownSource(const std::string& source_path,
                                              const std::string& source_sha256, std::string& note) {
    std::string db_path = CatalogueDbPathFor(source_path);
    std::error_code ec;
    if (std::filesystem::exists(db_path, ec)) {
        auto db = CatalogueDb::OpenReadOnly(db_path);
        if (db && db->SourceSha256() == source_sha256) {
            LoadedCatalogue out;
            out.db = std::make_shared<CatalogueDb>(std::move(db.value()));
            out.media_root = FolderOf(source_path);
            auto back = ReadHeader(std::move(out));
            if (back) {
                note = "opened " + db_path;
                return back;
            }
            note = db_path + " is damaged (" + back.error().message + "); ";
        } else {
            note = db ? db_path + " was made from another catalogue; " : db.error().message + "; ";
        }
    }
    auto compiled = CompileCatalogueSource(source_path, source_sha256, db_path);
    if (!compiled) return compiled.error();
    std::string why;
    auto loaded = OpenCompiled(std::move(compiled.value()), db_path, why);
    if (!loaded) return loaded;
    if (!why.empty())
        note += "read " + source_path + "; " + why;
    else
        note += "read " + source_path + " and wrote " + db_path + " for the next start";
    return loaded;
}

}  // namespace brugpunt::store
