// The printed card as a receipt printer gets it: drawn with the kiosk's pictograms, encoded as
// ESC/POS raster bytes, read back from those bytes into a PNG, and its QR code read off that PNG
// by zbarimg as a phone would.
#include <catch2/catch.hpp>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "text/card.h"
#include "text/escpos.h"

using namespace brugpunt;

namespace {

core::TakeHomeCard Card() {
    core::TakeHomeCard c;
    c.lines = {{"check", "Brugpunt afspraak K7Q-4XM", true, false},
               {"soccer", "Voetbal voor kinderen van 6 tot 8", true, true},
               {"clock", "Wanneer: woensdag 14:00 - 15:00", false, false},
               {"pin", "Waar: Voetbalveld De Meersen, Meersstraat 30, 9999 Brugdonk", false, false},
               {"raise-hand", "Wie wacht op je: Trainer Youssef wacht aan de deur.", false, false},
               {"desk", "Balie: Vrijetijdsbalie Brugdonk, 09 000 12 00", false, true}};
    return c;
}

text::CardStyle Style(int width = 576) {
    text::CardStyle s;
    s.width = width;
    s.pictogram_dir = BRUGPUNT_PICTOGRAM_DIR;
    return s;
}

std::string Zbar(const std::string& png) {
    std::string cmd = "zbarimg -q --raw '" + png + "' 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> p(popen(cmd.c_str(), "r"), &pclose);
    REQUIRE(p);
    std::string out;
    char buf[512];
    while (size_t n = fread(buf, 1, sizeof buf, p.get())) out.append(buf, n);
    return out;
}

int BlackIn(const text::Dots& d, int y0, int y1) {
    int n = 0;
    for (int y = y0; y < y1 && y < d.height; ++y)
        for (int x = 0; x < d.width; ++x) n += d.Black(x, y);
    return n;
}

}  // namespace

TEST_CASE("The printed card, sent as ESC/POS bytes and read back, is the card drawn, and its QR code reads") {
    for (int width : {576, 384}) {
        INFO(width << " dots");
        auto dots = text::RenderCard(Card(), Style(width));
        INFO((dots ? "" : dots.error().message));
        REQUIRE(dots);
        CHECK(dots->width == width);
        CHECK(dots->height > 400);
        CHECK(BlackIn(dots.value(), 0, 60) > 200);  // the first line's pictogram and words are printed

        std::string bytes = text::EscPosRaster(dots.value());
        CHECK(bytes.rfind("\x1b\x40", 0) == 0);                                       // starts with a reset
        CHECK(bytes.substr(bytes.size() - 4) == std::string("\x1d\x56\x42\x00", 4));  // ends with the cut
        auto back = text::ReadEscPosRaster(bytes);
        INFO((back ? "" : back.error().message));
        REQUIRE(back);
        CHECK(back->width == width);
        CHECK(back->height == dots->height + 4 * 34);  // the feed past the cutter
        bool same = true;
        for (int y = 0; y < dots->height && same; ++y)
            for (int x = 0; x < width && same; ++x) same = back->Black(x, y) == dots->Black(x, y);
        CHECK(same);

        std::string png =
            (std::filesystem::temp_directory_path() /
             ("brugpunt-card-" + std::to_string(width) + "-" + std::to_string(::getpid()) + ".png"))
                .string();
        REQUIRE(text::WriteDotsPng(back.value(), png));
        std::string read = Zbar(png);
        CHECK(read.find("K7Q-4XM") != std::string::npos);
        CHECK(read.find("Wanneer: woensdag 14:00 - 15:00") != std::string::npos);
        CHECK(read.find("09 000 12 00") != std::string::npos);
        std::filesystem::remove(png);
        // To look at the card: BRUGPUNT_CARD_PNG=DIR keeps a copy there.
        if (const char* keep = std::getenv("BRUGPUNT_CARD_PNG"))
            REQUIRE(text::WriteDotsPng(back.value(),
                                       std::string(keep) + "/card-" + std::to_string(width) + ".png"));
    }
}

TEST_CASE("A missing pictogram leaves its line's words at the margin, a missing font is an error") {
    core::TakeHomeCard c;
    c.lines = {{"no-such-pictogram", "Brugpunt afspraak K7Q-4XM", true, false}};
    auto with = text::RenderCard(c, Style());
    REQUIRE(with);
    CHECK(BlackIn(with.value(), 0, with->height) > 0);
    text::CardStyle bad = Style();
    bad.regular_font = "/nonexistent/font.ttf";
    CHECK_FALSE(text::RenderCard(c, bad));
}

TEST_CASE("ESC/POS bytes that are not a card are refused, naming the byte") {
    auto cut = text::ReadEscPosRaster(std::string("\x1b\x40\x1d\x76\x30\x00\x48\x00\x10\x00\xff", 11));
    REQUIRE_FALSE(cut);
    CHECK_THAT(cut.error().message, Catch::Contains("byte 2") && Catch::Contains("cut short"));
    auto unknown = text::ReadEscPosRaster(std::string("\x1b\x40\x1b\x21\x08", 5));
    REQUIRE_FALSE(unknown);
    CHECK_THAT(unknown.error().message, Catch::Contains("unknown command 0x1b"));
    CHECK_FALSE(text::ReadEscPosRaster(std::string("\x1b\x40", 2)));  // nothing printed
}
