// Fuzz target: the catalogue source (JSON) as staff or a sync would hand it to the kiosk.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/validate.h"
#include "store/catalogue_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace brugpunt;
    auto parsed = store::ParseCatalogueJson(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!parsed) return 0;
    core::ValidateCatalogue(parsed->catalogue);
    store::CatalogueRefusals(parsed->catalogue);
    // What parses must serialise and parse back to the same catalogue.
    auto again = store::ParseCatalogueJson(store::CatalogueToJson(parsed->catalogue));
    if (!again || !(again->catalogue.activities == parsed->catalogue.activities)) __builtin_trap();
    return 0;
}
