// Overlay: the language picker, each language named in its own script. Must not include SDL,
// store or sync.
#include "screens.h"

#include <algorithm>

#include "core/language.h"
#include "format.h"

namespace brugpunt::ui {

using namespace brugpunt::core::action;

bool LanguageButton(const ViewModel& m, const std::string& id, const core::Language& lang, bool on,
                    ImVec2 size, bool voice_mark) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    bool held = false;
    bool tapped = TapArea(id.c_str(), size, held);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 bg = on ? colour::kPrimary : held ? colour::kBorder : colour::kPanel;
    ImU32 fg = on ? colour::kOnDark : colour::kText;
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), bg, CurrentMetrics().Rounding());
    dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), on ? colour::kPrimary : colour::kOutline,
                CurrentMetrics().Rounding(), 0, CurrentMetrics().Mm(0.6f));
    ImFont* small = FontOrCurrent(CurrentFonts().small);
    const std::string& dutch = lang.dutch;
    float small_h = small->FontSize;
    // The Dutch name on the button's bottom edge; the name in its own script, as big as a title,
    // centred in the rest (a shaped line's image holds room for the tallest script above and below).
    bool has_dutch = dutch != lang.native;  // "Nederlands" once is enough
    float dutch_y = p.y + size.y - small_h - CurrentMetrics().Mm(1.5f);
    float name_px = FontOrCurrent(CurrentFonts().title)->FontSize;
    TextImage img = m.textures ? m.textures->Text(std::string(lang.native), std::string(lang.code),
                                                  size.x - CurrentMetrics().Mm(4), name_px)
                               : TextImage{};
    if (img.texture) {
        ImVec2 at(p.x + (size.x - img.size.x) * 0.5f, (p.y + dutch_y - img.size.y) * 0.5f);
        dl->AddImage(img.texture, at, ImVec2(at.x + img.size.x, at.y + img.size.y), ImVec2(0, 0),
                     ImVec2(1, 1), fg);
    }  // without shaping (tests, missing fonts) the Dutch name still says which it is
    // Beside the Dutch name, honest about sound in a picture: a speaker where this kiosk can speak
    // the language, a crossed one where the visitor will read subtitles and hear only Dutch or
    // recordings.
    bool voice = m.HasVoice(lang.code);
    std::string under = has_dutch || !img.texture ? dutch : "";
    float mark = voice_mark ? small_h * 1.1f : 0,
          mark_gap = under.empty() || !voice_mark ? 0 : CurrentMetrics().Mm(1.5f);
    float w = small->CalcTextSizeA(small_h, FLT_MAX, 0, under.c_str()).x;
    float x = p.x + (size.x - mark - mark_gap - w) * 0.5f;
    ImVec2 a(x, dutch_y + (small_h - mark) * 0.5f), b(a.x + mark, a.y + mark);
    if (ImTextureID t = voice_mark ? m.Picto(voice ? "speaker" : "no-speaker") : nullptr) {
        dl->AddCircleFilled(ImVec2((a.x + b.x) / 2, (a.y + b.y) / 2), mark * 0.6f, colour::kPanel);
        dl->AddImage(t, a, b);
        probe::Record((voice ? "block:voice:" : "block:novoice:") + std::string(lang.code), a, b);
    }
    if (!under.empty())
        dl->AddText(small, small_h, ImVec2(x + mark + mark_gap, dutch_y),
                    on ? colour::kOnDark : colour::kMuted, under.c_str());
    if (on) TileCheckMark(dl, p, size);
    // Heard in its own voice where the kiosk has one: a visitor knows their language by its sound.
    core::Utterance said{.dutch = on ? SpeechOf(Label(std::string(lang.dutch)), true).dutch
                                     : std::string(lang.dutch)};
    if (voice && lang.code != core::kDutch) said.translated = lang.native;
    probe::DescribeIn(id, said, voice ? lang.code : std::string(core::kDutch));
    return tapped;
}

void DrawLanguagePicker(const ViewModel& m, core::Actions& out) {
    ImVec2 display = ImGui::GetIO().DisplaySize;
    float gap = CurrentMetrics().Gap();
    float width = std::min(display.x - 2 * gap, CurrentMetrics().Mm(260));
    const std::vector<core::Language>& languages = m.Languages();
    int n = static_cast<int>(languages.size());
    int cols = std::clamp(static_cast<int>((width - 2 * gap + gap) / (CurrentMetrics().Mm(58) + gap)), 2, 4);
    int rows = (n + cols - 1) / cols;
    ImVec2 cell((width - 2 * gap - (cols - 1) * gap) / cols, CurrentMetrics().Mm(26));
    float head = CurrentMetrics().HitTarget() * (m.Subtitled() ? 1.7f : 1.2f);
    // The subtitles switch, taller when it carries its own subtitle.
    float toggle_h = CurrentMetrics().HitTarget() * (m.Subtitled() ? 1.7f : 1.2f);
    float height = gap + head + gap + rows * cell.y + (rows - 1) * gap + gap + toggle_h + gap;
    ImVec2 p((display.x - width) * 0.5f, std::max(0.0f, (display.y - height) * 0.5f));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), colour::kBackground,
                      CurrentMetrics().Rounding() * 2);

    // Heading: the globe and "Taal" in Dutch; the names below speak for themselves.
    ImGui::SetCursorScreenPos(ImVec2(p.x + gap, p.y + gap));
    Pictogram(m.Picto("globe"), head);
    ImGui::SameLine(0, gap);
    Label title = Lb("language.title");
    float title_h = FontOrCurrent(CurrentFonts().title)->FontSize;
    if (m.Subtitled()) title_h += FontOrCurrent(CurrentFonts().body)->FontSize * 1.4f;
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(0.0f, (head - title_h) * 0.5f));
    ImGui::BeginGroup();
    TextBlock(CurrentFonts().title, title);
    ImGui::EndGroup();
    float close_w = BigButtonWidth(Lb("language.close"), true, head);
    ImGui::SetCursorScreenPos(ImVec2(p.x + width - gap - close_w, p.y + gap));
    if (BigButton("language:close", Lb("language.close"), m.Picto("back"), ImVec2(close_w, head),
                  ButtonKind::kQuiet))
        out.push_back(CloseLanguages{});

    float y = p.y + gap + head + gap;
    for (int i = 0; i < n; ++i) {
        const core::Language& lang = languages[i];
        ImGui::SetCursorScreenPos(
            ImVec2(p.x + gap + (i % cols) * (cell.x + gap), y + (i / cols) * (cell.y + gap)));
        if (LanguageButton(m, "language:" + std::string(lang.code), lang, m.language == lang.code, cell,
                           true)) {
            std::string code(lang.code);
            out.push_back(ChooseLanguage{code});
            // Heard in the language itself; Dutch is said in Dutch. "دری / فارسی" is read as a
            // list, not with a slash.
            std::string said(lang.native);
            if (auto slash = said.find(" / "); slash != std::string::npos) said.replace(slash, 3, "، ");
            core::Utterance name{.dutch = code == "nl" ? said : std::string(), .translated = said};
            out.push_back(Speak{name});
        }
    }
    y += rows * cell.y + (rows - 1) * gap + gap;
    ImGui::SetCursorScreenPos(ImVec2(p.x + gap, y));
    if (m.language != "nl" &&
        ToggleTile("language:subtitles", Lb("language.subtitles"), m.Picto("speech"), m.subtitles,
                   ImVec2(std::min(width - 2 * gap, CurrentMetrics().Mm(120)), toggle_h)))
        out.push_back(ToggleSubtitles{});
}

}  // namespace brugpunt::ui
