// The one espeak-ng engine of the audio test binary: espeak-ng is process-wide, so every test file
// shares this instance.
#pragma once

#include <catch2/catch.hpp>

#include <memory>

#include "audio/audio.h"

namespace brugpunt::testing {

inline audio::EspeakTts& Engine() {
    static std::unique_ptr<audio::EspeakTts> tts = [] {
        auto t = audio::EspeakTts::Open();
        REQUIRE(t);
        return std::move(t.value());
    }();
    return *tts;
}

}  // namespace brugpunt::testing
