// The bundled demo catalogue, parsed and validated once per test binary.
#pragma once

#include <catch2/catch.hpp>

#include "store/catalogue_json.h"

namespace brugpunt::testing {

inline const store::ParsedCatalogue& DemoParsed() {
    static const store::ParsedCatalogue demo = [] {
        auto parsed = store::LoadCatalogueFile(BRUGPUNT_SOURCE_DIR "/assets/demo/catalogue.json");
        REQUIRE(parsed);
        return parsed.value();
    }();
    return demo;
}

}  // namespace brugpunt::testing
