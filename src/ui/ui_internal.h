// Owns the helpers the ui .cpp files share: the current metrics and fonts, and formatting a
// translated string. Internal to ui. Must not include SDL, store or sync.
#pragma once

#include <imgui.h>

#include <cstdio>
#include <string>

#include "screens.h"
#include "theme.h"

namespace brugpunt::ui::detail {

inline const Metrics& M() {
    return CurrentTheme().metrics;
}
inline const Fonts& F() {
    return CurrentTheme().fonts;
}
// A font that may not be loaded (headless tests) falls back to ImGui's current one.
inline ImFont* Or(ImFont* f) {
    return f ? f : ImGui::GetFont();
}

inline const char* FormatArg(const std::string& s) {
    return s.c_str();
}
template <class T>
T FormatArg(T v) {
    return v;
}
// The UI string for key with its %s/%d/%lld placeholders filled in.
template <class... Args>
std::string Format(const char* key, const Args&... args) {
    char buf[512];
    std::snprintf(buf, sizeof buf, Tr(key), FormatArg(args)...);
    return buf;
}

}  // namespace brugpunt::ui::detail
