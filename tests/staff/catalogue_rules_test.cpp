// check and build refuse what the kiosk refuses (a name that leaves its folder, a field over its
// bound), and the benchmark's generated catalogue still loads.
#include <unistd.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "staff/bundle_build.h"
#include "staff/check.h"
#include "staff/generate.h"
#include "store/catalogue_json.h"
#include "store/demo.h"

using namespace brugpunt;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

// The day the checks run on: a fixed one, so "laatst nagekeken" and ended activities do not drift.
constexpr core::Date kToday{2026, 11, 23};

json Demo() {
    std::ifstream in(BRUGPUNT_SOURCE_DIR "/assets/demo/catalogue.json");
    return json::parse(in);
}

fs::path Fresh(const std::string& name) {
    fs::path dir =
        fs::temp_directory_path() / ("brugpunt-staff-rules-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::vector<std::string> Errors(const json& catalogue) {
    std::vector<std::string> out;
    for (const auto& e : staff::CheckFile("c.json", catalogue.dump(1), {}, kToday).errors)
        out.push_back(e.message);
    return out;
}

bool AnyContains(const std::vector<std::string>& all, const std::string& part) {
    return std::any_of(all.begin(), all.end(), [&](const std::string& s) { return s.find(part) != s.npos; });
}

}  // namespace

TEST_CASE("check reports a pictogram, photo or clip that leaves its folder as an error", "[staff]") {
    json c = Demo();
    std::string id = c["activities"][0]["id"];
    std::string cat = c["categories"][1]["id"];
    c["activities"][0]["pictograms"].push_back("../x");
    c["activities"][0]["contact"]["photo"] = "../../secret.jpg";
    c["activities"][0]["clips"] =
        json::array({{{"field", "title"}, {"lang", "ar"}, {"file", "/etc/passwd"}}});
    c["categories"][1]["pictogram"] = "../x";
    auto errors = Errors(c);
    CHECK(AnyContains(errors, id + ": pictograms:"));
    CHECK(AnyContains(errors, id + ": contact.photo:"));
    CHECK(AnyContains(errors, id + ": clips:"));
    CHECK(AnyContains(errors, "categories." + cat + ".pictogram"));
}

TEST_CASE("check reports a field over its bound with the bound", "[staff]") {
    json c = Demo();
    std::string id = c["activities"][0]["id"];
    c["activities"][0]["title"] = std::string(5 << 20, 'a');
    c["activities"][1]["pictograms"] = std::vector<std::string>(20, "soccer");
    auto errors = Errors(c);
    CHECK(AnyContains(errors, id + ": title: te lang: 5242880 bytes, hoogstens 240"));
    CHECK(AnyContains(errors, std::string(c["activities"][1]["id"]) + ": pictograms: te lang: 20 items"));
}

TEST_CASE("build refuses a photo outside the catalogue's folder and copies nothing of it", "[staff]") {
    fs::path dir = Fresh("build");
    fs::create_directories(dir / "src");
    std::ofstream(dir / "outside.jpg") << "not for the bundle";
    json c = Demo();
    c["activities"][0]["photo"] = "../outside.jpg";
    std::ofstream(dir / "src" / "catalogue.json") << c.dump(1);
    staff::BuildOptions o;
    o.catalogue = (dir / "src" / "catalogue.json").string();
    o.out_dir = (dir / "out").string();
    o.now_unix = 1800000000;
    auto built = staff::BuildBundle(o);
    REQUIRE_FALSE(built);
    CHECK_THAT(built.error().message, Catch::Contains(std::string(c["activities"][0]["id"]) + ": photo:"));
    CHECK_FALSE(fs::exists(dir / "out" / "manifest.json"));
}

TEST_CASE("build refuses a 5 MB title instead of warning about it", "[staff]") {
    fs::path dir = Fresh("build-title");
    json c = Demo();
    c["activities"][0]["title"] = std::string(5 << 20, 'a');
    std::ofstream(dir / "catalogue.json") << c.dump(1);
    staff::BuildOptions o;
    o.catalogue = (dir / "catalogue.json").string();
    o.out_dir = (dir / "out").string();
    auto built = staff::BuildBundle(o);
    REQUIRE_FALSE(built);
    CHECK_THAT(built.error().message, Catch::Contains(": title: te lang"));
}

TEST_CASE("The demo catalogue and a generated 10000-activity catalogue load within their bounds", "[staff]") {
    fs::path dir = Fresh("generate");
    std::string path = (dir / "catalogue.json").string();
    staff::GenerateOptions o;
    o.count = 10000;
    auto made = staff::Generate(testing::DemoParsed().catalogue, o, path);
    REQUIRE(made);
    std::ofstream(path) << store::CatalogueToJson(made.value());
    auto loaded = store::LoadCatalogueFile(path);
    REQUIRE(loaded);
    CHECK(loaded->catalogue.activities.size() == 10000);
    CHECK(staff::CheckFile(path, store::CatalogueToJson(made.value()), {}, kToday).errors.empty());
    fs::remove_all(dir);
}
