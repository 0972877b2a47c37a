// UI strings are data: a key used in src/ must exist in nl.po, and nl.po holds no unused key.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/strings.h"

using namespace brugpunt;
namespace fs = std::filesystem;

namespace {

std::string Read(const fs::path& p) {
    std::ifstream in(p);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// Every string literal shaped like a key ("group.name") in the UI and app sources, outside
// #include lines; plus the key families built at run time from catalogue codes.
std::set<std::string> KeysUsedInSource() {
    std::set<std::string> keys;
    std::regex literal("\"([a-z_]+(?:\\.[a-z_]+)+)\"");
    for (const char* dir : {"src/ui", "src/app"}) {
        for (const auto& entry : fs::directory_iterator(fs::path(BRUGPUNT_SOURCE_DIR) / dir)) {
            std::istringstream lines(Read(entry.path()));
            for (std::string line; std::getline(lines, line);) {
                if (line.rfind("#include", 0) == 0) continue;
                for (std::sregex_iterator it(line.begin(), line.end(), literal), end; it != end; ++it)
                    keys.insert((*it)[1]);
            }
        }
    }
    for (const char* day : {"ma", "di", "wo", "do", "vr", "za", "zo"}) keys.insert(std::string("day.") + day);
    for (const char* lang : {"nl", "en", "fr", "ar", "tr", "uk", "ru", "fa", "ps", "ti", "so", "ro", "pl"})
        keys.insert(std::string("lang.") + lang);
    return keys;
}

}  // namespace

TEST_CASE("Every UI key used in src/ is in translations/nl.po, and none there is unused") {
    auto nl = core::Strings::ParsePo(Read(fs::path(BRUGPUNT_SOURCE_DIR) / "translations/nl.po"));
    REQUIRE(nl);
    auto used = KeysUsedInSource();
    REQUIRE(used.size() > 50);
    for (const auto& key : used) {
        INFO("missing from nl.po: " << key);
        CHECK(nl->Has(key));
    }
    for (const auto& [key, text] : nl->Entries()) {
        INFO("unused key in nl.po: " << key);
        CHECK(used.count(key));
        INFO("empty text for " << key);
        CHECK_FALSE(text.empty());
    }
}
