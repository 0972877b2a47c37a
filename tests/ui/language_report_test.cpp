// The visitor's language on every fact: for each of the kiosk's languages, every demo activity's
// detail page (its fact tiles and, folded out, every seven-B block) is drawn with subtitles on,
// and every Dutch line there without its subtitle is reported. The catalogue's own free texts
// (a note, how to get a pass, a bus line) need a person's translation per activity and are
// counted apart; everything made from structured fields must be covered.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/files.h"
#include "core/language.h"
#include "core/screen_names.h"
#include "core/translations.h"
#include "harness.h"
#include "store/catalogue_json.h"

using namespace brugpunt;
using testing::UiHarness;

namespace {

// What the catalogue wrote in Dutch as free text, which no template can translate: its notes, "de
// eerste keer" (a person translates it per activity), and a season in words the templates do not
// know ("elke eerste zaterdag").
std::set<std::string> FreeTexts(const core::Activity& a, const core::Words& w) {
    std::set<std::string> free = {a.price.how_to_get_pass,     a.price.material_note,
                                  a.audience.food_notes,       a.first_visit.where,
                                  a.first_visit.who_meets_you, a.first_visit.what_to_bring,
                                  a.first_visit.what_happens};
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
    for (const auto& lang : translations->Languages()) {
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

namespace {

// Every string the catalogue file holds: its own free texts (titles, category words, notes, the
// desk's address), which a person translates per catalogue, not the kiosk's phrases.
std::set<std::string> CatalogueStrings(const std::string& path) {
    std::set<std::string> out;
    std::function<void(const nlohmann::json&)> walk = [&](const nlohmann::json& j) {
        if (j.is_string()) out.insert(j.get<std::string>());
        if (j.is_structured())
            for (const auto& v : j) walk(v);
    };
    walk(nlohmann::json::parse(core::ReadWholeFile(path).value_or("{}")));
    return out;
}

// text without every catalogue string in it: what is left of the desk's "phone   address", or of
// its opening hours one per line, is spaces.
std::string WithoutCatalogue(std::string text, const std::set<std::string>& free) {
    if (free.count(text)) return "";
    std::vector<const std::string*> longest_first;
    for (const auto& f : free)
        if (f.size() >= 3) longest_first.push_back(&f);
    std::sort(longest_first.begin(), longest_first.end(),
              [](const std::string* a, const std::string* b) { return a->size() > b->size(); });
    for (const std::string* f : longest_first)
        for (size_t at; (at = text.find(*f)) != std::string::npos;) text.replace(at, f->size(), " ");
    return text;
}

// Digits, signs and a phone number read the same in every language.
bool SameEverywhere(const std::string& text) {
    return std::all_of(text.begin(), text.end(), [](unsigned char c) {
        return std::isdigit(c) || std::isspace(c) || std::strchr("+-/.:,()<>\xe2\x80\x93\x88\x92\x86\x90", c);
    });
}

}  // namespace

TEST_CASE("Languages: every phrase on every screen has its subtitle, in every language") {
    std::string path = std::string(BRUGPUNT_SOURCE_DIR) + "/assets/demo/catalogue.json";
    auto parsed = store::LoadCatalogueFile(path);
    REQUIRE(parsed);
    auto cat = std::make_shared<const core::Catalogue>(parsed->catalogue);
    std::set<std::string> free = CatalogueStrings(path);
    auto translations = core::LoadTranslationsDir(std::string(BRUGPUNT_SOURCE_DIR) + "/translations");
    REQUIRE(translations);
    for (const auto& l : translations->Languages()) free.insert(l.native);  // the picker's names

    // The screens a visitor meets, each as the state that draws it.
    struct Scene {
        std::string name;
        std::function<void(UiHarness&)> set;
    };
    std::vector<Scene> scenes = {
        {"home", [](UiHarness& h) { h.vm.screen = core::Screen::kHome; }},
        {"contact", [](UiHarness& h) { h.vm.screen = core::Screen::kContact; }},
        {"credits", [](UiHarness& h) { h.vm.screen = core::Screen::kCredits; }},
        {"languages", [](UiHarness& h) { h.vm.screen = core::Screen::kHome, h.vm.language_picker = true; }},
        {"warning",
         [](UiHarness& h) {
             h.vm.screen = core::Screen::kHome, h.vm.warning = true, h.vm.warning_seconds = 12;
         }},
    };
    for (const auto& c : cat->categories)
        scenes.push_back({"list:" + c.id, [&cat, id = c.id](UiHarness& h) {
                              h.vm.screen = core::Screen::kList;
                              for (const auto& k : cat->categories)
                                  if (k.id == id) h.vm.category = &k;
                              h.vm.filter.category = id;
                              for (size_t i = 0; i < cat->activities.size(); ++i)
                                  if (cat->activities[i].category == id) h.vm.list.push_back(i);
                          }});
    scenes.push_back({"list:ages", [&cat](UiHarness& h) {
                          h.vm.screen = core::Screen::kList;
                          h.vm.filter.ages = {5, 9};
                          h.vm.filter.day = core::Weekday::kWed;
                          h.local.ui.list.age_picker = true;
                          for (size_t i = 0; i < cat->activities.size(); ++i) h.vm.list.push_back(i);
                      }});
    scenes.push_back({"list:days", [](UiHarness& h) {
                          h.vm.screen = core::Screen::kList;
                          h.local.ui.list.day_picker = true;
                      }});
    scenes.push_back({"detail", [](UiHarness& h) {
                          h.vm.screen = core::Screen::kDetail;
                          h.vm.detail = h.vm.activities->At(0);
                      }});
    for (core::RequestKind kind : {core::RequestKind::kAppointment, core::RequestKind::kInterest})
        for (core::Step step : core::StepsFor(kind))
            scenes.push_back(
                {std::string(kind == core::RequestKind::kInterest ? "interest:" : "appointment:") +
                     std::string(core::NameOf(step)),
                 [kind, step](UiHarness& h) {
                     h.vm.screen = core::Screen::kAppointment;
                     h.vm.draft.request.kind = kind;
                     h.vm.draft.step = step;
                     h.vm.draft.request.child_ages = {7, 10};
                     h.vm.chosen = {h.vm.activities->At(0)};
                 }});
    for (core::Step step : {core::Step::kDone, core::Step::kFailed})
        scenes.push_back({"appointment:" + std::string(core::NameOf(step)), [step](UiHarness& h) {
                              h.vm.screen = core::Screen::kAppointment;
                              h.vm.draft.step = step;
                          }});

    for (const auto& lang : translations->Languages()) {
        if (lang.code == core::kDutch) continue;
        std::map<std::string, std::set<std::string>> missing;  // Dutch line -> the screens it is on
        int lines = 0;
        for (const auto& scene : scenes) {
            UiHarness h;
            h.vm.translations = &translations.value();
            h.vm.catalogue = cat;
            h.vm.activities = core::ActivitiesOf(cat);
            h.vm.today = {2026, 11, 23};
            h.vm.subtitles = true;
            h.vm.language = std::string(lang.code);
            h.vm.staff_status.voices = "nl en fr ar";
            scene.set(h);
            h.Frame();
            h.Frame();
            for (const auto& [text, at] : ui::probe::Texts()) {
                if (text.empty() || SameEverywhere(WithoutCatalogue(text, free))) continue;
                // "+32  België": a country's code and Dutch name, which the visitor picks from the
                // list of countries by its own name ("المغرب"); no phrase of the kiosk's.
                if (text[0] == '+' && std::isdigit(static_cast<unsigned char>(text[1]))) continue;
                ++lines;
                if (!ui::probe::Subtitled().count(text)) missing[text].insert(scene.name);
            }
        }
        std::string report;
        for (const auto& [text, where] : missing) {
            report += "  " + text + "  (";
            for (const auto& s : where) report += (s == *where.begin() ? "" : ", ") + s;
            report += ")\n";
        }
        std::printf("languages: %-2s %4d phrase lines on %zu screens, %3zu without a subtitle\n",
                    std::string(lang.code).c_str(), lines, scenes.size(), missing.size());
        INFO("in " << lang.code << ", Dutch lines without a subtitle:\n" << report);
        CHECK(lines > 300);
        CHECK(missing.empty());
    }
}

TEST_CASE("Attract: the call to touch comes in every other language in turn, in its own script") {
    auto translations = core::LoadTranslationsDir(std::string(BRUGPUNT_SOURCE_DIR) + "/translations");
    REQUIRE(translations);
    UiHarness h;
    h.vm.translations = &translations.value();
    h.vm.screen = core::Screen::kAttract;
    std::set<std::string> seen;
    for (int turn = 0; turn < 12; ++turn) {
        h.vm.now = core::TimePoint{} + turn * ui::kAttractCycle;
        h.textures.texts.clear();
        h.Frame();
        std::string shown;
        for (const auto& [id, rect] : ui::probe::All())
            if (id.rfind("attract:call:", 0) == 0) shown = id.substr(13);
        INFO("turn " << turn);
        REQUIRE_FALSE(shown.empty());
        seen.insert(shown);
        // Shaped in its own language, from its own catalogue: Arabic is asked for in Arabic.
        auto t = translations->Get(shown, "attract.touch");
        REQUIRE(t);
        CHECK(std::count(h.textures.texts.begin(), h.textures.texts.end(), std::pair{shown, t->text}) == 1);
    }
    CHECK(seen.size() == 12);  // each of the twelve once in a round, Dutch always above them
    CHECK_FALSE(seen.count("nl"));
    // Within one turn the language stays: a frame drawn a second later shows the same.
    CHECK(ui::AttractTurn(core::TimePoint{} + std::chrono::seconds(1)) == ui::AttractTurn(core::TimePoint{}));
}
