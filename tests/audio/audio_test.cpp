// Speech as a visitor hears it: real espeak-ng output, measured; the Speaker behind a fake sink.
#include <catch2/catch.hpp>

#include <chrono>
#include <cstdio>
#include <regex>
#include <thread>

#include "audio/audio.h"

using namespace brugpunt;
using namespace std::chrono_literals;

namespace {

const char* kConsent =
    "Mogen we je vraag bewaren? Wat bewaren we? Je telefoonnummer, je keuzes en de leeftijd van je kinderen.";

audio::Tts& Engine() {
    static std::unique_ptr<audio::EspeakTts> tts = [] {
        auto t = audio::EspeakTts::Open();
        REQUIRE(t);
        return std::move(t.value());
    }();
    return *tts;
}

class FakeSink final : public audio::PcmSink {
public:
    void Play(const audio::Pcm& pcm) override {
        std::lock_guard lock(m);
        played.push_back(pcm.samples.size());
    }
    void Stop() override {
        std::lock_guard lock(m);
        ++stops;
    }
    size_t Played() {
        std::lock_guard lock(m);
        return played.size();
    }
    std::mutex m;
    std::vector<size_t> played;
    int stops = 0;
};

// A slow engine, so a Stop can land while it is still working.
class SlowTts final : public audio::Tts {
public:
    core::Result<audio::Pcm> Synthesize(const std::string& text, const std::string&) override {
        std::this_thread::sleep_for(200ms);
        audio::Pcm pcm;
        pcm.samples.assign(text.size() * 100, 1000);
        return pcm;
    }
};

bool WaitFor(const std::function<bool()>& done) {
    for (int i = 0; i < 500 && !done(); ++i) std::this_thread::sleep_for(10ms);
    return done();
}

}  // namespace

TEST_CASE("espeak-ng speaks the consent text in Dutch, clearly above silence") {
    auto pcm = Engine().Synthesize(kConsent, "nl");
    REQUIRE(pcm);
    INFO("seconds " << pcm->Seconds() << ", rms " << audio::Rms(pcm.value()));
    CHECK(pcm->Seconds() > 4.0);
    CHECK(audio::Rms(pcm.value()) > 0.02);
}

TEST_CASE("sox measures the written WAV as the same non-silent speech") {
    auto pcm = Engine().Synthesize("Gelukt! Je code is: K, 7, Q, 4, X, M.", "nl");
    REQUIRE(pcm);
    std::string path = "audio_test_done.wav";
    REQUIRE(audio::WriteWav(path, pcm.value()));
    FILE* p = popen(("sox " + path + " -n stat 2>&1").c_str(), "r");
    REQUIRE(p);
    std::string out;
    char buf[256];
    while (fgets(buf, sizeof buf, p)) out += buf;
    REQUIRE(pclose(p) == 0);
    std::smatch rms, length;
    REQUIRE(std::regex_search(out, rms, std::regex(R"(RMS\s+amplitude:\s+([0-9.]+))")));
    REQUIRE(std::regex_search(out, length, std::regex(R"(Length \(seconds\):\s+([0-9.]+))")));
    INFO(out);
    CHECK(std::stod(rms[1]) > 0.02);
    CHECK(std::stod(length[1]) == Approx(pcm->Seconds()).epsilon(0.01));
    std::remove(path.c_str());
}

TEST_CASE("A language without an espeak-ng voice is an error, not silence") {
    auto pcm = Engine().Synthesize("salaam", "ps");  // Debian's espeak-ng 1.51 has no Pashto
    CHECK_FALSE(pcm);
}

TEST_CASE("The Speaker plays what was asked, and the cache spares the engine the second time") {
    FakeSink sink;
    audio::Speaker speaker(Engine(), sink);
    speaker.Say("Hoe bereiken we je?", "nl");
    REQUIRE(WaitFor([&] { return sink.Played() == 1; }));
    speaker.Say("Hoe bereiken we je?", "nl");
    REQUIRE(WaitFor([&] { return sink.Played() == 2; }));
    CHECK(speaker.Synthesized() == 1);
    CHECK(sink.played[0] == sink.played[1]);
    CHECK(sink.played[0] > 10000);
}

TEST_CASE("Stop silences, and speech still being made for the old screen is never played") {
    FakeSink sink;
    SlowTts slow;
    audio::Speaker speaker(slow, sink);
    speaker.Say("the screen the visitor left", "nl");
    std::this_thread::sleep_for(50ms);  // the engine is busy with it now
    speaker.Stop();
    std::this_thread::sleep_for(400ms);
    CHECK(sink.Played() == 0);
    CHECK(sink.stops == 1);

    speaker.Say("first", "nl");
    speaker.Say("second, the latest", "nl");
    REQUIRE(WaitFor([&] { return sink.Played() >= 1; }));
    std::this_thread::sleep_for(400ms);
    std::lock_guard lock(sink.m);
    CHECK(sink.played.back() == std::string("second, the latest").size() * 100);
}
