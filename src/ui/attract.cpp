// Screen: attract. Any tap starts a session. Must not include SDL, store or sync.
#include "screens.h"

#include <algorithm>

#include "format.h"

namespace brugpunt::ui {

using namespace brugpunt::core::action;

void DrawAttract(const ViewModel& m, core::Actions& out) {
    ImVec2 size = ImGui::GetContentRegionAvail();
    ImVec2 origin = ImGui::GetCursorScreenPos();
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

    // Laid out twice: once to measure, once to draw centred on the screen.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float wrap = size.x - 2 * CurrentMetrics().Mm(10);
    size_t discs =
        m.catalogue ? std::min<size_t>(m.catalogue->categories.size(), size.x > size.y ? 8 : 4) : 0;
    float disc = discs ? std::min(CurrentMetrics().Mm(34),
                                  (size.x - CurrentMetrics().Mm(20)) / discs - CurrentMetrics().Mm(4))
                       : 0;
    float hand = CurrentMetrics().Mm(30);
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
        if (m.catalogue) centred(CurrentFonts().title, m.catalogue->municipality, CurrentMetrics().Mm(14));
        // A row of category pictograms: what the kiosk is about, without reading.
        if (discs) {
            float total = discs * disc + (discs - 1) * CurrentMetrics().Mm(4);
            float x = origin.x + (size.x - total) * 0.5f;
            for (size_t i = 0; i < discs && draw; ++i, x += disc + CurrentMetrics().Mm(4))
                picto_disc(ImVec2(x + disc * 0.5f, y + disc * 0.5f), disc,
                           m.Picto(m.catalogue->categories[i].pictogram));
            y += disc + CurrentMetrics().Mm(14);
        }
        centred(CurrentFonts().title, Tr("attract.subtitle"), CurrentMetrics().Mm(16));
        if (draw) picto_disc(ImVec2(origin.x + size.x * 0.5f, y + hand * 0.5f), hand, m.Picto("point-up"));
        y += hand + CurrentMetrics().Mm(5);
        centred(CurrentFonts().huge, Tr("attract.touch"), 0);
        return y;
    };
    float height = layout(0, false);
    layout(origin.y + std::max(CurrentMetrics().Gap(), (size.y - height) * 0.5f), true);
}

}  // namespace brugpunt::ui
