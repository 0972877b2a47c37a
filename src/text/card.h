// Owns the printed card: the take-home card drawn for a receipt printer, black dots on white, with
// its pictograms, the words and the same QR code as on screen. -> core, text (shaper, QR), stb
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"
#include "core/take_home.h"

namespace brugpunt::text {

// One bit a dot, kept as a byte: 1 is black. Rows top to bottom.
struct Dots {
    int width = 0;
    int height = 0;
    std::vector<uint8_t> black;

    bool Black(int x, int y) const { return black[static_cast<size_t>(y) * width + x] != 0; }
};

struct CardStyle {
    int width = 576;            // dots across the paper
    std::string pictogram_dir;  // NAME.png for each line's pictogram; a missing one is left out
    std::string regular_font = "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf";
    std::string bold_font = "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf";
};

// The card as the printer will print it. An Error when the fonts cannot be opened or the text does
// not fit in a QR code.
core::Result<Dots> RenderCard(const core::TakeHomeCard& card, const CardStyle& style);

// The dots as an 8-bit grey PNG (a preview, and what a CUPS queue prints).
core::VoidResult WriteDotsPng(const Dots& dots, const std::string& path);

}  // namespace brugpunt::text
