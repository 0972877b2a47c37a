// Owns the look: physical metrics in millimetres, fonts and colours. Must not include SDL, store or sync.
#pragma once

#include <imgui.h>

#include <string>

#include "core/result.h"

namespace brugpunt::ui {

// Sizes in physical millimetres, turned into pixels at the configured screen DPI.
struct Metrics {
    float dpi = 96.0f;

    float Mm(float mm) const { return mm * dpi / 25.4f; }
    float HitTarget() const { return Mm(14.0f); }  // >= 12 mm, with margin for unsteady fingers
    float Gap() const { return Mm(4.0f); }
    float Rounding() const { return Mm(2.5f); }
    float TopBar() const { return Mm(22.0f); }
};

struct Fonts {
    ImFont* small = nullptr;  // 6 mm
    ImFont* body = nullptr;   // 8 mm
    ImFont* bold = nullptr;   // 8 mm bold
    ImFont* title = nullptr;  // 11 mm bold
    ImFont* huge = nullptr;   // 18 mm bold
};

namespace colour {
inline constexpr ImU32 kBackground = IM_COL32(247, 245, 240, 255);
inline constexpr ImU32 kPanel = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kText = IM_COL32(26, 26, 26, 255);
inline constexpr ImU32 kMuted = IM_COL32(70, 70, 70, 255);
inline constexpr ImU32 kPrimary = IM_COL32(11, 79, 138, 255);  // deep blue, white text 8.5:1
inline constexpr ImU32 kPressed = IM_COL32(6, 48, 86, 255);
inline constexpr ImU32 kAction = IM_COL32(194, 65, 12, 255);  // "Maak een afspraak", white text 5.2:1
inline constexpr ImU32 kOnDark = IM_COL32(255, 255, 255, 255);
inline constexpr ImU32 kBorder = IM_COL32(190, 186, 178, 255);   // a pressed light control's fill
inline constexpr ImU32 kOutline = IM_COL32(118, 114, 108, 255);  // outlines: >= 3:1 on panel and page
inline constexpr ImU32 kFree = IM_COL32(27, 110, 52, 255);       // green: places free, gratis
inline constexpr ImU32 kWait = IM_COL32(146, 64, 14, 255);       // amber-brown: waiting list
inline constexpr ImU32 kFull = IM_COL32(165, 28, 28, 255);       // red: full
inline constexpr ImU32 kChipOn = IM_COL32(11, 79, 138, 255);
inline constexpr ImU32 kShade = IM_COL32(0, 0, 0, 150);
}  // namespace colour

struct Theme {
    Metrics metrics;
    Fonts fonts;
};

// Adds the fonts to io.Fonts at sizes from metrics. font_dir holds DejaVuSans(.ttf, -Bold.ttf).
core::VoidResult LoadFonts(ImGuiIO& io, const std::string& font_dir, const Metrics& metrics, Fonts& out);
// The default ImGui font at each size; for headless tests that need no font files.
void LoadDefaultFonts(ImGuiIO& io, Fonts& out);
void ApplyStyle(const Metrics& metrics);

// The theme used by the widgets of the current frame.
void SetTheme(const Theme* theme);
const Theme& CurrentTheme();
// Its metrics and fonts, which every widget and screen reads.
inline const Metrics& CurrentMetrics() {
    return CurrentTheme().metrics;
}
inline const Fonts& CurrentFonts() {
    return CurrentTheme().fonts;
}
// A font that may not be loaded (headless tests) falls back to ImGui's current one.
inline ImFont* FontOrCurrent(ImFont* font) {
    return font ? font : ImGui::GetFont();
}

}  // namespace brugpunt::ui
