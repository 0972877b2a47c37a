// Owns reading a whole file into memory, the one way every target does it, and finding the
// installed assets. Standard library only.
#pragma once

#include <optional>
#include <string>

namespace brugpunt::core {

// The file's bytes; nothing when it cannot be opened or read. Callers say why in their own words.
std::optional<std::string> ReadWholeFile(const std::string& path);

// The assets folder (pictograms, translations, demo): `given` when not empty, else
// $BRUGPUNT_ASSETS, else the build's or the package's folder beside the running program, else
// "assets".
std::string FindAssets(const std::string& given);

}  // namespace brugpunt::core
