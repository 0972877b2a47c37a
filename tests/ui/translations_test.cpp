// UI strings are data: a key used in src/ must exist in nl.po, nl.po holds no unused key, and every
// other language holds only Dutch's keys, with the same placeholders.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <regex>
#include <set>
#include <sstream>

#include "core/language.h"
#include "core/session.h"
#include "core/speech.h"
#include "core/strings.h"
#include "core/translations.h"
#include "core/words.h"
#include "read_file.h"

using namespace brugpunt;
namespace fs = std::filesystem;

namespace {

std::string Read(const fs::path& p) {
    return testing::ReadFile(p.string());
}

// Every string literal shaped like a key ("group.name") in the UI and app sources, outside
// #include lines; plus the key families built at run time from catalogue codes.
std::set<std::string> KeysUsedInSource() {
    std::set<std::string> keys;
    std::regex literal("\"([a-z_]+(?:\\.[a-z_]+)+)\"");
    std::vector<fs::path> files = {fs::path(BRUGPUNT_SOURCE_DIR) / "src/core/facts.cpp"};  // the facts' words
    for (const char* dir : {"src/ui", "src/app"})
        for (const auto& entry : fs::directory_iterator(fs::path(BRUGPUNT_SOURCE_DIR) / dir))
            files.push_back(entry.path());
    for (const auto& file : files) {
        std::istringstream lines(Read(file));
        for (std::string line; std::getline(lines, line);) {
            if (line.rfind("#include", 0) == 0) continue;
            for (std::sregex_iterator it(line.begin(), line.end(), literal), end; it != end; ++it)
                keys.insert((*it)[1]);
        }
    }
    for (const char* day : {"ma", "di", "wo", "do", "vr", "za", "zo"}) keys.insert(std::string("day.") + day);
    auto all = core::LoadTranslationsDir((fs::path(BRUGPUNT_SOURCE_DIR) / "translations").string());
    if (all)
        for (const auto& lang : all->Languages()) keys.insert("lang." + lang.code);
    // Keys the core hands to the app to say in the visitor's language.
    keys.insert(core::kWarningSpeechKey);
    keys.insert(core::kWarningSpeechModeKey);
    keys.insert(core::kSpeechOnKey);
    keys.insert(core::kSpeechOffKey);
    keys.insert(core::kAskDeskKey);
    // The facts made from catalogue fields.
    for (const auto& key : core::KeysOfWords()) keys.insert(key);
    return keys;
}

// "%d", "%s", "%lld" in order: a translation must fill the same blanks as the Dutch.
std::vector<std::string> Placeholders(const std::string& text) {
    std::vector<std::string> out;
    std::regex spec("%(lld|d|s)");
    for (std::sregex_iterator it(text.begin(), text.end(), spec), end; it != end; ++it)
        out.push_back((*it)[0]);
    return out;
}

}  // namespace

TEST_CASE("What the core says in Dutch is what nl.po says, so a translation translates those words") {
    auto nl = core::Strings::ParsePo(Read(fs::path(BRUGPUNT_SOURCE_DIR) / "translations/nl.po"));
    REQUIRE(nl);
    CHECK(nl->Get(core::kSpeechOnKey) == core::kSpeechOn);
    CHECK(nl->Get(core::kSpeechOffKey) == core::kSpeechOff);
    CHECK(nl->Get(core::kWarningSpeechModeKey) == core::kWarningSpeechMode);
    CHECK(nl->Get(core::kWarningSpeechKey) == core::kWarningSpeech);
}

TEST_CASE("Every UI key used in src/ is in translations/nl.po, and none there is unused") {
    auto nl = core::Strings::ParsePo(Read(fs::path(BRUGPUNT_SOURCE_DIR) / "translations/nl.po"));
    REQUIRE(nl);
    auto used = KeysUsedInSource();
    REQUIRE(used.size() > 50);
    for (const auto& key : used) {
        INFO("missing from nl.po: " << key);
        CHECK(nl->Has(key));
    }
    for (const auto& [key, text] : nl->Entries()) {
        INFO("unused key in nl.po: " << key);
        CHECK(used.count(key));
        INFO("empty text for " << key);
        CHECK_FALSE(text.empty());
    }
}

TEST_CASE("Every language has a .po file with only Dutch's keys and placeholders, coverage is reported") {
    auto all = core::LoadTranslationsDir((fs::path(BRUGPUNT_SOURCE_DIR) / "translations").string());
    REQUIRE(all);
    const core::Strings& nl = all->Dutch();
    // The thirteen of translations/LINGUAS, each with a .po, in that order, Dutch first.
    std::vector<std::string> codes;
    for (const auto& lang : all->Languages()) codes.push_back(lang.code);
    CHECK(codes == std::vector<std::string>{"nl", "en", "fr", "ar", "tr", "uk", "ru", "fa", "ps", "ti", "so",
                                            "ro", "pl"});
    for (const auto& lang : all->Languages()) {
        std::string code(lang.code);
        INFO("language " << code);
        REQUIRE(all->Has(code));
        CHECK(lang.native != code);  // its X-Language-Name header names it in its own script
        CHECK(lang.dutch != code);
        auto po =
            core::Strings::ParsePo(Read(fs::path(BRUGPUNT_SOURCE_DIR) / "translations" / (code + ".po")));
        REQUIRE(po);
        for (const auto& [key, text] : po->Entries()) {
            INFO(code << ".po: " << key);
            CHECK(nl.Has(key));
            CHECK(Placeholders(text) == Placeholders(nl.Get(key)));
        }
        core::Coverage c = all->CoverageOf(code);
        CHECK(c.keys == static_cast<int>(nl.Entries().size()));
        CHECK(c.translated <= c.keys);
        if (code != "nl") CHECK(c.translated > 0);
        // Printed, so a run shows where translators are needed.
        std::printf("translations: %-2s %3d of %3d keys translated (%3.0f%%), %3d reviewed\n", code.c_str(),
                    c.translated, c.keys, 100.0 * c.translated / c.keys, c.reviewed);
    }
}

TEST_CASE("A .po entry marked fuzzy is a draft, and an empty one is no translation") {
    auto po = core::Strings::ParsePo(
        "msgid \"\"\nmsgstr \"\"\n\n#, fuzzy\nmsgid \"a.b\"\nmsgstr \"draft\"\n\nmsgid \"c.d\"\nmsgstr "
        "\"checked\"\n\n"
        "msgid \"e.f\"\nmsgstr \"\"\n");
    REQUIRE(po);
    CHECK(po->Has("a.b"));
    CHECK_FALSE(po->Reviewed("a.b"));
    CHECK(po->Reviewed("c.d"));
    CHECK_FALSE(po->Has("e.f"));
    core::Translations t;
    auto nl = core::Strings::ParsePo(
        "msgid \"a.b\"\nmsgstr \"A\"\n\nmsgid \"c.d\"\nmsgstr \"C\"\n\nmsgid \"e.f\"\nmsgstr \"E\"\n");
    REQUIRE(nl);
    t.Add("nl", nl.value());
    t.Add("ar", po.value());
    core::Coverage c = t.CoverageOf("ar");
    CHECK(c.keys == 3);
    CHECK(c.translated == 2);
    CHECK(c.reviewed == 1);
    CHECK(t.Get("ar", "a.b")->text == "draft");
    CHECK_FALSE(t.Get("ar", "a.b")->reviewed);
    CHECK_FALSE(t.Get("ar", "e.f"));
}

TEST_CASE(
    "Translations: the README's table lists each language's phrases without a translation, as the files have "
    "them") {
    auto all = core::LoadTranslationsDir((fs::path(BRUGPUNT_SOURCE_DIR) / "translations").string());
    REQUIRE(all);
    const core::Strings& nl = all->Dutch();
    std::string table;
    for (const auto& lang : all->Languages()) {
        std::string code(lang.code);
        if (code == "nl") continue;
        const core::Strings* strings = all->In(code);
        std::vector<std::string> missing;
        for (const auto& [key, text] : nl.Entries())
            if (!strings || !strings->Has(key)) missing.push_back(key);
        for (const auto& key : missing)
            std::printf("translations: %s has no text for %s\n", code.c_str(), key.c_str());
        core::Coverage c = all->CoverageOf(code);
        std::string listed;
        for (size_t i = 0; i < missing.size() && i < 6; ++i)
            listed += (i ? ", " : "") + ("`" + missing[i] + "`");
        if (missing.size() > 6) listed += " and " + std::to_string(missing.size() - 6) + " more";
        table += "  | " + code + " " + std::string(lang.native) + " | " + std::to_string(c.translated) +
                 " of " + std::to_string(c.keys) + " | " + std::to_string(c.reviewed) + " | " +
                 (missing.empty() ? "none" : listed) + " |\n";
    }
    std::string readme = Read(fs::path(BRUGPUNT_SOURCE_DIR) / "README.md");
    const std::string begin = "  | --- | --- | --- | --- |\n", end = "  <!-- /phrase-coverage -->";
    size_t at = readme.find("<!-- phrase-coverage");
    REQUIRE(at != std::string::npos);
    size_t from = readme.find(begin, at);
    size_t to = readme.find(end, at);
    REQUIRE(from != std::string::npos);
    REQUIRE(to != std::string::npos);
    from += begin.size();
    INFO("the README's table should read:\n" << table);
    CHECK(readme.substr(from, to - from) == table);
}
