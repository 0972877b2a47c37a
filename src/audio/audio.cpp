// Owns espeak-ng, SDL audio and the speaking thread.
#include "audio.h"

#include <SDL.h>
#include <espeak-ng/speak_lib.h>

#include <cmath>
#include <cstring>
#include <fstream>

namespace brugpunt::audio {
namespace {

int Collect(short* wav, int n, espeak_EVENT* events) {
    if (wav && n > 0) {
        auto* out = static_cast<std::vector<int16_t>*>(events->user_data);
        out->insert(out->end(), wav, wav + n);
    }
    return 0;
}

}  // namespace

double Rms(const Pcm& pcm) {
    if (pcm.samples.empty()) return 0;
    double sum = 0;
    for (int16_t s : pcm.samples) sum += static_cast<double>(s) * s;
    return std::sqrt(sum / pcm.samples.size()) / 32768.0;
}

core::VoidResult WriteWav(const std::string& path, const Pcm& pcm) {
    std::ofstream out(path, std::ios::binary);
    auto u32 = [&](uint32_t v) { out.write(reinterpret_cast<const char*>(&v), 4); };
    auto u16 = [&](uint16_t v) { out.write(reinterpret_cast<const char*>(&v), 2); };
    uint32_t bytes = static_cast<uint32_t>(pcm.samples.size() * 2);
    out.write("RIFF", 4);
    u32(36 + bytes);
    out.write("WAVEfmt ", 8);
    u32(16);
    u16(1);  // PCM
    u16(1);  // mono
    u32(pcm.sample_rate);
    u32(pcm.sample_rate * 2);
    u16(2);
    u16(16);
    out.write("data", 4);
    u32(bytes);
    out.write(reinterpret_cast<const char*>(pcm.samples.data()), bytes);
    if (!out) return core::Error{core::ErrorCode::kIo, "cannot write " + path};
    return core::Ok{};
}

core::Result<std::unique_ptr<EspeakTts>> EspeakTts::Open() {
    std::unique_ptr<EspeakTts> tts(new EspeakTts());
    int rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nullptr, 0);
    if (rate <= 0) return core::Error{core::ErrorCode::kIo, "espeak-ng could not start (is espeak-ng-data installed?)"};
    tts->m_rate = rate;
    espeak_SetSynthCallback(Collect);
    espeak_SetParameter(espeakRATE, 140, 0);  // a little slower than usual: many listeners are learning Dutch
    return tts;
}

EspeakTts::~EspeakTts() { espeak_Terminate(); }

core::Result<Pcm> EspeakTts::Synthesize(const std::string& text, const std::string& lang) {
    if (espeak_SetVoiceByName(lang.c_str()) != EE_OK)
        return core::Error{core::ErrorCode::kNotFound, "espeak-ng has no voice for '" + lang + "'"};
    Pcm pcm;
    pcm.sample_rate = m_rate;
    espeak_ERROR rc = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr,
                                   &pcm.samples);
    if (rc != EE_OK) return core::Error{core::ErrorCode::kIo, "espeak-ng could not speak the text"};
    espeak_Synchronize();
    return pcm;
}

core::Result<std::unique_ptr<SdlSink>> SdlSink::Open(int sample_rate) {
    if (!SDL_WasInit(SDL_INIT_AUDIO) && SDL_InitSubSystem(SDL_INIT_AUDIO) != 0)
        return core::Error{core::ErrorCode::kIo, std::string("no audio: ") + SDL_GetError()};
    SDL_AudioSpec want{}, have{};
    want.freq = sample_rate;
    want.format = AUDIO_S16SYS;
    want.channels = 1;
    want.samples = 1024;
    std::unique_ptr<SdlSink> sink(new SdlSink());
    sink->m_device = SDL_OpenAudioDevice(nullptr, 0, &want, &have, 0);
    if (!sink->m_device) return core::Error{core::ErrorCode::kIo, std::string("no audio device: ") + SDL_GetError()};
    return sink;
}

SdlSink::~SdlSink() {
    if (m_device) SDL_CloseAudioDevice(m_device);
}

void SdlSink::Play(const Pcm& pcm) {
    SDL_ClearQueuedAudio(m_device);
    SDL_QueueAudio(m_device, pcm.samples.data(), static_cast<Uint32>(pcm.samples.size() * 2));
    SDL_PauseAudioDevice(m_device, 0);
}

void SdlSink::Stop() { SDL_ClearQueuedAudio(m_device); }

Speaker::Speaker(Tts& tts, PcmSink& sink) : m_tts(tts), m_sink(sink) { m_thread = std::thread([this] { Run(); }); }

Speaker::~Speaker() {
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_cv.notify_one();
    m_thread.join();
}

void Speaker::Say(const std::string& text, const std::string& lang) {
    {
        std::lock_guard lock(m_mutex);
        m_text = text;
        m_lang = lang;
        m_pending = true;
        ++m_generation;
    }
    m_cv.notify_one();
}

void Speaker::Stop() {
    {
        std::lock_guard lock(m_mutex);
        m_pending = false;
        ++m_generation;
    }
    m_sink.Stop();
}

int Speaker::Synthesized() const {
    std::lock_guard lock(m_mutex);
    return m_synthesized;
}

void Speaker::Run() {
    for (;;) {
        std::string text, lang;
        long generation;
        {
            std::unique_lock lock(m_mutex);
            m_cv.wait(lock, [&] { return m_quit || m_pending; });
            if (m_quit) return;
            text = m_text;
            lang = m_lang;
            generation = m_generation;
            m_pending = false;
        }
        std::string key = lang + '\n' + text;
        Pcm pcm;
        bool cached = false;
        {
            std::lock_guard lock(m_mutex);
            if (auto it = m_cache.find(key); it != m_cache.end()) pcm = it->second, cached = true;
        }
        if (!cached) {
            auto made = m_tts.Synthesize(text, lang);
            if (!made) continue;
            pcm = std::move(made.value());
            std::lock_guard lock(m_mutex);
            ++m_synthesized;
            if (m_cache.size() > 64) m_cache.clear();
            m_cache[key] = pcm;
        }
        std::lock_guard lock(m_mutex);
        if (generation == m_generation) m_sink.Play(pcm);  // nothing newer was asked meanwhile
    }
}

}  // namespace brugpunt::audio
