// Owns applying the catalogue bounds to every text and list of a catalogue. Standard library only.
#include "bounds.h"

#include <algorithm>
#include <string>
#include <unordered_map>

namespace brugpunt::core {
namespace {

using namespace bound;
using U = BoundUnit;

// The field names here are the ones Issue::field carries, so a refusal names what staff edit.
constexpr Bound kBounds[] = {
    {"catalogue file", kCatalogueBytes, U::kBytes},
    {"activities", kActivities, U::kItems},
    {"categories", kCategories, U::kItems},
    {"municipality", kLine, U::kBytes},
    {"desk.name", kLine, U::kBytes},
    {"desk.phone", kPhone, U::kBytes},
    {"desk.address", kLine, U::kBytes},
    {"desk.opening_hours", kShortList, U::kItems},
    {"desk.opening_hours[]", kLine, U::kBytes},
    {"categories.*.id", kId, U::kBytes},
    {"categories.*.word", kWord, U::kBytes},
    {"categories.*.pictogram", kFileName, U::kBytes},
    {"categories.*.explanation", kSummary, U::kBytes},
    {"categories.*.translations", kTranslations, U::kItems},
    {"categories.*.translations.*", kWord, U::kBytes},
    {"id", kId, U::kBytes},
    {"category", kId, U::kBytes},
    {"title", kTitle, U::kBytes},
    {"summary", kSummary, U::kBytes},
    {"pictograms", kPictograms, U::kItems},
    {"pictograms[]", kFileName, U::kBytes},
    {"photo", kFileName, U::kBytes},
    {"organiser", kLine, U::kBytes},
    {"first_visit.where", kNote, U::kBytes},
    {"first_visit.who_meets_you", kNote, U::kBytes},
    {"first_visit.what_to_bring", kNote, U::kBytes},
    {"first_visit.what_happens", kNote, U::kBytes},
    {"price.period", kLine, U::kBytes},
    {"price.passes", kShortList, U::kItems},
    {"price.passes[]", kLabel, U::kBytes},
    {"price.how_to_get_pass", kNote, U::kBytes},
    {"price.material_note", kNote, U::kBytes},
    {"location.name", kLine, U::kBytes},
    {"location.address", kLine, U::kBytes},
    {"location.transit", kShortList, U::kItems},
    {"location.transit[]", kLabel, U::kBytes},
    {"location.entrance_photo", kFileName, U::kBytes},
    {"schedule.days", kDays, U::kItems},
    {"schedule.start", kLabel, U::kBytes},
    {"schedule.end", kLabel, U::kBytes},
    {"schedule.season", kLine, U::kBytes},
    {"audience.food_notes", kNote, U::kBytes},
    {"contact.name", kLine, U::kBytes},
    {"contact.photo", kFileName, U::kBytes},
    {"contact.languages", kShortList, U::kItems},
    {"contact.languages[]", kLabel, U::kBytes},
    {"contact.phone", kPhone, U::kBytes},
    {"translations", kTranslations, U::kItems},
    {"clips", kClips, U::kItems},
    {"clips[].file", kFileName, U::kBytes},
};

// The bound of a field, from the table: the one place a value is written.
std::size_t MaxOf(std::string_view key) {
    static const std::unordered_map<std::string_view, std::size_t> by_field = [] {
        std::unordered_map<std::string_view, std::size_t> m;
        for (const auto& b : kBounds) m.emplace(b.field, b.max);
        return m;
    }();
    return by_field.at(key);
}

class Limiter {
  public:
    Limiter(std::vector<Issue>& out, std::string id) : m_out(out), m_id(std::move(id)) {}

    // key is the field's row in the table, when the field's name carries an id or a language.
    void Text(const std::string& field, const std::string& value, std::string_view key = {}) {
        std::size_t max = MaxOf(key.empty() ? field : key);
        if (value.size() > max) Over(field, value.size(), max, "bytes");
    }
    template <class List>
    void Items(const std::string& field, const List& list, std::string_view key = {}) {
        std::size_t max = MaxOf(key.empty() ? field : key);
        if (list.size() > max) Over(field, list.size(), max, "items");
    }
    // A list of texts: its length, then its items (named once, by the first that is over).
    void Texts(const std::string& field, const std::vector<std::string>& list, std::string_view key = {}) {
        Items(field, list, key);
        std::size_t max = MaxOf(std::string(key.empty() ? field : key) + "[]");
        for (const auto& item : list)
            if (item.size() > max) return Over(field, item.size(), max, "bytes");
    }

  private:
    void Over(const std::string& field, std::size_t size, std::size_t max, const char* unit) {
        m_out.push_back(
            {m_id, field,
             "te lang: " + std::to_string(size) + " " + unit + ", hoogstens " + std::to_string(max)});
    }

    std::vector<Issue>& m_out;
    std::string m_id;
};

// Ids and language codes go into field names and messages: cut, so a refusal stays short.
std::string Cut(const std::string& s) {
    return s.size() > kId ? s.substr(0, kId) + "..." : s;
}

// A translation's texts have their Dutch field's bound.
void CheckFirstVisit(Limiter& l, const std::string& prefix, const FirstVisit& f) {
    l.Text(prefix + "where", f.where, "first_visit.where");
    l.Text(prefix + "who_meets_you", f.who_meets_you, "first_visit.who_meets_you");
    l.Text(prefix + "what_to_bring", f.what_to_bring, "first_visit.what_to_bring");
    l.Text(prefix + "what_happens", f.what_happens, "first_visit.what_happens");
}

void CheckActivity(const Activity& a, std::vector<Issue>& out) {
    Limiter l(out, Cut(a.id));
    l.Text("id", a.id);
    l.Text("category", a.category);
    l.Text("title", a.title);
    l.Text("summary", a.summary);
    l.Texts("pictograms", a.pictograms);
    l.Text("photo", a.photo);
    l.Text("organiser", a.organiser);
    CheckFirstVisit(l, "first_visit.", a.first_visit);
    l.Text("price.period", a.price.period);
    l.Texts("price.passes", a.price.passes);
    l.Text("price.how_to_get_pass", a.price.how_to_get_pass);
    l.Text("price.material_note", a.price.material_note);
    l.Text("location.name", a.location.name);
    l.Text("location.address", a.location.address);
    l.Texts("location.transit", a.location.transit);
    l.Text("location.entrance_photo", a.location.entrance_photo);
    l.Items("schedule.days", a.schedule.days);
    l.Text("schedule.start", a.schedule.start);
    l.Text("schedule.end", a.schedule.end);
    l.Text("schedule.season", a.schedule.season);
    l.Text("audience.food_notes", a.audience.food_notes);
    l.Text("contact.name", a.contact.name);
    l.Text("contact.photo", a.contact.photo);
    l.Texts("contact.languages", a.contact.languages);
    l.Text("contact.phone", a.contact.phone);
    l.Items("translations", a.translations);
    for (const auto& [lang, t] : a.translations) {
        std::string prefix = "translations." + Cut(lang) + ".";
        l.Text(prefix + "title", t.title, "title");
        l.Text(prefix + "summary", t.summary, "summary");
        CheckFirstVisit(l, prefix + "first_visit.", t.first_visit);
    }
    l.Items("clips", a.clips);
    for (const auto& clip : a.clips) l.Text("clips", clip.file, "clips[].file");
}

}  // namespace

std::span<const Bound> Bounds() {
    return kBounds;
}

std::vector<Issue> CheckBounds(const Catalogue& c) {
    std::vector<Issue> out;
    Limiter top(out, "");
    top.Items("activities", c.activities);
    top.Items("categories", c.categories);
    top.Text("municipality", c.municipality);
    top.Text("desk.name", c.desk.name);
    top.Text("desk.phone", c.desk.phone);
    top.Text("desk.address", c.desk.address);
    top.Texts("desk.opening_hours", c.desk.opening_hours);
    for (const auto& cat : c.categories) {
        std::string prefix = "categories." + Cut(cat.id) + ".";
        top.Text(prefix + "id", cat.id, "categories.*.id");
        top.Text(prefix + "word", cat.word, "categories.*.word");
        top.Text(prefix + "pictogram", cat.pictogram, "categories.*.pictogram");
        top.Text(prefix + "explanation", cat.explanation, "categories.*.explanation");
        top.Items(prefix + "translations", cat.translations, "categories.*.translations");
        for (const auto& [lang, word] : cat.translations)
            top.Text(prefix + "translations." + Cut(lang), word, "categories.*.translations.*");
    }
    // Past the activity bound the rest is not looked at: one refusal says enough.
    std::size_t n = std::min(c.activities.size(), kActivities + 1);
    for (std::size_t i = 0; i < n; ++i) CheckActivity(c.activities[i], out);
    return out;
}

}  // namespace brugpunt::core
