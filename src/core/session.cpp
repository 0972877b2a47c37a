// Owns Reduce for the visitor session. Standard library only.
//
// [SECTION] Helpers
// [SECTION] Timer and navigation
// [SECTION] Filters
// [SECTION] Appointment
// [SECTION] Staff
// [SECTION] Language and audio
// [SECTION] Reduce
#include "session.h"

#include <algorithm>

#include "overloaded.h"

namespace brugpunt::core {
namespace {

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

void Push(Session& s, Screen next) {
    if (s.screen != next) s.back_stack.push_back(s.screen);
    s.screen = next;
}

void Wipe(Session& s, Effects& effects) {
    Session fresh;
    fresh.generation = s.generation + 1;
    fresh.kiosk_volume = fresh.volume = s.kiosk_volume;  // the language and the visitor's volume go
    bool volume_changed = s.volume != s.kiosk_volume;
    s = std::move(fresh);
    effects.push_back(effect::WipeUiState{});
    effects.push_back(effect::RefreshList{});
    if (volume_changed) effects.push_back(effect::SetVolume{s.volume});
}

void FilterChanged(Effects& effects) {
    effects.push_back(effect::RefreshList{});
    effects.push_back(effect::ScrollToTop{});
}

bool Toggle(std::vector<std::string>& list, const std::string& id, size_t max) {
    auto it = std::find(list.begin(), list.end(), id);
    if (it != list.end()) {
        list.erase(it);
        return true;
    }
    if (list.size() >= max) return false;
    list.push_back(id);
    return true;
}

// Leaving the flow forgets what was typed: personal data lives no longer than it must.
void LeaveAppointment(Session& s) {
    s.draft = AppointmentDraft{};
}

void GoHome(Session& s) {
    if (s.screen == Screen::kAppointment) LeaveAppointment(s);
    s.back_stack.clear();
    s.screen = Screen::kHome;
}

void Pop(Session& s) {
    if (s.screen == Screen::kAppointment) LeaveAppointment(s);
    if (s.back_stack.empty()) {
        s.screen = s.screen == Screen::kHome ? Screen::kAttract : Screen::kHome;
        return;
    }
    s.screen = s.back_stack.back();
    s.back_stack.pop_back();
}

void StepBack(Session& s) {
    AppointmentDraft& d = s.draft;
    auto steps = StepsFor(d.request.kind);
    auto it = std::find(steps.begin(), steps.end(), d.step);
    if (d.countries) {  // the country picker closes first
        d.countries = false;
        return;
    }
    d.refused = false;
    if (d.editing) {  // a step opened from the check goes back to the check
        d.editing = false;
        d.step = Step::kCheck;
        return;
    }
    if (d.step == Step::kDone || d.step == Step::kFailed || it == steps.end() || it == steps.begin()) {
        Pop(s);
        return;
    }
    d.step = *(it - 1);
}

// Each concern is one set of overloads; Reduce visits the action with all of them at once.
struct Rules {
    Session& s;
    const SessionPolicy& policy;
    Effects& effects;
};

//-----------------------------------------------------------------------------
// [SECTION] Timer and navigation
//-----------------------------------------------------------------------------

struct Navigation : Rules {
    void operator()(const action::Input& a) const {
        // While the warning is up only "Meer tijd" keeps the session, so a stray touch behind the
        // dialog cannot silently extend it.
        if (!s.warning) s.last_input = a.now;
    }
    void operator()(const action::Tick& a) const {
        if (s.screen == Screen::kAttract) return;
        auto quiet = a.now - s.last_input;
        if (quiet >= IdleTime(s, policy) + policy.warning)
            Wipe(s, effects);
        else if (quiet >= IdleTime(s, policy))
            s.warning = true;
    }
    void operator()(const action::MoreTime& a) const {
        s.warning = false;
        s.last_input = a.now;
    }
    void operator()(const action::Start&) const {
        if (s.screen == Screen::kAttract) s.screen = Screen::kHome;
    }
    void operator()(const action::OpenCategory& a) const {
        Push(s, Screen::kList);
        s.category = a.id;
        s.filter.category = a.id;
        FilterChanged(effects);
    }
    void operator()(const action::OpenActivity& a) const {
        Push(s, Screen::kDetail);
        s.activity_id = a.id;
    }
    void operator()(const action::Back&) const {
        if (s.screen == Screen::kAppointment)
            StepBack(s);
        else
            Pop(s);
    }
    void operator()(const action::Home&) const { GoHome(s); }
    void operator()(const action::OpenContact&) const { Push(s, Screen::kContact); }
    void operator()(const action::OpenCredits&) const { Push(s, Screen::kCredits); }
};

//-----------------------------------------------------------------------------
// [SECTION] Filters
//-----------------------------------------------------------------------------

struct Filters : Rules {
    void operator()(const action::ToggleChip& a) const {
        s.filter.SetChip(a.chip, !s.filter.Chip(a.chip));
        FilterChanged(effects);
    }
    void operator()(const action::SetAge& a) const {
        s.filter.ages.clear();
        s.filter.together = false;
        if (a.age) s.filter.ages.push_back(*a.age);
        FilterChanged(effects);
    }
    void operator()(const action::ToggleAge& a) const {
        AddOrRemoveAge(s.filter, a.age);
        FilterChanged(effects);
    }
    void operator()(const action::SetTogether& a) const {
        s.filter.together = a.on && s.filter.ages.size() >= 2;
        FilterChanged(effects);
    }
    void operator()(const action::SetDay& a) const {
        s.filter.day = a.day;
        FilterChanged(effects);
    }
    void operator()(const action::SetWhen& a) const {
        s.filter.when = s.filter.when == a.when ? When::kAny : a.when;
        FilterChanged(effects);
    }
    void operator()(const action::ClearFilters&) const {
        s.filter = Filter{.category = s.category};
        FilterChanged(effects);
    }
};

//-----------------------------------------------------------------------------
// [SECTION] Appointment
//-----------------------------------------------------------------------------

struct Appointment : Rules {
    AppointmentRequest& Request() const { return s.draft.request; }

    void operator()(const action::ToggleChosen& a) const { Toggle(s.chosen, a.id, kMaxChosenActivities); }

    void operator()(const action::StartAppointment& a) const {
        if (s.screen == Screen::kAppointment && !a.interest) return;  // keep what is typed
        if (s.screen == Screen::kAppointment) LeaveAppointment(s);
        Push(s, Screen::kAppointment);
        s.draft = AppointmentDraft{};
        AppointmentRequest& r = Request();
        r.language = s.language;  // the language they already picked is a good guess
        if (a.interest) {
            r.kind = RequestKind::kInterest;
            r.activity_ids = {a.activity_id};
        } else {
            bool known = std::find(s.chosen.begin(), s.chosen.end(), a.activity_id) != s.chosen.end();
            if (!a.activity_id.empty() && !known) Toggle(s.chosen, a.activity_id, kMaxChosenActivities);
            r.activity_ids = s.chosen;
        }
        s.draft.step = StepsFor(r.kind).front();
    }
    void operator()(const action::ToggleAbout& a) const {
        Toggle(Request().activity_ids, a.id, kMaxChosenActivities);
    }
    void operator()(const action::GeneralQuestion&) const { Request().activity_ids.clear(); }
    void operator()(const action::AddChild&) const {
        auto& ages = Request().child_ages;
        if (ages.size() < static_cast<size_t>(kMaxChildren)) ages.push_back(ages.empty() ? 6 : ages.back());
    }
    void operator()(const action::RemoveChild&) const {
        if (!Request().child_ages.empty()) Request().child_ages.pop_back();
    }
    void operator()(const action::ChildAge& a) const {
        auto& ages = Request().child_ages;
        if (a.index >= 0 && a.index < static_cast<int>(ages.size()))
            ages[a.index] = std::clamp(ages[a.index] + a.delta, 0, 25);
    }
    void operator()(const action::SetContactMode& a) const {
        Request().contact = a.mode;
        s.draft.refused = false;
    }
    void operator()(const action::Keypad& a) const {
        std::string& phone = Request().phone;
        s.draft.refused = false;
        if (a.key == '<') {
            if (!phone.empty()) phone.pop_back();
        } else if (phone.size() < 18 && ((a.key >= '0' && a.key <= '9') || (a.key == '+' && phone.empty()))) {
            phone += a.key;
        }
    }
    void operator()(const action::OpenCountries&) const {
        if (s.screen == Screen::kAppointment && s.draft.step == Step::kContact) s.draft.countries = true;
    }
    void operator()(const action::ChooseCountry& a) const {
        if (!FindPhoneCountry(a.iso)) return;
        Request().phone_country = a.iso;
        s.draft.countries = false;
        s.draft.refused = false;
    }
    void operator()(const action::SetWhatsApp& a) const { Request().whatsapp = a.on; }
    void operator()(const action::SetLanguage& a) const { Request().language = a.code; }
    void operator()(const action::SetInterpreter& a) const { Request().interpreter = a.on; }
    void operator()(const action::ToggleDayPart& a) const {
        bool& part = Request().day_parts[static_cast<int>(a.part)];
        part = !part;
    }
    void operator()(const action::ToggleHelp& a) const {
        int i = static_cast<int>(a.help);
        if (i >= 0 && i < kHelpCount) Request().help[i] = !Request().help[i];
    }
    void operator()(const action::NextStep&) const {
        if (s.screen != Screen::kAppointment || s.draft.countries) return;
        if (!StepReady(s.draft)) {
            s.draft.refused = true;  // the step says why, on screen and spoken
            return;
        }
        s.draft.refused = false;
        if (s.draft.editing) {
            s.draft.editing = false;
            s.draft.step = Step::kCheck;
            return;
        }
        auto steps = StepsFor(Request().kind);
        auto it = std::find(steps.begin(), steps.end(), s.draft.step);
        if (it != steps.end() && it + 1 != steps.end()) s.draft.step = *(it + 1);
    }
    void operator()(const action::EditStep& a) const {
        if (s.screen != Screen::kAppointment || s.draft.step != Step::kCheck) return;
        auto steps = StepsFor(Request().kind);
        if (std::find(steps.begin(), steps.end(), a.step) == steps.end() || a.step == Step::kCheck ||
            a.step == Step::kConsent)
            return;
        s.draft.step = a.step;
        s.draft.editing = true;
    }
    void operator()(const action::GiveConsent&) const {
        AppointmentRequest& r = Request();
        if (s.screen != Screen::kAppointment) return;
        r.consent = true;
        if (!MissingFields(r).empty()) return;
        if (r.contact == ContactMode::kPhone)
            r.phone = *RequestPhone(r);
        else
            r.phone.clear();
        effects.push_back(effect::SubmitRequest{r});
    }
    void operator()(const action::DeclineConsent&) const { GoHome(s); }
    void operator()(const action::SubmitDone& a) const {
        // The outbox has it on disk; the kiosk's memory keeps only what the screen needs.
        AppointmentRequest kept;
        kept.kind = Request().kind;
        kept.contact = Request().contact;
        kept.activity_ids = Request().activity_ids;  // the card to take home names them (no personal data)
        Request() = kept;
        s.draft.reference = a.reference;
        s.draft.step = Step::kDone;
    }
    void operator()(const action::SubmitFailed& a) const {
        s.draft.error = a.error;
        s.draft.step = Step::kFailed;
    }
    void operator()(const action::Finish&) const { GoHome(s); }
    // Only the confirmation has a card to print; a stray tap elsewhere prints nothing.
    void operator()(const action::PrintCard&) const {
        if (s.screen == Screen::kAppointment && s.draft.step == Step::kDone)
            effects.push_back(effect::PrintCard{});
    }
};

//-----------------------------------------------------------------------------
// [SECTION] Staff
//-----------------------------------------------------------------------------

struct Staff : Rules {
    void operator()(const action::CornerTap& a) const {
        if (s.screen != Screen::kAttract) return;
        auto& taps = s.corner_taps;
        std::erase_if(taps, [&](TimePoint t) { return a.now - t > Millis(3000); });
        taps.push_back(a.now);
        if (taps.size() < 5) return;
        taps.clear();
        s.staff = StaffState{};
        s.last_input = a.now;
        Push(s, Screen::kStaff);
    }
    void operator()(const action::StaffPin& a) const {
        StaffState& st = s.staff;
        if (s.screen != Screen::kStaff || st.unlocked) return;
        if (a.key == '<') {
            if (!st.pin.empty()) st.pin.pop_back();
        } else if (a.key == '=') {
            if (!policy.staff_pin.empty() && st.pin == policy.staff_pin) {
                st.unlocked = true;
            } else if (++st.wrong_pins >= 3) {
                Wipe(s, effects);
                return;
            }
            st.pin.clear();
        } else if (a.key >= '0' && a.key <= '9' && st.pin.size() < 8) {
            st.pin += a.key;
        }
    }
    void operator()(const action::StaffClose&) const { Wipe(s, effects); }
    void operator()(const action::StaffVolume& a) const {
        if (s.screen != Screen::kStaff || !s.staff.unlocked) return;
        s.kiosk_volume = s.volume = std::clamp(s.kiosk_volume + a.delta, kMinVolume, 100);
        effects.push_back(effect::SetVolume{s.volume});
    }
};

//-----------------------------------------------------------------------------
// [SECTION] Language and audio
//-----------------------------------------------------------------------------

struct LanguageAndAudio : Rules {
    void operator()(const action::Speak& a) const {
        effects.push_back(effect::Speak{a.text, a.language.empty() ? s.language : a.language});
    }
    void operator()(const action::OpenLanguages&) const { s.language_picker = true; }
    void operator()(const action::CloseLanguages&) const { s.language_picker = false; }
    void operator()(const action::ChooseLanguage& a) const {
        s.language = a.code;
        s.language_picker = false;
        if (a.code == "nl") s.subtitles = false;
    }
    void operator()(const action::ToggleSubtitles&) const {
        s.subtitles = !s.subtitles && s.language != "nl";
    }
    void operator()(const action::PauseAudio&) const { effects.push_back(effect::PauseAudio{}); }
    void operator()(const action::ResumeAudio&) const { effects.push_back(effect::ResumeAudio{}); }
    void operator()(const action::ReplayAudio&) const { effects.push_back(effect::ReplayAudio{}); }
    void operator()(const action::Volume& a) const {
        s.volume = std::clamp(s.volume + a.delta, kMinVolume, 100);
        effects.push_back(effect::SetVolume{s.volume});
    }
    // Speech mode starts a session where there is none, and says how it works; a wipe ends it.
    void operator()(const action::StartSpeech&) const {
        if (s.screen == Screen::kAttract) s.screen = Screen::kHome;
        s.speech = true;
        s.language_picker = false;
        effects.push_back(effect::Speak{Utterance{.dutch = kSpeechOn, .key = kSpeechOnKey}, s.language});
    }
    void operator()(const action::StopSpeech&) const {
        if (!s.speech) return;
        s.speech = false;
        effects.push_back(effect::StopAudio{});
        effects.push_back(effect::Speak{Utterance{.dutch = kSpeechOff, .key = kSpeechOffKey}, s.language});
    }
};

}  // namespace

std::vector<Step> StepsFor(RequestKind kind) {
    if (kind == RequestKind::kInterest)
        return {Step::kChildren, Step::kContact, Step::kLanguage, Step::kCheck, Step::kConsent};
    return {Step::kAbout,    Step::kChildren, Step::kHelp,  Step::kContact,
            Step::kLanguage, Step::kDayParts, Step::kCheck, Step::kConsent};
}

bool StepReady(const AppointmentDraft& d) {
    const AppointmentRequest& r = d.request;
    switch (d.step) {
        case Step::kAbout:
            return r.activity_ids.size() <= static_cast<size_t>(kMaxChosenActivities);
        case Step::kContact:
            if (r.contact == ContactMode::kComeBack) return r.kind == RequestKind::kAppointment;
            return RequestPhone(r).has_value();
        case Step::kLanguage:
            return !r.language.empty();
        case Step::kCheck: {  // everything but the consent, which is the next step
            auto missing = MissingFields(r);
            return std::all_of(missing.begin(), missing.end(), [](const auto& f) { return f == "consent"; });
        }
        default:
            return true;
    }
}

//-----------------------------------------------------------------------------
// [SECTION] Reduce
//-----------------------------------------------------------------------------

void Reduce(Session& s, const Action& action, const SessionPolicy& policy, Effects& effects) {
    const Screen screen_before = s.screen;
    const Step step_before = s.draft.step;
    const bool warning_before = s.warning;
    const int generation_before = s.generation;
    const size_t effects_before = effects.size();
    const Rules r{s, policy, effects};
    std::visit(Overloaded{Navigation{r}, Filters{r}, Appointment{r}, Staff{r}, LanguageAndAudio{r}}, action);
    // Whatever was playing belongs to the screen the visitor just left.
    bool moved =
        s.screen != screen_before || s.draft.step != step_before || s.generation != generation_before;
    // It stops before what this action says itself (speech mode's first words on a new screen).
    if (moved) effects.insert(effects.begin() + effects_before, effect::StopAudio{});
    if (s.warning && !warning_before) {
        Utterance warn = s.speech ? Utterance{.dutch = kWarningSpeechMode, .key = kWarningSpeechModeKey}
                                  : Utterance{.dutch = kWarningSpeech, .key = kWarningSpeechKey};
        effects.push_back(effect::Speak{warn, s.language});
    }
}

Millis IdleTime(const Session& s, const SessionPolicy& policy) {
    return s.speech ? std::max(policy.speech_idle, policy.idle) : policy.idle;
}

int WarningSecondsLeft(const Session& s, TimePoint now, const SessionPolicy& policy) {
    if (!s.warning) return 0;
    auto left = s.last_input + IdleTime(s, policy) + policy.warning - now;
    auto ms = std::chrono::duration_cast<Millis>(left).count();
    return ms <= 0 ? 0 : static_cast<int>((ms + 999) / 1000);
}

std::optional<TimePoint> NextDeadline(const Session& s, const SessionPolicy& policy) {
    if (s.screen == Screen::kAttract) return std::nullopt;
    if (!s.warning) return s.last_input + IdleTime(s, policy);
    return s.last_input + IdleTime(s, policy) + policy.warning;
}

}  // namespace brugpunt::core
