// Shaped text as a visitor reads it: the HarfBuzz glyph run of real Noto fonts, checked for count,
// order on screen and the joined forms of Arabic letters.
#include <catch2/catch.hpp>

#include <algorithm>

#include "text/shaper.h"

using namespace brugpunt;

namespace {

const text::Shaper& Shaper() {
    static std::unique_ptr<text::Shaper> s = [] {
        auto opened = text::Shaper::Open(text::Shaper::DefaultFonts(), 32.0f);
        REQUIRE(opened);
        return std::move(opened.value());
    }();
    return *s;
}

constexpr int kArabicFont = 1;
constexpr int kEthiopicFont = 2;

}  // namespace

TEST_CASE("Arabic is shaped right to left with its letters joined") {
    // مرحبا: meem, reh, hah, beh, alef; five letters, five glyphs, no ligature.
    const std::string word = "مرحبا";
    text::ShapedLine line = Shaper().ShapeLine(word, "ar");
    REQUIRE(line.glyphs.size() == 5);
    CHECK(line.rtl);
    // On screen from left to right: the last letter first, so the clusters (byte offsets in the
    // text) fall from left to right.
    for (size_t i = 1; i < line.glyphs.size(); ++i)
        CHECK(line.glyphs[i - 1].cluster > line.glyphs[i].cluster);
    CHECK(line.glyphs.front().cluster == word.size() - 2);  // alef, at the left
    CHECK(line.glyphs.back().cluster == 0);                 // meem, at the right
    for (const auto& g : line.glyphs) {
        CHECK(g.id != 0);
        CHECK(g.font == kArabicFont);
    }
    // Joined: each letter inside the word is drawn with another glyph than the same letter alone.
    const char* letters[] = {"م", "ر", "ح", "ب", "ا"};
    for (size_t i = 0; i < 5; ++i) {
        text::ShapedLine alone = Shaper().ShapeLine(letters[i], "ar");
        REQUIRE(alone.glyphs.size() == 1);
        const text::Glyph& in_word = line.glyphs[4 - i];
        INFO("letter " << i << ": isolated glyph " << alone.glyphs[0].id << ", in the word " << in_word.id);
        CHECK(in_word.id != alone.glyphs[0].id);
    }
}

TEST_CASE("Tigrinya is shaped left to right in the Ethiopic font") {
    const std::string word = "ትግርኛ";  // four syllables, three bytes each
    text::ShapedLine line = Shaper().ShapeLine(word, "ti");
    REQUIRE(line.glyphs.size() == 4);
    CHECK_FALSE(line.rtl);
    for (size_t i = 0; i < 4; ++i) {
        CHECK(line.glyphs[i].cluster == 3 * i);
        CHECK(line.glyphs[i].id != 0);
        CHECK(line.glyphs[i].font == kEthiopicFont);
    }
    CHECK(line.width > 0);
}

TEST_CASE("Pashto letters have glyphs, and Cyrillic comes from the Latin font") {
    for (const auto& g : Shaper().ShapeLine("پښتو", "ps").glyphs) CHECK(g.id != 0);
    text::ShapedLine uk = Shaper().ShapeLine("Українська", "uk");
    CHECK_FALSE(uk.rtl);
    for (const auto& g : uk.glyphs) {
        CHECK(g.id != 0);
        CHECK(g.font == 0);
    }
}

TEST_CASE("A number inside Arabic keeps its own left-to-right order") {
    const std::string text = "العمر 12";
    text::ShapedLine line = Shaper().ShapeLine(text, "ar");
    CHECK(line.rtl);
    // The paragraph reads from the right, so the number ends up at the left edge, as "1" then "2".
    REQUIRE(line.glyphs.size() >= 2);
    CHECK(line.glyphs[0].cluster == text.find('1'));
    CHECK(line.glyphs[1].cluster == text.find('2'));
}

TEST_CASE("A long subtitle wraps within the width and renders ink, aligned right for Arabic") {
    const std::string text = "ألعاب وموسيقى ورياضة للأطفال والكبار، كل أسبوع في المركز، وغالبا مجانا";
    auto lines = Shaper().Wrap(text, 300.0f, "ar");
    REQUIRE(lines.size() >= 2);
    for (const auto& l : lines) CHECK(l.width <= 300.0f);
    text::Bitmap bmp = Shaper().Render(text, 300.0f, "ar");
    CHECK(bmp.rtl);
    CHECK(bmp.width <= 303);
    CHECK(bmp.height >= static_cast<int>(Shaper().LineHeight() * lines.size()));
    long ink = std::count_if(bmp.alpha.begin(), bmp.alpha.end(), [](uint8_t a) { return a > 128; });
    CHECK(ink > 500);
}

TEST_CASE("Fonts: a language in a script the defaults lack finds its Noto font, and what none has is named") {
    // Georgian and Armenian: no code knows them; the folder's fonts do.
    auto chosen = text::ChooseFonts({"Nederlands", "العربية ትግርኛ", "ქართული", "Հայերեն", "a\uE000b"});
    REQUIRE(chosen);
    const auto& files = chosen->files;
    auto defaults = text::Shaper::DefaultFonts();
    REQUIRE(files.size() >= defaults.size());
    CHECK(std::equal(defaults.begin(), defaults.end(), files.begin()));  // the defaults first, as they were
    auto has = [&](const std::string& name) {
        return std::any_of(files.begin(), files.end(),
                           [&](const std::string& f) { return f.ends_with(name); });
    };
    CHECK(has("/NotoSansGeorgian-Regular.ttf"));
    CHECK(has("/NotoSansArmenian-Regular.ttf"));
    CHECK(files.size() == defaults.size() + 2);  // nothing else opened
    REQUIRE(chosen->missing.size() == 5);
    for (int i = 0; i < 4; ++i) CHECK(chosen->missing[i].empty());
    CHECK(chosen->missing[4] == std::u32string{U'\uE000'});  // a private-use character: no font

    // The chosen fonts draw Georgian: every glyph of the word is found.
    auto opened = text::Shaper::Open(files, 32.0f);
    REQUIRE(opened);
    text::ShapedLine line = opened.value()->ShapeLine("ქართული", "ka");
    REQUIRE(line.glyphs.size() == 7);
    for (const auto& g : line.glyphs) CHECK(g.id != 0);

    // A folder without those fonts: the defaults only, the Georgian reported missing.
    auto bare = text::ChooseFonts({"ქართული"}, "/nonexistent");
    REQUIRE(bare);
    CHECK(bare->files == defaults);
    CHECK(bare->missing[0].size() == 7);
}
