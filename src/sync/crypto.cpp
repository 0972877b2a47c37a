// Owns libsodium calls.
#include "crypto.h"

#include <sodium.h>

#include <fstream>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <vector>

namespace brugpunt::sync {
namespace {

void Init() {
    static std::once_flag once;
    std::call_once(once, [] {
        if (sodium_init() < 0) throw std::runtime_error("libsodium could not initialise");
    });
}

std::string Hex(const unsigned char* data, size_t n) {
    std::string out(n * 2 + 1, '\0');
    sodium_bin2hex(out.data(), out.size(), data, n);
    out.pop_back();
    return out;
}

// Exactly n bytes of hex, or nothing.
std::optional<std::vector<unsigned char>> Unhex(const std::string& hex, size_t n) {
    std::vector<unsigned char> out(n);
    size_t len = 0;
    const char* end = nullptr;
    if (hex.size() != n * 2 ||
        sodium_hex2bin(out.data(), n, hex.data(), hex.size(), nullptr, &len, &end) != 0 || len != n)
        return std::nullopt;
    return out;
}

const unsigned char* Bytes(std::string_view s) {
    return reinterpret_cast<const unsigned char*>(s.data());
}

}  // namespace

std::string HmacSha256Hex(const std::string& key, const std::string& message) {
    Init();
    unsigned char mac[crypto_auth_hmacsha256_BYTES];
    crypto_auth_hmacsha256_state st;
    crypto_auth_hmacsha256_init(&st, reinterpret_cast<const unsigned char*>(key.data()), key.size());
    crypto_auth_hmacsha256_update(&st, reinterpret_cast<const unsigned char*>(message.data()),
                                  message.size());
    crypto_auth_hmacsha256_final(&st, mac);
    return Hex(mac, sizeof mac);
}

std::string RandomKey() {
    Init();
    unsigned char buf[16];
    randombytes_buf(buf, sizeof buf);
    return Hex(buf, sizeof buf);
}

std::array<uint8_t, 6> RandomBytes6() {
    Init();
    std::array<uint8_t, 6> out;
    randombytes_buf(out.data(), out.size());
    return out;
}

double RandomUnit() {
    Init();
    return randombytes_uniform(1u << 30) / static_cast<double>(1u << 30);
}

std::string Sha256Hex(std::string_view data) {
    Init();
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(out, Bytes(data), data.size());
    return Hex(out, sizeof out);
}

core::Result<std::string> Sha256FileHex(const std::string& path) {
    Init();
    std::ifstream in(path, std::ios::binary);
    if (!in) return core::Error{core::ErrorCode::kIo, "cannot open " + path};
    crypto_hash_sha256_state st;
    crypto_hash_sha256_init(&st);
    std::vector<char> buf(1 << 16);
    while (in) {
        in.read(buf.data(), static_cast<std::streamsize>(buf.size()));
        crypto_hash_sha256_update(&st, reinterpret_cast<unsigned char*>(buf.data()),
                                  static_cast<unsigned long long>(in.gcount()));
    }
    if (in.bad()) return core::Error{core::ErrorCode::kIo, "cannot read " + path};
    unsigned char out[crypto_hash_sha256_BYTES];
    crypto_hash_sha256_final(&st, out);
    return Hex(out, sizeof out);
}

SigningKey NewSigningKey() {
    Init();
    unsigned char pk[crypto_sign_PUBLICKEYBYTES];
    unsigned char sk[crypto_sign_SECRETKEYBYTES];
    crypto_sign_keypair(pk, sk);
    SigningKey key{Hex(sk, sizeof sk), Hex(pk, sizeof pk)};
    sodium_memzero(sk, sizeof sk);
    return key;
}

core::Result<std::string> SignHex(std::string_view message, const std::string& secret_hex) {
    Init();
    auto sk = Unhex(secret_hex, crypto_sign_SECRETKEYBYTES);
    if (!sk) return core::Error{core::ErrorCode::kInvalid, "not an ed25519 secret key (128 hex digits)"};
    unsigned char sig[crypto_sign_BYTES];
    crypto_sign_detached(sig, nullptr, Bytes(message), message.size(), sk->data());
    sodium_memzero(sk->data(), sk->size());
    return Hex(sig, sizeof sig);
}

bool VerifySignature(std::string_view message, const std::string& signature_hex,
                     const std::string& public_hex) {
    Init();
    auto sig = Unhex(signature_hex, crypto_sign_BYTES);
    auto pk = Unhex(public_hex, crypto_sign_PUBLICKEYBYTES);
    if (!sig || !pk) return false;
    return crypto_sign_verify_detached(sig->data(), Bytes(message), message.size(), pk->data()) == 0;
}

}  // namespace brugpunt::sync
