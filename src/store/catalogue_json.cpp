// Owns reading and writing the JSON catalogue source. Must not include sqlite3 or any UI.
#include "catalogue_json.h"

#include <filesystem>
#include <nlohmann/json.hpp>

#include "core/bounds.h"
#include "core/files.h"
#include "core/language.h"
#include "core/paths.h"
#include "core/speech.h"

namespace brugpunt::store {
namespace {

using nlohmann::json;
using namespace brugpunt::core;

constexpr int kPauseEvery = 16;  // activities (or JSON objects) between two pauses

// Reads fields from one JSON object, recording each missing or mistyped one as an Issue.
class Reader {
  public:
    Reader(const json& obj, std::string id, std::string prefix, std::vector<Issue>& issues)
        : m_obj(obj), m_id(std::move(id)), m_prefix(std::move(prefix)), m_issues(issues) {}

    Reader Child(const char* key) {
        const json* child = Find(key, json::value_t::object, "een object");
        return Reader(child ? *child : Empty(), m_id, Path(key) + ".", m_issues);
    }
    std::string Str(const char* key) {
        const json* v = Find(key, json::value_t::string, "tekst");
        return v ? v->get<std::string>() : std::string();
    }
    bool Bool(const char* key) {
        const json* v = Find(key, json::value_t::boolean, "true of false");
        return v && v->get<bool>();
    }
    int Int(const char* key) {
        const json* v = Find(key, json::value_t::number_integer, "een geheel getal");
        return v ? v->get<int>() : 0;
    }
    double Number(const char* key) {
        const json* v = Find(key, json::value_t::number_float, "een getal");
        return v ? v->get<double>() : 0.0;
    }
    std::vector<std::string> StrList(const char* key) {
        std::vector<std::string> out;
        const json* v = Find(key, json::value_t::array, "een lijst");
        if (!v) return out;
        for (const auto& item : *v) {
            if (item.is_string())
                out.push_back(item.get<std::string>());
            else
                Fail(key, "lijst mag alleen tekst bevatten");
        }
        return out;
    }
    Date DateField(const char* key) {
        std::string s = Str(key);
        if (s.empty()) return {};
        auto d = ParseDate(s);
        if (!d) Fail(key, "'" + s + "' is geen datum (JJJJ-MM-DD)");
        return d.value_or(Date{});
    }
    std::optional<Date> OptionalDate(const char* key) {
        auto it = m_obj.find(key);
        if (it == m_obj.end() || it->is_null()) return std::nullopt;
        return DateField(key);
    }
    template <class E>
    E Enum(const char* key, std::optional<E> (*parse)(std::string_view), E fallback, const char* allowed) {
        std::string s = Str(key);
        if (s.empty()) return fallback;
        auto v = parse(s);
        if (!v) Fail(key, "'" + s + "' is niet toegelaten; kies uit " + allowed);
        return v.value_or(fallback);
    }
    void Fail(const char* key, std::string message) {
        m_issues.push_back({m_id, Path(key), std::move(message)});
    }
    // Fields a source may leave out: absent (or null) is unknown, not a problem, and never a value.
    bool Present(const char* key) const {
        auto it = m_obj.find(key);
        return it != m_obj.end() && !it->is_null();
    }
    std::optional<int> MaybeInt(const char* key) {
        if (!Present(key)) return std::nullopt;
        const json* v = Find(key, json::value_t::number_integer, "een geheel getal");
        return v ? std::optional<int>(v->get<int>()) : std::nullopt;
    }
    std::optional<bool> MaybeBool(const char* key) {
        if (!Present(key)) return std::nullopt;
        const json* v = Find(key, json::value_t::boolean, "true of false");
        return v ? std::optional<bool>(v->get<bool>()) : std::nullopt;
    }
    template <class E>
    std::optional<E> MaybeEnum(const char* key, std::optional<E> (*parse)(std::string_view),
                               const char* allowed) {
        if (!Present(key)) return std::nullopt;
        std::string s = Str(key);
        auto v = parse(s);
        if (!v)
            Fail(key, "'" + s + "' is niet toegelaten; kies uit " + allowed + ", of laat het weg (onbekend)");
        return v;
    }

  private:
    static const json& Empty() {
        static const json empty = json::object();
        return empty;
    }
    std::string Path(const char* key) const { return m_prefix + key; }
    const json* Find(const char* key, json::value_t type, const char* what) {
        auto it = m_obj.find(key);
        if (it == m_obj.end() || it->is_null()) {
            Fail(key, "ontbreekt");
            return nullptr;
        }
        bool ok = it->type() == type || (type == json::value_t::number_integer && it->is_number_unsigned()) ||
                  (type == json::value_t::number_float && it->is_number());
        if (!ok) {
            Fail(key, std::string("moet ") + what + " zijn");
            return nullptr;
        }
        return &*it;
    }

    const json& m_obj;
    std::string m_id;
    std::string m_prefix;
    std::vector<Issue>& m_issues;
};

// Optional: "translations": {"ar": {"title", "summary", "first_visit", "reviewed"}} and
// "clips": [{"field", "lang", "file"}]. Any field may be left out of a translation.
void ReadTranslations(const json& obj, Activity& a, Reader& r) {
    if (auto t = obj.find("translations"); t != obj.end()) {
        if (!t->is_object()) r.Fail("translations", "moet een object zijn (per taal)");
        for (auto it = t->begin(); t->is_object() && it != t->end(); ++it) {
            // Any language may be translated into; the kiosk offers those it has phrases for.
            if (!IsLanguageCode(it.key()))
                r.Fail("translations", "'" + it.key() + "' is geen taalcode (twee of drie letters, a-z)");
            if (!it->is_object()) {
                r.Fail("translations", it.key() + " moet een object zijn");
                continue;
            }
            const json& o = *it;
            // Optional fields: absent is fine, the wrong kind is an issue (never an exception).
            auto str = [&](const json& j, const char* k) {
                auto f = j.find(k);
                if (f == j.end() || f->is_null()) return std::string();
                if (!f->is_string()) r.Fail("translations", it.key() + "." + k + " moet tekst zijn");
                return f->is_string() ? f->get<std::string>() : std::string();
            };
            auto reviewed = o.find("reviewed");
            bool is_bool = reviewed != o.end() && reviewed->is_boolean();
            if (reviewed != o.end() && !is_bool)
                r.Fail("translations", it.key() + ".reviewed moet true of false zijn");
            ActivityTexts texts{str(o, "title"), str(o, "summary"), {}, is_bool && reviewed->get<bool>()};
            if (auto fv = o.find("first_visit"); fv != o.end() && fv->is_object())
                texts.first_visit = {str(*fv, "where"), str(*fv, "who_meets_you"), str(*fv, "what_to_bring"),
                                     str(*fv, "what_happens")};
            a.translations[it.key()] = std::move(texts);
        }
    }
    if (auto c = obj.find("clips"); c != obj.end()) {
        if (!c->is_array()) r.Fail("clips", "moet een lijst zijn");
        for (const auto& item : c->is_array() ? *c : json::array()) {
            auto str = [&](const char* k) {
                auto f = item.is_object() ? item.find(k) : item.end();
                return f != item.end() && f->is_string() ? f->get<std::string>() : std::string();
            };
            Clip clip{str("field"), str("lang"), str("file")};
            // Where the file may be is CatalogueRefusals' rule (core/paths.h), not the parser's.
            if (!IsSpokenField(clip.field) || !IsLanguageCode(clip.lang) || clip.file.empty())
                r.Fail("clips", "elke clip heeft field (title, summary, first_visit), lang en file");
            else
                a.clips.push_back(std::move(clip));
        }
    }
}

json FirstVisitJson(const FirstVisit& f) {
    return {{"where", f.where},
            {"who_meets_you", f.who_meets_you},
            {"what_to_bring", f.what_to_bring},
            {"what_happens", f.what_happens}};
}

json TranslationsJson(const Activity& a) {
    json t = json::object();
    for (const auto& [lang, x] : a.translations)
        t[lang] = {{"title", x.title},
                   {"summary", x.summary},
                   {"first_visit", FirstVisitJson(x.first_visit)},
                   {"reviewed", x.reviewed}};
    return t;
}

json ClipsJson(const Activity& a) {
    json c = json::array();
    for (const auto& clip : a.clips)
        c.push_back({{"field", clip.field}, {"lang", clip.lang}, {"file", clip.file}});
    return c;
}

Activity ReadActivity(const json& obj, std::vector<Issue>& issues) {
    std::string id = obj.value("id", "");
    Reader r(obj, id, "", issues);
    Activity a;
    a.id = r.Str("id");
    a.category = r.Str("category");
    a.title = r.Str("title");
    a.summary = r.Str("summary");
    a.pictograms = r.StrList("pictograms");
    a.photo = r.Str("photo");
    a.organiser = r.Str("organiser");

    Reader fv = r.Child("first_visit");
    a.first_visit = {fv.Str("where"), fv.Str("who_meets_you"), fv.Str("what_to_bring"),
                     fv.Str("what_happens")};

    Reader p = r.Child("price");
    a.price.cents = p.MaybeInt("cents");
    a.price.period = p.Str("period");
    a.price.social_cents = p.MaybeInt("social_cents");
    a.price.passes = p.StrList("passes");
    a.price.how_to_get_pass = p.Str("how_to_get_pass");
    a.price.material_available = p.Bool("material_available");
    a.price.material_note = p.Str("material_note");

    Reader av = r.Child("availability");
    a.availability.status = av.MaybeEnum("status", &ParseStatus, "free, waitlist, full");
    a.availability.trial_possible = av.MaybeBool("trial_possible");
    a.availability.registration_from = av.DateField("registration_from");
    a.availability.registration_to = av.DateField("registration_to");
    a.availability.reopens_on = av.OptionalDate("reopens_on");
    a.availability.interest_list = av.Bool("interest_list");
    a.availability.social_places = av.Int("social_places");

    Reader loc = r.Child("location");
    a.location.name = loc.Str("name");
    a.location.address = loc.Str("address");
    a.location.lat = loc.Number("lat");
    a.location.lon = loc.Number("lon");
    a.location.transit = loc.StrList("transit");
    a.location.entrance_photo = loc.Str("entrance_photo");

    Reader sch = r.Child("schedule");
    for (const auto& code : sch.StrList("days")) {
        if (auto d = ParseWeekday(code))
            a.schedule.days.push_back(*d);
        else
            sch.Fail("days", "'" + code + "' is geen dag; gebruik ma, di, wo, do, vr, za, zo");
    }
    a.schedule.start = sch.Str("start");
    a.schedule.end = sch.Str("end");
    a.schedule.season = sch.Str("season");
    a.schedule.in_school_hours = sch.Bool("in_school_hours");
    if (sch.Present("last_date")) a.schedule.last_date = sch.DateField("last_date");
    if (auto dates = obj.find("schedule");
        dates != obj.end() && dates->is_object() && dates->contains("dates")) {
        const json& list = (*dates)["dates"];
        if (!list.is_array()) sch.Fail("dates", "moet een lijst zijn");
        for (const auto& one : list.is_array() ? list : json::array()) {
            static const json kNone = json::object();  // the Reader keeps a reference
            Reader o(one.is_object() ? one : kNone, a.id, "schedule.dates.", issues);
            // A date without a time is a date the source gave without one: no issue.
            Occurrence occ{o.DateField("first"),
                           {},
                           o.Present("start") ? o.Str("start") : "",
                           o.Present("end") ? o.Str("end") : ""};
            occ.last = o.Present("last") ? o.DateField("last") : occ.first;
            if (occ.last < occ.first) o.Fail("last", "ligt voor de eerste dag");
            a.schedule.dates.push_back(std::move(occ));
        }
        std::sort(a.schedule.dates.begin(), a.schedule.dates.end(),
                  [](const Occurrence& x, const Occurrence& y) { return x.first < y.first; });
    }

    Reader au = r.Child("audience");
    a.audience.age_min = au.Int("age_min");
    a.audience.age_max = au.Int("age_max");
    a.audience.for_whom = au.Enum("for_whom", &ParseForWhom, ForWhom::kMixed, "mixed, girls, boys");
    a.audience.dutch = au.MaybeEnum("dutch", &ParseDutchNeeded, "none, a-little, good");
    a.audience.dutch_icons = au.MaybeInt("dutch_icons");
    if (au.Present("practise_dutch")) a.audience.practise_dutch = au.Bool("practise_dutch");
    a.audience.signup = au.MaybeEnum("signup", &ParseSignup, "walk-in, registration");
    a.audience.childcare = au.MaybeBool("childcare");
    a.audience.children_welcome = au.Bool("children_welcome");
    a.audience.wheelchair = au.MaybeBool("wheelchair");
    a.audience.alcohol_free = au.Bool("alcohol_free");
    a.audience.food_notes = au.Str("food_notes");

    Reader c = r.Child("contact");
    a.contact = {c.Str("name"), c.Str("photo"), c.StrList("languages"), c.Str("phone")};
    a.last_checked = r.DateField("last_checked");
    ReadTranslations(obj, a, r);
    return a;
}

void ReadHeader(const json& obj, Catalogue& cat, std::vector<Issue>& issues) {
    Reader r(obj, "", "", issues);
    cat.municipality = r.Str("municipality");
    auto it = obj.find("version");
    if (it != obj.end() && it->is_number_integer())
        cat.version = it->get<long long>();
    else
        r.Fail("version", "moet een geheel getal zijn");
    if (r.Present("stale_after_days")) cat.stale_after_days = r.Int("stale_after_days");
    Reader d = r.Child("desk");
    cat.desk = {d.Str("name"), d.Str("phone"), d.Str("address"), d.StrList("opening_hours")};
    if (auto hs = obj.find("school_holidays"); hs != obj.end() && !hs->is_null()) {
        if (!hs->is_array()) r.Fail("school_holidays", "moet een lijst zijn");
        for (const auto& one : hs->is_array() ? *hs : json::array()) {
            static const json kNone = json::object();  // the Reader keeps a reference
            Reader h(one.is_object() ? one : kNone, "", "school_holidays.", issues);
            Holiday hol{h.Str("name"), h.DateField("first"), h.DateField("last")};
            if (hol.last < hol.first) h.Fail("last", "ligt voor de eerste dag");
            cat.holidays.push_back(std::move(hol));
        }
        std::sort(cat.holidays.begin(), cat.holidays.end(),
                  [](const Holiday& x, const Holiday& y) { return x.first < y.first; });
    }
    auto cats = obj.find("categories");
    if (cats == obj.end() || !cats->is_array()) {
        r.Fail("categories", "moet een lijst zijn");
        return;
    }
    for (const auto& c : *cats) {
        if (!c.is_object()) {
            r.Fail("categories", "elke categorie is een object");
            continue;
        }
        Reader cr(c, "", "categories.", issues);
        Category category{cr.Str("id"), cr.Str("word"), cr.Str("pictogram"), {}, {}};
        if (cr.Present("explanation")) category.explanation = cr.Str("explanation");
        if (auto t = c.find("translations"); t != c.end() && t->is_object())
            for (auto it = t->begin(); it != t->end(); ++it)
                if (it->is_string() && IsLanguageCode(it.key()))
                    category.translations[it.key()] = it->get<std::string>();
        cat.categories.push_back(std::move(category));
    }
}

// Unknown is written as an absent key, as it is read.
template <class T>
void PutKnown(json& obj, const char* key, const std::optional<T>& value) {
    if (value) obj[key] = *value;
}
template <class E>
void PutCode(json& obj, const char* key, const std::optional<E>& value, std::string_view (*code)(E)) {
    if (value) obj[key] = std::string(code(*value));
}

json ActivityJson(const Activity& a) {
    json days = json::array();
    for (auto d : a.schedule.days) days.push_back(std::string(WeekdayCode(d)));
    const auto& av = a.availability;
    json price = {{"period", a.price.period},
                  {"passes", a.price.passes},
                  {"how_to_get_pass", a.price.how_to_get_pass},
                  {"material_available", a.price.material_available},
                  {"material_note", a.price.material_note}};
    PutKnown(price, "cents", a.price.cents);
    PutKnown(price, "social_cents", a.price.social_cents);
    json availability = {{"registration_from", FormatDate(av.registration_from)},
                         {"registration_to", FormatDate(av.registration_to)},
                         {"reopens_on", av.reopens_on ? json(FormatDate(*av.reopens_on)) : json(nullptr)},
                         {"interest_list", av.interest_list},
                         {"social_places", av.social_places}};
    PutCode(availability, "status", av.status, &StatusCode);
    PutKnown(availability, "trial_possible", av.trial_possible);
    json schedule = {{"days", days},
                     {"start", a.schedule.start},
                     {"end", a.schedule.end},
                     {"season", a.schedule.season},
                     {"in_school_hours", a.schedule.in_school_hours}};
    if (a.schedule.last_date) schedule["last_date"] = FormatDate(*a.schedule.last_date);
    if (!a.schedule.dates.empty()) {
        json dates = json::array();
        for (const Occurrence& o : a.schedule.dates) {
            json one = {{"first", FormatDate(o.first)}, {"last", FormatDate(o.last)}};
            if (!o.start.empty()) one["start"] = o.start;
            if (!o.end.empty()) one["end"] = o.end;
            dates.push_back(std::move(one));
        }
        schedule["dates"] = std::move(dates);
    }
    json audience = {{"age_min", a.audience.age_min},
                     {"age_max", a.audience.age_max},
                     {"for_whom", std::string(ForWhomCode(a.audience.for_whom))},
                     {"children_welcome", a.audience.children_welcome},
                     {"alcohol_free", a.audience.alcohol_free},
                     {"food_notes", a.audience.food_notes}};
    PutCode(audience, "dutch", a.audience.dutch, &DutchNeededCode);
    PutKnown(audience, "dutch_icons", a.audience.dutch_icons);
    if (a.audience.practise_dutch) audience["practise_dutch"] = true;
    PutCode(audience, "signup", a.audience.signup, &SignupCode);
    PutKnown(audience, "childcare", a.audience.childcare);
    PutKnown(audience, "wheelchair", a.audience.wheelchair);
    return json{
        {"id", a.id},
        {"category", a.category},
        {"title", a.title},
        {"summary", a.summary},
        {"pictograms", a.pictograms},
        {"photo", a.photo},
        {"organiser", a.organiser},
        {"first_visit", FirstVisitJson(a.first_visit)},
        {"price", price},
        {"availability", availability},
        {"location",
         {{"name", a.location.name},
          {"address", a.location.address},
          {"lat", a.location.lat},
          {"lon", a.location.lon},
          {"transit", a.location.transit},
          {"entrance_photo", a.location.entrance_photo}}},
        {"schedule", schedule},
        {"audience", audience},
        {"contact",
         {{"name", a.contact.name},
          {"photo", a.contact.photo},
          {"languages", a.contact.languages},
          {"phone", a.contact.phone}}},
        {"last_checked", FormatDate(a.last_checked)},
        {"translations", TranslationsJson(a)},
        {"clips", ClipsJson(a)},
    };
}

json HolidaysJson(const std::vector<Holiday>& holidays) {
    json out = json::array();
    for (const Holiday& h : holidays)
        out.push_back({{"name", h.name}, {"first", FormatDate(h.first)}, {"last", FormatDate(h.last)}});
    return out;
}

json HeaderJson(const Catalogue& cat) {
    json cats = json::array();
    for (const auto& c : cat.categories) {
        json one = {
            {"id", c.id}, {"word", c.word}, {"pictogram", c.pictogram}, {"translations", c.translations}};
        if (!c.explanation.empty()) one["explanation"] = c.explanation;
        cats.push_back(std::move(one));
    }
    return json{{"format", kCatalogueFormat},
                {"municipality", cat.municipality},
                {"version", cat.version},
                {"stale_after_days", cat.stale_after_days},
                {"desk",
                 {{"name", cat.desk.name},
                  {"phone", cat.desk.phone},
                  {"address", cat.desk.address},
                  {"opening_hours", cat.desk.opening_hours}}},
                {"categories", cats},
                {"school_holidays", HolidaysJson(cat.holidays)}};
}

}  // namespace

Result<ParsedCatalogue> ParseCatalogueJson(std::string_view text, const Pause& pause) {
    // With a pause, the parser stops for it every few dozen objects it has read, so a long parse
    // can wait too, not only the reading of the activities after it.
    int objects = 0;
    json::parser_callback_t every_few = [&](int, json::parse_event_t event, json&) {
        if (event == json::parse_event_t::object_end && ++objects % kPauseEvery == 0) pause();
        return true;
    };
    json root = json::parse(text, pause ? every_few : nullptr, /*allow_exceptions=*/false);
    if (root.is_discarded()) return Error{ErrorCode::kParse, "the catalogue is not valid JSON"};
    if (!root.is_object()) return Error{ErrorCode::kParse, "the catalogue must be a JSON object"};
    auto format = root.find("format");
    if (format == root.end() || !format->is_number_integer() || format->get<int>() != kCatalogueFormat)
        return Error{ErrorCode::kParse, "unsupported catalogue format (expected \"format\": 1)"};

    ParsedCatalogue out;
    ReadHeader(root, out.catalogue, out.issues);
    auto acts = root.find("activities");
    if (acts == root.end() || !acts->is_array()) {
        out.issues.push_back({"", "activities", "moet een lijst zijn"});
        return out;
    }
    size_t read = 0;
    for (const auto& item : *acts) {
        if (pause && ++read % kPauseEvery == 0) pause();
        if (!item.is_object()) {
            out.issues.push_back({"", "activities", "elke activiteit is een object"});
            continue;
        }
        out.catalogue.activities.push_back(ReadActivity(item, out.issues));
    }
    return out;
}

std::string ActivityToJson(const Activity& activity) {
    return ActivityJson(activity).dump();
}

std::string CatalogueHeaderToJson(const Catalogue& catalogue) {
    json root = HeaderJson(catalogue);
    root["activities"] = json::array();
    return root.dump();
}

std::string CatalogueToJson(const Catalogue& catalogue) {
    json root = HeaderJson(catalogue);
    json acts = json::array();
    for (const auto& a : catalogue.activities) acts.push_back(ActivityJson(a));
    root["activities"] = std::move(acts);
    return root.dump(2);
}

Result<Activity> ActivityFromJson(std::string_view text) {
    json obj = json::parse(text, nullptr, false);
    if (obj.is_discarded() || !obj.is_object())
        return Error{ErrorCode::kParse, "activity is not a JSON object"};
    std::vector<Issue> issues;
    Activity a = ReadActivity(obj, issues);
    if (!issues.empty()) return Error{ErrorCode::kParse, FormatIssue(issues.front())};
    return a;
}

std::vector<Issue> CatalogueRefusals(const Catalogue& catalogue) {
    std::vector<Issue> out = CheckBounds(catalogue);
    auto names = CheckCatalogueNames(catalogue);
    out.insert(out.end(), names.begin(), names.end());
    return out;
}

std::vector<Issue> MissingClips(const Catalogue& catalogue) {
    std::vector<Issue> out;
    std::error_code ec;
    for (const auto& a : catalogue.activities)
        for (const auto& clip : a.clips)
            if (!std::filesystem::is_regular_file(clip.file, ec))
                out.push_back({a.id, "clips", "het bestand " + clip.file + " bestaat niet"});
    return out;
}

Result<ParsedCatalogue> LoadCatalogueFile(const std::string& path, const std::string& folder,
                                          const Pause& pause) {
    namespace fs = std::filesystem;
    std::error_code ec;
    // The size is known before a byte is read: a catalogue over its bound is never parsed. Only a
    // regular file has one; a device or a pipe could be read for ever.
    if (!fs::is_regular_file(path, ec)) return Error{ErrorCode::kIo, "cannot open catalogue '" + path + "'"};
    auto size = fs::file_size(path, ec);
    if (ec) return Error{ErrorCode::kIo, "cannot open catalogue '" + path + "'"};
    auto too_large = [&](uintmax_t bytes) {
        return Error{ErrorCode::kInvalid, path +
                                              ": the catalogue file is too large: " + std::to_string(bytes) +
                                              " bytes, at most " + std::to_string(bound::kCatalogueBytes)};
    };
    if (size > bound::kCatalogueBytes) return too_large(size);
    auto text = core::ReadWholeFile(path);
    if (!text) return Error{ErrorCode::kIo, "cannot open catalogue '" + path + "'"};
    if (text->size() > bound::kCatalogueBytes) return too_large(text->size());  // it grew since
    auto parsed = ParseCatalogueJson(*text, pause);
    if (!parsed) return Error{parsed.error().code, path + ": " + parsed.error().message};
    if (auto refused = CatalogueRefusals(parsed->catalogue); !refused.empty()) {
        // The first few say enough to fix it; `check` lists them all.
        std::string why;
        for (size_t i = 0; i < refused.size() && i < 10; ++i)
            why += (i ? "; " : "") + FormatIssue(refused[i]);
        if (refused.size() > 10) why += "; and " + std::to_string(refused.size() - 10) + " more";
        return Error{ErrorCode::kInvalid, path + ": " + why};
    }
    auto more = ValidateCatalogue(parsed->catalogue);
    parsed->issues.insert(parsed->issues.end(), more.begin(), more.end());
    // Clips are named relative to the catalogue, so a catalogue folder can move as a whole; they
    // are resolved against its absolute folder, so the speaker can check them where it opens them.
    fs::path where =
        folder.empty() ? fs::absolute(fs::path(path), ec).parent_path() : fs::absolute(folder, ec);
    std::string dir = where.lexically_normal().string();
    for (auto& a : parsed->catalogue.activities)
        for (auto& clip : a.clips)
            clip.file = ResolveInside(dir, clip.file).value();  // CatalogueRefusals passed it
    if (folder.empty()) {
        auto missing = MissingClips(parsed->catalogue);
        parsed->issues.insert(parsed->issues.end(), missing.begin(), missing.end());
    }
    return parsed;
}

}  // namespace brugpunt::store
