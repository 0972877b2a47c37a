// The staff tool's readers and checks: the CSV template, UiTdatabank JSON-LD, merging an import
// into a catalogue, and the plain-language rules.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/validate.h"
#include "read_file.h"
#include "staff/check.h"
#include "staff/holidays.h"
#include "staff/import.h"
#include "store/catalogue_json.h"
#include "store/demo.h"

using namespace brugpunt;
using namespace brugpunt::staff;

namespace {

// The day the tests are run on, as far as the catalogue is concerned.
constexpr core::Date kToday{2026, 11, 23};

std::string Template() {
    return testing::ReadFile(BRUGPUNT_SOURCE_DIR "/assets/staff/catalogue-template.csv");
}

// The template with one cell of its example row replaced.
std::string WithCell(const std::string& column, const std::string& value) {
    std::string text = Template();
    size_t header_end = text.find('\n');
    std::vector<std::string> row;
    std::stringstream cells(text.substr(header_end + 1, text.find('\n', header_end + 1) - header_end - 1));
    for (std::string c; std::getline(cells, c, ';');) row.push_back(c);
    auto at = std::find(CsvColumns().begin(), CsvColumns().end(), column) - CsvColumns().begin();
    row[at] = value;
    std::string joined;
    for (const auto& c : row) joined += (joined.empty() ? "" : ";") + c;
    return text.substr(0, header_end + 1) + joined + "\n";
}

const core::Activity* Find(const Imported& im, const std::string& id) {
    for (const auto& a : im.activities)
        if (a.id == id) return &a;
    return nullptr;
}

}  // namespace

TEST_CASE("The CSV template's example row imports as a complete, valid activity", "[staff]") {
    Imported im = ImportCsv(Template(), "t.csv");
    REQUIRE(im.errors.empty());
    REQUIRE(im.activities.size() == 1);
    const core::Activity& a = im.activities[0];
    CHECK(a.id == "zwemles-zaterdag");
    CHECK(a.price.cents == 4500);
    CHECK(a.price.social_cents == 900);
    CHECK(a.price.passes == std::vector<std::string>{"UiTPAS met kansentarief", "Vrijetijdspas OCMW"});
    CHECK(a.location.lat == Approx(51.0452));
    CHECK(a.audience.dutch == core::DutchNeeded::kALittle);
    CHECK(a.schedule.days == std::vector<core::Weekday>{core::Weekday::kSat});
    core::Catalogue c = testing::DemoParsed().catalogue;
    c.activities = im.activities;
    for (const auto& issue : core::ValidateCatalogue(c)) FAIL_CHECK(core::FormatIssue(issue));
}

TEST_CASE("CSV cells may be quoted, hold the separator and line breaks, and start with a BOM", "[staff]") {
    std::string text =
        WithCell("summary", "\"Je kind leert zwemmen; in een \"\"kleine\"\" groep.\nDe les is kort.\"");
    Imported im = ImportCsv("\xEF\xBB\xBF" + text, "t.csv");
    REQUIRE(im.errors.empty());
    REQUIRE(im.activities.size() == 1);
    CHECK(im.activities[0].summary == "Je kind leert zwemmen; in een \"kleine\" groep.\nDe les is kort.");
    CHECK(im.rows == std::vector<int>{2});

    std::string commas = "id,category\nx,y\n";
    CHECK(ImportCsv(commas, "c.csv").errors.front().message.find("is missing") != std::string::npos);
}

TEST_CASE("A bad CSV value is reported at its row and column, and the row is left out", "[staff]") {
    auto only_error = [](const std::string& text) {
        Imported im = ImportCsv(text, "t.csv");
        CHECK(im.activities.empty());
        REQUIRE(im.errors.size() == 1);
        return FormatProblem(im.errors[0]);
    };
    CHECK(only_error(WithCell("material_available", "misschien")) ==
          "t.csv:2:17: material_available: 'misschien' is geen ja of nee");
    CHECK(only_error(WithCell("price_eur", "veel")) ==
          "t.csv:2:12: price_eur: 'veel' is geen bedrag in euro");
    CHECK(only_error(WithCell("registration_to", "31/05/2027")) ==
          "t.csv:2:22: registration_to: '31/05/2027' is geen datum (JJJJ-MM-DD)");
    CHECK_THAT(only_error(WithCell("status", "open")),
               Catch::StartsWith("t.csv:2:19: status: 'open' is niet een van"));
    CHECK(only_error(WithCell("days", "ma maandag")) ==
          "t.csv:2:32: days: 'maandag' is geen dag; gebruik ma di wo do vr za zo");
    CHECK(only_error(WithCell("title", "\"never closed")) == "t.csv:2:3: a quote (\") is never closed");

    std::string renamed = Template();
    renamed.replace(0, 2, "ID");
    Imported im = ImportCsv(renamed, "t.csv");
    CHECK(FormatProblem(im.errors[0]) == "t.csv:1:1: unknown column 'ID'");
    CHECK(FormatProblem(im.errors[1]) == "t.csv:1: column 'id' is missing");
}

TEST_CASE("check puts catalogue errors at the line and column of the field", "[staff]") {
    std::string json = testing::ReadFile(BRUGPUNT_SOURCE_DIR "/assets/demo/catalogue.json");
    // Break one phone number of the second activity.
    size_t second = json.find("\"id\": \"", json.find("\"id\": \"") + 1);
    size_t phone = json.find("\"phone\": \"", json.find("\"contact\"", second));
    json.replace(json.find('"', phone + 9), 1, "\"bel ons");
    CheckReport r = CheckFile("c.json", json, {}, kToday);
    REQUIRE(r.errors.size() == 1);
    int line = 1 + static_cast<int>(std::count(json.begin(), json.begin() + static_cast<long>(phone), '\n'));
    CHECK(r.errors[0].row == line);
    CHECK(json.substr(phone, 7) == "\"phone\"");
    CHECK_THAT(r.errors[0].message, Catch::Contains("contact.phone: geen geldig telefoonnummer"));

    CheckReport broken = CheckFile("c.json", "{\n  \"format\": 1,\n  \"activities\": [,]\n}", {}, kToday);
    REQUIRE(broken.errors.size() == 1);
    CHECK(broken.errors[0].row == 3);
    CHECK(broken.errors[0].column == 18);

    CheckReport csv = CheckFile("t.csv", WithCell("contact_phone", "bel ons"), {}, kToday);
    REQUIRE(csv.errors.size() == 1);
    CHECK(FormatProblem(csv.errors[0]) ==
          "t.csv:2:50: zwemles-zaterdag: contact.phone: geen geldig telefoonnummer");
}

TEST_CASE("Plain language: long sentences, long or hard words and jargon are warned about", "[staff]") {
    CHECK(DutchSyllables("kind") == 1);
    CHECK(DutchSyllables("zwemmen") == 2);
    CHECK(DutchSyllables("vrijwilliger") == 4);
    CHECK(DutchSyllables("kinderafdeling") == 5);
    CHECK(DutchSyllables("financiële") == 5);
    CHECK(DutchSyllables("eeuw") == 1);
    auto jargon = ParseJargon("# comment\nKansentarief = lagere prijs met je pas\nOCMW\n\n");
    REQUIRE(jargon.size() == 2);
    CHECK(jargon[0].term == "kansentarief");
    CHECK(jargon[1].instead.empty());

    CHECK(PlainLanguageWarnings("Je kind speelt mee. Jij mag kijken.", jargon).empty());
    auto w = PlainLanguageWarnings(
        "Wie wil kan na de training nog even blijven om samen met de andere ouders iets te drinken. "
        "Vraag het inschrijvingsformulier aan. Met kansentarief betaal je minder. Administratieve "
        "modaliteiten.",
        jargon);
    REQUIRE(w.size() == 5);
    CHECK_THAT(w[0], Catch::StartsWith("a sentence of 18 words"));
    CHECK(w[1] == "a long word (22 letters): \"inschrijvingsformulier\"");
    CHECK(w[2] == "a hard word (6 syllables): \"Administratieve\"");
    CHECK(w[3] == "a hard word (5 syllables): \"modaliteiten\"");
    CHECK(w[4] == "jargon: \"kansentarief\"; say \"lagere prijs met je pas\"");
    CHECK(PlainLanguageWarnings("Het OCMWgebouw.", jargon).size() == 0);  // a whole word only
}

TEST_CASE("UiTdatabank events become activities with every field the model carries", "[staff]") {
    const auto& cats = testing::DemoParsed().catalogue.categories;
    Imported im = ImportJsonLd(testing::ReadFile(BRUGPUNT_FIXTURES "/uitdatabank/search-page.json"), "p.json",
                               cats, kToday);
    REQUIRE(im.errors.empty());
    REQUIRE(im.activities.size() == 3);

    const core::Activity* swim = Find(im, "uit-1b2c3d4e-1111-4aaa-9bbb-000000000001");
    REQUIRE(swim);
    CHECK(swim->title == "Zwemlessen voor kinderen");
    CHECK(swim->summary ==
          "Leer zwemmen in een kleine groep. De lessen zijn in het ondiepe bad. Een monitor is "
          "altijd in het water.");
    CHECK(swim->category == "zwemmen");
    CHECK(swim->organiser == "Zwemclub Brugdonk");
    CHECK(swim->audience.age_min == 6);
    CHECK(swim->audience.age_max == 12);
    CHECK(swim->price.cents == 6000);
    CHECK(swim->price.social_cents == 1200);  // the UiTPAS price, shown as indicative
    CHECK(swim->price.passes == std::vector<std::string>{"UiTPAS met kansentarief"});
    CHECK_THAT(swim->price.how_to_get_pass, Catch::Contains("Vraag aan de balie"));
    CHECK(swim->schedule.days == std::vector<core::Weekday>{core::Weekday::kWed, core::Weekday::kSat});
    CHECK(swim->schedule.start == "14:00");
    CHECK(swim->schedule.season == "september tot juni");
    CHECK(swim->availability.registration_from == core::Date{2026, 8, 15});
    CHECK(swim->availability.registration_to == core::Date{2027, 5, 31});
    CHECK(swim->location.address == "Sportlaan 2, 9999 Brugdonk");
    CHECK(swim->location.lat == Approx(51.0452));
    CHECK(swim->audience.wheelchair == true);
    CHECK(swim->audience.signup == core::Signup::kRegistration);
    CHECK(swim->contact.phone == "09 000 14 01");
    CHECK(swim->last_checked == core::Date{2026, 11, 1});

    const core::Activity* read = Find(im, "uit-2b2c3d4e-2222-4aaa-9bbb-000000000002");
    REQUIRE(read);
    CHECK(read->category == "lezen");
    CHECK(read->audience.age_min == 0);
    CHECK(read->audience.age_max == 12);
    CHECK(read->price.cents == 0);
    // No booking information says nothing: not "gewoon binnenlopen" (it used to be walk-in).
    CHECK_FALSE(read->audience.signup.has_value());
    CHECK(read->schedule.days == std::vector<core::Weekday>{core::Weekday::kSat});  // 5 December 2026
    CHECK(read->schedule.start == "10:00");

    const core::Activity* dance = Find(im, "uit-3b2c3d4e-3333-4aaa-9bbb-000000000003");
    REQUIRE(dance);
    CHECK(dance->availability.status == core::Status::kFull);
    CHECK(dance->schedule.days == std::vector<core::Weekday>{core::Weekday::kTue, core::Weekday::kThu});
    CHECK(dance->price.social_cents == 300);
    CHECK(dance->price.passes == std::vector<std::string>{"Kansentarief"});

    // The report names what only the kiosk has, for every activity.
    for (const auto* a : {swim, read, dance}) {
        bool named = false;
        for (const auto& n : im.notes)
            named |= n.starts_with(a->id + ": to fill in: pictograms, de eerste keer");
        CHECK(named);
    }
    CHECK(im.newest_modified == "2026-11-03T08:00:00+00:00");
}

TEST_CASE("Merging keeps what staff added for the kiosk and removes what UiTdatabank deleted", "[staff]") {
    const auto& demo = testing::DemoParsed().catalogue;
    core::Catalogue c;
    c.categories = demo.categories;
    std::string events = testing::ReadFile(BRUGPUNT_FIXTURES "/uitdatabank/events.json");
    Merge(c, ImportJsonLd(events, "e.json", c.categories, kToday));
    REQUIRE(c.activities.size() == 4);
    core::Activity& swim = c.activities[0];
    swim.pictograms = {"swimmer"};
    swim.first_visit.where = "Ga naar de kassa.";
    swim.audience.dutch = core::DutchNeeded::kALittle;

    Imported changes = ImportJsonLd(testing::ReadFile(BRUGPUNT_FIXTURES "/uitdatabank/changes.json"),
                                    "c.json", c.categories, kToday);
    CHECK(changes.removed == std::vector<std::string>{"uit-2b2c3d4e-2222-4aaa-9bbb-000000000002"});
    Merge(c, changes);
    REQUIRE(c.activities.size() == 3);
    const core::Activity* updated = c.FindActivity("uit-1b2c3d4e-1111-4aaa-9bbb-000000000001");
    REQUIRE(updated);
    CHECK(updated->price.cents == 6500);
    CHECK(updated->pictograms == std::vector<std::string>{"swimmer"});
    CHECK(updated->first_visit.where == "Ga naar de kassa.");
    CHECK(updated->audience.dutch == core::DutchNeeded::kALittle);
    CHECK_FALSE(c.FindActivity("uit-2b2c3d4e-2222-4aaa-9bbb-000000000002"));
}

TEST_CASE("JSON-LD that is not JSON, or an event without @id, is reported", "[staff]") {
    CHECK(FormatProblem(ImportJsonLd("{", "x.json", {}, kToday).errors.at(0)) == "x.json: not JSON");
    Imported im = ImportJsonLd(R"([{"name": {"nl": "Zonder id"}}])", "x.json", {}, kToday);
    CHECK(im.activities.empty());
    CHECK(FormatProblem(im.errors.at(0)) == "x.json: event 1 has no @id; left out");
}

// [SECTION] Issue 17: the import never claims what the source did not say.

namespace {

std::string Fixture(const char* name) {
    return testing::ReadFile(std::string(BRUGPUNT_FIXTURES "/uitdatabank/") + name);
}

// The check of a catalogue made of these activities, as staff run it after an import.
CheckReport CheckImported(const std::vector<core::Activity>& activities) {
    core::Catalogue c = testing::DemoParsed().catalogue;
    c.activities = activities;
    return CheckFile("imported.json", store::CatalogueToJson(c), {}, kToday);
}

bool AnyMessage(const std::vector<Problem>& problems, const std::string& part) {
    return std::any_of(problems.begin(), problems.end(),
                       [&](const Problem& p) { return p.message.find(part) != std::string::npos; });
}

bool Noted(const std::vector<std::string>& notes, const std::string& part) {
    return std::any_of(notes.begin(), notes.end(),
                       [&](const std::string& n) { return n.find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("UiTdatabank: an event without price, booking, facility or Dutch says nothing of them", "[staff]") {
    Imported im =
        ImportJsonLd(Fixture("unknowns.json"), "u.json", testing::DemoParsed().catalogue.categories, kToday);
    REQUIRE(im.activities.size() == 1);
    const core::Activity& a = im.activities[0];
    CHECK(a.title == "Dansatelier voor tieners");
    CHECK_FALSE(a.price.cents.has_value());  // not 0: that would be "gratis"
    CHECK_FALSE(a.price.social_cents.has_value());
    CHECK_FALSE(a.audience.dutch.has_value());       // not "geen Nederlands nodig"
    CHECK_FALSE(a.audience.wheelchair.has_value());  // not "niet toegankelijk"
    CHECK_FALSE(a.audience.signup.has_value());      // not "gewoon binnenlopen"
    CHECK_FALSE(a.availability.status.has_value());  // not "plaats vrij"
    CHECK_FALSE(a.availability.trial_possible.has_value());
    CHECK_FALSE(a.audience.childcare.has_value());
    CHECK(a.schedule.days == std::vector<core::Weekday>{core::Weekday::kFri});

    // It stays unknown through the catalogue file, and check lists it to fill in.
    CheckReport r = CheckImported(im.activities);
    REQUIRE(r.to_fill.size() == 1);
    CHECK(FormatProblem(r.to_fill[0]) ==
          "imported.json:" + std::to_string(r.to_fill[0].row) + ":" + std::to_string(r.to_fill[0].column) +
              ": " + a.id +
              ": to fill in: price.cents, price.social_cents, availability.status, "
              "availability.trial_possible, "
              "audience.dutch, "
              "audience.signup, audience.childcare, audience.wheelchair (unknown: the kiosk says \"vraag het "
              "aan de balie\")");
    CHECK(r.to_fill[0].row > 1);
    CHECK_FALSE(AnyMessage(r.errors, "price.cents"));  // unknown is not an error
    CHECK(Noted(im.notes, "UiTdatabank does not say: price.cents"));
}

TEST_CASE("UiTdatabank: organizers, places and online-only events are not activities", "[staff]") {
    Imported im = ImportJsonLd(Fixture("not-activities.json"), "p.json",
                               testing::DemoParsed().catalogue.categories, kToday);
    REQUIRE(im.errors.empty());
    REQUIRE(im.activities.size() == 1);
    CHECK(im.activities[0].title == "Praatgroep Nederlands");
    auto noted = [&](const std::string& part) { return Noted(im.notes, part); };
    CHECK(noted("uit-6c1d0000-0000-4000-8000-000000000006: an organizer in UiTdatabank, not an activity"));
    CHECK(noted("uit-5a7e1f2c-0000-4000-8000-000000000007: a place in UiTdatabank, not an activity"));
    CHECK(noted("uit-8b2c3d4e-8888-4aaa-9bbb-000000000008: online only in UiTdatabank"));
    // An online event already in the catalogue goes; an organizer or place was never one.
    CHECK(im.removed == std::vector<std::string>{"uit-8b2c3d4e-8888-4aaa-9bbb-000000000008"});
}

TEST_CASE("UiTdatabank: the taaliconen label gives the Dutch needed", "[staff]") {
    Imported im = ImportJsonLd(Fixture("not-activities.json"), "p.json",
                               testing::DemoParsed().catalogue.categories, kToday);
    REQUIRE(im.activities.size() == 1);
    CHECK(im.activities[0].audience.dutch == core::DutchNeeded::kALittle);  // twee taaliconen
    CHECK(im.activities[0].audience.dutch_icons == 2);
    // No label ever reads as "geen Nederlands nodig": an event without one stays unknown.
    Imported none = ImportJsonLd(Fixture("unknowns.json"), "u.json", {}, kToday);
    REQUIRE(none.activities.size() == 1);
    CHECK_FALSE(none.activities[0].audience.dutch_icons.has_value());
    CHECK(im.activities[0].category == "taal");
}

TEST_CASE("UiTdatabank: events that ended are not imported as current offer", "[staff]") {
    Imported im =
        ImportJsonLd(Fixture("legacy.json"), "l.json", testing::DemoParsed().catalogue.categories, kToday);
    REQUIRE(im.errors.empty());
    REQUIRE(im.activities.size() == 1);
    CHECK(im.activities[0].title == "Kleuterturnen");
    CHECK(im.activities[0].schedule.last_date == core::Date{2027, 6, 26});
    for (const char* ended : {"2015-03-28", "2017-11-25", "2021-08-28"}) {
        INFO(ended);
        CHECK(Noted(im.notes, std::string("ended on ") + ended + "; not current offer"));
    }
    CHECK(im.removed.size() == 3);  // and if an earlier import brought them, they go
    core::Catalogue c;
    c.categories = testing::DemoParsed().catalogue.categories;
    Merge(c, im);
    CHECK(c.activities.size() == 1);
}

TEST_CASE("UiTdatabank: the legacy read model is read, not rejected", "[staff]") {
    Imported im =
        ImportJsonLd(Fixture("legacy.json"), "l.json", testing::DemoParsed().catalogue.categories, kToday);
    REQUIRE(im.activities.size() == 1);
    const core::Activity& a = im.activities[0];
    CHECK(a.title == "Kleuterturnen");  // a plain string, not {"nl": ...}
    CHECK(a.organiser == "Turnkring De Vonk");
    CHECK(a.location.name == "Turnzaal De Vonk");
    CHECK(a.location.address == "Schoolstraat 3, 9999 Brugdonk");
    CHECK(a.audience.age_min == 0);  // typicalAgeRange "-4"
    CHECK(a.audience.age_max == 4);
    CHECK(a.category == "sport");
    CHECK(a.contact.phone.empty());  // null, not "null"
    // Booking information with every field null says nothing: sign-up stays unknown.
    CHECK_FALSE(a.audience.signup.has_value());
    // No calendarType: the dates still give the days and the season.
    CHECK(a.schedule.days == std::vector<core::Weekday>{core::Weekday::kSat});
    CHECK(a.schedule.season == "september tot juni");
}

TEST_CASE("Merging keeps what staff filled in where UiTdatabank says nothing", "[staff]") {
    core::Catalogue c;
    c.categories = testing::DemoParsed().catalogue.categories;
    Merge(c, ImportJsonLd(Fixture("unknowns.json"), "u.json", c.categories, kToday));
    REQUIRE(c.activities.size() == 1);
    c.activities[0].price.cents = 4000;
    c.activities[0].audience.wheelchair = false;
    c.activities[0].availability.trial_possible = true;
    Merge(c, ImportJsonLd(Fixture("unknowns.json"), "u.json", c.categories, kToday));
    CHECK(c.activities[0].price.cents == 4000);
    CHECK(c.activities[0].audience.wheelchair == false);
    CHECK(c.activities[0].availability.trial_possible == true);
}

TEST_CASE("CSV: an empty cell is unknown, never no, free or none", "[staff]") {
    std::string text = Template();
    for (const char* column : {"price_eur", "social_price_eur", "status", "trial_possible", "dutch", "signup",
                               "childcare", "wheelchair"})
        text = [&] {
            std::string t = text;
            size_t header_end = t.find('\n');
            std::vector<std::string> row;
            std::stringstream cells(t.substr(header_end + 1, t.find('\n', header_end + 1) - header_end - 1));
            for (std::string cell; std::getline(cells, cell, ';');) row.push_back(cell);
            row[std::find(CsvColumns().begin(), CsvColumns().end(), column) - CsvColumns().begin()] = "";
            std::string joined;
            for (const auto& cell : row) joined += (joined.empty() ? "" : ";") + cell;
            return t.substr(0, header_end + 1) + joined + "\n";
        }();
    Imported im = ImportCsv(text, "t.csv");
    REQUIRE(im.errors.empty());
    REQUIRE(im.activities.size() == 1);
    const core::Activity& a = im.activities[0];
    CHECK_FALSE(a.price.cents.has_value());
    CHECK_FALSE(a.price.social_cents.has_value());
    CHECK_FALSE(a.availability.status.has_value());
    CHECK_FALSE(a.availability.trial_possible.has_value());
    CHECK_FALSE(a.audience.dutch.has_value());
    CHECK_FALSE(a.audience.signup.has_value());
    CHECK_FALSE(a.audience.childcare.has_value());
    CHECK_FALSE(a.audience.wheelchair.has_value());
    CheckReport r = CheckFile("t.csv", text, {}, kToday);
    REQUIRE(r.to_fill.size() == 1);
    CHECK(r.to_fill[0].row == 2);
    CHECK(r.to_fill[0].column == 12);  // price_eur, the first unknown
    // "gratis" in the sheet is still free.
    CHECK(ImportCsv(WithCell("price_eur", "gratis"), "t.csv").activities.at(0).price.cents == 0);
}

TEST_CASE("check lists a \"laatst nagekeken\" older than the catalogue allows", "[staff]") {
    core::Catalogue c = testing::DemoParsed().catalogue;
    c.activities.resize(2);
    c.activities[0].last_checked = {2025, 11, 1};  // more than 180 days before kToday
    c.stale_after_days = 180;
    CheckReport r = CheckFile("c.json", store::CatalogueToJson(c), {}, kToday);
    REQUIRE(r.to_fill.size() == 1);
    CHECK_THAT(r.to_fill[0].message,
               Catch::StartsWith(c.activities[0].id + ": last_checked 2025-11-01 is more than 180 days ago"));
    CHECK_THAT(r.to_fill[0].message, Catch::Contains("misschien niet meer juist"));
    c.stale_after_days = 400;  // staff may allow more
    CHECK(CheckFile("c.json", store::CatalogueToJson(c), {}, kToday).to_fill.empty());
}

TEST_CASE("The demo's category explanations are plain Dutch, and check reads them", "[staff]") {
    const core::Catalogue& demo = testing::DemoParsed().catalogue;
    for (const auto& cat : demo.categories) {
        INFO(cat.id);
        CHECK_FALSE(cat.explanation.empty());
        CHECK(PlainLanguageWarnings(cat.explanation, {}).empty());
    }
    core::Catalogue c = demo;
    c.activities.clear();
    c.categories[0].explanation =
        "Een jeugdbeweging is een vereniging waar kinderen en jongeren elke week samen komen spelen.";
    CheckReport r = CheckFile("c.json", store::CatalogueToJson(c), {}, kToday);
    REQUIRE(r.warnings.size() == 1);
    CHECK_THAT(r.warnings[0].message,
               Catch::StartsWith("categories.sport.explanation: a sentence of 14 words"));
}

TEST_CASE("UiTdatabank: a series keeps its dates (not a cancelled one), a camp its period", "[staff]") {
    Imported im =
        ImportJsonLd(Fixture("dated.json"), "d.json", testing::DemoParsed().catalogue.categories, kToday);
    REQUIRE(im.errors.empty());
    REQUIRE(im.activities.size() == 2);
    const core::Activity& series = im.activities[0];
    CHECK(series.title == "Kerstknutselen in de bib");
    REQUIRE(series.schedule.dates.size() == 2);
    CHECK(series.schedule.dates[0] == core::Occurrence{{2026, 12, 19}, {2026, 12, 19}, "14:00", "16:00"});
    CHECK(series.schedule.dates[1].first == core::Date{2027, 1, 2});  // the 26th was cancelled
    CHECK(series.schedule.days == std::vector<core::Weekday>{core::Weekday::kSat});
    const core::Activity& camp = im.activities[1];
    REQUIRE(camp.schedule.dates.size() == 1);
    CHECK(camp.schedule.dates[0].first == core::Date{2027, 2, 15});
    CHECK(camp.schedule.dates[0].last == core::Date{2027, 2, 19});
    CHECK(camp.schedule.days.size() == 5);
    // In the kiosk: the camp is in the krokusvakantie, the series this week only when a date is.
    CHECK(camp.TakesPlaceBetween({2027, 2, 13}, {2027, 2, 21}, false));
    CHECK_FALSE(series.TakesPlaceBetween({2026, 12, 20}, {2027, 1, 1}, true));
}

TEST_CASE("The school-holiday CSV is read in order, and a wrong row is named by file and row", "[staff]") {
    auto ok = ParseHolidaysCsv(
        "naam,van,tot\n# 2026-2027, onderwijs.vlaanderen.be\nkerstvakantie,2026-12-21,2027-01-03\n"
        "herfstvakantie,2026-10-26,2026-11-08\r\n",
        "v.csv");
    REQUIRE(ok);
    REQUIRE(ok->size() == 2);
    CHECK(ok->at(0).name == "herfstvakantie");
    CHECK(ok->at(1).last == core::Date{2027, 1, 3});
    auto error = [](const std::string& csv) {
        auto r = ParseHolidaysCsv(csv, "v.csv");
        return r ? std::string() : r.error().message;
    };
    CHECK(error("kerst,2026-12-21,2027-13-03\n") == "v.csv:1: '2027-13-03' is not a date (YYYY-MM-DD)");
    CHECK(error("kerst,2026-12-21,2026-12-01\n") == "v.csv:1: the last day is before the first");
    CHECK(error("a,2026-12-21,2027-01-03\nb,2027-01-02,2027-01-05\n") == "v.csv:2: b overlaps a");
    CHECK(error("kerst,2026-12-21\n") == "v.csv:1: expected 3 cells (naam,van,tot), found 2");
    CHECK(error(",2026-12-21,2027-01-03\n") == "v.csv:1: the name is empty or over 40 letters");
}

TEST_CASE("UiTdatabank: staff may offer places with opening hours, and keep online events", "[staff]") {
    Imported im =
        ImportJsonLd(Fixture("not-activities.json"), "p.json", testing::DemoParsed().catalogue.categories,
                     kToday, UitChoices{.places = true, .online = true});
    REQUIRE(im.errors.empty());
    REQUIRE(im.activities.size() == 3);  // never the organizer
    const core::Activity* hall = Find(im, "uit-5a7e1f2c-0000-4000-8000-000000000007");
    REQUIRE(hall);
    CHECK(hall->location.name == "Sporthal De Brug");
    CHECK_FALSE(hall->location.address.empty());
    CHECK_FALSE(hall->schedule.last_date);
    CHECK_FALSE(hall->schedule.days.empty());
    CHECK(Noted(im.notes, "offered as a permanent activity (--places)"));
    const core::Activity* yoga = Find(im, "uit-8b2c3d4e-8888-4aaa-9bbb-000000000008");
    REQUIRE(yoga);
    CHECK(yoga->location.name == "Online");
    CHECK(yoga->location.address.empty());  // not "___"
    CHECK(im.removed.empty());
    CHECK(Noted(im.notes,
                "uit-6c1d0000-0000-4000-8000-000000000006: an organizer in UiTdatabank, not an activity"));
}
