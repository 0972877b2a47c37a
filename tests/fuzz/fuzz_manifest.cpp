// Fuzz target: a bundle manifest as a kiosk receives it (after the signature, before trusting it).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "sync/bundle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace brugpunt::sync;
    auto m = ParseManifest(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!m) return 0;
    // Whatever parses must survive writing and reading back unchanged, and be judged.
    auto again = ParseManifest(ManifestToJson(m.value()));
    if (!again || again->version != m->version || again->files != m->files || again->expires != m->expires)
        __builtin_trap();
    auto why = RejectManifest(m.value(), 5, 1'800'000'000, BundleLimits{});
    if (!why)
        for (const auto& f : m->files)
            if (f.path.find("..") != std::string::npos || f.path.starts_with("/")) __builtin_trap();
    return 0;
}
