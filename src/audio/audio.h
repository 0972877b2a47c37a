// Owns sound: text-to-speech (espeak-ng), recorded clips (libsndfile), a TTS cache on disk, a sink
// that plays PCM (SDL audio), and the Speaker that turns a speech plan into sound off the main
// thread. Must not include ImGui, store or sync.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include "core/language.h"
#include "core/result.h"
#include "core/speech.h"

namespace brugpunt::audio {

struct Pcm {
    int sample_rate = 22050;
    std::vector<int16_t> samples;  // mono

    double Seconds() const { return sample_rate ? static_cast<double>(samples.size()) / sample_rate : 0; }
};

// Root mean square of the samples, 0 (silence) to 1 (full scale).
double Rms(const Pcm& pcm);
core::VoidResult WriteWav(const std::string& path, const Pcm& pcm);
// A recorded clip (WAV, FLAC, Ogg Vorbis, Opus: whatever libsndfile reads), mixed down to mono
// and resampled to rate.
core::Result<Pcm> DecodeClip(const std::string& path, int rate);

class Tts {
  public:
    virtual ~Tts() = default;
    virtual core::Result<Pcm> Synthesize(const std::string& text, const std::string& lang) = 0;
    virtual int SampleRate() const { return 22050; }
};

// espeak-ng is one process-wide engine: create one EspeakTts and use it from one thread.
class EspeakTts final : public Tts {
  public:
    static core::Result<std::unique_ptr<EspeakTts>> Open();
    ~EspeakTts() override;
    core::Result<Pcm> Synthesize(const std::string& text, const std::string& lang) override;
    int SampleRate() const override { return m_rate; }
    // Which of these languages this installation has a voice for.
    std::set<std::string> Voices(const std::vector<core::Language>& languages);

  private:
    EspeakTts() = default;
    int m_rate = 22050;
};

// Synthesised speech kept on disk under a hash of its language and text, so a text is made once
// per catalogue, not once per tap, and survives a restart. Bounded: the oldest files go first.
class TtsCache {
  public:
    explicit TtsCache(std::string dir, int max_files = 400) : m_dir(std::move(dir)), m_max_files(max_files) {}
    std::string PathFor(const std::string& text, const std::string& lang) const;
    bool Enabled() const { return !m_dir.empty(); }
    void Trim() const;

  private:
    std::string m_dir;
    int m_max_files;
};

// Everything a plan asks for, one part after the other with a short pause between. Runs the TTS
// engine on the calling thread.
struct Rendered {
    Pcm pcm;
    int synthesized = 0;  // parts the engine had to make (not in the cache)
    std::string problem;  // a clip that could not be read, and was replaced by speech
};
core::Result<Rendered> RenderPlan(const core::SpeechPlan& plan, Tts& tts, const TtsCache& cache);

class PcmSink {
  public:
    virtual ~PcmSink() = default;
    virtual void Play(const Pcm& pcm) = 0;  // replaces whatever is playing
    virtual void Stop() = 0;
    virtual void SetPaused(bool paused) = 0;
    virtual void SetVolume(float volume) = 0;  // 0 to 1, for what is played next
    virtual bool Busy() const = 0;             // still has sound to play
};

// The default SDL audio device. Open fails cleanly where there is no sound card.
class SdlSink final : public PcmSink {
  public:
    static core::Result<std::unique_ptr<SdlSink>> Open(int sample_rate);
    ~SdlSink() override;
    void Play(const Pcm& pcm) override;
    void Stop() override;
    void SetPaused(bool paused) override;
    void SetVolume(float volume) override { m_volume = volume; }
    bool Busy() const override;
    size_t QueuedBytes() const;  // not yet taken by the device

  private:
    SdlSink() = default;
    unsigned m_device = 0;
    float m_volume = 1.0f;
};

// Say() returns at once; a worker thread renders the plan (clip, cache or engine) and plays it. A
// newer Say() or a Stop() wins over anything still being made, so navigation silences the kiosk.
class Speaker {
  public:
    enum class State { kIdle, kPreparing, kPlaying, kPaused };

    // on_change runs on the worker thread when the state may have changed (to wake the UI).
    Speaker(Tts& tts, PcmSink& sink, TtsCache cache = TtsCache(""), std::function<void()> on_change = {});
    ~Speaker();
    Speaker(const Speaker&) = delete;
    Speaker& operator=(const Speaker&) = delete;

    void Say(core::SpeechPlan plan);
    void Stop();
    void Pause();
    void Resume();
    void Replay();  // the last thing said, from the start
    void SetVolume(float volume);
    State GetState() const;
    int Synthesized() const;  // how often the engine ran (the caches save the rest)
    // The last thing that went wrong (a broken clip, no voice), once; empty when nothing did.
    std::string TakeProblem();

  private:
    void Run();
    void Changed() const {
        if (m_on_change) m_on_change();
    }

    Tts& m_tts;
    PcmSink& m_sink;
    TtsCache m_cache;
    std::function<void()> m_on_change;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    core::SpeechPlan m_plan;
    bool m_pending = false;
    bool m_paused = false;
    bool m_quit = false;
    long m_generation = 0;
    int m_synthesized = 0;
    Pcm m_last;  // what was played last, for Replay
    std::string m_problem;
    std::thread m_thread;
};

}  // namespace brugpunt::audio
