// Owns reading a whole file into memory, the one way every target does it. Standard library only.
#pragma once

#include <optional>
#include <string>

namespace brugpunt::core {

// The file's bytes; nothing when it cannot be opened or read. Callers say why in their own words.
std::optional<std::string> ReadWholeFile(const std::string& path);

}  // namespace brugpunt::core
