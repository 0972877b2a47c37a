// Owns the anonymous counts of what visitors look for, per day: sessions, categories and
// activities opened, filters used, languages chosen, requests per category, lists that came up
// empty. Counts only, never anything per visitor: no times, no sequences, no request content.
// Standard library only; the kiosk keeps them in store/demand, Balie charts them per week.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "session.h"

namespace brugpunt::core {

// key -> count, for one day. Keys: "sessions", "category:ID", "activity:ID", "filter:NAME",
// "language:CODE", "request:CATEGORY", "interest:CATEGORY", "empty:CATEGORY".
using DemandDay = std::map<std::string, long long>;
// "2026-12-02" -> that day's counts.
using DemandCounts = std::map<std::string, DemandDay>;

// What an action counts for, from the session before and after it. category_of gives an
// activity's category ("" when unknown); a general question counts under "algemeen".
std::vector<std::string> DemandKeys(const Session& before, const Action& action, const Session& after,
                                    const std::function<std::string(const std::string&)>& category_of);
// A list shown with nothing in it: "empty:CATEGORY" ("empty:alles" without one).
std::string EmptyListKey(const Session& session);

// What Balie accepts from a heartbeat: a known prefix, then 1-64 of [a-z0-9_.-]. A key
// that fails is refused, so nothing a kiosk sends can smuggle text into a chart.
bool ValidDemandKey(std::string_view key);
inline constexpr size_t kMaxDemandKeysPerDay = 500;
// The kiosk sends and keeps this many days (a week offline loses nothing); Balie replaces each
// (kiosk, day) it gets with what the heartbeat says.
inline constexpr int kDemandDaysKept = 7;

// The name a filter chip counts under.
const char* DemandName(Chip chip);

}  // namespace brugpunt::core
