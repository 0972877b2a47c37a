// Owns QR codes: a text turned into the modules of a QR code a phone camera reads without any
// network (libqrencode, byte mode, error correction M). -> core, libqrencode
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace brugpunt::text {

struct QrModules {
    int size = 0;               // modules per side, without the quiet zone
    std::vector<uint8_t> dark;  // size * size, row by row: 1 is a dark module

    bool Dark(int x, int y) const { return dark[static_cast<size_t>(y) * size + x] != 0; }
};

// The QR code of utf8; an error when the text is empty or too long for any QR version.
core::Result<QrModules> EncodeQr(const std::string& utf8);

}  // namespace brugpunt::text
