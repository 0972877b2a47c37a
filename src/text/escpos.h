// Owns the bytes an ESC/POS receipt printer takes for a printed card, and reading them back into
// dots, so that a test (or staff without a printer) sees exactly what would come out. -> core
#pragma once

#include <string>
#include <string_view>

#include "card.h"
#include "core/result.h"

namespace brugpunt::text {

// ESC @ (reset), the dots as GS v 0 raster blocks, a few lines' feed and a partial cut (GS V 66).
std::string EscPosRaster(const Dots& dots);

// The dots an ESC/POS byte stream of EscPosRaster's commands prints; an Error naming the byte
// where it finds anything else (a command this reader does not know, a block cut short).
core::Result<Dots> ReadEscPosRaster(std::string_view bytes);

}  // namespace brugpunt::text
