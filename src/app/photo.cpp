// Owns reading a photo for the screen: stb_image decodes, stb_image_resize scales in sRGB.
#include "photo.h"

#include <stb_image.h>
#include <stb_image_resize.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

namespace brugpunt::app {

core::Result<Rgba> LoadPhoto(const std::string& path, int max_side) {
    std::unique_ptr<FILE, int (*)(FILE*)> f(std::fopen(path.c_str(), "rb"), &std::fclose);
    if (!f) return core::Error{core::ErrorCode::kIo, "cannot open " + path};
    int w = 0, h = 0, n = 0;
    if (!stbi_info_from_file(f.get(), &w, &h, &n))
        return core::Error{core::ErrorCode::kInvalid,
                           path + " is not a photo the kiosk can show (" + stbi_failure_reason() + ")"};
    if (static_cast<long long>(w) * h > kMaxPhotoPixels)
        return core::Error{core::ErrorCode::kInvalid, path + " is " + std::to_string(w) + "x" +
                                                          std::to_string(h) +
                                                          " pixels, more than a kiosk photo may have"};
    std::unique_ptr<unsigned char, void (*)(void*)> data(stbi_load_from_file(f.get(), &w, &h, &n, 4),
                                                         &stbi_image_free);
    if (!data)
        return core::Error{core::ErrorCode::kInvalid,
                           path + " cannot be decoded (" + stbi_failure_reason() + ")"};
    Rgba out;
    double scale = std::min(1.0, static_cast<double>(std::max(max_side, 1)) / std::max(w, h));
    out.width = std::max(1, static_cast<int>(std::lround(w * scale)));
    out.height = std::max(1, static_cast<int>(std::lround(h * scale)));
    out.pixels.resize(static_cast<size_t>(out.width) * out.height * 4);
    if (out.width == w && out.height == h) {
        std::copy_n(data.get(), out.pixels.size(), out.pixels.begin());
    } else if (!stbir_resize_uint8_srgb(data.get(), w, h, 0, out.pixels.data(), out.width, out.height, 0, 4,
                                        3, 0)) {
        return core::Error{core::ErrorCode::kInvalid, path + " cannot be scaled"};
    }
    return out;
}

}  // namespace brugpunt::app
