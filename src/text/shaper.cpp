// Owns FreeType faces, HarfBuzz shaping, FriBidi ordering and the rasteriser.
#include "shaper.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <fribidi.h>
#include <hb-ft.h>
#include <hb.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace brugpunt::text {

struct Shaper::Font {
    FT_Library library = nullptr;
    FT_Face face = nullptr;
    hb_font_t* hb = nullptr;

    ~Font() {
        if (hb) hb_font_destroy(hb);
        if (face) FT_Done_Face(face);
        if (library) FT_Done_FreeType(library);
    }
};

namespace {

struct Decoded {
    std::vector<FriBidiChar> chars;
    std::vector<uint32_t> offsets;  // byte offset of each char, plus one past the end
};

Decoded Decode(std::string_view utf8) {
    Decoded d;
    for (size_t i = 0; i < utf8.size();) {
        unsigned char c = static_cast<unsigned char>(utf8[i]);
        int n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        if (i + n > utf8.size()) n = 1;
        char32_t cp = n == 1 ? (c < 0x80 ? c : 0xFFFD) : c & (0x7F >> n);
        for (int k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(utf8[i + k]) & 0x3F);
        d.chars.push_back(cp);
        d.offsets.push_back(static_cast<uint32_t>(i));
        i += n;
    }
    d.offsets.push_back(static_cast<uint32_t>(utf8.size()));
    return d;
}

// Characters that belong to no script take the font of the text around them, so a space or a
// digit inside Arabic does not split the run.
bool Neutral(char32_t c) {
    return c < 0x80 ? !((c | 0x20) >= 'a' && (c | 0x20) <= 'z') : (c >= 0x2000 && c < 0x2070) || c == 0xA0;
}

// Unicode bidi: the paragraph's direction from its first strong letter (true: right to left),
// and a level per character in levels.
bool BidiLevels(const Decoded& d, std::vector<FriBidiLevel>& levels) {
    auto n = static_cast<FriBidiStrIndex>(d.chars.size());
    std::vector<FriBidiCharType> types(n);
    std::vector<FriBidiBracketType> brackets(n);
    levels.assign(n, 0);
    fribidi_get_bidi_types(d.chars.data(), n, types.data());
    fribidi_get_bracket_types(d.chars.data(), n, types.data(), brackets.data());
    FriBidiParType base = FRIBIDI_PAR_ON;
    if (!fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &base, levels.data()))
        std::fill(levels.begin(), levels.end(), 0);
    return FRIBIDI_IS_RTL(base);
}

}  // namespace

core::Result<std::unique_ptr<Shaper>> Shaper::Open(const std::vector<std::string>& font_files,
                                                   float pixel_size) {
    std::unique_ptr<Shaper> s(new Shaper());
    for (const auto& file : font_files) {
        auto f = std::make_unique<Font>();
        if (FT_Init_FreeType(&f->library) || FT_New_Face(f->library, file.c_str(), 0, &f->face))
            return core::Error{core::ErrorCode::kNotFound, "cannot open font " + file};
        FT_Set_Pixel_Sizes(f->face, 0, static_cast<FT_UInt>(std::lround(pixel_size)));
        f->hb = hb_ft_font_create_referenced(f->face);
        s->m_ascent = std::max(s->m_ascent, f->face->size->metrics.ascender / 64.0f);
        // Ascender to descender, without the fonts' own line gap: Arabic fonts reserve room for
        // stacked marks that subtitles rarely need, and lines that far apart read as two texts.
        float extent = (f->face->size->metrics.ascender - f->face->size->metrics.descender) / 64.0f;
        s->m_line_height = std::max(s->m_line_height, extent);
        s->m_fonts.push_back(std::move(f));
    }
    if (s->m_fonts.empty()) return core::Error{core::ErrorCode::kNotFound, "no fonts for shaped text"};
    return s;
}

core::Result<FontChoice> ChooseFonts(const std::vector<std::string>& texts, const std::string& dir) {
    namespace fs = std::filesystem;
    FT_Library library = nullptr;
    if (FT_Init_FreeType(&library)) return core::Error{core::ErrorCode::kIo, "FreeType did not start"};
    std::vector<FT_Face> faces;
    FontChoice choice;
    auto open = [&](const std::string& file) {
        FT_Face face = nullptr;
        if (FT_New_Face(library, file.c_str(), 0, &face)) return false;
        faces.push_back(face);
        choice.files.push_back(file);
        return true;
    };
    auto has = [&](char32_t c) {
        return std::any_of(faces.begin(), faces.end(),
                           [c](FT_Face f) { return FT_Get_Char_Index(f, c) != 0; });
    };
    for (const auto& file : Shaper::DefaultFonts()) open(file);
    // Other regular faces, Noto Sans first: opened only for a character the others lack.
    std::vector<std::string> candidates;
    std::error_code ec;
    for (const auto& e : fs::directory_iterator(dir, ec)) {
        std::string name = e.path().filename().string();
        if ((name.ends_with("-Regular.ttf") || name.ends_with("-Regular.otf")) &&
            std::find(choice.files.begin(), choice.files.end(), e.path().string()) == choice.files.end())
            candidates.push_back(e.path().string());
    }
    std::sort(candidates.begin(), candidates.end(), [&](const std::string& a, const std::string& b) {
        bool sa = a.find("/NotoSans") != std::string::npos, sb = b.find("/NotoSans") != std::string::npos;
        return sa != sb ? sa : a < b;
    });
    std::vector<char32_t> hopeless;  // looked for in every candidate already
    for (const auto& text : texts) {
        std::u32string missing;
        for (char32_t c : Decode(text).chars) {
            // Spaces, controls and direction marks are never drawn.
            if (c <= 0x20 || c == 0xA0 || (c >= 0x200B && c <= 0x200F) || has(c)) continue;
            bool found = false;
            if (std::find(hopeless.begin(), hopeless.end(), c) == hopeless.end())
                for (auto it = candidates.begin(); !found && it != candidates.end();) {
                    FT_Face face = nullptr;
                    if (!FT_New_Face(library, it->c_str(), 0, &face) && FT_Get_Char_Index(face, c)) {
                        faces.push_back(face);
                        choice.files.push_back(*it);
                        found = true;
                    } else if (face) {
                        FT_Done_Face(face);
                    }
                    it = found ? candidates.erase(it) : it + 1;
                }
            if (!found) {
                hopeless.push_back(c);
                if (missing.find(c) == std::u32string::npos) missing.push_back(c);
            }
        }
        choice.missing.push_back(std::move(missing));
    }
    bool none = faces.empty();
    for (FT_Face f : faces) FT_Done_Face(f);
    FT_Done_FreeType(library);
    if (none) return core::Error{core::ErrorCode::kNotFound, "no fonts in " + dir};
    return choice;
}

std::vector<std::string> Shaper::DefaultFonts() {
    const char* dir = "/usr/share/fonts/truetype/noto/";
    return {std::string(dir) + "NotoSans-Regular.ttf", std::string(dir) + "NotoSansArabic-Regular.ttf",
            std::string(dir) + "NotoSansEthiopic-Regular.ttf"};
}

Shaper::~Shaper() = default;

int Shaper::FontFor(char32_t c, int previous) const {
    if (previous >= 0 && Neutral(c) && FT_Get_Char_Index(m_fonts[previous]->face, c)) return previous;
    for (size_t i = 0; i < m_fonts.size(); ++i)
        if (FT_Get_Char_Index(m_fonts[i]->face, c)) return static_cast<int>(i);
    return previous >= 0 ? previous : 0;
}

ShapedLine Shaper::ShapeLine(std::string_view utf8, std::string_view lang) const {
    ShapedLine line;
    Decoded d = Decode(utf8);
    auto n = static_cast<FriBidiStrIndex>(d.chars.size());
    if (n == 0) return line;

    std::vector<FriBidiLevel> levels;
    line.rtl = BidiLevels(d, levels);

    // Runs of one level and one font, in reading order.
    struct Run {
        int start, end, level, font;
    };
    std::vector<Run> runs;
    int font = -1;
    for (int i = 0; i < n; ++i) {
        font = FontFor(d.chars[i], font);
        if (runs.empty() || runs.back().level != levels[i] || runs.back().font != font)
            runs.push_back({i, i + 1, levels[i], font});
        else
            runs.back().end = i + 1;
    }
    // Rule L2: from the highest level down to the lowest odd one, reverse every stretch of runs
    // at that level or higher. What is left is the order on screen.
    int max_level = 0, min_odd = 1000;
    for (const auto& r : runs) {
        max_level = std::max(max_level, r.level);
        if (r.level % 2) min_odd = std::min(min_odd, r.level);
    }
    for (int level = max_level; level >= min_odd && level > 0; --level)
        for (size_t i = 0; i < runs.size();) {
            if (runs[i].level < level) {
                ++i;
                continue;
            }
            size_t j = i;
            while (j < runs.size() && runs[j].level >= level) ++j;
            std::reverse(runs.begin() + i, runs.begin() + j);
            i = j;
        }

    float pen = 0;
    hb_buffer_t* buf = hb_buffer_create();
    for (const auto& r : runs) {
        hb_buffer_clear_contents(buf);
        hb_buffer_add_utf8(buf, utf8.data(), static_cast<int>(utf8.size()), d.offsets[r.start],
                           static_cast<int>(d.offsets[r.end] - d.offsets[r.start]));
        hb_buffer_set_direction(buf, r.level % 2 ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
        if (!lang.empty())
            hb_buffer_set_language(buf, hb_language_from_string(lang.data(), static_cast<int>(lang.size())));
        hb_buffer_guess_segment_properties(buf);
        hb_shape(m_fonts[r.font]->hb, buf, nullptr, 0);
        unsigned count = 0;
        hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
        hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
        for (unsigned g = 0; g < count; ++g) {  // HarfBuzz gives an RTL run in visual order already
            Glyph glyph;
            glyph.id = info[g].codepoint;
            glyph.cluster = info[g].cluster;
            glyph.font = r.font;
            glyph.x = pen;
            glyph.x_offset = pos[g].x_offset / 64.0f;
            glyph.y_offset = pos[g].y_offset / 64.0f;
            glyph.advance = pos[g].x_advance / 64.0f;
            pen += glyph.advance;
            line.glyphs.push_back(glyph);
        }
    }
    hb_buffer_destroy(buf);
    line.width = pen;
    return line;
}

std::vector<ShapedLine> Shaper::Wrap(std::string_view utf8, float max_width, std::string_view lang) const {
    std::vector<std::string_view> words;
    for (size_t i = 0; i < utf8.size();) {
        size_t j = utf8.find(' ', i);
        if (j == std::string_view::npos) j = utf8.size();
        if (j > i) words.push_back(utf8.substr(i, j - i));
        i = j + 1;
    }
    // Greedy, in reading order: a line takes words while it still fits. Each line is ordered and
    // shaped on its own, so a right-to-left line reads correctly from its right edge.
    std::vector<ShapedLine> lines;
    std::string current;
    ShapedLine shaped;
    for (auto w : words) {
        std::string candidate = current.empty() ? std::string(w) : current + ' ' + std::string(w);
        ShapedLine trial = ShapeLine(candidate, lang);
        if (!current.empty() && trial.width > max_width) {
            lines.push_back(std::move(shaped));
            current = std::string(w);
            shaped = ShapeLine(current, lang);
        } else {
            current = std::move(candidate);
            shaped = std::move(trial);
        }
    }
    if (!current.empty()) lines.push_back(std::move(shaped));
    std::vector<FriBidiLevel> levels;
    bool rtl = BidiLevels(Decode(utf8), levels);  // the paragraph's direction decides the alignment
    for (auto& l : lines) l.rtl = rtl;
    return lines;
}

Bitmap Shaper::Render(std::string_view utf8, float max_width, std::string_view lang) const {
    Bitmap bmp;
    auto lines = Wrap(utf8, max_width, lang);
    if (lines.empty()) return bmp;
    float widest = 0;
    for (const auto& l : lines) widest = std::max(widest, l.width);
    bmp.width = static_cast<int>(std::ceil(widest)) + 2;
    bmp.height = static_cast<int>(std::ceil(m_line_height * lines.size())) + 2;
    bmp.rtl = lines.front().rtl;
    bmp.alpha.assign(static_cast<size_t>(bmp.width) * bmp.height, 0);
    for (size_t li = 0; li < lines.size(); ++li) {
        const ShapedLine& l = lines[li];
        float left = 1 + (l.rtl ? widest - l.width : 0);
        float baseline = 1 + m_ascent + m_line_height * li;
        for (const auto& g : l.glyphs) {
            FT_Face face = m_fonts[g.font]->face;
            if (FT_Load_Glyph(face, g.id, FT_LOAD_RENDER | FT_LOAD_TARGET_NORMAL)) continue;
            const FT_Bitmap& src = face->glyph->bitmap;
            int x0 = static_cast<int>(std::lround(left + g.x + g.x_offset)) + face->glyph->bitmap_left;
            int y0 = static_cast<int>(std::lround(baseline - g.y_offset)) - face->glyph->bitmap_top;
            for (unsigned row = 0; row < src.rows; ++row)
                for (unsigned col = 0; col < src.width; ++col) {
                    int x = x0 + static_cast<int>(col), y = y0 + static_cast<int>(row);
                    if (x < 0 || y < 0 || x >= bmp.width || y >= bmp.height) continue;
                    uint8_t& dst = bmp.alpha[static_cast<size_t>(y) * bmp.width + x];
                    dst = std::max(dst, src.buffer[row * src.pitch + col]);
                }
        }
    }
    return bmp;
}

}  // namespace brugpunt::text
