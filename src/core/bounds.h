// Owns the bounds on a catalogue: the size of its file, the length of every text and of every
// list, in one table, each with the reason for its value. Standard library only.
#pragma once

#include <cstddef>
#include <span>
#include <string_view>
#include <vector>

#include "activity.h"
#include "validate.h"

namespace brugpunt::core {

enum class BoundUnit { kBytes, kItems };

struct Bound {
    std::string_view field;  // as in Issue::field; "translations.*" for every language's copy
    std::size_t max;
    BoundUnit unit;
};

// Texts are counted in bytes of UTF-8, where one letter takes 1 to 4: a bound of 4 x N bytes lets
// N letters of any script through. The bounds are generous for honest catalogues (the demo and
// the 50,000-activity benchmark catalogue stay below every one) and small enough that no one
// field can slow a frame, a speaker button or a search: what the issue found with a 5 MB title.
namespace bound {
// The catalogue file: `generate --count 50000` writes about 153 MB, the largest catalogue the
// benchmark measures (a region's whole UiTdatabank offer, with every text translated); a fifth
// more. Only the sync thread and the staff tool parse it; the kiosk opens the db made from it.
inline constexpr std::size_t kCatalogueBytes = 192u << 20;
// Activities: the benchmark's 50,000 (a region's whole offer) and a fifth more; a city of
// 500,000 has about 2,000.
inline constexpr std::size_t kActivities = 60000;
// Category tiles: all of them fit on one home screen in portrait at 12 mm targets.
inline constexpr std::size_t kCategories = 24;
// Ids: in file names, URLs and the log; the demo's longest is 24 letters.
inline constexpr std::size_t kId = 64;
// A title: ValidateCatalogue asks for at most 60 letters; 4 bytes a letter.
inline constexpr std::size_t kTitle = 240;
// A summary: 2 or 3 sentences of at most 12 words (~300 letters), translations run up to half
// longer, 4 bytes a letter. A category's "Wat is ...?" explanation is as long as a summary: it is read out
// the same way.
inline constexpr std::size_t kSummary = 2000;
// One line of "de eerste keer", a note on passes, material or food: a few sentences, read out
// by a speaker button in well under a minute.
inline constexpr std::size_t kNote = 600;
// A name, an address, a period, a season, opening hours: one line on a card.
inline constexpr std::size_t kLine = 200;
// A short code or label: a pass, a transit line, a language code, a weekday, "HH:MM".
inline constexpr std::size_t kLabel = 64;
// A phone number: at most 15 digits (E.164) with spaces, + and separators.
inline constexpr std::size_t kPhone = 32;
// A category's one word, in Dutch and in each translation.
inline constexpr std::size_t kWord = 64;
// A name that becomes a file: NAME_MAX on ext4 is 255 bytes; a bundle's "media/<sha256>.ext" is 75.
inline constexpr std::size_t kFileName = 255;
// Pictograms of one activity: the detail screen draws them in one row of 12 mm icons.
inline constexpr std::size_t kPictograms = 8;
// Passes, transit lines, a contact's languages, opening-hour lines: a short list on one card.
inline constexpr std::size_t kShortList = 16;
// Weekdays: there are seven; a repeat adds nothing.
inline constexpr std::size_t kDays = 7;
// Translations: one per kiosk language (core/language.h has 13; room for a few more).
inline constexpr std::size_t kTranslations = 16;
// Clips: one per spoken field (3) and kiosk language.
inline constexpr std::size_t kClips = 3 * kTranslations;
}  // namespace bound

// Every bound by field, for the README's list and its test. Translations share their Dutch
// field's bound.
std::span<const Bound> Bounds();

// Every text and list over its bound, each naming the activity (or category), the field, the
// length and the bound; the text itself is never quoted. Empty: within bounds.
std::vector<Issue> CheckBounds(const Catalogue& catalogue);

}  // namespace brugpunt::core
