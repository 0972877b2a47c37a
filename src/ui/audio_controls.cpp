// Panel: pause, replay, softer, louder while something is said. Must not include SDL, store or sync.
#include "screens.h"

namespace brugpunt::ui {

using namespace brugpunt::core::action;

// Pause or go on, hear it again, softer, louder: only while something is being said.
void DrawAudioControls(const ViewModel& m, core::Actions& out) {
    float side = CurrentMetrics().HitTarget();
    float gap = CurrentMetrics().Mm(3);
    struct Control {
        const char* id;
        const char* picto;
        core::Action action;
    };
    bool paused = m.audio == AudioState::kPaused;
    Control controls[] = {
        {paused ? "audio:resume" : "audio:pause", paused ? "play" : "pause",
         paused ? core::Action(ResumeAudio{}) : core::Action(PauseAudio{})},
        {"audio:replay", "replay", ReplayAudio{}},
        {"audio:softer", "volume-down", Volume{-10}},
        {"audio:louder", "volume-up", Volume{+10}},
    };
    for (size_t i = 0; i < std::size(controls); ++i) {
        if (i > 0) ImGui::SameLine(0, gap);
        if (SpeakerButton(controls[i].id, m.Picto(controls[i].picto))) out.push_back(controls[i].action);
    }
    ImGui::SameLine(0, gap);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() +
                         (side - FontOrCurrent(CurrentFonts().small)->FontSize) * 0.5f);
    ImGui::PushFont(FontOrCurrent(CurrentFonts().small));
    ImGui::Text("%d%%", m.volume);
    ImGui::PopFont();
}

ImVec2 AudioControlsSize() {
    return ImVec2(4 * CurrentMetrics().HitTarget() + 4 * CurrentMetrics().Mm(3) + CurrentMetrics().Mm(16) +
                      2 * CurrentMetrics().Mm(3),
                  CurrentMetrics().HitTarget() + 2 * CurrentMetrics().Mm(3));
}

}  // namespace brugpunt::ui
