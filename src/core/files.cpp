// Owns ReadWholeFile.
#include "files.h"

#include <fstream>
#include <sstream>

namespace brugpunt::core {

std::optional<std::string> ReadWholeFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return text.str();
}

}  // namespace brugpunt::core
