// Owns the seam between screens and GPU textures: screens ask for a pictogram by name.
// Must not include SDL, OpenGL, store or sync.
#pragma once

#include <imgui.h>

#include <string_view>

namespace brugpunt::ui {

class TextureSource {
  public:
    virtual ~TextureSource() = default;
    // nullptr when the pictogram is unknown; widgets then draw no image.
    virtual ImTextureID Pictogram(std::string_view name) const = 0;
};

}  // namespace brugpunt::ui
