// Owns the words made from a catalogue's structured fields in one language: days, dates, ages,
// prices and their periods, seasons, statuses, from that language's phrase templates and plural
// rule, so a visitor hears and reads a fact in their language without anyone translating it per
// activity. Standard library only.
#pragma once

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "activity.h"
#include "strings.h"

namespace brugpunt::core {

// What a text holds in place of a phrase this language lacks: a text with it in is not a
// translation, and is neither shown as a subtitle nor spoken.
inline constexpr char kMissingWord = '\x1f';

class Words {
  public:
    // source: these are the Dutch strings, where a missing key shows as itself (a gap on screen
    // rather than a crash) and the catalogue's own Dutch words are the words.
    Words(const Strings& strings, bool source) : m_strings(&strings), m_source(source) {}

    bool IsSource() const { return m_source; }
    std::string Text(const std::string& key) const;
    // A plural entry's form for n with its %d filled.
    std::string Count(const std::string& key, long long n) const;
    // key's text with its placeholders (%s, %d, %lld) filled in order; a translation is data,
    // never a format string, so a stray % stays as it is and a missing argument leaves it empty.
    std::string Fill(const std::string& key, std::initializer_list<std::string> args) const;
    // A text the catalogue wrote in Dutch (a note, a season it does not recognise): the words in
    // Dutch, missing in any other language.
    std::string Dutch(const std::string& text) const;
    // Whether any phrase used since the last call was a draft nobody reviewed; resets.
    bool TakeDrafts() const;

  private:
    const std::string* Find(const std::string& key, long long n, bool plural) const;
    const Strings* m_strings;
    bool m_source;
    mutable bool m_drafts = false;
};

// Whether text is whole in its language (no phrase in it was missing).
inline bool Complete(std::string_view text) {
    return text.find(kMissingWord) == std::string_view::npos;
}

// "a, b en c", with the language's own comma and "and" (Arabic's و joins the word after it).
std::string JoinList(const std::vector<std::string>& items, const Words& w);
std::string DayName(Weekday d, const Words& w);
// "woensdag en zaterdag", "elke dag".
std::string DaysLong(const std::vector<Weekday>& days, const Words& w);
std::string MonthName(int month, const Words& w);
// "12 december 2026".
std::string DateLong(const Date& d, const Words& w);
// "zaterdag 12 december 2026" (or "van ... tot ..." for several days).
std::string OccurrenceDay(const Occurrence& o, const Words& w);
// "10:00 - 11:30"; empty when the source gave no time.
std::string Hours(const std::string& start, const std::string& end, const Words& w);
std::string AgeText(const Audience& a, const Words& w);
// The price's period as the catalogue writes it ("per keer", "voor 10 lessen"), in w's language.
std::string PeriodText(const std::string& period, const Words& w);
// "gratis", or "€ 95 per seizoen". Call only with a known price.
std::string PriceText(const Price& p, const Words& w);
// The season as the catalogue writes it ("september tot juni", "het hele jaar", "paasvakantie").
std::string SeasonText(const std::string& season, const Words& w);
std::string StatusText(Status s, const Words& w);
// "Nederlands, Turks" for language codes.
std::string LanguageNames(const std::vector<std::string>& codes, const Words& w);

// Every UI string key these functions may look up (besides "day.*" and "lang.*"), so a test can
// tell nl.po holds each and nothing unused.
std::vector<std::string> KeysOfWords();

}  // namespace brugpunt::core
