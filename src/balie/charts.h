// Owns Balie's figures of what visitors look for: the kiosks' counts per day folded into weeks,
// and the SVG that draws them, rendered on the server. No script and no style attributes (the
// CSP allows neither); every label is escaped. Pure: no store, no HTTP.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/date.h"
#include "core/demand.h"
#include "core/language.h"

namespace brugpunt::balie {

struct DemandWeeks {
    std::vector<core::Date> mondays;                        // oldest first; the last is this week
    std::map<std::string, std::vector<long long>> per_key;  // one count per week, as mondays
};
core::Date MondayOf(const core::Date& day);
// The `weeks` weeks up to and including today's; days outside them are left out.
DemandWeeks FoldIntoWeeks(const core::DemandCounts& days, const core::Date& today, int weeks);
// Per week, the sum over every key that starts with prefix ("request:").
std::vector<long long> SumOfPrefix(const DemandWeeks& w, const std::string& prefix);

// "30 nov": a week by its Monday.
std::string WeekLabel(const core::Date& monday);
// Bars per week with each count above its bar; `label` names the chart for a screen reader.
std::string WeekBarsSvg(const std::string& label, const std::vector<core::Date>& mondays,
                        const std::vector<long long>& values);
// A small bar per week for one row of a table.
std::string SparkBarsSvg(const std::string& label, const std::vector<long long>& values);

// A key as the desk reads it: "filter:free" -> "gratis", "language:ar" -> "ar · العربية",
// "empty:alles" -> "alle categorieën"; an id, or a language not in languages, stays as the kiosk
// sent it.
std::string DemandLabel(const std::string& key, const std::vector<core::Language>& languages = {});

}  // namespace brugpunt::balie
