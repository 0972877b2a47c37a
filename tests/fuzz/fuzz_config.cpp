// Fuzz target: the kiosk's config file.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    auto c = brugpunt::core::ParseConfig(std::string_view(reinterpret_cast<const char*>(data), size));
    if (c && (c->volume < 10 || c->volume > 100)) __builtin_trap();
    return 0;
}
