// Owns the visitor session: which screen, the filters, the back stack and the inactivity timer,
// changed only by the pure Reduce. Standard library only.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "appointment.h"
#include "clock.h"
#include "filter.h"
#include "speech.h"

namespace brugpunt::core {

inline constexpr int kDefaultVolume = 80;
inline constexpr int kMinVolume = 10;  // never silent: the kiosk must be heard

enum class Screen { kAttract, kHome, kList, kDetail, kContact, kCredits, kAppointment, kStaff };

struct SessionPolicy {
    Millis idle{90'000};          // quiet time before "Ben je er nog?"
    Millis warning{20'000};       // countdown shown before the session is wiped
    std::string staff_pin;        // empty: the staff screen cannot be unlocked
    Millis speech_idle{240'000};  // the quiet time in speech mode: listening takes longer
};

// The steps of "Maak een afspraak". An interest request skips the ones it does not need.
// kCheck shows everything once more before the consent sends it.
enum class Step {
    kAbout,
    kChildren,
    kHelp,
    kContact,
    kLanguage,
    kDayParts,
    kCheck,
    kConsent,
    kDone,
    kFailed
};

struct AppointmentDraft {
    AppointmentRequest request;
    Step step = Step::kAbout;
    bool countries = false;  // the phone country picker is open over the keypad
    bool refused = false;    // "Verder" was tapped on a step that is not complete: say why
    bool editing = false;    // a step opened from the check: "Verder" goes back to it
    std::string reference;   // set once the outbox has it on disk
    std::string error;       // why the outbox refused it (kFailed)
};

struct StaffState {
    bool unlocked = false;
    std::string pin;  // digits typed so far
    int wrong_pins = 0;
};

struct Session {
    Screen screen = Screen::kAttract;
    std::vector<Screen> back_stack;
    std::string category;
    std::string activity_id;
    Filter filter;
    TimePoint last_input{};
    bool warning = false;
    int generation = 0;               // bumped on every wipe, so UI-local state keyed to it is dropped too
    std::vector<std::string> chosen;  // up to 3 activities picked with "Kies"
    AppointmentDraft draft;
    StaffState staff;
    std::vector<TimePoint> corner_taps;  // the hidden staff gesture
    // The visitor's language: what speaker buttons say and subtitles show. Dutch stays on screen.
    std::string language = "nl";
    bool language_picker = false;  // the picker is open over the screen
    bool subtitles = false;
    // Loudness in percent: staff set the kiosk's, a visitor may change it for their session only.
    int kiosk_volume = kDefaultVolume;
    int volume = kDefaultVolume;
    // Speech mode: touch to hear, double tap to choose (core/explore.h). A wipe ends it.
    bool speech = false;
};

// The quiet time before "Ben je er nog?" for this session: longer in speech mode.
Millis IdleTime(const Session& session, const SessionPolicy& policy);

// The steps a request of this kind goes through, in order.
std::vector<Step> StepsFor(RequestKind kind);
// Whether the current step is complete enough to go on.
bool StepReady(const AppointmentDraft& draft);

namespace action {
struct Input {
    TimePoint now;
};  // any touch, click or key
struct Tick {
    TimePoint now;
};
struct Start {};
struct OpenCategory {
    std::string id;
};
struct OpenActivity {
    std::string id;
};
struct Back {};
struct Home {};
struct OpenContact {};
struct OpenCredits {};
struct ToggleChip {
    Chip chip;
};
struct SetAge {
    std::optional<int> age;
};  // only this age, or (nullopt) every age
struct ToggleAge {
    int age;
};  // one more child's age, or one less
struct SetTogether {
    bool on;
};  // only what fits all the children at once
struct SetDay {
    std::optional<Weekday> day;
};
struct SetWhen {
    When when;
};  // "Deze week" or "In de vakantie"; the same again turns it off
struct ClearFilters {};
struct MoreTime {
    TimePoint now;
};
// "Maak een afspraak"
struct ToggleChosen {
    std::string id;
};
struct StartAppointment {
    std::string activity_id;
    bool interest = false;
};
struct ToggleAbout {
    std::string id;
};
struct GeneralQuestion {};
struct AddChild {};
struct RemoveChild {};
struct ChildAge {
    int index;
    int delta;
};
struct SetContactMode {
    ContactMode mode;
};
struct Keypad {
    char key;
};  // '0'-'9', '+', or '<' to erase
struct OpenCountries {};
struct ChooseCountry {
    std::string iso;
};  // the country a number without + belongs to
struct SetWhatsApp {
    bool on;
};
struct SetLanguage {
    std::string code;
};
struct SetInterpreter {
    bool on;
};
struct ToggleDayPart {
    DayPart part;
};
struct ToggleHelp {
    Help help;
};
struct NextStep {};
struct EditStep {
    Step step;
};  // "aanpassen" on the check
struct GiveConsent {};
struct DeclineConsent {};
struct SubmitDone {
    std::string reference;
};
struct SubmitFailed {
    std::string error;
};
struct Finish {};
struct PrintCard {};  // "Print je kaartje" on the confirmation
// Staff
struct CornerTap {
    TimePoint now;
};
struct StaffPin {
    char key;
};  // digit, '<' erase, '=' submit
struct StaffClose {};
struct Speak {
    Utterance text;
    std::string language;  // empty: the visitor's (speech mode says a language's name in itself)
};                         // a speaker button
struct OpenLanguages {};
struct CloseLanguages {};
struct ChooseLanguage {
    std::string code;
};  // the visitor's language, for the session
struct ToggleSubtitles {};
struct PauseAudio {};
struct ResumeAudio {};
struct ReplayAudio {};
struct Volume {
    int delta;  // percent, for this session
};
struct StaffVolume {
    int delta;  // percent, for the kiosk
};
// Speech mode on (a three-second hold, or the attract screen's button) or off.
struct StartSpeech {};
struct StopSpeech {};
}  // namespace action

using Action =
    std::variant<action::Input, action::Tick, action::Start, action::OpenCategory, action::OpenActivity,
                 action::Back, action::Home, action::OpenContact, action::OpenCredits, action::ToggleChip,
                 action::SetAge, action::ToggleAge, action::SetTogether, action::SetDay, action::SetWhen,
                 action::ClearFilters, action::MoreTime, action::ToggleChosen, action::StartAppointment,
                 action::ToggleAbout, action::GeneralQuestion, action::AddChild, action::RemoveChild,
                 action::ChildAge, action::SetContactMode, action::Keypad, action::OpenCountries,
                 action::ChooseCountry, action::SetWhatsApp, action::SetLanguage, action::SetInterpreter,
                 action::ToggleDayPart, action::ToggleHelp, action::NextStep, action::EditStep,
                 action::GiveConsent, action::DeclineConsent, action::SubmitDone, action::SubmitFailed,
                 action::Finish, action::PrintCard, action::CornerTap, action::StaffPin, action::StaffClose,
                 action::Speak, action::OpenLanguages, action::CloseLanguages, action::ChooseLanguage,
                 action::ToggleSubtitles, action::PauseAudio, action::ResumeAudio, action::ReplayAudio,
                 action::Volume, action::StaffVolume, action::StartSpeech, action::StopSpeech>;
using Actions = std::vector<Action>;

// What Reduce asks the world to do. Each effect carries its own data, so the session keeps no
// field whose only job is to hand a payload to the dispatcher.
namespace effect {
struct RefreshList {};  // the filter or category changed: run the query again
struct ScrollToTop {};
struct WipeUiState {};  // the session was reset: drop every UI-local field
// Write the request to the outbox, then answer with action::SubmitDone or action::SubmitFailed.
struct SubmitRequest {
    AppointmentRequest request;
};
struct Speak {
    Utterance text;
    std::string language;  // the visitor's language when it was asked for
};
struct StopAudio {};  // the visitor moved on: silence
struct PauseAudio {};
struct ResumeAudio {};
struct ReplayAudio {};
struct SetVolume {
    int percent;  // play at this loudness from now on
};
struct PrintCard {};  // the confirmation's card, to the receipt printer
}  // namespace effect

using Effect = std::variant<effect::RefreshList, effect::ScrollToTop, effect::WipeUiState,
                            effect::SubmitRequest, effect::Speak, effect::StopAudio, effect::PauseAudio,
                            effect::ResumeAudio, effect::ReplayAudio, effect::SetVolume, effect::PrintCard>;

// What the kiosk says when "Ben je er nog?" appears: the warning is heard as well as seen. The
// app reads the key in the visitor's language.
inline constexpr const char* kWarningSpeech = "Ben je er nog? Tik op Meer tijd.";
inline constexpr const char* kWarningSpeechKey = "warning.speech";
// In speech mode the warning says what to do without sight: more time is a double tap anywhere.
inline constexpr const char* kWarningSpeechMode =
    "Ben je er nog? Tik twee keer op het scherm voor meer tijd.";
inline constexpr const char* kWarningSpeechModeKey = "warning.speech_mode";
// What is said when speech mode starts and stops.
inline constexpr const char* kSpeechOn =
    "Voorlezen staat aan. Schuif met je vinger over het scherm: je hoort wat er staat. Tik twee keer "
    "om te kiezen. Veeg naar rechts voor het volgende, naar links voor het vorige. Tik met twee vingers "
    "om te stoppen of opnieuw te horen. Stop voorlezen staat bovenaan.";
inline constexpr const char* kSpeechOnKey = "speech.on";
inline constexpr const char* kSpeechOff = "Voorlezen staat uit.";
inline constexpr const char* kSpeechOffKey = "speech.off";
using Effects = std::vector<Effect>;

// Pure: the new session follows from the old one and the action alone.
void Reduce(Session& session, const Action& action, const SessionPolicy& policy, Effects& effects);

// Whole seconds left on the "Ben je er nog?" countdown (0 when no warning is showing).
int WarningSecondsLeft(const Session& session, TimePoint now, const SessionPolicy& policy);

// When the session next needs a Tick, so an idle frame loop knows how long it may sleep.
// (While the countdown shows, the loop also wakes each second to redraw the number.)
std::optional<TimePoint> NextDeadline(const Session& session, const SessionPolicy& policy);

}  // namespace brugpunt::core
