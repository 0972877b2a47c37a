// Owns phone numbers from anywhere. Standard library only.
#include "phone.h"

#include <algorithm>
#include <array>
#include <vector>

namespace brugpunt::core {

namespace {

// Lengths are those of the national significant number in the ITU's national numbering plans,
// mobiles and fixed lines together.
constexpr std::array kCountries = {
    PhoneCountry{"BE", "België", "32", "België", "nl", 8, 9, "0"},
    PhoneCountry{"NL", "Nederland", "31", "Nederland", "nl", 9, 9, "0"},
    PhoneCountry{"FR", "Frankrijk", "33", "France", "fr", 9, 9, "0"},
    PhoneCountry{"DE", "Duitsland", "49", "Deutschland", "de", 6, 11, "0"},
    PhoneCountry{"LU", "Luxemburg", "352", "Lëtzebuerg", "fr", 4, 11, ""},
    PhoneCountry{"GB", "Verenigd Koninkrijk", "44", "United Kingdom", "en", 9, 10, "0"},
    PhoneCountry{"UA", "Oekraïne", "380", "Україна", "uk", 9, 9, "0"},
    PhoneCountry{"RU", "Rusland", "7", "Россия", "ru", 10, 10, "8"},
    PhoneCountry{"PL", "Polen", "48", "Polska", "pl", 9, 9, ""},
    PhoneCountry{"RO", "Roemenië", "40", "România", "ro", 9, 9, "0"},
    PhoneCountry{"BG", "Bulgarije", "359", "България", "ru", 8, 9, "0"},
    PhoneCountry{"TR", "Turkije", "90", "Türkiye", "tr", 10, 10, "0"},
    PhoneCountry{"MA", "Marokko", "212", "المغرب", "ar", 9, 9, "0"},
    PhoneCountry{"DZ", "Algerije", "213", "الجزائر", "ar", 9, 9, "0"},
    PhoneCountry{"TN", "Tunesië", "216", "تونس", "ar", 8, 8, ""},
    PhoneCountry{"SY", "Syrië", "963", "سوريا", "ar", 9, 9, "0"},
    PhoneCountry{"IQ", "Irak", "964", "العراق", "ar", 10, 10, "0"},
    PhoneCountry{"PS", "Palestina", "970", "فلسطين", "ar", 9, 9, "0"},
    PhoneCountry{"IR", "Iran", "98", "ایران", "fa", 10, 10, "0"},
    PhoneCountry{"AF", "Afghanistan", "93", "افغانستان", "ps", 9, 9, "0"},
    PhoneCountry{"PK", "Pakistan", "92", "پاکستان", "fa", 10, 10, "0"},
    PhoneCountry{"ER", "Eritrea", "291", "ኤርትራ", "ti", 7, 7, "0"},
    PhoneCountry{"ET", "Ethiopië", "251", "ኢትዮጵያ", "ti", 9, 9, "0"},
    PhoneCountry{"SO", "Somalië", "252", "Soomaaliya", "so", 7, 9, "0"},
    PhoneCountry{"CD", "Congo (DRC)", "243", "RD Congo", "fr", 9, 9, "0"},
    PhoneCountry{"CM", "Kameroen", "237", "Cameroun", "fr", 9, 9, ""},
    PhoneCountry{"GN", "Guinee", "224", "Guinée", "fr", 9, 9, ""},
    PhoneCountry{"ES", "Spanje", "34", "España", "es", 9, 9, ""},
    PhoneCountry{"IT", "Italië", "39", "Italia", "it", 6, 11, ""},
    PhoneCountry{"PT", "Portugal", "351", "Portugal", "pt", 9, 9, ""},
    PhoneCountry{"BR", "Brazilië", "55", "Brasil", "pt", 10, 11, "0"},
    PhoneCountry{"CO", "Colombia", "57", "Colombia", "es", 10, 10, ""},
    PhoneCountry{"VE", "Venezuela", "58", "Venezuela", "es", 10, 10, "0"},
};

// Every other calling code the ITU has assigned (E.164 Annex), for a number from a country the
// picker does not list: its length is only bounded by E.164's 15 digits.
constexpr std::string_view kOtherCodes[] = {
    "1",   "20",  "27",  "30",  "36",  "41",  "43",  "45",  "46",  "47",  "51",  "52",  "53",  "54",  "56",
    "60",  "61",  "62",  "63",  "64",  "65",  "66",  "81",  "82",  "84",  "86",  "91",  "94",  "95",  "211",
    "218", "220", "221", "222", "223", "225", "226", "227", "228", "229", "230", "231", "232", "233", "234",
    "235", "236", "238", "239", "240", "241", "242", "244", "245", "246", "247", "248", "249", "250", "253",
    "254", "255", "256", "257", "258", "260", "261", "262", "263", "264", "265", "266", "267", "268", "269",
    "290", "297", "298", "299", "350", "353", "354", "355", "356", "357", "358", "370", "371", "372", "373",
    "374", "375", "376", "377", "378", "381", "382", "383", "385", "386", "387", "389", "420", "421", "423",
    "500", "501", "502", "503", "504", "505", "506", "507", "508", "509", "590", "591", "592", "593", "594",
    "595", "596", "597", "598", "599", "670", "672", "673", "674", "675", "676", "677", "678", "679", "680",
    "681", "682", "683", "685", "686", "687", "688", "689", "690", "691", "692", "850", "852", "853", "855",
    "856", "880", "886", "960", "961", "962", "965", "966", "967", "968", "971", "972", "973", "974", "975",
    "976", "977", "992", "993", "994", "995", "996", "998",
};

// The calling code that starts `digits` (after the + or 00): the longest that matches, so "352..."
// is Luxembourg, not "35". `country` is set when the picker lists it; length 0: no code matches.
struct CallingCode {
    const PhoneCountry* country = nullptr;
    size_t length = 0;
};
CallingCode CallingCodeOf(std::string_view digits) {
    CallingCode out;
    for (const auto& c : kCountries)
        if (digits.starts_with(c.dial) && c.dial.size() > out.length) out = {&c, c.dial.size()};
    if (out.country) return out;
    for (std::string_view other : kOtherCodes)
        if (digits.starts_with(other) && other.size() > out.length) out.length = other.size();
    return out;
}

PhoneCheck Refuse(PhoneProblem p, const PhoneCountry* c) {
    PhoneCheck out;
    out.problem = p;
    out.country = c;
    return out;
}

// The national significant number `nsn` of country c: long enough, short enough, and for Belgium
// a mobile (04 followed by 6-9, nine digits) or a fixed line (eight digits).
PhoneCheck CheckNational(const std::string& nsn, const PhoneCountry& c) {
    PhoneCheck out;
    out.country = &c;
    int n = static_cast<int>(nsn.size());
    if (n < c.min_digits) {
        out.problem = PhoneProblem::kTooShort;
        out.missing = c.min_digits - n;
        return out;
    }
    if (n > c.max_digits) {
        out.problem = PhoneProblem::kTooLong;
        out.extra = n - c.max_digits;
        return out;
    }
    if (c.trunk == "0" && nsn[0] == '0') return Refuse(PhoneProblem::kNotMobileOrFixed, &c);  // "00..."
    if (c.iso == "BE") {
        bool mobile = nsn[0] == '4';
        if (mobile && n == 8) {  // 04 and only eight digits: a mobile missing one
            out.problem = PhoneProblem::kTooShort;
            out.missing = 1;
            return out;
        }
        if (!mobile && n == 9) {
            out.problem = PhoneProblem::kTooLong;
            out.extra = 1;
            return out;
        }
        if (mobile && nsn[1] < '6') return Refuse(PhoneProblem::kNotMobileOrFixed, &c);
    }
    out.e164 = "+" + std::string(c.dial) + nsn;
    return out;
}

}  // namespace

std::span<const PhoneCountry> PhoneCountries() {
    return kCountries;
}

const PhoneCountry* FindPhoneCountry(std::string_view iso) {
    for (const auto& c : kCountries)
        if (c.iso == iso) return &c;
    return nullptr;
}

PhoneCheck CheckPhone(std::string_view typed, std::string_view country_iso) {
    std::string digits;
    bool plus = false;
    for (char c : typed) {
        if (c >= '0' && c <= '9')
            digits += c;
        else if (c == '+' && digits.empty() && !plus)
            plus = true;
        else if (c != ' ' && c != '/' && c != '.' && c != '-')
            return Refuse(PhoneProblem::kNotANumber, FindPhoneCountry(country_iso));
    }
    if (!plus && digits.starts_with("00")) {
        plus = true;
        digits.erase(0, 2);
    }
    if (plus) {
        if (digits.empty()) return Refuse(PhoneProblem::kEmpty, nullptr);
        CallingCode code = CallingCodeOf(digits);
        if (code.length == 0) return Refuse(PhoneProblem::kUnknownCode, nullptr);
        const PhoneCountry* best = code.country;
        if (!best) {  // a country the picker does not list: E.164's bounds only
            std::string nsn = digits.substr(code.length);
            int n = static_cast<int>(digits.size());
            PhoneCheck out;
            if (nsn.size() < 4) {
                out.problem = PhoneProblem::kTooShort;
                out.missing = 4 - static_cast<int>(nsn.size());
            } else if (n > 15) {
                out.problem = PhoneProblem::kTooLong;
                out.extra = n - 15;
            } else if (nsn[0] == '0') {
                out.problem = PhoneProblem::kNotMobileOrFixed;
            } else {
                out.e164 = "+" + digits;
            }
            return out;
        }
        std::string nsn = digits.substr(best->dial.size());
        // "+32 0470 ...": the trunk 0 typed after the code by habit is dropped, as phones do.
        if (best->trunk == "0" && nsn.starts_with("0")) nsn.erase(0, 1);
        return CheckNational(nsn, *best);
    }
    const PhoneCountry* c = FindPhoneCountry(country_iso);
    if (!c) c = FindPhoneCountry(kHomeCountry);
    if (digits.empty()) return Refuse(PhoneProblem::kEmpty, c);
    std::string nsn = digits;
    if (!c->trunk.empty() && nsn.starts_with(c->trunk))
        nsn.erase(0, c->trunk.size());
    else if (c->iso == "BE")  // Belgians always write the 0; "470 12 34 56" is not what they type
        return Refuse(PhoneProblem::kNotMobileOrFixed, c);
    return CheckNational(nsn, *c);
}

std::string GroupPhone(std::string_view digits, std::string_view country_iso) {
    std::string out;
    std::string_view rest = digits;
    std::vector<size_t> groups = {3, 3, 3, 3, 3};
    std::string_view intl = digits.starts_with("+") ? "+" : digits.starts_with("00") ? "00" : "";
    if (!intl.empty()) {
        // The calling code on its own, then the number in threes: "+380 501 234 567".
        std::string_view after = digits.substr(intl.size());
        size_t code = CallingCodeOf(after).length;
        if (code == 0) return std::string(digits);
        out = std::string(intl) + std::string(after.substr(0, code));
        rest = after.substr(code);
    } else if (country_iso == "BE") {
        groups = digits.starts_with("04") ? std::vector<size_t>{4, 2, 2, 2} : std::vector<size_t>{2, 3, 2, 2};
    }
    size_t pos = 0;
    for (size_t g : groups) {
        if (pos >= rest.size()) break;
        if (!out.empty()) out += ' ';
        out += rest.substr(pos, g);
        pos += g;
    }
    if (pos < rest.size()) out += " " + std::string(rest.substr(pos));
    return out;
}

}  // namespace brugpunt::core
