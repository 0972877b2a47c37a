// Owns the one way a catalogue is opened for the kiosk: the kiosk's start, sync's apply and the
// staff tool's build all run it, so a catalogue one of them accepts the others accept too.
// Must not include sqlite3 or any UI.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "catalogue_db.h"
#include "catalogue_json.h"
#include "core/activity.h"
#include "core/activity_source.h"
#include "core/result.h"
#include "core/validate.h"
#include "db_activities.h"

namespace brugpunt::store {

// The catalogue the UI reads, and the db that answers its searches.
struct LoadedCatalogue {
    // The catalogue's header (municipality, desk, categories, holidays). Its activities are here
    // only while no db file holds them (a source parsed into memory); read them through
    // `activities`, which is always there.
    core::CataloguePtr catalogue;
    std::shared_ptr<CatalogueDb> db;
    core::ActivitySourcePtr activities;
    // The same object as `activities` when they are read from a db file, so the kiosk can give
    // it its log; null while they are in memory.
    std::shared_ptr<DbActivities> db_activities;
    std::vector<core::Issue> issues;  // what the source lacks; shown anyway, listed by `check`
    // The folder the clips were resolved in (the catalogue's, absolute): the speaker plays no
    // clip outside it.
    std::string media_root;
};

// A catalogue source (.json) indexed into an in-memory db, with its activities in memory; or a
// catalogue db (any other name), of which only the header is read: its activities are read as
// they are shown.
core::Result<LoadedCatalogue> OpenCatalogue(const std::string& path);
// A catalogue source, whatever the file is called (sync keeps downloads by their hash).
core::Result<LoadedCatalogue> OpenCatalogueSource(const std::string& path);

// Where the db made from a catalogue source is kept: beside it, "catalogue.json" -> "catalogue.db".
std::string CatalogueDbPathFor(const std::string& source_path);

// Writes catalogue as a catalogue db at path, atomically: into path + ".tmp", made durable, then
// renamed, so path is the old db, the whole new one or nothing after a crash. The source's
// sha256 is recorded in it, so a db is never taken for another source than the one it came from.
core::VoidResult WriteCatalogueDb(const core::Catalogue& catalogue, const std::string& source_sha256,
                                  const std::string& path, const Pause& pause = {});

// A catalogue source made into what the kiosk reads, parsing it once and writing its db once: how
// a sync and a start open a source (a download, or a catalogue.json without its db).
//   CompileCatalogueSource: LoadCatalogueFile (with `folder`, see there), then the db written at
//     db_path (WriteCatalogueDb); both stop at `pause` now and then. A source the db refuses (two activities
//     with one id) fails as a malformed one does. A db that cannot be written (a full disk) is not a failure:
//     the result says why and holds the catalogue indexed in memory instead.
//   OpenCompiled: the db at db_path (where the caller may have moved it since), of which only the
//     header is read; or, when none was written or it cannot be opened, the catalogue in memory,
//     and `note` says why. The parsed activities are freed on the calling thread.
struct CompiledSource {
    ParsedCatalogue parsed;
    std::string media_root;
    std::string not_written;              // why no db was written; empty when it was
    std::shared_ptr<CatalogueDb> memory;  // the catalogue indexed in memory, when none was written
};
core::Result<CompiledSource> CompileCatalogueSource(const std::string& source_path,
                                                    const std::string& source_sha256,
                                                    const std::string& db_path,
                                                    const std::string& folder = "", const Pause& pause = {});
core::Result<LoadedCatalogue> OpenCompiled(CompiledSource compiled, const std::string& db_path,
                                           std::string& note);
// Moves a db CompileCatalogueSource wrote to where it is opened from, durably.
core::VoidResult MoveCatalogueDb(const std::string& from, const std::string& to);

// What the kiosk shows of a catalogue source whose sha256 is known (checked against a signed
// manifest, or hashed by the caller): the db beside it when that db was made from exactly this
// source, without reading the source; else the source, whose db is then written beside it for the
// next start. `note` says which happened, and why a db could not be used or kept, for the log.
core::Result<LoadedCatalogue> OpenKnownSource(const std::string& source_path,
                                              const std::string& source_sha256, std::string& note);

}  // namespace brugpunt::store
