// Owns the fallback chain of a speaker button.
#include "speech.h"

#include <cctype>
#include <filesystem>

#include "language.h"

namespace brugpunt::core {

std::string_view SpeechSourceName(SpeechSource s) {
    switch (s) {
        case SpeechSource::kNone:
            return "none";
        case SpeechSource::kClip:
            return "clip";
        case SpeechSource::kTts:
            return "tts";
        case SpeechSource::kFallback:
            return "fallback";
        case SpeechSource::kNoVoice:
            return "no-voice";
    }
    return "none";
}

std::string VoiceSet::Codes() const {
    std::string out;
    for (const auto& v : voices) out += (out.empty() ? "" : " ") + v;
    return out;
}

bool IsSpokenField(std::string_view field) {
    for (auto f : kSpokenFields)
        if (f == field) return true;
    return false;
}

std::string JoinFirstVisit(const FirstVisit& f) {
    std::string out;
    for (const std::string* line : {&f.where, &f.who_meets_you, &f.what_to_bring, &f.what_happens}) {
        if (line->empty()) continue;
        if (!out.empty()) out += (out.back() == '.' || out.back() == '?' || out.back() == '!') ? " " : ". ";
        out += *line;
    }
    return out;
}

Utterance ActivityUtterance(const Activity& a, std::string_view field, const std::string& lang) {
    Utterance u;
    const ActivityTexts* t = a.TextsIn(lang);
    auto both = [](const std::string& title, const std::string& summary) {
        return title.empty() || summary.empty() ? std::string() : title + ". " + summary;
    };
    if (field == "title") {
        u.dutch = a.title;
        if (t) u.translated = t->title;
    } else if (field == "summary") {
        u.dutch = both(a.title, a.summary);
        if (t) u.translated = both(t->title, t->summary);
    } else if (field == "first_visit") {
        u.dutch = JoinFirstVisit(a.first_visit);
        if (t) u.translated = JoinFirstVisit(t->first_visit);
    }
    u.reviewed = t && t->reviewed;
    u.clip = a.ClipFor(field, lang);
    return u;
}

SpeechPlan PlanSpeech(const Utterance& u, const std::string& lang, const VoiceSet& voices,
                      const std::string& ask_desk) {
    using Kind = SpeechPart::Kind;
    SpeechPlan plan;
    if (!u.clip.empty()) {
        Utterance without = u;
        without.clip.clear();
        plan = PlanSpeech(without, lang, voices, ask_desk);
        plan.if_clip_fails = std::move(plan.parts);
        plan.source = SpeechSource::kClip;
        plan.parts = {{Kind::kClip, u.clip, lang}};
        return plan;
    }
    if (lang == kDutch) {
        if (!voices.Speaks(lang) || u.dutch.empty()) return plan;
        plan.source = SpeechSource::kTts;
        plan.parts.push_back({Kind::kTts, u.dutch, lang});
        return plan;
    }
    bool usable = !u.translated.empty() && (u.reviewed || !voices.reviewed_only);
    if (usable && voices.Speaks(lang)) {
        plan.source = SpeechSource::kTts;
        plan.parts.push_back({Kind::kTts, u.translated, lang});
        return plan;
    }
    // No voice for their language at all: Dutch would sound as if it were the answer in theirs.
    if (!voices.Speaks(lang)) {
        plan.source = SpeechSource::kNoVoice;
        if (!u.ask_clip.empty()) plan.parts.push_back({Kind::kClip, u.ask_clip, lang});
        return plan;
    }
    // Dutch, so the visitor hears the words on screen, then where to get help in their language.
    std::string nl(kDutch);
    if (!voices.Speaks(nl) || u.dutch.empty()) return plan;
    plan.source = SpeechSource::kFallback;
    plan.parts.push_back({Kind::kTts, u.dutch, nl});
    if (voices.Speaks(lang) && !ask_desk.empty()) plan.parts.push_back({Kind::kTts, ask_desk, lang});
    return plan;
}

std::string PhraseClip(const std::string& media_root, const std::string& lang, const std::string& key) {
    auto plain = [](const std::string& s) {
        if (s.empty() || s.size() > 64 || s.front() == '.') return false;
        for (char c : s)
            if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '_' && c != '-')
                return false;
        return true;
    };
    if (media_root.empty() || !plain(lang) || !plain(key)) return "";
    std::error_code ec;
    for (const char* ext : {".opus", ".ogg", ".wav"}) {
        std::filesystem::path p = std::filesystem::path(media_root) / "phrases" / lang / (key + ext);
        if (std::filesystem::is_regular_file(p, ec)) return p.string();
    }
    return "";
}

SpeechPlan PlanFor(Utterance u, const std::string& lang, const Translations& translations,
                   const VoiceSet& voices) {
    if (!u.key.empty() && u.translated.empty() && lang != kDutch)
        if (auto t = translations.Get(lang, u.key)) u.translated = t->text, u.reviewed = t->reviewed;
    auto ask = translations.Get(lang, kAskDeskKey);
    bool ask_ok = ask && (ask->reviewed || !voices.reviewed_only);
    return PlanSpeech(u, lang, voices, ask_ok ? ask->text : std::string());
}

}  // namespace brugpunt::core
