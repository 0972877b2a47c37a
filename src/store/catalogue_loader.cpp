// Owns opening a catalogue for the kiosk: parse and validate, index, and read back exactly what
// the store holds, so what the UI shows is what a search finds.
#include "catalogue_loader.h"

#include <filesystem>

#include "catalogue_json.h"

namespace brugpunt::store {
namespace {

// The folder a catalogue's clips are resolved in: its own, absolute.
std::string FolderOf(const std::string& path) {
    std::error_code ec;
    return std::filesystem::absolute(path, ec).parent_path().lexically_normal().string();
}

core::Result<LoadedCatalogue> ReadBack(LoadedCatalogue out) {
    auto loaded = out.db->Load();
    if (!loaded) return loaded.error();
    out.catalogue = std::make_shared<const core::Catalogue>(std::move(loaded.value()));
    return out;
}

}  // namespace

core::Result<LoadedCatalogue> OpenCatalogueSource(const std::string& path) {
    auto parsed = LoadCatalogueFile(path);
    if (!parsed) return parsed.error();
    auto db = CatalogueDb::Open(":memory:");
    if (!db) return db.error();
    if (auto s = db->Replace(parsed->catalogue); !s) return s.error();
    LoadedCatalogue out;
    out.db = std::make_unique<CatalogueDb>(std::move(db.value()));
    out.issues = std::move(parsed->issues);
    out.media_root = FolderOf(path);
    return ReadBack(std::move(out));
}

core::Result<LoadedCatalogue> OpenCatalogue(const std::string& path) {
    if (path.ends_with(".json")) return OpenCatalogueSource(path);
    auto db = CatalogueDb::Open(path);
    if (!db) return db.error();
    LoadedCatalogue out;
    out.db = std::make_unique<CatalogueDb>(std::move(db.value()));
    out.media_root = FolderOf(path);
    return ReadBack(std::move(out));
}

}  // namespace brugpunt::store
