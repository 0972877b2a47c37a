// Owns the small amount of cryptography the kiosk needs, through libsodium.
#pragma once

#include <array>
#include <cstdint>
#include <string>

namespace brugpunt::sync {

// Lowercase hex of HMAC-SHA256(key, message).
std::string HmacSha256Hex(const std::string& key, const std::string& message);
// 128 random bits as 32 hex characters: an idempotency key.
std::string RandomKey();
std::array<uint8_t, 6> RandomBytes6();
// Uniform in [0, 1), for retry jitter.
double RandomUnit();

}  // namespace brugpunt::sync
