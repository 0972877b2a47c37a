#include <catch2/catch.hpp>

#include "core/strings.h"

using namespace brugpunt::core;

TEST_CASE("A keyed .po file reads into key -> text") {
    auto s = Strings::ParsePo(R"(# comment
msgid ""
msgstr ""
"Language: nl\n"

msgid "home.title"
msgstr "Wat wil je doen?"

#, fuzzy
msgid "long"
msgstr "een "
"lange \"tekst\"\n"
)");
    REQUIRE(s);
    CHECK(s->Entries().size() == 2);
    CHECK(s->Get("home.title") == "Wat wil je doen?");
    CHECK(s->Get("long") == "een lange \"tekst\"\n");
    CHECK(s->Get("missing.key") == "missing.key");
}

TEST_CASE("Broken .po files are rejected with a line number") {
    auto err = [](const char* text) {
        auto s = Strings::ParsePo(text);
        REQUIRE_FALSE(s);
        return s.error().message;
    };
    CHECK_THAT(err("msgid \"a\"\n"), Catch::Contains("msgid without msgstr"));
    CHECK_THAT(err("msgstr \"a\"\n"), Catch::Contains("line 1"));
    CHECK_THAT(err("msgid \"a\"\nmsgstr \"x\"\n\nmsgid \"a\"\nmsgstr \"y\"\n"), Catch::Contains("duplicate"));
    CHECK_THAT(err("msgid \"a\nmsgstr \"x\"\n"), Catch::Contains("bad string"));
    CHECK_THAT(err("msgid \"a\"\nmsgstr \"\\q\"\n"), Catch::Contains("line 2"));
    CHECK_THAT(err("hello\n"), Catch::Contains("unexpected"));
}
