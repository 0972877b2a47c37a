// Owns the SDL2 window, the OpenGL context, input events, textures and PNG capture.
// The only place besides main.cpp that includes SDL or OpenGL.
#pragma once

#include <imgui.h>

#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "core/result.h"
#include "ui/pointer.h"
#include "ui/textures.h"

struct SDL_Window;

namespace brugpunt::text {
class Shaper;
}

namespace brugpunt::app {

struct PlatformConfig {
    int width = 1920;
    int height = 1080;
    bool fullscreen = false;
    bool offscreen = false;  // render into a framebuffer object of width x height (screenshots)
};

struct EventSummary {
    bool quit = false;
    bool input = false;   // a touch, click or key: the visitor is there
    bool redraw = false;  // the window changed
};

class Platform {
  public:
    static core::Result<std::unique_ptr<Platform>> Create(const PlatformConfig& config);
    ~Platform();
    Platform(const Platform&) = delete;
    Platform& operator=(const Platform&) = delete;

    // Waits up to timeout_ms for the first event (0: just polls), then drains all that came.
    EventSummary PumpEvents(int timeout_ms, ui::PointerSink& pointer);

    void BeginFrame(const ui::PointerFrame& pointer);
    void EndFrame(ImU32 clear);  // clear: the colour under the frame (ui::FrameBackground)
    // Safe from any thread: makes a waiting PumpEvents return so the main thread drains its queue.
    static void Wake();
    // Safe from any thread: the next PumpEvents reports quit, as if the window were closed.
    static void RequestQuit();
    // Writes the last rendered frame as a PNG.
    core::VoidResult SavePng(const std::string& path);

  private:
    Platform() = default;
    SDL_Window* m_window = nullptr;
    void* m_gl = nullptr;
    PlatformConfig m_config;
    unsigned m_fbo = 0;
    unsigned m_fbo_texture = 0;
    long long m_finger = -1;  // the one finger we follow
};

// Pictograms from PNG files, the catalogue's photos, and shaped text (HarfBuzz + FriBidi + FreeType) uploaded
// as textures and kept until there are too many. Use from the thread that owns the GL context.
class GlTextures final : public ui::TextureSource {
  public:
    explicit GlTextures(std::string dir);
    ~GlTextures() override;
    ImTextureID Pictogram(std::string_view name) const override;
    ui::TextImage Text(const std::string& text, const std::string& lang, float max_width,
                       float pixel_size) const override;
    ui::TextImage Qr(const std::string& payload) const override;
    ui::TextImage Photo(std::string_view root, std::string_view name) const override;
    // Between frames: drops shaped text and photos when a cache is full (never while a frame uses them).
    void Trim();
    // The fonts shaped text is drawn with (app/languages.h chooses them); before the first frame.
    void SetFonts(std::vector<std::string> files) { m_fonts = std::move(files); }

  private:
    void TrimPhotos();
    std::string m_dir;
    mutable std::map<std::string, unsigned, std::less<>> m_cache;  // 0: tried and missing
    mutable std::map<std::string, ui::TextImage> m_text;
    std::vector<std::string> m_fonts;                                // empty: the shaper's defaults
    mutable std::map<int, std::unique_ptr<text::Shaper>> m_shapers;  // by pixel size
    mutable bool m_shaper_failed = false;
    mutable std::pair<std::string, ui::TextImage> m_qr;                  // the one card on screen
    mutable std::map<std::string, ui::TextImage, std::less<>> m_photos;  // by path; empty: tried, unreadable
};

}  // namespace brugpunt::app
