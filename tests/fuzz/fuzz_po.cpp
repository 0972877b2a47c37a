// Fuzz target: a translator's .po file.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/strings.h"
#include "core/translations.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace brugpunt::core;
    auto po = Strings::ParsePo(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!po) return 0;
    Translations t;
    t.Add("nl", po.value());
    t.Add("ar", po.value());
    Coverage c = t.CoverageOf("ar");
    if (c.translated != c.keys || c.reviewed > c.translated) __builtin_trap();
    for (const auto& [key, text] : po->Entries())
        if (!t.Get("ar", key)) __builtin_trap();
    return 0;
}
