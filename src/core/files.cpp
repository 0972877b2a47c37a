// Owns ReadWholeFile and FindAssets.
#include "files.h"

#include <cstdlib>
#include <filesystem>
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

std::string FindAssets(const std::string& given) {
    namespace fs = std::filesystem;
    if (!given.empty()) return given;
    if (const char* env = std::getenv("BRUGPUNT_ASSETS")) return env;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec).parent_path();
    for (fs::path p : {exe / "../assets", exe / "../share/brugpunt/assets"})
        if (fs::exists(p / "pictograms", ec)) return fs::weakly_canonical(p, ec).string();
    return "assets";
}

}  // namespace brugpunt::core
