// Languages are data: a translations folder with one more .po offers one more language, the
// config picks and orders them, and a broken or misnamed file is left out with a reason.
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>

#include "core/config.h"
#include "core/translations.h"

using namespace brugpunt::core;
namespace fs = std::filesystem;

namespace {

std::string Po(const std::string& code, const std::string& name, const std::string& extra_header,
               const std::string& entries) {
    return "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; charset=UTF-8\\n\"\n\"Language: " + code +
           "\\n\"\n\"X-Language-Name: " + name + "\\n\"\n" + extra_header + "\n" + entries;
}

struct Folder {
    fs::path path = fs::temp_directory_path() / ("brugpunt-languages-" + std::to_string(::getpid()));
    Folder() {
        fs::remove_all(path);
        fs::create_directories(path);
        Write("nl.po", Po("nl", "Nederlands", "",
                          "msgid \"home.title\"\nmsgstr \"Wat wil je doen?\"\n\n"
                          "msgid \"lang.ar\"\nmsgstr \"Arabisch\"\n"));
        Write("ar.po", Po("ar", "العربية", "", "msgid \"home.title\"\nmsgstr \"ماذا تريد أن تفعل؟\"\n"));
        // Bulgarian: a language the kiosk was never built with, and nl.po has no name for.
        Write("bg.po", Po("bg", "Български", "\"X-Dutch-Name: Bulgaars\\n\"\n",
                          "#, fuzzy\nmsgid \"home.title\"\nmsgstr \"Какво искаш да правиш?\"\n"));
        Write("sq.po", Po("sq", "Shqip", "", "msgid \"home.title\"\nmsgstr \"Çfarë do të bësh?\"\n"));
    }
    ~Folder() { fs::remove_all(path); }
    void Write(const std::string& name, const std::string& text) const { std::ofstream(path / name) << text; }
    std::vector<std::string> Codes(const Translations& t) const {
        std::vector<std::string> codes;
        for (const auto& l : t.Languages()) codes.push_back(l.code);
        return codes;
    }
};

}  // namespace

TEST_CASE("Languages: a new LANG.po is a new language, named in its own script and in Dutch") {
    Folder f;
    auto t = LoadTranslationsDir(f.path.string());
    REQUIRE(t);
    // No LINGUAS: Dutch first, then by code.
    CHECK(f.Codes(t.value()) == std::vector<std::string>{"nl", "ar", "bg", "sq"});
    const Language* bg = t->FindLanguage("bg");
    REQUIRE(bg);
    CHECK(bg->native == "Български");
    CHECK(bg->dutch == "Bulgaars");  // from its header, as nl.po has no lang.bg
    REQUIRE(t->FindLanguage("ar"));
    CHECK(t->FindLanguage("ar")->dutch == "Arabisch");  // nl.po's name wins
    CHECK(t->FindLanguage("sq")->dutch == "Shqip");     // nobody said the Dutch name: its own
    auto phrase = t->Get("bg", "home.title");
    REQUIRE(phrase);
    CHECK(phrase->text == "Какво искаш да правиш?");
    CHECK_FALSE(phrase->reviewed);
    CHECK(t->Problems().empty());
}

TEST_CASE("Languages: LINGUAS orders them, and the ones it does not list come after, by code") {
    Folder f;
    f.Write("LINGUAS", "# offered first\nnl sq\nbg # our Bulgarian families\nku\n");
    auto t = LoadTranslationsDir(f.path.string());
    REQUIRE(t);
    CHECK(f.Codes(t.value()) == std::vector<std::string>{"nl", "sq", "bg", "ar"});  // ku has no file: skipped
}

TEST_CASE("Languages: a broken or misnamed .po is left out with its reason, a broken nl.po stops") {
    Folder f;
    f.Write("ro.po", "msgid \"home.title\"\nmsgstr \"nu se termina");
    f.Write("Bulgaars.po", Po("bg", "Български", "", ""));
    auto t = LoadTranslationsDir(f.path.string());
    REQUIRE(t);
    CHECK(f.Codes(t.value()) == std::vector<std::string>{"nl", "ar", "bg", "sq"});
    REQUIRE(t->Problems().size() == 2);
    std::string all = t->Problems()[0] + "\n" + t->Problems()[1];
    CHECK_THAT(all, Catch::Contains("ro.po") && Catch::Contains("left out"));
    CHECK_THAT(all, Catch::Contains("'Bulgaars' is not a language code"));

    f.Write("nl.po", "msgid \"home.title\"\nmsgstr");
    auto broken = LoadTranslationsDir(f.path.string());
    REQUIRE_FALSE(broken);
    CHECK_THAT(broken.error().message, Catch::Contains("nl.po"));
    fs::remove(f.path / "nl.po");
    auto none = LoadTranslationsDir(f.path.string());
    REQUIRE_FALSE(none);
    CHECK_THAT(none.error().message, Catch::Contains("no nl.po"));
}

TEST_CASE("Languages: the config's list offers those, in its order, Dutch first, and names the missing") {
    Folder f;
    auto t = LoadTranslationsDir(f.path.string());
    REQUIRE(t);
    auto problems = t->Offer({"bg", "ku", "ar"});
    CHECK(f.Codes(t.value()) == std::vector<std::string>{"nl", "bg", "ar"});
    REQUIRE(problems.size() == 1);
    CHECK_THAT(problems[0], Catch::Contains("'ku'") && Catch::Contains("ku.po"));
    CHECK(t->FindLanguage("sq") == nullptr);  // present, but this kiosk does not offer it
    CHECK(t->Has("sq"));
    t->Withdraw("bg");
    t->Withdraw("nl");  // Dutch is never withdrawn
    CHECK(f.Codes(t.value()) == std::vector<std::string>{"nl", "ar"});
}

TEST_CASE("Languages: the config's languages are codes, spaces or commas between, and a word is refused") {
    auto c = ParseConfig("languages = nl, ar so  bg\n");
    REQUIRE(c);
    CHECK(c->languages == std::vector<std::string>{"nl", "ar", "so", "bg"});
    CHECK(ParseConfig("")->languages.empty());  // none listed: every language present
    auto bad = ParseConfig("\n\nlanguages = nl Arabisch\n");
    REQUIRE_FALSE(bad);
    CHECK_THAT(bad.error().message, Catch::Contains("line 3") && Catch::Contains("'Arabisch'"));
    CHECK_FALSE(IsLanguageCode("a"));
    CHECK_FALSE(IsLanguageCode("abcd"));
    CHECK_FALSE(IsLanguageCode("pt-BR"));
    CHECK(IsLanguageCode("ckb"));
}
