// The detail page at a glance, as a visitor meets it on the screens the kiosk is sold with: for
// every demo activity, in Dutch and with Arabic subtitles, the page's actions and the facts that
// decide are inside the screen before any scrolling.
#include <catch2/catch.hpp>

#include "harness.h"
#include "store/catalogue_json.h"

using namespace brugpunt;
using testing::UiHarness;

TEST_CASE("Detail: every demo activity's actions and key facts fit without scrolling on every screen size") {
    auto parsed = store::LoadCatalogueFile(std::string(BRUGPUNT_SOURCE_DIR) + "/assets/demo/catalogue.json");
    INFO((parsed ? "" : parsed.error().message));
    REQUIRE(parsed);
    auto cat = std::make_shared<const core::Catalogue>(parsed->catalogue);
    REQUIRE(cat->activities.size() >= 40);
    const char* must_fit[] = {"detail:choose",    "block:fact:price", "block:fact:when",
                              "block:fact:where", "block:fact:age",   "block:fact:places"};
    for (ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920), ImVec2(1280, 800), ImVec2(800, 1280)}) {
        for (const char* lang : {"nl", "ar"}) {
            UiHarness h(display);
            h.vm.catalogue = cat;
            h.vm.activities = core::ActivitiesOf(cat);
            h.vm.screen = core::Screen::kDetail;
            h.vm.today = {2026, 11, 23};
            h.vm.language = lang;
            h.vm.subtitles = std::string(lang) != "nl";
            float lowest = 0;  // the lowest bottom edge of what must fit, over all activities
            for (size_t i = 0; i < cat->activities.size(); ++i) {
                h.vm.detail = h.vm.activities->At(i);
                h.Frame();
                h.Frame();
                std::vector<std::string> ids(std::begin(must_fit), std::end(must_fit));
                ids.push_back(h.Has("detail:interest") ? "detail:interest" : "detail:appointment");
                for (const auto& id : ids) {
                    INFO(id << " of " << h.vm.detail->id << " at " << display.x << "x" << display.y << " in "
                            << lang);
                    auto it = ui::probe::All().find(id);
                    REQUIRE(it != ui::probe::All().end());
                    auto [min, max] = it->second;
                    CHECK(min.x >= 0);
                    CHECK(min.y >= 0);
                    CHECK(max.x <= display.x + 0.5f);
                    CHECK(max.y <= display.y + 0.5f);
                    lowest = std::max(lowest, max.y);
                }
            }
            // A figure for the note: how much of the screen the glance takes at worst.
            WARN(display.x << "x" << display.y << " " << lang << ": lowest key fact or action ends at "
                           << lowest << " px of " << display.y);
        }
    }
}
