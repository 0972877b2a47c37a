// Owns importing activities into a catalogue: from the CSV spreadsheet template, from catalogue
// JSON, from UiTdatabank JSON-LD (a file, or the Search API page by page). Every problem carries
// where it is, so staff can fix the source: "file:row:column: message".
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/activity.h"
#include "core/result.h"
#include "sync/transport.h"

namespace brugpunt::staff {

struct Problem {
    std::string file;
    int row = 0;  // 1-based line; 0: the whole file
    int column = 0;
    std::string message;
};
std::string FormatProblem(const Problem& p);

struct Imported {
    std::vector<core::Activity> activities;
    std::vector<int> rows;             // CSV: the row each activity came from
    std::vector<std::string> removed;  // ids the source says are gone (UiTdatabank: deleted)
    std::vector<Problem> errors;       // values that could not be read: the row is left out
    std::vector<std::string> notes;    // per activity: what staff still have to fill in or check
    std::string newest_modified;       // UiTdatabank: the latest "modified" seen
};

// The template's columns, in order (assets/catalogue-template.csv and the README list them).
const std::vector<std::string>& CsvColumns();
// One activity per row after the header; ',' or ';' between cells (as a spreadsheet saves it).
Imported ImportCsv(const std::string& text, const std::string& file);

// UiTdatabank (publiq) JSON-LD: one event, a list of events, or a Search API page ("member").
// Categories are guessed from the event's terms among `categories`.
// Organizers, places, online-only events and events that ended before today are left out; an
// event without a value (price, Dutch, wheelchair, ...) gets no value: unknown, never a guess.
// What staff choose to take from UiTdatabank beyond events: places with opening hours as
// permanent activities, and online-only events (with no place to go to). Both off by default.
struct UitChoices {
    bool places = false;
    bool online = false;
};

Imported ImportJsonLd(const std::string& text, const std::string& file,
                      const std::vector<core::Category>& categories, const core::Date& today,
                      const UitChoices& choices = {});

struct UitQuery {
    std::string base_url;  // https://search.uitdatabank.be
    std::string client_id;
    std::string postal_code;
    UitChoices choices;
    std::string modified_from;  // ISO time; empty: everything
    int page_size = 2000;       // the API's maximum
    std::string ca_file;
};
// Pulls every page of /events for the postal code. Each page is reported through `progress`.
core::Result<Imported> ImportUitdatabank(const UitQuery& query, sync::Fetcher& http,
                                         const std::vector<core::Category>& categories,
                                         const core::Date& today,
                                         const std::function<void(int fetched, int total)>& progress);

// Puts imported activities into the catalogue: new ids are added, known ids are replaced but keep
// what only the kiosk has (pictograms, "de eerste keer", transit, translations, clips, and every
// value the import leaves unknown) when the import has none, and removed ids go.
void Merge(core::Catalogue& catalogue, const Imported& imported);

}  // namespace brugpunt::staff
