// The fallback chain of a speaker button, and what an activity's fields say, in every case.
#include <catch2/catch.hpp>

#include "core/speech.h"
#include "fixtures.h"

using namespace brugpunt::core;
using Kind = SpeechPart::Kind;

namespace {

const VoiceSet kDebian{{"nl", "en", "fr", "ar", "tr", "uk", "ru", "fa", "ro", "pl"}, false};

}  // namespace

TEST_CASE("Speech: the voices are listed as codes, for the log and the staff screen") {
    CHECK(kDebian.Codes() == "ar en fa fr nl pl ro ru tr uk");
    CHECK(VoiceSet{}.Codes().empty());
}

TEST_CASE("Speech: Dutch is spoken in Dutch") {
    auto plan = PlanSpeech({.dutch = "Wat wil je doen?"}, "nl", kDebian, "");
    CHECK(plan.source == SpeechSource::kTts);
    REQUIRE(plan.parts.size() == 1);
    CHECK(plan.parts[0] == SpeechPart{Kind::kTts, "Wat wil je doen?", "nl"});
}

TEST_CASE("Speech: a translation is spoken in its language where there is a voice") {
    Utterance u{.dutch = "Wat wil je doen?", .translated = "ماذا تريد أن تفعل؟", .reviewed = false};
    auto plan = PlanSpeech(u, "ar", kDebian, "اسأل في المكتب.");
    CHECK(plan.source == SpeechSource::kTts);
    REQUIRE(plan.parts.size() == 1);
    CHECK(plan.parts[0] == SpeechPart{Kind::kTts, u.translated, "ar"});
}

TEST_CASE("Speech: no translation, or a draft where only reviewed ones may be read: Dutch, then the desk") {
    Utterance u{.dutch = "Wat wil je doen?", .translated = "", .reviewed = false};
    auto plan = PlanSpeech(u, "uk", kDebian, "Запитай на стійці.");
    CHECK(plan.source == SpeechSource::kFallback);
    REQUIRE(plan.parts.size() == 2);
    CHECK(plan.parts[0] == SpeechPart{Kind::kTts, "Wat wil je doen?", "nl"});
    CHECK(plan.parts[1] == SpeechPart{Kind::kTts, "Запитай на стійці.", "uk"});

    VoiceSet strict = kDebian;
    strict.reviewed_only = true;
    u.translated = "Що ти хочеш робити?";
    CHECK(PlanSpeech(u, "uk", strict, "Запитай на стійці.").source == SpeechSource::kFallback);
    u.reviewed = true;
    CHECK(PlanSpeech(u, "uk", strict, "Запитай на стійці.").source == SpeechSource::kTts);
}

TEST_CASE("Speech: a language without a voice hears no Dutch as if it were theirs, only its clip") {
    Utterance u{.dutch = "Wat wil je doen?", .translated = "څه غواړې چې وکړې؟"};
    auto plan = PlanSpeech(u, "ps", kDebian, "په کاونټر کې پوښتنه وکړه.");
    CHECK(plan.source == SpeechSource::kNoVoice);
    CHECK(plan.parts.empty());
    CHECK(SpeechSourceName(plan.source) == "no-voice");

    u.clip = "/media/home.ps.opus";
    plan = PlanSpeech(u, "ps", kDebian, "");
    CHECK(plan.source == SpeechSource::kClip);
    REQUIRE(plan.parts.size() == 1);
    CHECK(plan.parts[0] == SpeechPart{Kind::kClip, "/media/home.ps.opus", "ps"});
    // Should the file be unreadable, the rest of the chain is ready.
    CHECK(plan.if_clip_fails.empty());
}

TEST_CASE("Speech: without a Dutch voice there is nothing to say, and the plan says so") {
    auto plan = PlanSpeech({.dutch = "Hallo"}, "nl", VoiceSet{{}, false}, "");
    CHECK(plan.source == SpeechSource::kNone);
    CHECK(plan.parts.empty());
    // A language with a voice but no translation falls back to Dutch, and there is none.
    plan = PlanSpeech({.dutch = "Hallo"}, "uk", VoiceSet{{"uk"}, false}, "Запитай на стійці.");
    CHECK(plan.source == SpeechSource::kNone);
    CHECK(plan.parts.empty());
}

TEST_CASE("Speech: an activity says its title with the summary, and its first visit as one text") {
    Activity a = brugpunt::testing::ValidActivity("voetbal");
    a.title = "Voetbal";
    a.summary = "Je leert voetballen.";
    a.first_visit = {"Aan de kleedkamers", "Trainer Youssef.", "", "Je speelt mee!"};
    a.translations["en"] = {"Football", "You learn football.", {"At the changing rooms", "", "", ""}, true};
    a.clips.push_back({"title", "en", "/m/title.en.ogg"});

    Utterance summary = ActivityUtterance(a, "summary", "en");
    CHECK(summary.dutch == "Voetbal. Je leert voetballen.");
    CHECK(summary.translated == "Football. You learn football.");
    CHECK(summary.reviewed);
    CHECK(summary.clip.empty());
    CHECK(ActivityUtterance(a, "title", "en").clip == "/m/title.en.ogg");
    CHECK(ActivityUtterance(a, "first_visit", "nl").dutch ==
          "Aan de kleedkamers. Trainer Youssef. Je speelt mee!");
    CHECK(ActivityUtterance(a, "first_visit", "en").translated == "At the changing rooms");
    CHECK(ActivityUtterance(a, "summary", "ar").translated.empty());
    CHECK_FALSE(ActivityUtterance(a, "summary", "ar").reviewed);
    a.translations["nl"] = {"Niet dit", "", {}, true};  // Dutch is the activity's own text
    CHECK(a.TextsIn("nl") == nullptr);
    CHECK(ActivityUtterance(a, "title", "nl").translated.empty());
    CHECK(IsSpokenField("first_visit"));
    CHECK_FALSE(IsSpokenField("price"));
}

TEST_CASE(
    "Speech: PlanFor translates a UI string by its key, and takes the desk sentence from the language") {
    Translations t;
    Strings nl, uk;
    nl.Set("home.title", "Wat wil je doen?");
    nl.Set(kAskDeskKey, "Vraag het aan de balie.");
    uk.Set("home.title", "Що ти хочеш робити?");
    uk.SetFuzzy("home.title");
    uk.Set(kAskDeskKey, "Запитай на стійці.");
    t.Add("nl", nl);
    t.Add("uk", uk);
    Utterance u{.dutch = "Wat wil je doen?", .key = "home.title"};
    auto plan = PlanFor(u, "uk", t, kDebian);
    REQUIRE(plan.parts.size() == 1);
    CHECK(plan.parts[0].content == "Що ти хочеш робити?");
    VoiceSet strict = kDebian;
    strict.reviewed_only = true;  // the title is a draft, the desk sentence is not
    plan = PlanFor(u, "uk", t, strict);
    REQUIRE(plan.parts.size() == 2);
    CHECK(plan.parts[1].content == "Запитай на стійці.");
}
