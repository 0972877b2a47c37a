// Owns the UI strings in use and the words made from model values. Must not include SDL, store or
// sync.
#include "format.h"

#include "core/facts.h"

namespace brugpunt::ui {

namespace {

const core::Strings* g_strings = nullptr;
const core::Strings* g_visitor = nullptr;

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

void SetVisitorStrings(const core::Strings* strings) {
    g_visitor = strings;
}

std::optional<core::Words> VisitorWordsNow() {
    return g_visitor ? std::optional<core::Words>(core::Words(*g_visitor, false)) : std::nullopt;
}

Label Lb(const char* key) {
    return Both([&](const core::Words& w) { return w.Text(key); });
}

Label LbCount(const char* key, long long n) {
    return Both([&](const core::Words& w) { return w.Count(key, n); });
}

Label LbFill(const char* key, std::initializer_list<std::string> args) {
    return Both([&](const core::Words& w) { return w.Fill(key, args); });
}

std::string DaysLong(const std::vector<core::Weekday>& days) {
    return core::DaysLong(days, DutchWords());
}

std::string AgeText(const core::Audience& a) {
    return core::AgeText(a, DutchWords());
}

Badge BadgeOf(const Label& words, ImU32 fill, ImTextureID picto) {
    return {words.dutch, fill, picto, words.visitor};
}

Badge PriceBadge(const core::Price& p) {
    return BadgeOf(Both([&](const core::Words& w) { return core::PriceText(p, w); }),
                   p.cents == 0 ? colour::kFree : colour::kPanel);
}

std::optional<Badge> AskDeskBadge(const core::Activity& a, ImTextureID desk) {
    if (a.price.cents && a.availability.status && a.audience.dutch) return std::nullopt;
    Label words = Both([&](const core::Words& w) {
        std::string what;
        auto add = [&](const char* key) { what += (what.empty() ? "" : w.Text("list.comma")) + w.Text(key); };
        if (!a.price.cents) add("unknown.what.price");
        if (!a.availability.status) add("unknown.what.places");
        if (!a.audience.dutch) add("unknown.what.dutch");
        return w.Fill("unknown.badge", {what});
    });
    return BadgeOf(words, colour::kPanel, desk);
}

Badge StatusBadge(core::Status s) {
    ImU32 c = s == core::Status::kPlacesFree    ? colour::kFree
              : s == core::Status::kWaitingList ? colour::kWait
                                                : colour::kFull;
    return BadgeOf(Both([&](const core::Words& w) { return core::StatusText(s, w); }), c);
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
