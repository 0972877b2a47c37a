// Owns the catalogue sync's command-line verbs, --sync-once and --catalogue-status, and what a
// starting kiosk loads. No SDL or UI.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/config.h"
#include "core/result.h"
#include "store/catalogue_loader.h"
#include "sync/local_catalogue.h"

namespace brugpunt::app {

// The synced catalogue a starting kiosk shows, after removing what an interrupted apply left.
// Nothing when sync is not configured, nothing was synced yet, or it is damaged (logged: the
// kiosk then shows the catalogue it was started with).
std::optional<sync::InstalledCatalogue> RecoverSynced(const core::Config& config,
                                                      const std::function<void(const std::string&)>& log);

// The catalogue a starting kiosk shows, opened behind its first frame: the synced version (its
// catalogue db when one was made from it, else its catalogue.json, whose db is then written),
// else `bundled` (a .json, opened from the db made from it at build time when that db matches
// it, or a catalogue db). Takes as long as the catalogue is big; the kiosk draws meanwhile.
struct FirstCatalogue {
    core::Result<store::LoadedCatalogue> catalogue = core::Error{core::ErrorCode::kNotFound, "none"};
    std::optional<sync::InstalledCatalogue> synced;  // what the sync worker starts from
    std::string problem;  // why the synced version is not the one shown, for the staff screen
    long long ms = 0;     // how long opening took
};
FirstCatalogue OpenFirstCatalogue(const core::Config& config, const std::string& bundled,
                                  const std::function<void(const std::string&)>& log);

// One sync with progress on stderr and one result line on stdout. 0: the catalogue is current
// (updated or unchanged); 1: rejected; 3: network or disk trouble.
int RunSyncOnce(const core::Config& config);
// The version a restart would load, its catalogue's hash and activity count. 0, or 1 when damaged.
int RunCatalogueStatus(const core::Config& config);

}  // namespace brugpunt::app
