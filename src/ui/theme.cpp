// Owns fonts and style. Must not include SDL, store or sync.
#include "theme.h"

#include <filesystem>

namespace brugpunt::ui {
namespace {

const Theme* g_theme = nullptr;

// Latin with every Dutch (and French, Turkish, Polish, Romanian) diacritic, typographic
// punctuation, the euro sign and arrows.
const ImWchar kGlyphRanges[] = {
    0x0020, 0x024F,  // Basic Latin .. Latin Extended-B
    0x2010, 0x2027,  // dashes, quotes, bullet, ellipsis
    0x20AC, 0x20AC,  // euro
    0x2190, 0x2193,  // arrows
    0x2212, 0x2212,  // minus sign (steppers)
    0,
};

}  // namespace

core::VoidResult LoadFonts(ImGuiIO& io, const std::string& font_dir, const Metrics& m, Fonts& out) {
    namespace fs = std::filesystem;
    fs::path regular = fs::path(font_dir) / "DejaVuSans.ttf";
    fs::path bold = fs::path(font_dir) / "DejaVuSans-Bold.ttf";
    for (const auto& p : {regular, bold})
        if (!fs::exists(p)) return core::Error{core::ErrorCode::kNotFound, "font missing: " + p.string()};
    ImFontConfig cfg;
    cfg.OversampleH = 2;
    cfg.OversampleV = 1;
    auto add = [&](const fs::path& file, float mm) {
        return io.Fonts->AddFontFromFileTTF(file.c_str(), m.Mm(mm), &cfg, kGlyphRanges);
    };
    out.body = add(regular, 7.0f);  // the first font is ImGui's default
    out.small = add(regular, 5.5f);
    out.bold = add(bold, 7.0f);
    out.title = add(bold, 10.0f);
    out.huge = add(bold, 16.0f);
    if (!out.body || !out.small || !out.bold || !out.title || !out.huge)
        return core::Error{core::ErrorCode::kParse, "cannot load fonts from " + font_dir};
    return core::Ok{};
}

void LoadDefaultFonts(ImGuiIO& io, Fonts& out) {
    ImFont* f = io.Fonts->AddFontDefault();
    out = {f, f, f, f, f};
}

void ApplyStyle(const Metrics& m) {
    ImGuiStyle& style = ImGui::GetStyle();
    style = ImGuiStyle();
    style.WindowPadding = ImVec2(m.Gap(), m.Gap());
    style.ItemSpacing = ImVec2(m.Mm(3.0f), m.Mm(3.0f));
    style.WindowBorderSize = 0;
    style.ChildBorderSize = 0;
    style.WindowRounding = 0;
    style.ScrollbarSize = m.Mm(4.0f);  // a visible cue that the list goes on; dragging scrolls
    style.ScrollbarRounding = m.Mm(2.0f);
    ImVec4* c = style.Colors;
    c[ImGuiCol_WindowBg] = ImGui::ColorConvertU32ToFloat4(colour::kBackground);
    c[ImGuiCol_ChildBg] = ImVec4(0, 0, 0, 0);
    c[ImGuiCol_Text] = ImGui::ColorConvertU32ToFloat4(colour::kText);
    c[ImGuiCol_ScrollbarBg] = ImVec4(0, 0, 0, 0.04f);
    c[ImGuiCol_ScrollbarGrab] = ImVec4(0, 0, 0, 0.25f);
    c[ImGuiCol_ScrollbarGrabHovered] = c[ImGuiCol_ScrollbarGrab];
    c[ImGuiCol_ScrollbarGrabActive] = ImVec4(0, 0, 0, 0.4f);
}

void SetTheme(const Theme* theme) {
    g_theme = theme;
}

const Theme& CurrentTheme() {
    static const Theme kFallback;
    return g_theme ? *g_theme : kFallback;
}

}  // namespace brugpunt::ui
