// Drives real screens in Catch2 tests: HeadlessUi (headless.h), plus taps where the probe says a
// widget was drawn.
#pragma once

#include <imgui.h>
#include <catch2/catch.hpp>

#include "core/translations.h"
#include "headless.h"

namespace brugpunt::testing {

// The translations the kiosk ships (translations/*.po and LINGUAS), read once: which languages
// there are is data, so a test of "every language" asks these.
inline const core::Translations& SourceTranslations() {
    static const core::Translations kTranslations = [] {
        auto t = core::LoadTranslationsDir(std::string(BRUGPUNT_SOURCE_DIR) + "/translations");
        if (!t) FAIL(t.error().message);
        return t.value();
    }();
    return kTranslations;
}

inline std::string ReadSource(const std::string& relative) {
    std::string text = ReadSourceFile(relative);
    INFO(relative);
    REQUIRE_FALSE(text.empty());
    return text;
}

// HeadlessUi for Catch2 tests: a missing font or string file fails the test, and widgets are
// tapped where the probe says they were drawn.
class UiHarness : public HeadlessUi {
  public:
    explicit UiHarness(ImVec2 display = ImVec2(1920, 1080), float dpi = 96.0f) : HeadlessUi(display, dpi) {
        INFO(Error());
        REQUIRE(Error().empty());
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
