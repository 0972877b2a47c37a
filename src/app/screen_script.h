// Owns --screenshot's script: the actions a visitor would make to reach a named screen, with a
// made-up visitor and sample activities taken from whatever catalogue is loaded. Pure: no SDL,
// ImGui or files.
#pragma once

#include "core/activity.h"
#include "core/activity_source.h"
#include "core/options.h"
#include "core/result.h"
#include "core/session.h"

namespace brugpunt::app {

struct ScreenScript {
    core::ScreenRequest screen;
    std::string lang = "nl";
    bool subtitles = false;
    std::vector<int> ages;  // a list filtered for these children
    bool together = false;
    core::When when = core::When::kAny;
};

// The sample activities screenshot mode shows: for an appointment, the first activity with places
// free and the most translations (so a subtitled screenshot has something to show) and the next
// one with places in its category; for an interest request, the first with an interest list and
// the most translations. Nothing when the catalogue has none.
std::shared_ptr<const core::Activity> SampleForAppointment(const core::ActivitySource& c);
std::shared_ptr<const core::Activity> SecondChoiceFor(const core::ActivitySource& c,
                                                      const core::Activity& first);
std::shared_ptr<const core::Activity> SampleForInterest(const core::ActivitySource& c);

// c: the catalogue's header (its categories); activities: its activities.
core::Result<core::Actions> ActionsToShow(const ScreenScript& script, const core::Catalogue& c,
                                          const core::ActivitySource& activities,
                                          const core::SessionPolicy& policy, core::TimePoint now);

}  // namespace brugpunt::app
