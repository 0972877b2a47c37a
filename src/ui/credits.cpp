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
    ImGui::Spacing();
    TextBlock(CurrentFonts().body, Format("credits.version", m.version));
    if (m.catalogue)
        TextBlock(CurrentFonts().body,
                  Format("credits.catalogue", m.catalogue->municipality, m.catalogue->version));
    ImGui::Spacing();
    TextBlock(CurrentFonts().bold, Tr("credits.pictograms_title"));
    TextBlock(CurrentFonts().body, Tr("credits.pictograms"));
    ImGui::Spacing();
    TextBlock(CurrentFonts().bold, Tr("credits.font_title"));
    TextBlock(CurrentFonts().body, Tr("credits.font"));
    ImGui::Spacing();
    TextBlock(CurrentFonts().bold, Tr("credits.privacy_title"));
    TextBlock(CurrentFonts().body, Tr("credits.privacy"));
    SubtitleKey(m, "credits.privacy", CurrentFonts().body);
}

}  // namespace brugpunt::ui
