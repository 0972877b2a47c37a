// Owns shaped text: scripts Dear ImGui cannot draw (Arabic, Farsi and Pashto right to left and
// joined, Ethiopic) are ordered with FriBidi, shaped with HarfBuzz and rasterised with FreeType
// into a coverage bitmap the UI uploads as a texture. Must not include ImGui, SDL or OpenGL.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.h"

namespace brugpunt::text {

struct Glyph {
    uint32_t id = 0;       // in its font; 0 is "no glyph" (a box)
    uint32_t cluster = 0;  // byte offset of its character in the line's UTF-8
    int font = 0;          // index into the shaper's fonts
    float x = 0;           // pen position from the line's left edge, in pixels
    float x_offset = 0, y_offset = 0;
    float advance = 0;
};

// One line as it is drawn: glyphs left to right on screen, whatever the reading direction.
struct ShapedLine {
    std::vector<Glyph> glyphs;
    float width = 0;
    bool rtl = false;  // the paragraph reads right to left
};

// 8-bit coverage, row by row; 0 is transparent.
struct Bitmap {
    int width = 0;
    int height = 0;
    bool rtl = false;  // align it right
    std::vector<uint8_t> alpha;
};

// The fonts that draw a set of texts, and what none of them draws.
struct FontChoice {
    std::vector<std::string> files;       // Shaper::DefaultFonts(), then what was added for the texts
    std::vector<std::u32string> missing;  // per text: its characters no font in the folder has
};

// For texts (each language's name and phrases), the default fonts, then, for each character they
// lack, the first other font in dir that has it (Noto Sans before other families): a language in a
// new script finds its Noto font without code. Error when not even the default fonts are there.
core::Result<FontChoice> ChooseFonts(const std::vector<std::string>& texts,
                                     const std::string& dir = "/usr/share/fonts/truetype/noto");

class Shaper {
  public:
    // fonts: tried in order for each character; the first that has it draws it.
    static core::Result<std::unique_ptr<Shaper>> Open(const std::vector<std::string>& font_files,
                                                      float pixel_size);
    // The Noto fonts Debian installs, for Latin, Cyrillic, Arabic script and Ethiopic.
    static std::vector<std::string> DefaultFonts();
    ~Shaper();

    ShapedLine ShapeLine(std::string_view utf8, std::string_view lang = {}) const;
    // Wrapped at spaces to max_width pixels; an RTL paragraph is aligned right.
    std::vector<ShapedLine> Wrap(std::string_view utf8, float max_width, std::string_view lang = {}) const;
    Bitmap Render(std::string_view utf8, float max_width, std::string_view lang = {}) const;
    float LineHeight() const { return m_line_height; }

  private:
    struct Font;
    Shaper() = default;
    int FontFor(char32_t c, int previous) const;

    std::vector<std::unique_ptr<Font>> m_fonts;
    float m_line_height = 0;
    float m_ascent = 0;
};

}  // namespace brugpunt::text
