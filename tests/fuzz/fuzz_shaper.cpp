// Fuzz target: subtitles and language names through FriBidi, HarfBuzz and FreeType. The first
// byte picks the language and the width; the rest is the text, valid UTF-8 or not.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "text/shaper.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace brugpunt;
    static std::unique_ptr<text::Shaper> shaper = [] {
        auto s = text::Shaper::Open(text::Shaper::DefaultFonts(), 24.0f);
        if (!s) __builtin_trap();
        return std::move(s.value());
    }();
    if (size < 1 || size > 4096) return 0;
    static const char* kLangs[] = {"nl", "ar", "fa", "ps", "ti", "uk", "ru", ""};
    std::string_view lang = kLangs[data[0] % 8];
    float width = 40.0f + (data[0] >> 3) * 20.0f;
    std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    text::ShapedLine line = shaper->ShapeLine(text, lang);
    for (const auto& g : line.glyphs)
        if (g.cluster > text.size()) __builtin_trap();
    text::Bitmap bmp = shaper->Render(text, width, lang);
    if (bmp.alpha.size() != static_cast<size_t>(bmp.width) * bmp.height) __builtin_trap();
    return 0;
}
