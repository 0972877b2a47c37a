// Owns the synthetic catalogues for benchmarks (`generate`) and the static HTML page a browser
// kiosk would show (`export-html`), the peer the benchmark measures Brugpunt against.
#pragma once

#include <string>

#include "core/activity.h"
#include "core/result.h"

namespace brugpunt::staff {

struct GenerateOptions {
    int count = 1000;
    unsigned seed = 1;
    int activities_per_clip = 10;  // one recorded clip (a few seconds of WAV) per this many activities
};

// N activities made from the base catalogue's: each one valid, with its own id, title, place,
// days, hours and price, and clips written next to out_catalogue (media/clip-K.wav).
core::Result<core::Catalogue> Generate(const core::Catalogue& base, const GenerateOptions& options,
                                       const std::string& out_catalogue);

// One HTML page with the whole list as a browser kiosk shows it: a card per activity with its
// pictogram, title, summary, price, days and place. Pictograms come from pictogram_dir.
std::string ExportHtml(const core::Catalogue& catalogue, const std::string& pictogram_dir);

}  // namespace brugpunt::staff
