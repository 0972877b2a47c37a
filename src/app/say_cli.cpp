// Owns --say: the same chain as a speaker button (clip, TTS, Dutch and "ask at the desk").
#include "say_cli.h"

#include <cstdio>
#include <filesystem>

#include "audio/audio.h"
#include "core/date.h"
#include "core/facts.h"
#include "core/paths.h"
#include "core/speech.h"
#include "core/translations.h"
#include "languages.h"
#include "store/catalogue_db.h"
#include "store/catalogue_json.h"

namespace brugpunt::app {
namespace {

int Fail(const std::string& message) {
    std::fprintf(stderr, "brugpunt: --say: %s\n", message.c_str());
    return 1;
}

core::Result<core::Catalogue> LoadAny(const std::string& path) {
    if (path.ends_with(".json")) {
        auto parsed = store::LoadCatalogueFile(path);
        if (!parsed) return parsed.error();
        return std::move(parsed->catalogue);
    }
    auto db = store::CatalogueDb::Open(path);
    if (!db) return db.error();
    return db->Load();
}

}  // namespace

std::string AudioCachePath(const core::Config& config) {
    return config.audio_cache.empty() ? (std::filesystem::path(config.data_dir) / "audio-cache").string()
                                      : config.audio_cache;
}

int RunSay(const core::Options& o, const core::Config& config, const std::string& catalogue_path,
           const std::string& translations_dir) {
    auto catalogue = LoadAny(catalogue_path);
    if (!catalogue) return Fail("cannot load the catalogue: " + catalogue.error().message);
    const core::Activity* a = catalogue->FindActivity(*o.say);
    if (!a) return Fail("no activity '" + *o.say + "' in " + catalogue_path);
    auto translations = core::LoadTranslationsDir(translations_dir);
    if (!translations) return Fail(translations.error().message);
    OfferLanguages(translations.value(), config);
    if (!translations->FindLanguage(o.lang)) return Fail(NotOffered(translations.value(), o.lang));
    auto tts = audio::EspeakTts::Open();
    if (!tts) return Fail(tts.error().message);

    core::VoiceSet voices{tts.value()->Voices(translations->Languages()), config.audio_reviewed_only};
    // A fact (price, when, ...) is made from the catalogue's fields in the language, as on screen today.
    core::Utterance text = core::IsFactField(o.field) ? core::FactUtterance(*a, o.field, core::LocalToday(),
                                                                            translations.value(), o.lang)
                                                      : core::ActivityUtterance(*a, o.field, o.lang);
    // The loader keeps clips inside the catalogue's folder; this is where one is opened, so the
    // rule is applied here too (a catalogue db may come from elsewhere).
    std::string root = std::filesystem::absolute(catalogue_path).parent_path().lexically_normal().string();
    if (o.lang != "nl") text.ask_clip = core::PhraseClip(root, o.lang, core::kAskDeskKey);
    core::SpeechPlan plan = core::PlanFor(text, o.lang, translations.value(), voices);
    if (plan.source == core::SpeechSource::kNoVoice && plan.parts.empty()) {
        // Nothing is written: Dutch would pass for the visitor's language.
        std::printf(
            "%s %s %s: no-voice, nothing played: no voice and no recording for '%s' (voices: %s); "
            "the kiosk shows the desk pictogram and \"%s\"\n",
            a->id.c_str(), o.field.c_str(), o.lang.c_str(), o.lang.c_str(), voices.Codes().c_str(),
            translations->Get(o.lang, core::kAskDeskKey)
                .value_or(core::Translated{"vraag het aan de balie"})
                .text.c_str());
        return 0;
    }
    if (plan.parts.empty())
        return Fail("nothing to say: '" + o.field + "' of " + a->id +
                    " is empty, or there is no Dutch voice");
    for (const auto& part : plan.parts)
        if (part.kind == core::SpeechPart::Kind::kClip && !core::IsInside(root, part.content))
            return Fail("the clip " + part.content + " of " + a->id + " is outside " + root);
    auto rendered = audio::RenderPlan(plan, *tts.value(), audio::TtsCache(""));
    if (!rendered) return Fail(rendered.error().message);
    if (auto s = audio::WriteWav(o.out, rendered->pcm); !s) return Fail(s.error().message);
    std::string parts;
    for (const auto& p : plan.parts)
        parts += std::string(parts.empty() ? "" : " + ") +
                 (p.kind == core::SpeechPart::Kind::kClip ? "clip" : "tts") + "(" + p.lang + ")";
    std::printf("%s %s %s: %s, %s, %.1f s, rms %.3f\n", a->id.c_str(), o.field.c_str(), o.lang.c_str(),
                std::string(core::SpeechSourceName(plan.source)).c_str(), parts.c_str(),
                rendered->pcm.Seconds(), audio::Rms(rendered->pcm));
    return 0;
}

}  // namespace brugpunt::app
