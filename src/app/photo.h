// Owns reading a photo for the screen: a JPEG or PNG file decoded, bounded and scaled down to the
// size it is drawn at. No GL: the caller uploads the pixels.
#pragma once

#include <string>
#include <vector>

#include "core/result.h"

namespace brugpunt::app {

// 8-bit RGBA, rows top to bottom.
struct Rgba {
    int width = 0;
    int height = 0;
    std::vector<unsigned char> pixels;
};

// A file claiming more pixels than this is refused before it is decoded: a hostile or mistaken
// file must not take the kiosk's memory (50 megapixels is 200 MB decoded).
inline constexpr long long kMaxPhotoPixels = 50'000'000;

// The photo at path, scaled down (never up) so its longer side is at most max_side pixels. An
// Error (kIo when it cannot be read, kInvalid when it is no image we can show) says why in one line.
core::Result<Rgba> LoadPhoto(const std::string& path, int max_side);

}  // namespace brugpunt::app
