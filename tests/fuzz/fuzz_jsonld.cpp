// Fuzz target: UiTdatabank JSON-LD (an event, a list, or a Search API page), imported and merged.
#include <cstddef>
#include <cstdint>
#include <string>

#include "staff/import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace brugpunt;
    static const std::vector<core::Category> kCategories = {{"sport", "Sport", "soccer", {}},
                                                            {"zwemmen", "Zwemmen", "swimmer", {}},
                                                            {"lezen", "Lezen", "books", {}}};
    staff::Imported im = staff::ImportJsonLd(std::string(reinterpret_cast<const char*>(data), size), "f.json",
                                             kCategories, brugpunt::core::Date{2026, 11, 23});
    core::Catalogue c;
    c.categories = kCategories;
    staff::Merge(c, im);
    staff::Merge(c, im);  // the same import twice changes nothing more
    for (const auto& a : im.activities)
        if (!a.id.starts_with("uit-")) __builtin_trap();
    return 0;
}
