// Owns the CSV template: reading cells (RFC 4180 quotes, ',' or ';') and turning a row into an
// activity. Values are accepted in Dutch ("ja", "wachtlijst", "12,50") as staff type them.
#include <algorithm>
#include <map>

#include "import.h"

namespace brugpunt::staff {
namespace {

struct Cell {
    std::string text;
    int row;
};

// Rows of cells. An unterminated quote is reported at the row where it started.
std::vector<std::vector<Cell>> ReadCells(const std::string& text, char sep, std::vector<Problem>& errors,
                                         const std::string& file) {
    std::vector<std::vector<Cell>> rows;
    std::vector<Cell> row;
    std::string cell;
    int line = 1, cell_line = 1;
    bool quoted = false, any = false;
    auto end_cell = [&] {
        row.push_back({cell, cell_line});
        cell.clear();
        cell_line = line;
    };
    for (size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
                cell += '"';
                ++i;
            } else if (c == '"') {
                quoted = false;
            } else {
                if (c == '\n') ++line;
                cell += c;
            }
            continue;
        }
        if (c == '"' && cell.empty()) {
            quoted = any = true;
        } else if (c == sep) {
            end_cell();
            any = true;
        } else if (c == '\n' || c == '\r') {
            if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
            if (any || !cell.empty()) {
                end_cell();
                rows.push_back(std::move(row));
                row.clear();
            }
            any = false;
            ++line;
            cell_line = line;
        } else {
            cell += c;
            any = true;
        }
    }
    if (quoted)
        errors.push_back({file, cell_line, static_cast<int>(row.size()) + 1, "a quote (\") is never closed"});
    if (any || !cell.empty()) {
        end_cell();
        rows.push_back(std::move(row));
    }
    return rows;
}

char Separator(const std::string& text) {
    std::string first = text.substr(0, text.find('\n'));
    return std::count(first.begin(), first.end(), ';') > std::count(first.begin(), first.end(), ',') ? ';'
                                                                                                     : ',';
}

std::string Trim(std::string s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
    size_t b = s.find_first_not_of(" \t");
    return b == std::string::npos ? "" : s.substr(b);
}

std::vector<std::string> Split(const std::string& s, char by) {
    std::vector<std::string> out;
    size_t start = 0;
    while (start <= s.size()) {
        size_t end = s.find(by, start);
        if (end == std::string::npos) end = s.size();
        if (std::string part = Trim(s.substr(start, end - start)); !part.empty()) out.push_back(part);
        start = end + 1;
    }
    return out;
}

// Reads one row's cells by column name; every bad value becomes a Problem at its cell.
class RowReader {
  public:
    RowReader(const std::vector<Cell>& cells, const std::map<std::string, int>& columns,
              const std::string& file, std::vector<Problem>& errors)
        : m_cells(cells), m_columns(columns), m_file(file), m_errors(errors) {}

    std::string Text(const std::string& name) const {
        int i = m_columns.at(name);
        return i < static_cast<int>(m_cells.size()) ? Trim(m_cells[i].text) : "";
    }
    void Fail(const std::string& name, const std::string& why) {
        int i = m_columns.at(name);
        int row = i < static_cast<int>(m_cells.size()) ? m_cells[i].row : m_cells.front().row;
        m_errors.push_back({m_file, row, i + 1, name + ": " + why});
        ok = false;
    }
    bool Bool(const std::string& name) {
        std::string v = Text(name);
        std::transform(v.begin(), v.end(), v.begin(), [](unsigned char c) { return std::tolower(c); });
        if (v == "ja" || v == "yes" || v == "1" || v == "x") return true;
        if (v.empty() || v == "nee" || v == "no" || v == "0") return false;
        Fail(name, "'" + Text(name) + "' is geen ja of nee");
        return false;
    }
    // An empty cell is unknown: the kiosk says "vraag het aan de balie", never no, free or none.
    std::optional<bool> MaybeBool(const std::string& name) {
        if (Text(name).empty()) return std::nullopt;
        return Bool(name);
    }
    std::optional<int> MaybeEuro(const std::string& name) {
        if (Text(name).empty()) return std::nullopt;
        return Euro(name);
    }
    template <class T>
    std::optional<T> MaybeEnum(const std::string& name, const std::map<std::string, T>& words) {
        if (Text(name).empty()) return std::nullopt;
        return Enum(name, words, words.begin()->second);
    }
    int Int(const std::string& name, int fallback = 0) {
        std::string v = Text(name);
        if (v.empty()) return fallback;
        try {
            size_t used = 0;
            int n = std::stoi(v, &used);
            if (used == v.size()) return n;
        } catch (...) {
        }
        Fail(name, "'" + v + "' is geen geheel getal");
        return fallback;
    }
    double Number(const std::string& name) {
        std::string v = Text(name);
        std::replace(v.begin(), v.end(), ',', '.');
        if (v.empty()) return 0;
        try {
            size_t used = 0;
            double d = std::stod(v, &used);
            if (used == v.size()) return d;
        } catch (...) {
        }
        Fail(name, "'" + Text(name) + "' is geen getal");
        return 0;
    }
    // "12,50", "12.5", "€ 12", "gratis" -> cents
    int Euro(const std::string& name) {
        std::string v = Text(name);
        if (v == "gratis" || v == "0") return 0;
        std::string digits;
        for (char c : v)
            if ((c >= '0' && c <= '9') || c == ',' || c == '.') digits += c == ',' ? '.' : c;
        try {
            size_t used = 0;
            double d = std::stod(digits, &used);
            if (used == digits.size() && d >= 0) return static_cast<int>(d * 100 + 0.5);
        } catch (...) {
        }
        Fail(name, "'" + v + "' is geen bedrag in euro");
        return 0;
    }
    core::Date Date(const std::string& name) {
        std::string v = Text(name);
        if (v.empty()) return {};
        if (auto d = core::ParseDate(v)) return *d;
        Fail(name, "'" + v + "' is geen datum (JJJJ-MM-DD)");
        return {};
    }
    template <class T>
    T Enum(const std::string& name, const std::map<std::string, T>& words, T fallback) {
        std::string v = Text(name);
        if (v.empty()) return fallback;
        if (auto it = words.find(v); it != words.end()) return it->second;
        std::string allowed;
        for (const auto& [w, _] : words) allowed += (allowed.empty() ? "" : ", ") + w;
        Fail(name, "'" + v + "' is niet een van: " + allowed);
        return fallback;
    }

    bool ok = true;

  private:
    const std::vector<Cell>& m_cells;
    const std::map<std::string, int>& m_columns;
    const std::string& m_file;
    std::vector<Problem>& m_errors;
};

core::Activity ReadActivity(RowReader& r) {
    using namespace core;
    Activity a;
    a.id = r.Text("id");
    a.category = r.Text("category");
    a.title = r.Text("title");
    a.summary = r.Text("summary");
    a.pictograms = Split(r.Text("pictograms"), ' ');
    a.photo = r.Text("photo");
    a.organiser = r.Text("organiser");
    a.first_visit = {r.Text("first_visit_where"), r.Text("first_visit_who"), r.Text("first_visit_bring"),
                     r.Text("first_visit_what")};
    a.price.cents = r.MaybeEuro("price_eur");
    a.price.period = r.Text("price_period");
    a.price.social_cents = r.MaybeEuro("social_price_eur");
    a.price.passes = Split(r.Text("passes"), '|');
    a.price.how_to_get_pass = r.Text("how_to_get_pass");
    a.price.material_available = r.Bool("material_available");
    a.price.material_note = r.Text("material_note");
    a.availability.status = r.MaybeEnum<Status>("status", {{"vrij", Status::kPlacesFree},
                                                           {"free", Status::kPlacesFree},
                                                           {"wachtlijst", Status::kWaitingList},
                                                           {"waitlist", Status::kWaitingList},
                                                           {"volzet", Status::kFull},
                                                           {"full", Status::kFull}});
    a.availability.trial_possible = r.MaybeBool("trial_possible");
    a.availability.registration_from = r.Date("registration_from");
    a.availability.registration_to = r.Date("registration_to");
    if (!r.Text("reopens_on").empty()) a.availability.reopens_on = r.Date("reopens_on");
    a.availability.interest_list = r.Bool("interest_list");
    a.availability.social_places = r.Int("social_places");
    a.location = {r.Text("location_name"),       r.Text("address"),       r.Number("lat"), r.Number("lon"),
                  Split(r.Text("transit"), '|'), r.Text("entrance_photo")};
    for (const auto& d : Split(r.Text("days"), ' ')) {
        if (auto day = ParseWeekday(d))
            a.schedule.days.push_back(*day);
        else
            r.Fail("days", "'" + d + "' is geen dag; gebruik ma di wo do vr za zo");
    }
    a.schedule.start = r.Text("start");
    a.schedule.end = r.Text("end");
    a.schedule.season = r.Text("season");
    a.schedule.in_school_hours = r.Bool("in_school_hours");
    a.audience.age_min = r.Int("age_min", 0);
    a.audience.age_max = r.Int("age_max", 99);
    a.audience.for_whom = r.Enum<ForWhom>("for_whom",
                                          {{"iedereen", ForWhom::kMixed},
                                           {"mixed", ForWhom::kMixed},
                                           {"meisjes", ForWhom::kGirlsWomen},
                                           {"vrouwen", ForWhom::kGirlsWomen},
                                           {"jongens", ForWhom::kBoysMen},
                                           {"mannen", ForWhom::kBoysMen}},
                                          ForWhom::kMixed);
    a.audience.dutch = r.MaybeEnum<DutchNeeded>(
        "dutch",
        {{"geen", DutchNeeded::kNone}, {"een-beetje", DutchNeeded::kALittle}, {"goed", DutchNeeded::kGood}});
    a.audience.signup = r.MaybeEnum<Signup>(
        "signup", {{"binnenlopen", Signup::kWalkIn}, {"inschrijven", Signup::kRegistration}});
    a.audience.childcare = r.MaybeBool("childcare");
    a.audience.children_welcome = r.Bool("children_welcome");
    a.audience.wheelchair = r.MaybeBool("wheelchair");
    a.audience.alcohol_free = r.Bool("alcohol_free");
    a.audience.food_notes = r.Text("food_notes");
    a.contact = {r.Text("contact_name"), r.Text("contact_photo"), Split(r.Text("contact_languages"), ' '),
                 r.Text("contact_phone")};
    a.last_checked = r.Date("last_checked");
    return a;
}

}  // namespace

std::string FormatProblem(const Problem& p) {
    std::string where = p.file;
    if (p.row) where += ":" + std::to_string(p.row);
    if (p.column) where += ":" + std::to_string(p.column);
    return where + ": " + p.message;
}

const std::vector<std::string>& CsvColumns() {
    static const std::vector<std::string> kColumns = {"id",
                                                      "category",
                                                      "title",
                                                      "summary",
                                                      "pictograms",
                                                      "photo",
                                                      "organiser",
                                                      "first_visit_where",
                                                      "first_visit_who",
                                                      "first_visit_bring",
                                                      "first_visit_what",
                                                      "price_eur",
                                                      "price_period",
                                                      "social_price_eur",
                                                      "passes",
                                                      "how_to_get_pass",
                                                      "material_available",
                                                      "material_note",
                                                      "status",
                                                      "trial_possible",
                                                      "registration_from",
                                                      "registration_to",
                                                      "reopens_on",
                                                      "interest_list",
                                                      "social_places",
                                                      "location_name",
                                                      "address",
                                                      "lat",
                                                      "lon",
                                                      "transit",
                                                      "entrance_photo",
                                                      "days",
                                                      "start",
                                                      "end",
                                                      "season",
                                                      "in_school_hours",
                                                      "age_min",
                                                      "age_max",
                                                      "for_whom",
                                                      "dutch",
                                                      "signup",
                                                      "childcare",
                                                      "children_welcome",
                                                      "wheelchair",
                                                      "alcohol_free",
                                                      "food_notes",
                                                      "contact_name",
                                                      "contact_photo",
                                                      "contact_languages",
                                                      "contact_phone",
                                                      "last_checked"};
    return kColumns;
}

Imported ImportCsv(const std::string& text, const std::string& file) {
    Imported out;
    std::string body = text.starts_with("\xEF\xBB\xBF") ? text.substr(3) : text;  // a spreadsheet's BOM
    auto rows = ReadCells(body, Separator(body), out.errors, file);
    if (rows.empty()) {
        out.errors.push_back({file, 0, 0, "the file is empty; start from assets/catalogue-template.csv"});
        return out;
    }
    std::map<std::string, int> columns;
    for (size_t i = 0; i < rows[0].size(); ++i) {
        std::string name = Trim(rows[0][i].text);
        if (std::find(CsvColumns().begin(), CsvColumns().end(), name) == CsvColumns().end())
            out.errors.push_back({file, 1, static_cast<int>(i) + 1, "unknown column '" + name + "'"});
        else if (!columns.emplace(name, static_cast<int>(i)).second)
            out.errors.push_back({file, 1, static_cast<int>(i) + 1, "column '" + name + "' appears twice"});
    }
    for (const auto& name : CsvColumns())
        if (!columns.contains(name)) out.errors.push_back({file, 1, 0, "column '" + name + "' is missing"});
    if (!out.errors.empty()) return out;
    for (size_t r = 1; r < rows.size(); ++r) {
        RowReader reader(rows[r], columns, file, out.errors);
        core::Activity a = ReadActivity(reader);
        if (!reader.ok) continue;
        out.activities.push_back(std::move(a));
        out.rows.push_back(rows[r].front().row);
    }
    return out;
}

}  // namespace brugpunt::staff
