// Screen: the desk's phone, address and opening hours. Must not include SDL, store or sync.
#include "screens.h"

#include <algorithm>

#include "format.h"
#include "info_block.h"
#include "spoken.h"

namespace brugpunt::ui {

void DrawContact(const ViewModel& m, core::Actions& out) {
    Heading(m.Picto("raise-hand"), Tr("contact.title"), CurrentFonts().title);
    ImGui::SameLine(0, CurrentMetrics().Mm(4));
    SpokenBuilder spoken(m);
    spoken.Key("contact.title", ".").Key("contact.intro");
    if (m.catalogue) spoken.Key("contact.call").Text(m.catalogue->desk.phone + ".");
    SpeakerFor(m, "speak:contact", spoken.Key("contact.bring_someone").Done(), out);
    SubtitleKey(m, "contact.title", CurrentFonts().title);
    TextBlock(CurrentFonts().body, Lb("contact.intro"));
    ImGui::Spacing();
    if (!m.catalogue) return;
    const core::Desk& d = m.catalogue->desk;
    InfoBlock desk{"block:desk", "office", d.name, {}};
    // A phrase's line carries its subtitle; the desk's address and hours are the catalogue's own.
    auto phrase = [](const char* key, const char* picto) {
        Label l = Lb(key);
        return InfoLine{"", l.dutch, picto, l.visitor, false, !l.visitor.empty()};
    };
    desk.lines.push_back(phrase("contact.call", "phone"));
    desk.lines.push_back({d.address, "", "pin"});
    Label open = Lb("contact.hours");
    InfoLine hours{open.dutch, "", "clock", open.visitor, !open.visitor.empty()};
    for (const auto& h : d.opening_hours) hours.text += (hours.text.empty() ? "" : "\n") + h;
    desk.lines.push_back(hours);
    desk.lines.push_back(phrase("contact.bring_someone", "handshake"));
    Heading(m.Picto("phone"), d.phone, CurrentFonts().huge, 18.0f);
    ImGui::Spacing();
    float width = std::min(ImGui::GetContentRegionAvail().x, CurrentMetrics().Mm(220));
    ImGui::BeginChild("contact:panel", ImVec2(width, 0));
    DrawInfoBlocks(m, {desk}, 1, out);
    ImGui::EndChild();
}

}  // namespace brugpunt::ui
