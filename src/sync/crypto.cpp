// Owns libsodium calls.
#include "crypto.h"

#include <sodium.h>

#include <mutex>
#include <stdexcept>

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

}  // namespace brugpunt::sync
