// Owns OfferLanguages.
#include "languages.h"

#include <cstdio>

#include "text/shaper.h"

namespace brugpunt::app {

std::string NotOffered(const core::Translations& translations, const std::string& code) {
    std::string codes;
    for (const auto& l : translations.Languages()) codes += (codes.empty() ? "" : " ") + l.code;
    return "unknown language '" + code + "' (this kiosk offers " + codes + ")";
}

std::string JoinProblems(const std::vector<std::string>& problems) {
    std::string out;
    for (const auto& p : problems) out += (out.empty() ? "" : "; ") + p;
    return out;
}

LanguageOffer OfferLanguages(core::Translations& translations, const core::Config& config,
                             const std::string& font_dir) {
    LanguageOffer offer;
    offer.problems = translations.Problems();
    if (!config.languages.empty())
        for (auto& p : translations.Offer(config.languages)) offer.problems.push_back(std::move(p));
    // Two texts per language: its name, then every phrase it has.
    std::vector<core::Language> languages = translations.Languages();
    std::vector<std::string> texts;
    for (const auto& l : languages) {
        texts.push_back(l.native);
        std::string phrases;
        if (const core::Strings* s = translations.In(l.code))
            for (const auto& [key, text] : s->Entries()) phrases += text + "\n";
        texts.push_back(std::move(phrases));
    }
    auto chosen = text::ChooseFonts(texts, font_dir);
    if (!chosen) {
        offer.shaped = false;
        offer.problems.push_back("subtitles off: " + chosen.error().message +
                                 " (apt-get install fonts-noto-core)");
        return offer;
    }
    offer.fonts = chosen->files;
    for (size_t i = 0; i < languages.size(); ++i) {
        const std::u32string& name = chosen->missing[2 * i];
        const std::u32string& phrases = chosen->missing[2 * i + 1];
        auto first = [](const std::u32string& chars) {
            char hex[16];
            std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(chars.front()));
            return std::string(hex);
        };
        if (!name.empty() && languages[i].code != core::kDutch) {
            translations.Withdraw(languages[i].code);
            offer.problems.push_back(
                "language '" + languages[i].code + "' is not offered: no font in " + font_dir +
                " draws its name (" + first(name) +
                "); install the Noto font for its script (fonts-noto-core, fonts-noto-extra)");
        } else if (!phrases.empty()) {
            offer.problems.push_back("language '" + languages[i].code +
                                     "': " + std::to_string(phrases.size()) +
                                     " characters of its phrases have no font (first " + first(phrases) +
                                     "); they show as boxes in subtitles");
        }
    }
    return offer;
}

}  // namespace brugpunt::app
