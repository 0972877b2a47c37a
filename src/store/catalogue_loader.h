// Owns the one way a catalogue is opened for the kiosk: the kiosk's start, sync's apply and the
// staff tool's build all run it, so a catalogue one of them accepts the others accept too.
// Must not include sqlite3 or any UI.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "catalogue_db.h"
#include "core/activity.h"
#include "core/result.h"
#include "core/validate.h"

namespace brugpunt::store {

// The catalogue the UI reads, and the db that answers its searches.
struct LoadedCatalogue {
    core::CataloguePtr catalogue;
    std::unique_ptr<CatalogueDb> db;
    std::vector<core::Issue> issues;  // what the source lacks; shown anyway, listed by `check`
    // The folder the clips were resolved in (the catalogue's, absolute): the speaker plays no
    // clip outside it.
    std::string media_root;
};

// A catalogue source (.json) indexed into an in-memory db, or a catalogue db (any other name).
core::Result<LoadedCatalogue> OpenCatalogue(const std::string& path);
// A catalogue source, whatever the file is called (sync keeps downloads by their hash).
core::Result<LoadedCatalogue> OpenCatalogueSource(const std::string& path);

}  // namespace brugpunt::store
