// Screen: staff status behind a PIN. Must not include SDL, store or sync.
#include "screens.h"

#include <cstdio>

#include "format.h"
#include "spoken.h"

namespace brugpunt::ui {

using namespace brugpunt::core::action;

namespace {

// Where the catalogue comes from, when it last arrived, and the download going on now.
template <class Row>
void DrawSyncStatus(const StaffStatus& s, Row& row) {
    if (!s.sync_configured) {
        row("staff.sync", Tr("staff.sync_off"));
        return;
    }
    row("staff.sync", s.last_sync.empty() ? Tr("staff.sync_never") : s.last_sync);
    if (s.sync_busy && (s.sync_applying || s.sync_total > 0)) {
        char label[64];
        if (s.sync_applying)
            std::snprintf(label, sizeof label, "%s", Tr("staff.sync_applying"));
        else
            std::snprintf(label, sizeof label, "%.1f / %.1f MB", s.sync_done / 1e6, s.sync_total / 1e6);
        float fraction =
            s.sync_applying ? 1.0f : static_cast<float>(s.sync_done) / static_cast<float>(s.sync_total);
        const Metrics& mm = CurrentMetrics();
        ImGui::SetCursorPosX(mm.Mm(100));
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, colour::kPrimary);
        ImGui::PushStyleColor(ImGuiCol_FrameBg, colour::kBorder);
        ImGui::ProgressBar(fraction, ImVec2(mm.Mm(90), mm.Mm(6)), "");
        ImGui::PopStyleColor(2);
        ImGui::SameLine(0, mm.Mm(4));
        TextBlock(CurrentFonts().body, label);
    }
    if (!s.sync_error.empty()) row("staff.sync_error", s.sync_error, colour::kFull);
}

}  // namespace

void DrawStaff(const ViewModel& m, core::Actions& out) {
    if (!m.staff.unlocked) {
        Pictogram(m.Picto("lock"), CurrentMetrics().Mm(14));
        ImGui::SameLine();
        TextBlock(CurrentFonts().title, Tr("staff.pin_title"));
        std::string dots;
        for (size_t i = 0; i < m.staff.pin.size(); ++i) dots += "\xe2\x80\xa2 ";  // bullet
        TextBlock(CurrentFonts().huge, dots.empty() ? " " : dots);
        if (m.staff.wrong_pins > 0) TextBlock(CurrentFonts().body, Tr("staff.wrong_pin"), colour::kFull);
        if (char k = Keypad("pin", CurrentMetrics().Mm(20)); k && k != '+') out.push_back(StaffPin{k});
        if (BigButton("staff:ok", Tr("staff.ok"), m.Picto("check"),
                      ImVec2(CurrentMetrics().Mm(66), CurrentMetrics().HitTarget())))
            out.push_back(StaffPin{'='});
        return;
    }
    const StaffStatus& s = m.staff_status;
    Pictogram(m.Picto("info"), CurrentMetrics().Mm(14));
    ImGui::SameLine();
    TextBlock(CurrentFonts().title, Tr("staff.title"));
    auto row = [](const char* key, const std::string& value, ImU32 col = colour::kText) {
        TextBlock(CurrentFonts().bold, Tr(key));
        ImGui::SameLine(CurrentMetrics().Mm(100));
        TextBlock(CurrentFonts().body, value, col);
    };
    row("staff.kiosk", s.kiosk_id);
    row("staff.catalogue",
        m.catalogue ? m.catalogue->municipality + ", v" + std::to_string(m.catalogue->version) : "-");
    if (!s.catalogue_problem.empty()) row("staff.catalogue_problem", s.catalogue_problem, colour::kFull);
    if (!s.language_problem.empty()) row("staff.language_problem", s.language_problem, colour::kWait);
    row("staff.delivery", s.delivery);
    row("staff.outbox_depth", std::to_string(s.outbox_depth),
        s.outbox_depth > 0 ? colour::kWait : colour::kText);
    row("staff.oldest", s.outbox_depth ? std::to_string(s.oldest_age_s / 60) + " min" : "-");
    row("staff.delivered", std::to_string(s.delivered));
    row("staff.dropped", std::to_string(s.dropped), s.dropped > 0 ? colour::kFull : colour::kText);
    row("staff.last_error", s.last_error.empty() ? "-" : s.last_error,
        s.last_error.empty() ? colour::kText : colour::kFull);
    DrawSyncStatus(s, row);
    row("staff.voices", s.voices.empty() ? Tr("staff.no_audio") : s.voices);
    // The kiosk's loudness: each visitor starts at it. The test says a sentence at that loudness.
    row("staff.volume", std::to_string(m.kiosk_volume) + "%");
    ImGui::SameLine(0, CurrentMetrics().Mm(6));
    ImVec2 small(CurrentMetrics().HitTarget() * 1.4f, CurrentMetrics().HitTarget());
    if (BigButton("staff:softer", "-", nullptr, small, ButtonKind::kQuiet)) out.push_back(StaffVolume{-10});
    ImGui::SameLine(0, CurrentMetrics().Mm(3));
    if (BigButton("staff:louder", "+", nullptr, small, ButtonKind::kQuiet)) out.push_back(StaffVolume{+10});
    ImGui::SameLine(0, CurrentMetrics().Mm(3));
    SpeakerFor(m, "staff:audio_test", Spoken(m, "staff.audio_test"), out);
    ImGui::Spacing();
    if (BigButton("staff:close", Tr("staff.close"), m.Picto("lock"),
                  ImVec2(CurrentMetrics().Mm(70), CurrentMetrics().HitTarget())))
        out.push_back(StaffClose{});
}

}  // namespace brugpunt::ui
