// A small valid catalogue built in code, for core tests that must not depend on the store.
#pragma once

#include "core/activity.h"

namespace brugpunt::testing {

inline core::Activity ValidActivity(std::string id, std::string category = "sport") {
    using namespace core;
    Activity a;
    a.id = std::move(id);
    a.category = std::move(category);
    a.title = "Voetbal voor kinderen";
    a.summary = "Je kind leert voetballen. De trainer is geduldig.";
    a.pictograms = {"soccer"};
    a.photo = "pictogram:soccer";
    a.organiser = "VK Test";
    a.first_visit = {"Aan de kantine.", "Trainer Lies.", "Sportkleren.", "Je kind speelt mee."};
    a.price = {9500, "per seizoen", 1900, {"UiTPAS"}, "Vraag het aan de balie.", true, "Schoenen te leen."};
    a.availability = {Status::kPlacesFree, true, {2026, 8, 15}, {2027, 6, 30}, std::nullopt, false, 3};
    a.location = {"Veld", "Straat 1, 9999 Test", 51.0, 3.7, {"bus 1"}, "pictogram:office"};
    a.schedule = {{Weekday::kWed}, "14:00", "15:00", "september tot juni", false};
    a.audience = {6,    8,    ForWhom::kMixed,  DutchNeeded::kNone, Signup::kRegistration, false, true,
                  true, true, "Neem water mee."};
    a.contact = {"Sara", "pictogram:raise-hand", {"nl", "fr"}, "09 000 13 01"};
    a.last_checked = {2026, 11, 2};
    return a;
}

inline core::Catalogue ValidCatalogue() {
    core::Catalogue c;
    c.municipality = "Testdonk";
    c.version = 7;
    c.desk = {"Balie", "09 000 00 00", "Markt 1", {"ma-vr 9-12"}};
    c.categories = {{"sport", "Sport", "soccer"}, {"taal", "Taal", "speaking"}};
    c.activities = {ValidActivity("a-one"), ValidActivity("a-two", "taal")};
    return c;
}

// The activity with every field a source may leave out unknown, as an import that was told nothing.
inline void MakeEverythingUnknown(core::Activity& a) {
    a.price.cents.reset();
    a.price.social_cents.reset();
    a.availability.status.reset();
    a.availability.trial_possible.reset();
    a.audience.dutch.reset();
    a.audience.signup.reset();
    a.audience.childcare.reset();
    a.audience.wheelchair.reset();
}

}  // namespace brugpunt::testing
