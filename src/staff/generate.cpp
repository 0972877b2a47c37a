// Owns the generator and the HTML export.
#include "generate.h"

#include "core/strings.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <random>

namespace fs = std::filesystem;

namespace brugpunt::staff {
namespace {

// A mono 16-bit WAV of noise shaped like speech (a few seconds), different for every index.
bool WriteClip(const fs::path& path, unsigned seed) {
    const uint32_t rate = 22050, samples = rate * 3;
    std::mt19937 rng(seed);
    std::normal_distribution<float> noise(0, 3000);
    std::string data;
    data.reserve(samples * 2);
    for (uint32_t i = 0; i < samples; ++i) {
        float envelope = (i / (rate / 4)) % 2 ? 1.0f : 0.3f;  // syllable-like bursts
        auto s = static_cast<int16_t>(std::clamp(noise(rng) * envelope, -32000.0f, 32000.0f));
        data.push_back(static_cast<char>(s & 0xFF));
        data.push_back(static_cast<char>((s >> 8) & 0xFF));
    }
    auto u32 = [](uint32_t v) { return std::string{char(v), char(v >> 8), char(v >> 16), char(v >> 24)}; };
    auto u16 = [](uint16_t v) { return std::string{char(v), char(v >> 8)}; };
    std::string wav = "RIFF" + u32(36 + static_cast<uint32_t>(data.size())) + "WAVEfmt " + u32(16) + u16(1) +
                      u16(1) + u32(rate) + u32(rate * 2) + u16(2) + u16(16) + "data" +
                      u32(static_cast<uint32_t>(data.size())) + data;
    std::ofstream out(path, std::ios::binary);
    return static_cast<bool>(out << wav);
}

}  // namespace

core::Result<core::Catalogue> Generate(const core::Catalogue& base, const GenerateOptions& o,
                                       const std::string& out_catalogue) {
    if (base.activities.empty())
        return core::Error{core::ErrorCode::kInvalid, "the base catalogue has no activities"};
    if (o.count < 1 || o.count > 100000)
        return core::Error{core::ErrorCode::kInvalid, "--count must be 1 to 100000"};
    fs::path media = fs::path(out_catalogue).parent_path() / "media";
    std::error_code ec;
    fs::create_directories(media, ec);
    if (ec) return core::Error{core::ErrorCode::kIo, "cannot create " + media.string() + ": " + ec.message()};
    std::mt19937 rng(o.seed);
    auto pick = [&](int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng); };
    static const char* kPlaces[] = {"Noord",  "Zuid",  "Centrum", "Meersen",
                                    "Kouter", "Heide", "Dorp",    "Station"};
    static const core::Weekday kDays[] = {core::Weekday::kMon, core::Weekday::kTue, core::Weekday::kWed,
                                          core::Weekday::kThu, core::Weekday::kFri, core::Weekday::kSat,
                                          core::Weekday::kSun};
    core::Catalogue out = base;
    out.activities.clear();
    out.activities.reserve(static_cast<size_t>(o.count));
    int clips = 0;
    for (int i = 0; i < o.count; ++i) {
        core::Activity a = base.activities[static_cast<size_t>(i) % base.activities.size()];
        int group = i / static_cast<int>(base.activities.size()) + 1;
        std::string place = kPlaces[pick(0, 7)];
        a.id = a.id + "-" + std::to_string(group);
        std::string suffix = " (" + place + " " + std::to_string(group) + ")";
        if (a.title.size() + suffix.size() > 60) a.title = a.title.substr(0, 60 - suffix.size());
        while (!a.title.empty() && (a.title.back() & 0xC0) == 0x80) a.title.pop_back();  // whole characters
        if (!a.title.empty() && (a.title.back() & 0x80)) a.title.pop_back();
        a.title += suffix;
        a.location.name += " " + place;
        a.location.lat += pick(-200, 200) / 10000.0;
        a.location.lon += pick(-200, 200) / 10000.0;
        a.schedule.days = {kDays[pick(0, 6)]};
        int start = pick(9, 19);
        a.schedule.start = (start < 10 ? "0" : "") + std::to_string(start) + ":00";
        a.schedule.end = (start + 1 < 10 ? "0" : "") + std::to_string(start + 1) + ":00";
        if (a.price.cents > 0) {
            a.price.cents = pick(2, 40) * 500;
            a.price.social_cents = *a.price.cents / 5;
        }
        a.availability.status = static_cast<core::Status>(pick(0, 9) < 7 ? 0 : pick(1, 2));
        a.clips.clear();
        if (i % o.activities_per_clip == 0) {
            std::string name = "clip-" + std::to_string(clips++) + ".wav";
            if (!WriteClip(media / name, o.seed * 100003u + static_cast<unsigned>(i)))
                return core::Error{core::ErrorCode::kIo, "cannot write " + (media / name).string()};
            a.clips.push_back({"summary", "ar", "media/" + name});
        }
        out.activities.push_back(std::move(a));
    }
    return out;
}

std::string ExportHtml(const core::Catalogue& c, const std::string& pictogram_dir) {
    std::string html = R"(<!DOCTYPE html>
<html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width">
<title>)" + core::EscapeHtml(c.municipality) +
                       R"(</title>
<style>
body{margin:0;font-family:"DejaVu Sans",sans-serif;background:#f7f5f0;color:#1a1a1a}
header{position:sticky;top:0;background:#fff;padding:12px 24px;font-size:28px;font-weight:bold;border-bottom:1px solid #bebab2}
main{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:16px;padding:16px 24px}
article{background:#fff;border:1px solid #bebab2;border-radius:12px;padding:16px;display:flex;gap:16px}
article img{width:96px;height:96px}
h2{margin:0 0 6px;font-size:22px} p{margin:4px 0;font-size:18px}
.meta{color:#464646}.free{color:#1b6e34}.full{color:#a51c1c}.wait{color:#92400e}
</style></head><body>
<header>)" + core::EscapeHtml(c.municipality) +
                       " &mdash; " + std::to_string(c.activities.size()) + " activiteiten</header>\n<main>\n";
    for (const auto& a : c.activities) {
        const core::Category* cat = c.FindCategory(a.category);
        std::string picto = a.pictograms.empty() ? (cat ? cat->pictogram : "") : a.pictograms.front();
        const char* status = a.availability.status == core::Status::kPlacesFree    ? "free\">Er is plaats"
                             : a.availability.status == core::Status::kWaitingList ? "wait\">Wachtlijst"
                             : a.availability.status == core::Status::kFull
                                 ? "full\">Volzet"
                                 : "meta\">Plaats? Vraag het aan de balie";
        std::string price = a.price.cents ? core::FormatEuro(*a.price.cents) + " " + a.price.period
                                          : "Prijs? Vraag het aan de balie";
        std::string days;
        for (auto d : a.schedule.days) days += std::string(core::WeekdayCode(d)) + " ";
        html += "<article><img alt=\"\" src=\"" + core::EscapeHtml(pictogram_dir + "/" + picto + ".png") +
                "\"><div><h2>" + core::EscapeHtml(a.title) + "</h2><p>" + core::EscapeHtml(a.summary) +
                "</p><p class=\"meta\">" + core::EscapeHtml(cat ? cat->word : a.category) + " &middot; " +
                core::EscapeHtml(price) + " &middot; " + core::EscapeHtml(days) +
                core::EscapeHtml(a.schedule.start) + "&ndash;" + core::EscapeHtml(a.schedule.end) +
                " &middot; " + core::EscapeHtml(a.location.name) + "</p><p class=\"" + status +
                "</p></div></article>\n";
    }
    html += "</main></body></html>\n";
    return html;
}

}  // namespace brugpunt::staff
