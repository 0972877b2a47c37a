// Owns the small amount of cryptography the kiosk needs, through libsodium.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "core/result.h"

namespace brugpunt::sync {

// Lowercase hex of HMAC-SHA256(key, message).
std::string HmacSha256Hex(const std::string& key, const std::string& message);
// 128 random bits as 32 hex characters: an idempotency key.
std::string RandomKey();
std::array<uint8_t, 6> RandomBytes6();
// Uniform in [0, 1), for retry jitter.
double RandomUnit();

// Lowercase hex of SHA-256: how the catalogue bundle names and checks every file.
std::string Sha256Hex(std::string_view data);
core::Result<std::string> Sha256FileHex(const std::string& path);

// ed25519 (libsodium's crypto_sign). The municipality keeps the secret key; kiosks hold only the
// public key. Keys and signatures travel as lowercase hex.
struct SigningKey {
    std::string secret_hex;  // 64 bytes: seed + public key
    std::string public_hex;  // 32 bytes
};
SigningKey NewSigningKey();
core::Result<std::string> SignHex(std::string_view message, const std::string& secret_hex);
// False for a wrong signature, a wrong key or hex that is not a key or signature at all.
bool VerifySignature(std::string_view message, const std::string& signature_hex,
                     const std::string& public_hex);

}  // namespace brugpunt::sync
