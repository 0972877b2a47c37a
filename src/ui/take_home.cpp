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
    std::string hours = OccurrenceHours(next.front());
    return OccurrenceDay(next.front()) + (hours.empty() ? "" : " " + hours);
}

void Line(std::string& out, const char* key, const std::string& value) {
    if (!value.empty()) out += std::string(Tr(key)) + ": " + value + "\n";
}

}  // namespace

std::string TakeHomeText(const ViewModel& m) {
    std::string out = Format("card.title", m.draft.reference) + "\n";
    for (const auto& id : m.draft.request.activity_ids) {
        auto a = m.activities ? m.activities->Find(id) : nullptr;
        if (!a) continue;
        out += "\n" + a->title + "\n";
        Line(out, "card.when", WhenText(*a, m.today));
        std::string where = a->location.name;
        if (!a->location.address.empty()) where += (where.empty() ? "" : ", ") + a->location.address;
        Line(out, "card.where", where);
        Line(out, "card.who", a->first_visit.who_meets_you);
        Line(out, "card.bring", a->first_visit.what_to_bring);
    }
    if (m.catalogue) {
        const core::Desk& d = m.catalogue->desk;
        std::string desk = d.name;
        if (!d.phone.empty()) desk += (desk.empty() ? "" : ", ") + d.phone;
        out += "\n";
        Line(out, "card.desk", desk);
    }
    if (!out.empty() && out.back() == '\n') out.pop_back();
    return out;
}

}  // namespace brugpunt::ui
