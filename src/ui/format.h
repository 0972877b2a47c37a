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

// The visitor's phrase catalogue while subtitles are on, which the frame sets; null otherwise.
void SetVisitorStrings(const core::Strings* strings);
// The visitor's words, while subtitles are on in a language other than Dutch.
std::optional<core::Words> VisitorWordsNow();
// The words make(words) makes (a core/words.h function), in Dutch and, while subtitles are on, in
// the visitor's language: a widget's label. Visitor words with a missing phrase are left out.
template <class Make>
Label Both(Make make) {
    Label l(make(DutchWords()));
    if (auto w = VisitorWordsNow()) {
        std::string v = make(*w);
        if (core::Complete(v)) l.visitor = std::move(v);
    }
    return l;
}
// The UI string key as a widget's label (the Dutch and the visitor's words).
Label Lb(const char* key);
// The same with its %d filled by n, in each language's plural form for n.
Label LbCount(const char* key, long long n);
// The same with its %s placeholders filled by args, in order.
Label LbFill(const char* key, std::initializer_list<std::string> args);

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

// A badge of words in Dutch and, while subtitles are on, the visitor's language.
Badge BadgeOf(const Label& words, ImU32 fill, ImTextureID picto = nullptr);
// A known price; call only when p.cents is known (an unknown one goes in the AskDeskBadge).
Badge PriceBadge(const core::Price& p);
Badge StatusBadge(core::Status s);
// "prijs, Nederlands: vraag het aan de balie", with the desk's pictogram, for what a visitor
// chooses by (price, places, Dutch) and nobody filled in; nothing when all are known.
std::optional<Badge> AskDeskBadge(const core::Activity& a, ImTextureID desk);
const char* StatusPicto(const std::optional<core::Status>& s);
// "pictogram:NAME" photos are illustrations by pictogram (the demo has no photographs).
std::string PhotoPicto(const std::string& photo, const char* fallback);
std::string PictoOf(const core::Activity& a);

}  // namespace brugpunt::ui
