// Which voice each demo activity's summary gets in each language (a recorded clip, text-to-speech
// of the translation, or Dutch followed by "ask at the desk"), printed as a table; and every kind
// of sound actually made, measured with sox to be clearly above silence.
#include <sndfile.h>
#include <unistd.h>
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <regex>

#include "audio/audio.h"
#include "core/language.h"
#include "core/speech.h"
#include "core/translations.h"
#include "engine.h"
#include "store/catalogue_json.h"
#include "tools/tone.h"

using namespace brugpunt;
namespace fs = std::filesystem;

namespace {

using testing::Engine;

// Stands in for a recording a municipality would make with a Pashto, Tigrinya or Somali speaker:
// two seconds of a spoken-level tone, Opus in Ogg as a phone would record it.
std::string MakeClip(const fs::path& dir, const std::string& lang) {
    std::string path = (dir / ("voetbal-u8.summary." + lang + ".opus")).string();
    REQUIRE(testing::WriteTone(path, SF_FORMAT_OGG | SF_FORMAT_OPUS, 48000, 1, 2.0, 0.3f, 220));
    return path;
}

double SoxRms(const std::string& wav) {
    FILE* p = popen(("sox '" + wav + "' -n stat 2>&1").c_str(), "r");
    REQUIRE(p);
    std::string out;
    char buf[256];
    while (fgets(buf, sizeof buf, p)) out += buf;
    REQUIRE(pclose(p) == 0);
    std::smatch m;
    REQUIRE(std::regex_search(out, m, std::regex(R"(RMS\s+amplitude:\s+([0-9.]+))")));
    return std::stod(m[1]);
}

char Letter(core::SpeechSource s) {
    switch (s) {
        case core::SpeechSource::kClip:
            return 'C';
        case core::SpeechSource::kTts:
            return 'T';
        case core::SpeechSource::kFallback:
            return 'F';
        case core::SpeechSource::kNoVoice:
            return 'x';
        case core::SpeechSource::kNone:
            break;
    }
    return '-';
}

}  // namespace

TEST_CASE(
    "Every demo summary in every language: clip, TTS, fallback or no voice, and every sound is non-silent") {
    fs::path dir = fs::temp_directory_path() / ("brugpunt-speech-report-" + std::to_string(getpid()));
    fs::create_directories(dir);
    auto parsed = store::LoadCatalogueFile(std::string(BRUGPUNT_SOURCE_DIR) + "/assets/demo/catalogue.json");
    REQUIRE(parsed);
    core::Catalogue cat = parsed->catalogue;
    core::Activity& football = *std::find_if(cat.activities.begin(), cat.activities.end(),
                                             [](const core::Activity& a) { return a.id == "voetbal-u8"; });
    for (const char* lang : {"ps", "ti", "so"})
        football.clips.push_back({"summary", lang, MakeClip(dir, lang)});
    auto translations = core::LoadTranslationsDir(std::string(BRUGPUNT_SOURCE_DIR) + "/translations");
    REQUIRE(translations);
    core::VoiceSet voices{Engine().Voices(translations->Languages()), false};

    // Debian's espeak-ng 1.51: voices for these ten, none for Pashto, Tigrinya or Somali.
    for (const char* lang : {"nl", "ar", "tr", "uk", "ru", "fa", "fr", "en", "ro", "pl"})
        CHECK(voices.Speaks(lang));
    for (const char* lang : {"ps", "ti", "so"}) CHECK_FALSE(voices.Speaks(lang));

    std::printf(
        "\nSpoken summary per demo activity: C clip, T text-to-speech of the translation,\n"
        "F Dutch then \"ask at the desk\" in the language, x no voice for the language: nothing "
        "played\n%-26s",
        "activity");
    for (const auto& l : translations->Languages()) std::printf(" %s", std::string(l.code).c_str());
    std::printf("\n");
    std::map<std::string, std::map<core::SpeechSource, int>> counts;
    std::map<std::pair<std::string, core::SpeechSource>, core::SpeechPlan> example;
    audio::TtsCache cache((dir / "cache").string(), 10000);  // the Dutch half of each fallback is made once
    int made = 0;
    for (const auto& a : cat.activities) {
        std::printf("%-26s", a.id.c_str());
        for (const auto& l : translations->Languages()) {
            std::string code(l.code);
            auto plan = core::PlanFor(core::ActivityUtterance(a, "summary", code), code, translations.value(),
                                      voices);
            std::printf("  %c", Letter(plan.source));
            ++counts[code][plan.source];
            example.emplace(std::pair{code, plan.source}, plan);
            // Every summary in every language is made, and measured in code; sox measures one of
            // each kind below.
            INFO(a.id << " in " << code);
            if (plan.source == core::SpeechSource::kNoVoice) {
                // Never Dutch as if it were theirs: nothing to play.
                CHECK(plan.parts.empty());
                CHECK_FALSE(voices.Speaks(code));
                ++made;
                continue;
            }
            auto rendered = audio::RenderPlan(plan, Engine(), cache);
            REQUIRE(rendered);
            CHECK(audio::Rms(rendered->pcm) > 0.02);
            ++made;
            CHECK(plan.source != core::SpeechSource::kNone);
            bool translated = a.TextsIn(code) && !a.TextsIn(code)->summary.empty();
            if (!a.ClipFor("summary", code).empty())
                CHECK(plan.source == core::SpeechSource::kClip);
            else if (code == "nl" || (translated && voices.Speaks(code)))
                CHECK(plan.source == core::SpeechSource::kTts);
            else if (voices.Speaks(code))
                CHECK(plan.source == core::SpeechSource::kFallback);
            else
                CHECK(plan.source == core::SpeechSource::kNoVoice);
            // The fallback ends in the visitor's language.
            if (plan.source == core::SpeechSource::kFallback) CHECK(plan.parts.size() == 2u);
        }
        std::printf("\n");
    }
    std::printf("\nper language (voice: does espeak-ng speak it?)\n");
    for (const auto& l : translations->Languages()) {
        std::string code(l.code);
        auto& c = counts[code];
        std::printf("  %-2s voice %-3s  clip %2d  tts %2d  fallback %2d  no voice %2d\n", code.c_str(),
                    voices.Speaks(code) ? "yes" : "no", c[core::SpeechSource::kClip],
                    c[core::SpeechSource::kTts], c[core::SpeechSource::kFallback],
                    c[core::SpeechSource::kNoVoice]);
    }

    // One WAV for every (language, source) that occurs, as the kiosk would play it.
    std::printf("\n%d summaries made and measured; one of each kind measured with sox:\n", made);
    CHECK(made == static_cast<int>(cat.activities.size() * translations->Languages().size()));
    for (const auto& [key, plan] : example) {
        if (plan.parts.empty()) continue;  // no voice: nothing to measure
        auto rendered = audio::RenderPlan(plan, Engine(), audio::TtsCache(""));
        INFO(key.first << " " << core::SpeechSourceName(key.second));
        REQUIRE(rendered);
        std::string wav =
            (dir / (key.first + "-" + std::string(core::SpeechSourceName(key.second)) + ".wav")).string();
        REQUIRE(audio::WriteWav(wav, rendered->pcm));
        double rms = SoxRms(wav);
        std::printf("  %-2s %-8s %5.1f s  rms %.3f\n", key.first.c_str(),
                    std::string(core::SpeechSourceName(key.second)).c_str(), rendered->pcm.Seconds(), rms);
        CHECK(rms > 0.02);
        CHECK(rendered->pcm.Seconds() > 1.0);
    }
    fs::remove_all(dir);
}

TEST_CASE("With audio_reviewed_only, drafts are never read out: Dutch and the desk instead") {
    auto parsed = store::LoadCatalogueFile(std::string(BRUGPUNT_SOURCE_DIR) + "/assets/demo/catalogue.json");
    REQUIRE(parsed);
    auto translations = core::LoadTranslationsDir(std::string(BRUGPUNT_SOURCE_DIR) + "/translations");
    REQUIRE(translations);
    const core::Activity* a = parsed->catalogue.FindActivity("voetbal-u8");
    REQUIRE(a);
    REQUIRE(a->TextsIn("ar"));
    REQUIRE_FALSE(a->TextsIn("ar")->reviewed);  // the demo's translations are drafts
    core::VoiceSet strict{Engine().Voices(translations->Languages()), true};
    auto plan =
        core::PlanFor(core::ActivityUtterance(*a, "summary", "ar"), "ar", translations.value(), strict);
    CHECK(plan.source == core::SpeechSource::kFallback);
    REQUIRE(plan.parts.size() == 1);  // the Arabic "ask at the desk" is a draft too
    CHECK(plan.parts[0].lang == "nl");
    core::VoiceSet lenient{Engine().Voices(translations->Languages()), false};
    plan = core::PlanFor(core::ActivityUtterance(*a, "summary", "ar"), "ar", translations.value(), lenient);
    CHECK(plan.source == core::SpeechSource::kTts);
}
