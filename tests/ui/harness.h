// Drives real screens without a window or GPU, like Dear ImGui's example_null: build the font
// atlas, run frames, and tap widgets where the probe says they were drawn.
#pragma once

#include <imgui.h>
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

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
    mutable std::set<std::string> asked;
    mutable std::vector<std::pair<std::string, std::string>> texts;  // language, text
};

inline std::string ReadSource(const std::string& relative) {
    std::ifstream in(std::string(BRUGPUNT_SOURCE_DIR) + "/" + relative);
    REQUIRE(in);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

class UiHarness {
  public:
    explicit UiHarness(ImVec2 display = ImVec2(1920, 1080), float dpi = 96.0f) {
        m_ctx = ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = display;
        io.DeltaTime = 1.0f / 60.0f;
        theme.metrics.dpi = dpi;
        auto fonts = ui::LoadFonts(io, "/usr/share/fonts/truetype/dejavu", theme.metrics, theme.fonts);
        REQUIRE(fonts);
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
        ui::ApplyStyle(theme.metrics);
        ui::SetTheme(&theme);
        auto po = core::Strings::ParsePo(ReadSource("translations/nl.po"));
        REQUIRE(po);
        strings = po.value();
        ui::SetStrings(&strings);
        vm.textures = &textures;
    }
    ~UiHarness() {
        ui::SetTheme(nullptr);
        ui::SetStrings(nullptr);
        ImGui::DestroyContext(m_ctx);
    }

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

    bool Has(const std::string& id) {
        ImVec2 c;
        return ui::probe::Find(id, c);
    }

    // Press and release on the widget's centre, as a finger would; returns all actions emitted.
    core::Actions Tap(const std::string& id) {
        Frame();
        ImVec2 c;
        INFO("widget " << id);
        REQUIRE(ui::probe::Find(id, c));
        ImVec2 display = ImGui::GetIO().DisplaySize;
        INFO("centre " << c.x << "," << c.y << " must be on the " << display.x << "x" << display.y
                       << " screen");
        REQUIRE((c.x >= 0 && c.y >= 0 && c.x < display.x && c.y < display.y));
        core::Actions all;
        for (auto [pos, down] :
             {std::pair{c, true}, std::pair{c, false}, std::pair{ImVec2(-1e9f, -1e9f), false}}) {
            auto out = Frame(pos, down);
            all.insert(all.end(), out.begin(), out.end());
        }
        return all;
    }

    ui::Theme theme;
    core::Strings strings;
    FakeTextures textures;
    ui::ViewModel vm;
    ui::FrameLocal local;

  private:
    ImGuiContext* m_ctx;
};

template <class T>
const T* Only(const core::Actions& actions) {
    const T* found = nullptr;
    for (const auto& a : actions) {
        if (const T* t = std::get_if<T>(&a)) {
            if (found) return nullptr;
            found = t;
        }
    }
    return actions.size() == 1 ? found : nullptr;
}

}  // namespace brugpunt::testing
