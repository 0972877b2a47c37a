#include <catch2/catch.hpp>

#include <set>

#include "core/appointment.h"
#include "core/config.h"

using namespace brugpunt::core;
using namespace std::chrono_literals;

namespace {
std::optional<std::string> Belgian(std::string_view typed) {
    return CheckPhone(typed, "BE").e164;
}
}  // namespace

TEST_CASE("Belgian phone numbers normalise to +32, however they are typed") {
    CHECK(Belgian("0470 12 34 56") == "+32470123456");
    CHECK(Belgian("0470/12.34.56") == "+32470123456");
    CHECK(Belgian("+32 470 12 34 56") == "+32470123456");
    CHECK(Belgian("+32 0470 12 34 56") == "+32470123456");  // the 0 typed after the code by habit
    CHECK(Belgian("0032470123456") == "+32470123456");
    CHECK(Belgian("09 123 45 67") == "+3291234567");
    CHECK(Belgian("02 123 45 67") == "+3221234567");
}

TEST_CASE("Numbers that cannot be Belgian are refused, each with its reason") {
    struct Case {
        const char* typed;
        PhoneProblem problem;
        int missing, extra;
    };
    for (auto [typed, problem, missing, extra] : {
             Case{"", PhoneProblem::kEmpty, 0, 0},
             Case{"0470 12 34 5", PhoneProblem::kTooShort, 1, 0},
             Case{"047", PhoneProblem::kTooShort, 6, 0},
             Case{"0470 12 34 567", PhoneProblem::kTooLong, 0, 1},
             Case{"0412 34 56 78", PhoneProblem::kNotMobileOrFixed, 0, 0},
             Case{"09 123 45 678", PhoneProblem::kTooLong, 0, 1},
             Case{"470123456", PhoneProblem::kNotMobileOrFixed, 0, 0},
             Case{"00 0470 12 34 56", PhoneProblem::kUnknownCode, 0, 0},
             Case{"0470-12-34-5a", PhoneProblem::kNotANumber, 0, 0},
             Case{"++32470123456", PhoneProblem::kNotANumber, 0, 0},
         }) {
        INFO(typed);
        PhoneCheck c = CheckPhone(typed, "BE");
        CHECK_FALSE(c.e164);
        CHECK(c.problem == problem);
        CHECK(c.missing == missing);
        CHECK(c.extra == extra);
    }
}

TEST_CASE("Numbers from abroad: picked country, or read from a + code whatever the picked country") {
    CHECK(CheckPhone("050 123 45 67", "UA").e164 == "+380501234567");      // Kyivstar, with the trunk 0
    CHECK(CheckPhone("50 123 45 67", "UA").e164 == "+380501234567");       // and without
    CHECK(CheckPhone("+380 50 123 45 67", "BE").e164 == "+380501234567");  // + wins over the pick
    CHECK(CheckPhone("0031 6 12345678", "BE").e164 == "+31612345678");     // a Dutch SIM
    CHECK(CheckPhone("06 12345678", "NL").e164 == "+31612345678");
    CHECK(CheckPhone("8 912 345 67 89", "RU").e164 == "+79123456789");    // Russia's trunk is 8
    CHECK(CheckPhone("+352 621 123 456", "BE").e164 == "+352621123456");  // +352, not +35
    CHECK(CheckPhone("07 123 456", "ER").e164 == "+2917123456");
    CHECK(CheckPhone("512 345 678", "PL").e164 == "+48512345678");          // Poland has no trunk
    CHECK(CheckPhone("+234 803 123 4567", "BE").e164 == "+2348031234567");  // Nigeria: not listed, E.164
    CHECK(CheckPhone("050 123 45 67", "UA").country == FindPhoneCountry("UA"));
    CHECK(CheckPhone("+380501234567", "BE").country->dutch == "Oekraïne");

    PhoneCheck short_ua = CheckPhone("050 123 45", "UA");
    CHECK(short_ua.problem == PhoneProblem::kTooShort);
    CHECK(short_ua.missing == 2);
    CHECK(CheckPhone("+999 1234 5678", "BE").problem == PhoneProblem::kUnknownCode);
    CHECK(CheckPhone("+234 1", "BE").problem == PhoneProblem::kTooShort);
    CHECK(CheckPhone("+234 8031 2345 6789 01", "BE").problem == PhoneProblem::kTooLong);
    CHECK(CheckPhone("00 06 12345678", "NL").problem == PhoneProblem::kUnknownCode);
}

TEST_CASE("Every listed country has a unique code, a Dutch name, its own name and sane lengths") {
    std::set<std::string_view> iso, dial;
    for (const auto& c : PhoneCountries()) {
        INFO(c.iso);
        CHECK(iso.insert(c.iso).second);
        CHECK(dial.insert(c.dial).second);
        CHECK_FALSE(c.dutch.empty());
        CHECK_FALSE(c.endonym.empty());
        CHECK(c.min_digits >= 4);
        CHECK(c.min_digits <= c.max_digits);
        CHECK(c.dial.size() + c.max_digits <= 15);  // E.164
        // The shortest number of each country passes the check, and one digit less does not.
        std::string shortest = std::string(c.trunk) + "5" + std::string(c.min_digits - 1, '1');
        if (c.iso == "BE") shortest = "021234567";
        CHECK(CheckPhone(shortest, c.iso).e164);
        CHECK_FALSE(CheckPhone(shortest.substr(0, shortest.size() - 1), c.iso).e164);
    }
    CHECK(PhoneCountries().front().iso == kHomeCountry);
}

TEST_CASE("The keypad shows numbers grouped the Belgian way at home, in threes elsewhere") {
    CHECK(GroupPhone("0470123456", "BE") == "0470 12 34 56");
    CHECK(GroupPhone("047012", "BE") == "0470 12");
    CHECK(GroupPhone("091234567", "BE") == "09 123 45 67");
    CHECK(GroupPhone("0501234567", "UA") == "050 123 456 7");
    CHECK(GroupPhone("+380501234567", "BE") == "+380 501 234 567");
    CHECK(GroupPhone("0031612345678", "BE") == "0031 612 345 678");
    CHECK(GroupPhone("+3", "BE") == "+3");
    CHECK(GroupPhone("", "BE") == "");
}

TEST_CASE("A request is complete with consent and a way to reach the visitor") {
    AppointmentRequest r;
    CHECK_THAT(MissingFields(r), Catch::VectorContains(std::string("consent")));
    CHECK_THAT(MissingFields(r), Catch::VectorContains(std::string("phone")));
    r.consent = true;
    r.contact = ContactMode::kComeBack;
    CHECK(MissingFields(r).empty());
    r.contact = ContactMode::kPhone;
    r.phone = "0470 12 34 56";
    CHECK(MissingFields(r).empty());
    r.activity_ids = {"a", "b", "c", "d"};
    CHECK_THAT(MissingFields(r), Catch::VectorContains(std::string("activities")));
}

TEST_CASE("An interest request is about one activity and needs a phone number") {
    AppointmentRequest r;
    r.kind = RequestKind::kInterest;
    r.consent = true;
    r.contact = ContactMode::kComeBack;
    r.activity_ids = {"muziekacademie"};
    CHECK_THAT(MissingFields(r), Catch::VectorContains(std::string("phone")));
    r.contact = ContactMode::kPhone;
    r.phone = "0470123456";
    CHECK(MissingFields(r).empty());
}

TEST_CASE("Reference codes are short, readable and spread out") {
    CHECK(ReferenceCode({0, 1, 2, 3, 4, 5}) == "234-567");
    std::set<std::string> seen;
    for (int i = 0; i < 256; ++i) {
        auto b = static_cast<uint8_t>(i);
        std::string code =
            ReferenceCode({b, uint8_t(b * 7), uint8_t(b * 13), uint8_t(b + 1), uint8_t(b * 3), 9});
        CHECK(code.size() == 7);
        CHECK(code.find_first_of("01OIL") == std::string::npos);
        seen.insert(code);
    }
    CHECK(seen.size() > 200);
}

TEST_CASE("Retry delays grow exponentially with jitter, up to a cap, never under a second") {
    CHECK(RetryDelay(0, 0.0) == 1000ms);
    CHECK(RetryDelay(0, 0.5) == 15000ms);
    CHECK(RetryDelay(3, 0.5) == 120000ms);  // window 30 s * 2^3 = 240 s
    CHECK(RetryDelay(30, 0.99) <= 6h);
    CHECK(RetryDelay(30, 0.99) > 5h);
    CHECK(RetryDelay(1000, 0.5) == RetryDelay(40, 0.5));
}

TEST_CASE("The config file reads key = value and refuses typos") {
    auto c = ParseConfig(
        "# kiosk\nkiosk_id = bib-1\n delivery=webhook \nwebhook_url = https://x/y\n"
        "webhook_secret = s\nretention_days = 14\n");
    REQUIRE(c);
    CHECK(c->kiosk_id == "bib-1");
    CHECK(c->delivery == "webhook");
    CHECK(c->retention_days == 14);
    CHECK_THAT(ParseConfig("kiosk = x\n").error().message, Catch::Contains("line 1: unknown key 'kiosk'"));
    CHECK_THAT(ParseConfig("\nretention_days = lang\n").error().message, Catch::Contains("line 2"));
    CHECK_THAT(ParseConfig("delivery = fax\n").error().message, Catch::Contains("none, webhook or smtp"));
    CHECK_THAT(ParseConfig("delivery = webhook\n").error().message, Catch::Contains("webhook_secret"));
    CHECK_THAT(ParseConfig("delivery = smtp\nsmtp_url = smtp://x\n").error().message,
               Catch::Contains("mail_to"));
}

TEST_CASE("The config file names a receipt printer: a device file or a CUPS queue, and its width in dots") {
    auto none = ParseConfig("");
    REQUIRE(none);
    CHECK(none->printer.empty());
    CHECK(none->printer_dots == 576);
    auto usb = ParseConfig("printer = /dev/usb/lp0\nprinter_dots = 384\n");
    REQUIRE(usb);
    CHECK(usb->printer == "/dev/usb/lp0");
    CHECK(usb->printer_dots == 384);
    REQUIRE(ParseConfig("printer = cups:balie\n"));
    CHECK_THAT(ParseConfig("printer = lp0\n").error().message, Catch::Contains("device file"));
    CHECK_THAT(ParseConfig("printer = cups:\n").error().message, Catch::Contains("cups:QUEUE"));
    CHECK_THAT(ParseConfig("printer_dots = 500\n").error().message, Catch::Contains("multiple of 8"));
}

TEST_CASE("The config file sets the audio: reviewed translations only, the cache, the volume") {
    auto c = ParseConfig("audio_reviewed_only = yes\naudio_cache = /var/cache/brugpunt\nvolume = 60\n");
    REQUIRE(c);
    CHECK(c->audio_reviewed_only);
    CHECK(c->audio_cache == "/var/cache/brugpunt");
    CHECK(c->volume == 60);
    auto d = ParseConfig("");
    REQUIRE(d);
    CHECK_FALSE(d->audio_reviewed_only);
    CHECK(d->volume == 80);
    CHECK_THAT(ParseConfig("audio_reviewed_only = ja\n").error().message, Catch::Contains("yes or no"));
    CHECK_THAT(ParseConfig("volume = 5\n").error().message, Catch::Contains("10 to 100"));
}
