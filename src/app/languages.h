// Owns which languages this kiosk offers: the translations present, the config's `languages`
// list, and whether a font draws each of them. No SDL or ImGui.
#pragma once

#include <string>
#include <vector>

#include "core/config.h"
#include "core/translations.h"

namespace brugpunt::app {

struct LanguageOffer {
    std::vector<std::string> fonts;     // for shaped text: the defaults and what the languages need
    std::vector<std::string> problems;  // each for the log; all of them on the staff screen
    bool shaped = true;                 // false: no fonts for shaped text, subtitles are off
};

// Offers the config's languages (all present when it lists none), then withdraws each whose name
// no font in font_dir can draw: a button of empty boxes helps nobody. A language whose phrases a
// font lacks some characters of stays, and is named in problems.
// "unknown language 'xx' (nl en ar ...)": for --lang naming a language that is not offered.
std::string NotOffered(const core::Translations& translations, const std::string& code);
// The problems on one line, for the staff screen.
std::string JoinProblems(const std::vector<std::string>& problems);

LanguageOffer OfferLanguages(core::Translations& translations, const core::Config& config,
                             const std::string& font_dir = "/usr/share/fonts/truetype/noto");

}  // namespace brugpunt::app
