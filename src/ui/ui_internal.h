// Owns the helpers the ui .cpp files share: the current metrics and fonts, and formatting a
// translated string. Internal to ui. Must not include SDL, store or sync.
#pragma once

#include <imgui.h>

#include <cstdio>
#include <string>

#include "screens.h"
#include "theme.h"

namespace brugpunt::ui::detail {

inline const char* FormatArg(const std::string& s) {
    return s.c_str();
}
template <class T>
T FormatArg(T v) {
    return v;
}
// The UI string for key with its %s/%d/%lld placeholders filled in.
template <class... Args>
std::string Format(const char* key, const Args&... args) {
    char buf[512];
    std::snprintf(buf, sizeof buf, Tr(key), FormatArg(args)...);
    return buf;
}

}  // namespace brugpunt::ui::detail

namespace brugpunt::ui {

// What a speaker button says, in Dutch and in the visitor's language, for a UI string.
core::Utterance Spoken(const ViewModel& m, const char* key);
// An activity's "title", "summary" or "first_visit", with its clip where the catalogue has one.
core::Utterance Spoken(const ViewModel& m, const core::Activity& a, std::string_view field);

// A spoken text made of UI strings and of words that are the same in every language (a name, a
// code). The translation is used only when every string has one.
class SpokenBuilder {
  public:
    explicit SpokenBuilder(const ViewModel& m) : m_m(m) {}
    SpokenBuilder& Key(const char* key, const char* suffix = "");
    SpokenBuilder& Text(const std::string& same_in_every_language);
    core::Utterance Done() const;

  private:
    static void Add(std::string& to, const std::string& piece);
    const ViewModel& m_m;
    core::Utterance m_u;
    bool m_missing = false;
};

// A speaker button; true (and a Speak action) when tapped.
bool SpeakerFor(const ViewModel& m, const char* id, core::Utterance u, core::Actions& out);

// Subtitles: the visitor's language under the Dutch, shaped, when they turned subtitles on.
// Nothing is drawn (and no space taken) otherwise.
void Subtitle(const ViewModel& m, const std::string& translated, float width);
// Under the UI string key drawn in font.
void SubtitleKey(const ViewModel& m, const char* key, ImFont* font);
float SubtitleHeight(const ViewModel& m, const std::string& translated, float width);
float DrawSubtitle(ImDrawList* dl, const ViewModel& m, const std::string& translated, ImVec2 p, float width);

// Overlay: the language picker. Panel: pause, replay, softer, louder while something is said.
void DrawLanguagePicker(const ViewModel& m, core::Actions& out);
void DrawAudioControls(const ViewModel& m, core::Actions& out);
ImVec2 AudioControlsSize();

}  // namespace brugpunt::ui
