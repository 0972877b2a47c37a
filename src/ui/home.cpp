// Screen: home. Category tiles: a pictogram and one Dutch word. Must not include SDL, store or sync.
#include "screens.h"

#include <algorithm>

#include "format.h"
#include "spoken.h"

namespace brugpunt::ui {

using namespace brugpunt::core::action;

void DrawHome(const ViewModel& m, core::Actions& out) {
    SpeakerFor(m, "speak:home", Spoken(m, "home.title"), out);
    ImGui::SameLine(0, CurrentMetrics().Mm(4));
    ImGui::BeginGroup();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() +
                         (CurrentMetrics().HitTarget() - FontOrCurrent(CurrentFonts().title)->FontSize) *
                             0.5f);
    TextBlock(CurrentFonts().title, Lb("home.title"));
    ImGui::EndGroup();
    if (!m.catalogue) return;

    const auto& cats = m.catalogue->categories;
    float gap = CurrentMetrics().Gap();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    Label desk = Lb("home.desk"), credits = Lb("home.credits");
    float footer = std::max(BigButtonHeight(desk, 0), BigButtonHeight(credits, 0)) + gap;
    avail.y -= 2 * footer;  // room for the footer buttons, in one row or two
    // The column count that gives the biggest square tiles in the space there is.
    int n = static_cast<int>(cats.size()), best_cols = 1;
    float best_side = 0;
    for (int c = 1; c <= std::max(1, n); ++c) {
        int r = (n + c - 1) / c;
        float side = std::min((avail.x - (c - 1) * gap) / c, (avail.y - (r - 1) * gap) / r);
        if (side > best_side) best_side = side, best_cols = c;
    }
    best_side = std::min(best_side, CurrentMetrics().Mm(90));
    int rows = (n + best_cols - 1) / best_cols;
    float grid_w = best_cols * best_side + (best_cols - 1) * gap;
    float grid_h = rows * best_side + (rows - 1) * gap;
    float indent = std::max(0.0f, (avail.x - grid_w) * 0.5f);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(0.0f, (avail.y - grid_h) * 0.5f));
    for (int i = 0; i < n; ++i) {
        if (i % best_cols == 0)
            ImGui::SetCursorPosX(ImGui::GetStyle().WindowPadding.x + indent);
        else
            ImGui::SameLine(0, gap);
        std::string id = "tile:" + cats[i].id;
        Tap tap = Tile(id.c_str(), Label(cats[i].word, CategorySpeech(m, cats[i]).translated),
                       m.Picto(cats[i].pictogram), best_side, m.Picto("speaker"));
        if (tap == Tap::kOpen) out.push_back(OpenCategory{cats[i].id});
        if (tap == Tap::kSpeak) out.push_back(Speak{CategorySpeech(m, cats[i])});
    }
    // The desk's address and hours, for whoever would rather just walk over; beside or under it
    // the credits, whichever fits.
    float desk_w = BigButtonWidth(desk, true, CurrentMetrics().HitTarget());
    float credits_w = BigButtonWidth(credits, true, CurrentMetrics().HitTarget());
    bool one_row = desk_w + gap + credits_w <= ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorPosY(ImGui::GetWindowHeight() - footer * (one_row ? 1 : 2));
    if (BigButton("home:desk", desk, m.Picto("office"), ImVec2(desk_w, CurrentMetrics().HitTarget()),
                  ButtonKind::kQuiet))
        out.push_back(OpenContact{});
    if (one_row) ImGui::SameLine(0, gap);
    if (BigButton("home:credits", credits, m.Picto("info"),
                  ImVec2(std::max(credits_w, CurrentMetrics().Mm(75)), CurrentMetrics().HitTarget()),
                  ButtonKind::kQuiet))
        out.push_back(OpenCredits{});
}

}  // namespace brugpunt::ui
