// Owns the kiosk's speaker in the product: audio::Speaker behind the Kiosk's SpeakerPort, with
// the plan of what to play (clip, synthesised speech, or Dutch and "ask at the desk").
#pragma once

#include "audio/audio.h"
#include "core/speech.h"
#include "core/translations.h"
#include "kiosk.h"

namespace brugpunt::app {

class AudioSpeakerPort final : public SpeakerPort {
  public:
    AudioSpeakerPort(audio::Speaker& speaker, const core::Translations& translations, core::VoiceSet voices)
        : m_speaker(speaker), m_translations(translations), m_voices(std::move(voices)) {}

    void Say(const core::Utterance& text, const std::string& language) override {
        m_speaker.Say(core::PlanFor(text, language, m_translations, m_voices));
    }
    void Stop() override { m_speaker.Stop(); }
    void Pause() override { m_speaker.Pause(); }
    void Resume() override { m_speaker.Resume(); }
    void Replay() override { m_speaker.Replay(); }
    void SetVolume(int percent) override { m_speaker.SetVolume(percent / 100.0f); }
    ui::AudioState State() const override;
    std::string TakeProblem() override { return m_speaker.TakeProblem(); }

  private:
    audio::Speaker& m_speaker;
    const core::Translations& m_translations;
    core::VoiceSet m_voices;
};

inline ui::AudioState AudioSpeakerPort::State() const {
    switch (m_speaker.GetState()) {
        case audio::Speaker::State::kIdle:
            return ui::AudioState::kIdle;
        case audio::Speaker::State::kPreparing:
            return ui::AudioState::kPreparing;
        case audio::Speaker::State::kPlaying:
            return ui::AudioState::kPlaying;
        case audio::Speaker::State::kPaused:
            return ui::AudioState::kPaused;
    }
    return ui::AudioState::kIdle;
}

}  // namespace brugpunt::app
