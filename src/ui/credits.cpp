// Screen: about and credits. Must not include SDL, store or sync.
#include "screens.h"

#include "format.h"
#include "spoken.h"

namespace brugpunt::ui {

void DrawCredits(const ViewModel& m, core::Actions& out) {
    Heading(m.Picto("info"), Tr("credits.title"), CurrentFonts().title);
    ImGui::SameLine(0, CurrentMetrics().Mm(4));
    SpeakerFor(
        m, "speak:credits",
        SpokenBuilder(m).Key("credits.title", ".").Key("credits.privacy_title").Key("credits.privacy").Done(),
        out);
    SubtitleKey(m, "credits.title", CurrentFonts().title);
    ImGui::Spacing();
    TextBlock(CurrentFonts().body, LbFill("credits.version", {m.version}));
    if (m.catalogue)
        TextBlock(CurrentFonts().body, LbFill("credits.catalogue", {m.catalogue->municipality,
                                                                    std::to_string(m.catalogue->version)}));
    ImGui::Spacing();
    TextBlock(CurrentFonts().bold, Lb("credits.pictograms_title"));
    TextBlock(CurrentFonts().body, Lb("credits.pictograms"));
    ImGui::Spacing();
    TextBlock(CurrentFonts().bold, Lb("credits.font_title"));
    TextBlock(CurrentFonts().body, Lb("credits.font"));
    ImGui::Spacing();
    TextBlock(CurrentFonts().bold, Lb("credits.privacy_title"));
    TextBlock(CurrentFonts().body, Lb("credits.privacy"));
}

}  // namespace brugpunt::ui
