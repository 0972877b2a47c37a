// Owns opening a catalogue for the kiosk: parse and validate, index, and read back exactly what
// the store holds, so what the UI shows is what a search finds.
#include "catalogue_loader.h"

#include "catalogue_json.h"

namespace brugpunt::store {
namespace {

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
    return ReadBack(std::move(out));
}

core::Result<LoadedCatalogue> OpenCatalogue(const std::string& path) {
    if (path.ends_with(".json")) return OpenCatalogueSource(path);
    auto db = CatalogueDb::Open(path);
    if (!db) return db.error();
    LoadedCatalogue out;
    out.db = std::make_unique<CatalogueDb>(std::move(db.value()));
    return ReadBack(std::move(out));
}

}  // namespace brugpunt::store
