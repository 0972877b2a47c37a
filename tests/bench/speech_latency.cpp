// Benchmark: from a tap on a speaker button (Speaker::Say) to the first sample handed to the
// sound device, for a recorded clip, for speech already in the disk cache, and for speech the
// engine must make first; then through SDL's audio thread (dummy driver) to the first sample
// consumed. Prints figures and ratios against uncached speech measured in the same run.
#include <SDL.h>
#include <sndfile.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <filesystem>
#include <mutex>
#include <thread>

#include "audio/audio.h"
#include "core/translations.h"
#include "store/catalogue_json.h"
#include "tools/tone.h"

using namespace brugpunt;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

// Records when the first sample arrives; plays nothing.
class TimingSink final : public audio::PcmSink {
  public:
    void Play(const audio::Pcm&) override {
        std::lock_guard lock(m_mutex);
        m_at = Clock::now();
        m_played = true;
        m_cv.notify_all();
    }
    void Stop() override {}
    void SetPaused(bool) override {}
    void SetVolume(float) override {}
    bool Busy() const override { return false; }
    // Milliseconds from start to the next Play.
    double Wait(Clock::time_point start) {
        std::unique_lock lock(m_mutex);
        m_cv.wait(lock, [&] { return m_played; });
        m_played = false;
        return std::chrono::duration<double, std::milli>(m_at - start).count();
    }

  private:
    std::mutex m_mutex;
    std::condition_variable m_cv;
    bool m_played = false;
    Clock::time_point m_at;
};

struct Figures {
    double p50 = 0, max = 0;
};

Figures Summarise(std::vector<double> ms) {
    std::sort(ms.begin(), ms.end());
    return {ms[ms.size() / 2], ms.back()};
}

std::string MakeClip(const fs::path& dir) {
    std::string path = (dir / "clip.opus").string();
    // Eight seconds, a typical summary.
    return testing::WriteTone(path, SF_FORMAT_OGG | SF_FORMAT_OPUS, 48000, 1, 8.0, 0.3f, 220) ? path
                                                                                              : std::string();
}

}  // namespace

int main(int argc, char** argv) {
    std::string source = argc > 1 ? argv[1] : ".";
    auto parsed = store::LoadCatalogueFile(source + "/assets/demo/catalogue.json");
    auto translations = core::LoadTranslationsDir(source + "/translations");
    auto tts = audio::EspeakTts::Open();
    if (!parsed || !translations || !tts) {
        std::fprintf(stderr, "bench: cannot load the demo, the translations or espeak-ng\n");
        return 1;
    }
    core::VoiceSet voices{tts.value()->Voices(translations->Languages()), false};
    fs::path dir = fs::temp_directory_path() / ("brugpunt-bench-speech-" + std::to_string(getpid()));
    fs::create_directories(dir);

    // Twelve taps: the summaries of the first six activities, in Arabic (spoken in Arabic where the
    // demo has a translation, else Dutch and the desk) and in Dutch.
    std::vector<core::SpeechPlan> plans;
    for (const auto& a : parsed->catalogue.activities) {
        for (const char* lang : {"ar", "nl"})
            plans.push_back(core::PlanFor(core::ActivityUtterance(a, "summary", lang), lang,
                                          translations.value(), voices));
        if (plans.size() >= 12) break;
    }
    std::string clip = MakeClip(dir);
    core::SpeechPlan clip_plan{core::SpeechSource::kClip, {{core::SpeechPart::Kind::kClip, clip, "ps"}}};

    auto measure = [&](const std::vector<core::SpeechPlan>& taps) {
        TimingSink sink;
        audio::Speaker speaker(*tts.value(), sink, audio::TtsCache((dir / "cache").string()));
        std::vector<double> ms;
        for (const auto& plan : taps) {
            auto start = Clock::now();
            speaker.Say(plan);
            ms.push_back(sink.Wait(start));
        }
        return Summarise(ms);
    };
    Figures uncached = measure(plans);  // an empty cache: the engine makes each
    Figures cached = measure(plans);    // a new Speaker, so only the disk cache helps
    Figures clips = measure(std::vector<core::SpeechPlan>(12, clip_plan));

    // The same cached taps through SDL's audio thread: until the device has taken the first samples.
    setenv("SDL_AUDIODRIVER", "dummy", 1);
    Figures device{};
    bool have_device = false;
    if (SDL_Init(SDL_INIT_AUDIO) == 0) {
        if (auto sdl = audio::SdlSink::Open(tts.value()->SampleRate())) {
            audio::Speaker speaker(*tts.value(), *sdl.value(), audio::TtsCache((dir / "cache").string()));
            std::vector<double> ms;
            for (const auto& plan : plans) {
                speaker.Stop();
                auto start = Clock::now();
                speaker.Say(plan);
                while (speaker.GetState() == audio::Speaker::State::kPreparing) std::this_thread::yield();
                size_t queued = sdl.value()->QueuedBytes();
                for (int i = 0; i < 2000 && sdl.value()->QueuedBytes() >= queued; ++i)
                    std::this_thread::sleep_for(std::chrono::microseconds(200));
                ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - start).count());
            }
            device = Summarise(ms);
            have_device = true;
        }
    }

    std::printf("speech latency, tap to first sample (%zu taps each, Arabic and Dutch summaries)\n",
                plans.size());
    std::printf("  %-40s p50 %7.1f ms  max %7.1f ms\n", "uncached text-to-speech (baseline)", uncached.p50,
                uncached.max);
    std::printf("  %-40s p50 %7.1f ms  max %7.1f ms  ratio %.3f\n", "text-to-speech from the disk cache",
                cached.p50, cached.max, cached.p50 / uncached.p50);
    std::printf("  %-40s p50 %7.1f ms  max %7.1f ms  ratio %.3f\n", "recorded clip (8 s Opus)", clips.p50,
                clips.max, clips.p50 / uncached.p50);
    if (have_device)
        std::printf("  %-40s p50 %7.1f ms  max %7.1f ms  ratio %.3f\n",
                    "cached, consumed by SDL (dummy driver)", device.p50, device.max,
                    device.p50 / uncached.p50);
    else
        std::printf("  SDL audio (dummy driver) unavailable: %s\n", SDL_GetError());
    fs::remove_all(dir);
    return 0;
}
