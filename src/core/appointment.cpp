// Owns the rules of a callback request. Standard library only.
#include "appointment.h"

#include <algorithm>
#include <cmath>

namespace brugpunt::core {

std::optional<std::string> NormalizeBelgianPhone(std::string_view typed) {
    std::string digits;
    bool plus = false;
    for (char c : typed) {
        if (c >= '0' && c <= '9')
            digits += c;
        else if (c == '+' && digits.empty() && !plus)
            plus = true;
        else if (c != ' ' && c != '/' && c != '.' && c != '-')
            return std::nullopt;
    }
    std::string national;  // without the leading 0
    if (plus) {
        if (!digits.starts_with("32")) return std::nullopt;
        national = digits.substr(2);
    } else if (digits.starts_with("0032")) {
        national = digits.substr(4);
    } else if (digits.starts_with("0")) {
        national = digits.substr(1);
    } else {
        return std::nullopt;
    }
    if (national.empty() || national[0] == '0') return std::nullopt;
    // Mobile: 4xx xx xx xx (9 digits after the 0). Landline: 8 digits after the 0.
    bool mobile = national[0] == '4' && national.size() == 9 && national[1] >= '6';
    bool landline = national[0] != '4' && national.size() == 8;
    if (!mobile && !landline) return std::nullopt;
    return "+32" + national;
}

std::string GroupPhoneDigits(std::string_view digits) {
    // 04xx xx xx xx for mobiles, 0x xxx xx xx for everything else: the way Belgians write them.
    std::vector<size_t> groups =
        digits.starts_with("04") ? std::vector<size_t>{4, 2, 2, 2} : std::vector<size_t>{2, 3, 2, 2};
    std::string out;
    size_t pos = 0;
    for (size_t g : groups) {
        if (pos >= digits.size()) break;
        if (!out.empty()) out += ' ';
        out += digits.substr(pos, g);
        pos += g;
    }
    if (pos < digits.size()) out += " " + std::string(digits.substr(pos));
    return out;
}

std::vector<std::string> MissingFields(const AppointmentRequest& r) {
    std::vector<std::string> missing;
    if (r.activity_ids.size() > static_cast<size_t>(kMaxChosenActivities)) missing.push_back("activities");
    if (r.kind == RequestKind::kInterest && r.activity_ids.size() != 1) missing.push_back("activities");
    if (r.child_ages.size() > static_cast<size_t>(kMaxChildren)) missing.push_back("children");
    for (int age : r.child_ages)
        if (age < 0 || age > 25) missing.push_back("children");
    if (r.contact == ContactMode::kPhone && !NormalizeBelgianPhone(r.phone)) missing.push_back("phone");
    if (r.kind == RequestKind::kInterest && r.contact != ContactMode::kPhone) missing.push_back("phone");
    if (r.language.empty()) missing.push_back("language");
    if (!r.consent) missing.push_back("consent");
    missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
    return missing;
}

std::string ReferenceCode(const std::array<uint8_t, 6>& random) {
    static constexpr std::string_view kAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";  // 31 symbols
    std::string code;
    for (size_t i = 0; i < random.size(); ++i) {
        if (i == 3) code += '-';
        code += kAlphabet[random[i] % kAlphabet.size()];
    }
    return code;
}

Millis RetryDelay(int attempt, double unit, Millis base, Millis cap) {
    attempt = std::clamp(attempt, 0, 40);
    double window = std::min(static_cast<double>(cap.count()), base.count() * std::pow(2.0, attempt));
    unit = std::clamp(unit, 0.0, 0.999999);
    // Never less than a second: a receiver that is down is not hammered.
    return Millis(std::max<long long>(1000, static_cast<long long>(window * unit)));
}

std::string_view DayPartCode(DayPart p) {
    switch (p) {
        case DayPart::kMorning:
            return "morning";
        case DayPart::kAfternoon:
            return "afternoon";
        case DayPart::kEvening:
            return "evening";
        case DayPart::kSaturday:
            return "saturday";
    }
    return "";
}

}  // namespace brugpunt::core
