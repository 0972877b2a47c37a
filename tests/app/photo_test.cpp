// Photos as the kiosk reads them: real JPEG and PNG files written here, scaled, refused when they
// are broken, hostile or outside the catalogue's folder, and uploaded once as GL textures.
#include <SDL.h>
#include <stb_image_write.h>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

#include "app/photo.h"
#include "app/platform.h"

using namespace brugpunt;
namespace fs = std::filesystem;

namespace {

struct TempDir {
    TempDir() : path(fs::temp_directory_path() / ("brugpunt-photo-" + std::to_string(::getpid()))) {
        fs::remove_all(path);
        fs::create_directories(path / "media");
    }
    ~TempDir() { fs::remove_all(path); }
    fs::path path;
};

// w x h pixels, the left half red and the right half blue.
std::vector<unsigned char> Halves(int w, int h) {
    std::vector<unsigned char> px(static_cast<size_t>(w) * h * 4, 255);
    for (int y = 0; y < h; ++y)
        for (int x = 0; x < w; ++x) {
            unsigned char* p = &px[(static_cast<size_t>(y) * w + x) * 4];
            p[0] = x < w / 2 ? 220 : 20;
            p[1] = 20;
            p[2] = x < w / 2 ? 20 : 220;
        }
    return px;
}

const unsigned char* At(const app::Rgba& img, int x, int y) {
    return &img.pixels[(static_cast<size_t>(y) * img.width + x) * 4];
}

void WriteBytes(const fs::path& p, const std::string& bytes) {
    std::ofstream(p, std::ios::binary) << bytes;
}

}  // namespace

TEST_CASE("A large JPEG is scaled down to the kiosk's size, keeping its shape and colours") {
    TempDir d;
    std::string path = (d.path / "media" / "field.jpg").string();
    auto px = Halves(1600, 1200);
    REQUIRE(stbi_write_jpg(path.c_str(), 1600, 1200, 4, px.data(), 90));
    auto img = app::LoadPhoto(path, 720);
    INFO((img ? "" : img.error().message));
    REQUIRE(img);
    CHECK(img->width == 720);
    CHECK(img->height == 540);
    CHECK(img->pixels.size() == 720u * 540u * 4u);
    const unsigned char* left = At(img.value(), 100, 270);
    const unsigned char* right = At(img.value(), 620, 270);
    CHECK(left[0] > 180);
    CHECK(left[2] < 60);
    CHECK(right[2] > 180);
    CHECK(right[0] < 60);
}

TEST_CASE("A small PNG is never scaled up, and its pixels arrive as they were") {
    TempDir d;
    std::string path = (d.path / "media" / "face.png").string();
    auto px = Halves(100, 50);
    REQUIRE(stbi_write_png(path.c_str(), 100, 50, 4, px.data(), 100 * 4));
    auto img = app::LoadPhoto(path, 720);
    REQUIRE(img);
    CHECK(img->width == 100);
    CHECK(img->height == 50);
    CHECK(img->pixels == px);
}

TEST_CASE("A missing, truncated or hostile photo is refused with a reason, never decoded blindly") {
    TempDir d;
    SECTION("missing") {
        auto img = app::LoadPhoto((d.path / "nope.jpg").string(), 720);
        REQUIRE_FALSE(img);
        CHECK(img.error().code == core::ErrorCode::kIo);
        CHECK_THAT(img.error().message, Catch::Contains("nope.jpg"));
    }
    SECTION("not an image") {
        WriteBytes(d.path / "note.jpg", "this is a text file, saved as .jpg");
        auto img = app::LoadPhoto((d.path / "note.jpg").string(), 720);
        REQUIRE_FALSE(img);
        CHECK(img.error().code == core::ErrorCode::kInvalid);
        CHECK_THAT(img.error().message, Catch::Contains("not a photo"));
    }
    SECTION("truncated") {
        std::string path = (d.path / "cut.jpg").string();
        auto px = Halves(400, 300);
        REQUIRE(stbi_write_jpg(path.c_str(), 400, 300, 4, px.data(), 90));
        fs::resize_file(path, 200);  // a download that stopped
        auto img = app::LoadPhoto(path, 720);
        REQUIRE_FALSE(img);
        CHECK(img.error().code == core::ErrorCode::kInvalid);
    }
    SECTION("a header claiming 16000 x 4000 pixels, 256 MB decoded") {
        std::string png("\x89PNG\r\n\x1a\n", 8);
        png += std::string("\0\0\0\x0d", 4) + "IHDR" + std::string("\0\0\x3e\x80\0\0\x0f\xa0", 8) +
               std::string("\x08\x06\0\0\0", 5) + std::string(4, '\0');
        WriteBytes(d.path / "bomb.png", png);
        auto img = app::LoadPhoto((d.path / "bomb.png").string(), 720);
        REQUIRE_FALSE(img);
        CHECK(img.error().code == core::ErrorCode::kInvalid);
        CHECK_THAT(img.error().message, Catch::Contains("16000x4000"));
    }
}

TEST_CASE("The kiosk's textures show a catalogue photo once, and refuse one outside the catalogue") {
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    auto platform = app::Platform::Create({320, 240, false, true});
    INFO((platform ? "" : platform.error().message));
    REQUIRE(platform);
    TempDir d;
    auto px = Halves(1600, 900);
    REQUIRE(stbi_write_jpg((d.path / "media" / "hall.jpg").string().c_str(), 1600, 900, 4, px.data(), 85));
    WriteBytes(d.path / "media" / "broken.jpg", "not a jpeg");
    REQUIRE(stbi_write_jpg((d.path / "secret.jpg").string().c_str(), 1600, 900, 4, px.data(), 85));
    app::GlTextures textures((d.path / "pictograms").string());
    std::string root = (d.path / "media").string();

    ui::TextImage hall = textures.Photo(root, "hall.jpg");
    CHECK(hall.texture != nullptr);
    CHECK(hall.size.x == ui::kPhotoSide);
    CHECK(hall.size.y == Approx(ui::kPhotoSide * 900.0 / 1600).margin(1));
    CHECK(textures.Photo(root, "hall.jpg").texture == hall.texture);  // cached, not uploaded again

    CHECK(textures.Photo(root, "broken.jpg").texture == nullptr);
    CHECK(textures.Photo(root, "../secret.jpg").texture == nullptr);
    CHECK(textures.Photo(root, "missing.jpg").texture == nullptr);
}
