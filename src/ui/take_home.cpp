// Owns the card a visitor takes home. Must not include SDL, store or sync.
#include "take_home.h"

#include "format.h"

namespace brugpunt::ui {

namespace {

// The next time it takes place: the next date of a dated activity, else the weekdays and hours.
std::string WhenText(const core::Activity& a, const core::Date& today) {
    const core::Schedule& s = a.schedule;
    if (s.dates.empty()) {
        std::string weekly = s.start.empty() ? "" : " " + s.start + (s.end.empty() ? "" : " - " + s.end);
        return s.days.empty() ? "" : DaysLong(s.days) + weekly;
    }
    auto next = a.NextDates(today, 1);
    if (next.empty()) return "";
    std::string hours = core::Hours(next.front().start, next.front().end, DutchWords());
    return core::OccurrenceDay(next.front(), DutchWords()) + (hours.empty() ? "" : " " + hours);
}

void Line(core::TakeHomeCard& card, const char* picto, const char* key, const std::string& value,
          bool new_section = false) {
    if (!value.empty())
        card.lines.push_back({picto, std::string(Tr(key)) + ": " + value, false, new_section});
}

}  // namespace

core::TakeHomeCard TakeHomeCard(const ViewModel& m) {
    core::TakeHomeCard card;
    card.lines.push_back({"check", Format("card.title", m.draft.reference), true, false});
    for (const auto& id : m.draft.request.activity_ids) {
        auto a = m.activities ? m.activities->Find(id) : nullptr;
        if (!a) continue;
        std::string picto = a->pictograms.empty() ? "info" : a->pictograms.front();
        card.lines.push_back({picto, a->title, true, true});
        Line(card, "clock", "card.when", WhenText(*a, m.today));
        std::string where = a->location.name;
        if (!a->location.address.empty()) where += (where.empty() ? "" : ", ") + a->location.address;
        Line(card, "pin", "card.where", where);
        Line(card, "raise-hand", "card.who", a->first_visit.who_meets_you);
        Line(card, "backpack", "card.bring", a->first_visit.what_to_bring);
    }
    if (m.catalogue) {
        const core::Desk& d = m.catalogue->desk;
        std::string desk = d.name;
        if (!d.phone.empty()) desk += (desk.empty() ? "" : ", ") + d.phone;
        Line(card, "desk", "card.desk", desk, true);
    }
    return card;
}

}  // namespace brugpunt::ui
