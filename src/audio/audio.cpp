// Owns espeak-ng, libsndfile, the TTS cache, SDL audio and the speaking thread.
#include "audio.h"

#include <SDL.h>
#include <espeak-ng/speak_lib.h>
#include <sndfile.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <utility>

#include "core/language.h"

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
    if (rate <= 0)
        return core::Error{core::ErrorCode::kIo, "espeak-ng could not start (is espeak-ng-data installed?)"};
    tts->m_rate = rate;
    espeak_SetSynthCallback(Collect);
    espeak_SetParameter(espeakRATE, 140, 0);  // a little slower than usual: many listeners are learning Dutch
    return tts;
}

EspeakTts::~EspeakTts() {
    espeak_Terminate();
}

std::set<std::string> EspeakTts::Voices(const std::vector<core::Language>& languages) {
    std::set<std::string> voices;
    for (const auto& l : languages)
        if (espeak_SetVoiceByName(l.code.c_str()) == EE_OK) voices.insert(l.code);
    return voices;
}

core::Result<Pcm> EspeakTts::Synthesize(const std::string& text, const std::string& lang) {
    if (espeak_SetVoiceByName(lang.c_str()) != EE_OK)
        return core::Error{core::ErrorCode::kNotFound, "espeak-ng has no voice for '" + lang + "'"};
    Pcm pcm;
    pcm.sample_rate = m_rate;
    espeak_ERROR rc = espeak_Synth(text.c_str(), text.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8,
                                   nullptr, &pcm.samples);
    if (rc != EE_OK) return core::Error{core::ErrorCode::kIo, "espeak-ng could not speak the text"};
    espeak_Synchronize();
    return pcm;
}

core::Result<Pcm> DecodeClip(const std::string& path, int rate) {
    SF_INFO info{};
    SNDFILE* f = sf_open(path.c_str(), SFM_READ, &info);
    if (!f)
        return core::Error{core::ErrorCode::kIo, "cannot read clip " + path + ": " + sf_strerror(nullptr)};
    if (info.channels < 1 || info.samplerate < 1 || info.frames < 1 || info.frames > 48000LL * 180) {
        sf_close(f);
        return core::Error{core::ErrorCode::kParse, "clip " + path + " is empty or longer than 3 minutes"};
    }
    std::vector<int16_t> frames(static_cast<size_t>(info.frames) * info.channels);
    sf_count_t got = sf_readf_short(f, frames.data(), info.frames);
    sf_close(f);
    std::vector<int16_t> mono(static_cast<size_t>(got));
    for (sf_count_t i = 0; i < got; ++i) {
        int sum = 0;
        for (int c = 0; c < info.channels; ++c) sum += frames[static_cast<size_t>(i) * info.channels + c];
        mono[static_cast<size_t>(i)] = static_cast<int16_t>(sum / info.channels);
    }
    Pcm pcm;
    pcm.sample_rate = rate;
    if (info.samplerate == rate) {
        pcm.samples = std::move(mono);
        return pcm;
    }
    SDL_AudioStream* stream = SDL_NewAudioStream(AUDIO_S16SYS, 1, info.samplerate, AUDIO_S16SYS, 1, rate);
    if (!stream) return core::Error{core::ErrorCode::kIo, std::string("cannot resample: ") + SDL_GetError()};
    // The resampler holds back its last few milliseconds: feed it a little silence, then cut the
    // result to the clip's own length.
    size_t want = static_cast<size_t>(static_cast<long long>(mono.size()) * rate / info.samplerate);
    mono.resize(mono.size() + info.samplerate / 10, 0);
    SDL_AudioStreamPut(stream, mono.data(), static_cast<int>(mono.size() * 2));
    SDL_AudioStreamFlush(stream);
    pcm.samples.resize(static_cast<size_t>(SDL_AudioStreamAvailable(stream)) / 2);
    int n = SDL_AudioStreamGet(stream, pcm.samples.data(), static_cast<int>(pcm.samples.size() * 2));
    SDL_FreeAudioStream(stream);
    pcm.samples.resize(std::min(want, n > 0 ? static_cast<size_t>(n) / 2 : 0));
    return pcm;
}

std::string TtsCache::PathFor(const std::string& text, const std::string& lang) const {
    // FNV-1a over everything that changes the sound: engine settings, language, text.
    uint64_t h = 1469598103934665603ULL;
    for (char c : "espeak-ng rate 140\n" + lang + '\n' + text)
        h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ULL;
    char name[40];
    std::snprintf(name, sizeof name, "%s-%016llx.wav", lang.c_str(), static_cast<unsigned long long>(h));
    return (std::filesystem::path(m_dir) / name).string();
}

void TtsCache::Trim() const {
    namespace fs = std::filesystem;
    std::error_code ec;
    std::vector<std::pair<fs::file_time_type, fs::path>> files;
    for (const auto& e : fs::directory_iterator(m_dir, ec))
        if (e.path().extension() == ".wav") files.push_back({e.last_write_time(ec), e.path()});
    if (static_cast<int>(files.size()) <= m_max_files) return;
    std::sort(files.begin(), files.end());
    for (size_t i = 0; i + m_max_files < files.size(); ++i) fs::remove(files[i].second, ec);
}

core::Result<Rendered> RenderPlan(const core::SpeechPlan& plan, Tts& tts, const TtsCache& cache) {
    Rendered out;
    out.pcm.sample_rate = tts.SampleRate();
    for (const auto& part : plan.parts) {
        Pcm pcm;
        if (part.kind == core::SpeechPart::Kind::kClip) {
            auto clip = DecodeClip(part.content, out.pcm.sample_rate);
            if (!clip && plan.if_clip_fails.empty()) return clip.error();
            if (!clip) {  // a broken recording: the visitor still hears the rest of the chain
                auto instead = RenderPlan({plan.source, plan.if_clip_fails, {}}, tts, cache);
                if (!instead) return instead.error();
                instead->problem = clip.error().message;
                return instead;
            }
            pcm = std::move(clip.value());
        } else {
            std::string path = cache.Enabled() ? cache.PathFor(part.content, part.lang) : std::string();
            auto cached = path.empty() ? core::Result<Pcm>(core::Error{core::ErrorCode::kNotFound, ""})
                                       : DecodeClip(path, out.pcm.sample_rate);
            if (cached) {
                pcm = std::move(cached.value());
            } else {
                auto made = tts.Synthesize(part.content, part.lang);
                if (!made) return made.error();
                pcm = std::move(made.value());
                ++out.synthesized;
                if (!path.empty()) {
                    std::error_code ec;
                    std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
                    // Written aside and renamed, so a half-written file is never taken for speech.
                    if (WriteWav(path + ".tmp", pcm)) std::filesystem::rename(path + ".tmp", path, ec);
                    cache.Trim();
                }
            }
        }
        if (!out.pcm.samples.empty())
            out.pcm.samples.insert(out.pcm.samples.end(), out.pcm.sample_rate * 3 / 10, 0);
        out.pcm.samples.insert(out.pcm.samples.end(), pcm.samples.begin(), pcm.samples.end());
    }
    return out;
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
    if (!sink->m_device)
        return core::Error{core::ErrorCode::kIo, std::string("no audio device: ") + SDL_GetError()};
    return sink;
}

SdlSink::~SdlSink() {
    if (m_device) SDL_CloseAudioDevice(m_device);
}

void SdlSink::Play(const Pcm& pcm) {
    std::vector<int16_t> scaled(pcm.samples);
    if (m_volume < 1.0f)
        for (auto& s : scaled) s = static_cast<int16_t>(s * std::clamp(m_volume, 0.0f, 1.0f));
    SDL_ClearQueuedAudio(m_device);
    SDL_QueueAudio(m_device, scaled.data(), static_cast<Uint32>(scaled.size() * 2));
    SDL_PauseAudioDevice(m_device, 0);
}

void SdlSink::Stop() {
    SDL_ClearQueuedAudio(m_device);
}

void SdlSink::SetPaused(bool paused) {
    SDL_PauseAudioDevice(m_device, paused ? 1 : 0);
}

bool SdlSink::Busy() const {
    return SDL_GetQueuedAudioSize(m_device) > 0;
}

size_t SdlSink::QueuedBytes() const {
    return SDL_GetQueuedAudioSize(m_device);
}

Speaker::Speaker(Tts& tts, PcmSink& sink, TtsCache cache, std::function<void()> on_change)
    : m_tts(tts), m_sink(sink), m_cache(std::move(cache)), m_on_change(std::move(on_change)) {
    m_thread = std::thread([this] { Run(); });
}

Speaker::~Speaker() {
    {
        std::lock_guard lock(m_mutex);
        m_quit = true;
    }
    m_cv.notify_one();
    m_thread.join();
}

void Speaker::Say(core::SpeechPlan plan) {
    {
        std::lock_guard lock(m_mutex);
        m_plan = std::move(plan);
        m_pending = true;
        m_paused = false;
        ++m_generation;
    }
    m_sink.Stop();  // the old text stops at once, not when the new one is ready
    m_sink.SetPaused(false);
    m_cv.notify_one();
    Changed();
}

void Speaker::Stop() {
    {
        std::lock_guard lock(m_mutex);
        m_pending = false;
        m_paused = false;
        ++m_generation;
    }
    m_sink.Stop();
    m_sink.SetPaused(false);
    m_cv.notify_one();
    Changed();
}

void Speaker::Pause() {
    {
        std::lock_guard lock(m_mutex);
        if (!m_sink.Busy()) return;
        m_paused = true;
    }
    m_sink.SetPaused(true);
    Changed();
}

void Speaker::Resume() {
    {
        std::lock_guard lock(m_mutex);
        m_paused = false;
    }
    m_sink.SetPaused(false);
    m_cv.notify_one();
    Changed();
}

void Speaker::Replay() {
    Pcm last;
    {
        std::lock_guard lock(m_mutex);
        last = m_last;
        m_pending = false;
        m_paused = false;
        ++m_generation;
    }
    if (last.samples.empty()) return;
    m_sink.SetPaused(false);
    m_sink.Play(last);
    m_cv.notify_one();
    Changed();
}

void Speaker::SetVolume(float volume) {
    m_sink.SetVolume(volume);
}

Speaker::State Speaker::GetState() const {
    std::lock_guard lock(m_mutex);
    if (m_pending) return State::kPreparing;
    if (m_paused) return State::kPaused;
    return m_sink.Busy() ? State::kPlaying : State::kIdle;
}

std::string Speaker::TakeProblem() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_problem, {});
}

int Speaker::Synthesized() const {
    std::lock_guard lock(m_mutex);
    return m_synthesized;
}

void Speaker::Run() {
    std::unique_lock lock(m_mutex);
    for (;;) {
        // While sound plays, look every 100 ms whether it ended, so the UI can hide its controls.
        if (!m_pending && !m_quit && (m_paused || m_sink.Busy())) {
            m_cv.wait_for(lock, std::chrono::milliseconds(100));
            if (!m_pending && !m_quit && !m_paused && !m_sink.Busy()) {
                lock.unlock();
                Changed();
                lock.lock();
            }
            continue;
        }
        m_cv.wait(lock, [&] { return m_quit || m_pending || m_sink.Busy(); });
        if (m_quit) return;
        if (!m_pending) continue;
        core::SpeechPlan plan = m_plan;
        long generation = m_generation;
        lock.unlock();
        auto rendered = RenderPlan(plan, m_tts, m_cache);
        lock.lock();
        if (generation != m_generation) continue;  // something newer was asked meanwhile
        m_pending = false;
        if (rendered) {
            m_synthesized += rendered->synthesized;
            if (!rendered->problem.empty()) m_problem = rendered->problem;
            m_last = std::move(rendered->pcm);
            m_sink.Play(m_last);
        } else {
            m_problem = rendered.error().message;
        }
        lock.unlock();
        Changed();
        lock.lock();
    }
}

}  // namespace brugpunt::audio
