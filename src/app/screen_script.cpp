// Owns the screenshot script. Pure: no SDL, ImGui or files.
#include "screen_script.h"

#include "core/screen_names.h"

namespace brugpunt::app {
namespace {

// The first activity that passes `keep` with the most translations. Reads every activity: only
// screenshot mode asks.
template <class Keep>
std::shared_ptr<const core::Activity> MostTranslated(const core::ActivitySource& c, Keep keep) {
    std::shared_ptr<const core::Activity> best;
    for (size_t i = 0; i < c.Count(); ++i)
        if (auto a = c.At(i); a && keep(*a) && (!best || a->translations.size() > best->translations.size()))
            best = std::move(a);
    return best;
}

bool PlacesFree(const core::Activity& a) {
    return a.availability.status == core::Status::kPlacesFree;
}

}  // namespace

std::shared_ptr<const core::Activity> SampleForAppointment(const core::ActivitySource& c) {
    return MostTranslated(c, PlacesFree);
}

std::shared_ptr<const core::Activity> SecondChoiceFor(const core::ActivitySource& c,
                                                      const core::Activity& first) {
    for (size_t i = 0; i < c.Count(); ++i)
        if (auto a = c.At(i); a && a->id != first.id && a->category == first.category && PlacesFree(*a))
            return a;
    return nullptr;
}

std::shared_ptr<const core::Activity> SampleForInterest(const core::ActivitySource& c) {
    return MostTranslated(c, [](const core::Activity& a) { return a.availability.interest_list; });
}

core::Result<core::Actions> ActionsToShow(const ScreenScript& script, const core::Catalogue& c,
                                          const core::ActivitySource& activities,
                                          const core::SessionPolicy& policy, core::TimePoint now) {
    using namespace core::action;
    const core::ScreenRequest& r = script.screen;
    core::Actions a = {Input{now}};
    if (r.name != "attract") a.push_back(Start{});
    if (script.lang != "nl") a.push_back(ChooseLanguage{script.lang});
    if (script.subtitles) a.push_back(ToggleSubtitles{});
    if (r.name == "list") {
        if (!c.FindCategory(r.arg))
            return core::Error{core::ErrorCode::kNotFound, "unknown category '" + r.arg + "'"};
        a.push_back(OpenCategory{r.arg});
        for (int age : script.ages) a.push_back(ToggleAge{age});
        if (script.together) a.push_back(SetTogether{true});
        if (script.when != core::When::kAny) a.push_back(SetWhen{script.when});
    } else if (r.name == "detail") {
        auto act = activities.Find(r.arg);
        if (!act) return core::Error{core::ErrorCode::kNotFound, "unknown activity '" + r.arg + "'"};
        a.push_back(OpenCategory{act->category});
        a.push_back(OpenActivity{r.arg});
    } else if (r.name == "contact") {
        a.push_back(OpenContact{});
    } else if (r.name == "credits") {
        a.push_back(OpenCredits{});
    } else if (r.name == "appointment") {
        bool interest = r.arg == core::kInterestTarget;
        std::optional<core::Step> step = core::StepNamed(r.arg);
        if (!interest && !step)
            return core::Error{core::ErrorCode::kNotFound, "unknown step '" + r.arg + "'"};
        auto act = interest ? SampleForInterest(activities) : SampleForAppointment(activities);
        if (!act)
            return core::Error{core::ErrorCode::kNotFound,
                               interest ? "the catalogue has no activity with an interest list"
                                        : "the catalogue has no activity with places free"};
        a.push_back(OpenCategory{act->category});
        a.push_back(OpenActivity{act->id});
        if (!interest)
            if (auto second = SecondChoiceFor(activities, *act)) a.push_back(ToggleChosen{second->id});
        a.push_back(StartAppointment{act->id, interest});
        // A made-up visitor: two children, a trial session and someone to go along, a
        // (non-existent) 0470 00 number, Arabic with an interpreter, evenings. Each step is filled in, then
        // left with "Verder", up to the one asked, which is shown filled in as the visitor leaves it.
        for (core::Step s : core::AllSteps()) {
            if (interest || s == core::Step::kConsent) break;
            if (s == core::Step::kChildren) a.insert(a.end(), {AddChild{}, AddChild{}, ChildAge{0, 2}});
            if (s == core::Step::kHelp)
                a.insert(a.end(), {ToggleHelp{core::Help::kTrial}, ToggleHelp{core::Help::kGoAlong}});
            if (s == core::Step::kContact)
                for (char k : std::string("0470000000")) a.push_back(core::action::Keypad{k});
            if (s == core::Step::kLanguage) a.insert(a.end(), {SetLanguage{"ar"}, SetInterpreter{true}});
            if (s == core::Step::kDayParts) a.push_back(ToggleDayPart{core::DayPart::kEvening});
            if (s == *step) break;
            a.push_back(NextStep{});
        }
        if (step == core::Step::kDone) a.push_back(SubmitDone{"K7Q-4XM"});
        if (step == core::Step::kFailed) a.push_back(SubmitFailed{"disk full"});
    } else if (r.name == "staff") {
        if (r.arg != "pin" && r.arg != "status")
            return core::Error{core::ErrorCode::kNotFound, "use staff:pin or staff:status"};
        a.erase(a.begin() + 1);  // no Start: the gesture is on the attract screen
        for (int i = 0; i < 5; ++i) a.push_back(CornerTap{now});
        if (r.arg == "status") {
            if (policy.staff_pin.empty())
                return core::Error{core::ErrorCode::kInvalid, "staff:status needs staff_pin in --config"};
            for (char k : policy.staff_pin) a.push_back(StaffPin{k});
            a.push_back(StaffPin{'='});
        }
    } else if (r.name == "languages") {
        a.push_back(OpenLanguages{});
    } else if (r.name == "warning") {
        if (!c.categories.empty()) a.push_back(OpenCategory{c.categories.front().id});
        // Let the visitor walk away: the last touch was long enough ago for the warning to show.
        auto ago = policy.idle + policy.warning / 4;
        a.front() = Input{now - ago};
        a.push_back(Tick{now});
    }
    return a;
}

}  // namespace brugpunt::app
