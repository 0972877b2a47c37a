#include <catch2/catch.hpp>

#include <algorithm>
#include <map>
#include <optional>

#include <fstream>
#include <regex>

#include "core/fixtures.h"
#include "core/screen_names.h"
#include "harness.h"
#include "ui/format.h"
#include "ui/frame_guard.h"

using namespace brugpunt;
using namespace brugpunt::core::action;
using testing::Only;
using testing::UiHarness;

namespace {

std::shared_ptr<const core::Catalogue> Fixture(int sport_activities = 3) {
    core::Catalogue c = testing::ValidCatalogue();
    c.activities.clear();
    for (int i = 0; i < sport_activities; ++i)
        c.activities.push_back(testing::ValidActivity("sport-" + std::to_string(i)));
    c.activities.push_back(testing::ValidActivity("taal-0", "taal"));
    return std::make_shared<const core::Catalogue>(std::move(c));
}

void Show(UiHarness& h, core::Screen screen, std::shared_ptr<const core::Catalogue> cat = Fixture()) {
    h.vm.catalogue = cat;
    h.vm.screen = screen;
    h.vm.category = cat->FindCategory("sport");
    h.vm.filter.category = "sport";
    h.vm.activities = core::ActivitiesOf(cat);
    h.vm.list.clear();
    for (size_t i = 0; i < cat->activities.size(); ++i)
        if (cat->activities[i].category == "sport") h.vm.list.push_back(i);
    h.vm.detail = h.vm.activities->At(0);
    h.vm.today = {2026, 11, 23};
}

const core::Screen kSessionScreens[] = {core::Screen::kHome,    core::Screen::kList,
                                        core::Screen::kDetail,  core::Screen::kContact,
                                        core::Screen::kCredits, core::Screen::kAppointment};

void ShowStep(UiHarness& h, core::Step step, core::RequestKind kind = core::RequestKind::kAppointment) {
    Show(h, core::Screen::kAppointment);
    h.vm.draft = core::AppointmentDraft{};
    h.vm.draft.request.kind = kind;
    h.vm.draft.step = step;
}

}  // namespace

TEST_CASE("Attract: a tap anywhere starts a session") {
    UiHarness h;
    Show(h, core::Screen::kAttract);
    CHECK(Only<Start>(h.Tap("attract:start")));
    CHECK_FALSE(h.Has("top:back"));
}

TEST_CASE("Attract: a big language button names every language in its own script and opens the picker") {
    for (ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920), ImVec2(1280, 800)}) {
        UiHarness h(display);
        Show(h, core::Screen::kAttract);
        h.vm.translations = &testing::SourceTranslations();
        h.Frame();
        INFO(display.x << "x" << display.y);
        bool named = false;
        for (const auto& [lang, text] : h.textures.texts)
            named |= text.find("العربية") != std::string::npos &&
                     text.find("Українська") != std::string::npos && text.find("ትግርኛ") != std::string::npos &&
                     text.find("Nederlands") == std::string::npos;
        CHECK(named);
        auto it = ui::probe::All().find("attract:language");
        REQUIRE(it != ui::probe::All().end());
        CHECK(it->second.second.y <= display.y);  // on screen, under "Raak het scherm aan"
        CHECK(it->second.second.y - it->second.first.y >= 12.0f * 96 / 25.4f);
        auto a = h.Tap("attract:language");
        REQUIRE(a.size() == 2);
        CHECK(std::holds_alternative<Start>(a[0]));
        CHECK(std::holds_alternative<OpenLanguages>(a[1]));
    }
}

TEST_CASE("Attract: a tap in the top-left corner counts toward the hidden staff gesture") {
    UiHarness h;
    Show(h, core::Screen::kAttract);
    h.Frame();  // ImGui finds the window under the finger from the previous frame
    core::Actions all;
    for (bool down : {true, false}) {
        auto a = h.Frame(ImVec2(20, 20), down);
        all.insert(all.end(), a.begin(), a.end());
    }
    CHECK(Only<CornerTap>(all));
}

TEST_CASE("Terug, Begin and Maak een afspraak are on every screen of a session, but never twice on one") {
    for (core::Screen screen : kSessionScreens) {
        UiHarness h;
        Show(h, screen);
        INFO("screen " << static_cast<int>(screen));
        CHECK(Only<Back>(h.Tap("top:back")));
        CHECK(Only<Home>(h.Tap("top:home")));
        if (screen == core::Screen::kAppointment || screen == core::Screen::kDetail) {
            CHECK_FALSE(h.Has("top:appointment"));  // the detail page has its own, at its top
            continue;
        }
        auto a = h.Tap("top:appointment");
        REQUIRE(Only<StartAppointment>(a));
        CHECK(Only<StartAppointment>(a)->activity_id.empty());
    }
}

TEST_CASE("Home: one tile per category opens its list, credits are one tap away") {
    UiHarness h;
    Show(h, core::Screen::kHome);
    auto a = h.Tap("tile:taal");
    REQUIRE(Only<OpenCategory>(a));
    CHECK(Only<OpenCategory>(a)->id == "taal");
    CHECK(h.Has("tile:sport"));
    CHECK(Only<OpenCredits>(h.Tap("home:credits")));
    CHECK(Only<OpenContact>(h.Tap("home:desk")));
}

TEST_CASE("List: a card opens its activity and each chip toggles its filter") {
    UiHarness h;
    Show(h, core::Screen::kList);
    auto a = h.Tap("card:sport-1");
    REQUIRE(Only<OpenActivity>(a));
    CHECK(Only<OpenActivity>(a)->id == "sport-1");

    std::pair<const char*, core::Chip> chips[] = {{"chip:free", core::Chip::kFree},
                                                  {"chip:girls", core::Chip::kGirls},
                                                  {"chip:trial", core::Chip::kTrial},
                                                  {"chip:places", core::Chip::kPlacesFree},
                                                  {"chip:no_dutch", core::Chip::kNoDutch},
                                                  {"chip:walk_in", core::Chip::kWalkIn},
                                                  {"chip:practise_dutch", core::Chip::kPractiseDutch}};
    for (auto [id, chip] : chips) {
        auto t = h.Tap(id);
        INFO(id);
        REQUIRE(Only<ToggleChip>(t));
        CHECK(Only<ToggleChip>(t)->chip == chip);
    }
}

TEST_CASE("List: the age and day chips open pickers of big buttons") {
    UiHarness h;
    Show(h, core::Screen::kList);
    CHECK(h.Tap("chip:age").empty());
    REQUIRE(h.local.ui.list.age_picker);
    // An age is one child: pressed on (or off), and the picker stays open for the next.
    auto a = h.Tap("age:8");
    REQUIRE(Only<ToggleAge>(a));
    CHECK(Only<ToggleAge>(a)->age == 8);
    CHECK(h.local.ui.list.age_picker);
    CHECK(h.Tap("age:-2").empty());  // "Klaar"
    CHECK_FALSE(h.local.ui.list.age_picker);

    h.Tap("chip:age");
    a = h.Tap("age:-1");
    REQUIRE(Only<SetAge>(a));
    CHECK_FALSE(Only<SetAge>(a)->age);

    h.Tap("chip:day");
    a = h.Tap("day:2");
    REQUIRE(Only<SetDay>(a));
    CHECK(Only<SetDay>(a)->day == core::Weekday::kWed);
}

TEST_CASE("List: with a filter on, a clear chip appears, with no results, a clear button") {
    UiHarness h;
    Show(h, core::Screen::kList);
    h.Frame();
    CHECK_FALSE(h.Has("chip:clear"));
    h.vm.filter.free_only = true;
    h.vm.list.clear();
    CHECK(Only<ClearFilters>(h.Tap("chip:clear")));
    CHECK(Only<ClearFilters>(h.Tap("list:clear")));
}

TEST_CASE("List: dragging scrolls the list and never taps the card under the finger") {
    UiHarness h(ImVec2(1080, 900));
    Show(h, core::Screen::kList, Fixture(20));
    h.Frame();
    ImVec2 c;
    REQUIRE(ui::probe::Find("card:sport-2", c));
    std::map<std::string, float> before;  // where each card on screen was
    for (const auto& [id, r] : ui::probe::All())
        if (id.rfind("card:", 0) == 0) before[id] = r.first.y;
    core::Actions all;
    auto add = [&](core::Actions a) { all.insert(all.end(), a.begin(), a.end()); };
    add(h.Frame(c, true));
    for (int i = 1; i <= 12; ++i) add(h.Frame(ImVec2(c.x, c.y - 25.0f * i), true));
    add(h.Frame(ImVec2(c.x, c.y - 300), false));
    CHECK(all.empty());
    CHECK(h.local.list_scroll.velocity > 0);  // a flick keeps going...
    for (int i = 0; i < 600 && h.local.list_scroll.velocity != 0; ++i) h.Frame();
    CHECK(h.local.list_scroll.velocity == 0);  // ...and comes to rest by itself
    int compared = 0;  // the cards on screen both before and after moved up by more than the drag
    for (const auto& [id, r] : ui::probe::All())
        if (auto it = before.find(id); it != before.end()) {
            CHECK(r.first.y < it->second - 300);
            ++compared;
        }
    CHECK(compared > 0);
}

TEST_CASE("List: a long list draws only the cards on screen, and the last one when scrolled to") {
    UiHarness h(ImVec2(1080, 900));
    Show(h, core::Screen::kList, Fixture(400));
    h.Frame();
    auto cards = [] {
        int n = 0;
        for (const auto& [id, r] : ui::probe::All())
            n += id.rfind("card:", 0) == 0 && id.find(":speak") == std::string::npos;
        return n;
    };
    CHECK(cards() > 0);
    CHECK(cards() < 40);  // of 400
    CHECK_FALSE(h.Has("card:sport-399"));
    for (int i = 0; i < 80; ++i) {  // drag up, again and again, to the end
        ImVec2 from(540, 800);
        h.Frame(from, true);
        for (int k = 1; k <= 8; ++k) h.Frame(ImVec2(from.x, from.y - 80.0f * k), true);
        h.Frame(ImVec2(from.x, 160), false);
        for (int k = 0; k < 30; ++k) h.Frame();
        if (h.Has("card:sport-399")) break;
    }
    CHECK(h.Has("card:sport-399"));
    CHECK(cards() < 40);
}

// The activities of a catalogue, counting how often a screen reads one.
struct CountingActivities final : core::ActivitySource {
    core::CatalogueActivities inner;
    mutable int reads = 0;
    explicit CountingActivities(core::CataloguePtr c) : inner(std::move(c)) {}
    size_t Count() const override { return inner.Count(); }
    std::shared_ptr<const core::Activity> At(size_t position) const override {
        ++reads;
        return inner.At(position);
    }
    std::shared_ptr<const core::Activity> Find(std::string_view id) const override { return inner.Find(id); }
};

TEST_CASE(
    "List: after a new catalogue that changed nothing, a list scrolled to its end reads only what it "
    "shows, after one that changed everything, it measures the rows above again") {
    UiHarness h(ImVec2(1080, 900));
    auto cat = Fixture(400);
    Show(h, core::Screen::kList, cat);
    for (size_t position : h.vm.list) h.vm.list_digests.push_back(1000 + position);
    for (int i = 0; i < 80 && !h.Has("card:sport-399"); ++i) {  // drag up to the end
        ImVec2 from(540, 800);
        h.Frame(from, true);
        for (int k = 1; k <= 8; ++k) h.Frame(ImVec2(from.x, from.y - 80.0f * k), true);
        h.Frame(ImVec2(from.x, 160), false);
        for (int k = 0; k < 30; ++k) h.Frame();
    }
    REQUIRE(h.Has("card:sport-399"));

    auto same = std::make_shared<CountingActivities>(cat);
    h.vm.activities = same;
    h.Frame();
    CHECK(h.Has("card:sport-399"));  // the visitor is where they were
    CHECK(same->reads > 0);
    CHECK(same->reads < 40);  // the cards on screen, of 400

    auto changed = std::make_shared<CountingActivities>(cat);
    h.vm.activities = changed;
    for (auto& digest : h.vm.list_digests) digest += 1;
    h.Frame();
    CHECK(changed->reads > 300);  // every row above the bottom of the screen, before it is drawn
}

TEST_CASE("Detail: the facts that decide and the first visit are open, the seven B's fold out") {
    UiHarness h(ImVec2(1920, 2400));  // tall enough that the page's end is on screen
    Show(h, core::Screen::kDetail);
    h.Frame();
    for (const char* fact :
         {"block:fact:price", "block:fact:when", "block:fact:where", "block:fact:age", "block:fact:places"}) {
        INFO(fact);
        CHECK(h.Has(fact));
    }
    CHECK(h.Has("block:first_visit"));
    const char* folded[] = {"block:price",  "block:where",    "block:when",
                            "block:places", "block:for_whom", "block:contact"};
    for (const char* block : folded) CHECK_FALSE(h.Has(block));
    CHECK(h.Tap("detail:more").empty());  // UI-local: no action, the page opens further
    h.Frame();
    for (const char* block : folded) {
        INFO(block);
        CHECK(h.Has(block));
    }
    auto a = h.Tap("detail:appointment");
    REQUIRE(Only<StartAppointment>(a));
    CHECK(Only<StartAppointment>(a)->activity_id == "sport-0");
    CHECK_FALSE(Only<StartAppointment>(a)->interest);
    auto c = h.Tap("detail:choose");
    REQUIRE(Only<ToggleChosen>(c));
    CHECK(Only<ToggleChosen>(c)->id == "sport-0");
    // Another activity opens with the rest folded again.
    h.vm.detail = h.vm.activities->At(1);
    h.Frame();
    h.Frame();
    CHECK_FALSE(h.Has("block:price"));
}

TEST_CASE(
    "Detail: the activity's, the entrance's and the contact's photos are shown, the pictogram where none can "
    "be") {
    UiHarness h(ImVec2(1920, 2400));
    core::Catalogue c = *Fixture();
    c.activities[0].photo = "media/field.jpg";
    c.activities[0].location.entrance_photo = "media/door.jpg";
    c.activities[0].contact.photo = "media/youssef.jpg";
    Show(h, core::Screen::kDetail, std::make_shared<const core::Catalogue>(c));
    h.vm.media_root = "/srv/bundle";
    SECTION("all three can be shown") {
        h.textures.photos = {"media/field.jpg", "media/door.jpg", "media/youssef.jpg"};
        h.Frame();
        for (const char* name : {"media/field.jpg", "media/door.jpg", "media/youssef.jpg"}) {
            INFO(name);
            CHECK(std::count(h.textures.photos_asked.begin(), h.textures.photos_asked.end(),
                             std::string("/srv/bundle|") + name) > 0);
        }
        CHECK(testing::DrawsWith(testing::FakeTextures::kPhotoTexture) == 3);
    }
    SECTION("the entrance photo cannot be read: its pictogram stands in") {
        h.textures.photos = {"media/field.jpg", "media/youssef.jpg"};
        h.Frame();
        CHECK(testing::DrawsWith(testing::FakeTextures::kPhotoTexture) == 2);
        CHECK(h.textures.asked.count("pin"));
    }
    SECTION("a pictogram: photo is never asked for as a file") {
        c.activities[0].photo = "pictogram:soccer";
        Show(h, core::Screen::kDetail, std::make_shared<const core::Catalogue>(c));
        h.Frame();
        for (const auto& asked : h.textures.photos_asked)
            CHECK(asked.find("pictogram:") == std::string::npos);
        CHECK(h.textures.asked.count("soccer"));
    }
}

TEST_CASE("Detail: an unknown time or place says 'vraag het aan de balie' in its fact, never nothing") {
    UiHarness h;
    core::Catalogue c = *Fixture();
    c.activities[0].schedule.days.clear();
    c.activities[0].availability.status.reset();
    Show(h, core::Screen::kDetail, std::make_shared<const core::Catalogue>(c));
    h.Frame();
    int asked = 0;
    for (const auto& [text, at] : ui::probe::Texts())
        if (text == ui::Tr("unknown.when") || text == ui::Tr("unknown.status")) ++asked;
    CHECK(asked == 2);
}

TEST_CASE("Detail: a closed registration offers 'tell me when it opens' instead") {
    UiHarness h(ImVec2(1920, 2400));
    core::Catalogue c = *Fixture();
    c.activities[0].availability.registration_to = {2026, 9, 30};
    c.activities[0].availability.reopens_on = core::Date{2027, 3, 1};
    c.activities[0].availability.interest_list = true;
    Show(h, core::Screen::kDetail, std::make_shared<const core::Catalogue>(c));
    h.Frame();
    CHECK_FALSE(h.Has("detail:appointment"));
    auto a = h.Tap("detail:interest");
    REQUIRE(Only<StartAppointment>(a));
    CHECK(Only<StartAppointment>(a)->interest);
}

TEST_CASE(
    "Detail: price, place, time and first visit are found by pictogram, the contact's phone behind Meer "
    "weten") {
    UiHarness h;
    Show(h, core::Screen::kDetail);
    h.Frame();
    for (const char* picto : {"money", "pin", "clock", "wave", "child"}) {
        INFO(picto);
        CHECK(h.textures.asked.count(picto));
    }
    CHECK_FALSE(h.textures.asked.count("phone"));
    h.local.ui.detail_more = true;
    h.Frame();
    CHECK(h.textures.asked.count("phone"));
}

TEST_CASE("Idle warning: Meer tijd answers, and the screen behind it takes no taps") {
    UiHarness h;
    Show(h, core::Screen::kList);
    h.vm.warning = true;
    h.vm.warning_seconds = 12;
    CHECK(Only<MoreTime>(h.Tap("warning:more_time")));
    // A tap on a card behind the dim layer reaches nothing.
    h.Frame();
    ImVec2 c;
    REQUIRE(ui::probe::Find("card:sport-0", c));
    core::Actions all;
    for (bool down : {true, false}) {
        auto a = h.Frame(c, down);
        all.insert(all.end(), a.begin(), a.end());
    }
    CHECK(all.empty());
}

TEST_CASE("Every tappable widget is at least 12 mm, at any DPI and in both orientations") {
    for (ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920)}) {
        for (float dpi : {96.0f, 160.0f}) {
            for (core::Screen screen : {core::Screen::kAttract, core::Screen::kHome, core::Screen::kList,
                                        core::Screen::kDetail, core::Screen::kContact, core::Screen::kCredits,
                                        core::Screen::kAppointment, core::Screen::kStaff}) {
                UiHarness h(display, dpi);
                Show(h, screen);
                h.vm.draft.step = core::Step::kContact;  // the keypad, the densest step
                h.local.ui.list.age_picker = screen == core::Screen::kList;
                h.Frame();
                float min_px = 12.0f * dpi / 25.4f - 0.5f;
                int widgets = 0;
                for (const auto& [id, rect] : ui::probe::All()) {
                    if (id.rfind("block:", 0) == 0) continue;  // text panels, not buttons
                    ++widgets;
                    INFO(id << " at " << dpi << " dpi, " << display.x << "x" << display.y);
                    CHECK(rect.second.x - rect.first.x >= min_px);
                    CHECK(rect.second.y - rect.first.y >= min_px);
                    // ...and on screen, horizontally at least (lists scroll vertically).
                    CHECK(rect.first.x >= 0);
                    CHECK(rect.second.x <= display.x + 0.5f);
                }
                CHECK(widgets > 0);
            }
        }
    }
}

TEST_CASE("No two tappable widgets overlap, at any DPI and in both orientations") {
    auto overlap = [](const std::pair<ImVec2, ImVec2>& a, const std::pair<ImVec2, ImVec2>& b) {
        return a.first.x < b.second.x - 0.5f && b.first.x < a.second.x - 0.5f &&
               a.first.y < b.second.y - 0.5f && b.first.y < a.second.y - 0.5f;
    };
    for (ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920)}) {
        for (float dpi : {96.0f, 160.0f}) {
            for (core::Screen screen : kSessionScreens) {
                for (core::Step step : {core::Step::kAbout, core::Step::kContact, core::Step::kLanguage,
                                        core::Step::kConsent, core::Step::kDone}) {
                    if (screen != core::Screen::kAppointment && step != core::Step::kAbout) continue;
                    UiHarness h(display, dpi);
                    Show(h, screen);
                    h.vm.draft.step = step;
                    h.local.ui.list.age_picker = true;
                    h.Frame();
                    std::vector<std::pair<std::string, std::pair<ImVec2, ImVec2>>> widgets;
                    for (const auto& [id, rect] : ui::probe::All())
                        if (id.rfind("block:", 0) != 0) widgets.push_back({id, rect});
                    // A tile's or card's speaker corner is a part of it, not a neighbour.
                    auto part_of = [](const std::string& a, const std::string& b) {
                        return a == b + ":speak" || b == a + ":speak";
                    };
                    for (size_t i = 0; i < widgets.size(); ++i)
                        for (size_t j = i + 1; j < widgets.size(); ++j) {
                            if (part_of(widgets[i].first, widgets[j].first)) continue;
                            INFO(widgets[i].first << " and " << widgets[j].first << " at " << dpi << " dpi, "
                                                  << display.x << "x" << display.y);
                            CHECK_FALSE(overlap(widgets[i].second, widgets[j].second));
                        }
                }
            }
        }
    }
}

TEST_CASE("Home tiles all fit on screen in landscape and portrait") {
    for (ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920)}) {
        UiHarness h(display);
        core::Catalogue c = *Fixture();
        for (int i = 0; i < 10; ++i) c.categories.push_back({"cat" + std::to_string(i), "Woord", "info"});
        Show(h, core::Screen::kHome, std::make_shared<const core::Catalogue>(c));
        h.Frame();
        int tiles = 0;
        for (const auto& [id, rect] : ui::probe::All()) {
            if (id.rfind("tile:", 0) != 0 || id.ends_with(":speak")) continue;
            ++tiles;
            INFO(id);
            CHECK(rect.second.y <= display.y);
            CHECK(rect.second.x <= display.x);
        }
        CHECK(tiles == 12);
    }
}

TEST_CASE("Every pictogram the screens ask for is in the pictogram list") {
    std::string list = testing::ReadSource("assets/pictograms/pictograms.txt");
    UiHarness h;
    for (core::Screen screen :
         {core::Screen::kAttract, core::Screen::kHome, core::Screen::kList, core::Screen::kDetail,
          core::Screen::kContact, core::Screen::kCredits, core::Screen::kStaff}) {
        Show(h, screen);
        h.local.ui.list.age_picker = true;
        h.vm.warning = screen == core::Screen::kList;
        h.Frame();
    }
    for (core::Step step :
         {core::Step::kAbout, core::Step::kChildren, core::Step::kContact, core::Step::kLanguage,
          core::Step::kDayParts, core::Step::kConsent, core::Step::kDone, core::Step::kFailed}) {
        ShowStep(h, step);
        h.Frame();
    }
    CHECK(h.textures.asked.size() > 20);
    for (const auto& name : h.textures.asked) {
        INFO(name);
        CHECK(std::regex_search(list, std::regex("(^|\n)" + name + " ")));
    }
}

TEST_CASE("Appointment: about lists the chosen activities and a general question") {
    UiHarness h;
    ShowStep(h, core::Step::kAbout);
    h.vm.chosen = {h.vm.activities->At(1), h.vm.activities->At(2)};
    auto a = h.Tap("about:sport-2");
    REQUIRE(Only<ToggleAbout>(a));
    CHECK(Only<ToggleAbout>(a)->id == "sport-2");
    CHECK(Only<GeneralQuestion>(h.Tap("about:general")));
    CHECK(Only<NextStep>(h.Tap("appt:next")));
}

TEST_CASE("Appointment: children are counted and aged with steppers") {
    UiHarness h;
    ShowStep(h, core::Step::kChildren);
    h.vm.draft.request.child_ages = {4, 9};
    CHECK(Only<AddChild>(h.Tap("children:plus")));
    CHECK(Only<RemoveChild>(h.Tap("children:minus")));
    auto a = h.Tap("child1:plus");
    REQUIRE(Only<ChildAge>(a));
    CHECK(Only<ChildAge>(a)->index == 1);
    CHECK(Only<ChildAge>(a)->delta == 1);
}

TEST_CASE("Appointment: the phone keypad sends every key, and the contact choice is two tiles") {
    UiHarness h;
    ShowStep(h, core::Step::kContact);
    for (char k : std::string("0123456789+<")) {
        auto a = h.Tap(std::string("keypad:") + k);
        REQUIRE(Only<core::action::Keypad>(a));
        CHECK(Only<core::action::Keypad>(a)->key == k);
    }
    auto w = h.Tap("contact:whatsapp");
    REQUIRE(Only<SetWhatsApp>(w));
    CHECK(Only<SetWhatsApp>(w)->on);
    auto c = h.Tap("contact:come_back");
    REQUIRE(Only<SetContactMode>(c));
    CHECK(Only<SetContactMode>(c)->mode == core::ContactMode::kComeBack);
}

TEST_CASE("Appointment: an interest request can only leave a phone number") {
    UiHarness h;
    ShowStep(h, core::Step::kContact, core::RequestKind::kInterest);
    h.Frame();
    CHECK_FALSE(h.Has("contact:come_back"));
    CHECK(h.Has("keypad:5"));
}

TEST_CASE("Appointment: language, interpreter and day parts are taps on tiles") {
    UiHarness h;
    h.vm.translations = &testing::SourceTranslations();
    ShowStep(h, core::Step::kLanguage);
    h.Frame();
    // Each language in its own script, so the visitor finds their own without reading Dutch.
    REQUIRE(h.vm.Languages().size() == 13);
    for (const auto& lang : h.vm.Languages()) {
        INFO(lang.code);
        CHECK(std::count(
                  h.textures.texts.begin(), h.textures.texts.end(),
                  std::pair<std::string, std::string>{std::string(lang.code), std::string(lang.native)}) > 0);
    }
    auto l = h.Tap("language:3");
    REQUIRE(Only<SetLanguage>(l));
    CHECK(Only<SetLanguage>(l)->code == "ar");
    CHECK(Only<SetInterpreter>(h.Tap("language:interpreter")));
    ShowStep(h, core::Step::kDayParts);
    auto d = h.Tap("daypart:2");
    REQUIRE(Only<ToggleDayPart>(d));
    CHECK(Only<ToggleDayPart>(d)->part == core::DayPart::kEvening);
}

TEST_CASE("A language added as a file is in the picker, the attract screen and the appointment step") {
    // Bulgarian: no code names it; its .po does (as LoadTranslationsDir would read it).
    core::Translations t = testing::SourceTranslations();
    auto bg = core::Strings::ParsePo(
        "msgid \"\"\nmsgstr \"X-Language-Name: Български\\nX-Dutch-Name: Bulgaars\\n\"\n\n"
        "msgid \"attract.touch\"\nmsgstr \"Докосни екрана\"\n");
    REQUIRE(bg);
    t.Add("bg", bg.value());
    UiHarness h;
    h.vm.translations = &t;
    REQUIRE(h.vm.Languages().size() == 14);
    CHECK(h.vm.Languages().back().code == "bg");

    Show(h, core::Screen::kHome);
    h.vm.language_picker = true;
    h.Frame();
    CHECK(h.Has("language:bg"));
    auto chose = h.Tap("language:bg");
    bool chosen = false;
    for (const auto& a : chose)
        if (const auto* c = std::get_if<ChooseLanguage>(&a)) chosen = c->code == "bg";
    CHECK(chosen);

    h.vm.language_picker = false;
    Show(h, core::Screen::kAttract);
    bool named = false, called = false;
    for (int turn = 0; turn < 14 && !called; ++turn) {  // the call to touch takes its turn in Bulgarian
        h.vm.now = core::TimePoint{} + turn * ui::kAttractCycle;
        h.textures.texts.clear();
        h.Frame();
        for (const auto& [lang, text] : h.textures.texts) {
            named |= text.find("Български") != std::string::npos;
            called |= lang == "bg" && text == "Докосни екрана";
        }
    }
    CHECK(named);
    CHECK(called);

    ShowStep(h, core::Step::kLanguage);
    h.textures.texts.clear();
    h.Frame();
    bool tile = false;
    for (const auto& [lang, text] : h.textures.texts) tile |= lang == "bg" && text == "Български";
    CHECK(tile);
    CHECK(t.FindLanguage("bg")->dutch == "Bulgaars");  // drawn small under it, for the desk
}

TEST_CASE("Appointment: consent is asked, and a yes or a no is one tap") {
    UiHarness h;
    ShowStep(h, core::Step::kConsent);
    CHECK(Only<GiveConsent>(h.Tap("consent:yes")));
    CHECK(Only<DeclineConsent>(h.Tap("consent:no")));
}

TEST_CASE("Appointment: the confirmation shows the code, a failure offers a retry") {
    UiHarness h;
    ShowStep(h, core::Step::kDone);
    h.vm.draft.reference = "K7Q-4XM";
    CHECK(Only<Finish>(h.Tap("appt:finish")));
    ShowStep(h, core::Step::kFailed);
    CHECK(Only<GiveConsent>(h.Tap("appt:retry")));
}

TEST_CASE("Staff: locked behind a PIN keypad, then the outbox status and a close button") {
    UiHarness h;
    Show(h, core::Screen::kStaff);
    auto k = h.Tap("pin:7");
    REQUIRE(Only<StaffPin>(k));
    CHECK(Only<StaffPin>(k)->key == '7');
    CHECK(h.Tap("pin:+").empty());  // no plus in a PIN
    auto ok = h.Tap("staff:ok");
    REQUIRE(Only<StaffPin>(ok));
    CHECK(Only<StaffPin>(ok)->key == '=');
    h.vm.staff.unlocked = true;
    CHECK(Only<StaffClose>(h.Tap("staff:close")));
}

TEST_CASE("Appointment: every step has a speaker button, consent is read out in full") {
    for (core::Step step : {core::Step::kAbout, core::Step::kChildren, core::Step::kContact,
                            core::Step::kLanguage, core::Step::kDayParts, core::Step::kConsent}) {
        UiHarness h;
        ShowStep(h, step);
        auto a = h.Tap("speak:step");
        REQUIRE(Only<Speak>(a));
        CHECK_FALSE(Only<Speak>(a)->text.dutch.empty());
        if (step == core::Step::kConsent)
            for (const char* key : {"appt.consent.a_what", "appt.consent.a_who"})
                CHECK_THAT(Only<Speak>(a)->text.dutch, Catch::Contains(h.strings.Get(key)));
    }
}

TEST_CASE("Appointment: the consent names the days the desk keeps a request, from the config") {
    UiHarness h;
    ShowStep(h, core::Step::kConsent);
    h.vm.retention_days = 12;
    auto a = h.Tap("speak:step");
    REQUIRE(Only<Speak>(a));
    CHECK_THAT(Only<Speak>(a)->text.dutch, Catch::Contains("ten laatste na 12 dagen"));
    CHECK_THAT(Only<Speak>(a)->text.dutch, !Catch::Contains("%d"));
    core::Strings s;
    s.Set("k", "after %d days");
    s.Set("n", "no number");
    core::Words w(s, false);
    CHECK(w.Count("k", 12) == "after 12 days");
    CHECK(w.Count("n", 12) == "no number");
}

TEST_CASE("Appointment: the confirmation reads the code out letter by letter") {
    UiHarness h;
    ShowStep(h, core::Step::kDone);
    h.vm.draft.reference = "K7Q-4XM";
    auto a = h.Tap("speak:done");
    REQUIRE(Only<Speak>(a));
    CHECK_THAT(Only<Speak>(a)->text.dutch, Catch::Contains("K, 7, Q, 4, X, M"));
}

TEST_CASE("A frame that throws is ended cleanly, ten in a row mean give up") {
    UiHarness h;
    Show(h, core::Screen::kHome);
    ui::FrameGuard guard(10);
    std::string error;
    auto failing_frame = [&] {
        ImGui::NewFrame();
        bool ok = guard.Run(
            [&] {
                ImGui::Begin("half-drawn");
                ImGui::BeginChild("deeper");
                throw std::runtime_error("catalogue field missing");
            },
            error);
        ImGui::Render();  // must not assert: the guard closed what the frame left open
        return ok;
    };
    CHECK(failing_frame());
    CHECK(error == "catalogue field missing");
    CHECK(guard.FailuresInARow() == 1);
    // A good frame afterwards draws normally and resets the count.
    ImGui::NewFrame();
    core::Actions out;
    CHECK(guard.Run([&] { ui::DrawFrame(h.vm, h.local, out); }, error));
    ImGui::Render();
    CHECK(error.empty());
    CHECK(guard.FailuresInARow() == 0);
    CHECK(h.Has("tile:sport"));
    for (int i = 1; i < 10; ++i) CHECK(failing_frame());
    CHECK_FALSE(failing_frame());
}

// [SECTION] Issue 17: unknown is shown as unknown, and a full group offers no trial.

namespace {

// The badge and info-line texts drawn inside the widget or block with this probe id.
std::vector<std::string> TextsIn(const std::string& id) {
    auto it = ui::probe::All().find(id);
    INFO(id);
    REQUIRE(it != ui::probe::All().end());
    auto [min, max] = it->second;
    std::vector<std::string> out;
    for (const auto& [text, at] : ui::probe::Texts())
        if (at.x >= min.x && at.x <= max.x && at.y >= min.y && at.y <= max.y) out.push_back(text);
    return out;
}

// The detail page with "Meer weten" open, as a visitor who tapped it sees it.
void FrameWithMore(UiHarness& h) {
    h.Frame();
    h.local.ui.detail_more = true;
    h.Frame();
}

bool AnyContains(const std::vector<std::string>& texts, const std::string& part) {
    return std::any_of(texts.begin(), texts.end(),
                       [&](const std::string& t) { return t.find(part) != std::string::npos; });
}

std::shared_ptr<const core::Catalogue> WithUnknownPriceAndDutch() {
    core::Catalogue c = *Fixture();
    core::Activity& a = c.activities[0];
    a.price.cents.reset();
    a.price.social_cents.reset();
    a.audience.dutch.reset();
    return std::make_shared<const core::Catalogue>(std::move(c));
}

}  // namespace

TEST_CASE("Card: an unknown price and Dutch say 'vraag het aan de balie' with the desk, never gratis") {
    UiHarness h;
    Show(h, core::Screen::kList, WithUnknownPriceAndDutch());
    h.Frame();
    auto unknown = TextsIn("card:sport-0");
    CHECK(std::find(unknown.begin(), unknown.end(), "prijs, Nederlands: vraag het aan de balie") !=
          unknown.end());
    CHECK_FALSE(AnyContains(unknown, h.strings.Get("price.free")));
    CHECK(h.textures.asked.count("desk"));
    // A card whose values are known says them, and does not send the visitor to the desk.
    auto known = TextsIn("card:sport-1");
    CHECK(AnyContains(known, "€ 95"));
    CHECK_FALSE(AnyContains(known, "vraag het aan de balie"));
}

TEST_CASE("Detail: an unknown price and Dutch say 'vraag het aan de balie', never gratis or no Dutch") {
    UiHarness h(ImVec2(1920, 2400));
    Show(h, core::Screen::kDetail, WithUnknownPriceAndDutch());
    FrameWithMore(h);
    auto price = TextsIn("block:price");
    CHECK(AnyContains(price, "Wat kost het? Vraag het aan de balie."));
    CHECK_FALSE(AnyContains(price, h.strings.Get("price.free")));
    auto who = TextsIn("block:for_whom");
    CHECK(AnyContains(who, "Hoeveel Nederlands heb je nodig? Vraag het aan de balie."));
    CHECK_FALSE(AnyContains(who, h.strings.Get("dutch.none")));
    // The price among the facts at the top says it too, with the desk's pictogram.
    CHECK(AnyContains(TextsIn("block:fact:price"), "Wat kost het? Vraag het aan de balie."));
    CHECK(h.textures.asked.count("desk"));
}

TEST_CASE(
    "Detail: a full activity offers no 'eerst proberen', even when the catalogue says a trial is possible") {
    UiHarness h(ImVec2(1920, 2400));
    core::Catalogue c = *Fixture();
    c.activities[0].availability.status = core::Status::kFull;
    c.activities[0].availability.trial_possible = true;
    Show(h, core::Screen::kDetail, std::make_shared<const core::Catalogue>(c));
    h.Frame();
    std::vector<std::string> all;
    for (const auto& [text, at] : ui::probe::Texts()) all.push_back(text);
    CHECK(AnyContains(all, h.strings.Get("status.full")));
    CHECK_FALSE(AnyContains(all, h.strings.Get("places.trial")));
    CHECK_FALSE(AnyContains(all, "proberen"));  // nor "ask the desk about a trial": there is none

    // With places free, the same activity does offer it.
    c.activities[0].availability.status = core::Status::kPlacesFree;
    Show(h, core::Screen::kDetail, std::make_shared<const core::Catalogue>(c));
    h.Frame();
    all.clear();
    for (const auto& [text, at] : ui::probe::Texts()) all.push_back(text);
    CHECK(AnyContains(all, h.strings.Get("places.trial")));
}

TEST_CASE("Detail: a 'laatst nagekeken' older than the catalogue allows says 'misschien niet meer juist'") {
    UiHarness h(ImVec2(1920, 2400));
    core::Catalogue c = *Fixture();
    c.stale_after_days = 180;
    c.activities[0].last_checked = {2025, 11, 1};
    Show(h, core::Screen::kDetail, std::make_shared<const core::Catalogue>(c));
    FrameWithMore(h);
    CHECK(AnyContains(TextsIn("block:contact"), "Misschien niet meer juist"));
    c.activities[0].last_checked = {2026, 11, 2};
    Show(h, core::Screen::kDetail, std::make_shared<const core::Catalogue>(c));
    FrameWithMore(h);
    CHECK_FALSE(AnyContains(TextsIn("block:contact"), "Misschien niet meer juist"));
}

TEST_CASE("Detail: taaliconen and a chance to practise Dutch are shown with the Dutch needed") {
    UiHarness h(ImVec2(1920, 2400));
    core::Catalogue c = *Fixture();
    c.activities[0].audience.dutch = core::DutchNeeded::kALittle;
    c.activities[0].audience.dutch_icons = 2;
    c.activities[0].audience.practise_dutch = true;
    Show(h, core::Screen::kDetail, std::make_shared<const core::Catalogue>(c));
    FrameWithMore(h);
    auto who = TextsIn("block:for_whom");
    CHECK(AnyContains(who, "Taaliconen: 2 van 4."));
    CHECK(AnyContains(who, h.strings.Get("dutch.practise")));
    CHECK(AnyContains(who, h.strings.Get("dutch.a_little")));
}

TEST_CASE("List: 'Wat is dit?' opens the category's explanation, with a speaker button") {
    UiHarness h;
    core::Catalogue c = *Fixture();
    c.categories[0].explanation = "Je sport samen in een club. Een trainer leidt de training.";
    Show(h, core::Screen::kList, std::make_shared<const core::Catalogue>(c));
    h.Frame();
    CHECK_FALSE(h.Has("block:explain"));
    h.Tap("list:explain");
    h.Frame();
    REQUIRE(h.Has("block:explain"));
    CHECK(AnyContains(TextsIn("block:explain"), "Een trainer leidt de training."));
    auto spoken = h.Tap("speak:block:explain");
    REQUIRE(Only<Speak>(spoken));
    CHECK_THAT(Only<Speak>(spoken)->text.dutch, Catch::Contains("Je sport samen in een club."));
    // A category without an explanation has no such button.
    c.categories[0].explanation.clear();
    Show(h, core::Screen::kList, std::make_shared<const core::Catalogue>(c));
    h.Frame();
    CHECK_FALSE(h.Has("list:explain"));
}

TEST_CASE(
    "List: a family with two children sees which child each card is for, and may ask for all together") {
    core::Catalogue c = *Fixture();
    c.activities[0].audience.age_min = 3, c.activities[0].audience.age_max = 6;   // the 5-year-old
    c.activities[1].audience.age_min = 8, c.activities[1].audience.age_max = 12;  // the 9-year-old
    c.activities[2].audience.age_min = 4, c.activities[2].audience.age_max = 12;  // both
    UiHarness h;
    Show(h, core::Screen::kList, std::make_shared<const core::Catalogue>(std::move(c)));
    h.Frame();
    CHECK_FALSE(ui::probe::All().count("chip:together"));  // one child or none: no such chip
    h.vm.filter.ages = {5, 9};
    h.Frame();
    CHECK(AnyContains(TextsIn("card:sport-0"), "Voor 5 jaar"));
    CHECK(AnyContains(TextsIn("card:sport-1"), "Voor 9 jaar"));
    CHECK(AnyContains(TextsIn("card:sport-2"), "Voor 5 en 9 jaar"));
    auto a = h.Tap("chip:together");
    REQUIRE(Only<SetTogether>(a));
    CHECK(Only<SetTogether>(a)->on);
    // The age chip says both ages.
    REQUIRE(ui::probe::All().count("chip:age"));
    h.Tap("chip:age");
    a = h.Tap("age:9");
    REQUIRE(Only<ToggleAge>(a));
    CHECK(Only<ToggleAge>(a)->age == 9);
}

TEST_CASE(
    "Detail: 'niet toegankelijk' has its own crossed pictogram, never the wheelchair of 'toegankelijk'") {
    for (bool wheelchair : {false, true}) {
        UiHarness h(ImVec2(1920, 2400));
        core::Catalogue c = *Fixture();
        c.activities[0].audience.wheelchair = wheelchair;
        Show(h, core::Screen::kDetail, std::make_shared<const core::Catalogue>(c));
        FrameWithMore(h);
        INFO("wheelchair " << wheelchair);
        CHECK(h.textures.asked.count("no-wheelchair") == (wheelchair ? 0u : 1u));
        CHECK(h.textures.asked.count("wheelchair") == (wheelchair ? 1u : 0u));
    }
}

TEST_CASE("Appointment: Verder is in the same bottom-right corner of every step, on screen at every size") {
    for (ImVec2 display : {ImVec2(1920, 1080), ImVec2(1080, 1920), ImVec2(1280, 800)}) {
        std::optional<std::pair<ImVec2, ImVec2>> first;
        for (core::Step step :
             {core::Step::kAbout, core::Step::kChildren, core::Step::kHelp, core::Step::kContact,
              core::Step::kLanguage, core::Step::kDayParts, core::Step::kCheck}) {
            UiHarness h(display);
            ShowStep(h, step);
            // Filled in as a family would: the check then has every line at its longest.
            auto& r = h.vm.draft.request;
            r.activity_ids = {"sport-0", "sport-1"};
            r.child_ages = {8, 6, 3};
            r.help[static_cast<int>(core::Help::kTrial)] = r.help[static_cast<int>(core::Help::kGoAlong)] =
                true;
            r.phone = "0470000000";
            r.language = "ar";
            r.interpreter = true;
            h.Frame();
            auto it = ui::probe::All().find("appt:next");
            INFO("step " << core::NameOf(step) << " at " << display.x << "x" << display.y);
            REQUIRE(it != ui::probe::All().end());
            auto [min, max] = it->second;
            CHECK(max.x <= display.x + 0.5f);
            CHECK(max.y <= display.y + 0.5f);
            if (!first) first = it->second;
            CHECK(min.x == Approx(first->first.x).margin(1));
            CHECK(max.y == Approx(first->second.y).margin(1));
        }
    }
}

TEST_CASE("Appointment: the confirmation offers Print only with a printer, and says how the card is doing") {
    auto shows = [](UiHarness& h, const char* key) {
        for (const auto& [text, at] : ui::probe::Texts())
            if (text == h.strings.Get(key)) return true;
        return false;
    };
    UiHarness h;
    ShowStep(h, core::Step::kDone);
    h.vm.draft.reference = "K7Q-4XM";
    h.Frame();
    CHECK_FALSE(h.Has("appt:print"));  // no printer configured
    h.vm.print = ui::PrintState::kReady;
    auto tapped = h.Tap("appt:print");
    CHECK(Only<PrintCard>(tapped));
    h.vm.print = ui::PrintState::kPrinting;
    CHECK(h.Tap("appt:print").empty());  // printing: a second tap does nothing
    h.Frame();
    CHECK(shows(h, "appt.done.printing"));
    h.vm.print = ui::PrintState::kPrinted;
    h.Frame();
    CHECK(shows(h, "appt.done.printed"));
    h.vm.print = ui::PrintState::kFailed;
    h.Frame();
    CHECK(shows(h, "appt.done.print_failed"));
    CHECK(h.textures.asked.count("no-entry"));
    CHECK(Only<PrintCard>(h.Tap("appt:print")));  // and it may be tried again
}
