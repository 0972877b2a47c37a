// Owns Reduce for the visitor session. Standard library only.
#include "session.h"

#include <algorithm>

namespace brugpunt::core {
namespace {

template <class... Fs>
struct Overloaded : Fs... {
    using Fs::operator()...;
};
template <class... Fs>
Overloaded(Fs...) -> Overloaded<Fs...>;

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
    effects.push_back(Effect::kWipeUiState);
    effects.push_back(Effect::kRefreshList);
    if (volume_changed) effects.push_back(Effect::kSetVolume);
}

void FilterChanged(Effects& effects) {
    effects.push_back(Effect::kRefreshList);
    effects.push_back(Effect::kScrollToTop);
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
    if (d.step == Step::kDone || d.step == Step::kFailed || it == steps.end() || it == steps.begin()) {
        Pop(s);
        return;
    }
    d.step = *(it - 1);
}

}  // namespace

std::vector<Step> StepsFor(RequestKind kind) {
    if (kind == RequestKind::kInterest)
        return {Step::kChildren, Step::kContact, Step::kLanguage, Step::kConsent};
    return {Step::kAbout, Step::kChildren, Step::kContact, Step::kLanguage, Step::kDayParts, Step::kConsent};
}

bool StepReady(const AppointmentDraft& d) {
    const AppointmentRequest& r = d.request;
    switch (d.step) {
        case Step::kAbout:
            return r.activity_ids.size() <= static_cast<size_t>(kMaxChosenActivities);
        case Step::kContact:
            if (r.contact == ContactMode::kComeBack) return r.kind == RequestKind::kAppointment;
            return NormalizeBelgianPhone(r.phone).has_value();
        case Step::kLanguage:
            return !r.language.empty();
        default:
            return true;
    }
}

void Reduce(Session& s, const Action& action, const SessionPolicy& policy, Effects& effects) {
    const Screen screen_before = s.screen;
    const Step step_before = s.draft.step;
    const bool warning_before = s.warning;
    const int generation_before = s.generation;
    std::visit(Overloaded{
                   [&](const action::Input& a) {
                       // While the warning is up only "Meer tijd" keeps the session, so a stray touch
                       // behind the dialog cannot silently extend it.
                       if (!s.warning) s.last_input = a.now;
                   },
                   [&](const action::Tick& a) {
                       if (s.screen == Screen::kAttract) return;
                       auto quiet = a.now - s.last_input;
                       if (quiet >= policy.idle + policy.warning)
                           Wipe(s, effects);
                       else if (quiet >= policy.idle)
                           s.warning = true;
                   },
                   [&](const action::Start&) {
                       if (s.screen == Screen::kAttract) s.screen = Screen::kHome;
                   },
                   [&](const action::OpenCategory& a) {
                       Push(s, Screen::kList);
                       s.category = a.id;
                       s.filter.category = a.id;
                       FilterChanged(effects);
                   },
                   [&](const action::OpenActivity& a) {
                       Push(s, Screen::kDetail);
                       s.activity_id = a.id;
                   },
                   [&](const action::Back&) {
                       if (s.screen == Screen::kAppointment)
                           StepBack(s);
                       else
                           Pop(s);
                   },
                   [&](const action::Home&) { GoHome(s); },
                   [&](const action::OpenContact&) { Push(s, Screen::kContact); },
                   [&](const action::OpenCredits&) { Push(s, Screen::kCredits); },
                   [&](const action::ToggleChip& a) {
                       s.filter.SetChip(a.chip, !s.filter.Chip(a.chip));
                       FilterChanged(effects);
                   },
                   [&](const action::SetAge& a) {
                       s.filter.age = a.age;
                       FilterChanged(effects);
                   },
                   [&](const action::SetDay& a) {
                       s.filter.day = a.day;
                       FilterChanged(effects);
                   },
                   [&](const action::ClearFilters&) {
                       s.filter = Filter{.category = s.category};
                       FilterChanged(effects);
                   },
                   [&](const action::MoreTime& a) {
                       s.warning = false;
                       s.last_input = a.now;
                   },
                   [&](const action::ToggleChosen& a) { Toggle(s.chosen, a.id, kMaxChosenActivities); },
                   [&](const action::StartAppointment& a) {
                       if (s.screen == Screen::kAppointment && !a.interest) return;  // keep what is typed
                       if (s.screen == Screen::kAppointment) LeaveAppointment(s);
                       Push(s, Screen::kAppointment);
                       s.draft = AppointmentDraft{};
                       AppointmentRequest& r = s.draft.request;
                       r.language = s.language;  // the language they already picked is a good guess
                       if (a.interest) {
                           r.kind = RequestKind::kInterest;
                           r.activity_ids = {a.activity_id};
                       } else {
                           bool known =
                               std::find(s.chosen.begin(), s.chosen.end(), a.activity_id) != s.chosen.end();
                           if (!a.activity_id.empty() && !known)
                               Toggle(s.chosen, a.activity_id, kMaxChosenActivities);
                           r.activity_ids = s.chosen;
                       }
                       s.draft.step = StepsFor(r.kind).front();
                   },
                   [&](const action::ToggleAbout& a) {
                       Toggle(s.draft.request.activity_ids, a.id, kMaxChosenActivities);
                   },
                   [&](const action::GeneralQuestion&) { s.draft.request.activity_ids.clear(); },
                   [&](const action::AddChild&) {
                       auto& ages = s.draft.request.child_ages;
                       if (ages.size() < static_cast<size_t>(kMaxChildren))
                           ages.push_back(ages.empty() ? 6 : ages.back());
                   },
                   [&](const action::RemoveChild&) {
                       if (!s.draft.request.child_ages.empty()) s.draft.request.child_ages.pop_back();
                   },
                   [&](const action::ChildAge& a) {
                       auto& ages = s.draft.request.child_ages;
                       if (a.index >= 0 && a.index < static_cast<int>(ages.size()))
                           ages[a.index] = std::clamp(ages[a.index] + a.delta, 0, 25);
                   },
                   [&](const action::SetContactMode& a) { s.draft.request.contact = a.mode; },
                   [&](const action::Keypad& a) {
                       std::string& phone = s.draft.request.phone;
                       if (a.key == '<') {
                           if (!phone.empty()) phone.pop_back();
                       } else if (phone.size() < 16 &&
                                  ((a.key >= '0' && a.key <= '9') || (a.key == '+' && phone.empty()))) {
                           phone += a.key;
                       }
                   },
                   [&](const action::SetWhatsApp& a) { s.draft.request.whatsapp = a.on; },
                   [&](const action::SetLanguage& a) { s.draft.request.language = a.code; },
                   [&](const action::SetInterpreter& a) { s.draft.request.interpreter = a.on; },
                   [&](const action::ToggleDayPart& a) {
                       bool& part = s.draft.request.day_parts[static_cast<int>(a.part)];
                       part = !part;
                   },
                   [&](const action::NextStep&) {
                       if (s.screen != Screen::kAppointment || !StepReady(s.draft)) return;
                       auto steps = StepsFor(s.draft.request.kind);
                       auto it = std::find(steps.begin(), steps.end(), s.draft.step);
                       if (it != steps.end() && it + 1 != steps.end()) s.draft.step = *(it + 1);
                   },
                   [&](const action::GiveConsent&) {
                       AppointmentRequest& r = s.draft.request;
                       if (s.screen != Screen::kAppointment) return;
                       r.consent = true;
                       if (!MissingFields(r).empty()) return;
                       if (r.contact == ContactMode::kPhone)
                           r.phone = *NormalizeBelgianPhone(r.phone);
                       else
                           r.phone.clear();
                       effects.push_back(Effect::kSubmitRequest);
                   },
                   [&](const action::DeclineConsent&) { GoHome(s); },
                   [&](const action::SubmitDone& a) {
                       // The outbox has it on disk; the kiosk's memory keeps only what the screen needs.
                       AppointmentRequest kept;
                       kept.kind = s.draft.request.kind;
                       kept.contact = s.draft.request.contact;
                       s.draft.request = kept;
                       s.draft.reference = a.reference;
                       s.draft.step = Step::kDone;
                   },
                   [&](const action::SubmitFailed& a) {
                       s.draft.error = a.error;
                       s.draft.step = Step::kFailed;
                   },
                   [&](const action::Finish&) { GoHome(s); },
                   [&](const action::CornerTap& a) {
                       if (s.screen != Screen::kAttract) return;
                       auto& taps = s.corner_taps;
                       std::erase_if(taps, [&](TimePoint t) { return a.now - t > Millis(3000); });
                       taps.push_back(a.now);
                       if (taps.size() < 5) return;
                       taps.clear();
                       s.staff = StaffState{};
                       s.last_input = a.now;
                       Push(s, Screen::kStaff);
                   },
                   [&](const action::StaffPin& a) {
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
                   },
                   [&](const action::StaffClose&) { Wipe(s, effects); },
                   [&](const action::Speak& a) {
                       s.speech = a.text;
                       effects.push_back(Effect::kSpeak);
                   },
                   [&](const action::OpenLanguages&) { s.language_picker = true; },
                   [&](const action::CloseLanguages&) { s.language_picker = false; },
                   [&](const action::ChooseLanguage& a) {
                       s.language = a.code;
                       s.language_picker = false;
                       if (a.code == "nl") s.subtitles = false;
                   },
                   [&](const action::ToggleSubtitles&) { s.subtitles = !s.subtitles && s.language != "nl"; },
                   [&](const action::PauseAudio&) { effects.push_back(Effect::kPauseAudio); },
                   [&](const action::ResumeAudio&) { effects.push_back(Effect::kResumeAudio); },
                   [&](const action::ReplayAudio&) { effects.push_back(Effect::kReplayAudio); },
                   [&](const action::Volume& a) {
                       s.volume = std::clamp(s.volume + a.delta, kMinVolume, 100);
                       effects.push_back(Effect::kSetVolume);
                   },
                   [&](const action::StaffVolume& a) {
                       if (s.screen != Screen::kStaff || !s.staff.unlocked) return;
                       s.kiosk_volume = s.volume = std::clamp(s.kiosk_volume + a.delta, kMinVolume, 100);
                       effects.push_back(Effect::kSetVolume);
                   },
               },
               action);
    // Whatever was playing belongs to the screen the visitor just left.
    bool moved =
        s.screen != screen_before || s.draft.step != step_before || s.generation != generation_before;
    if (moved) effects.push_back(Effect::kStopAudio);
    if (s.warning && !warning_before) {
        s.speech = Utterance{.dutch = kWarningSpeech, .key = kWarningSpeechKey};
        effects.push_back(Effect::kSpeak);
    }
}

int WarningSecondsLeft(const Session& s, TimePoint now, const SessionPolicy& policy) {
    if (!s.warning) return 0;
    auto left = s.last_input + policy.idle + policy.warning - now;
    auto ms = std::chrono::duration_cast<Millis>(left).count();
    return ms <= 0 ? 0 : static_cast<int>((ms + 999) / 1000);
}

std::optional<TimePoint> NextDeadline(const Session& s, const SessionPolicy& policy) {
    if (s.screen == Screen::kAttract) return std::nullopt;
    if (!s.warning) return s.last_input + policy.idle;
    return s.last_input + policy.idle + policy.warning;
}

}  // namespace brugpunt::core
