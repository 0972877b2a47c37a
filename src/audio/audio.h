// Owns speech: text-to-speech (espeak-ng), a sink that plays PCM (SDL audio), and the Speaker that
// turns "say this" into sound off the main thread. Must not include ImGui, store or sync.
#pragma once

#include <condition_variable>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "core/result.h"

namespace brugpunt::audio {

struct Pcm {
    int sample_rate = 22050;
    std::vector<int16_t> samples;  // mono

    double Seconds() const { return sample_rate ? static_cast<double>(samples.size()) / sample_rate : 0; }
};

// Root mean square of the samples, 0 (silence) to 1 (full scale).
double Rms(const Pcm& pcm);
core::VoidResult WriteWav(const std::string& path, const Pcm& pcm);

class Tts {
public:
    virtual ~Tts() = default;
    virtual core::Result<Pcm> Synthesize(const std::string& text, const std::string& lang) = 0;
};

// espeak-ng is one process-wide engine: create one EspeakTts and use it from one thread.
class EspeakTts final : public Tts {
public:
    static core::Result<std::unique_ptr<EspeakTts>> Open();
    ~EspeakTts() override;
    core::Result<Pcm> Synthesize(const std::string& text, const std::string& lang) override;

private:
    EspeakTts() = default;
    int m_rate = 22050;
};

class PcmSink {
public:
    virtual ~PcmSink() = default;
    virtual void Play(const Pcm& pcm) = 0;  // replaces whatever is playing
    virtual void Stop() = 0;
};

// The default SDL audio device. Open fails cleanly where there is no sound card.
class SdlSink final : public PcmSink {
public:
    static core::Result<std::unique_ptr<SdlSink>> Open(int sample_rate);
    ~SdlSink() override;
    void Play(const Pcm& pcm) override;
    void Stop() override;

private:
    SdlSink() = default;
    unsigned m_device = 0;
};

// Say() returns at once; a worker thread synthesises (or takes the cache) and plays. A newer Say()
// or a Stop() wins over anything still being synthesised, so navigation silences the kiosk.
class Speaker {
public:
    Speaker(Tts& tts, PcmSink& sink);
    ~Speaker();
    Speaker(const Speaker&) = delete;
    Speaker& operator=(const Speaker&) = delete;

    void Say(const std::string& text, const std::string& lang);
    void Stop();
    int Synthesized() const;  // how often the engine ran (the cache saves the rest)

private:
    void Run();

    Tts& m_tts;
    PcmSink& m_sink;
    mutable std::mutex m_mutex;
    std::condition_variable m_cv;
    std::string m_text, m_lang;
    bool m_pending = false;
    bool m_quit = false;
    long m_generation = 0;
    int m_synthesized = 0;
    std::map<std::string, Pcm> m_cache;  // by language + text; bounded
    std::thread m_thread;
};

}  // namespace brugpunt::audio
