// Overlay: "Ben je er nog?" with countdown and "Meer tijd". Must not include SDL, store or sync.
#include "screens.h"

#include <algorithm>
#include <string>

#include "format.h"
#include "spoken.h"

namespace brugpunt::ui {

using namespace brugpunt::core::action;

void DrawIdleWarning(const ViewModel& m, core::Actions& out) {
    ImVec2 display = ImGui::GetIO().DisplaySize;
    float width = std::min(display.x - 2 * CurrentMetrics().Gap(), CurrentMetrics().Mm(170));
    float wrap = width - 2 * CurrentMetrics().Gap();
    float icon = CurrentMetrics().Mm(22);
    ImVec2 button(std::min(wrap, CurrentMetrics().Mm(100)), CurrentMetrics().HitTarget() * 1.3f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Measured first so the panel fits its content, then drawn centred.
    auto layout = [&](ImVec2 p, bool draw) {
        float y = p.y + CurrentMetrics().Gap();
        // With the visitor's language under the Dutch, when they asked for subtitles.
        auto centred = [&](ImFont* font, const Label& text, ImU32 col, float gap_after) {
            CentredText(dl, font, text, p.x, width, wrap, y, col, gap_after, draw);
        };
        if (draw)
            if (ImTextureID t = m.Picto("hourglass"))
                dl->AddImage(t, ImVec2(p.x + (width - icon) * 0.5f, y),
                             ImVec2(p.x + (width + icon) * 0.5f, y + icon));
        y += icon + CurrentMetrics().Mm(2);
        centred(CurrentFonts().title, Lb("warning.title"), colour::kText, CurrentMetrics().Mm(2));
        centred(CurrentFonts().huge, std::to_string(m.warning_seconds), colour::kAction,
                CurrentMetrics().Mm(2));
        centred(CurrentFonts().body, Lb("warning.text"), colour::kText, CurrentMetrics().Mm(2));
        y += CurrentMetrics().Mm(3);
        if (draw) {
            ImGui::SetCursorScreenPos(ImVec2(p.x + (width - button.x) * 0.5f, y));
            if (BigButton("warning:more_time", Lb("warning.more_time"), m.Picto("clock"), button,
                          ButtonKind::kAction))
                out.push_back(MoreTime{m.now});
        }
        return y + button.y + CurrentMetrics().Gap() - p.y;
    };
    float height = layout(ImVec2(0, 0), false);
    ImVec2 p((display.x - width) * 0.5f, std::max(0.0f, (display.y - height) * 0.5f));
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), colour::kPanel, CurrentMetrics().Rounding() * 2);
    layout(p, true);
}

}  // namespace brugpunt::ui
