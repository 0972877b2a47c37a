// Owns the one way a catalogue is opened for the kiosk: the kiosk's start, sync's apply and the
// staff tool's build all run it, so a catalogue one of them accepts the others accept too.
// Must not include sqlite3 or any UI.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "catalogue_db.h"
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
                                  const std::string& path);

// Keeps a loaded catalogue's db at path (WriteCatalogueDb), and from then on answers its searches
// and reads its activities from that file: the activities in memory are freed (on the calling
// thread). On failure `loaded` is left as it was.
core::VoidResult KeepCatalogueDb(LoadedCatalogue& loaded, const std::string& source_sha256,
                                 const std::string& path);

// What the kiosk shows of a catalogue source whose sha256 is known (checked against a signed
// manifest, or hashed by the caller): the db beside it when that db was made from exactly this
// source, without reading the source; else the source, whose db is then written beside it for the
// next start. `note` says which happened, and why a db could not be used or kept, for the log.
core::Result<LoadedCatalogue> OpenKnownSource(const std::string& source_path,
                                              const std::string& source_sha256, std::string& note);

}  // namespace brugpunt::store
