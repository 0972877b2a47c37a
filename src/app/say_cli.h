// Owns --say: what the kiosk would play for one activity field in one language, written as a WAV.
// No SDL window or UI.
#pragma once

#include <string>

#include "core/config.h"
#include "core/options.h"

namespace brugpunt::app {

// Where synthesised speech is kept between taps and restarts.
std::string AudioCachePath(const core::Config& config);
// Exit code: 0 with the WAV written and its source printed, non-zero with a clear message.
int RunSay(const core::Options& o, const core::Config& config, const std::string& catalogue_path,
           const std::string& translations_dir);

}  // namespace brugpunt::app
