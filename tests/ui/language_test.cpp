// The visitor's own language: the picker, speaker buttons on every tile, card and block, shaped
// subtitles only when asked for, and the audio controls. Dutch stays on screen throughout.
#include <catch2/catch.hpp>

#include "core/fixtures.h"
#include "core/language.h"
#include "core/speech.h"
#include "harness.h"

using namespace brugpunt;
using namespace brugpunt::core::action;
using testing::Only;
using testing::UiHarness;

namespace {

template <class T>
const T* Find(const core::Actions& actions) {
    for (const auto& a : actions)
        if (const T* t = std::get_if<T>(&a)) return t;
    return nullptr;
}

std::shared_ptr<const core::Catalogue> Translated() {
    core::Catalogue c = testing::ValidCatalogue();
    c.activities = {testing::ValidActivity("sport-0")};
    for (auto& cat : c.categories) cat.translations["uk"] = "Слово " + cat.id;
    c.activities[0].translations["uk"] = {
        "Назва", "Короткий опис.", {"Куди", "Хто", "Що взяти", "Що буде"}, true};
    return std::make_shared<const core::Catalogue>(std::move(c));
}

struct Shown {
    UiHarness h;
    std::shared_ptr<const core::Catalogue> cat = Translated();
    core::Translations translations;

    explicit Shown(core::Screen screen, const std::string& lang = "uk") {
        translations.Add("nl", h.strings);
        core::Strings uk;
        uk.Set("home.title", "Що ти хочеш робити?");
        translations.Add("uk", uk);
        h.vm.translations = &translations;
        h.vm.language = lang;
        h.vm.catalogue = cat;
        h.vm.screen = screen;
        h.vm.category = cat->FindCategory("sport");
        h.vm.activities = core::ActivitiesOf(cat);
        h.vm.list = {0};
        h.vm.detail = h.vm.activities->At(0);
        h.vm.today = {2026, 11, 23};
    }
};

bool Asked(const UiHarness& h, const std::string& lang, const std::string& text) {
    for (const auto& [l, t] : h.textures.texts)
        if (l == lang && t == text) return true;
    return false;
}

}  // namespace

TEST_CASE("Every screen has the language button, and it opens the picker") {
    for (core::Screen screen : {core::Screen::kHome, core::Screen::kList, core::Screen::kDetail,
                                core::Screen::kContact, core::Screen::kCredits, core::Screen::kAppointment}) {
        Shown s(screen);
        INFO("screen " << static_cast<int>(screen));
        CHECK(Only<OpenLanguages>(s.h.Tap("top:language")));
    }
}

TEST_CASE("The picker names every language in its own script, without flags, a tap chooses it and says it") {
    Shown s(core::Screen::kHome, "nl");
    s.h.vm.language_picker = true;
    s.h.vm.translations = &testing::SourceTranslations();
    s.h.Frame();
    REQUIRE(s.h.vm.Languages().size() == 13);
    for (const auto& lang : s.h.vm.Languages()) {
        std::string code(lang.code);
        INFO(code);
        CHECK(s.h.Has("language:" + code));
        CHECK(Asked(s.h, code, std::string(lang.native)));  // drawn as shaped text in that language
    }
    for (const auto& name : s.h.textures.asked) CHECK(name.find("flag") == std::string::npos);

    auto a = s.h.Tap("language:ar");
    REQUIRE(Find<ChooseLanguage>(a));
    CHECK(Find<ChooseLanguage>(a)->code == "ar");
    REQUIRE(Find<Speak>(a));
    CHECK(Find<Speak>(a)->text.translated == "العربية");
    CHECK(Find<Speak>(a)->text.dutch.empty());  // not "Arabisch" in Dutch: the name in Arabic
    auto fa = s.h.Tap("language:fa");
    REQUIRE(Find<Speak>(fa));
    CHECK(Find<Speak>(fa)->text.translated == "دری، فارسی");  // no "slash" read out
    CHECK(Only<CloseLanguages>(s.h.Tap("language:close")));
    // Subtitles can be turned on only for a language other than Dutch.
    CHECK_FALSE(s.h.Has("language:subtitles"));
    s.h.vm.language = "uk";
    CHECK(Only<ToggleSubtitles>(s.h.Tap("language:subtitles")));
}

TEST_CASE("The picker shows, in a picture, which languages this kiosk can speak and which only subtitle") {
    Shown s(core::Screen::kHome, "nl");
    s.h.vm.language_picker = true;
    s.h.vm.translations = &testing::SourceTranslations();
    s.h.vm.staff_status.voices = "nl ar uk";  // what espeak-ng offered this kiosk
    s.h.Frame();
    for (const char* code : {"nl", "ar", "uk"}) {
        INFO(code);
        CHECK(s.h.Has(std::string("block:voice:") + code));
        CHECK_FALSE(s.h.Has(std::string("block:novoice:") + code));
    }
    for (const char* code : {"ps", "ti", "so", "fr"}) {
        INFO(code);
        CHECK(s.h.Has(std::string("block:novoice:") + code));
        CHECK_FALSE(s.h.Has(std::string("block:voice:") + code));
    }
    CHECK(s.h.textures.asked.count("no-speaker"));
    s.h.vm.staff_status.voices = "";  // no sound at all: every language says so
    s.h.Frame();
    CHECK(s.h.Has("block:novoice:nl"));
}

TEST_CASE("Tiles speak their word in the visitor's language, the rest of the tile opens it") {
    Shown s(core::Screen::kHome);
    auto speak = s.h.Tap("tile:sport:speak");
    REQUIRE(Only<Speak>(speak));
    CHECK(Only<Speak>(speak)->text.dutch == s.cat->FindCategory("sport")->word);
    CHECK(Only<Speak>(speak)->text.translated == "Слово sport");
    auto open = s.h.Tap("tile:sport");
    REQUIRE(Only<OpenCategory>(open));
    CHECK(Only<OpenCategory>(open)->id == "sport");
    auto title = s.h.Tap("speak:home");
    REQUIRE(Only<Speak>(title));
    CHECK(Only<Speak>(title)->text.translated == "Що ти хочеш робити?");
}

TEST_CASE("Cards speak the title and summary in the visitor's language, with the catalogue's clip") {
    Shown s(core::Screen::kList);
    auto speak = s.h.Tap("card:sport-0:speak");
    REQUIRE(Only<Speak>(speak));
    CHECK(Only<Speak>(speak)->text == core::ActivityUtterance(s.cat->activities[0], "summary", "uk"));
    CHECK(Only<Speak>(speak)->text.translated == "Назва. Короткий опис.");
    CHECK(Only<OpenActivity>(s.h.Tap("card:sport-0")));
}

TEST_CASE(
    "Every block and fact on the detail page has a speaker, the first visit speaks the catalogue's "
    "translation") {
    Shown s(core::Screen::kDetail);
    s.h.Frame();
    s.h.local.ui.detail_more = true;  // "Meer weten" open: every block is on the page
    s.h.Frame();
    int blocks = 0;
    for (const auto& [id, rect] : ui::probe::All()) {
        if (id.rfind("block:", 0) != 0) continue;
        ++blocks;
        INFO(id);
        CHECK(s.h.Has("speak:" + id));
    }
    CHECK(blocks >= 12);  // five facts, the first visit and six blocks
    auto first = s.h.Tap("speak:block:first_visit");
    REQUIRE(Only<Speak>(first));
    CHECK(Only<Speak>(first)->text.translated == "Куди. Хто. Що взяти. Що буде");
    auto price = s.h.Tap("speak:block:price");
    REQUIRE(Only<Speak>(price));
    CHECK_THAT(Only<Speak>(price)->text.dutch, Catch::StartsWith(s.h.strings.Get("detail.price")));
    CHECK(Only<Speak>(s.h.Tap("speak:detail")));
}

TEST_CASE("Subtitles are drawn only when the visitor turns them on, in their language, with the Dutch kept") {
    Shown s(core::Screen::kDetail);
    s.h.Frame();
    CHECK(s.h.textures.texts.empty());
    s.h.vm.subtitles = true;
    s.h.Frame();
    CHECK(Asked(s.h, "uk", "Назва"));
    CHECK(Asked(s.h, "uk", "Короткий опис."));
    CHECK(Asked(s.h, "uk", "Куди"));
    s.h.vm.screen = core::Screen::kList;
    s.h.Frame();
    CHECK(Asked(s.h, "uk", "Слово sport"));  // the category's word under its Dutch heading
    s.h.textures.texts.clear();
    s.h.vm.language = "nl";  // Dutch has no subtitles under itself
    s.h.Frame();
    CHECK(s.h.textures.texts.empty());
}

TEST_CASE("Audio controls appear while something is said: pause, go on, again, softer, louder") {
    Shown s(core::Screen::kHome);
    s.h.Frame();
    CHECK_FALSE(s.h.Has("audio:pause"));
    s.h.vm.audio = ui::AudioState::kPlaying;
    CHECK(Only<PauseAudio>(s.h.Tap("audio:pause")));
    CHECK(Only<ReplayAudio>(s.h.Tap("audio:replay")));
    auto louder = s.h.Tap("audio:louder");
    REQUIRE(Only<Volume>(louder));
    CHECK(Only<Volume>(louder)->delta > 0);
    REQUIRE(Only<Volume>(s.h.Tap("audio:softer")));
    s.h.vm.audio = ui::AudioState::kPaused;
    CHECK(Only<ResumeAudio>(s.h.Tap("audio:resume")));
}

TEST_CASE("Staff set the kiosk's volume and can test the sound") {
    Shown s(core::Screen::kStaff, "nl");
    s.h.vm.staff.unlocked = true;
    auto louder = s.h.Tap("staff:louder");
    REQUIRE(Only<StaffVolume>(louder));
    CHECK(Only<StaffVolume>(louder)->delta > 0);
    REQUIRE(Only<StaffVolume>(s.h.Tap("staff:softer")));
    auto test = s.h.Tap("staff:audio_test");
    REQUIRE(Only<Speak>(test));
    CHECK(Only<Speak>(test)->text.dutch == s.h.strings.Get("staff.audio_test"));
}
