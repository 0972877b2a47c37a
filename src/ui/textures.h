// Owns the seam between screens and GPU textures: screens ask for a pictogram by name, or for
// shaped text.
// Must not include SDL, OpenGL, store or sync.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

namespace brugpunt::ui {

// Text shaped outside ImGui (Arabic, Ethiopic, ...), white on transparent: tint it when drawing.
struct TextImage {
    ImTextureID texture = nullptr;  // nullptr: nothing to draw
    ImVec2 size{0, 0};              // in pixels
    bool rtl = false;               // align it right
};

class TextureSource {
  public:
    virtual ~TextureSource() = default;
    // nullptr when the pictogram is unknown; widgets then draw no image.
    virtual ImTextureID Pictogram(std::string_view name) const = 0;
    // text in lang, wrapped to max_width pixels, at pixel_size. Empty when it cannot be shaped.
    virtual TextImage Text(const std::string& text, const std::string& lang, float max_width,
                           float pixel_size) const {
        (void)text, (void)lang, (void)max_width, (void)pixel_size;
        return {};
    }
    // The QR code of payload, dark on white with its quiet zone, one pixel per module: draw it at
    // a whole multiple of its size. Empty when it cannot be made.
    virtual TextImage Qr(const std::string& payload) const {
        (void)payload;
        return {};
    }
    // The photo file `name` (a catalogue's relative name) inside the catalogue's folder root,
    // scaled to at most kPhotoSide pixels on its longer side. Empty when it is missing, outside
    // root or unreadable (said once in the log): the screen then shows the pictogram.
    virtual TextImage Photo(std::string_view root, std::string_view name) const {
        (void)root, (void)name;
        return {};
    }
};

// The longest side a photo texture gets: the largest a screen draws one, at 1920 pixels.
inline constexpr int kPhotoSide = 720;

}  // namespace brugpunt::ui
