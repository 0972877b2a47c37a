// The staff tool's readers and checks: the CSV template, UiTdatabank JSON-LD, merging an import
// into a catalogue, and the plain-language rules.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/validate.h"
#include "staff/check.h"
#include "staff/import.h"
#include "store/demo.h"

using namespace brugpunt;
using namespace brugpunt::staff;

namespace {

// The day the tests are run on, as far as the catalogue is concerned.
constexpr core::Date kToday{2026, 11, 23};

std::string Slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

std::string Template() {
    return Slurp(BRUGPUNT_SOURCE_DIR "/assets/staff/catalogue-template.csv");
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
    std::string json = Slurp(BRUGPUNT_SOURCE_DIR "/assets/demo/catalogue.json");
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
    Imported im =
        ImportJsonLd(Slurp(BRUGPUNT_FIXTURES "/uitdatabank/search-page.json"), "p.json", cats, kToday);
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
    std::string events = Slurp(BRUGPUNT_FIXTURES "/uitdatabank/events.json");
    Merge(c, ImportJsonLd(events, "e.json", c.categories, kToday));
    REQUIRE(c.activities.size() == 4);
    core::Activity& swim = c.activities[0];
    swim.pictograms = {"swimmer"};
    swim.first_visit.where = "Ga naar de kassa.";
    swim.audience.dutch = core::DutchNeeded::kALittle;

    Imported changes =
        ImportJsonLd(Slurp(BRUGPUNT_FIXTURES "/uitdatabank/changes.json"), "c.json", c.categories, kToday);
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
