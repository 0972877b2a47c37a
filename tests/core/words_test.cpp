#include <catch2/catch.hpp>

#include "core/plural.h"
#include "core/strings.h"
#include "core/words.h"

using namespace brugpunt::core;

namespace {

// The rules of the kiosk's languages, as their .po headers write them.
constexpr const char* kArabic =
    "nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);";
constexpr const char* kRussian =
    "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);";
constexpr const char* kPolish =
    "nplurals=3; plural=(n==1 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);";
constexpr const char* kRomanian =
    "nplurals=3; plural=(n==1 ? 0 : (n==0 || (n%100 > 0 && n%100 < 20)) ? 1 : 2);";

Strings Po(const std::string& text) {
    auto s = Strings::ParsePo(text);
    REQUIRE(s);
    return s.value();
}

}  // namespace

TEST_CASE("Plural rules pick the form gettext would") {
    auto form = [](const char* rule, long long n) {
        auto r = PluralRule::Parse(rule);
        REQUIRE(r);
        return r->FormFor(n);
    };
    CHECK(PluralRule().FormFor(1) == 0);
    CHECK(PluralRule().FormFor(0) == 1);
    CHECK(PluralRule().FormFor(2) == 1);
    for (auto [n, f] : {std::pair{0, 0},
                        {1, 1},
                        {2, 2},
                        {3, 3},
                        {10, 3},
                        {11, 4},
                        {99, 4},
                        {100, 5},
                        {102, 5},
                        {103, 3},
                        {111, 4}})
        CHECK(form(kArabic, n) == f);
    for (auto [n, f] : {std::pair{1, 0}, {21, 0}, {11, 2}, {2, 1}, {4, 1}, {22, 1}, {12, 2}, {5, 2}, {0, 2}})
        CHECK(form(kRussian, n) == f);
    for (auto [n, f] : {std::pair{1, 0}, {21, 2}, {2, 1}, {22, 1}, {12, 2}, {5, 2}})
        CHECK(form(kPolish, n) == f);
    for (auto [n, f] : {std::pair{1, 0}, {0, 1}, {19, 1}, {20, 2}, {101, 1}, {120, 2}})
        CHECK(form(kRomanian, n) == f);
    CHECK(form("nplurals=2; plural=(n > 1);", 0) == 0);
    CHECK(form("nplurals=1; plural=0;", 7) == 0);
    // A rule that names a form past nplurals gets the last one, never an index out of range.
    CHECK(form("nplurals=2; plural=n;", 5) == 1);
}

TEST_CASE("Broken plural rules are rejected with a reason") {
    for (const char* bad :
         {"", "nplurals=2;", "plural=(n != 1);", "nplurals=x; plural=n;", "nplurals=9; plural=n;",
          "nplurals=2; plural=(n != 1;", "nplurals=2; plural=n ? 1;", "nplurals=2; plural=m;",
          "nplurals=2; plural=n != 1 junk;"})
        CHECK_FALSE(PluralRule::Parse(bad));
    std::string deep = "nplurals=2; plural=" + std::string(200, '(') + "n" + std::string(200, ')') + ";";
    auto r = PluralRule::Parse(deep);
    REQUIRE_FALSE(r);
    CHECK_THAT(r.error().message, Catch::Contains("nested"));
}

TEST_CASE("A .po file's plural entries follow its Plural-Forms header") {
    Strings ru = Po(std::string("msgid \"\"\nmsgstr \"\"\n\"Plural-Forms: ") + kRussian +
                    "\\n\"\n\n#, fuzzy\nmsgid \"n.days\"\nmsgid_plural \"n.days\"\nmsgstr[0] \"%d день\"\n"
                    "msgstr[1] \"%d дня\"\nmsgstr[2] \"%d \"\n\"дней\"\n");
    CHECK(ru.Rule().Count() == 3);
    CHECK(ru.IsPlural("n.days"));
    CHECK(ru.Plural("n.days", 21) == "%d день");
    CHECK(ru.Plural("n.days", 3) == "%d дня");
    CHECK(ru.Plural("n.days", 11) == "%d дней");
    CHECK_FALSE(ru.Reviewed("n.days"));
    CHECK(ru.Plural("missing", 2) == "missing");
    // Without a header: one and other.
    Strings nl = Po("msgid \"k\"\nmsgid_plural \"k\"\nmsgstr[0] \"%d kind\"\nmsgstr[1] \"%d kinderen\"\n");
    CHECK(nl.Plural("k", 1) == "%d kind");
    CHECK(nl.Plural("k", 0) == "%d kinderen");
    // A plain entry is its own only form.
    Strings plain = Po("msgid \"k\"\nmsgstr \"%d keer\"\n");
    CHECK(plain.Plural("k", 3) == "%d keer");

    auto err = [](const std::string& text) {
        auto s = Strings::ParsePo(text);
        REQUIRE_FALSE(s);
        return s.error().message;
    };
    // Two forms where the header names three: the file names the line of the entry.
    CHECK_THAT(err(std::string("msgid \"\"\nmsgstr \"Plural-Forms: ") + kRussian +
                   "\\n\"\n\nmsgid \"k\"\nmsgid_plural \"k\"\nmsgstr[0] \"a\"\nmsgstr[1] \"b\"\n"),
               Catch::Contains("line 4") && Catch::Contains("2 forms"));
    CHECK_THAT(err("msgid \"\"\nmsgstr \"Plural-Forms: nplurals=2; plural=(n !=;\\n\"\n"),
               Catch::Contains("line 1") && Catch::Contains("plural="));
    CHECK_THAT(err("msgid \"k\"\nmsgstr[0] \"a\"\n"), Catch::Contains("without msgid_plural"));
    CHECK_THAT(err("msgid \"k\"\nmsgid_plural \"k\"\nmsgstr[1] \"a\"\n"),
               Catch::Contains("msgstr[0] expected"));
    CHECK_THAT(err("msgid \"k\"\nmsgid_plural \"k\"\nmsgstr \"a\"\n"), Catch::Contains("msgstr[N]"));
    CHECK_THAT(err("msgid \"k\"\nmsgid_plural \"k\"\nmsgstr[0] \"a\"\nmsgstr[1] \"\"\n"),
               Catch::Contains("one is empty"));
}

namespace {

const char* kDutchPo = R"(msgid ""
msgstr ""
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "day.wo"
msgstr "woensdag"
msgid "day.za"
msgstr "zaterdag"
msgid "day.ma"
msgstr "maandag"
msgid "list.and"
msgstr "%s en %s"
msgid "list.comma"
msgstr ", "
msgid "days.every"
msgstr "elke dag"
msgid "month.12"
msgstr "december"
msgid "date.long"
msgstr "%d %s %d"
msgid "when.from_to"
msgstr "%s tot %s"
msgid "price.free"
msgstr "gratis"
msgid "price.amount"
msgstr "%s %s"
msgid "age.range"
msgstr "%d tot %d jaar"
)";

const char* kArabicPo = R"(msgid ""
msgstr ""
"Plural-Forms: nplurals=6; plural=(n==0 ? 0 : n==1 ? 1 : n==2 ? 2 : n%100>=3 && n%100<=10 ? 3 : n%100>=11 ? 4 : 5);\n"

msgid "day.wo"
msgstr "الأربعاء"
msgid "day.za"
msgstr "السبت"
#, fuzzy
msgid "list.and"
msgstr "%s و%s"
msgid "month.9"
msgstr "سبتمبر"
msgid "month.6"
msgstr "يونيو"
msgid "season.from_to"
msgstr "من %s إلى %s"
msgid "price.amount"
msgstr "%s %s"
msgid "price.per.keer"
msgstr "للمرة"
msgid "price.for.lessen"
msgid_plural "price.for.lessen"
msgstr[0] "%d دروس"
msgstr[1] "درس واحد"
msgstr[2] "درسان"
msgstr[3] "%d دروس"
msgstr[4] "%d درسا"
msgstr[5] "%d درس"
msgid "age.range"
msgstr "من %d إلى %d سنة"
)";

}  // namespace

TEST_CASE("Facts are made from the catalogue's fields in the visitor's language") {
    Strings nl_strings = Po(kDutchPo), ar_strings = Po(kArabicPo);
    Words nl(nl_strings, true), ar(ar_strings, false);
    std::vector<Weekday> days{Weekday::kWed, Weekday::kSat};

    CHECK(DaysLong(days, nl) == "woensdag en zaterdag");
    CHECK(DaysLong({Weekday::kMon, Weekday::kWed, Weekday::kSat}, nl) == "maandag, woensdag en zaterdag");
    CHECK(JoinList({"a"}, nl) == "a");
    CHECK(JoinList({}, nl).empty());
    CHECK(DaysLong(days, ar) == "الأربعاء والسبت");
    CHECK(ar.TakeDrafts());  // "و" is a draft
    CHECK_FALSE(ar.TakeDrafts());

    Audience au;
    au.age_min = 6, au.age_max = 12;
    CHECK(AgeText(au, ar) == "من 6 إلى 12 سنة");
    CHECK_FALSE(ar.TakeDrafts());

    Price p;
    p.cents = 350, p.period = "per keer";
    CHECK(PriceText(p, nl) == "€ 3,50 per keer");
    CHECK(PriceText(p, ar) == "€ 3,50 للمرة");
    p.period = "voor 10 lessen";
    CHECK(PriceText(p, ar) == "€ 3,50 10 دروس");  // Arabic's form for 3 to 10
    p.period = "voor 11 lessen";
    CHECK(PriceText(p, ar) == "€ 3,50 11 درسا");  // and for 11 to 99
    p.period = "voor 1 les";
    CHECK(PriceText(p, ar) == "€ 3,50 درس واحد");
    p.period = "Voor 10 lessen.";
    CHECK(Complete(PriceText(p, ar)));
    // A period nobody has a template for stays Dutch in Dutch and is no translation elsewhere.
    p.period = "per gezin";
    CHECK(PriceText(p, nl) == "€ 3,50 per gezin");
    CHECK_FALSE(Complete(PriceText(p, ar)));
    p.cents = 0;
    CHECK(PriceText(p, nl) == "gratis");
    CHECK_FALSE(Complete(PriceText(p, ar)));  // Arabic has no "price.free" here

    CHECK(SeasonText("september tot juni", ar) == "من سبتمبر إلى يونيو");
    CHECK(SeasonText("september tot juni", nl) == "september tot juni");
    CHECK_FALSE(Complete(SeasonText("als het mooi weer is", ar)));

    // Dutch shows a gap as its key; another language marks it missing.
    CHECK(DateLong({2026, 12, 12}, nl) == "12 december 2026");
    CHECK_FALSE(Complete(DateLong({2026, 12, 12}, ar)));
    CHECK(OccurrenceDay({{2026, 12, 12}, {2026, 12, 12}, "", ""}, nl) == "zaterdag 12 december 2026");
}

TEST_CASE("Filling a translated template treats it as data") {
    Strings s = Po("msgid \"a\"\nmsgstr \"100% %s, %d and %lld %q\"\nmsgid \"b\"\nmsgstr \"%s %s %s\"\n");
    Words w(s, false);
    CHECK(w.Fill("a", {"x", "2", "3"}) == "100% x, 2 and 3 %q");
    CHECK(w.Fill("b", {"x"}) == "x  ");
}
