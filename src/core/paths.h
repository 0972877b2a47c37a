// Owns the one rule for a catalogue name that becomes a file: it resolves inside its own root
// after lexical normalisation, or it is refused. Standard library only; never touches the disk.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "activity.h"
#include "result.h"
#include "validate.h"

namespace brugpunt::core {

// What a name points at, and so which root it must stay in.
enum class NameKind {
    kMedia,      // a photo or a clip: a relative path under the catalogue's (the bundle's) folder
    kPictogram,  // a pictogram: one file name in the assets' pictogram folder, ".png" added
};

// "pictogram:NAME" in a photo field names a pictogram instead of a media file.
inline constexpr std::string_view kPictogramPrefix = "pictogram:";

// root/name, lexically normalised, when name stays inside root; else an Error (kInvalid) saying in
// Dutch why not. The name is normalised on its own, so "a/../b" is fine and "../x" is refused
// whatever the root is called: a name that is inside one root is inside every root.
Result<std::string> ResolveInside(std::string_view root, std::string_view name,
                                  NameKind kind = NameKind::kMedia);

// Whether path, a name ResolveInside made earlier (a clip the loader resolved), is still inside
// root: for the code that opens the file, which trusts nothing it did not resolve itself.
bool IsInside(std::string_view root, std::string_view path);

// Every name in the catalogue that becomes a file (photo, entrance photo, contact photo, clips,
// activity and category pictograms), checked by ResolveInside. Empty names are left to
// ValidateCatalogue, which reports them as missing.
std::vector<Issue> CheckCatalogueNames(const Catalogue& catalogue);

}  // namespace brugpunt::core
