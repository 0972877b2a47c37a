// Owns UI strings: keyed entries read from a gettext .po file (msgid is the key, msgstr the text),
// each reviewed or still a draft ("#, fuzzy"), and plural entries (msgid_plural, msgstr[N]) with
// the file's Plural-Forms rule.
// Standard library only.
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "plural.h"
#include "result.h"

namespace brugpunt::core {

class Strings {
  public:
    static Result<Strings> ParsePo(std::string_view text);

    // The text for key; the key itself when missing, so a gap shows on screen instead of crashing.
    const std::string& Get(const std::string& key) const;
    // The form of a plural entry for n, by the file's rule (a plain entry is its own only form);
    // the key itself when missing.
    const std::string& Plural(const std::string& key, long long n) const;
    bool IsPlural(const std::string& key) const { return m_plurals.count(key) != 0; }
    const PluralRule& Rule() const { return m_rule; }
    bool Has(const std::string& key) const { return m_entries.count(key) != 0; }
    const std::map<std::string, std::string>& Entries() const { return m_entries; }
    void Set(std::string key, std::string text) { m_entries[std::move(key)] = std::move(text); }
    // Whether a person checked the entry: translators mark a draft "#, fuzzy", as gettext tools do.
    bool Reviewed(const std::string& key) const { return Has(key) && m_fuzzy.count(key) == 0; }
    void SetFuzzy(const std::string& key) { m_fuzzy.insert(key); }
    // A field of the file's header ("Language", "X-Language-Name"), trimmed; empty when absent.
    std::string Header(std::string_view field) const;

  private:
    std::string m_header;  // the empty msgid's msgstr: "Field: value" lines
    std::map<std::string, std::string> m_entries;
    std::set<std::string> m_fuzzy;
    std::map<std::string, std::vector<std::string>> m_plurals;  // key -> its forms, in the rule's order
    PluralRule m_rule;
};

// Text made safe inside HTML or SVG, in an element or a quoted attribute: & < > " ' escaped.
std::string EscapeHtml(std::string_view text);

}  // namespace brugpunt::core
