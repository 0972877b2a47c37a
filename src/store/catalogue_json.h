// Owns the catalogue source format (JSON) in both directions. Must not include sqlite3 or any UI.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/activity.h"
#include "core/result.h"
#include "core/validate.h"
#include "pause.h"

namespace brugpunt::store {

inline constexpr int kCatalogueFormat = 1;

struct ParsedCatalogue {
    core::Catalogue catalogue;
    std::vector<core::Issue> issues;  // fields that were missing or of the wrong kind
};

// Fails only when the text is not JSON at all or not a catalogue object; anything less is an issue
// attached to its activity id so staff see every problem in one pass.
core::Result<ParsedCatalogue> ParseCatalogueJson(std::string_view text, const Pause& pause = {});

std::string CatalogueToJson(const core::Catalogue& catalogue);
std::string ActivityToJson(const core::Activity& activity);
core::Result<core::Activity> ActivityFromJson(std::string_view text);
// The catalogue without its activities: municipality, version, desk, categories.
std::string CatalogueHeaderToJson(const core::Catalogue& catalogue);

// What no kiosk shows, whatever the catalogue's source (JSON, a spreadsheet): a name that leaves
// its folder (core/paths.h) or anything over its bound (core/bounds.h). Empty: nothing refused.
std::vector<core::Issue> CatalogueRefusals(const core::Catalogue& catalogue);

// A file over core::bound::kCatalogueBytes, or any refusal, fails (kInvalid) naming the activity,
// the field and the rule; else Parse + ValidateCatalogue, the issues of both in order, and each
// clip resolved to an absolute path inside the catalogue's folder, with an issue for each clip
// file that is not there (MissingClips).
// `folder`: where the catalogue will be read from when that is not beside `path` (a download
// waiting to be applied). Its clips are resolved against it, and not looked for, since the
// folder may not exist yet: the caller runs MissingClips once it does.
core::Result<ParsedCatalogue> LoadCatalogueFile(const std::string& path, const std::string& folder = "",
                                                const Pause& pause = {});
// An issue for each clip whose (resolved) file is not there.
std::vector<core::Issue> MissingClips(const core::Catalogue& catalogue);

}  // namespace brugpunt::store
