// Owns passwords (libsodium Argon2id), session and CSRF tokens, roles and the lock-out rule.
// Knows nothing of HTTP or SQLite.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "core/result.h"

namespace brugpunt::balie {

// crypto_pwhash_str: Argon2id with the salt and parameters inside the returned string.
core::Result<std::string> HashPassword(const std::string& password);
bool VerifyPassword(const std::string& hash, const std::string& password);

// 256 random bits as hex: session tokens, CSRF tokens and kiosk secrets.
std::string NewToken();
// Compares in time that does not depend on where the strings differ.
bool SameSecret(std::string_view a, std::string_view b);

enum class Role { kBalie, kRedacteur, kBeheerder };
std::optional<Role> ParseRole(std::string_view name);
std::string_view RoleName(Role role);
// Who may open what: requests are for the desk (and the beheerder, who stands in for it);
// users, kiosks and settings only for the beheerder; the catalogue (part 2) for the redacteur.
enum class Area { kRequests, kAdmin, kCatalogue };
bool RoleAllows(Role role, Area area);

inline constexpr int kMaxFailedLogins = 5;
inline constexpr long long kLockoutMs = 15 * 60'000;

struct LoginState {
    int failed = 0;
    long long locked_until_ms = 0;
};
// What a wrong password does to the account's state: the fifth in a row locks it.
LoginState AfterWrongPassword(LoginState s, long long now_ms);
bool IsLocked(const LoginState& s, long long now_ms);

}  // namespace brugpunt::balie
