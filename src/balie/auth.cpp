// Owns Balie's password, token and role rules, through libsodium.
#include "auth.h"

#include <sodium.h>

#include "sync/crypto.h"

namespace brugpunt::balie {

core::Result<std::string> HashPassword(const std::string& password) {
    if (sodium_init() < 0) return core::Error{core::ErrorCode::kInvalid, "libsodium did not start"};
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), crypto_pwhash_OPSLIMIT_INTERACTIVE,
                              crypto_pwhash_MEMLIMIT_INTERACTIVE, crypto_pwhash_ALG_ARGON2ID13) != 0)
        return core::Error{core::ErrorCode::kInvalid, "password hashing ran out of memory"};
    return std::string(out);
}

bool VerifyPassword(const std::string& hash, const std::string& password) {
    if (sodium_init() < 0 || hash.empty()) return false;
    return crypto_pwhash_str_verify(hash.c_str(), password.data(), password.size()) == 0;
}

std::string NewToken() {
    return sync::RandomKey() + sync::RandomKey();
}

bool SameSecret(std::string_view a, std::string_view b) {
    if (a.size() != b.size() || a.empty()) return false;
    return sodium_memcmp(a.data(), b.data(), a.size()) == 0;
}

std::optional<Role> ParseRole(std::string_view name) {
    if (name == "balie") return Role::kBalie;
    if (name == "redacteur") return Role::kRedacteur;
    if (name == "beheerder") return Role::kBeheerder;
    return std::nullopt;
}

std::string_view RoleName(Role role) {
    switch (role) {
        case Role::kBalie:
            return "balie";
        case Role::kRedacteur:
            return "redacteur";
        case Role::kBeheerder:
            return "beheerder";
    }
    return "";
}

bool RoleAllows(Role role, Area area) {
    switch (area) {
        case Area::kRequests:
            return role == Role::kBalie || role == Role::kBeheerder;
        case Area::kAdmin:
            return role == Role::kBeheerder;
        case Area::kCatalogue:
            return role == Role::kRedacteur || role == Role::kBeheerder;
    }
    return false;
}

LoginState AfterWrongPassword(LoginState s, long long now_ms) {
    if (++s.failed >= kMaxFailedLogins) {
        s.failed = 0;
        s.locked_until_ms = now_ms + kLockoutMs;
    }
    return s;
}

bool IsLocked(const LoginState& s, long long now_ms) {
    return s.locked_until_ms > now_ms;
}

}  // namespace brugpunt::balie
