// Benchmark: filter and search latency over a catalogue, as the list screen asks the store.
// bench_search CATALOGUE.json: loads it like the kiosk (parse, validate, SQLite in memory), then
// times 300 searches of each kind and prints p50 / p99. It asserts nothing about speed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "store/catalogue_db.h"
#include "store/catalogue_json.h"

using namespace brugpunt;

namespace {

double Percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_search CATALOGUE.json\n");
        return 2;
    }
    auto t0 = std::chrono::steady_clock::now();
    auto parsed = store::LoadCatalogueFile(argv[1]);
    if (!parsed) {
        std::fprintf(stderr, "%s\n", parsed.error().message.c_str());
        return 1;
    }
    auto db = store::CatalogueDb::Open(":memory:");
    if (!db || !db->Replace(parsed->catalogue)) return 1;
    double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    const auto& cats = parsed->catalogue.categories;
    std::printf("catalogue: %zu activities, loaded in %.0f ms\n", parsed->catalogue.activities.size(),
                load_ms);

    struct Kind {
        const char* name;
        core::Filter (*make)(int i, const std::vector<core::Category>& cats);
    };
    const Kind kinds[] = {
        {"category", [](int i, const auto& c) { return core::Filter{c[i % c.size()].id}; }},
        {"category + chips + age + day",
         [](int i, const auto& c) {
             core::Filter f{c[i % c.size()].id};
             f.places_free = true;
             f.trial = i % 2;
             f.ages = {4 + i % 12};
             f.day = static_cast<core::Weekday>(i % 7);
             return f;
         }},
        {"search text",
         [](int i, const auto&) {
             static const char* words[] = {"voet", "zwem", "muziek", "kinderen",
                                           "dans", "taal", "fiets",  "lezen"};
             core::Filter f;
             f.text = words[i % 8];
             return f;
         }},
    };
    size_t found = 0;
    for (const auto& kind : kinds) {
        std::vector<double> us;
        for (int i = 0; i < 300; ++i) {
            core::Filter f = kind.make(i, cats);
            auto t = std::chrono::steady_clock::now();
            auto ids = db->Search(f);
            us.push_back(
                std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - t).count());
            if (ids) found += ids->size();
        }
        std::printf("%-30s p50 %8.0f us   p99 %8.0f us\n", kind.name, Percentile(us, 0.5),
                    Percentile(us, 0.99));
    }
    std::printf("(%zu results in all)\n", found);
    return 0;
}
