// Owns what a speaker button says and in which order the kiosk looks for a voice: a recorded
// clip, else text-to-speech of the translation, else (where the language has a voice) Dutch
// followed by "ask at the desk" in the visitor's language. A language with neither a clip nor a
// voice hears nothing: Dutch is never played as if it were theirs. Pure; standard library only.
#pragma once

#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "activity.h"
#include "translations.h"

namespace brugpunt::core {

// One speaker button's text.
struct Utterance {
    std::string dutch;       // what is on screen
    std::string translated;  // the same in the visitor's language; empty: none
    bool reviewed = true;    // whether a person checked the translation
    std::string clip;        // a recorded clip of it in the visitor's language; empty: none
    std::string key;         // the UI string it came from, when the app should translate it
    // A recorded "vraag het aan de balie" in the visitor's language: what a language without a
    // voice hears where nothing else of this text is recorded. Empty: none.
    std::string ask_clip;

    bool operator==(const Utterance&) const = default;
};

// kNoVoice: the visitor's language has no voice and no clip for this; nothing is played, and the
// screen says to ask at the desk.
enum class SpeechSource { kNone, kClip, kTts, kFallback, kNoVoice };
std::string_view SpeechSourceName(SpeechSource s);

struct SpeechPart {
    enum class Kind { kClip, kTts } kind;
    std::string content;  // the clip's path, or the text to synthesise
    std::string lang;

    bool operator==(const SpeechPart&) const = default;
};

struct SpeechPlan {
    SpeechSource source = SpeechSource::kNone;
    std::vector<SpeechPart> parts;  // played one after the other
    // For a clip: what to play when the file turns out to be unreadable (the rest of the chain).
    std::vector<SpeechPart> if_clip_fails;
};

struct VoiceSet {
    std::set<std::string> voices;  // languages the TTS engine can speak
    bool reviewed_only = false;    // the config: never read out a translation nobody checked

    bool Speaks(const std::string& lang) const { return voices.count(lang) != 0; }
    std::string Codes() const;  // "ar en fa ...", for the log and the staff screen
};

// The activity fields a speaker button reads: "title", "summary" (the title, then the summary)
// and "first_visit" (where, who, what to bring, what happens), in lang where the catalogue has it.
inline constexpr std::string_view kSpokenFields[] = {"title", "summary", "first_visit"};
bool IsSpokenField(std::string_view field);
Utterance ActivityUtterance(const Activity& a, std::string_view field, const std::string& lang);
// The four lines of a first visit as one text; empty lines left out.
std::string JoinFirstVisit(const FirstVisit& f);

// ask_desk is "vraag het aan de balie" in lang (empty when lang has no such text).
SpeechPlan PlanSpeech(const Utterance& u, const std::string& lang, const VoiceSet& voices,
                      const std::string& ask_desk);

// The key that says "vraag het aan de balie" in each .po file.
inline constexpr const char* kAskDeskKey = "speech.ask_desk";

// Where a recording of a fixed phrase lives in a catalogue's folder: phrases/LANG/KEY.opus (or
// .ogg, .wav), recorded by a person. (The staff tool's bundle does not carry phrases/ yet.)
// The first that exists, or empty. Key and language must be plain names (no path in them).
std::string PhraseClip(const std::string& media_root, const std::string& lang, const std::string& key);

// PlanSpeech for what a session asked: a UI string's translation is looked up by its key, and the
// "ask at the desk" text comes from the visitor's language.
SpeechPlan PlanFor(Utterance u, const std::string& lang, const Translations& translations,
                   const VoiceSet& voices);

}  // namespace brugpunt::core
