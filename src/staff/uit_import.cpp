// Owns the mapping from UiTdatabank (publiq) JSON-LD events to activities, the Search API's
// paging, and merging an import into a catalogue. UiTPAS kansentarief prices depend on the pass
// holder: they are shown as indicative and never computed.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "import.h"

using nlohmann::json;

namespace brugpunt::staff {
namespace {

// A language-keyed text ({"nl": ..., "fr": ...}) in Dutch, or a plain string.
std::string Dutch(const json& j) {
    if (j.is_string()) return j.get<std::string>();
    if (j.is_object() && j.contains("nl") && j["nl"].is_string()) return j["nl"].get<std::string>();
    return "";
}

std::string Str(const json& j, const char* key) {
    return j.is_object() && j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

const json& Child(const json& j, const char* key) {
    static const json kNull;
    return j.is_object() && j.contains(key) ? j[key] : kNull;
}

// Description HTML as plain sentences: tags dropped, entities for the usual characters, spaces
// collapsed, at most three sentences kept (the kiosk shows two or three short ones).
std::string PlainSummary(const std::string& html) {
    std::string text;
    bool tag = false;
    for (char c : html) {
        if (c == '<')
            tag = true;
        else if (c == '>') {
            tag = false;
            text += ' ';
        } else if (!tag)
            text += c;
    }
    for (auto [from, to] :
         {std::pair{"&nbsp;", " "}, {"&amp;", "&"}, {"&eacute;", "é"}, {"&euml;", "ë"}, {"&quot;", "\""}})
        for (size_t p; (p = text.find(from)) != std::string::npos;)
            text.replace(p, std::string(from).size(), to);
    std::string out;
    int sentences = 0;
    bool space = false;
    for (char c : text) {
        if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
            space = !out.empty();
            continue;
        }
        if (space && c != '.' && c != ',' && c != '!' && c != '?' && c != ';' && c != ':') out += ' ';
        space = false;
        out += c;
        if ((c == '.' || c == '!' || c == '?') && ++sentences == 3) break;
    }
    return out;
}

std::optional<core::Date> DateOf(const std::string& iso) {
    return iso.size() >= 10 ? core::ParseDate(iso.substr(0, 10)) : std::nullopt;
}

std::string ClockOf(const std::string& iso) {
    return iso.size() >= 16 && iso[10] == 'T' ? iso.substr(11, 5) : "";
}

const char* kMonths[] = {"januari", "februari", "maart",     "april",   "mei",      "juni",
                         "juli",    "augustus", "september", "oktober", "november", "december"};

// Which kiosk category an event belongs to, from the words of its terms (eventtype and theme).
std::string GuessCategory(const json& event, const std::vector<core::Category>& categories) {
    static const std::vector<std::pair<std::vector<std::string>, std::string>> kWords = {
        {{"zwem"}, "zwemmen"},
        {{"dans"}, "dans"},
        {{"muziek", "concert", "zang"}, "muziek"},
        {{"theater", "toneel", "circus"}, "theater"},
        {{"fiets"}, "fietsen"},
        {{"taal", "nederlands", "conversatie"}, "taal"},
        {{"lees", "boek", "bibliotheek", "verhal"}, "lezen"},
        {{"vrijwillig"}, "helpen"},
        {{"speel", "spel"}, "spelen"},
        {{"kamp", "jeugd", "vakantie"}, "jeugd"},
        {{"sport", "beweg"}, "sport"},
    };
    std::string words;
    for (const auto& t : Child(event, "terms"))
        if (t.is_object()) words += " " + Str(t, "label");
    words += " " + Dutch(Child(event, "name"));
    std::transform(words.begin(), words.end(), words.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    for (const auto& word : kWords) {
        const std::string& id = word.second;
        for (const auto& n : word.first)
            if (words.find(n) != std::string::npos &&
                std::any_of(categories.begin(), categories.end(), [&](const auto& c) { return c.id == id; }))
                return id;
    }
    return "";
}

// UiTdatabank's taaliconen labels: one to four icons for how much Dutch an activity asks.
// Without one nobody said, and the Dutch needed stays unknown.
std::optional<int> TaaliconenOf(const json& e) {
    static const std::pair<const char*, int> kIcons[] = {{"een taalicoon", 1},
                                                         {"één taalicoon", 1},
                                                         {"twee taaliconen", 2},
                                                         {"drie taaliconen", 3},
                                                         {"vier taaliconen", 4}};
    for (const char* key : {"labels", "hiddenLabels"})
        for (const auto& l : Child(e, key)) {
            if (!l.is_string()) continue;
            std::string label = l.get<std::string>();
            std::transform(label.begin(), label.end(), label.begin(),
                           [](unsigned char c) { return std::tolower(c); });
            for (const auto& [name, icons] : kIcons)
                if (label == name) return icons;
        }
    return std::nullopt;
}

std::optional<core::DutchNeeded> DutchFromLabels(const json& e) {
    auto icons = TaaliconenOf(e);
    if (!icons) return std::nullopt;
    // Even one icon asks for some Dutch, so no label ever says "geen Nederlands nodig": one or
    // two icons are a little, three or four good Dutch. The icons themselves are kept as well.
    return *icons <= 2 ? core::DutchNeeded::kALittle : core::DutchNeeded::kGood;
}

// What the document is, from its @type or, in older exports without one, its @id's path.
std::string KindOf(const json& e) {
    std::string type = Str(e, "@type");
    if (!type.empty()) return type;
    std::string id = Str(e, "@id");
    if (id.find("/organizers/") != std::string::npos || id.find("/organizer/") != std::string::npos)
        return "Organizer";
    if (id.find("/place/") != std::string::npos || id.find("/places/") != std::string::npos) return "Place";
    return "Event";
}

// UiTdatabank puts online-only events at a placeholder place (the nil UUID, address "___").
bool OnlineOnly(const json& e) {
    if (Str(e, "attendanceMode") == "online") return true;
    const json& loc = Child(e, "location");
    if (Str(loc, "@id").find("00000000-0000-0000-0000-000000000000") != std::string::npos) return true;
    const json& address = Child(loc, "address");
    const json& addr = Child(address, "nl").is_object() ? address["nl"] : address;
    return Str(addr, "streetAddress") == "___" || Str(addr, "addressLocality") == "___";
}

// The last day the event takes place: its end date, the latest sub-event, or its start.
std::optional<core::Date> LastDay(const json& e) {
    if (Str(e, "calendarType") == "permanent") return std::nullopt;
    std::optional<core::Date> last;
    auto take = [&](const json& j) {
        auto d = DateOf(Str(j, "endDate"));
        if (!d) d = DateOf(Str(j, "startDate"));
        if (d && (!last || *last < *d)) last = d;
    };
    take(e);
    for (const auto& s : Child(e, "subEvent")) take(s);
    return last;
}

struct Mapped {
    core::Activity activity;
    std::vector<std::string> notes;
};

Mapped MapEvent(const json& e, const std::vector<core::Category>& categories) {
    Mapped m;
    core::Activity& a = m.activity;
    std::string uri = Str(e, "@id");
    std::string uuid = uri.substr(uri.find_last_of('/') + 1);
    std::transform(uuid.begin(), uuid.end(), uuid.begin(), [](unsigned char c) { return std::tolower(c); });
    a.id = "uit-" + uuid;
    a.title = Dutch(Child(e, "name"));
    if (a.title.empty()) m.notes.push_back("no Dutch name in UiTdatabank: write a title");
    a.summary = PlainSummary(Dutch(Child(e, "description")));
    if (!a.summary.empty())
        m.notes.push_back("summary: taken from the description; rewrite it in two or three short sentences");
    a.category = GuessCategory(e, categories);
    if (a.category.empty()) m.notes.push_back("category: no kiosk category matches its terms; choose one");
    a.organiser = Dutch(Child(Child(e, "organizer"), "name"));

    // Ages: "6-12", "-12", "12-".
    std::string ages = Str(e, "typicalAgeRange");
    if (size_t dash = ages.find('-'); dash != std::string::npos) {
        try {
            if (dash > 0) a.audience.age_min = std::stoi(ages.substr(0, dash));
            if (dash + 1 < ages.size()) a.audience.age_max = std::stoi(ages.substr(dash + 1));
        } catch (...) {
            m.notes.push_back("typicalAgeRange '" + ages + "' is not an age range");
        }
    }

    // Prices: base, tariffs, and UiTPAS (kansentarief) prices, which depend on the pass holder.
    bool uitpas = false;
    for (const auto& p : Child(e, "priceInfo")) {
        if (!p.is_object() || !p.contains("price") || !p["price"].is_number()) continue;
        int cents = static_cast<int>(p["price"].get<double>() * 100 + 0.5);
        std::string category = Str(p, "category");
        std::string name = Dutch(Child(p, "name"));
        std::string lower = name;
        std::transform(lower.begin(), lower.end(), lower.begin(),
                       [](unsigned char c) { return std::tolower(c); });
        if (category == "base") {
            a.price.cents = cents;
        } else if (category == "uitpas" || lower.find("kansentarief") != std::string::npos ||
                   lower.find("uitpas") != std::string::npos) {
            if (!uitpas || cents < a.price.social_cents) a.price.social_cents = cents;
            uitpas = true;
            std::string pass = category == "uitpas" ? "UiTPAS met kansentarief" : name;
            if (std::find(a.price.passes.begin(), a.price.passes.end(), pass) == a.price.passes.end())
                a.price.passes.push_back(pass);
        }
    }
    if (uitpas) {
        a.price.how_to_get_pass =
            "De prijs met UiTPAS hangt af van je pas. Vraag aan de balie wat jij betaalt.";
        m.notes.push_back("price: the UiTPAS price is indicative; the desk tells each visitor theirs");
    }
    // No priceInfo is no price: unknown, never "gratis".
    if (!a.price.cents) {
        a.price.social_cents.reset();
    } else if (a.price.social_cents > a.price.cents) {
        a.price.social_cents = a.price.cents;
    } else if (a.price.cents == 0) {
        a.price.social_cents = 0;  // free for everyone is free with a pass too
    }

    // Where.
    // A place offered as an activity (UitChoices::places) is its own location.
    const json& loc = KindOf(e) == "Place" ? e : Child(e, "location");
    a.location.name = Dutch(Child(loc, "name"));
    const json& addr =
        Child(loc, "address").contains("nl") ? Child(loc, "address")["nl"] : Child(loc, "address");
    std::string street = Str(addr, "streetAddress"), postal = Str(addr, "postalCode"),
                town = Str(addr, "addressLocality");
    a.location.address = street + (street.empty() ? "" : ", ") + postal + (postal.empty() ? "" : " ") + town;
    const json& geo = Child(loc, "geo");
    if (geo.is_object() && geo.contains("latitude") && geo["latitude"].is_number() &&
        geo.contains("longitude") && geo["longitude"].is_number()) {
        a.location.lat = geo["latitude"].get<double>();
        a.location.lon = geo["longitude"].get<double>();
    }

    // When: opening hours for periodic and permanent offers, sub-events or the dates otherwise.
    static const std::map<std::string, core::Weekday> kDays = {
        {"monday", core::Weekday::kMon},    {"tuesday", core::Weekday::kTue},
        {"wednesday", core::Weekday::kWed}, {"thursday", core::Weekday::kThu},
        {"friday", core::Weekday::kFri},    {"saturday", core::Weekday::kSat},
        {"sunday", core::Weekday::kSun}};
    std::set<core::Weekday> days;
    for (const auto& h : Child(e, "openingHours")) {
        for (const auto& d : Child(h, "dayOfWeek"))
            if (d.is_string() && kDays.contains(d.get<std::string>()))
                days.insert(kDays.at(d.get<std::string>()));
        if (a.schedule.start.empty()) {
            a.schedule.start = Str(h, "opens");
            a.schedule.end = Str(h, "closes");
        }
    }
    std::vector<std::pair<std::string, std::string>> times;
    for (const auto& s : Child(e, "subEvent")) times.push_back({Str(s, "startDate"), Str(s, "endDate")});
    if (times.empty() && !Str(e, "startDate").empty())
        times.push_back({Str(e, "startDate"), Str(e, "endDate")});
    std::string calendar = Str(e, "calendarType");
    if (calendar == "single" || calendar == "multiple" || days.empty()) {
        for (const auto& [start, end] : times)
            if (auto d = DateOf(start)) days.insert(core::WeekdayOf(*d));
        if (!times.empty() && a.schedule.start.empty()) {
            a.schedule.start = ClockOf(times.front().first);
            a.schedule.end = ClockOf(times.front().second);
        }
    }
    a.schedule.days.assign(days.begin(), days.end());
    a.schedule.last_date = LastDay(e);
    // The dates themselves, not only the weekdays they fall on: a single day, each date of a
    // series, or a period (a camp) without weekly hours. A sub-event that is cancelled or moved
    // (status Unavailable or TemporarilyUnavailable) is not a date the visitor can come.
    if (calendar == "single" || calendar == "multiple" ||
        (calendar == "periodic" && Child(e, "openingHours").empty())) {
        std::vector<std::pair<std::string, std::string>> kept;
        bool had_sub_events = false;
        for (const auto& sub : Child(e, "subEvent")) {
            had_sub_events = true;
            std::string status = Str(Child(sub, "status"), "type");
            if (status == "Unavailable" || status == "TemporarilyUnavailable") continue;
            kept.push_back({Str(sub, "startDate"), Str(sub, "endDate")});
        }
        if (!had_sub_events && !Str(e, "startDate").empty())
            kept.push_back({Str(e, "startDate"), Str(e, "endDate")});
        for (const auto& [start, end] : kept) {
            auto first = DateOf(start);
            if (!first) continue;
            auto last = DateOf(end);
            core::Occurrence o{*first, last && *last >= *first ? *last : *first, ClockOf(start),
                               ClockOf(end)};
            // A period of several days has opening times per day, not one start and end.
            if (o.last != o.first && calendar == "periodic") o.start.clear(), o.end.clear();
            a.schedule.dates.push_back(std::move(o));
        }
        std::sort(a.schedule.dates.begin(), a.schedule.dates.end(),
                  [](const core::Occurrence& x, const core::Occurrence& y) { return x.first < y.first; });
        // Only the weekdays that a date still on offer falls on.
        if (!a.schedule.dates.empty()) {
            std::set<core::Weekday> on;
            for (const auto& o : a.schedule.dates)
                for (core::Date d = o.first; d <= o.last && core::DaysBetween(o.first, d) < 7;
                     d = core::AddDays(d, 1))
                    on.insert(core::WeekdayOf(d));
            a.schedule.days.assign(on.begin(), on.end());
        }
    }
    auto first = DateOf(Str(e, "startDate")), last = DateOf(Str(e, "endDate"));
    if (first && last)
        a.schedule.season = first->month == last->month && first->year == last->year
                                ? std::string(kMonths[first->month - 1])
                                : std::string(kMonths[first->month - 1]) + " tot " + kMonths[last->month - 1];
    else if (calendar == "permanent")
        a.schedule.season = "het hele jaar";

    // Can you still take part?
    // Booking information that says how to book means registering; none says nothing (legacy
    // events carry it with every field null), so sign-up stays unknown rather than "binnenlopen".
    const json& booking = Child(e, "bookingInfo");
    bool bookable = !Str(booking, "url").empty() || !Str(booking, "email").empty() ||
                    !Str(booking, "phone").empty() || !Str(booking, "availabilityStarts").empty();
    if (bookable) a.audience.signup = core::Signup::kRegistration;
    auto from = DateOf(Str(booking, "availabilityStarts"));
    auto to = DateOf(Str(booking, "availabilityEnds"));
    if (!from) from = DateOf(Str(e, "availableFrom"));
    if (!from) from = DateOf(Str(e, "created"));
    if (!from) from = DateOf(Str(e, "modified"));
    if (!to) to = DateOf(Str(e, "availableTo"));
    if (!to) to = last;
    if (from) a.availability.registration_from = *from;
    if (to) a.availability.registration_to = *to;
    std::string availability = Str(Child(e, "bookingAvailability"), "type");
    if (availability == "Unavailable") a.availability.status = core::Status::kFull;
    if (availability == "Available") a.availability.status = core::Status::kPlacesFree;
    std::string status = Str(Child(e, "status"), "type");
    if (status == "TemporarilyUnavailable")
        m.notes.push_back("UiTdatabank says it is postponed: check the dates");

    // A facility term says yes; no term says nothing, so wheelchair access stays unknown.
    for (const auto& t : Child(e, "terms"))
        if (Str(t, "domain") == "facility" && Str(t, "label").find("olstoel") != std::string::npos)
            a.audience.wheelchair = true;
    a.audience.dutch = DutchFromLabels(e);
    a.audience.dutch_icons = TaaliconenOf(e);

    const json& contact = Child(e, "contactPoint");
    for (const auto& p : Child(contact, "phone"))
        if (p.is_string() && a.contact.phone.empty()) a.contact.phone = p.get<std::string>();
    for (const auto& p :
         Child(booking, "phone").is_string() ? json::array({booking["phone"]}) : json::array())
        if (a.contact.phone.empty()) a.contact.phone = p.get<std::string>();
    a.contact.name = a.organiser;
    a.contact.languages = {"nl"};

    // A photo needs downloading and checking by a person: until then the category's pictogram.
    if (!Str(e, "image").empty() || !Child(e, "mediaObject").empty())
        m.notes.push_back("photo: UiTdatabank has one; save it next to the catalogue and set photo");
    for (const auto& c : categories)
        if (c.id == a.category)
            a.photo = a.location.entrance_photo = a.contact.photo = "pictogram:" + c.pictogram;
    if (auto modified = DateOf(Str(e, "modified"))) a.last_checked = *modified;
    m.notes.push_back(
        "to fill in: pictograms, de eerste keer (where, who meets you, what to bring, what happens), "
        "transit");
    if (auto unknown = a.UnknownFields(); !unknown.empty()) {
        std::string list;
        for (const auto& f : unknown) list += (list.empty() ? "" : ", ") + f;
        m.notes.push_back("UiTdatabank does not say: " + list +
                          "; the kiosk shows \"vraag het aan de balie\" until staff fill them in");
    }
    return m;
}

// Where the events are in a document: a Search API page, a list, or one event.
const json* Events(const json& doc, json& holder) {
    if (doc.is_object() && doc.contains("member") && doc["member"].is_array()) return &doc["member"];
    if (doc.is_array()) return &doc;
    holder = json::array({doc});
    return &holder;
}

void AddEvents(const json& events, const std::string& file, const std::vector<core::Category>& categories,
               const core::Date& today, const UitChoices& choices, Imported& out) {
    for (size_t i = 0; i < events.size(); ++i) {
        const json& e = events[i];
        if (!e.is_object() || Str(e, "@id").empty()) {
            out.errors.push_back({file, 0, 0, "event " + std::to_string(i + 1) + " has no @id; left out"});
            continue;
        }
        std::string modified = Str(e, "modified");
        if (modified > out.newest_modified) out.newest_modified = modified;
        std::string workflow = Str(e, "workflowStatus");
        std::string status = Str(Child(e, "status"), "type");
        Mapped m = MapEvent(e, categories);
        const std::string& id = m.activity.id;
        // Organizers and places are what events refer to, not something to take part in.
        std::string kind = KindOf(e);
        bool open_place = kind == "Place" && choices.places && !Child(e, "openingHours").empty();
        if ((kind == "Organizer" || kind == "Place") && !open_place) {
            out.notes.push_back(id + ": " + (kind == "Place" ? "a place" : "an organizer") +
                                " in UiTdatabank, not an activity; left out" +
                                (kind == "Place" && choices.places ? " (it has no opening hours)" : ""));
            continue;
        }
        if (open_place) {
            // Staff chose it: a place with opening hours (a playground, a library) is always there.
            m.activity.schedule.last_date.reset();
            m.activity.schedule.dates.clear();
            if (m.activity.schedule.season.empty()) m.activity.schedule.season = "het hele jaar";
            m.notes.push_back("a place with opening hours; offered as a permanent activity (--places)");
        }
        if (workflow == "DELETED" || workflow == "REJECTED" || status == "Unavailable") {
            out.removed.push_back(id);
            out.notes.push_back(id + ": " + (status == "Unavailable" ? "cancelled" : "deleted") +
                                " in UiTdatabank; taken off the kiosk");
            continue;
        }
        if (OnlineOnly(e) && !choices.online) {
            out.removed.push_back(id);
            out.notes.push_back(id + ": online only in UiTdatabank (no place to go to); left out");
            continue;
        }
        if (OnlineOnly(e)) {
            // Staff chose it: the placeholder place ("___") is no address to send anyone to.
            m.activity.location = {};
            m.activity.location.name = "Online";
            m.notes.push_back("online only; kept (--online), with no place to go to");
        }
        if (m.activity.Ended(today)) {
            out.removed.push_back(id);
            out.notes.push_back(id + ": ended on " + core::FormatDate(*m.activity.schedule.last_date) +
                                "; not current offer, left out");
            continue;
        }
        for (const auto& n : m.notes) out.notes.push_back(m.activity.id + ": " + n);
        out.activities.push_back(std::move(m.activity));
    }
}

std::string UrlEncode(const std::string& s) {
    std::string out;
    for (unsigned char c : s) {
        if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
            out += static_cast<char>(c);
        } else {
            char buf[4];
            std::snprintf(buf, sizeof buf, "%%%02X", c);
            out += buf;
        }
    }
    return out;
}

}  // namespace

Imported ImportJsonLd(const std::string& text, const std::string& file,
                      const std::vector<core::Category>& categories, const core::Date& today,
                      const UitChoices& choices) {
    Imported out;
    json doc = json::parse(text, nullptr, false);
    if (doc.is_discarded()) {
        out.errors.push_back({file, 0, 0, "not JSON"});
        return out;
    }
    json holder;
    AddEvents(*Events(doc, holder), file, categories, today, choices, out);
    return out;
}

core::Result<Imported> ImportUitdatabank(const UitQuery& q, sync::Fetcher& http,
                                         const std::vector<core::Category>& categories,
                                         const core::Date& today,
                                         const std::function<void(int, int)>& progress) {
    Imported out;
    int start = 0, total = 0;
    std::string base = q.base_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    do {
        sync::FetchRequest req;
        req.url = base + "/events?postalCode=" + UrlEncode(q.postal_code) +
                  "&embed=true&embedUitpasPrices=true&sort%5Bmodified%5D=asc&start=" + std::to_string(start) +
                  "&limit=" + std::to_string(q.page_size);
        if (!q.modified_from.empty()) req.url += "&modifiedFrom=" + UrlEncode(q.modified_from);
        req.headers = {"X-Client-Id: " + q.client_id, "Accept: application/ld+json"};
        req.ca_file = q.ca_file;
        req.timeouts = {10, 120};
        req.max_bytes = 256u << 20;
        sync::FetchResponse r = http.Get(req);
        if (!r.error.empty() || r.status != 200)
            return core::Error{
                core::ErrorCode::kIo,
                "UiTdatabank: " + (r.error.empty() ? "HTTP " + std::to_string(r.status) : r.error) +
                    (r.status == 401 || r.status == 403 ? " (check --client-id)" : "")};
        json page = json::parse(r.body, nullptr, false);
        if (page.is_discarded() || !page.is_object() || !page.contains("member") ||
            !page["member"].is_array() || !page.contains("totalItems") ||
            !page["totalItems"].is_number_integer())
            return core::Error{core::ErrorCode::kParse,
                               "UiTdatabank: page at start=" + std::to_string(start) +
                                   " is not a search result (member, totalItems)"};
        total = page["totalItems"].get<int>();
        AddEvents(page["member"], req.url, categories, today, q.choices, out);
        start += static_cast<int>(page["member"].size());
        if (progress) progress(start, total);
        if (page["member"].empty()) break;
    } while (start < total);
    return out;
}

void Merge(core::Catalogue& catalogue, const Imported& imported) {
    auto& list = catalogue.activities;
    for (const auto& id : imported.removed)
        list.erase(std::remove_if(list.begin(), list.end(), [&](const auto& a) { return a.id == id; }),
                   list.end());
    for (core::Activity a : imported.activities) {
        auto it = std::find_if(list.begin(), list.end(), [&](const auto& old) { return old.id == a.id; });
        if (it == list.end()) {
            list.push_back(std::move(a));
            continue;
        }
        // What staff added on the kiosk side stays unless the import brings its own.
        const core::Activity& old = *it;
        if (a.pictograms.empty()) a.pictograms = old.pictograms;
        if (a.first_visit == core::FirstVisit{}) a.first_visit = old.first_visit;
        if (a.location.transit.empty()) a.location.transit = old.location.transit;
        if (a.category.empty()) a.category = old.category;
        // Where the import does not say, what staff filled in stays.
        auto keep = [](auto& field, const auto& old_field) {
            if (!field) field = old_field;
        };
        keep(a.audience.dutch, old.audience.dutch);
        keep(a.audience.signup, old.audience.signup);
        keep(a.audience.childcare, old.audience.childcare);
        keep(a.audience.wheelchair, old.audience.wheelchair);
        keep(a.availability.status, old.availability.status);
        keep(a.availability.trial_possible, old.availability.trial_possible);
        keep(a.price.cents, old.price.cents);
        keep(a.price.social_cents, old.price.social_cents);
        if (a.translations.empty()) a.translations = old.translations;
        if (a.clips.empty()) a.clips = old.clips;
        if (a.photo.starts_with("pictogram:") && !old.photo.empty()) a.photo = old.photo;
        *it = std::move(a);
    }
}

}  // namespace brugpunt::staff
