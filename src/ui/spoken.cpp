// Owns the texts of speaker buttons and the subtitles under the Dutch. Must not include SDL, store
// or sync.
#include "spoken.h"

#include <algorithm>

#include "format.h"
#include "widgets.h"

namespace brugpunt::ui {

using namespace brugpunt::core::action;

core::Utterance Spoken(const ViewModel& m, const char* key) {
    core::Utterance u{.dutch = Tr(key), .key = key};
    if (auto t = m.TrIn(key)) u.translated = t->text, u.reviewed = t->reviewed;
    return u;
}

core::Utterance Spoken(const ViewModel& m, const core::Activity& a, std::string_view field) {
    return core::ActivityUtterance(a, field, m.language);
}

core::Utterance CategorySpeech(const ViewModel& m, const core::Category& c) {
    core::Utterance u{.dutch = c.word, .reviewed = false};
    if (auto it = c.translations.find(m.language); it != c.translations.end() && m.language != "nl")
        u.translated = it->second;
    return u;
}

SpokenBuilder& SpokenBuilder::Key(const char* key, const char* suffix) {
    Add(m_u.dutch, std::string(Tr(key)) + suffix);
    if (m_model.language == "nl") return *this;
    auto t = m_model.TrIn(key);
    if (!t)
        m_missing = true;
    else
        Add(m_u.translated, t->text + suffix), m_u.reviewed &= t->reviewed;
    return *this;
}

SpokenBuilder& SpokenBuilder::KeyWithNumber(const char* key, int number) {
    Add(m_u.dutch, Count(key, number));
    if (m_model.language == "nl") return *this;
    auto w = m_model.VisitorWords();
    std::string t = w ? w->Count(key, number) : std::string(1, core::kMissingWord);
    if (!core::Complete(t))
        m_missing = true;
    else
        Add(m_u.translated, t), m_u.reviewed &= !w->TakeDrafts();
    return *this;
}

SpokenBuilder& SpokenBuilder::Text(const std::string& same_in_every_language) {
    Add(m_u.dutch, same_in_every_language);
    Add(m_u.translated, same_in_every_language);
    return *this;
}

core::Utterance SpokenBuilder::Done() const {
    core::Utterance u = m_u;
    if (m_missing || m_model.language == "nl") u.translated.clear();  // half translated would be confusing
    return u;
}

void SpokenBuilder::Add(std::string& to, const std::string& piece) {
    if (piece.empty()) return;
    if (!to.empty()) to += ' ';
    to += piece;
}

bool SpeakerFor(const ViewModel& m, const char* id, core::Utterance u, core::Actions& out) {
    bool tapped = SpeakerButton(id, m.Picto("speaker"));
    probe::Describe(id, u);  // in speech mode it reads what it says
    if (!tapped) return false;
    out.push_back(Speak{std::move(u)});
    return true;
}

namespace {

TextImage SubtitleImage(const ViewModel& m, const std::string& translated, float width) {
    if (!m.Subtitled() || translated.empty() || !m.textures) return {};
    return m.textures->Text(translated, m.language, width, FontOrCurrent(CurrentFonts().body)->FontSize);
}

}  // namespace

float SubtitleHeight(const ViewModel& m, const std::string& translated, float width) {
    TextImage img = SubtitleImage(m, translated, width);
    return img.texture ? img.size.y + CurrentMetrics().Mm(1.0f) : 0.0f;
}

float DrawSubtitle(ImDrawList* dl, const ViewModel& m, const std::string& translated, ImVec2 p, float width) {
    TextImage img = SubtitleImage(m, translated, width);
    if (!img.texture) return 0.0f;
    DrawTextImage(dl, img, ImVec2(p.x, p.y + CurrentMetrics().Mm(0.5f)), width, colour::kPrimary);
    return img.size.y + CurrentMetrics().Mm(1.0f);
}

void Subtitle(const ViewModel& m, const std::string& translated, float width) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = DrawSubtitle(ImGui::GetWindowDrawList(), m, translated, p, width);
    if (h > 0) ImGui::Dummy(ImVec2(width, h));
}

void SubtitleUnder(const ViewModel& m, const std::string& dutch_text, const std::string& translated,
                   ImFont* font, float width) {
    if (translated.empty() || !m.Subtitled()) return;
    ImFont* f = FontOrCurrent(font);
    float avail = width > 0 ? width : ImGui::GetContentRegionAvail().x;
    float dutch = f->CalcTextSizeA(f->FontSize, FLT_MAX, avail, dutch_text.c_str()).x;
    TextImage img = SubtitleImage(m, translated, std::min(avail, std::max(dutch, CurrentMetrics().Mm(90))));
    if (!img.texture) return;
    // A right-to-left line shorter than the Dutch ends where the Dutch ends.
    ImVec2 p = ImGui::GetCursorScreenPos();
    DrawTextImage(ImGui::GetWindowDrawList(), img, ImVec2(p.x, p.y + CurrentMetrics().Mm(0.5f)),
                  std::max(dutch, img.size.x), colour::kPrimary);
    ImGui::Dummy(ImVec2(std::max(dutch, img.size.x), img.size.y + CurrentMetrics().Mm(1.0f)));
    probe::RecordSubtitled(dutch_text);
}

void SubtitleKey(const ViewModel& m, const char* key, ImFont* font) {
    auto t = m.TrIn(key);
    if (!t) return;
    SubtitleUnder(m, Tr(key), t->text, font);
}

void SubtitleKey(const ViewModel& m, const char* key, ImFont* font, int number) {
    auto t = m.TrIn(key);
    if (!t) return;
    auto w = m.VisitorWords();
    std::string translated = w ? w->Count(key, number) : "";
    SubtitleUnder(m, Count(key, number), core::Complete(translated) ? translated : "", font);
}

}  // namespace brugpunt::ui
