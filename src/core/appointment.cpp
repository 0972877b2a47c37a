// Owns the rules of a callback request. Standard library only.
#include "appointment.h"

#include <algorithm>
#include <cmath>

namespace brugpunt::core {

std::optional<std::string> RequestPhone(const AppointmentRequest& r) {
    return CheckPhone(r.phone, r.phone_country).e164;
}

std::vector<std::string> MissingFields(const AppointmentRequest& r) {
    std::vector<std::string> missing;
    if (r.activity_ids.size() > static_cast<size_t>(kMaxChosenActivities)) missing.push_back("activities");
    if (r.kind == RequestKind::kInterest && r.activity_ids.size() != 1) missing.push_back("activities");
    if (r.child_ages.size() > static_cast<size_t>(kMaxChildren)) missing.push_back("children");
    for (int age : r.child_ages)
        if (age < 0 || age > 25) missing.push_back("children");
    if (r.contact == ContactMode::kPhone && !RequestPhone(r)) missing.push_back("phone");
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

namespace {
struct HelpName {
    Help help;
    std::string_view code;
    std::string_view desk;
};
// In the order of the enum: kHelpNames[i].help == Help(i).
constexpr HelpName kHelpNames[kHelpCount] = {
    {Help::kEnrol, "enrol", "inschrijven"},
    {Help::kTrial, "trial", "testmoment regelen"},
    {Help::kGoAlong, "go_along", "de eerste keer mee"},
    {Help::kDiscount, "discount", "korting of pas aanvragen"},
    {Help::kGear, "gear", "materiaal lenen"},
    {Help::kTransport, "transport", "vervoer"},
};
}  // namespace

std::string_view HelpCode(Help h) {
    return kHelpNames[static_cast<int>(h)].code;
}

std::string_view HelpDeskWords(Help h) {
    return kHelpNames[static_cast<int>(h)].desk;
}

std::optional<Help> HelpFromCode(std::string_view code) {
    for (const auto& n : kHelpNames)
        if (n.code == code) return n.help;
    return std::nullopt;
}

}  // namespace brugpunt::core
