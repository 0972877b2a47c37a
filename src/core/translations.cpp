// Owns looking a key up per language and counting how much of Dutch each language covers.
#include "translations.h"

#include <filesystem>

#include "files.h"
#include "language.h"

namespace brugpunt::core {

const Strings& Translations::Dutch() const {
    static const Strings kNone;
    auto it = m_langs.find(std::string(kDutch));
    return it == m_langs.end() ? kNone : it->second;
}

std::optional<Translated> Translations::Get(const std::string& lang, const std::string& key) const {
    auto it = m_langs.find(lang);
    if (it == m_langs.end() || !it->second.Has(key)) return std::nullopt;
    return Translated{it->second.Get(key), lang == kDutch || it->second.Reviewed(key)};
}

Coverage Translations::CoverageOf(const std::string& lang) const {
    Coverage c;
    auto it = m_langs.find(lang);
    for (const auto& [key, text] : Dutch().Entries()) {
        ++c.keys;
        if (it == m_langs.end() || !it->second.Has(key)) continue;
        ++c.translated;
        if (lang == kDutch || it->second.Reviewed(key)) ++c.reviewed;
    }
    return c;
}

Result<Translations> LoadTranslationsDir(const std::string& dir) {
    namespace fs = std::filesystem;
    Translations t;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        if (entry.path().extension() != ".po") continue;
        std::string lang = entry.path().stem().string();
        auto strings = Strings::ParsePo(ReadWholeFile(entry.path().string()).value_or(""));
        if (!strings)
            return Error{strings.error().code, entry.path().string() + ": " + strings.error().message};
        t.Add(lang, std::move(strings.value()));
    }
    if (ec) return Error{ErrorCode::kIo, "cannot read translations in " + dir + ": " + ec.message()};
    if (!t.Has(std::string(kDutch))) return Error{ErrorCode::kNotFound, "no nl.po in " + dir};
    return t;
}

}  // namespace brugpunt::core
