#include <catch2/catch.hpp>

#include "core/options.h"

using namespace brugpunt::core;

TEST_CASE("The default is the kiosk on the bundled demo") {
    auto o = ParseOptions({});
    REQUIRE(o);
    CHECK(o->catalogue.empty());
    CHECK_FALSE(o->screenshot);
    CHECK(o->dpi == 96.0f);
    CHECK(o->idle_seconds == 90);
}

TEST_CASE("A screenshot takes a screen, a size and a frame count") {
    auto o = ParseOptions({"--screenshot", "/tmp/x.png", "--screen", "detail:voetbal-u8", "--size",
                           "1080x1920", "--frames", "5"});
    REQUIRE(o);
    CHECK(*o->screenshot == "/tmp/x.png");
    CHECK(o->screen->name == "detail");
    CHECK(o->screen->arg == "voetbal-u8");
    CHECK(o->width == 1080);
    CHECK(o->height == 1920);
    CHECK(o->frames == 5);
}

TEST_CASE("Bad arguments give a one-line reason") {
    auto bad = [](std::vector<std::string> args) {
        auto o = ParseOptions(args);
        REQUIRE_FALSE(o);
        CHECK(o.error().message.find('\n') == std::string::npos);
        return o.error().message;
    };
    CHECK_THAT(bad({"--nope"}), Catch::Contains("unknown option"));
    CHECK_THAT(bad({"--catalogue"}), Catch::Contains("needs a value"));
    CHECK_THAT(bad({"--size", "big"}), Catch::Contains("WIDTHxHEIGHT"));
    CHECK_THAT(bad({"--size", "10x10"}), Catch::Contains("320..8192"));
    CHECK_THAT(bad({"--dpi", "-3"}), Catch::Contains("--dpi"));
    CHECK_THAT(bad({"--screenshot", "x.png"}), Catch::Contains("--screen"));
    CHECK_THAT(bad({"--screen", "home"}), Catch::Contains("--screenshot"));
    CHECK_THAT(bad({"--screenshot", "x.png", "--screen", "kitchen"}), Catch::Contains("unknown screen"));
    CHECK_THAT(bad({"--screenshot", "x.png", "--screen", "list"}), Catch::Contains("list:ID"));
    CHECK_THAT(bad({"--screenshot", "x.png", "--screen", "home:x"}), Catch::Contains("takes no"));
    CHECK_THAT(bad({"--idle-seconds", "1"}), Catch::Contains("5..3600"));
    CHECK_THAT(bad({"--lang", "Arabisch"}), Catch::Contains("not 'Arabisch'"));
    CHECK_THAT(bad({"--say", "voetbal-u8"}), Catch::Contains("--say needs --out"));
    CHECK_THAT(bad({"--say", "voetbal-u8", "--field", "colour", "--out", "x.wav"}),
               Catch::Contains("--field wants"));
    CHECK_THAT(bad({"--out", "x.wav"}), Catch::Contains("go with --say"));
}

TEST_CASE("The say option takes an activity, a field (summary by default), a language and a WAV") {
    auto o = ParseOptions({"--say", "voetbal-u8", "--lang", "ar", "--out", "/tmp/x.wav"});
    REQUIRE(o);
    CHECK(*o->say == "voetbal-u8");
    CHECK(o->field == "summary");
    CHECK(o->lang == "ar");
    CHECK(o->out == "/tmp/x.wav");
    auto shot =
        ParseOptions({"--screenshot", "x.png", "--screen", "languages", "--lang", "ti", "--subtitles"});
    REQUIRE(shot);
    CHECK(shot->screen->name == "languages");
    CHECK(shot->subtitles);
}

TEST_CASE("Sync verbs need a config and go one at a time, the frame log takes a file") {
    auto o = ParseOptions({"--sync-once", "--config", "k.conf"});
    REQUIRE(o);
    CHECK(o->sync_once);
    o = ParseOptions({"--catalogue-status", "--config", "k.conf"});
    REQUIRE(o);
    CHECK(o->catalogue_status);
    CHECK_THAT(ParseOptions({"--sync-once"}).error().message, Catch::Contains("needs --config FILE"));
    CHECK_THAT(ParseOptions({"--sync-once", "--deliver-once", "--config", "k.conf"}).error().message,
               Catch::Contains("one at a time"));
    o = ParseOptions({"--frame-log", "/tmp/frames.txt"});
    REQUIRE(o);
    CHECK(o->frame_log == "/tmp/frames.txt");
    CHECK_THAT(ParseOptions({"--frame-log"}).error().message, Catch::Contains("needs a value"));
}
