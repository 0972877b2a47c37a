// Owns the printed card: laid out in grey, then ordered-dithered to dots. -> core, text, stb
#include "card.h"

#include <stb_image.h>
#include <stb_image_write.h>

#include <algorithm>
#include <memory>

#include "qr.h"
#include "shaper.h"

namespace brugpunt::text {
namespace {

// Grey, 255 white, growing downwards as lines are added.
struct Canvas {
    int width;
    std::vector<uint8_t> grey;
    std::vector<uint8_t> picture;  // 1 where a pictogram is: dithered, where text is sharp
    int Height() const { return static_cast<int>(grey.size() / width); }
    void Ensure(int height) {
        if (height <= Height()) return;
        grey.resize(static_cast<size_t>(height) * width, 255);
        picture.resize(grey.size(), 0);
    }
    uint8_t& At(int x, int y) { return grey[static_cast<size_t>(y) * width + x]; }
    void Darken(int x, int y, int value) {
        if (x < 0 || x >= width || y < 0) return;
        Ensure(y + 1);
        At(x, y) = static_cast<uint8_t>(std::min<int>(At(x, y), value));
    }
};

// The pictogram NAME.png from dir, side x side, its colours as greys over white; false when it
// cannot be read (the card is printed without it).
bool DrawPictogram(Canvas& c, const std::string& dir, const std::string& name, int x0, int y0, int side) {
    if (name.empty() || dir.empty() || name.find('/') != std::string::npos) return false;
    int w = 0, h = 0, n = 0;
    std::unique_ptr<unsigned char, void (*)(void*)> px(
        stbi_load((dir + "/" + name + ".png").c_str(), &w, &h, &n, 4), &stbi_image_free);
    if (!px || w <= 0 || h <= 0) return false;
    for (int y = 0; y < side; ++y)
        for (int x = 0; x < side; ++x) {
            const unsigned char* p = &px.get()[(static_cast<size_t>(y * h / side) * w + x * w / side) * 4];
            int lum = (p[0] * 299 + p[1] * 587 + p[2] * 114) / 1000;
            // Thermal paper has one ink: colours print as greys, outlines stay black.
            c.Darken(x0 + x, y0 + y, 255 - p[3] * (255 - lum) / 255);
            if (x0 + x < c.width) c.picture[static_cast<size_t>(y0 + y) * c.width + x0 + x] = 1;
        }
    return true;
}

void DrawText(Canvas& c, const Bitmap& b, int x0, int y0) {
    for (int y = 0; y < b.height; ++y)
        for (int x = 0; x < b.width; ++x)
            if (uint8_t a = b.alpha[static_cast<size_t>(y) * b.width + x]) c.Darken(x0 + x, y0 + y, 255 - a);
}

}  // namespace

core::Result<Dots> RenderCard(const core::TakeHomeCard& card, const CardStyle& style) {
    if (style.width < 200)
        return core::Error{core::ErrorCode::kInvalid, "card: paper narrower than 200 dots"};
    auto regular = Shaper::Open({style.regular_font}, 26.0f);
    if (!regular) return regular.error();
    auto bold = Shaper::Open({style.bold_font}, 32.0f);
    if (!bold) return bold.error();
    auto qr = EncodeQr(card.Text());
    if (!qr) return qr.error();

    const int margin = 8, picto = 52, gap = 12;
    Canvas c{style.width, {}, {}};
    int y = margin;
    for (const auto& line : card.lines) {
        if (line.new_section) y += 28;
        const Shaper& shaper = line.heading ? *bold.value() : *regular.value();
        int text_x = margin + (line.picto.empty() ? 0 : picto + gap);
        Bitmap b = shaper.Render(line.text, static_cast<float>(style.width - text_x - margin));
        int h = std::max(b.height, line.picto.empty() ? 0 : picto);
        c.Ensure(y + h);
        if (!DrawPictogram(c, style.pictogram_dir, line.picto, margin, y, picto)) text_x = margin;
        DrawText(c, b, text_x, y + (h - b.height) / 2);
        y += h + 10;
    }
    // The QR code as big as the paper allows, whole dots a module, with its quiet zone.
    const int quiet = 4, side_modules = qr->size + 2 * quiet;
    int scale = std::clamp((style.width - 2 * margin) / side_modules, 2, 6);
    int side = side_modules * scale, x0 = (style.width - side) / 2;
    y += 20;
    c.Ensure(y + side + 2 * margin);
    for (int my = 0; my < qr->size; ++my)
        for (int mx = 0; mx < qr->size; ++mx)
            if (qr->Dark(mx, my))
                for (int dy = 0; dy < scale; ++dy)
                    for (int dx = 0; dx < scale; ++dx)
                        c.At(x0 + (mx + quiet) * scale + dx, y + (my + quiet) * scale + dy) = 0;

    // Pictograms are ordered-dithered (greys become patterns of dots); text and the QR code are
    // cut at half grey, so their edges stay sharp.
    static constexpr int kBayer[4][4] = {{0, 8, 2, 10}, {12, 4, 14, 6}, {3, 11, 1, 9}, {15, 7, 13, 5}};
    Dots d{c.width, c.Height(), std::vector<uint8_t>(c.grey.size())};
    for (int yy = 0; yy < d.height; ++yy)
        for (int xx = 0; xx < d.width; ++xx) {
            size_t i = static_cast<size_t>(yy) * d.width + xx;
            int threshold = c.picture[i] ? kBayer[yy % 4][xx % 4] * 16 + 8 : 128;
            d.black[i] = c.grey[i] < threshold;
        }
    return d;
}

core::VoidResult WriteDotsPng(const Dots& dots, const std::string& path) {
    std::vector<uint8_t> grey(dots.black.size());
    for (size_t i = 0; i < grey.size(); ++i) grey[i] = dots.black[i] ? 0 : 255;
    if (!stbi_write_png(path.c_str(), dots.width, dots.height, 1, grey.data(), dots.width))
        return core::Error{core::ErrorCode::kIo, "cannot write " + path};
    return core::Ok{};
}

}  // namespace brugpunt::text
