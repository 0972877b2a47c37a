// Owns looking a key up per language and counting how much of Dutch each language covers.
#include "translations.h"

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "files.h"

namespace brugpunt::core {

const Strings& Translations::Dutch() const {
    static const Strings kNone;
    auto it = m_langs.find(std::string(kDutch));
    return it == m_langs.end() ? kNone : it->second;
}

void Translations::Add(std::string lang, Strings strings) {
    m_langs[lang] = std::move(strings);
    if (!FindLanguage(lang)) {
        if (lang == kDutch)
            m_offered.insert(m_offered.begin(), Describe(lang));
        else
            m_offered.push_back(Describe(lang));
    }
    Rename();
}

Language Translations::Describe(const std::string& code) const {
    Language l{code, code, code};
    auto it = m_langs.find(code);
    if (it == m_langs.end()) return l;
    if (std::string native = it->second.Header("X-Language-Name"); !native.empty()) l.native = native;
    const Strings& nl = Dutch();
    if (nl.Has("lang." + code))
        l.dutch = nl.Get("lang." + code);
    else if (std::string dutch = it->second.Header("X-Dutch-Name"); !dutch.empty())
        l.dutch = dutch;
    else
        l.dutch = l.native;
    return l;
}

void Translations::Rename() {
    for (auto& l : m_offered) l = Describe(l.code);
}

const Language* Translations::FindLanguage(std::string_view code) const {
    for (const auto& l : m_offered)
        if (l.code == code) return &l;
    return nullptr;
}

std::vector<std::string> Translations::Offer(const std::vector<std::string>& codes) {
    std::vector<std::string> problems;
    std::vector<Language> offered;
    if (Has(std::string(kDutch))) offered.push_back(Describe(std::string(kDutch)));
    for (const auto& code : codes) {
        if (code == kDutch ||
            std::any_of(offered.begin(), offered.end(), [&](auto& l) { return l.code == code; }))
            continue;
        if (!Has(code))
            problems.push_back("language '" + code + "' is not offered: no " + code + ".po was read");
        else
            offered.push_back(Describe(code));
    }
    m_offered = std::move(offered);
    return problems;
}

void Translations::Withdraw(std::string_view code) {
    if (code == kDutch) return;
    std::erase_if(m_offered, [&](const Language& l) { return l.code == code; });
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
    std::set<std::string> present;  // sorted by code
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.path().extension() == ".po") present.insert(entry.path().stem().string());
    if (ec) return Error{ErrorCode::kIo, "cannot read translations in " + dir + ": " + ec.message()};
    if (!present.count(std::string(kDutch))) return Error{ErrorCode::kNotFound, "no nl.po in " + dir};
    // LINGUAS first, in its order; then whatever else is there.
    std::vector<std::string> order{std::string(kDutch)};
    if (auto linguas = ReadWholeFile(dir + "/LINGUAS")) {
        std::istringstream lines(linguas.value());
        for (std::string line; std::getline(lines, line);) {
            std::istringstream words(line.substr(0, line.find('#')));
            for (std::string code; words >> code;)
                if (present.count(code) && std::find(order.begin(), order.end(), code) == order.end())
                    order.push_back(code);
        }
    }
    for (const auto& code : present)
        if (std::find(order.begin(), order.end(), code) == order.end()) order.push_back(code);
    for (const auto& code : order) {
        std::string path = dir + "/" + code + ".po";
        auto strings = Strings::ParsePo(ReadWholeFile(path).value_or(""));
        if (!strings && code == kDutch)
            return Error{strings.error().code, path + ": " + strings.error().message};
        if (!strings) {
            t.AddProblem(path + ": " + strings.error().message + " (this language is left out)");
            continue;
        }
        if (code != kDutch && !IsLanguageCode(code)) {
            t.AddProblem(path + ": '" + code + "' is not a language code (two or three letters, a-z)");
            continue;
        }
        t.Add(code, std::move(strings.value()));
    }
    return t;
}

}  // namespace brugpunt::core
