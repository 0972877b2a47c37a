// Fuzz target: an outbox payload (JSON written by the kiosk, read back by the delivery thread)
// turned into the desk's mail. A damaged row must never bring the delivery thread down.
#include <cstddef>
#include <cstdint>
#include <string>

#include "sync/delivery.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string payload(reinterpret_cast<const char*>(data), size);
    std::string mail = brugpunt::sync::MailMessage(payload, "kiosk@example.org", "balie@example.org");
    if (mail.find("\r\n\r\n") == std::string::npos) __builtin_trap();  // headers, then a body
    return 0;
}
