// Fuzz target: the kiosk's command line, arguments split at NUL bytes.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "core/options.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::vector<std::string> args(1);
    for (size_t i = 0; i < size; ++i) {
        if (data[i] == 0)
            args.emplace_back();
        else
            args.back() += static_cast<char>(data[i]);
    }
    auto o = brugpunt::core::ParseOptions(args);
    if (!o && o.error().message.empty()) __builtin_trap();  // a refusal always says why
    return 0;
}
