// Owns the words on screen made from model values: the UI string for a key, with its placeholders
// filled, days, ages, prices and statuses, and the pictogram that goes with them. Must not include
// SDL, store or sync.
#pragma once

#include <cstdio>
#include <optional>
#include <string>
#include <vector>

#include "core/activity.h"
#include "core/strings.h"
#include "core/words.h"
#include "widgets.h"

namespace brugpunt::ui {

// The UI string for key from translations/ (Dutch source); the key itself when missing.
const char* Tr(const char* key);
void SetStrings(const core::Strings* strings);
// The Dutch strings as words for the facts made from catalogue fields (core/words.h).
core::Words DutchWords();
// The UI string for key with its %d filled by n, in the plural form Dutch uses for n.
std::string Count(const char* key, long long n);

namespace detail {
inline const char* FormatArg(const std::string& s) {
    return s.c_str();
}
template <class T>
T FormatArg(T v) {
    return v;
}
}  // namespace detail

// The UI string for key with its %s/%d/%lld placeholders filled in.
template <class... Args>
std::string Format(const char* key, const Args&... args) {
    char buf[512];
    std::snprintf(buf, sizeof buf, Tr(key), detail::FormatArg(args)...);
    return buf;
}

// In Dutch (core/words.h has them in any language).
std::string DaysLong(const std::vector<core::Weekday>& days);
std::string AgeText(const core::Audience& a);
// "Nederlands, Turks" for language codes.
std::string LanguageNames(const std::vector<std::string>& codes);
std::string Join(const std::vector<std::string>& items);

// The desk's pictogram, beside every "vraag het aan de balie".
inline constexpr const char* kDeskPicto = "desk";

// A known price; call only when p.cents is known (an unknown one goes in the AskDeskBadge).
Badge PriceBadge(const core::Price& p, const core::Words& w = DutchWords());
Badge StatusBadge(core::Status s, const core::Words& w = DutchWords());
// What a visitor chooses by and nobody filled in, named for a badge: "prijs", "plaats", "Nederlands".
std::vector<std::string> UnknownChoices(const core::Activity& a);
// "prijs, Nederlands: vraag het aan de balie", with the desk's pictogram, for fields nobody filled.
Badge AskDeskBadge(const std::vector<std::string>& what, ImTextureID desk);
const char* StatusPicto(const std::optional<core::Status>& s);
// "pictogram:NAME" photos are illustrations by pictogram (the demo has no photographs).
std::string PhotoPicto(const std::string& photo, const char* fallback);
std::string PictoOf(const core::Activity& a);

}  // namespace brugpunt::ui
