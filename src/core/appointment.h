// Owns the callback request a visitor makes with "Maak een afspraak": as little personal data as
// the desk needs, plus the rules for phone numbers, reference codes and retry delays.
// Standard library only.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "clock.h"
#include "phone.h"

namespace brugpunt::core {

inline constexpr int kMaxChosenActivities = 3;  // field workers ask for 2-3 choices
inline constexpr int kMaxChildren = 8;

enum class RequestKind { kAppointment, kInterest };  // interest: "laat me weten wanneer het opengaat"
enum class ContactMode { kPhone, kComeBack };        // kComeBack: "ik kom terug naar de balie"
enum class DayPart { kMorning, kAfternoon, kEvening, kSaturday };
inline constexpr int kDayPartCount = 4;
// What a family wants the desk to do, the toeleider's real work: sign the child up, arrange a trial
// session, go along the first time, apply for a discount or pass, lend gear, help with transport.
enum class Help { kEnrol, kTrial, kGoAlong, kDiscount, kGear, kTransport };
inline constexpr int kHelpCount = 6;

struct AppointmentRequest {
    RequestKind kind = RequestKind::kAppointment;
    std::vector<std::string> activity_ids;  // empty: a general question
    std::vector<int> child_ages;            // one entry per child
    ContactMode contact = ContactMode::kPhone;
    std::string phone;                 // as typed; E.164 (+32...) once sent, only with kPhone
    std::string phone_country = "BE";  // the country a number without + is read in
    bool whatsapp = false;
    std::string language = "nl";
    bool interpreter = false;
    std::array<bool, kDayPartCount> day_parts{};
    std::array<bool, kHelpCount> help{};
    bool consent = false;

    bool operator==(const AppointmentRequest&) const = default;
};

// The request's number as E.164 ("+32470123456"), or nullopt when it cannot be a real number.
std::optional<std::string> RequestPhone(const AppointmentRequest& r);

// What is still missing before the request may be sent; empty when complete.
std::vector<std::string> MissingFields(const AppointmentRequest& r);

// A short code a visitor can read aloud at the desk: 6 characters from an alphabet without
// look-alikes (no 0/O, 1/I/L), grouped "K7Q-4XM". Built from 6 random bytes.
std::string ReferenceCode(const std::array<uint8_t, 6>& random);

// Exponential backoff with full jitter and a cap: attempt 0 waits up to `base`, each next attempt
// doubles the window until `cap`. `unit` in [0, 1) picks the point inside the window.
Millis RetryDelay(int attempt, double unit, Millis base = Millis(30'000), Millis cap = Millis(6 * 3600'000));

std::string_view DayPartCode(DayPart p);
std::string_view HelpCode(Help h);  // "enrol", "trial", ...: what the webhook and Balie receive
std::optional<Help> HelpFromCode(std::string_view code);
// The desk's Dutch for it, in the mail and in Balie: "testmoment regelen".
std::string_view HelpDeskWords(Help h);

}  // namespace brugpunt::core
