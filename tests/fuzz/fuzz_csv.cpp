// Fuzz target: a spreadsheet saved as CSV, imported and checked as staff would.
#include <cstddef>
#include <cstdint>
#include <string>

#include "staff/check.h"
#include "staff/import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace brugpunt::staff;
    std::string text(reinterpret_cast<const char*>(data), size);
    Imported im = ImportCsv(text, "f.csv");
    if (im.rows.size() != im.activities.size()) __builtin_trap();
    for (const auto& e : im.errors)
        if (e.row < 0 || e.column < 0 || e.column > static_cast<int>(CsvColumns().size()) + 1000000)
            __builtin_trap();
    CheckReport r = CheckFile("f.csv", text, {{"lidgeld", "wat je betaalt"}}, {2026, 11, 23});
    (void)r;
    return 0;
}
