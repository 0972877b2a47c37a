// Owns the one table of screen and step names. Standard library only.
#include "screen_names.h"

#include <algorithm>
#include <array>

namespace brugpunt::core {
namespace {

struct StepName {
    Step step;
    const char* name;
};
constexpr std::array kSteps = {
    StepName{Step::kAbout, "about"},       StepName{Step::kChildren, "children"},
    StepName{Step::kHelp, "help"},         StepName{Step::kContact, "contact"},
    StepName{Step::kLanguage, "language"}, StepName{Step::kDayParts, "dayparts"},
    StepName{Step::kCheck, "check"},       StepName{Step::kConsent, "consent"},
    StepName{Step::kDone, "done"},         StepName{Step::kFailed, "failed"},
};
constexpr std::array kStepOrder = {Step::kAbout,    Step::kChildren, Step::kHelp,  Step::kContact,
                                   Step::kLanguage, Step::kDayParts, Step::kCheck, Step::kConsent,
                                   Step::kDone,     Step::kFailed};

constexpr std::array kTargets = {
    ScreenshotTarget{"attract", false},    ScreenshotTarget{"home", false},
    ScreenshotTarget{"list", true},        ScreenshotTarget{"detail", true},
    ScreenshotTarget{"contact", false},    ScreenshotTarget{"credits", false},
    ScreenshotTarget{"warning", false},    ScreenshotTarget{"languages", false},
    ScreenshotTarget{"appointment", true}, ScreenshotTarget{"staff", true},
};

}  // namespace

const char* NameOf(Screen screen) {
    switch (screen) {
        case Screen::kAttract:
            return "attract";
        case Screen::kHome:
            return "home";
        case Screen::kList:
            return "list";
        case Screen::kDetail:
            return "detail";
        case Screen::kContact:
            return "contact";
        case Screen::kCredits:
            return "credits";
        case Screen::kAppointment:
            return "appointment";
        case Screen::kStaff:
            return "staff";
    }
    return "?";
}

const char* NameOf(Step step) {
    for (const auto& s : kSteps)
        if (s.step == step) return s.name;
    return "?";
}

std::optional<Step> StepNamed(std::string_view name) {
    for (const auto& s : kSteps)
        if (name == s.name) return s.step;
    return std::nullopt;
}

std::span<const Step> AllSteps() {
    return kStepOrder;
}

std::span<const ScreenshotTarget> ScreenshotTargets() {
    return kTargets;
}

}  // namespace brugpunt::core
