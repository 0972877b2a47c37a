// Owns the UI strings of every language: Dutch is the source and always on screen; the others are
// read aloud and shown as subtitles. Standard library only.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "result.h"
#include "strings.h"

namespace brugpunt::core {

// A text in the visitor's language and whether a person checked it.
struct Translated {
    std::string text;
    bool reviewed = false;
};

struct Coverage {
    int keys = 0;        // keys in Dutch
    int translated = 0;  // of those, how many this language has
    int reviewed = 0;    // of those, how many a person checked
};

class Translations {
  public:
    void Add(std::string lang, Strings strings) { m_langs[std::move(lang)] = std::move(strings); }
    bool Has(const std::string& lang) const { return m_langs.count(lang) != 0; }
    // The Dutch strings (empty when no nl.po was added).
    const Strings& Dutch() const;
    // lang's strings; nullptr when there is no such language.
    const Strings* In(const std::string& lang) const {
        auto it = m_langs.find(lang);
        return it == m_langs.end() ? nullptr : &it->second;
    }
    const std::map<std::string, Strings>& All() const { return m_langs; }
    // key in lang; nothing when lang has no text for it. Dutch texts count as reviewed.
    std::optional<Translated> Get(const std::string& lang, const std::string& key) const;
    Coverage CoverageOf(const std::string& lang) const;

  private:
    std::map<std::string, Strings> m_langs;
};

// Every LANG.po in dir; nl.po must be there. A broken file is an error naming it and its line.
Result<Translations> LoadTranslationsDir(const std::string& dir);

}  // namespace brugpunt::core
