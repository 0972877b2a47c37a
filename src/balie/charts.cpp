// Owns the folding of demand counts into weeks and their SVG. Must not include the store or HTTP.
#include "charts.h"

#include <algorithm>
#include <array>

#include "core/language.h"
#include "core/strings.h"

namespace brugpunt::balie {

core::Date MondayOf(const core::Date& day) {
    return core::AddDays(day, -static_cast<int>(core::WeekdayOf(day)));
}

DemandWeeks FoldIntoWeeks(const core::DemandCounts& days, const core::Date& today, int weeks) {
    DemandWeeks w;
    core::Date last = MondayOf(today);
    for (int i = weeks - 1; i >= 0; --i) w.mondays.push_back(core::AddDays(last, -7 * i));
    for (const auto& [day_text, keys] : days) {
        auto day = core::ParseDate(day_text);
        if (!day) continue;
        int index = weeks - 1 - core::DaysBetween(MondayOf(*day), last) / 7;
        if (index < 0 || index >= weeks || *day > today) continue;
        for (const auto& [key, n] : keys) {
            auto& row = w.per_key[key];
            row.resize(weeks);
            row[index] += n;
        }
    }
    return w;
}

std::vector<long long> SumOfPrefix(const DemandWeeks& w, const std::string& prefix) {
    std::vector<long long> sum(w.mondays.size());
    for (const auto& [key, row] : w.per_key)
        if (key.starts_with(prefix))
            for (size_t i = 0; i < row.size(); ++i) sum[i] += row[i];
    return sum;
}

std::string WeekLabel(const core::Date& monday) {
    static constexpr std::array<const char*, 12> kMonths = {"jan", "feb", "mrt", "apr", "mei", "jun",
                                                            "jul", "aug", "sep", "okt", "nov", "dec"};
    return std::to_string(monday.day) + " " + kMonths[monday.month - 1];
}

std::string WeekBarsSvg(const std::string& label, const std::vector<core::Date>& mondays,
                        const std::vector<long long>& values) {
    constexpr int kBar = 44, kGap = 12, kHeight = 140, kTop = 22, kBottom = 26;
    int width = static_cast<int>(values.size()) * (kBar + kGap) + kGap;
    long long max = std::max(1LL, values.empty() ? 1LL : *std::max_element(values.begin(), values.end()));
    std::string svg = "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + std::to_string(width) + " " +
                      std::to_string(kTop + kHeight + kBottom) + "\" width=\"" + std::to_string(width) +
                      "\" height=\"" + std::to_string(kTop + kHeight + kBottom) + "\" aria-label=\"" +
                      core::EscapeHtml(label) + "\"><title>" + core::EscapeHtml(label) + "</title>";
    for (size_t i = 0; i < values.size(); ++i) {
        int x = kGap + static_cast<int>(i) * (kBar + kGap);
        int h = static_cast<int>(values[i] * kHeight / max);
        if (values[i] > 0 && h < 2) h = 2;  // one visitor is still a bar
        int y = kTop + kHeight - h;
        std::string week = i < mondays.size() ? WeekLabel(mondays[i]) : "";
        svg += "<rect x=\"" + std::to_string(x) + "\" y=\"" + std::to_string(y) + "\" width=\"" +
               std::to_string(kBar) + "\" height=\"" + std::to_string(h) +
               "\" fill=\"#1f5fa8\"><title>week van " + core::EscapeHtml(week) + ": " +
               std::to_string(values[i]) + "</title></rect>";
        svg += "<text x=\"" + std::to_string(x + kBar / 2) + "\" y=\"" + std::to_string(y - 6) +
               "\" text-anchor=\"middle\" font-size=\"13\" fill=\"#1d232a\">" + std::to_string(values[i]) +
               "</text>";
        svg += "<text x=\"" + std::to_string(x + kBar / 2) + "\" y=\"" + std::to_string(kTop + kHeight + 18) +
               "\" text-anchor=\"middle\" font-size=\"12\" fill=\"#5b6670\">" + core::EscapeHtml(week) +
               "</text>";
    }
    svg += "<line x1=\"0\" x2=\"" + std::to_string(width) + "\" y1=\"" + std::to_string(kTop + kHeight) +
           "\" y2=\"" + std::to_string(kTop + kHeight) + "\" stroke=\"#d5dbe0\"/></svg>";
    return svg;
}

std::string SparkBarsSvg(const std::string& label, const std::vector<long long>& values) {
    constexpr int kBar = 10, kGap = 3, kHeight = 24;
    int width = static_cast<int>(values.size()) * (kBar + kGap);
    long long max = std::max(1LL, values.empty() ? 1LL : *std::max_element(values.begin(), values.end()));
    std::string svg = "<svg class=\"spark\" role=\"img\" viewBox=\"0 0 " + std::to_string(width) + " " +
                      std::to_string(kHeight) + "\" width=\"" + std::to_string(width) + "\" height=\"" +
                      std::to_string(kHeight) + "\" aria-label=\"" + core::EscapeHtml(label) + "\">";
    for (size_t i = 0; i < values.size(); ++i) {
        int h = static_cast<int>(values[i] * kHeight / max);
        if (values[i] > 0 && h < 2) h = 2;
        svg += "<rect x=\"" + std::to_string(static_cast<int>(i) * (kBar + kGap)) + "\" y=\"" +
               std::to_string(kHeight - h) + "\" width=\"" + std::to_string(kBar) + "\" height=\"" +
               std::to_string(std::max(h, 1)) + "\" fill=\"" + (values[i] > 0 ? "#1f5fa8" : "#e6ebf0") +
               "\"/>";
    }
    return svg + "</svg>";
}

std::string DemandLabel(const std::string& key, const std::vector<core::Language>& languages) {
    static const std::map<std::string, std::string> kNames = {
        {"filter:free", "gratis"},
        {"filter:girls", "voor meisjes"},
        {"filter:trial", "eerst proberen"},
        {"filter:places_free", "er is plaats"},
        {"filter:no_dutch", "zonder Nederlands"},
        {"filter:practise_dutch", "Nederlands oefenen"},
        {"filter:walk_in", "vrij binnenlopen"},
        {"filter:age", "leeftijd"},
        {"filter:day", "dag van de week"},
        {"filter:children", "meer dan één kind"},
        {"filter:together", "voor alle kinderen samen"},
        {"filter:this_week", "deze week"},
        {"filter:holiday", "in de vakantie"},
        {"empty:alles", "alle categorieën"},
        {"request:algemeen", "algemene vraag (geen activiteit)"},
        {"interest:algemeen", "algemene vraag (geen activiteit)"},
    };
    if (auto it = kNames.find(key); it != kNames.end()) return it->second;
    std::string rest = key.substr(key.find(':') + 1);
    if (key.starts_with("language:"))
        for (const auto& l : languages)
            if (l.code == rest) return rest + " · " + l.native;
    return rest;
}

}  // namespace brugpunt::balie
