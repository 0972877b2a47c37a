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

namespace brugpunt::core {

inline constexpr int kMaxChosenActivities = 3;  // field workers ask for 2-3 choices
inline constexpr int kMaxChildren = 8;

enum class RequestKind { kAppointment, kInterest };  // interest: "laat me weten wanneer het opengaat"
enum class ContactMode { kPhone, kComeBack };        // kComeBack: "ik kom terug naar de balie"
enum class DayPart { kMorning, kAfternoon, kEvening, kSaturday };
inline constexpr int kDayPartCount = 4;

struct AppointmentRequest {
    RequestKind kind = RequestKind::kAppointment;
    std::vector<std::string> activity_ids;  // empty: a general question
    std::vector<int> child_ages;            // one entry per child
    ContactMode contact = ContactMode::kPhone;
    std::string phone;  // E.164 (+32...), only with kPhone
    bool whatsapp = false;
    std::string language = "nl";
    bool interpreter = false;
    std::array<bool, kDayPartCount> day_parts{};
    bool consent = false;

    bool operator==(const AppointmentRequest&) const = default;
};

// A Belgian number as typed on the keypad ("0470 12 34 56", "09 123 45 67", "+32 470...",
// "0032...") -> "+32470123456"; nullopt when it cannot be a Belgian number.
std::optional<std::string> NormalizeBelgianPhone(std::string_view typed);

// "0470 12 34 56" style grouping of what has been typed so far, for the keypad display.
std::string GroupPhoneDigits(std::string_view digits);

// What is still missing before the request may be sent; empty when complete.
std::vector<std::string> MissingFields(const AppointmentRequest& r);

// A short code a visitor can read aloud at the desk: 6 characters from an alphabet without
// look-alikes (no 0/O, 1/I/L), grouped "K7Q-4XM". Built from 6 random bytes.
std::string ReferenceCode(const std::array<uint8_t, 6>& random);

// Exponential backoff with full jitter and a cap: attempt 0 waits up to `base`, each next attempt
// doubles the window until `cap`. `unit` in [0, 1) picks the point inside the window.
Millis RetryDelay(int attempt, double unit, Millis base = Millis(30'000), Millis cap = Millis(6 * 3600'000));

std::string_view DayPartCode(DayPart p);

}  // namespace brugpunt::core
