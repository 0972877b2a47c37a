// Owns the catalogue domain: an activity with its seven-B fields, categories and the desk.
// Standard library only; parsing lives in store, drawing in ui.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "date.h"

namespace brugpunt::core {

// bekend + begrijpbaar: the fear of "I arrive and I find nobody".
struct FirstVisit {
    std::string where;          // where to go, precisely
    std::string who_meets_you;  // a person, by name or role
    std::string what_to_bring;
    std::string what_happens;

    bool operator==(const FirstVisit&) const = default;
};

// Unknown is a value: a field that a source may leave empty is optional, and nothing (std::nullopt)
// means nobody said. The kiosk shows it as "vraag het aan de balie", never as no, free or none.

// betaalbaar. Money is in euro cents so "gratis" is exactly 0.
struct Price {
    std::optional<int> cents;
    std::string period;  // "per jaar", "per keer", ...
    std::optional<int> social_cents;
    std::vector<std::string> passes;  // "UiTPAS", "kansenpas", ...
    std::string how_to_get_pass;
    bool material_available = false;
    std::string material_note;

    bool operator==(const Price&) const = default;
};

enum class Status { kPlacesFree, kWaitingList, kFull };

// beschikbaar.
struct Availability {
    std::optional<Status> status;
    std::optional<bool> trial_possible;
    Date registration_from;
    Date registration_to;
    std::optional<Date> reopens_on;  // "De inschrijving gaat weer open op ..."
    bool interest_list = false;      // "tell me when it opens"
    int social_places = 0;           // places reserved for the social tariff

    bool operator==(const Availability&) const = default;
};

// bereikbaar.
struct Location {
    std::string name;
    std::string address;
    double lat = 0;
    double lon = 0;
    std::vector<std::string> transit;  // "bus 12 (halte Marktplein)"
    std::string entrance_photo;

    bool operator==(const Location&) const = default;
};

// One dated time an activity takes place: a day, one date of a series, or a camp of several days.
struct Occurrence {
    Date first;
    Date last;          // == first for a single day
    std::string start;  // "14:00"; empty: the source gave no time
    std::string end;

    bool operator==(const Occurrence&) const = default;
};

// A Flemish school holiday, from the catalogue's table (brugpunt-catalogue holidays).
struct Holiday {
    std::string name;  // "kerstvakantie"
    Date first;
    Date last;

    bool operator==(const Holiday&) const = default;
};

struct Schedule {
    std::vector<Weekday> days;
    std::string start;  // "18:00"
    std::string end;
    std::string season;  // "september tot juni"
    bool in_school_hours = false;
    // The last day it takes place; nothing: it goes on. Past it, the kiosk stops showing it.
    std::optional<Date> last_date;
    // Dated occurrences, in order. With them, the activity takes place on these dates only (the
    // weekdays are the days they fall on); without them, every week on `days`.
    std::vector<Occurrence> dates;

    bool operator==(const Schedule&) const = default;
};

enum class ForWhom { kMixed, kGirlsWomen, kBoysMen };
enum class DutchNeeded { kNone, kALittle, kGood };
enum class Signup { kWalkIn, kRegistration };

// bruikbaar.
struct Audience {
    int age_min = 0;
    int age_max = 99;
    ForWhom for_whom = ForWhom::kMixed;
    std::optional<DutchNeeded> dutch;
    std::optional<Signup> signup;
    std::optional<bool> childcare;
    bool children_welcome = false;  // shown only when true: its absence claims nothing
    std::optional<bool> wheelchair;
    bool alcohol_free = false;
    std::string food_notes;
    // UiTdatabank's taaliconen, 1 (almost no Dutch) to 4 (good Dutch), where the source has them.
    std::optional<int> dutch_icons;
    // A good chance to practise Dutch: newcomers and their coaches look for these.
    bool practise_dutch = false;

    bool operator==(const Audience&) const = default;
};

// betrouwbaar.
struct ContactPerson {
    std::string name;
    std::string photo;
    std::vector<std::string> languages;  // language codes: "nl", "ar", ...
    std::string phone;

    bool operator==(const ContactPerson&) const = default;
};

// begrijpbaar, in the visitor's language: what is read aloud and shown as a subtitle. Dutch
// stays on screen; these never replace it.
struct ActivityTexts {
    std::string title;
    std::string summary;
    FirstVisit first_visit;
    bool reviewed = false;  // whether a person who speaks the language checked it

    bool operator==(const ActivityTexts&) const = default;
};

// A recorded clip of one field in one language, played before any text-to-speech.
struct Clip {
    std::string field;  // "title", "summary" or "first_visit"
    std::string lang;
    std::string file;  // relative to the catalogue file; an absolute path once loaded

    bool operator==(const Clip&) const = default;
};

struct Activity {
    std::string id;
    std::string category;
    std::string title;
    std::string summary;
    std::vector<std::string> pictograms;
    std::string photo;
    std::string organiser;
    FirstVisit first_visit;
    Price price;
    Availability availability;
    Location location;
    Schedule schedule;
    Audience audience;
    ContactPerson contact;
    Date last_checked;
    std::map<std::string, ActivityTexts> translations;  // by language code
    std::vector<Clip> clips;

    bool operator==(const Activity&) const = default;

    // Whether a visitor may be sent to a trial session: never when the group is full, whatever
    // the catalogue says.
    bool TrialOffered() const;
    // Every date it has is before today: it is over and leaves the kiosk.
    bool Ended(const Date& today) const;
    // Whether it takes place on some day from `first` to `last`: a dated occurrence in the range,
    // or a weekly day in it. A weekly activity only counts when `weekly_counts`: nobody said a club
    // keeps going in the school holidays.
    bool TakesPlaceBetween(const Date& first, const Date& last, bool weekly_counts) const;
    // Its dated occurrences that end on or after `from`, at most `limit`.
    std::vector<Occurrence> NextDates(const Date& from, size_t limit) const;
    // Nobody checked it for longer than max_days: what it says may no longer be true.
    bool CheckedLongAgo(const Date& today, int max_days) const;
    // The fields still unknown ("price.cents", "audience.dutch", ...), for staff to fill in.
    std::vector<std::string> UnknownFields() const;

    // The texts in lang; nothing for Dutch, whose texts are the activity's own.
    const ActivityTexts* TextsIn(const std::string& lang) const;
    // The clip of field in lang; empty when there is none.
    std::string ClipFor(std::string_view field, std::string_view lang) const;
};

struct Category {
    std::string id;
    std::string word;  // one Dutch word for the tile
    std::string pictogram;
    std::map<std::string, std::string> translations;  // the word, by language code
    // "Wat is een jeugdbeweging?": what happens, who leads it, what it costs, what parents do.
    // Plain Dutch, a few short sentences; empty: the list shows no "Wat is dit?".
    std::string explanation;

    bool operator==(const Category&) const = default;
};

// The municipality's counter, shown by "Maak een afspraak" until appointments land.
struct Desk {
    std::string name;
    std::string phone;
    std::string address;
    std::vector<std::string> opening_hours;

    bool operator==(const Desk&) const = default;
};

// A "laatst nagekeken" older than this many days is shown as "misschien niet meer juist".
inline constexpr int kDefaultStaleAfterDays = 180;

struct Catalogue {
    std::string municipality;
    long long version = 0;
    int stale_after_days = kDefaultStaleAfterDays;
    Desk desk;
    std::vector<Category> categories;
    std::vector<Activity> activities;
    std::vector<Holiday> holidays;  // in order; empty: the kiosk offers no "in de vakantie"

    const Activity* FindActivity(std::string_view id) const;
    const Category* FindCategory(std::string_view id) const;
};

using CataloguePtr = std::shared_ptr<const Catalogue>;

std::string_view StatusCode(Status s);
std::string_view ForWhomCode(ForWhom f);
std::string_view DutchNeededCode(DutchNeeded d);
std::string_view SignupCode(Signup s);
std::optional<Status> ParseStatus(std::string_view code);
std::optional<ForWhom> ParseForWhom(std::string_view code);
std::optional<DutchNeeded> ParseDutchNeeded(std::string_view code);
std::optional<Signup> ParseSignup(std::string_view code);

// "€ 12,50" / "gratis".
std::string FormatEuro(int cents);
// True only when someone said yes: an unknown is never yes.
inline bool IsYes(const std::optional<bool>& v) {
    return v.value_or(false);
}

}  // namespace brugpunt::core
