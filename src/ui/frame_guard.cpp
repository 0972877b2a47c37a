// Owns FrameGuard. Must not include SDL, store or sync.
#include "frame_guard.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <exception>

namespace brugpunt::ui {

bool FrameGuard::Run(const std::function<void()>& draw, std::string& error) {
    error.clear();
    try {
        draw();
        m_failures = 0;
        return true;
    } catch (const std::exception& e) {
        error = e.what();
    } catch (...) {
        error = "unknown exception";
    }
    // End whatever windows, child windows and style pushes the failed frame left open.
    ImGui::ErrorCheckEndFrameRecover(nullptr);
    return ++m_failures < m_max;
}

}  // namespace brugpunt::ui
