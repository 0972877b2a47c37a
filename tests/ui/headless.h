// Owns drawing real screens without a window or GPU, like Dear ImGui's example_null: an ImGui
// context with the kiosk's fonts, theme and Dutch strings. No Catch2, so a fuzz target uses it too.
#pragma once

#include <imgui.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "core/files.h"
#include "core/strings.h"
#include "ui/screens.h"
#include "ui/theme.h"

namespace brugpunt::testing {

// Hands out a dummy texture for every pictogram and remembers which names were asked for.
class FakeTextures final : public ui::TextureSource {
  public:
    ImTextureID Pictogram(std::string_view name) const override {
        asked.insert(std::string(name));
        return (ImTextureID)(intptr_t)1;
    }
    // Shaped text: a stand-in image, and a record of what was asked in which language.
    ui::TextImage Text(const std::string& text, const std::string& lang, float max_width,
                       float pixel_size) const override {
        texts.push_back({lang, text});
        (void)max_width;
        return {(ImTextureID)(intptr_t)2, ImVec2(std::min(max_width, 200.0f), pixel_size * 1.4f),
                lang == "ar"};
    }
    // A photo: a stand-in 4:3 image for the names in `photos`, nothing for any other.
    ui::TextImage Photo(std::string_view root, std::string_view name) const override {
        photos_asked.push_back(std::string(root) + "|" + std::string(name));
        if (!photos.count(std::string(name))) return {};
        return {kPhotoTexture, ImVec2(640, 480), false};
    }
    static inline const ImTextureID kPhotoTexture = (ImTextureID)(intptr_t)3;
    mutable std::set<std::string> asked;
    mutable std::vector<std::pair<std::string, std::string>> texts;  // language, text
    std::set<std::string> photos;                                    // the photos that can be shown
    mutable std::vector<std::string> photos_asked;                   // "root|name"
};

// How many draw commands of the last rendered frame use texture.
inline int DrawsWith(ImTextureID texture) {
    int n = 0;
    if (ImDrawData* d = ImGui::GetDrawData())
        for (int l = 0; l < d->CmdListsCount; ++l)
            for (const ImDrawCmd& c : d->CmdLists[l]->CmdBuffer)
                if (c.TextureId == texture) ++n;
    return n;
}

// A file of the source tree; empty when it cannot be read.
inline std::string ReadSourceFile(const std::string& relative) {
    return core::ReadWholeFile(std::string(BRUGPUNT_SOURCE_DIR) + "/" + relative).value_or("");
}

class HeadlessUi {
  public:
    explicit HeadlessUi(ImVec2 display = ImVec2(1920, 1080), float dpi = 96.0f) {
        m_ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        theme.metrics.dpi = dpi;
        auto fonts = ui::LoadFonts(io, "/usr/share/fonts/truetype/dejavu", theme.metrics, theme.fonts);
        if (!fonts) m_error = "fonts: " + fonts.error().message;
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        ui::ApplyStyle(theme.metrics);
        ui::SetTheme(&theme);
        auto po = core::Strings::ParsePo(ReadSourceFile("translations/nl.po"));
        if (po)
            strings = po.value();
        else if (m_error.empty())
            m_error = "translations/nl.po: " + po.error().message;
        ui::SetStrings(&strings);
        vm.textures = &textures;
        ui::probe::Clear();  // the probe is global: no widget of another test's frames is found here
    }
    ~HeadlessUi() {
        ui::SetTheme(nullptr);
        ui::SetStrings(nullptr);
        ImGui::DestroyContext(m_ctx);
    }
    HeadlessUi(const HeadlessUi&) = delete;
    HeadlessUi& operator=(const HeadlessUi&) = delete;

    // Why the context is not usable (fonts or strings missing); empty when it is.
    const std::string& Error() const { return m_error; }

    // One whole frame of vm, with the pointer at pos.
    core::Actions Frame(ImVec2 pos = ImVec2(-1e9f, -1e9f), bool down = false) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = pos;
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        core::Actions out;
        ui::DrawFrame(vm, local, out);
        ImGui::Render();
        return out;
    }

    ui::Theme theme;
    core::Strings strings;
    FakeTextures textures;
    ui::ViewModel vm;
    ui::FrameLocal local;

  private:
    ImGuiContext* m_ctx;
    std::string m_error;
};

}  // namespace brugpunt::testing
