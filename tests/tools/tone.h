// A stand-in for a recording in tests and benchmarks: a sine tone, written by libsndfile in any
// format it writes (WAV, FLAC, Ogg Vorbis, Opus).
#pragma once

#include <sndfile.h>

#include <cmath>
#include <string>
#include <vector>

namespace brugpunt::testing {

inline bool WriteTone(const std::string& path, int format, int rate, int channels, double seconds,
                      float amplitude, double hz) {
    SF_INFO info{};
    info.samplerate = rate;
    info.channels = channels;
    info.format = format;
    SNDFILE* f = sf_open(path.c_str(), SFM_WRITE, &info);
    if (!f) return false;
    auto n = static_cast<sf_count_t>(rate * seconds);
    std::vector<float> frames(static_cast<size_t>(n) * channels);
    for (sf_count_t i = 0; i < n; ++i)
        for (int c = 0; c < channels; ++c)
            frames[i * channels + c] = amplitude * static_cast<float>(std::sin(2 * M_PI * hz * i / rate));
    bool ok = sf_writef_float(f, frames.data(), n) == n;
    return sf_close(f) == 0 && ok;
}

}  // namespace brugpunt::testing
