// Owns the in-memory meaning of each filter. Standard library only.
#include "filter.h"

#include <algorithm>

namespace brugpunt::core {

bool Filter::Chip(enum Chip chip) const {
    switch (chip) {
        case Chip::kFree:
            return free_only;
        case Chip::kGirls:
            return girls_only;
        case Chip::kTrial:
            return trial;
        case Chip::kPlacesFree:
            return places_free;
        case Chip::kNoDutch:
            return no_dutch;
        case Chip::kPractiseDutch:
            return practise_dutch;
        case Chip::kWalkIn:
            return walk_in;
    }
    return false;
}

void Filter::SetChip(enum Chip chip, bool on) {
    switch (chip) {
        case Chip::kFree:
            free_only = on;
            break;
        case Chip::kGirls:
            girls_only = on;
            break;
        case Chip::kTrial:
            trial = on;
            break;
        case Chip::kPlacesFree:
            places_free = on;
            break;
        case Chip::kNoDutch:
            no_dutch = on;
            break;
        case Chip::kPractiseDutch:
            practise_dutch = on;
            break;
        case Chip::kWalkIn:
            walk_in = on;
            break;
    }
}

bool Matches(const Activity& a, const Filter& f) {
    if (!f.category.empty() && a.category != f.category) return false;
    if (f.open_on != Date{} && a.Ended(f.open_on)) return false;
    // A chip asks for a yes: an unknown never passes it as if it were one.
    if (f.free_only && a.price.cents != 0) return false;
    if (f.girls_only && a.audience.for_whom != ForWhom::kGirlsWomen) return false;
    if (f.trial && !a.TrialOffered()) return false;
    if (f.places_free && a.availability.status != Status::kPlacesFree) return false;
    if (f.no_dutch && a.audience.dutch != DutchNeeded::kNone) return false;
    if (f.practise_dutch && !a.audience.practise_dutch) return false;
    if (f.walk_in && a.audience.signup != Signup::kWalkIn) return false;
    if (!f.ages.empty()) {
        size_t fits = AgesFitting(a, f).size();
        if (fits == 0 || (f.together && fits != f.ages.size())) return false;
    }
    if (f.day && std::find(a.schedule.days.begin(), a.schedule.days.end(), *f.day) == a.schedule.days.end())
        return false;
    if (f.when != When::kAny &&
        (f.when_first == Date{} || !a.TakesPlaceBetween(f.when_first, f.when_last, f.when_weekly)))
        return false;
    return true;
}

std::vector<int> AgesFitting(const Activity& a, const Filter& f) {
    std::vector<int> out;
    for (int age : f.ages)
        if (age >= a.audience.age_min && age <= a.audience.age_max) out.push_back(age);
    return out;
}

const Holiday* CurrentOrNextHoliday(const std::vector<Holiday>& holidays, const Date& today) {
    const Holiday* best = nullptr;
    for (const Holiday& h : holidays)
        if (h.last >= today && (!best || h.first < best->first)) best = &h;
    return best;
}

void ResolveWhen(Filter& f, const Date& today, const std::vector<Holiday>& holidays) {
    f.when_first = f.when_last = Date{};
    f.when_weekly = false;
    if (f.when == When::kThisWeek) {
        f.when_first = today;
        f.when_last = AddDays(today, kThisWeekDays - 1);
        // A club may pause in a holiday: in a week that touches one, only dated occurrences count.
        f.when_weekly = std::none_of(holidays.begin(), holidays.end(), [&](const Holiday& h) {
            return h.first <= f.when_last && h.last >= f.when_first;
        });
    } else if (f.when == When::kHoliday) {
        if (const Holiday* h = CurrentOrNextHoliday(holidays, today)) {
            f.when_first = std::max(h->first, today);
            f.when_last = h->last;
        }
    }
}

void AddOrRemoveAge(Filter& f, int age) {
    if (auto it = std::find(f.ages.begin(), f.ages.end(), age); it != f.ages.end())
        f.ages.erase(it);
    else if (f.ages.size() < kMaxAges)
        f.ages.insert(std::upper_bound(f.ages.begin(), f.ages.end(), age), age);
    if (f.ages.size() < 2) f.together = false;
}

}  // namespace brugpunt::core
