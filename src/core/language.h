// Owns what the kiosk knows about one language: its code, its name in its own script and its name
// in Dutch. Which languages there are is data (translations/LANG.po, see translations.h), not
// code. Standard library only.
#pragma once

#include <string>
#include <string_view>

namespace brugpunt::core {

struct Language {
    std::string code;    // the .po file's name (ISO 639-1, or 639-3 where there is none), the catalogue's key
    std::string native;  // the name in its own script, as its speakers write it (X-Language-Name)
    std::string dutch;   // the name in Dutch, for the staff and under the native name
};

inline constexpr std::string_view kDutch = "nl";

// Whether code can name a language: two or three lower-case ASCII letters ("ar", "kmr", "rom").
// Never flags: a flag is a country, and a language is spoken in many.
inline bool IsLanguageCode(std::string_view code) {
    if (code.size() < 2 || code.size() > 3) return false;
    for (char c : code)
        if (c < 'a' || c > 'z') return false;
    return true;
}

}  // namespace brugpunt::core
