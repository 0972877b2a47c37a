// Owns the names a person types or reads for screens and appointment steps (--screen, the frame
// stats, the screenshot script), written once. Standard library only.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "session.h"

namespace brugpunt::core {

const char* NameOf(Screen screen);
const char* NameOf(Step step);
std::optional<Step> StepNamed(std::string_view name);
// Every step, in the order the enum (and a full appointment) has them.
std::span<const Step> AllSteps();

// What --screen accepts: each screen a screenshot can show, and whether it takes ":VALUE".
struct ScreenshotTarget {
    const char* name;
    bool takes_value;
};
std::span<const ScreenshotTarget> ScreenshotTargets();
// The value appointment: takes besides the step names: an interest request.
inline constexpr std::string_view kInterestTarget = "interest";

}  // namespace brugpunt::core
