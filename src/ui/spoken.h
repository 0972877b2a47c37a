// Owns what the visitor hears and reads in their own language beside the Dutch: the texts of
// speaker buttons and the shaped subtitles. Dutch always stays on screen. Must not include SDL,
// store or sync.
#pragma once

#include <imgui.h>

#include <string>
#include <string_view>

#include "core/session.h"
#include "view_model.h"

namespace brugpunt::ui {

// What a speaker button says, in Dutch and in the visitor's language, for a UI string.
core::Utterance Spoken(const ViewModel& m, const char* key);
// An activity's "title", "summary" or "first_visit", with its clip where the catalogue has one.
core::Utterance Spoken(const ViewModel& m, const core::Activity& a, std::string_view field);
// A category's word; the catalogue may carry it in other languages (not marked as reviewed).
core::Utterance CategorySpeech(const ViewModel& m, const core::Category& c);

// A spoken text made of UI strings and of words that are the same in every language (a name, a
// code). The translation is used only when every string has one.
class SpokenBuilder {
  public:
    explicit SpokenBuilder(const ViewModel& m) : m_model(m) {}
    SpokenBuilder& Key(const char* key, const char* suffix = "");
    // A UI string with one %d, filled with number in Dutch and in the visitor's language.
    SpokenBuilder& KeyWithNumber(const char* key, int number);
    SpokenBuilder& Text(const std::string& same_in_every_language);
    core::Utterance Done() const;

  private:
    static void Add(std::string& to, const std::string& piece);
    const ViewModel& m_model;
    core::Utterance m_u;
    bool m_missing = false;
};

// A speaker button; true (and a Speak action) when tapped.
bool SpeakerFor(const ViewModel& m, const char* id, core::Utterance u, core::Actions& out);

// Subtitles: the visitor's language under the Dutch, shaped, when they turned subtitles on.
// Nothing is drawn (and no space taken) otherwise.
void Subtitle(const ViewModel& m, const std::string& translated, float width);
// Under dutch_text drawn in font wrapped at width (0: the region's), and as wide as it (or a little
// wider), so that a right-to-left subtitle ends where the Dutch ends and the two read as one pair.
void SubtitleUnder(const ViewModel& m, const std::string& dutch_text, const std::string& translated,
                   ImFont* font, float width = 0);
// Under the UI string key drawn in font.
void SubtitleKey(const ViewModel& m, const char* key, ImFont* font);
// The same for a UI string with one %d.
void SubtitleKey(const ViewModel& m, const char* key, ImFont* font, int number);
float SubtitleHeight(const ViewModel& m, const std::string& translated, float width);
float DrawSubtitle(ImDrawList* dl, const ViewModel& m, const std::string& translated, ImVec2 p, float width);

}  // namespace brugpunt::ui
