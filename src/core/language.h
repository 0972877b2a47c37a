// Owns the languages the kiosk helps in: their codes, their names in their own script, and which
// of them write right to left. Standard library only.
#pragma once

#include <span>
#include <string_view>

namespace brugpunt::core {

struct Language {
    std::string_view code;    // ISO 639-1, also the .po file's name and the catalogue's key
    std::string_view native;  // the name in its own script, as its speakers write it
    bool rtl = false;
};

// Dutch first, then the languages newcomers in Flanders speak most. Never flags: a flag is a
// country, and a language is spoken in many.
inline constexpr Language kLanguages[] = {
    {"nl", "Nederlands"}, {"en", "English"},    {"fr", "Français"}, {"ar", "العربية", true},
    {"tr", "Türkçe"},     {"uk", "Українська"}, {"ru", "Русский"},  {"fa", "دری / فارسی", true},
    {"ps", "پښتو", true}, {"ti", "ትግርኛ"},       {"so", "Soomaali"}, {"ro", "Română"},
    {"pl", "Polski"},
};

inline constexpr std::string_view kDutch = "nl";

inline const Language* FindLanguage(std::string_view code) {
    for (const auto& l : kLanguages)
        if (l.code == code) return &l;
    return nullptr;
}

}  // namespace brugpunt::core
