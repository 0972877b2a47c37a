// Owns the kiosk's command line: what the user asked for, or a one-line error. Standard library only.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "filter.h"
#include "result.h"

namespace brugpunt::core {

struct ScreenRequest {
    std::string name;  // attract, home, list, detail, contact, credits, warning
    std::string arg;   // the CATEGORY of list:, the ACTIVITY_ID of detail:
};

struct Options {
    bool show_version = false;
    bool show_help = false;
    std::string catalogue;  // empty: the bundled demo
    std::string assets;     // empty: found next to the binary
    std::optional<std::string> screenshot;
    std::optional<ScreenRequest> screen;
    int width = 1920;
    int height = 1080;
    bool size_given = false;
    int frames = 3;
    float dpi = 96.0f;
    bool fullscreen = false;
    int idle_seconds = 90;
    int warning_seconds = 20;
    int speech_idle_seconds = 240;  // the quiet time before the warning in speech mode
    bool frame_stats = false;       // print frames drawn and sessions wiped on exit
    std::string config;             // the kiosk's config file; empty: defaults (no delivery)
    std::string widget_map;         // test hook: keep FILE updated with where each widget was drawn
    std::string frame_log;          // benchmark hook: one line per drawn frame (time, CPU time, sync state)
    std::string speech_log;         // test hook: one line per utterance the kiosk says, as it says it
    bool outbox_status = false;
    bool deliver_once = false;
    bool sync_once = false;          // one catalogue sync, then exit
    bool catalogue_status = false;   // which synced catalogue a restart would load
    std::string lang = "nl";         // the visitor's language for --screenshot and --say
    bool subtitles = false;          // --screenshot with subtitles on
    std::vector<int> ages;           // --ages 5,9: a list screenshot filtered for these children
    bool together = false;           // --together: ...for what fits all of them
    When when = When::kAny;          // --when this-week|holiday: a list screenshot for then
    std::optional<std::string> say;  // --say ACTIVITY_ID: write what the kiosk would play
    std::string field;               // title, summary or first_visit
    std::string out;                 // the WAV --say writes
};

Result<Options> ParseOptions(const std::vector<std::string>& args);
Result<ScreenRequest> ParseScreen(const std::string& text);
const char* UsageText();

}  // namespace brugpunt::core
