// The kiosk's catalogue load refuses a name that leaves its folder and a field over its bound, and
// the refusal names the activity (or category) and the field.
#include <unistd.h>
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "core/bounds.h"
#include "store/catalogue_json.h"

using namespace brugpunt;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

json Demo() {
    std::ifstream in(BRUGPUNT_SOURCE_DIR "/assets/demo/catalogue.json");
    return json::parse(in);
}

// dir/catalogue.json with the demo changed by edit, and dir/clips/ok.wav for clips that are fine.
std::string Write(const json& catalogue, const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("brugpunt-rules-" + name + "-" + std::to_string(getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir / "clips");
    std::ofstream(dir / "clips" / "ok.wav") << "RIFF";
    std::ofstream(dir / "catalogue.json") << catalogue.dump(1);
    return (dir / "catalogue.json").string();
}

// The load of the demo with one change: an error naming id and field, never a warning.
std::string Refusal(const std::string& name, const std::function<void(json&)>& edit) {
    json c = Demo();
    edit(c);
    auto loaded = store::LoadCatalogueFile(Write(c, name));
    if (loaded) return "";
    CHECK(loaded.error().code == core::ErrorCode::kInvalid);
    return loaded.error().message;
}

json Clip(const std::string& file) {
    return json::array({{{"field", "title"}, {"lang", "ar"}, {"file", file}}});
}

}  // namespace

TEST_CASE("A clip inside the catalogue's folder loads, resolved to an absolute path inside it") {
    json c = Demo();
    c["activities"][0]["clips"] = Clip("./clips//ok.wav");
    std::string path = Write(c, "clip-ok");
    auto loaded = store::LoadCatalogueFile(path);
    REQUIRE(loaded);
    const auto& clips = loaded->catalogue.activities[0].clips;
    REQUIRE(clips.size() == 1);
    CHECK(clips[0].file == (fs::path(path).parent_path() / "clips" / "ok.wav").string());
    CHECK(fs::path(clips[0].file).is_absolute());
}

TEST_CASE("An absolute clip path fails the load, naming the activity and the field") {
    // A real file, as an attacker would pick one: today it would be opened and played.
    std::string id = Demo()["activities"][0]["id"];
    std::string why = Refusal("clip-abs", [](json& c) {
        c["activities"][0]["clips"] = Clip(BRUGPUNT_SOURCE_DIR "/assets/demo/catalogue.json");
    });
    REQUIRE_FALSE(why.empty());
    CHECK_THAT(why, Catch::Contains(id + ": clips:"));
    CHECK_THAT(why, Catch::Contains("absoluut"));
}

TEST_CASE("A clip with ../ fails the load, naming the activity and the field") {
    std::string id = Demo()["activities"][1]["id"];
    std::string why =
        Refusal("clip-up", [](json& c) { c["activities"][1]["clips"] = Clip("clips/../../x.wav"); });
    REQUIRE_FALSE(why.empty());
    CHECK_THAT(why, Catch::Contains(id + ": clips:"));
}

TEST_CASE("A pictogram ../x in an activity or in a category fails the load") {
    std::string id = Demo()["activities"][2]["id"];
    std::string why =
        Refusal("picto-act", [](json& c) { c["activities"][2]["pictograms"].push_back("../x"); });
    REQUIRE_FALSE(why.empty());
    CHECK_THAT(why, Catch::Contains(id + ": pictograms:"));

    std::string cat = Demo()["categories"][0]["id"];
    why = Refusal("picto-cat", [](json& c) { c["categories"][0]["pictogram"] = "../../../etc/x"; });
    REQUIRE_FALSE(why.empty());
    CHECK_THAT(why, Catch::Contains("categories." + cat + ".pictogram"));
    for (const char* name : {"/abs", "a\\b", "sub/dir"}) {
        why = Refusal("picto-cat2", [&](json& c) { c["activities"][0]["pictograms"][0] = name; });
        CHECK_THAT(why, Catch::Contains("pictograms"));
    }
}

TEST_CASE("A photo, an entrance photo or a contact photo outside the catalogue fails the load") {
    std::string id = Demo()["activities"][0]["id"];
    struct Case {
        const char* field;
        std::function<void(json&, const std::string&)> set;
    };
    std::vector<Case> cases = {
        {"photo", [](json& a, const std::string& v) { a["photo"] = v; }},
        {"location.entrance_photo",
         [](json& a, const std::string& v) { a["location"]["entrance_photo"] = v; }},
        {"contact.photo", [](json& a, const std::string& v) { a["contact"]["photo"] = v; }},
    };
    for (const auto& k : cases)
        for (const char* value : {"../outside.jpg", "/etc/passwd", "media/../../x.jpg", "pictogram:../x"}) {
            INFO(k.field << " = " << value);
            std::string why = Refusal("photo", [&](json& c) { k.set(c["activities"][0], value); });
            CHECK_THAT(why, Catch::Contains(id + ": " + k.field + ":"));
        }
}

TEST_CASE("A 5 MB title fails the load, naming the activity and the field and the bound") {
    std::string id = Demo()["activities"][0]["id"];
    std::string why =
        Refusal("title", [](json& c) { c["activities"][0]["title"] = std::string(5 << 20, 'a'); });
    REQUIRE_FALSE(why.empty());
    CHECK_THAT(why, Catch::Contains(id + ": title: te lang: 5242880 bytes"));
    CHECK(why.size() < 400);  // the refusal never quotes the text

    why = Refusal("tr-summary", [](json& c) {
        c["activities"][3]["translations"]["ar"]["summary"] = std::string(100000, 'b');
    });
    CHECK_THAT(why, Catch::Contains("translations.ar.summary: te lang"));
}

TEST_CASE("Too many pictograms, passes or activities fail the load") {
    std::string id = Demo()["activities"][0]["id"];
    std::string why = Refusal("many-picto", [](json& c) {
        c["activities"][0]["pictograms"] = json::array();
        for (int i = 0; i < 50; ++i) c["activities"][0]["pictograms"].push_back("soccer");
    });
    CHECK_THAT(why, Catch::Contains(id + ": pictograms: te lang: 50 items"));
    why = Refusal("many-passes", [](json& c) {
        for (int i = 0; i < 1000; ++i) c["activities"][0]["price"]["passes"].push_back("UiTPAS");
    });
    CHECK_THAT(why, Catch::Contains(id + ": price.passes: te lang"));
}

TEST_CASE("A catalogue file over its size bound is refused before it is parsed") {
    json c = Demo();
    std::string path = Write(c, "huge");
    {
        std::ofstream grow(path, std::ios::app);
        std::string spaces(1 << 20, ' ');
        // Still valid JSON: white space after the object, a MiB over the bound.
        for (size_t i = 0; i < (core::bound::kCatalogueBytes >> 20) + 1; ++i) grow << spaces;
    }
    auto loaded = store::LoadCatalogueFile(path);
    REQUIRE_FALSE(loaded);
    CHECK_THAT(loaded.error().message, Catch::Contains("too large"));
    fs::remove(path);
}
