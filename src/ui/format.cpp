// Owns the UI strings in use and the words made from model values. Must not include SDL, store or
// sync.
#include "format.h"

namespace brugpunt::ui {

namespace {

const core::Strings* g_strings = nullptr;

}  // namespace

const char* Tr(const char* key) {
    return g_strings ? g_strings->Get(key).c_str() : key;
}
void SetStrings(const core::Strings* strings) {
    g_strings = strings;
}

std::string FillNumber(const std::string& text, int number) {
    std::string out = text;
    if (size_t at = out.find("%d"); at != std::string::npos) out.replace(at, 2, std::to_string(number));
    return out;
}

std::string DayName(core::Weekday d) {
    return Tr(("day." + std::string(core::WeekdayCode(d))).c_str());
}

std::string DaysShort(const std::vector<core::Weekday>& days) {
    std::string out;
    for (auto d : days) out += (out.empty() ? "" : ", ") + std::string(core::WeekdayCode(d));
    return out;
}
std::string DaysLong(const std::vector<core::Weekday>& days) {
    if (days.size() == 7) return Tr("days.every");
    std::string out;
    for (size_t i = 0; i < days.size(); ++i) {
        if (i > 0) out += i + 1 == days.size() ? std::string(" ") + Tr("word.and") + " " : ", ";
        out += DayName(days[i]);
    }
    return out;
}

std::string OccurrenceDay(const core::Occurrence& o) {
    std::string day = DayName(core::WeekdayOf(o.first)) + " " + core::FormatDateDutch(o.first);
    if (o.last != o.first) day = Format("when.from_to", day.c_str(), core::FormatDateDutch(o.last).c_str());
    return day;
}

std::string OccurrenceHours(const core::Occurrence& o) {
    return o.start.empty() ? std::string() : o.start + (o.end.empty() ? "" : " - " + o.end);
}

std::string AgeText(const core::Audience& a) {
    if (a.age_min == 0 && a.age_max >= 99) return Tr("age.all");
    if (a.age_max >= 99) return Format("age.from", a.age_min);
    return Format("age.range", a.age_min, a.age_max);
}

Badge PriceBadge(const core::Price& p) {
    if (p.cents == 0) return {Tr("price.free"), colour::kFree};
    return {core::FormatEuro(p.cents.value_or(0)) + " " + p.period, colour::kPanel};
}

std::vector<std::string> UnknownChoices(const core::Activity& a) {
    std::vector<std::string> out;
    if (!a.price.cents) out.push_back(Tr("unknown.what.price"));
    if (!a.availability.status) out.push_back(Tr("unknown.what.places"));
    if (!a.audience.dutch) out.push_back(Tr("unknown.what.dutch"));
    return out;
}

Badge AskDeskBadge(const std::vector<std::string>& what, ImTextureID desk) {
    return {Format("unknown.badge", Join(what)), colour::kPanel, desk};
}

Badge StatusBadge(core::Status s) {
    switch (s) {
        case core::Status::kPlacesFree:
            return {Tr("status.free"), colour::kFree};
        case core::Status::kWaitingList:
            return {Tr("status.waitlist"), colour::kWait};
        case core::Status::kFull:
            return {Tr("status.full"), colour::kFull};
    }
    return {"", colour::kPanel};
}

const char* StatusPicto(const std::optional<core::Status>& status) {
    if (!status) return kDeskPicto;
    switch (*status) {
        case core::Status::kPlacesFree:
            return "check";
        case core::Status::kWaitingList:
            return "hourglass";
        case core::Status::kFull:
            return "no-entry";
    }
    return "check";
}

std::string PhotoPicto(const std::string& photo, const char* fallback) {
    if (photo.rfind("pictogram:", 0) == 0) return photo.substr(10);
    return fallback;
}

std::string PictoOf(const core::Activity& a) {
    return PhotoPicto(a.photo, a.pictograms.empty() ? "info" : a.pictograms.front().c_str());
}

std::string LanguageNames(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : ", ") + std::string(Tr(("lang." + c).c_str()));
    return out;
}

std::string Join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

}  // namespace brugpunt::ui
