// Owns the catalogue sync's command-line verbs, --sync-once and --catalogue-status, and what a
// starting kiosk loads. No SDL or UI.
#pragma once

#include <functional>
#include <optional>
#include <string>

#include "core/config.h"
#include "sync/local_catalogue.h"

namespace brugpunt::app {

// The synced catalogue a starting kiosk shows, after removing what an interrupted apply left.
// Nothing when sync is not configured, nothing was synced yet, or it is damaged (logged: the
// kiosk then shows the catalogue it was started with).
std::optional<sync::InstalledCatalogue> RecoverSynced(const core::Config& config,
                                                      const std::function<void(const std::string&)>& log);

// One sync with progress on stderr and one result line on stdout. 0: the catalogue is current
// (updated or unchanged); 1: rejected; 3: network or disk trouble.
int RunSyncOnce(const core::Config& config);
// The version a restart would load, its catalogue's hash and activity count. 0, or 1 when damaged.
int RunCatalogueStatus(const core::Config& config);

}  // namespace brugpunt::app
