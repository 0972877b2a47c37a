// Owns the UI strings of every language: Dutch is the source and always on screen; the others are
// read aloud and shown as subtitles. Standard library only.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "language.h"
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

// The languages are the .po files present: each LANG.po makes LANG a language, named by its
// header's X-Language-Name and by nl.po's "lang.LANG". A municipality adds one by adding a file.
class Translations {
  public:
    // Adds lang and offers it, after the languages offered so far (Dutch always first).
    void Add(std::string lang, Strings strings);
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

    // The languages a visitor can choose, in the order they are shown: Dutch first.
    const std::vector<Language>& Languages() const { return m_offered; }
    // An offered language; nullptr when there is no such language or it is not offered.
    const Language* FindLanguage(std::string_view code) const;
    // Offers exactly codes, in this order, Dutch first whether listed or not (the config's
    // `languages`). Returns, for each code that cannot be offered, why: no LANG.po for it.
    std::vector<std::string> Offer(const std::vector<std::string>& codes);
    // Stops offering code (a language no font can draw); Dutch stays.
    void Withdraw(std::string_view code);
    // What loading found wrong without stopping: a broken LANG.po other than nl.po is left out
    // and named here, for the log and the staff screen.
    const std::vector<std::string>& Problems() const { return m_problems; }
    void AddProblem(std::string problem) { m_problems.push_back(std::move(problem)); }

  private:
    Language Describe(const std::string& code) const;
    void Rename();  // the Dutch names come from nl.po, which may be added after the others

    std::map<std::string, Strings> m_langs;
    std::vector<Language> m_offered;
    std::vector<std::string> m_problems;
};

// Every LANG.po in dir, offered in the order of dir/LINGUAS (gettext's list: codes separated by
// spaces or lines, '#' comments), then the ones it does not list, by code. nl.po must be there and
// whole: a broken nl.po is an error naming it and its line; another broken file is left out and
// named in Problems().
Result<Translations> LoadTranslationsDir(const std::string& dir);

}  // namespace brugpunt::core
