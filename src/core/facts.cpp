// Owns the five facts that decide and what a tap on one says.
#include "facts.h"

#include "language.h"

namespace brugpunt::core {

namespace {
constexpr const char* kDesk = "desk";
}  // namespace

const char* StatusPictoName(const std::optional<Status>& status) {
    if (!status) return kDesk;
    switch (*status) {
        case Status::kPlacesFree:
            return "check";
        case Status::kWaitingList:
            return "hourglass";
        case Status::kFull:
            return "no-entry";
    }
    return "check";
}

bool IsFactField(std::string_view field) {
    for (auto f : kFactFields)
        if (f == field) return true;
    return false;
}

std::vector<KeyFact> KeyFacts(const Activity& a, const Date& today, const Words& w) {
    std::vector<KeyFact> facts;
    const auto& p = a.price;
    KeyFact price{"price", "detail.price", "money", "", ""};
    if (!p.cents) {
        price = {price.field, price.heading_key, kDesk, w.Text("unknown.price"), ""};
    } else {
        price.main = PriceText(p, w);
        if (*p.cents > 0 && !p.social_cents)
            price.extra = w.Text("unknown.social");
        else if (*p.cents > 0 && *p.social_cents < *p.cents)
            price.extra = w.Fill("price.social_short", {FormatEuro(*p.social_cents)});
    }
    facts.push_back(price);

    KeyFact when{"when", "detail.when", "clock", "", ""};
    if (!a.schedule.dates.empty()) {
        auto next = a.NextDates(today, 1000);
        if (next.empty()) {
            when = {when.field, when.heading_key, kDesk, w.Text("unknown.when"), ""};
        } else {
            when.picto = "calendar";
            when.main = OccurrenceDay(next.front(), w);
            when.extra = Hours(next.front().start, next.front().end, w);
            if (next.size() > 1)
                when.extra += (when.extra.empty() ? "" : "\n") +
                              w.Count("when.more_dates", static_cast<long long>(next.size() - 1));
        }
    } else if (a.schedule.days.empty()) {
        when = {when.field, when.heading_key, kDesk, w.Text("unknown.when"), ""};
    } else {
        when.main = DaysLong(a.schedule.days, w);
        when.extra = Hours(a.schedule.start, a.schedule.end, w);
    }
    facts.push_back(when);

    // A place's name and address are the same in every language.
    facts.push_back({"where", "detail.where", "pin", a.location.name, a.location.address});

    const auto& au = a.audience;
    std::string for_whom = au.for_whom == ForWhom::kGirlsWomen ? w.Text("who.girls")
                           : au.for_whom == ForWhom::kBoysMen  ? w.Text("who.boys")
                                                               : "";
    facts.push_back({"age", "detail.for_whom", au.for_whom == ForWhom::kGirlsWomen ? "girl" : "child",
                     AgeText(au, w), for_whom});

    const auto& av = a.availability;
    KeyFact places{"places", "detail.places", StatusPictoName(av.status), "", ""};
    places.main = av.status ? StatusText(*av.status, w) : w.Text("unknown.status");
    if (today > av.registration_to)
        places.extra = w.Text("places.closed");
    else if (today < av.registration_from)
        places.extra = w.Fill("places.opens", {DateLong(av.registration_from, w)});
    else if (a.TrialOffered())
        places.extra = w.Text("places.trial");
    facts.push_back(places);
    return facts;
}

std::string Sentences(std::initializer_list<const std::string*> parts) {
    std::string out;
    for (const std::string* t : parts)
        if (!t->empty()) out += (out.empty() ? "" : " ") + *t + (t->back() == '.' ? "" : ".");
    return out;
}

Utterance FactSpeech(const KeyFact& dutch, const Words& nl, const KeyFact* theirs, const Words* w,
                     bool reviewed) {
    std::string heading = nl.Text(dutch.heading_key);
    Utterance u{.dutch = Sentences({&heading, &dutch.main, &dutch.extra}), .reviewed = reviewed};
    if (theirs && w) {
        std::string their_heading = w->Text(dutch.heading_key);
        std::string said = Sentences({&their_heading, &theirs->main, &theirs->extra});
        if (Complete(said)) u.translated = said;
    }
    return u;
}

Utterance FactUtterance(const Activity& a, std::string_view field, const Date& today, const Translations& t,
                        const std::string& lang) {
    Words nl(t.Dutch(), true);
    std::vector<KeyFact> dutch = KeyFacts(a, today, nl);
    const Strings* theirs = lang != kDutch ? t.In(lang) : nullptr;
    std::optional<Words> w;
    std::vector<KeyFact> in;
    if (theirs) {
        w.emplace(*theirs, false);
        in = KeyFacts(a, today, *w);
    }
    bool reviewed = !w || !w->TakeDrafts();
    for (size_t i = 0; i < dutch.size(); ++i)
        if (dutch[i].field == field)
            return FactSpeech(dutch[i], nl, i < in.size() ? &in[i] : nullptr, w ? &*w : nullptr, reviewed);
    return {};
}

}  // namespace brugpunt::core
