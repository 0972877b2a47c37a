// Owns command-line parsing for the kiosk. Standard library only.
#include "options.h"

#include "facts.h"

#include "filter.h"
#include "language.h"
#include "screen_names.h"
#include "speech.h"

#include <algorithm>
#include <charconv>

namespace brugpunt::core {
namespace {

Error Bad(std::string message) {
    return {ErrorCode::kInvalid, std::move(message)};
}

std::optional<int> ToInt(const std::string& s, int lo, int hi) {
    int v = 0;
    auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || ptr != s.data() + s.size() || v < lo || v > hi) return std::nullopt;
    return v;
}

}  // namespace

const char* UsageText() {
    static const std::string text = [] {
        std::string steps;
        for (Step step : AllSteps()) steps += std::string(NameOf(step)) + " ";
        return "usage: brugpunt [--config FILE] [--catalogue PATH] [--assets DIR] [--dpi N] [--size WxH] "
               "[--fullscreen]\n"
               "                [--idle-seconds N] [--warning-seconds N] [--frame-stats] [--widget-map "
               "FILE]\n"
               "                [--frame-log FILE] [--speech-idle-seconds N] [--speech-log FILE]\n"
               "       brugpunt --screenshot OUT.png --screen NAME [--size WxH] [--frames N] [--lang LANG] "
               "[--subtitles]\n"
               "                [--ages A,B,...] [--together] [--when this-week|holiday]   (a filtered "
               "list)\n"
               "                NAME: attract, home, list:CATEGORY, detail:ACTIVITY_ID, contact, credits, "
               "warning, languages,\n"
               "                      appointment:STEP (" +
               steps + std::string(kInterestTarget) +
               "), staff:pin, staff:status\n"
               "       brugpunt --say ACTIVITY_ID --field "
               "title|summary|first_visit|price|when|where|age|places --lang LANG --out "
               "OUT.wav\n"
               "                [--catalogue PATH] [--config FILE]\n"
               "       brugpunt --outbox-status [--config FILE]\n"
               "       brugpunt --deliver-once --config FILE\n"
               "       brugpunt --sync-once --config FILE     (0: the catalogue is current; else the "
               "reason)\n"
               "       brugpunt --catalogue-status --config FILE\n"
               "       brugpunt --version\n";
    }();
    return text.c_str();
}

Result<ScreenRequest> ParseScreen(const std::string& text) {
    auto colon = text.find(':');
    ScreenRequest r{text.substr(0, colon), colon == std::string::npos ? "" : text.substr(colon + 1)};
    const auto targets = ScreenshotTargets();
    auto target =
        std::find_if(targets.begin(), targets.end(), [&](const auto& t) { return r.name == t.name; });
    if (target == targets.end()) return Bad("unknown screen '" + text + "'");
    if (target->takes_value && r.arg.empty())
        return Bad("--screen " + r.name + " needs a value: " + r.name + ":ID");
    if (!target->takes_value && colon != std::string::npos)
        return Bad("--screen " + r.name + " takes no ':' value");
    return r;
}

Result<Options> ParseOptions(const std::vector<std::string>& args) {
    Options o;
    for (size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        auto value = [&]() -> std::optional<std::string> {
            if (i + 1 >= args.size()) return std::nullopt;
            return args[++i];
        };
        auto need = [&](std::optional<std::string> v) -> Result<std::string> {
            if (!v) return Bad(a + " needs a value");
            return *v;
        };
        if (a == "--version") {
            o.show_version = true;
        } else if (a == "--help" || a == "-h") {
            o.show_help = true;
        } else if (a == "--fullscreen") {
            o.fullscreen = true;
        } else if (a == "--frame-stats") {
            o.frame_stats = true;
        } else if (a == "--outbox-status") {
            o.outbox_status = true;
        } else if (a == "--deliver-once") {
            o.deliver_once = true;
        } else if (a == "--sync-once") {
            o.sync_once = true;
        } else if (a == "--catalogue-status") {
            o.catalogue_status = true;
        } else if (a == "--subtitles") {
            o.subtitles = true;
        } else if (a == "--together") {
            o.together = true;
        } else if (a == "--lang" || a == "--say" || a == "--field" || a == "--out") {
            auto v = need(value());
            if (!v) return v.error();
            if (a == "--lang") {
                // Which languages there are is known once the translations are read.
                if (!IsLanguageCode(v.value()))
                    return Bad("--lang wants a language code such as nl, ar or so, not '" + v.value() + "'");
                o.lang = v.value();
            } else if (a == "--say") {
                o.say = v.value();
            } else if (a == "--field") {
                if (!IsSpokenField(v.value()) && !IsFactField(v.value()))
                    return Bad(
                        "--field wants title, summary, first_visit, price, when, where, age or places, not "
                        "'" +
                        v.value() + "'");
                o.field = v.value();
            } else {
                o.out = v.value();
            }
        } else if (a == "--config" || a == "--widget-map" || a == "--frame-log" || a == "--catalogue" ||
                   a == "--assets" || a == "--screenshot" || a == "--screen" || a == "--size" ||
                   a == "--frames" || a == "--dpi" || a == "--idle-seconds" || a == "--warning-seconds" ||
                   a == "--speech-idle-seconds" || a == "--speech-log" || a == "--ages" || a == "--when") {
            auto v = need(value());
            if (!v) return v.error();
            const std::string& s = v.value();
            if (a == "--config")
                o.config = s;
            else if (a == "--widget-map")
                o.widget_map = s;
            else if (a == "--frame-log")
                o.frame_log = s;
            else if (a == "--speech-log")
                o.speech_log = s;
            else if (a == "--catalogue")
                o.catalogue = s;
            else if (a == "--assets")
                o.assets = s;
            else if (a == "--screenshot")
                o.screenshot = s;
            else if (a == "--when") {
                if (s == "this-week")
                    o.when = When::kThisWeek;
                else if (s == "holiday")
                    o.when = When::kHoliday;
                else
                    return Bad("--when wants this-week or holiday, not '" + s + "'");
            } else if (a == "--ages") {
                o.ages.clear();
                for (size_t start = 0; start <= s.size();) {
                    size_t comma = std::min(s.find(',', start), s.size());
                    auto age = ToInt(s.substr(start, comma - start), 0, 99);
                    if (!age || o.ages.size() == kMaxAges)
                        return Bad("--ages wants up to 4 ages 0..99, like 5,9, not '" + s + "'");
                    o.ages.push_back(*age);
                    start = comma + 1;
                }
            } else if (a == "--screen") {
                auto r = ParseScreen(s);
                if (!r) return r.error();
                o.screen = r.value();
            } else if (a == "--size") {
                auto x = s.find('x');
                auto w = x == std::string::npos ? std::nullopt : ToInt(s.substr(0, x), 320, 8192);
                auto h = x == std::string::npos ? std::nullopt : ToInt(s.substr(x + 1), 320, 8192);
                if (!w || !h) return Bad("--size wants WIDTHxHEIGHT, each 320..8192, not '" + s + "'");
                o.width = *w;
                o.height = *h;
                o.size_given = true;
            } else if (a == "--frames") {
                auto n = ToInt(s, 1, 1000);
                if (!n) return Bad("--frames wants a number 1..1000, not '" + s + "'");
                o.frames = *n;
            } else if (a == "--dpi") {
                auto n = ToInt(s, 48, 600);
                if (!n) return Bad("--dpi wants a number 48..600, not '" + s + "'");
                o.dpi = static_cast<float>(*n);
            } else if (a == "--idle-seconds" || a == "--warning-seconds") {
                auto n = ToInt(s, 5, 3600);
                if (!n) return Bad(a + " wants a number of seconds 5..3600, not '" + s + "'");
                (a == "--idle-seconds" ? o.idle_seconds : o.warning_seconds) = *n;
            } else if (a == "--speech-idle-seconds") {
                auto n = ToInt(s, 5, 3600);
                if (!n) return Bad(a + " wants a number of seconds 5..3600, not '" + s + "'");
                o.speech_idle_seconds = *n;
            }
        } else {
            return Bad("unknown option '" + a + "' (see --help)");
        }
    }
    if (o.screenshot && !o.screen) return Bad("--screenshot needs --screen NAME");
    if (o.screen && !o.screenshot) return Bad("--screen goes with --screenshot OUT.png");
    if (o.outbox_status + o.deliver_once + o.sync_once + o.catalogue_status > 1)
        return Bad("--outbox-status, --deliver-once, --sync-once and --catalogue-status go one at a time");
    if ((o.sync_once || o.catalogue_status) && o.config.empty())
        return Bad(std::string(o.sync_once ? "--sync-once" : "--catalogue-status") +
                   " needs --config FILE (catalogue_url and sync_public_key)");
    if (o.say && o.out.empty()) return Bad("--say needs --out OUT.wav");
    if (!o.say && (!o.out.empty() || !o.field.empty()))
        return Bad("--out and --field go with --say ACTIVITY_ID");
    if (o.say && o.field.empty()) o.field = "summary";
    if (o.deliver_once && o.config.empty())
        return Bad("--deliver-once needs --config FILE (where to deliver)");
    return o;
}

}  // namespace brugpunt::core
