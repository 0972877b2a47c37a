// Screen: attract. Any tap starts a session. Must not include SDL, store or sync.
#include "screens.h"

#include <algorithm>

#include "core/language.h"
#include "format.h"

namespace brugpunt::ui {

using namespace brugpunt::core::action;

namespace {

// Every language the kiosk helps in, in its own script, but Dutch: what the language button says
// to a visitor who reads no Dutch.
std::string Endonyms(const ViewModel& m) {
    std::string out;
    for (const auto& l : m.Languages())
        if (l.code != core::kDutch) out += (out.empty() ? "" : "  \u00b7  ") + std::string(l.native);
    return out;
}

// The languages other than Dutch, in the order the call to touch cycles through them.
std::vector<const core::Language*> Others(const ViewModel& m) {
    std::vector<const core::Language*> out;
    for (const auto& l : m.Languages())
        if (l.code != core::kDutch) out.push_back(&l);
    return out;
}

}  // namespace

size_t AttractTurn(core::TimePoint now) {
    auto turns = std::chrono::duration_cast<std::chrono::seconds>(now.time_since_epoch()) / kAttractCycle;
    return static_cast<size_t>(turns);
}

void DrawAttract(const ViewModel& m, core::Actions& out) {
    ImVec2 size = ImGui::GetContentRegionAvail();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float wrap = size.x - 2 * CurrentMetrics().Mm(10);
    size_t discs =
        m.catalogue ? std::min<size_t>(m.catalogue->categories.size(), size.x > size.y ? 8 : 4) : 0;
    float disc = discs ? std::min(CurrentMetrics().Mm(34),
                                  (size.x - CurrentMetrics().Mm(20)) / discs - CurrentMetrics().Mm(4))
                       : 0;
    float hand = CurrentMetrics().Mm(30);
    float space = 1.0f;  // the gaps between the parts; a low screen gets them tighter
    // The language button: the globe and "Taal", and every language's name in its own script.
    ImVec2 lang_size(std::min(wrap, CurrentMetrics().Mm(240)), 0);
    float pad = CurrentMetrics().Mm(4), globe = CurrentMetrics().Mm(16);
    TextImage names = m.textures ? m.textures->Text(Endonyms(m), "", lang_size.x - 2 * pad,
                                                    FontOrCurrent(CurrentFonts().body)->FontSize)
                                 : TextImage{};
    lang_size.y = pad + globe + (names.texture ? CurrentMetrics().Mm(2) + names.size.y : 0) + pad;
    ImVec2 lang_at;  // set by the measuring pass, relative to the top of the content
    // Speech mode for a visitor who cannot see the screen: a hold anywhere, or this button for a
    // helper; the hint says so on screen (and the kiosk says it aloud now and then).
    Label speech_word = Lb("attract.speech");
    float speech_h = CurrentMetrics().HitTarget() * 1.15f;
    float speech_w = BigButtonWidth(speech_word, true, speech_h);
    ImVec2 speech_at;
    bool speech_in_corner = false;
    // Under the Dutch call to touch, the same call in one language after another, in its own
    // script: a visitor who reads no Dutch sees, within seconds, that the screen speaks to them.
    TextImage call;
    std::vector<const core::Language*> others = Others(m);
    const core::Language* calling = others.empty() ? nullptr : others[AttractTurn(m.now) % others.size()];
    if (calling && m.translations && m.textures)
        if (auto t = m.translations->Get(std::string(calling->code), "attract.touch"))
            call = m.textures->Text(t->text, std::string(calling->code), wrap,
                                    FontOrCurrent(CurrentFonts().title)->FontSize);

    // Laid out twice: once to measure, once to draw centred on the screen.
    auto layout = [&](float y, bool draw) {
        auto centred = [&](ImFont* font, const std::string& text, float gap_after) {
            CentredText(dl, font, text, origin.x, size.x, wrap, y, colour::kOnDark, gap_after, draw);
        };
        auto picto_disc = [&](ImVec2 c, float d, ImTextureID t) {
            dl->AddCircleFilled(c, d * 0.5f, colour::kPanel);
            if (t)
                dl->AddImage(t, ImVec2(c.x - d * 0.36f, c.y - d * 0.36f),
                             ImVec2(c.x + d * 0.36f, c.y + d * 0.36f));
        };
        centred(CurrentFonts().huge, Tr("attract.title"), CurrentMetrics().Mm(3));
        if (m.catalogue)
            centred(CurrentFonts().title, m.catalogue->municipality, CurrentMetrics().Mm(14) * space);
        // A row of category pictograms: what the kiosk is about, without reading.
        if (discs) {
            float total = discs * disc + (discs - 1) * CurrentMetrics().Mm(4);
            float x = origin.x + (size.x - total) * 0.5f;
            for (size_t i = 0; i < discs && draw; ++i, x += disc + CurrentMetrics().Mm(4))
                picto_disc(ImVec2(x + disc * 0.5f, y + disc * 0.5f), disc,
                           m.Picto(m.catalogue->categories[i].pictogram));
            y += disc + CurrentMetrics().Mm(14) * space;
        }
        centred(CurrentFonts().title, Tr("attract.subtitle"), CurrentMetrics().Mm(16) * space);
        if (draw) picto_disc(ImVec2(origin.x + size.x * 0.5f, y + hand * 0.5f), hand, m.Picto("point-up"));
        y += hand + CurrentMetrics().Mm(5);
        centred(CurrentFonts().huge, Tr("attract.touch"), CurrentMetrics().Mm(3) * space);
        if (call.texture) {
            if (draw) {
                DrawTextImage(dl, call, ImVec2(origin.x + (size.x - call.size.x) * 0.5f, y), call.size.x,
                              colour::kOnDark);
                probe::Record("attract:call:" + std::string(calling->code), ImVec2(origin.x, y),
                              ImVec2(origin.x + size.x, y + call.size.y));
            }
            y += call.size.y;
        }
        y += CurrentMetrics().Mm(9) * space;
        if (!draw) lang_at = ImVec2(origin.x + (size.x - lang_size.x) * 0.5f, y);
        y += lang_size.y;
        if (speech_in_corner) return y;
        y += CurrentMetrics().Mm(8) * space;
        CentredText(dl, CurrentFonts().body, Tr("attract.speech_hint"), origin.x, size.x, wrap, y,
                    colour::kOnDark, CurrentMetrics().Mm(2), draw);
        if (!draw) speech_at = ImVec2(origin.x + (size.x - speech_w) * 0.5f, y);
        return y + BigButtonHeight(speech_word, speech_h);
    };
    // Speech mode's button and hint under the language button, or, where the screen is too low
    // for them there, in its top right corner (the top left is the staff's).
    float hint_w = std::min(size.x * 0.26f, CurrentMetrics().Mm(75));
    auto corner = [&](bool draw) {
        float y = origin.y + CurrentMetrics().Gap();
        float x = origin.x + size.x - CurrentMetrics().Gap() - hint_w;
        speech_at = ImVec2(origin.x + size.x - CurrentMetrics().Gap() - speech_w, y);
        y += BigButtonHeight(speech_word, speech_h) + CurrentMetrics().Mm(1.5f);
        // A narrow screen has the title beside the corner: there the button stands alone (and the
        // kiosk still says the hint aloud).
        if (size.x < 1100) return;
        CentredText(dl, CurrentFonts().small, Tr("attract.speech_hint"), x, hint_w, hint_w, y,
                    colour::kOnDark, 0, draw);
    };
    float height = layout(0, false);
    if (height > size.y - 2 * CurrentMetrics().Gap()) {
        space = 0.35f;
        hand = CurrentMetrics().Mm(20);
        height = layout(0, false);
    }
    // Still too low (a 720-pixel landscape screen): speech mode's way in goes to the corner, and
    // then the pictograms' row goes before any way in does.
    if (height > size.y - 2 * CurrentMetrics().Gap()) {
        speech_in_corner = true;
        height = layout(0, false);
    }
    if (height > size.y - 2 * CurrentMetrics().Gap() && discs) {
        discs = 0;
        height = layout(0, false);
    }
    float top = origin.y + std::max(CurrentMetrics().Gap(), (size.y - height) * 0.5f);
    lang_at.y += top;
    if (speech_in_corner)
        corner(false);
    else
        speech_at.y += top;

    // The language and speech buttons first: where they are, they take the tap, and the rest of
    // the screen starts.
    ImGui::SetCursorScreenPos(speech_at);
    if (BigButton("attract:speech", speech_word, m.Picto("speaker"), ImVec2(speech_w, speech_h),
                  ButtonKind::kQuiet))
        out.push_back(StartSpeech{});
    ImGui::SetCursorScreenPos(lang_at);
    bool held = false;
    if (TapArea("attract:language", lang_size, held)) {
        out.push_back(Start{});
        out.push_back(OpenLanguages{});
    }
    probe::Describe("attract:language", SpeechOf(Lb("top.language")));
    ImGui::SetCursorScreenPos(origin);
    if (ImGui::InvisibleButton("attract:start", size)) {
        // Five quick taps in the top-left corner open the staff screen; any other tap starts.
        ImVec2 at = ImGui::GetIO().MouseClickedPos[0];
        bool corner = at.x - origin.x < CurrentMetrics().Mm(25) && at.y - origin.y < CurrentMetrics().Mm(25);
        if (corner)
            out.push_back(CornerTap{m.now});
        else
            out.push_back(Start{});
    }
    probe::Record("attract:start", origin, ImVec2(origin.x + size.x, origin.y + size.y));
    probe::Describe("attract:start", SpeechOf(Lb("attract.touch")));
    layout(top, true);
    if (speech_in_corner) corner(true);

    ImVec2 q(lang_at.x + lang_size.x, lang_at.y + lang_size.y);
    dl->AddRectFilled(lang_at, q, held ? colour::kBorder : colour::kPanel, CurrentMetrics().Rounding() * 2);
    ImFont* title = FontOrCurrent(CurrentFonts().title);
    const char* word = Tr("top.language");
    float word_w = title->CalcTextSizeA(title->FontSize, FLT_MAX, 0, word).x;
    float row_x = lang_at.x + (lang_size.x - globe - CurrentMetrics().Mm(3) - word_w) * 0.5f;
    if (ImTextureID t = m.Picto("globe"))
        dl->AddImage(t, ImVec2(row_x, lang_at.y + pad), ImVec2(row_x + globe, lang_at.y + pad + globe));
    dl->AddText(
        title, title->FontSize,
        ImVec2(row_x + globe + CurrentMetrics().Mm(3), lang_at.y + pad + (globe - title->FontSize) * 0.5f),
        colour::kText, word);
    if (names.texture)
        dl->AddImage(names.texture,
                     ImVec2(lang_at.x + (lang_size.x - names.size.x) * 0.5f,
                            lang_at.y + pad + globe + CurrentMetrics().Mm(2)),
                     ImVec2(lang_at.x + (lang_size.x + names.size.x) * 0.5f,
                            lang_at.y + pad + globe + CurrentMetrics().Mm(2) + names.size.y),
                     ImVec2(0, 0), ImVec2(1, 1), colour::kText);
}

}  // namespace brugpunt::ui
