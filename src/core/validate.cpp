// Owns the catalogue validator: one rule per seven-B field. Standard library only.
#include "validate.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace brugpunt::core {
namespace {

class Checker {
  public:
    Checker(std::vector<Issue>& out, std::string id) : m_out(out), m_id(std::move(id)) {}

    void Fail(std::string field, std::string message) {
        m_out.push_back({m_id, std::move(field), std::move(message)});
    }
    void Text(std::string_view field, const std::string& value) {
        if (value.find_first_not_of(" \t\n") == std::string::npos) Fail(std::string(field), "ontbreekt");
    }
    void Date(std::string_view field, const core::Date& value) {
        if (value == core::Date{}) Fail(std::string(field), "ontbreekt of is geen geldige datum");
    }
    template <class T>
    void NonEmpty(std::string_view field, const std::vector<T>& list) {
        if (list.empty()) Fail(std::string(field), "lijst is leeg");
    }

  private:
    std::vector<Issue>& m_out;
    std::string m_id;
};

bool IsIdChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
}

bool IsPhone(const std::string& phone) {
    int digits = 0;
    for (char c : phone) {
        if (c >= '0' && c <= '9')
            ++digits;
        else if (c != ' ' && c != '+' && c != '/' && c != '.')
            return false;
    }
    return digits >= 9 && digits <= 15;
}

int SentenceCount(std::string_view text) {
    return static_cast<int>(SentenceWordCounts(text).size());
}

void CheckActivity(const Catalogue& catalogue, const Activity& a, std::vector<Issue>& out) {
    Checker c(out, a.id);
    if (a.id.empty() || !std::all_of(a.id.begin(), a.id.end(), IsIdChar))
        c.Fail("id", "gebruik alleen kleine letters, cijfers en '-'");
    if (!catalogue.FindCategory(a.category)) c.Fail("category", "onbekende categorie '" + a.category + "'");

    // bekend
    c.Text("title", a.title);
    if (a.title.size() > 60) c.Fail("title", "te lang (max 60 tekens)");
    c.Text("summary", a.summary);
    if (int n = SentenceCount(a.summary); !a.summary.empty() && (n < 2 || n > 3))
        c.Fail("summary", "moet 2 of 3 korte zinnen zijn, niet " + std::to_string(n));
    c.NonEmpty("pictograms", a.pictograms);
    c.Text("photo", a.photo);
    c.Text("organiser", a.organiser);

    // begrijpbaar
    c.Text("first_visit.where", a.first_visit.where);
    c.Text("first_visit.who_meets_you", a.first_visit.who_meets_you);
    c.Text("first_visit.what_to_bring", a.first_visit.what_to_bring);
    c.Text("first_visit.what_happens", a.first_visit.what_happens);

    // betaalbaar
    // An unknown price is not an error (check lists it to fill in); a stated one must make sense.
    if (a.price.cents && *a.price.cents < 0) c.Fail("price.cents", "mag niet negatief zijn");
    if (a.price.cents) c.Text("price.period", a.price.period);
    if (a.price.social_cents &&
        (*a.price.social_cents < 0 || (a.price.cents && *a.price.social_cents > *a.price.cents)))
        c.Fail("price.social_cents", "moet tussen 0 en de gewone prijs liggen");
    if (a.price.cents > 0) {
        c.NonEmpty("price.passes", a.price.passes);
        c.Text("price.how_to_get_pass", a.price.how_to_get_pass);
    }
    c.Text("price.material_note", a.price.material_note);

    // beschikbaar
    c.Date("availability.registration_from", a.availability.registration_from);
    c.Date("availability.registration_to", a.availability.registration_to);
    if (a.availability.registration_to < a.availability.registration_from)
        c.Fail("availability.registration_to", "ligt voor de start van de inschrijving");
    if (a.availability.reopens_on && *a.availability.reopens_on <= a.availability.registration_to)
        c.Fail("availability.reopens_on", "moet na het einde van de inschrijving liggen");
    if (a.availability.social_places < 0) c.Fail("availability.social_places", "mag niet negatief zijn");

    // bereikbaar
    c.Text("location.name", a.location.name);
    c.Text("location.address", a.location.address);
    if (std::abs(a.location.lat) > 90 || std::abs(a.location.lon) > 180 ||
        (a.location.lat == 0 && a.location.lon == 0))
        c.Fail("location.coordinates", "ontbreken of liggen buiten de kaart");
    c.NonEmpty("location.transit", a.location.transit);
    c.Text("location.entrance_photo", a.location.entrance_photo);
    c.NonEmpty("schedule.days", a.schedule.days);
    auto start = ParseClockTime(a.schedule.start);
    auto end = ParseClockTime(a.schedule.end);
    if (!start) c.Fail("schedule.start", "geen geldig uur (UU:MM)");
    if (!end) c.Fail("schedule.end", "geen geldig uur (UU:MM)");
    if (start && end && *end <= *start) c.Fail("schedule.end", "ligt voor het begin");
    c.Text("schedule.season", a.schedule.season);

    // bruikbaar
    if (a.audience.age_min < 0 || a.audience.age_max > 120 || a.audience.age_min > a.audience.age_max)
        c.Fail("audience.age", "leeftijd van/tot klopt niet");
    if (a.audience.dutch_icons && (*a.audience.dutch_icons < 1 || *a.audience.dutch_icons > 4))
        c.Fail("audience.dutch_icons", "taaliconen gaan van 1 tot 4");
    c.Text("audience.food_notes", a.audience.food_notes);

    // betrouwbaar
    c.Text("contact.name", a.contact.name);
    c.Text("contact.photo", a.contact.photo);
    c.NonEmpty("contact.languages", a.contact.languages);
    if (!IsPhone(a.contact.phone)) c.Fail("contact.phone", "geen geldig telefoonnummer");
    c.Date("last_checked", a.last_checked);
}

}  // namespace

std::string FormatIssue(const Issue& issue) {
    std::string where = issue.activity_id.empty() ? "catalogus" : issue.activity_id;
    return where + ": " + issue.field + ": " + issue.message;
}

std::vector<Issue> ValidateCatalogue(const Catalogue& catalogue) {
    std::vector<Issue> out;
    Checker top(out, "");
    top.Text("municipality", catalogue.municipality);
    top.Text("desk.phone", catalogue.desk.phone);
    top.Text("desk.address", catalogue.desk.address);
    top.NonEmpty("desk.opening_hours", catalogue.desk.opening_hours);
    top.NonEmpty("categories", catalogue.categories);
    for (const auto& cat : catalogue.categories) {
        if (cat.word.empty() || cat.word.find(' ') != std::string::npos)
            top.Fail("categories." + cat.id, "een categorie heeft precies één woord");
        if (cat.pictogram.empty()) top.Fail("categories." + cat.id, "pictogram ontbreekt");
    }
    std::set<std::string> seen;
    for (const auto& a : catalogue.activities) {
        if (!seen.insert(a.id).second) top.Fail("activities", "dubbele id '" + a.id + "'");
        CheckActivity(catalogue, a, out);
    }
    return out;
}

std::vector<int> SentenceWordCounts(std::string_view text) {
    std::vector<int> counts;
    int words = 0;
    bool in_word = false;
    for (size_t i = 0; i < text.size(); ++i) {
        char ch = text[i];
        bool space = ch == ' ' || ch == '\n' || ch == '\t';
        if (!space && !in_word) ++words;
        in_word = !space;
        bool end = ch == '.' || ch == '!' || ch == '?';
        // "18.30" or "3.5" is not a sentence end; a stop followed by space or the end of text is.
        if (end && (i + 1 == text.size() || text[i + 1] == ' ' || text[i + 1] == '\n')) {
            if (words > 0) counts.push_back(words);
            words = 0;
            in_word = false;
        }
    }
    if (words > 0) counts.push_back(words);
    return counts;
}

}  // namespace brugpunt::core
