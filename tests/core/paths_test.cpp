// The one rule for catalogue names that become files: inside their root, or refused with a reason.
#include <catch2/catch.hpp>

#include "core/paths.h"
#include "fixtures.h"

using namespace brugpunt;
using core::NameKind;

TEST_CASE("Paths: a name inside its root resolves to root/name, normalised") {
    CHECK(core::ResolveInside("/srv/cat", "media/a.wav").value() == "/srv/cat/media/a.wav");
    CHECK(core::ResolveInside("/srv/cat/", "./media//a.wav").value() == "/srv/cat/media/a.wav");
    CHECK(core::ResolveInside("/srv/cat", "media/x/../a.wav").value() == "/srv/cat/media/a.wav");
    CHECK(core::ResolveInside("/a/pictograms", "soccer", NameKind::kPictogram).value() ==
          "/a/pictograms/soccer.png");
}

TEST_CASE("Paths: absolute names, climbing names, folders, backslashes and NULs are refused") {
    for (const char* name : {"/etc/passwd", "../x.wav", "media/../../x.wav", "a/../..", "..", ".", "a/..",
                             "media/", "..\\x.wav", "", "a\0b"}) {
        std::string n = std::string(name) == "a" ? std::string("a\0b", 3) : name;
        INFO("'" << n << "'");
        auto r = core::ResolveInside("/srv/cat", n);
        REQUIRE_FALSE(r);
        CHECK(r.error().code == core::ErrorCode::kInvalid);
    }
    // The root's own name never decides: "../cat/x" is refused in /srv/cat as anywhere.
    CHECK_FALSE(core::ResolveInside("/srv/cat", "../cat/x.wav"));
    CHECK_THAT(core::ResolveInside("/r", "/etc/passwd").error().message, Catch::Contains("absoluut"));
}

TEST_CASE("Paths: a pictogram is one name, never a path") {
    for (const char* name : {"sub/dir", "../x", "/abs", "a\\b", "..", "."}) {
        INFO(name);
        CHECK_FALSE(core::ResolveInside("/a/pictograms", name, NameKind::kPictogram));
    }
}

TEST_CASE("Paths: IsInside accepts what ResolveInside made and nothing outside") {
    CHECK(core::IsInside("/srv/cat", "/srv/cat/media/a.wav"));
    CHECK(core::IsInside("/srv/cat/", "/srv/cat/./media/a.wav"));
    CHECK_FALSE(core::IsInside("/srv/cat", "/srv/cat"));
    CHECK_FALSE(core::IsInside("/srv/cat", "/srv/cat/../x.wav"));
    CHECK_FALSE(core::IsInside("/srv/cat", "/srv/catalogue/x.wav"));
    CHECK_FALSE(core::IsInside("/srv/cat", "/etc/passwd"));
    CHECK_FALSE(core::IsInside("/srv/cat", "media/a.wav"));  // relative: not resolved by the loader
    CHECK_FALSE(core::IsInside("", "/etc/passwd"));
}

TEST_CASE("Paths: every name of a catalogue that becomes a file is checked, with id and field") {
    core::Catalogue c = testing::ValidCatalogue();
    CHECK(core::CheckCatalogueNames(c).empty());
    c.categories[0].pictogram = "../x";
    c.activities[0].pictograms.push_back("a/b");
    c.activities[0].photo = "pictogram:../x";
    c.activities[0].location.entrance_photo = "/etc/x.jpg";
    c.activities[1].contact.photo = "../../x.jpg";
    c.activities[1].clips = {{"title", "ar", "/etc/passwd"}, {"summary", "ar", "media/ok.wav"}};
    auto issues = core::CheckCatalogueNames(c);
    std::vector<std::string> got;
    for (const auto& i : issues)
        got.push_back(core::FormatIssue(i).substr(0, core::FormatIssue(i).rfind(':')));
    CHECK(got == std::vector<std::string>{"catalogus: categories." + c.categories[0].id + ".pictogram",
                                          "a-one: pictograms", "a-one: photo",
                                          "a-one: location.entrance_photo", "a-two: contact.photo",
                                          "a-two: clips"});
}
