// Owns SDL2 + OpenGL: window, events, textures, offscreen rendering and PNG capture.
#include "platform.h"

#include "core/paths.h"
#include "photo.h"
#include "text/qr.h"
#include "text/shaper.h"

#include <SDL.h>
#include <SDL_opengl.h>
#include <imgui_impl_opengl3.h>
#include <imgui_impl_sdl.h>
#include <stb_image.h>
#include <stb_image_write.h>

#include <cmath>
#include <cstdio>
#include <vector>

namespace brugpunt::app {
namespace {

// Framebuffer objects are GL 3.0; fetch them at run time like the ImGui backend does.
PFNGLGENFRAMEBUFFERSPROC pGenFramebuffers;
PFNGLBINDFRAMEBUFFERPROC pBindFramebuffer;
PFNGLFRAMEBUFFERTEXTURE2DPROC pFramebufferTexture2D;
PFNGLCHECKFRAMEBUFFERSTATUSPROC pCheckFramebufferStatus;
PFNGLDELETEFRAMEBUFFERSPROC pDeleteFramebuffers;

bool LoadFramebufferFunctions() {
    pGenFramebuffers = (PFNGLGENFRAMEBUFFERSPROC)SDL_GL_GetProcAddress("glGenFramebuffers");
    pBindFramebuffer = (PFNGLBINDFRAMEBUFFERPROC)SDL_GL_GetProcAddress("glBindFramebuffer");
    pFramebufferTexture2D = (PFNGLFRAMEBUFFERTEXTURE2DPROC)SDL_GL_GetProcAddress("glFramebufferTexture2D");
    pCheckFramebufferStatus =
        (PFNGLCHECKFRAMEBUFFERSTATUSPROC)SDL_GL_GetProcAddress("glCheckFramebufferStatus");
    pDeleteFramebuffers = (PFNGLDELETEFRAMEBUFFERSPROC)SDL_GL_GetProcAddress("glDeleteFramebuffers");
    return pGenFramebuffers && pBindFramebuffer && pFramebufferTexture2D && pCheckFramebufferStatus &&
           pDeleteFramebuffers;
}

core::Error SdlError(const std::string& what) {
    return {core::ErrorCode::kIo, what + ": " + SDL_GetError()};
}

}  // namespace

core::Result<std::unique_ptr<Platform>> Platform::Create(const PlatformConfig& config) {
    // We read fingers ourselves; SDL's synthetic mouse events for touches would double every tap.
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_X11_NET_WM_BYPASS_COMPOSITOR, "0");
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_TIMER | SDL_INIT_EVENTS) != 0) return SdlError("SDL_Init");

    std::unique_ptr<Platform> p(new Platform());
    p->m_config = config;
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 0);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_ALLOW_HIGHDPI;
    if (config.offscreen)
        flags |= SDL_WINDOW_HIDDEN;
    else if (config.fullscreen)
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
    int w = config.offscreen ? 64 : config.width;
    int h = config.offscreen ? 64 : config.height;
    p->m_window = SDL_CreateWindow("Brugpunt", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    if (!p->m_window) return SdlError("SDL_CreateWindow");
    p->m_gl = SDL_GL_CreateContext(p->m_window);
    if (!p->m_gl) return SdlError("SDL_GL_CreateContext");
    SDL_GL_MakeCurrent(p->m_window, p->m_gl);
    SDL_GL_SetSwapInterval(1);

    if (config.offscreen) {
        if (!LoadFramebufferFunctions())
            return core::Error{core::ErrorCode::kIo, "OpenGL framebuffer objects are not available"};
        glGenTextures(1, &p->m_fbo_texture);
        glBindTexture(GL_TEXTURE_2D, p->m_fbo_texture);
        glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, config.width, config.height, 0, GL_RGBA, GL_UNSIGNED_BYTE,
                     nullptr);
        glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
        pGenFramebuffers(1, &p->m_fbo);
        pBindFramebuffer(GL_FRAMEBUFFER, p->m_fbo);
        pFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, p->m_fbo_texture, 0);
        if (pCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE)
            return core::Error{core::ErrorCode::kIo, "cannot create an offscreen framebuffer"};
    }

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;  // a kiosk keeps no window layout between runs
    io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    ImGui_ImplSDL2_InitForOpenGL(p->m_window, p->m_gl);
    if (!ImGui_ImplOpenGL3_Init("#version 130"))
        return core::Error{core::ErrorCode::kIo, "OpenGL could not be loaded (is libgl1 installed?)"};
    return p;
}

Platform::~Platform() {
    if (ImGui::GetCurrentContext()) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
    }
    if (m_fbo) pDeleteFramebuffers(1, &m_fbo);
    if (m_fbo_texture) glDeleteTextures(1, &m_fbo_texture);
    if (m_gl) SDL_GL_DeleteContext(m_gl);
    if (m_window) SDL_DestroyWindow(m_window);
    SDL_Quit();
}

void Platform::Wake() {
    SDL_Event e{};
    e.type = SDL_USEREVENT;
    SDL_PushEvent(&e);  // thread-safe in SDL2
}

void Platform::RequestQuit() {
    SDL_Event e{};
    e.type = SDL_QUIT;
    SDL_PushEvent(&e);
}

EventSummary Platform::PumpEvents(int timeout_ms, ui::PointerSink& pointer) {
    EventSummary out;
    SDL_Event e;
    bool have = timeout_ms > 0 ? SDL_WaitEventTimeout(&e, timeout_ms) : SDL_PollEvent(&e);
    int w = 0, h = 0;
    SDL_GetWindowSize(m_window, &w, &h);
    while (have) {
        switch (e.type) {
            case SDL_QUIT:
                out.quit = true;
                break;
            case SDL_MOUSEMOTION:
                if (e.motion.which != SDL_TOUCH_MOUSEID)
                    pointer.Move((float)e.motion.x, (float)e.motion.y, false);
                out.input |= e.motion.state != 0;
                out.redraw = true;  // the mouse is a developer's tool; keep drawing it smoothly
                break;
            case SDL_MOUSEBUTTONDOWN:
            case SDL_MOUSEBUTTONUP:
                if (e.button.which == SDL_TOUCH_MOUSEID || e.button.button != SDL_BUTTON_LEFT) break;
                if (e.type == SDL_MOUSEBUTTONDOWN)
                    pointer.Press((float)e.button.x, (float)e.button.y, false);
                else
                    pointer.Release((float)e.button.x, (float)e.button.y, false);
                out.input = true;
                break;
            case SDL_FINGERDOWN:
                if (m_finger >= 0) {         // one finger at a time: a second hand must not steal the tap
                    pointer.SecondFinger();  // but speech mode hears two fingers as one gesture
                    out.input = true;
                    break;
                }
                m_finger = e.tfinger.fingerId;
                pointer.Press(e.tfinger.x * w, e.tfinger.y * h, true);
                out.input = true;
                break;
            case SDL_FINGERMOTION:
                if (e.tfinger.fingerId != m_finger) break;
                pointer.Move(e.tfinger.x * w, e.tfinger.y * h, true);
                out.input = true;
                break;
            case SDL_FINGERUP:
                if (e.tfinger.fingerId != m_finger) break;
                m_finger = -1;
                pointer.Release(e.tfinger.x * w, e.tfinger.y * h, true);
                out.input = true;
                break;
            case SDL_MOUSEWHEEL:
            case SDL_KEYDOWN:
            case SDL_KEYUP:
            case SDL_TEXTINPUT:
                ImGui_ImplSDL2_ProcessEvent(&e);
                out.input = true;
                break;
            case SDL_WINDOWEVENT:
                out.redraw = true;
                break;
            case SDL_USEREVENT:
                // A worker's report is waiting in the main queue; whether it shows is for the
                // queue's work to say, not for the wake-up itself.
                break;
            default:
                break;
        }
        have = SDL_PollEvent(&e);
    }
    return out;
}

void Platform::BeginFrame(const ui::PointerFrame& pointer) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    // ImGui 1.86 has no AddMouse*Event; the pointer we computed wins over the backend's.
    io.MousePos = ImVec2(pointer.x, pointer.y);
    io.MouseDown[0] = pointer.down;
    io.MouseDown[1] = io.MouseDown[2] = false;
    if (m_config.offscreen) {
        io.DisplaySize = ImVec2((float)m_config.width, (float)m_config.height);
        io.DisplayFramebufferScale = ImVec2(1, 1);
    }
    ImGui::NewFrame();
}

void Platform::EndFrame(ImU32 clear_colour) {
    ImGui::Render();
    ImGuiIO& io = ImGui::GetIO();
    int fw = (int)(io.DisplaySize.x * io.DisplayFramebufferScale.x);
    int fh = (int)(io.DisplaySize.y * io.DisplayFramebufferScale.y);
    if (m_fbo) pBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
    glViewport(0, 0, fw, fh);
    // The screen's background, which its window does not paint again.
    ImVec4 clear = ImGui::ColorConvertU32ToFloat4(clear_colour);
    glClearColor(clear.x, clear.y, clear.z, 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    if (!m_fbo)
        SDL_GL_SwapWindow(m_window);
    else
        glFinish();
}

core::VoidResult Platform::SavePng(const std::string& path) {
    if (!m_fbo) return core::Error{core::ErrorCode::kInvalid, "screenshots need the offscreen mode"};
    int w = m_config.width, h = m_config.height;
    std::vector<unsigned char> pixels(static_cast<size_t>(w) * h * 4);
    pBindFramebuffer(GL_FRAMEBUFFER, m_fbo);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels.data());
    for (auto i = 3u; i < pixels.size(); i += 4) pixels[i] = 255;  // a screenshot is opaque
    stbi_flip_vertically_on_write(1);
    if (!stbi_write_png(path.c_str(), w, h, 4, pixels.data(), w * 4))
        return core::Error{core::ErrorCode::kIo, "cannot write " + path};
    return core::Ok{};
}

namespace {

// A linear-filtered, edge-clamped RGBA texture of tightly packed rows.
GLuint UploadRgba(int w, int h, const unsigned char* rgba) {
    GLuint tex = 0;
    glGenTextures(1, &tex);
    glBindTexture(GL_TEXTURE_2D, tex);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    return tex;
}

}  // namespace

GlTextures::GlTextures(std::string dir) : m_dir(std::move(dir)) {}

GlTextures::~GlTextures() {
    for (auto& [name, tex] : m_cache)
        if (tex) glDeleteTextures(1, &tex);
    Trim();
    for (auto& [key, img] : m_text) {
        GLuint tex = static_cast<GLuint>((intptr_t)img.texture);
        if (tex) glDeleteTextures(1, &tex);
    }
    if (GLuint qr = static_cast<GLuint>((intptr_t)m_qr.second.texture)) glDeleteTextures(1, &qr);
    for (auto& [path, img] : m_photos)
        if (GLuint tex = static_cast<GLuint>((intptr_t)img.texture)) glDeleteTextures(1, &tex);
}

void GlTextures::Trim() {
    TrimPhotos();
    constexpr size_t kMaxTexts = 400;  // a few screens' worth of subtitles and language names
    if (m_text.size() <= kMaxTexts) return;
    for (auto& [key, img] : m_text) {
        GLuint tex = static_cast<GLuint>((intptr_t)img.texture);
        if (tex) glDeleteTextures(1, &tex);
    }
    m_text.clear();
}

void GlTextures::TrimPhotos() {
    constexpr size_t kMaxPhotos = 24;  // a detail page shows three; a few pages back and forth
    if (m_photos.size() <= kMaxPhotos) return;
    for (auto it = m_photos.begin(); it != m_photos.end();) {
        if (GLuint tex = static_cast<GLuint>((intptr_t)it->second.texture)) {
            glDeleteTextures(1, &tex);
            it = m_photos.erase(it);
        } else {
            ++it;  // an unreadable one stays known, so it is not logged again
        }
    }
}

ui::TextImage GlTextures::Text(const std::string& utf8, const std::string& lang, float max_width,
                               float pixel_size) const {
    int px = static_cast<int>(std::lround(pixel_size));
    char key_prefix[64];
    std::snprintf(key_prefix, sizeof key_prefix, "%d %d %s\n", px, static_cast<int>(max_width), lang.c_str());
    std::string key = key_prefix + utf8;
    if (auto it = m_text.find(key); it != m_text.end()) return it->second;
    ui::TextImage img;
    auto& shaper = m_shapers[px];
    if (!shaper && !m_shaper_failed) {
        auto opened = text::Shaper::Open(m_fonts.empty() ? text::Shaper::DefaultFonts() : m_fonts,
                                         static_cast<float>(px));
        if (opened) {
            shaper = std::move(opened.value());
        } else {
            m_shaper_failed = true;  // said once; Dutch stays on screen without subtitles
            std::fprintf(stderr, "brugpunt: subtitles off: %s (apt-get install fonts-noto-core)\n",
                         opened.error().message.c_str());
        }
    }
    if (shaper) {
        text::Bitmap bmp = shaper->Render(utf8, max_width, lang);
        if (bmp.width > 0 && bmp.height > 0) {
            std::vector<unsigned char> rgba(static_cast<size_t>(bmp.width) * bmp.height * 4, 255);
            for (size_t i = 0; i < bmp.alpha.size(); ++i) rgba[i * 4 + 3] = bmp.alpha[i];
            GLuint tex = UploadRgba(bmp.width, bmp.height, rgba.data());
            img = {(ImTextureID)(intptr_t)tex,
                   ImVec2(static_cast<float>(bmp.width), static_cast<float>(bmp.height)), bmp.rtl};
        }
    }
    m_text.emplace(std::move(key), img);
    return img;
}

ui::TextImage GlTextures::Qr(const std::string& payload) const {
    if (m_qr.first == payload && m_qr.second.texture) return m_qr.second;
    if (m_qr.second.texture) {
        GLuint old = static_cast<GLuint>((intptr_t)m_qr.second.texture);
        glDeleteTextures(1, &old);
        m_qr = {};
    }
    auto qr = text::EncodeQr(payload);
    if (!qr) {
        std::fprintf(stderr, "brugpunt: no QR code on the card: %s\n", qr.error().message.c_str());
        return {};
    }
    const int quiet = 4;  // the white margin a reader needs, in modules
    int side = qr.value().size + 2 * quiet;
    std::vector<unsigned char> rgba(static_cast<size_t>(side) * side * 4, 255);
    for (int y = 0; y < qr.value().size; ++y)
        for (int x = 0; x < qr.value().size; ++x)
            if (qr.value().Dark(x, y)) {
                unsigned char* px = &rgba[(static_cast<size_t>(y + quiet) * side + x + quiet) * 4];
                px[0] = px[1] = px[2] = 0;
            }
    GLuint tex = UploadRgba(side, side, rgba.data());
    // Modules stay sharp at any scale: a blurred edge is what a phone camera misreads.
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    m_qr = {payload, ui::TextImage{(ImTextureID)(intptr_t)tex, ImVec2(float(side), float(side)), false}};
    return m_qr.second;
}

ui::TextImage GlTextures::Photo(std::string_view root, std::string_view name) const {
    // The catalogue's loader checked its names; this is where the file is opened, so the rule is
    // applied here too, whoever asks.
    auto path = core::ResolveInside(root, name, core::NameKind::kMedia);
    std::string key = path ? path.value() : std::string(root) + "/" + std::string(name);
    if (auto it = m_photos.find(key); it != m_photos.end()) return it->second;
    ui::TextImage img;
    if (!path) {
        std::fprintf(stderr, "brugpunt: photo '%s' refused, the pictogram stands in: %s\n",
                     std::string(name).c_str(), path.error().message.c_str());
    } else if (auto photo = LoadPhoto(path.value(), ui::kPhotoSide); !photo) {
        std::fprintf(stderr, "brugpunt: photo not shown, the pictogram stands in: %s\n",
                     photo.error().message.c_str());
    } else {
        GLuint tex = UploadRgba(photo->width, photo->height, photo->pixels.data());
        img = {(ImTextureID)(intptr_t)tex, ImVec2(float(photo->width), float(photo->height)), false};
    }
    m_photos.emplace(std::move(key), img);
    return img;
}

ImTextureID GlTextures::Pictogram(std::string_view name) const {
    auto it = m_cache.find(name);
    if (it != m_cache.end()) return it->second ? (ImTextureID)(intptr_t)it->second : nullptr;
    // The catalogue's loader refused names that leave the pictogram folder; this is where the
    // file is opened, so the rule is applied here too, whoever asks.
    auto path = core::ResolveInside(m_dir, name, core::NameKind::kPictogram);
    int w = 0, h = 0, n = 0;
    unsigned char* data = path ? stbi_load(path->c_str(), &w, &h, &n, 4) : nullptr;
    GLuint tex = 0;
    if (!path) {
        std::fprintf(stderr, "brugpunt: pictogram '%s' refused: %s\n", std::string(name).c_str(),
                     path.error().message.c_str());
    } else if (data) {
        tex = UploadRgba(w, h, data);
        stbi_image_free(data);
    } else {
        std::fprintf(stderr, "brugpunt: pictogram '%s' missing (%s)\n", std::string(name).c_str(),
                     path->c_str());
    }
    m_cache.emplace(std::string(name), tex);
    return tex ? (ImTextureID)(intptr_t)tex : nullptr;
}

}  // namespace brugpunt::app
