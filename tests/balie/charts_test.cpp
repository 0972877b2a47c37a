// Balie's weekly demand figures and their SVG, without a store.
#include <catch2/catch.hpp>

#include "balie/charts.h"

using namespace brugpunt;
using namespace brugpunt::balie;

TEST_CASE("days fold into weeks that start on Monday, days outside the weeks are left out") {
    CHECK(MondayOf({2026, 12, 2}) == core::Date{2026, 11, 30});
    CHECK(MondayOf({2026, 11, 30}) == core::Date{2026, 11, 30});
    CHECK(MondayOf({2026, 12, 6}) == core::Date{2026, 11, 30});  // a Sunday
    DemandWeeks w = FoldIntoWeeks({{"2026-12-01", {{"sessions", 2}}},
                                   {"2026-11-29", {{"sessions", 3}, {"request:sport", 1}}},
                                   {"2026-11-30", {{"request:dans", 2}}},
                                   {"2026-09-06", {{"sessions", 50}}},  // 13 weeks back
                                   {"2026-12-09", {{"sessions", 70}}},  // after today
                                   {"not a day", {{"sessions", 80}}}},
                                  {2026, 12, 2}, 12);
    REQUIRE(w.mondays.size() == 12);
    CHECK(w.mondays.back() == core::Date{2026, 11, 30});
    CHECK(w.mondays.front() == core::Date{2026, 9, 14});
    CHECK(w.per_key["sessions"][11] == 2);
    CHECK(w.per_key["sessions"][10] == 3);
    long long all = 0;
    for (long long n : w.per_key["sessions"]) all += n;
    CHECK(all == 5);
    CHECK(SumOfPrefix(w, "request:") == std::vector<long long>{0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2});
}

TEST_CASE("a chart draws one bar per week, tallest for the most, and escapes its labels") {
    std::vector<core::Date> mondays = {{2026, 11, 23}, {2026, 11, 30}};
    std::string svg = WeekBarsSvg("Bezoeken <per> week", mondays, {0, 8});
    CHECK(svg.find("aria-label=\"Bezoeken &lt;per&gt; week\"") != std::string::npos);
    CHECK(svg.find("<per>") == std::string::npos);
    CHECK(svg.find("week van 23 nov: 0</title>") != std::string::npos);
    CHECK(svg.find("height=\"140\" fill") != std::string::npos);  // 8 of 8: the full height
    CHECK(svg.find("height=\"0\" fill") != std::string::npos);    // 0: no bar
    std::string spark = SparkBarsSvg("sport", {1, 100});
    CHECK(spark.find("height=\"2\"") != std::string::npos);  // one visitor is still a visible bar
}

TEST_CASE("keys read as the desk says them") {
    CHECK(DemandLabel("filter:free") == "gratis");
    CHECK(DemandLabel("empty:alles") == "alle categorieën");
    CHECK(DemandLabel("category:sport") == "sport");
    std::vector<core::Language> languages{{"uk", "Українська", "Oekraïens"}};
    CHECK(DemandLabel("language:uk", languages) == "uk · Українська");
    CHECK(DemandLabel("language:uk") == "uk");  // no names known: the code, never a guess
    CHECK(DemandLabel("language:xx", languages) == "xx");
    CHECK(WeekLabel({2026, 3, 2}) == "2 mrt");
}
