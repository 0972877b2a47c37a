// Benchmark: filter and search latency over a catalogue, as the list screen asks the store.
// bench_search CATALOGUE: opens it like the kiosk (a catalogue db file as the kiosk keeps it, or a
// .json parsed into SQLite in memory), then times 300 searches of each kind, as the list screen
// asks them (SearchPositions), and prints p50 / p99. It asserts nothing about speed.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <vector>

#include "store/catalogue_loader.h"

using namespace brugpunt;

namespace {

double Percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: bench_search CATALOGUE.db|CATALOGUE.json\n");
        return 2;
    }
    auto t0 = std::chrono::steady_clock::now();
    auto loaded = store::OpenCatalogue(argv[1]);
    if (!loaded) {
        std::fprintf(stderr, "%s\n", loaded.error().message.c_str());
        return 1;
    }
    const store::CatalogueDb* db = loaded->db.get();
    double load_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    // What a swap asks of the main thread on a db nobody has read yet: the list's query and the
    // first screenful of activities.
    auto since = [](std::chrono::steady_clock::time_point t) {
        return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
    };
    auto t1 = std::chrono::steady_clock::now();
    auto first_list = db->SearchPositions(core::Filter{loaded->catalogue->categories.at(0).id});
    double first_query_ms = since(t1);
    auto t2 = std::chrono::steady_clock::now();
    size_t read = 0;
    if (first_list)
        for (size_t i = 0; i < first_list->size() && i < 24; ++i)
            read += loaded->activities->At(first_list.value()[i]) != nullptr;
    double first_screen_ms = since(t2);
    std::printf("first list query %.2f ms, first %zu activities read %.2f ms\n", first_query_ms, read,
                first_screen_ms);
    const auto& cats = loaded->catalogue->categories;
    std::printf("catalogue: %zu activities, loaded in %.0f ms\n", loaded->activities->Count(), load_ms);

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
            auto ids = db->SearchPositions(f);
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
