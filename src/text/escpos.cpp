// Owns ESC/POS raster bytes, both ways. -> core
#include "escpos.h"

#include <algorithm>
#include <cstdio>

namespace brugpunt::text {
namespace {

constexpr int kBlockRows = 128;    // rows per GS v 0 block: small enough for any printer's buffer
constexpr int kFeedLineDots = 34;  // ESC d n feeds n lines of 1/6 inch at 203 dpi

}  // namespace

std::string EscPosRaster(const Dots& dots) {
    std::string out = "\x1b\x40";  // ESC @: reset
    int bytes_per_row = (dots.width + 7) / 8;
    for (int y0 = 0; y0 < dots.height; y0 += kBlockRows) {
        int rows = std::min(kBlockRows, dots.height - y0);
        out += "\x1d\x76\x30";  // GS v 0, normal density
        out += '\0';
        out += static_cast<char>(bytes_per_row & 0xff);
        out += static_cast<char>(bytes_per_row >> 8);
        out += static_cast<char>(rows & 0xff);
        out += static_cast<char>(rows >> 8);
        for (int y = y0; y < y0 + rows; ++y)
            for (int xb = 0; xb < bytes_per_row; ++xb) {
                unsigned char byte = 0;
                for (int bit = 0; bit < 8; ++bit) {
                    int x = xb * 8 + bit;
                    if (x < dots.width && dots.Black(x, y)) byte |= static_cast<unsigned char>(0x80 >> bit);
                }
                out += static_cast<char>(byte);
            }
    }
    out += "\x1b\x64\x04";  // ESC d 4: feed past the cutter
    out += "\x1d\x56\x42";  // GS V 66 0: partial cut
    out += '\0';
    return out;
}

core::Result<Dots> ReadEscPosRaster(std::string_view b) {
    Dots d;
    auto fail = [](size_t at, const std::string& why) {
        return core::Error{core::ErrorCode::kParse, "ESC/POS byte " + std::to_string(at) + ": " + why};
    };
    auto u8 = [&](size_t i) { return static_cast<unsigned char>(b[i]); };
    size_t i = 0;
    while (i < b.size()) {
        if (u8(i) == 0x1b && i + 1 < b.size() && u8(i + 1) == 0x40) {
            i += 2;
        } else if (u8(i) == 0x1b && i + 2 < b.size() && u8(i + 1) == 0x64) {
            if (d.width > 0) {
                d.height += u8(i + 2) * kFeedLineDots;
                d.black.resize(static_cast<size_t>(d.height) * d.width, 0);
            }
            i += 3;
        } else if (u8(i) == 0x1d && i + 3 < b.size() && u8(i + 1) == 0x56 && u8(i + 2) == 0x42) {
            i += 4;
        } else if (u8(i) == 0x1d && i + 7 < b.size() && u8(i + 1) == 0x76 && u8(i + 2) == 0x30) {
            int bytes_per_row = u8(i + 4) | u8(i + 5) << 8, rows = u8(i + 6) | u8(i + 7) << 8;
            size_t need = static_cast<size_t>(bytes_per_row) * rows;
            if (bytes_per_row == 0 || rows == 0) return fail(i, "an empty raster block");
            if (i + 8 + need > b.size()) return fail(i, "a raster block cut short");
            if (d.width != 0 && d.width != bytes_per_row * 8)
                return fail(i, "a raster block of another width");
            d.width = bytes_per_row * 8;
            for (int y = 0; y < rows; ++y)
                for (int x = 0; x < d.width; ++x)
                    d.black.push_back(
                        (u8(i + 8 + static_cast<size_t>(y) * bytes_per_row + x / 8) >> (7 - x % 8)) & 1);
            d.height += rows;
            i += 8 + need;
        } else {
            char hex[8];
            std::snprintf(hex, sizeof hex, "0x%02x", u8(i));
            return fail(i, std::string("unknown command ") + hex);
        }
    }
    if (d.width == 0) return core::Error{core::ErrorCode::kParse, "ESC/POS: no raster image"};
    return d;
}

}  // namespace brugpunt::text
