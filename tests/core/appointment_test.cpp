#include <catch2/catch.hpp>

#include <set>

#include "core/appointment.h"
#include "core/config.h"

using namespace brugpunt::core;
using namespace std::chrono_literals;

TEST_CASE("Belgian phone numbers normalise to +32, however they are typed") {
    CHECK(NormalizeBelgianPhone("0470 12 34 56") == "+32470123456");
    CHECK(NormalizeBelgianPhone("0470/12.34.56") == "+32470123456");
    CHECK(NormalizeBelgianPhone("+32 470 12 34 56") == "+32470123456");
    CHECK(NormalizeBelgianPhone("0032470123456") == "+32470123456");
    CHECK(NormalizeBelgianPhone("09 123 45 67") == "+3291234567");
    CHECK(NormalizeBelgianPhone("02 123 45 67") == "+3221234567");
}

TEST_CASE("Numbers that cannot be Belgian are refused") {
    for (const char* bad :
         {"", "0470 12 34 5", "0470 12 34 567", "+31 6 12345678", "0412 34 56 78", "09 123 45 678",
          "00 470 12 34 56", "470123456", "0470-12-34-5a", "++32470123456"}) {
        INFO(bad);
        CHECK_FALSE(NormalizeBelgianPhone(bad));
    }
}

TEST_CASE("The keypad shows numbers grouped the Belgian way") {
    CHECK(GroupPhoneDigits("0470123456") == "0470 12 34 56");
    CHECK(GroupPhoneDigits("047012") == "0470 12");
    CHECK(GroupPhoneDigits("091234567") == "09 123 45 67");
    CHECK(GroupPhoneDigits("") == "");
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
