// Speech as a visitor hears it: real espeak-ng output, measured; the Speaker behind a fake sink.
#include <catch2/catch.hpp>

#include <sndfile.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <thread>

#include "audio/audio.h"
#include "engine.h"
#include "tools/tone.h"

using namespace brugpunt;
using namespace std::chrono_literals;

namespace {

const char* kConsent =
    "Mogen we je vraag bewaren? Wat bewaren we? Je telefoonnummer, je keuzes en de leeftijd van je kinderen.";

using testing::Engine;

class FakeSink final : public audio::PcmSink {
  public:
    void Play(const audio::Pcm& pcm) override {
        std::lock_guard lock(m);
        played.push_back(pcm.samples.size());
        busy = true;
    }
    void Stop() override {
        std::lock_guard lock(m);
        ++stops;
        busy = false;
    }
    void SetPaused(bool p) override {
        std::lock_guard lock(m);
        paused = p;
    }
    void SetVolume(float v) override {
        std::lock_guard lock(m);
        volume = v;
    }
    bool Busy() const override {
        std::lock_guard lock(m);
        return busy;
    }
    size_t Played() {
        std::lock_guard lock(m);
        return played.size();
    }
    void Finish() {
        std::lock_guard lock(m);
        busy = false;
    }
    mutable std::mutex m;
    std::vector<size_t> played;
    int stops = 0;
    bool paused = false;
    bool busy = false;
    float volume = 1.0f;
};

core::SpeechPlan Dutch(const std::string& text) {
    return {core::SpeechSource::kTts, {{core::SpeechPart::Kind::kTts, text, "nl"}}};
}

std::string TempDir(const std::string& name) {
    auto dir = std::filesystem::temp_directory_path() /
               ("brugpunt-audio-test-" + name + "-" + std::to_string(getpid()));
    std::filesystem::remove_all(dir);
    std::filesystem::create_directories(dir);
    return dir.string();
}

// One second of a 440 Hz tone at half scale, written by libsndfile in the given format.
// One second of a 440 Hz tone at half scale, in the given format.
std::string WriteTone(const std::string& dir, const char* name, int format, int rate, int channels) {
    std::string path = dir + "/" + name;
    REQUIRE(testing::WriteTone(path, format, rate, channels, 1.0, 0.5f, 440));
    return path;
}

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

TEST_CASE("The Speaker plays what was asked, the disk cache spares the engine, also after a restart") {
    std::string dir = TempDir("cache");
    FakeSink sink;
    {
        audio::Speaker speaker(Engine(), sink, audio::TtsCache(dir));
        speaker.Say(Dutch("Hoe bereiken we je?"));
        REQUIRE(WaitFor([&] { return sink.Played() == 1; }));
        speaker.Say(Dutch("Hoe bereiken we je?"));
        REQUIRE(WaitFor([&] { return sink.Played() == 2; }));
        CHECK(speaker.Synthesized() == 1);
    }
    audio::Speaker restarted(Engine(), sink, audio::TtsCache(dir));
    restarted.Say(Dutch("Hoe bereiken we je?"));
    REQUIRE(WaitFor([&] { return sink.Played() == 3; }));
    CHECK(restarted.Synthesized() == 0);
    CHECK(sink.played[0] == sink.played[1]);
    CHECK(sink.played[0] == sink.played[2]);
    CHECK(sink.played[0] > 10000);
    std::filesystem::remove_all(dir);
}

TEST_CASE("The disk cache keeps at most its number of files, the oldest going first") {
    std::string dir = TempDir("trim");
    audio::TtsCache cache(dir, 3);
    for (int i = 0; i < 5; ++i) {
        auto r = audio::RenderPlan(Dutch("nummer " + std::to_string(i)), Engine(), cache);
        REQUIRE(r);
    }
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir)) files += e.path().extension() == ".wav";
    CHECK(files == 3);
    CHECK(std::filesystem::exists(cache.PathFor("nummer 4", "nl")));
    std::filesystem::remove_all(dir);
}

TEST_CASE("Stop silences, and speech still being made for the old screen is never played") {
    FakeSink sink;
    SlowTts slow;
    audio::Speaker speaker(slow, sink);
    speaker.Say(Dutch("the screen the visitor left"));
    std::this_thread::sleep_for(50ms);  // the engine is busy with it now
    speaker.Stop();
    std::this_thread::sleep_for(400ms);
    CHECK(sink.Played() == 0);
    CHECK(sink.stops >= 1);

    speaker.Say(Dutch("first"));
    speaker.Say(Dutch("second, the latest"));
    REQUIRE(WaitFor([&] { return sink.Played() >= 1; }));
    std::this_thread::sleep_for(400ms);
    std::lock_guard lock(sink.m);
    CHECK(sink.played.back() == std::string("second, the latest").size() * 100);
}

TEST_CASE("Pause, resume and replay reach the sink, the state follows") {
    FakeSink sink;
    SlowTts slow;
    audio::Speaker speaker(slow, sink);
    speaker.Say(Dutch("hallo"));
    CHECK(speaker.GetState() == audio::Speaker::State::kPreparing);
    REQUIRE(WaitFor([&] { return sink.Played() == 1; }));
    CHECK(speaker.GetState() == audio::Speaker::State::kPlaying);
    speaker.Pause();
    CHECK(sink.paused);
    CHECK(speaker.GetState() == audio::Speaker::State::kPaused);
    speaker.Resume();
    CHECK_FALSE(sink.paused);
    sink.Finish();
    REQUIRE(WaitFor([&] { return speaker.GetState() == audio::Speaker::State::kIdle; }));
    speaker.Replay();
    REQUIRE(sink.Played() == 2);
    CHECK(sink.played[1] == sink.played[0]);
    speaker.SetVolume(0.5f);
    CHECK(sink.volume == 0.5f);
}

TEST_CASE("Recorded clips are read as Opus, Ogg Vorbis and WAV, mixed to mono at the kiosk's rate") {
    std::string dir = TempDir("clips");
    struct Case {
        const char* name;
        int format, rate, channels;
    } cases[] = {
        {"tone.opus", SF_FORMAT_OGG | SF_FORMAT_OPUS, 48000, 1},
        {"tone.ogg", SF_FORMAT_OGG | SF_FORMAT_VORBIS, 44100, 2},
        {"tone.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 22050, 1},
        {"tone.flac", SF_FORMAT_FLAC | SF_FORMAT_PCM_16, 16000, 1},
    };
    for (const auto& c : cases) {
        std::string path = WriteTone(dir, c.name, c.format, c.rate, c.channels);
        auto pcm = audio::DecodeClip(path, 22050);
        INFO(c.name);
        REQUIRE(pcm);
        CHECK(pcm->sample_rate == 22050);
        CHECK(pcm->Seconds() == Approx(1.0).margin(0.03));
        CHECK(audio::Rms(pcm.value()) == Approx(0.5 / std::sqrt(2.0)).margin(0.04));
    }
    std::ofstream(dir + "/broken.ogg") << "not audio at all";
    auto broken = audio::DecodeClip(dir + "/broken.ogg", 22050);
    REQUIRE_FALSE(broken);
    CHECK(broken.error().message.find("broken.ogg") != std::string::npos);
    std::filesystem::remove_all(dir);
}

TEST_CASE("A plan plays its parts in order: a clip, then speech") {
    std::string dir = TempDir("plan");
    std::string clip = WriteTone(dir, "clip.wav", SF_FORMAT_WAV | SF_FORMAT_PCM_16, 22050, 1);
    core::SpeechPlan plan{
        core::SpeechSource::kFallback,
        {{core::SpeechPart::Kind::kClip, clip, "ps"}, {core::SpeechPart::Kind::kTts, "balie", "nl"}}};
    auto both = audio::RenderPlan(plan, Engine(), audio::TtsCache(""));
    auto speech = audio::RenderPlan(Dutch("balie"), Engine(), audio::TtsCache(""));
    REQUIRE(both);
    REQUIRE(speech);
    CHECK(both->synthesized == 1);
    // The clip's second, a 0.3 s pause, then the same speech (espeak-ng's length varies by a
    // few samples from run to run).
    size_t after_clip = both->pcm.samples.size() - 22050 - 22050 * 3 / 10;
    CHECK(static_cast<double>(after_clip) == Approx(speech->pcm.samples.size()).epsilon(0.01));
    CHECK(audio::Rms(audio::Pcm{22050, {both->pcm.samples.begin(), both->pcm.samples.begin() + 22050}}) ==
          Approx(0.5 / std::sqrt(2.0)).margin(0.04));
    std::filesystem::remove_all(dir);
}

TEST_CASE("A broken recording is replaced by the rest of the chain, and the Speaker says what went wrong") {
    std::string dir = TempDir("broken");
    std::ofstream(dir + "/broken.opus") << "this was never audio";
    core::Utterance u{.dutch = "Voetbal voor kinderen.", .clip = dir + "/broken.opus"};
    core::VoiceSet voices{{"nl", "uk"}, false};
    core::SpeechPlan plan = core::PlanSpeech(u, "uk", voices, "");
    REQUIRE(plan.source == core::SpeechSource::kClip);
    auto rendered = audio::RenderPlan(plan, Engine(), audio::TtsCache(""));
    REQUIRE(rendered);
    CHECK(audio::Rms(rendered->pcm) > 0.02);  // the Dutch, instead of silence
    CHECK_THAT(rendered->problem, Catch::Contains("broken.opus"));

    FakeSink sink;
    audio::Speaker speaker(Engine(), sink);
    speaker.Say(plan);
    REQUIRE(WaitFor([&] { return sink.Played() == 1; }));
    CHECK_THAT(speaker.TakeProblem(), Catch::Contains("broken.opus"));
    CHECK(speaker.TakeProblem().empty());  // said once
    std::filesystem::remove_all(dir);
}
