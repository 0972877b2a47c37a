// Owns the UI strings in use and the words made from model values. Must not include SDL, store or
// sync.
#include "format.h"

#include "core/facts.h"

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

core::Words DutchWords() {
    static const core::Strings kNone;
    return core::Words(g_strings ? *g_strings : kNone, true);
}

std::string Count(const char* key, long long n) {
    return DutchWords().Count(key, n);
}

std::string DaysLong(const std::vector<core::Weekday>& days) {
    return core::DaysLong(days, DutchWords());
}

std::string AgeText(const core::Audience& a) {
    return core::AgeText(a, DutchWords());
}

Badge PriceBadge(const core::Price& p, const core::Words& w) {
    return {core::PriceText(p, w), p.cents == 0 ? colour::kFree : colour::kPanel};
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

Badge StatusBadge(core::Status s, const core::Words& w) {
    ImU32 c = s == core::Status::kPlacesFree    ? colour::kFree
              : s == core::Status::kWaitingList ? colour::kWait
                                                : colour::kFull;
    return {core::StatusText(s, w), c};
}

const char* StatusPicto(const std::optional<core::Status>& status) {
    return core::StatusPictoName(status);
}

std::string PhotoPicto(const std::string& photo, const char* fallback) {
    if (photo.rfind("pictogram:", 0) == 0) return photo.substr(10);
    return fallback;
}

std::string PictoOf(const core::Activity& a) {
    return PhotoPicto(a.photo, a.pictograms.empty() ? "info" : a.pictograms.front().c_str());
}

std::string LanguageNames(const std::vector<std::string>& codes) {
    return core::LanguageNames(codes, DutchWords());
}

std::string Join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

}  // namespace brugpunt::ui
