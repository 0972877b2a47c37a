// Which languages a kiosk offers: the config's list and whether a font draws each language's name.
#include <catch2/catch.hpp>

#include "app/languages.h"

using namespace brugpunt;

namespace {

core::Strings Po(const std::string& name, const std::string& phrase) {
    auto s = core::Strings::ParsePo("msgid \"\"\nmsgstr \"X-Language-Name: " + name +
                                    "\\n\"\n\nmsgid \"home.title\"\nmsgstr \"" + phrase + "\"\n");
    REQUIRE(s);
    return s.value();
}

core::Translations Present() {
    core::Translations t;
    t.Add("nl", Po("Nederlands", "Wat wil je doen?"));
    t.Add("ka", Po("ქართული", "რა გინდა გააკეთო?"));
    t.Add("ar", Po("العربية", "ماذا تريد أن تفعل؟"));
    t.Add("zzz", Po("\uE000\uE001", "x"));                // a name no font has: boxes on a button
    t.Add("bg", Po("Български", "Какво искаш \uE002?"));  // one phrase with a character no font has
    return t;
}

std::vector<std::string> Codes(const core::Translations& t) {
    std::vector<std::string> codes;
    for (const auto& l : t.Languages()) codes.push_back(l.code);
    return codes;
}

}  // namespace

TEST_CASE(
    "Languages offered: a name no font draws is withdrawn, a phrase with boxes is named, fonts follow") {
    core::Translations t = Present();
    core::Config config;
    app::LanguageOffer offer = app::OfferLanguages(t, config);
    CHECK(Codes(t) == std::vector<std::string>{"nl", "ka", "ar", "bg"});
    CHECK(offer.shaped);
    CHECK(std::any_of(offer.fonts.begin(), offer.fonts.end(),
                      [](const std::string& f) { return f.ends_with("/NotoSansGeorgian-Regular.ttf"); }));
    REQUIRE(offer.problems.size() == 2);
    CHECK_THAT(offer.problems[0], Catch::Contains("'zzz' is not offered") && Catch::Contains("U+E000"));
    CHECK_THAT(offer.problems[1],
               Catch::Contains("'bg'") && Catch::Contains("U+E002") && Catch::Contains("boxes"));
    CHECK_THAT(app::JoinProblems(offer.problems), Catch::Contains("; "));
    CHECK(app::NotOffered(t, "zzz") == "unknown language 'zzz' (this kiosk offers nl ka ar bg)");
}

TEST_CASE("Languages offered: the config's list picks and orders them, and names one without a file") {
    core::Translations t = Present();
    core::Config config;
    config.languages = {"ar", "ku", "ka"};
    app::LanguageOffer offer = app::OfferLanguages(t, config);
    CHECK(Codes(t) == std::vector<std::string>{"nl", "ar", "ka"});
    REQUIRE(offer.problems.size() == 1);  // bg and zzz are not asked for, so their fonts do not matter
    CHECK_THAT(offer.problems[0], Catch::Contains("'ku'") && Catch::Contains("ku.po"));
}

TEST_CASE(
    "Languages offered: a font folder without a script's font withdraws that language and says what to "
    "install") {
    core::Translations t = Present();
    app::LanguageOffer offer = app::OfferLanguages(t, core::Config{}, "/nonexistent");
    // The default fonts (Latin, Arabic, Ethiopic) are opened by name; Georgian needs the folder.
    CHECK(Codes(t) == std::vector<std::string>{"nl", "ar", "bg"});
    CHECK(offer.shaped);
    bool said = false;
    for (const auto& p : offer.problems)
        said |= p.find("'ka' is not offered") != std::string::npos &&
                p.find("fonts-noto-core") != std::string::npos;
    CHECK(said);
}
