#include <catch2/catch.hpp>

#include "core/session.h"

using namespace brugpunt::core;
using namespace brugpunt::core::action;
using namespace std::chrono_literals;

namespace {

struct Harness {
    ManualClock clock;
    SessionPolicy policy{90s, 20s};
    Session s;
    Effects effects;

    void Do(const Action& a) { Reduce(s, a, policy, effects); }
    void Wait(Millis ms) {
        clock.Advance(ms);
        Do(Tick{clock.Now()});
    }
    template <class E>
    bool Has() const {
        return Find<E>() != nullptr;
    }
    // The last effect of kind E, with its data; nothing when Reduce asked for none.
    template <class E>
    const E* Find() const {
        for (auto it = effects.rbegin(); it != effects.rend(); ++it)
            if (const E* e = std::get_if<E>(&*it)) return e;
        return nullptr;
    }
};

}  // namespace

TEST_CASE("A session starts on attract and walks the screens with a back stack") {
    Harness h;
    CHECK(h.s.screen == Screen::kAttract);
    h.Do(Start{});
    CHECK(h.s.screen == Screen::kHome);
    h.Do(OpenCategory{"sport"});
    CHECK(h.s.screen == Screen::kList);
    CHECK(h.s.filter.category == "sport");
    CHECK(h.Has<effect::RefreshList>());
    h.Do(OpenActivity{"voetbal"});
    CHECK(h.s.screen == Screen::kDetail);
    h.Do(OpenContact{});
    CHECK(h.s.screen == Screen::kContact);
    h.Do(Back{});
    CHECK(h.s.screen == Screen::kDetail);
    h.Do(Back{});
    CHECK(h.s.screen == Screen::kList);
    h.Do(Back{});
    CHECK(h.s.screen == Screen::kHome);
    h.Do(Back{});
    CHECK(h.s.screen == Screen::kAttract);
}

TEST_CASE("Opening the same screen twice does not need two Backs") {
    Harness h;
    h.Do(Start{});
    h.Do(OpenContact{});
    h.Do(OpenContact{});
    h.Do(Back{});
    CHECK(h.s.screen == Screen::kHome);
}

TEST_CASE("Home clears the back stack") {
    Harness h;
    h.Do(Start{});
    h.Do(OpenCategory{"sport"});
    h.Do(OpenActivity{"x"});
    h.Do(Home{});
    CHECK(h.s.screen == Screen::kHome);
    CHECK(h.s.back_stack.empty());
}

TEST_CASE("Filters change through actions and ask for a new list") {
    Harness h;
    h.Do(Start{});
    h.Do(OpenCategory{"sport"});
    h.effects.clear();
    h.Do(ToggleChip{Chip::kFree});
    CHECK(h.s.filter.free_only);
    CHECK(h.Has<effect::RefreshList>());
    CHECK(h.Has<effect::ScrollToTop>());
    h.Do(SetAge{8});
    h.Do(SetDay{Weekday::kWed});
    CHECK(h.s.filter.ages == std::vector<int>{8});
    CHECK(h.s.filter.day == Weekday::kWed);
    h.Do(ClearFilters{});
    CHECK(h.s.filter == Filter{.category = "sport"});
}

TEST_CASE("A family gives each child's age, may ask for what fits all of them, and SetAge starts over") {
    Harness h;
    h.Do(Start{});
    h.Do(OpenCategory{"sport"});
    h.Do(ToggleAge{5});
    h.Do(ToggleAge{9});
    CHECK(h.s.filter.ages == std::vector<int>{5, 9});
    h.effects.clear();
    h.Do(SetTogether{true});
    CHECK(h.s.filter.together);
    CHECK(h.Has<effect::RefreshList>());
    h.Do(ToggleAge{9});  // one child left: "together" means nothing any more
    CHECK_FALSE(h.s.filter.together);
    h.Do(SetTogether{true});
    CHECK_FALSE(h.s.filter.together);
    h.Do(ToggleAge{9});
    h.Do(SetAge{12});
    CHECK(h.s.filter.ages == std::vector<int>{12});
    h.Do(SetAge{std::nullopt});
    CHECK(h.s.filter.ages.empty());
}

TEST_CASE("Inactivity warns after the idle time, counts down and then wipes the session") {
    Harness h;
    h.Do(Input{h.clock.Now()});
    h.Do(Start{});
    h.Do(OpenCategory{"sport"});
    h.Do(ToggleChip{Chip::kGirls});
    h.Do(SetAge{9});

    h.Wait(89s);
    CHECK_FALSE(h.s.warning);
    CHECK(NextDeadline(h.s, h.policy) == h.clock.Now() + 1s);

    h.Wait(1s);
    CHECK(h.s.warning);
    CHECK(WarningSecondsLeft(h.s, h.clock.Now(), h.policy) == 20);
    h.clock.Advance(4500ms);
    CHECK(WarningSecondsLeft(h.s, h.clock.Now(), h.policy) == 16);

    // A touch behind the dialog does not silently extend the session.
    h.Do(Input{h.clock.Now()});
    h.effects.clear();
    h.Wait(15500ms);
    CHECK(h.s.screen == Screen::kAttract);
    CHECK_FALSE(h.s.warning);
    CHECK(h.s.filter == Filter{});
    CHECK(h.s.category.empty());
    CHECK(h.s.back_stack.empty());
    CHECK(h.s.generation == 1);
    CHECK(h.Has<effect::WipeUiState>());
}

TEST_CASE("More time keeps the session and restarts the idle time") {
    Harness h;
    h.Do(Input{h.clock.Now()});
    h.Do(Start{});
    h.Do(OpenCategory{"taal"});
    h.Wait(95s);
    REQUIRE(h.s.warning);
    h.Do(MoreTime{h.clock.Now()});
    CHECK_FALSE(h.s.warning);
    h.Wait(89s);
    CHECK_FALSE(h.s.warning);
    CHECK(h.s.screen == Screen::kList);
    CHECK(h.s.category == "taal");
}

TEST_CASE("Touches keep the session alive and the attract screen never times out") {
    Harness h;
    h.Wait(3600s);
    CHECK(h.s.screen == Screen::kAttract);
    CHECK_FALSE(NextDeadline(h.s, h.policy));
    h.Do(Input{h.clock.Now()});
    h.Do(Start{});
    for (int i = 0; i < 10; ++i) {
        h.Wait(60s);
        h.Do(Input{h.clock.Now()});
    }
    CHECK(h.s.screen == Screen::kHome);
    CHECK_FALSE(h.s.warning);
}

TEST_CASE("Appointment: from an activity, the flow is pre-filled with it and walks every step") {
    Harness h;
    h.Do(Start{});
    h.Do(OpenCategory{"sport"});
    h.Do(OpenActivity{"voetbal"});
    h.Do(ToggleChosen{"zwemmen"});
    h.Do(StartAppointment{"voetbal", false});
    REQUIRE(h.s.screen == Screen::kAppointment);
    CHECK(h.s.draft.step == Step::kAbout);
    CHECK(h.s.draft.request.activity_ids == std::vector<std::string>{"zwemmen", "voetbal"});
    h.Do(ToggleAbout{"zwemmen"});
    CHECK(h.s.draft.request.activity_ids == std::vector<std::string>{"voetbal"});
    h.Do(NextStep{});
    CHECK(h.s.draft.step == Step::kChildren);
    h.Do(AddChild{});
    h.Do(AddChild{});
    h.Do(ChildAge{1, 3});
    CHECK(h.s.draft.request.child_ages == std::vector<int>{6, 9});
    h.Do(NextStep{});
    CHECK(h.s.draft.step == Step::kHelp);
    h.Do(ToggleHelp{Help::kTrial});
    h.Do(ToggleHelp{Help::kGoAlong});
    h.Do(ToggleHelp{Help::kTransport});
    h.Do(ToggleHelp{Help::kTransport});
    CHECK(h.s.draft.request.help == std::array<bool, kHelpCount>{false, true, true, false, false, false});
    h.Do(NextStep{});
    CHECK(h.s.draft.step == Step::kContact);
    h.Do(NextStep{});
    CHECK(h.s.draft.step == Step::kContact);  // no number yet: it stays
    CHECK(h.s.draft.refused);                 // and the step says why
    h.Do(action::Keypad{'0'});
    CHECK_FALSE(h.s.draft.refused);  // typing again clears it
    h.Do(action::Keypad{'<'});
    for (char k : std::string("0470x12345<67")) h.Do(action::Keypad{k});  // x is no key; < erases
    CHECK(h.s.draft.request.phone == "0470123467");
    h.Do(action::Keypad{'+'});  // a plus only as the first character
    CHECK(h.s.draft.request.phone == "0470123467");
    h.Do(SetWhatsApp{true});
    h.Do(NextStep{});
    CHECK(h.s.draft.step == Step::kLanguage);
    h.Do(SetLanguage{"uk"});
    h.Do(SetInterpreter{true});
    h.Do(NextStep{});
    CHECK(h.s.draft.step == Step::kDayParts);
    h.Do(ToggleDayPart{DayPart::kSaturday});
    h.Do(NextStep{});
    CHECK(h.s.draft.step == Step::kCheck);
    h.Do(NextStep{});  // "Klopt"
    CHECK(h.s.draft.step == Step::kConsent);
    h.effects.clear();
    h.Do(GiveConsent{});
    REQUIRE(h.Has<effect::SubmitRequest>());
    CHECK(h.s.draft.request.phone == "+32470123467");  // normalised before it is stored
    // The effect carries the request itself, as it is to be written.
    CHECK(h.Find<effect::SubmitRequest>()->request.phone == "+32470123467");
    CHECK(h.Find<effect::SubmitRequest>()->request.language == "uk");
    CHECK(h.Find<effect::SubmitRequest>()->request.help[static_cast<int>(Help::kTrial)]);
    CHECK(h.s.draft.request.consent);
    h.Do(SubmitDone{"ABC-DEF"});
    CHECK(h.s.draft.step == Step::kDone);
    CHECK(h.s.draft.reference == "ABC-DEF");
    CHECK(h.s.draft.request.phone.empty());  // on disk now; not kept in memory
    CHECK(h.s.draft.request.child_ages.empty());
    CHECK(h.s.draft.request.help == std::array<bool, kHelpCount>{});
    CHECK(h.s.draft.request.activity_ids == std::vector<std::string>{"voetbal"});  // for the card
    h.Do(Finish{});
    CHECK(h.s.screen == Screen::kHome);
    CHECK(h.s.draft.reference.empty());
}

TEST_CASE("Appointment: Terug goes back a step, and from the first step leaves and forgets") {
    Harness h;
    h.Do(Start{});
    h.Do(StartAppointment{});
    h.Do(NextStep{});
    h.Do(NextStep{});
    h.Do(NextStep{});
    for (char k : std::string("0470123456")) h.Do(action::Keypad{k});
    h.Do(Back{});
    CHECK(h.s.draft.step == Step::kHelp);
    h.Do(Back{});
    CHECK(h.s.draft.step == Step::kChildren);
    h.Do(Back{});
    CHECK(h.s.draft.step == Step::kAbout);
    CHECK(h.s.draft.request.phone == "0470123456");
    h.Do(Back{});
    CHECK(h.s.screen == Screen::kHome);
    CHECK(h.s.draft.request.phone.empty());
}

TEST_CASE("Appointment: starting again while in the flow keeps what is typed") {
    Harness h;
    h.Do(Start{});
    h.Do(StartAppointment{});
    h.Do(NextStep{});
    h.Do(AddChild{});
    h.Do(StartAppointment{});
    CHECK(h.s.draft.step == Step::kChildren);
    CHECK(h.s.draft.request.child_ages.size() == 1);
}

TEST_CASE("Appointment: no more than 3 chosen activities") {
    Harness h;
    for (const char* id : {"a", "b", "c", "d"}) h.Do(ToggleChosen{id});
    CHECK(h.s.chosen == std::vector<std::string>{"a", "b", "c"});
    h.Do(ToggleChosen{"b"});
    CHECK(h.s.chosen == std::vector<std::string>{"a", "c"});
}

TEST_CASE("Appointment: declining consent sends nothing and forgets the draft") {
    Harness h;
    h.Do(Start{});
    h.Do(StartAppointment{});
    h.Do(SetContactMode{ContactMode::kComeBack});
    h.effects.clear();
    h.Do(DeclineConsent{});
    CHECK_FALSE(h.Has<effect::SubmitRequest>());
    CHECK(h.s.screen == Screen::kHome);
    CHECK(h.s.draft.request.contact == ContactMode::kPhone);
}

TEST_CASE("Appointment: a failed write keeps the draft so the visitor can try again") {
    Harness h;
    h.Do(Start{});
    h.Do(StartAppointment{});
    h.Do(SetContactMode{ContactMode::kComeBack});
    h.Do(GiveConsent{});
    h.Do(SubmitFailed{"disk full"});
    CHECK(h.s.draft.step == Step::kFailed);
    h.effects.clear();
    h.Do(GiveConsent{});
    CHECK(h.Has<effect::SubmitRequest>());
}

TEST_CASE("Interest request: one activity, phone only, fewer steps") {
    Harness h;
    h.Do(Start{});
    h.Do(StartAppointment{"muziek", true});
    CHECK(h.s.draft.request.kind == RequestKind::kInterest);
    CHECK(h.s.draft.request.activity_ids == std::vector<std::string>{"muziek"});
    CHECK(h.s.draft.step == Step::kChildren);
    h.Do(NextStep{});
    h.Do(SetContactMode{ContactMode::kComeBack});
    h.Do(NextStep{});
    CHECK(h.s.draft.step == Step::kContact);  // an interest request needs a number to call
    h.Do(SetContactMode{ContactMode::kPhone});
    for (char k : std::string("+32470123456")) h.Do(action::Keypad{k});
    h.Do(NextStep{});
    h.Do(NextStep{});
    CHECK(h.s.draft.step == Step::kCheck);
    h.Do(NextStep{});
    CHECK(h.s.draft.step == Step::kConsent);
}

TEST_CASE("Appointment: a number from abroad, with its country picked or typed with +") {
    Harness h;
    h.Do(Start{});
    h.Do(StartAppointment{"muziek", true});
    h.Do(NextStep{});
    REQUIRE(h.s.draft.step == Step::kContact);
    for (char k : std::string("0501234567")) h.Do(action::Keypad{k});
    h.Do(NextStep{});
    CHECK(h.s.draft.step == Step::kContact);  // 050... is no Belgian number
    CHECK(h.s.draft.refused);
    h.Do(OpenCountries{});
    CHECK(h.s.draft.countries);
    h.Do(NextStep{});  // the picker is open: Verder waits for a country
    CHECK(h.s.draft.step == Step::kContact);
    h.Do(Back{});  // Terug closes the picker first, the step stays
    CHECK_FALSE(h.s.draft.countries);
    CHECK(h.s.draft.step == Step::kContact);
    h.Do(OpenCountries{});
    h.Do(ChooseCountry{"XX"});  // no such country: nothing changes
    CHECK(h.s.draft.countries);
    h.Do(ChooseCountry{"UA"});
    CHECK_FALSE(h.s.draft.countries);
    CHECK_FALSE(h.s.draft.refused);
    CHECK(h.s.draft.request.phone_country == "UA");
    h.Do(NextStep{});
    h.Do(NextStep{});
    h.Do(NextStep{});
    REQUIRE(h.s.draft.step == Step::kConsent);
    h.effects.clear();
    h.Do(GiveConsent{});
    REQUIRE(h.Has<effect::SubmitRequest>());
    CHECK(h.Find<effect::SubmitRequest>()->request.phone == "+380501234567");
}

TEST_CASE("Appointment: aanpassen on the check opens that step, and Verder or Terug comes back") {
    Harness h;
    h.Do(Start{});
    h.Do(StartAppointment{});
    h.Do(SetContactMode{ContactMode::kComeBack});
    for (int i = 0; i < 6; ++i) h.Do(NextStep{});
    REQUIRE(h.s.draft.step == Step::kCheck);
    h.Do(EditStep{Step::kConsent});  // not something to edit
    CHECK(h.s.draft.step == Step::kCheck);
    h.Do(EditStep{Step::kChildren});
    CHECK(h.s.draft.step == Step::kChildren);
    h.Do(AddChild{});
    h.Do(NextStep{});
    CHECK(h.s.draft.step == Step::kCheck);  // straight back, not through every step after it
    CHECK(h.s.draft.request.child_ages.size() == 1);
    h.Do(EditStep{Step::kContact});
    h.Do(SetContactMode{ContactMode::kPhone});
    h.Do(NextStep{});  // no number now: it stays and says why
    CHECK(h.s.draft.step == Step::kContact);
    CHECK(h.s.draft.refused);
    h.Do(Back{});  // Terug from an edited step is the check too
    CHECK(h.s.draft.step == Step::kCheck);
    CHECK_FALSE(h.s.draft.editing);
    h.Do(NextStep{});  // "Klopt" with a phone and no number: the check says what is missing
    CHECK(h.s.draft.step == Step::kCheck);
    CHECK(h.s.draft.refused);
    h.Do(EditStep{Step::kContact});
    for (char k : std::string("0470123456")) h.Do(action::Keypad{k});
    h.Do(NextStep{});
    h.Do(NextStep{});
    CHECK(h.s.draft.step == Step::kConsent);
}

TEST_CASE("A timeout in the middle of the flow wipes every field") {
    Harness h;
    h.Do(Input{h.clock.Now()});
    h.Do(Start{});
    h.Do(ToggleChosen{"x"});
    h.Do(StartAppointment{"x", false});
    for (char k : std::string("0470123456")) h.Do(action::Keypad{k});
    h.Wait(110s);
    CHECK(h.s.screen == Screen::kAttract);
    CHECK(h.s.draft.request.phone.empty());
    CHECK(h.s.chosen.empty());
}

TEST_CASE("Staff: five quick corner taps, then the PIN, three wrong PINs lock it out") {
    Harness h;
    h.policy.staff_pin = "2468";
    for (int i = 0; i < 4; ++i) {
        h.clock.Advance(1000ms);
        h.Do(CornerTap{h.clock.Now()});
    }
    CHECK(h.s.screen == Screen::kAttract);
    h.clock.Advance(5000ms);  // too slow: the count starts over
    h.Do(CornerTap{h.clock.Now()});
    CHECK(h.s.screen == Screen::kAttract);
    for (int i = 0; i < 4; ++i) h.Do(CornerTap{h.clock.Now()});
    REQUIRE(h.s.screen == Screen::kStaff);
    for (char k : std::string("2469=")) h.Do(StaffPin{k});
    CHECK_FALSE(h.s.staff.unlocked);
    CHECK(h.s.staff.wrong_pins == 1);
    for (char k : std::string("2468=")) h.Do(StaffPin{k});
    CHECK(h.s.staff.unlocked);
    h.Do(StaffClose{});
    CHECK(h.s.screen == Screen::kAttract);
    CHECK_FALSE(h.s.staff.unlocked);

    for (int i = 0; i < 5; ++i) h.Do(CornerTap{h.clock.Now()});
    for (int attempt = 0; attempt < 3; ++attempt)
        for (char k : std::string("0000=")) h.Do(StaffPin{k});
    CHECK(h.s.screen == Screen::kAttract);
}

TEST_CASE("Staff: with no PIN configured, nothing unlocks") {
    Harness h;
    for (int i = 0; i < 5; ++i) h.Do(CornerTap{h.clock.Now()});
    REQUIRE(h.s.screen == Screen::kStaff);
    h.Do(StaffPin{'='});
    CHECK_FALSE(h.s.staff.unlocked);
}

TEST_CASE("Speech: a speaker button says its text, moving on silences, the warning is heard") {
    Harness h;
    h.Do(Input{h.clock.Now()});
    h.Do(Start{});
    h.effects.clear();
    h.Do(Speak{{.dutch = "Wat wil je doen?"}});
    REQUIRE(h.Has<effect::Speak>());
    CHECK(h.Find<effect::Speak>()->text.dutch == "Wat wil je doen?");
    h.effects.clear();
    h.Do(OpenCategory{"sport"});
    CHECK(h.Has<effect::StopAudio>());
    h.Do(StartAppointment{});
    h.effects.clear();
    h.Do(NextStep{});
    CHECK(h.Has<effect::StopAudio>());  // a new step, a new question
    h.effects.clear();
    h.Do(AddChild{});
    CHECK_FALSE(h.Has<effect::StopAudio>());  // same step: keep talking
    h.effects.clear();
    h.Wait(91s);
    CHECK(h.s.warning);
    REQUIRE(h.Has<effect::Speak>());
    CHECK(h.Find<effect::Speak>()->text.dutch == kWarningSpeech);
    CHECK(h.Find<effect::Speak>()->text.key ==
          kWarningSpeechKey);  // so the app says it in the visitor's language
}

TEST_CASE("Language: chosen for the session, kept across screens, gone with the session") {
    Harness h;
    h.Do(Input{h.clock.Now()});
    h.Do(Start{});
    h.Do(OpenLanguages{});
    CHECK(h.s.language_picker);
    h.effects.clear();
    h.Do(ChooseLanguage{"ar"});
    CHECK(h.s.language == "ar");
    CHECK_FALSE(h.s.language_picker);
    CHECK_FALSE(h.Has<effect::StopAudio>());  // the name just tapped is still being said
    h.Do(ToggleSubtitles{});
    CHECK(h.s.subtitles);
    h.Do(OpenCategory{"sport"});
    CHECK(h.s.language == "ar");
    h.Do(StartAppointment{});
    CHECK(h.s.draft.request.language == "ar");  // the callback's language starts as theirs
    h.Wait(91s);
    h.Wait(21s);
    CHECK(h.s.screen == Screen::kAttract);
    CHECK(h.s.language == "nl");
    CHECK_FALSE(h.s.subtitles);
}

TEST_CASE("Language: Dutch has no subtitles, choosing Dutch turns them off") {
    Harness h;
    h.Do(Start{});
    h.Do(ToggleSubtitles{});
    CHECK_FALSE(h.s.subtitles);
    h.Do(ChooseLanguage{"uk"});
    h.Do(ToggleSubtitles{});
    CHECK(h.s.subtitles);
    h.Do(ChooseLanguage{"nl"});
    CHECK_FALSE(h.s.subtitles);
}

TEST_CASE("Volume: a visitor's change lasts their session, staff set the kiosk's") {
    Harness h;
    h.policy.staff_pin = "1234";
    h.Do(Input{h.clock.Now()});
    h.Do(Start{});
    h.effects.clear();
    h.Do(Volume{+10});
    REQUIRE(h.Has<effect::SetVolume>());
    CHECK(h.Find<effect::SetVolume>()->percent == kDefaultVolume + 10);
    CHECK(h.s.volume == kDefaultVolume + 10);
    for (int i = 0; i < 20; ++i) h.Do(Volume{-10});
    CHECK(h.s.volume == kMinVolume);  // never silent
    h.effects.clear();
    h.Do(Home{});
    h.Wait(91s);
    h.Wait(21s);
    CHECK(h.s.volume == kDefaultVolume);
    REQUIRE(h.Has<effect::SetVolume>());
    CHECK(h.Find<effect::SetVolume>()->percent == kDefaultVolume);
    // Only an unlocked staff screen sets the kiosk's volume.
    h.Do(StaffVolume{-20});
    CHECK(h.s.kiosk_volume == kDefaultVolume);
    for (int i = 0; i < 5; ++i) h.Do(CornerTap{h.clock.Now()});
    for (char k : std::string("1234=")) h.Do(StaffPin{k});
    REQUIRE(h.s.staff.unlocked);
    h.Do(StaffVolume{-20});
    CHECK(h.s.kiosk_volume == kDefaultVolume - 20);
    h.Do(StaffClose{});
    CHECK(h.s.volume == kDefaultVolume - 20);  // the next visitor starts at the staff's volume
    CHECK(h.s.kiosk_volume == kDefaultVolume - 20);
}

TEST_CASE("Audio controls pass through as effects") {
    Harness h;
    h.Do(Start{});
    h.effects.clear();
    h.Do(PauseAudio{});
    h.Do(ResumeAudio{});
    h.Do(ReplayAudio{});
    REQUIRE(h.effects.size() == 3);
    CHECK(std::holds_alternative<effect::PauseAudio>(h.effects[0]));
    CHECK(std::holds_alternative<effect::ResumeAudio>(h.effects[1]));
    CHECK(std::holds_alternative<effect::ReplayAudio>(h.effects[2]));
}

TEST_CASE("Speech mode: it starts a session, says how it works, waits longer and a wipe ends it") {
    Harness h;
    h.policy.speech_idle = 240s;
    h.Do(StartSpeech{});
    CHECK(h.s.screen == Screen::kHome);
    CHECK(h.s.speech);
    const auto* said = h.Find<effect::Speak>();
    REQUIRE(said);
    CHECK(said->text.key == kSpeechOnKey);
    // The intro is not cut off by the stop that belongs to leaving the attract screen.
    REQUIRE(h.effects.size() >= 2);
    CHECK(std::holds_alternative<effect::StopAudio>(h.effects.front()));
    CHECK(std::holds_alternative<effect::Speak>(h.effects.back()));
    h.effects.clear();
    h.Wait(100s);
    CHECK_FALSE(h.s.warning);  // the 90 s of sight are not speech mode's
    h.Wait(141s);
    REQUIRE(h.s.warning);
    const auto* warn = h.Find<effect::Speak>();
    REQUIRE(warn);
    CHECK(warn->text.key == kWarningSpeechModeKey);  // "tik twee keer"
    h.Wait(21s);
    CHECK(h.s.screen == Screen::kAttract);
    CHECK_FALSE(h.s.speech);
}

TEST_CASE("Speech mode: Stop voorlezen ends it and says so, and a Speak may name its own language") {
    Harness h;
    h.Do(StartSpeech{});
    h.effects.clear();
    h.Do(StopSpeech{});
    CHECK_FALSE(h.s.speech);
    REQUIRE(h.Find<effect::Speak>());
    CHECK(h.Find<effect::Speak>()->text.key == kSpeechOffKey);
    h.effects.clear();
    h.Do(StopSpeech{});  // not in speech mode: nothing to say
    CHECK(h.effects.empty());
    h.Do(ChooseLanguage{"ar"});
    h.Do(Speak{{.dutch = "Oekraïens", .translated = "Українська"}, "uk"});
    CHECK(h.Find<effect::Speak>()->language == "uk");
    h.Do(Speak{{.dutch = "Sport"}});
    CHECK(h.Find<effect::Speak>()->language == "ar");
}
