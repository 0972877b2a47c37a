// Owns the check: positions for catalogue issues, and the plain-language rules.
#include "check.h"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

#include <set>

#include "core/bounds.h"
#include "core/validate.h"
#include "store/catalogue_json.h"

namespace brugpunt::staff {
namespace {

// Length in characters, not bytes: "één" is three letters.
int Letters(std::string_view word) {
    return static_cast<int>(
        std::count_if(word.begin(), word.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string Lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return std::tolower(c); });
    return out;
}

// Words of a text: letters, digits, and the bytes of non-ASCII letters; hyphens split.
std::vector<std::string> Words(std::string_view text) {
    std::vector<std::string> out;
    std::string w;
    for (char c : text) {
        unsigned char u = static_cast<unsigned char>(c);
        if (std::isalnum(u) || u >= 0x80 || c == '\'') {
            w += c;
        } else if (!w.empty()) {
            out.push_back(w);
            w.clear();
        }
    }
    if (!w.empty()) out.push_back(w);
    return out;
}

// The sentences of a text, split after . ! ? and a space or the end.
std::vector<std::string_view> Sentences(std::string_view text) {
    std::vector<std::string_view> out;
    size_t start = 0;
    for (size_t i = 0; i < text.size(); ++i)
        if ((text[i] == '.' || text[i] == '!' || text[i] == '?') &&
            (i + 1 == text.size() || text[i + 1] == ' ')) {
            out.push_back(text.substr(start, i + 1 - start));
            start = i + 1;
        }
    if (start < text.size() && text.find_first_not_of(' ', start) != std::string_view::npos)
        out.push_back(text.substr(start));
    return out;
}

// Positions in catalogue JSON, from one pass over the text: where each line starts and where each
// "id" key is. A 10,000-activity catalogue is 30 MB with thousands of warnings; a scan from the
// start for each of them took minutes.
class JsonLocator {
  public:
    explicit JsonLocator(std::string_view text) : m_text(text) {
        m_line_starts.push_back(0);
        for (size_t i = 0; i < text.size(); ++i)
            if (text[i] == '\n') m_line_starts.push_back(i + 1);
        for (size_t p = text.find("\"id\""); p != std::string_view::npos; p = text.find("\"id\"", p + 4)) {
            m_id_keys.push_back(p);
            size_t colon = text.find_first_not_of(" \t\r\n", p + 4);
            if (colon == std::string_view::npos || text[colon] != ':') continue;
            size_t open = text.find_first_not_of(" \t\r\n", colon + 1);
            if (open == std::string_view::npos || text[open] != '"') continue;
            size_t close = text.find('"', open + 1);
            if (close == std::string_view::npos) break;
            m_ids.emplace(std::string(text.substr(open + 1, close - open - 1)), p);  // the first one
        }
    }

    // 1-based line and column (in letters) of byte offset pos.
    std::pair<int, int> LineColumn(size_t pos) const {
        pos = std::min(pos, m_text.size());
        auto next = std::upper_bound(m_line_starts.begin(), m_line_starts.end(), pos);
        size_t start = *(next - 1);
        auto letters = std::count_if(m_text.begin() + start, m_text.begin() + pos,
                                     [](char c) { return (c & 0xC0) != 0x80; });
        return {static_cast<int>(next - m_line_starts.begin()), static_cast<int>(letters) + 1};
    }

    // Where an activity's field is: its key after the activity's "id", or the id itself.
    std::pair<int, int> Locate(const std::string& activity_id, const std::string& field) const {
        size_t from = 0, until = m_text.size();
        if (auto found = m_ids.find(activity_id); !activity_id.empty() && found != m_ids.end()) {
            from = found->second;
            auto next = std::upper_bound(m_id_keys.begin(), m_id_keys.end(), from);
            if (next != m_id_keys.end() && from) until = *next;
        }
        std::string last = field.substr(field.rfind('.') + 1);
        if (last == "coordinates") last = "lat";
        if (last == "age") last = "age_min";
        size_t at = m_text.substr(0, until).find("\"" + last + "\"", from);
        return LineColumn(at == std::string_view::npos ? from : at);
    }

  private:
    std::string_view m_text;
    std::vector<size_t> m_line_starts;
    std::vector<size_t> m_id_keys;
    std::map<std::string, size_t, std::less<>> m_ids;
};

// The template column for a catalogue field path.
std::string CsvColumnFor(const std::string& field) {
    static const std::map<std::string, std::string> kColumns = {
        {"first_visit.where", "first_visit_where"},
        {"first_visit.who_meets_you", "first_visit_who"},
        {"first_visit.what_to_bring", "first_visit_bring"},
        {"first_visit.what_happens", "first_visit_what"},
        {"price.cents", "price_eur"},
        {"price.social_cents", "social_price_eur"},
        {"price.period", "price_period"},
        {"location.name", "location_name"},
        {"location.address", "address"},
        {"location.coordinates", "lat"},
        {"audience.age", "age_min"},
        {"contact.name", "contact_name"},
        {"contact.photo", "contact_photo"},
        {"contact.languages", "contact_languages"},
        {"contact.phone", "contact_phone"}};
    if (auto it = kColumns.find(field); it != kColumns.end()) return it->second;
    return field.substr(field.rfind('.') + 1);
}

// The texts a visitor reads, by field path.
std::vector<std::pair<std::string, std::string>> VisitorTexts(const core::Activity& a) {
    return {{"title", a.title},
            {"summary", a.summary},
            {"first_visit.where", a.first_visit.where},
            {"first_visit.who_meets_you", a.first_visit.who_meets_you},
            {"first_visit.what_to_bring", a.first_visit.what_to_bring},
            {"first_visit.what_happens", a.first_visit.what_happens},
            {"price.how_to_get_pass", a.price.how_to_get_pass},
            {"price.material_note", a.price.material_note},
            {"audience.food_notes", a.audience.food_notes}};
}

}  // namespace

std::vector<JargonTerm> ParseJargon(std::string_view text) {
    std::vector<JargonTerm> out;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string line(text.substr(pos, end - pos));
        pos = end + 1;
        if (size_t hash = line.find('#'); hash != std::string::npos) line.erase(hash);
        size_t eq = line.find('=');
        auto trim = [](std::string s) {
            s.erase(0, s.find_first_not_of(" \t\r"));
            s.erase(s.find_last_not_of(" \t\r") + 1);
            return s;
        };
        std::string term = trim(line.substr(0, eq));
        if (!term.empty())
            out.push_back({Lower(term), eq == std::string::npos ? "" : trim(line.substr(eq + 1))});
    }
    return out;
}

int DutchSyllables(std::string_view word) {
    int groups = 0;
    bool in_vowel = false;
    for (size_t i = 0; i < word.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(std::tolower(static_cast<unsigned char>(word[i])));
        bool vowel = false, diaeresis = false;
        if (c == 0xC3 && i + 1 < word.size()) {  // UTF-8 Latin-1 letters: à..ü
            unsigned char n = static_cast<unsigned char>(word[i + 1]);
            diaeresis = n == 0xAB || n == 0xAF || n == 0xB6 || n == 0xBC || n == 0xA4 ||  // ë ï ö ü ä
                        n == 0x8B || n == 0x8F || n == 0x96 || n == 0x9C || n == 0x84;
            vowel = (n >= 0xA0 && n <= 0xBC) || (n >= 0x80 && n <= 0x9C);
            ++i;
        } else {
            vowel = c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y';
        }
        if (vowel && (!in_vowel || diaeresis)) ++groups;
        in_vowel = vowel;
    }
    return std::max(groups, 1);
}

std::vector<std::string> PlainLanguageWarnings(std::string_view text, const std::vector<JargonTerm>& jargon) {
    std::vector<std::string> out;
    for (std::string_view s : Sentences(text))
        if (size_t n = Words(s).size(); n > 12)
            out.push_back("a sentence of " + std::to_string(n) + " words (keep it to 12): \"" +
                          std::string(s.substr(s.find_first_not_of(' '))) + "\"");
    std::vector<std::string> seen;
    for (const auto& w : Words(text)) {
        if (std::find(seen.begin(), seen.end(), w) != seen.end()) continue;
        seen.push_back(w);
        if (Letters(w) > 15)
            out.push_back("a long word (" + std::to_string(Letters(w)) + " letters): \"" + w + "\"");
        else if (int n = DutchSyllables(w); n > 4)
            out.push_back("a hard word (" + std::to_string(n) + " syllables): \"" + w + "\"");
    }
    std::string lower = " " + Lower(text) + " ";
    for (const auto& j : jargon) {
        size_t p = lower.find(j.term);
        bool whole = p != std::string::npos && !std::isalnum(static_cast<unsigned char>(lower[p - 1])) &&
                     !std::isalnum(static_cast<unsigned char>(lower[p + j.term.size()]));
        if (whole)
            out.push_back("jargon: \"" + j.term + "\"" +
                          (j.instead.empty() ? "" : "; say \"" + j.instead + "\""));
    }
    return out;
}

CheckReport CheckFile(const std::string& path, const std::string& text, const std::vector<JargonTerm>& jargon,
                      const core::Date& today) {
    CheckReport report;
    bool csv = path.size() > 4 && Lower(path.substr(path.size() - 4)) == ".csv";
    if (text.size() > core::bound::kCatalogueBytes) {
        report.errors.push_back({path, 0, 0,
                                 "the file is too large: " + std::to_string(text.size()) +
                                     " bytes, at most " + std::to_string(core::bound::kCatalogueBytes)});
        return report;
    }
    std::vector<core::Activity> activities;
    std::vector<core::Issue> issues;
    std::map<std::string, int> csv_rows;  // activity id -> row
    int stale_after = core::kDefaultStaleAfterDays;
    std::vector<core::Category> categories;  // a catalogue's; the sheet has none
    if (csv) {
        Imported imported = ImportCsv(text, path);
        report.errors = imported.errors;
        for (size_t i = 0; i < imported.activities.size(); ++i)
            csv_rows[imported.activities[i].id] = imported.rows[i];
        activities = imported.activities;
        core::Catalogue only;  // the categories are not in the sheet: check everything else
        only.activities = activities;
        for (auto& a : only.activities)
            if (!a.category.empty()) only.categories.push_back({a.category, "x", "x", {}});
        // What the kiosk would refuse first, then what it would show anyway.
        for (const auto& issue : store::CatalogueRefusals(only))
            if (!issue.activity_id.empty()) issues.push_back(issue);
        for (const auto& issue : core::ValidateCatalogue(only))
            if (!issue.activity_id.empty()) issues.push_back(issue);
    } else {
        auto parsed = store::ParseCatalogueJson(text);
        if (!parsed) {
            size_t pos = 0;
            try {
                auto ignored = nlohmann::json::parse(text);
            } catch (const nlohmann::json::parse_error& e) {
                pos = e.byte ? e.byte - 1 : 0;
            } catch (...) {
            }
            auto [line, column] = JsonLocator(text).LineColumn(pos);
            report.errors.push_back({path, line, column, parsed.error().message});
            return report;
        }
        issues = store::CatalogueRefusals(parsed->catalogue);
        issues.insert(issues.end(), parsed->issues.begin(), parsed->issues.end());
        for (auto& i : core::ValidateCatalogue(parsed->catalogue)) issues.push_back(i);
        activities = parsed->catalogue.activities;
        stale_after = parsed->catalogue.stale_after_days;
        categories = parsed->catalogue.categories;
    }
    std::optional<JsonLocator> json_at;
    if (!csv) json_at.emplace(text);
    auto where = [&](const std::string& id, const std::string& field) -> std::pair<int, int> {
        if (!csv) return json_at->Locate(id, field);
        auto col = std::find(CsvColumns().begin(), CsvColumns().end(), CsvColumnFor(field));
        int column = col == CsvColumns().end() ? 0 : static_cast<int>(col - CsvColumns().begin()) + 1;
        return {csv_rows.count(id) ? csv_rows[id] : 0, column};
    };
    std::set<std::string> refused;  // activities with a text over its bound: no warnings to read
    for (const auto& issue : issues) {
        auto [row, column] = where(issue.activity_id, issue.field);
        report.errors.push_back({path, row, column, core::FormatIssue(issue)});
        if (issue.message.starts_with("te lang")) refused.insert(issue.activity_id);
    }
    for (const auto& a : activities) {
        if (auto unknown = a.UnknownFields(); !unknown.empty()) {
            std::string list;
            for (const auto& f : unknown) list += (list.empty() ? "" : ", ") + f;
            auto [row, column] = where(a.id, unknown.front());
            report.to_fill.push_back(
                {path, row, column,
                 a.id + ": to fill in: " + list + " (unknown: the kiosk says \"vraag het aan de balie\")"});
        }
        if (a.CheckedLongAgo(today, stale_after)) {
            auto [row, column] = where(a.id, "last_checked");
            std::string when = a.last_checked == core::Date{} ? "never" : core::FormatDate(a.last_checked);
            report.to_fill.push_back({path, row, column,
                                      a.id + ": last_checked " + when + " is more than " +
                                          std::to_string(stale_after) +
                                          " days ago (the kiosk says \"misschien niet meer juist\"): "
                                          "check it and set last_checked"});
        }
    }
    for (const auto& c : categories)
        for (const auto& w : PlainLanguageWarnings(c.explanation, jargon)) {
            auto [row, column] = csv ? std::pair{0, 0} : json_at->Locate(c.id, "explanation");
            report.warnings.push_back({path, row, column, "categories." + c.id + ".explanation: " + w});
        }
    for (const auto& a : activities) {
        if (refused.count(a.id)) continue;
        for (const auto& [field, value] : VisitorTexts(a))
            for (const auto& w : PlainLanguageWarnings(value, jargon)) {
                auto [row, column] = where(a.id, field);
                report.warnings.push_back({path, row, column, a.id + ": " + field + ": " + w});
            }
    }
    return report;
}

}  // namespace brugpunt::staff
