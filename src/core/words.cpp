// Owns the phrase templates' filling and the catalogue's Dutch period and season words read back
// into their parts.
#include "words.h"

#include <array>
#include <cctype>

namespace brugpunt::core {

const std::string* Words::Find(const std::string& key, long long n, bool plural) const {
    if (!m_strings->Has(key)) return nullptr;
    if (!m_strings->Reviewed(key)) m_drafts = true;
    return &(plural ? m_strings->Plural(key, n) : m_strings->Get(key));
}

std::string Words::Text(const std::string& key) const {
    const std::string* t = Find(key, 0, false);
    if (t) return *t;
    return m_source ? key : std::string(1, kMissingWord);
}

namespace {

std::string FillIn(const std::string& text, std::initializer_list<std::string> args) {
    std::string out;
    auto next = args.begin();
    for (size_t i = 0; i < text.size(); ++i) {
        size_t len = 0;
        if (text[i] == '%') {
            std::string_view rest(text.data() + i + 1, text.size() - i - 1);
            len = rest.starts_with("s") || rest.starts_with("d") ? 2 : rest.starts_with("lld") ? 4 : 0;
        }
        if (len == 0) {
            out += text[i];
            continue;
        }
        if (next != args.end()) out += *next++;
        i += len - 1;
    }
    return out;
}

}  // namespace

std::string Words::Count(const std::string& key, long long n) const {
    const std::string* t = Find(key, n, true);
    if (!t) return m_source ? key : std::string(1, kMissingWord);
    return FillIn(*t, {std::to_string(n)});
}

std::string Words::Fill(const std::string& key, std::initializer_list<std::string> args) const {
    const std::string* t = Find(key, 0, false);
    if (!t) return m_source ? key : std::string(1, kMissingWord);
    return FillIn(*t, args);
}

std::string Words::Dutch(const std::string& text) const {
    return m_source ? text : std::string(1, kMissingWord);
}

bool Words::TakeDrafts() const {
    bool d = m_drafts;
    m_drafts = false;
    return d;
}

std::string DayName(Weekday d, const Words& w) {
    return w.Text("day." + std::string(WeekdayCode(d)));
}

std::string JoinList(const std::vector<std::string>& items, const Words& w) {
    if (items.empty()) return "";
    std::string out = items.front();
    for (size_t i = 1; i + 1 < items.size(); ++i) out += w.Text("list.comma") + items[i];
    return items.size() == 1 ? out : w.Fill("list.and", {out, items.back()});
}

std::string DaysLong(const std::vector<Weekday>& days, const Words& w) {
    if (days.size() == kWeekdayCount) return w.Text("days.every");
    std::vector<std::string> names;
    for (Weekday d : days) names.push_back(DayName(d, w));
    return JoinList(names, w);
}

std::string MonthName(int month, const Words& w) {
    return w.Text("month." + std::to_string(month));
}

std::string DateLong(const Date& d, const Words& w) {
    return w.Fill("date.long", {std::to_string(d.day), MonthName(d.month, w), std::to_string(d.year)});
}

std::string OccurrenceDay(const Occurrence& o, const Words& w) {
    std::string day = DayName(WeekdayOf(o.first), w) + " " + DateLong(o.first, w);
    if (o.last != o.first) day = w.Fill("when.from_to", {day, DateLong(o.last, w)});
    return day;
}

std::string Hours(const std::string& start, const std::string& end, const Words& w) {
    if (start.empty()) return "";
    return end.empty() ? start : w.Fill("when.hours", {start, end});
}

std::string AgeText(const Audience& a, const Words& w) {
    if (a.age_min == 0 && a.age_max >= 99) return w.Text("age.all");
    if (a.age_max >= 99) return w.Fill("age.from", {std::to_string(a.age_min)});
    return w.Fill("age.range", {std::to_string(a.age_min), std::to_string(a.age_max)});
}

namespace {

// The catalogue's "voor N lessen" words, each a plural template.
struct Counted {
    std::string_view singular, plural, key;
};
constexpr std::array<Counted, 4> kCounted = {{{"les", "lessen", "price.for.lessen"},
                                              {"keer", "keer", "price.for.keer"},
                                              {"dag", "dagen", "price.for.dagen"},
                                              {"week", "weken", "price.for.weken"}}};
constexpr std::array<std::string_view, 11> kPer = {
    "keer",  "jaar", "seizoen",         "dag", "week", "maand", "les", "schooljaar",
    "reeks", "kamp", "persoon per keer"};

std::string Lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    while (!out.empty() && (out.back() == ' ' || out.back() == '.')) out.pop_back();
    while (!out.empty() && out.front() == ' ') out.erase(out.begin());
    return out;
}

// 1 for "januari", ..., 0 for anything else.
int MonthNumber(std::string_view word) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "januari", "februari", "maart",     "april",   "mei",      "juni",
        "juli",    "augustus", "september", "oktober", "november", "december"};
    for (size_t i = 0; i < kMonths.size(); ++i)
        if (kMonths[i] == word) return static_cast<int>(i) + 1;
    return 0;
}

constexpr std::array<std::string_view, 5> kHolidays = {"herfst", "kerst", "krokus", "paas", "zomer"};

// "price.per.persoon_per_keer" for "persoon per keer".
std::string PerKey(std::string_view per) {
    std::string key = "price.per." + std::string(per);
    for (char& c : key)
        if (c == ' ') c = '_';
    return key;
}

// A season word: a month or a school holiday, in w's language; nothing when it is neither.
std::optional<std::string> SeasonWord(std::string_view word, const Words& w) {
    if (int m = MonthNumber(word)) return MonthName(m, w);
    for (std::string_view h : kHolidays)
        if (word == std::string(h) + "vakantie") return w.Text("holiday." + std::string(h));
    return std::nullopt;
}

}  // namespace

std::string PeriodText(const std::string& period, const Words& w) {
    if (w.IsSource() || period.empty()) return period;
    std::string p = Lower(period);
    if (p.starts_with("per ")) {
        std::string what = p.substr(4);
        for (std::string_view per : kPer)
            if (what == per) return w.Text(PerKey(per));
    }
    if (p.starts_with("voor ")) {
        size_t i = 5;
        long long n = 0;
        while (i < p.size() && std::isdigit(static_cast<unsigned char>(p[i])) && n < 100000)
            n = n * 10 + (p[i++] - '0');
        if (i > 5 && i < p.size() && p[i] == ' ') {
            std::string_view unit = std::string_view(p).substr(i + 1);
            for (const Counted& c : kCounted)
                if (unit == (n == 1 ? c.singular : c.plural)) return w.Count(std::string(c.key), n);
        }
    }
    return w.Dutch(period);
}

std::string PriceText(const Price& p, const Words& w) {
    int cents = p.cents.value_or(0);
    if (cents == 0) return w.Text("price.free");
    if (p.period.empty()) return FormatEuro(cents);
    return w.Fill("price.amount", {FormatEuro(cents), PeriodText(p.period, w)});
}

std::string SeasonText(const std::string& season, const Words& w) {
    if (w.IsSource() || season.empty()) return season;
    std::string s = Lower(season);
    if (s == "het hele jaar" || s == "heel het jaar") return w.Text("season.all_year");
    if (auto one = SeasonWord(s, w)) return *one;
    for (auto [sep, key] : {std::pair{" tot ", "season.from_to"}, std::pair{" en ", "season.and"}}) {
        size_t at = s.find(sep);
        if (at == std::string::npos) continue;
        auto a = SeasonWord(std::string_view(s).substr(0, at), w);
        auto b = SeasonWord(std::string_view(s).substr(at + std::string_view(sep).size()), w);
        if (a && b) return w.Fill(key, {*a, *b});
    }
    return w.Dutch(season);
}

std::string StatusText(Status s, const Words& w) {
    switch (s) {
        case Status::kPlacesFree:
            return w.Text("status.free");
        case Status::kWaitingList:
            return w.Text("status.waitlist");
        case Status::kFull:
            return w.Text("status.full");
    }
    return "";
}

std::vector<std::string> KeysOfWords() {
    std::vector<std::string> keys = {
        "days.every",     "list.and",   "list.comma",  "date.long",       "when.from_to", "when.hours",
        "age.all",        "age.from",   "age.range",   "price.free",      "price.amount", "season.all_year",
        "season.from_to", "season.and", "status.free", "status.waitlist", "status.full"};
    for (int m = 1; m <= 12; ++m) keys.push_back("month." + std::to_string(m));
    for (std::string_view h : kHolidays) keys.push_back("holiday." + std::string(h));
    for (std::string_view per : kPer) keys.push_back(PerKey(per));
    for (const Counted& c : kCounted) keys.emplace_back(c.key);
    return keys;
}

std::string LanguageNames(const std::vector<std::string>& codes, const Words& w) {
    std::vector<std::string> names;
    for (const auto& c : codes) names.push_back(w.Text("lang." + c));
    return JoinList(names, w);
}

}  // namespace brugpunt::core
