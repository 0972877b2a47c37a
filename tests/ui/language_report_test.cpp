// The visitor's language on every fact: for each of the kiosk's languages, every demo activity's
// detail page (its fact tiles and, folded out, every seven-B block) is drawn with subtitles on,
// and every Dutch line there without its subtitle is reported. The catalogue's own free texts
// (a note, how to get a pass, a bus line) need a person's translation per activity and are
// counted apart; everything made from structured fields must be covered.
#include <catch2/catch.hpp>

#include <map>
#include <set>

#include "core/language.h"
#include "core/translations.h"
#include "harness.h"
#include "store/catalogue_json.h"

using namespace brugpunt;
using testing::UiHarness;

namespace {

// What the catalogue wrote in Dutch as free text, which no template can translate: its notes, and
// a season in words the templates do not know ("elke eerste zaterdag").
std::set<std::string> FreeTexts(const core::Activity& a, const core::Words& w) {
    std::set<std::string> free = {a.price.how_to_get_pass, a.price.material_note, a.audience.food_notes};
    for (const auto& t : a.location.transit) free.insert(t);
    if (!core::Complete(core::SeasonText(a.schedule.season, w))) free.insert(a.schedule.season);
    return free;
}

bool Inside(ImVec2 p, const std::pair<ImVec2, ImVec2>& r) {
    return p.x >= r.first.x && p.y >= r.first.y && p.x <= r.second.x && p.y <= r.second.y;
}

}  // namespace

TEST_CASE("Languages: every structured fact on every demo detail page has its subtitle, in every language") {
    auto parsed = store::LoadCatalogueFile(std::string(BRUGPUNT_SOURCE_DIR) + "/assets/demo/catalogue.json");
    REQUIRE(parsed);
    auto cat = std::make_shared<const core::Catalogue>(parsed->catalogue);
    auto translations = core::LoadTranslationsDir(std::string(BRUGPUNT_SOURCE_DIR) + "/translations");
    REQUIRE(translations);
    UiHarness h;
    h.vm.translations = &translations.value();
    h.vm.catalogue = cat;
    h.vm.activities = core::ActivitiesOf(cat);
    h.vm.screen = core::Screen::kDetail;
    h.vm.today = {2026, 11, 23};
    h.vm.subtitles = true;
    h.local.ui.detail_more = true;
    for (const auto& lang : core::kLanguages) {
        if (lang.code == core::kDutch) continue;
        h.vm.language = std::string(lang.code);
        std::map<std::string, int> missing;  // Dutch line -> on how many pages
        int lines = 0, free_lines = 0;
        for (size_t i = 0; i < cat->activities.size(); ++i) {
            h.vm.detail = h.vm.activities->At(i);
            h.Frame();  // a new activity closes "Meer weten"; open it again
            h.local.ui.detail_more = true;
            h.Frame();
            h.Frame();
            std::vector<std::pair<ImVec2, ImVec2>> blocks;
            for (const auto& [id, rect] : ui::probe::All())
                if (id.rfind("block:", 0) == 0) blocks.push_back(rect);
            REQUIRE(blocks.size() >= 11);  // five facts, six blocks and "de eerste keer"
            std::set<std::string> free = FreeTexts(*h.vm.detail, *h.vm.VisitorWords());
            for (const auto& [text, at] : ui::probe::Texts()) {
                bool in_block = false;
                for (const auto& r : blocks) in_block |= Inside(at, r);
                if (!in_block || text.empty()) continue;
                ++lines;
                if (free.count(text)) {
                    ++free_lines;
                    continue;
                }
                if (!ui::probe::Subtitled().count(text)) ++missing[text];
            }
        }
        std::string report;
        for (const auto& [text, pages] : missing)
            report += "  " + text + " (" + std::to_string(pages) + "x)\n";
        std::printf("languages: %-2s %4d fact lines on %zu pages, %3zu without a subtitle, %3d free texts\n",
                    std::string(lang.code).c_str(), lines, cat->activities.size(), missing.size(),
                    free_lines);
        INFO("in " << lang.code << ", Dutch lines without a subtitle:\n" << report);
        CHECK(lines > 500);
        CHECK(missing.empty());
    }
}

TEST_CASE("Languages: a language without the facts' phrases shows no half-translated subtitle") {
    auto parsed = store::LoadCatalogueFile(std::string(BRUGPUNT_SOURCE_DIR) + "/assets/demo/catalogue.json");
    REQUIRE(parsed);
    auto cat = std::make_shared<const core::Catalogue>(parsed->catalogue);
    UiHarness h;
    core::Translations translations;
    translations.Add("nl", h.strings);
    core::Strings partial;
    partial.Set("detail.price", "Price");  // a heading, but no words for days or months
    translations.Add("en", partial);
    h.vm.translations = &translations;
    h.vm.catalogue = cat;
    h.vm.activities = core::ActivitiesOf(cat);
    h.vm.screen = core::Screen::kDetail;
    h.vm.today = {2026, 11, 23};
    h.vm.subtitles = true;
    h.vm.language = "en";
    h.vm.detail = h.vm.activities->At(0);
    h.Frame();
    h.Frame();
    // The days line is Dutch only: nothing with a missing word was sent to be drawn.
    for (const auto& [lang, text] : h.textures.texts) {
        INFO(text);
        CHECK(core::Complete(text));
    }
    CHECK_FALSE(ui::probe::Subtitled().count(core::DaysLong(h.vm.detail->schedule.days, ui::DutchWords())));
}

TEST_CASE(
    "Languages: where the kiosk has no voice for the visitor's language, the top bar says so in pictures") {
    UiHarness h;
    h.vm.screen = core::Screen::kHome;
    h.vm.staff_status.voices = "ar en nl";
    h.vm.language = "ar";
    h.Frame();
    CHECK_FALSE(h.Has("top:no_voice"));
    h.vm.language = "so";
    h.Frame();
    REQUIRE(h.Has("top:no_voice"));
    CHECK(testing::DrawsWith(h.vm.Picto("no-speaker")) > 0);
    CHECK(testing::Only<core::action::StartAppointment>(h.Tap("top:no_voice")));
    // A kiosk without any sound claims nothing about voices.
    h.vm.staff_status.voices = "";
    h.Frame();
    CHECK_FALSE(h.Has("top:no_voice"));
}
