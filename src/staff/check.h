// Owns `brugpunt-catalogue check`: every error with file:row:column, and plain-language warnings
// for each text a visitor reads.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "import.h"

namespace brugpunt::staff {

// "kansentarief = korting met je pas": a term, and optionally a plainer way to say it.
struct JargonTerm {
    std::string term;
    std::string instead;
};
std::vector<JargonTerm> ParseJargon(std::string_view text);

// Syllables of a Dutch word, counted by vowel groups ("ij", "oe", "eeu" are one; "ë" starts a new one).
int DutchSyllables(std::string_view word);

// Warnings for one text: sentences over 12 words, words over 4 syllables or 15 letters, jargon.
std::vector<std::string> PlainLanguageWarnings(std::string_view text, const std::vector<JargonTerm>& jargon);

struct CheckReport {
    std::vector<Problem> errors;
    std::vector<Problem> warnings;
    // Per activity: what nobody said (the kiosk shows "vraag het aan de balie") and a "laatst
    // nagekeken" too long ago (the kiosk shows "misschien niet meer juist"). Not errors: the
    // catalogue is honest as it is, but staff can do better.
    std::vector<Problem> to_fill;
};

// A catalogue .json or a .csv in the template's columns. today dates "laatst nagekeken".
CheckReport CheckFile(const std::string& path, const std::string& text, const std::vector<JargonTerm>& jargon,
                      const core::Date& today);

}  // namespace brugpunt::staff
