// Owns phone numbers from anywhere: the countries a visitor can pick on the keypad step, each with
// its calling code and the length of its numbers, and the check that turns what was typed into an
// E.164 number (+32470123456) or says why it cannot be one. Standard library only.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace brugpunt::core {

struct PhoneCountry {
    std::string_view iso;      // "BE": also the flag pictogram "flag-be"
    std::string_view dutch;    // "België": Dutch stays on screen, for the desk too
    std::string_view dial;     // "32", without the +
    std::string_view endonym;  // the country's name in its own language, for the visitor to find it
    std::string_view script;   // the language whose script `endonym` is drawn in ("uk", "ar", ...)
    int min_digits;            // the national significant number: digits after the code, no trunk 0
    int max_digits;
    std::string_view trunk;  // what a number starts with when dialled at home ("0"; "8" in Russia), or ""
};

inline constexpr std::string_view kHomeCountry = "BE";

// Belgium first, then its neighbours, then the countries newcomers in Flanders most often come from.
std::span<const PhoneCountry> PhoneCountries();
const PhoneCountry* FindPhoneCountry(std::string_view iso);

enum class PhoneProblem {
    kNone,
    kEmpty,
    kTooShort,          // `missing` more digits at least
    kTooLong,           // `extra` digits too many
    kNotMobileOrFixed,  // Belgium: 04 without 46-49 after it, or a 0 right after the trunk
    kUnknownCode,       // +CODE that is no country's calling code
    kNotANumber,        // letters, or a + in the middle
};

struct PhoneCheck {
    std::optional<std::string> e164;  // "+380501234567" when the number can be real
    PhoneProblem problem = PhoneProblem::kNone;
    int missing = 0;                        // kTooShort: at least this many more digits
    int extra = 0;                          // kTooLong
    const PhoneCountry* country = nullptr;  // the country the number belongs to, when known
};

// `typed` as on the keypad: digits, spaces, / . -, a leading + or 00 for an international number
// (the country is then read from its code, whatever `country_iso` says). Otherwise the number is
// national in `country_iso`, with or without its trunk prefix.
PhoneCheck CheckPhone(std::string_view typed, std::string_view country_iso);

// What has been typed so far, grouped for the keypad display: the Belgian way for Belgium
// ("0470 12 34 56", "09 123 45 67"), in threes elsewhere.
std::string GroupPhone(std::string_view digits, std::string_view country_iso);

}  // namespace brugpunt::core
