// The catalogue bounds: every text and list over its bound is refused with id, field and bound.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/bounds.h"
#include "fixtures.h"
#include "read_file.h"

using namespace brugpunt;

namespace {

std::vector<std::string> Messages(const core::Catalogue& c) {
    std::vector<std::string> out;
    for (const auto& i : core::CheckBounds(c)) out.push_back(core::FormatIssue(i));
    return out;
}

}  // namespace

TEST_CASE("Bounds: a valid catalogue is within every bound") {
    CHECK(Messages(testing::ValidCatalogue()).empty());
}

TEST_CASE("Bounds: a 5 MB title is refused, naming the activity, the field and the bound") {
    core::Catalogue c = testing::ValidCatalogue();
    c.activities[1].title = std::string(5 << 20, 'a');
    CHECK(Messages(c) == std::vector<std::string>{"a-two: title: te lang: 5242880 bytes, hoogstens 240"});
}

TEST_CASE("Bounds: a category's explanation is bounded like a summary") {
    core::Catalogue c = testing::ValidCatalogue();
    c.categories[0].explanation = std::string(2001, 'e');
    CHECK(Messages(c) == std::vector<std::string>{"catalogus: categories." + c.categories[0].id +
                                                  ".explanation: te lang: 2001 bytes, hoogstens 2000"});
}

TEST_CASE("Bounds: texts, translations, lists and items of lists are bounded") {
    core::Catalogue c = testing::ValidCatalogue();
    core::Activity& a = c.activities[0];
    a.first_visit.where = std::string(601, 'x');
    a.translations["ar"].summary = std::string(2001, 'x');
    a.pictograms.assign(9, "soccer");
    a.price.passes = {std::string(65, 'p')};
    c.categories[0].translations["ar"] = std::string(65, 'w');
    for (int i = 0; i < 30; ++i) c.categories.push_back({"c" + std::to_string(i), "Woord", "x", {}});
    auto got = Messages(c);
    std::string cat = c.categories[0].id;
    CHECK(got == std::vector<std::string>{
                     "catalogus: categories: te lang: " + std::to_string(c.categories.size()) +
                         " items, hoogstens 24",
                     "catalogus: categories." + cat + ".translations.ar: te lang: 65 bytes, hoogstens 64",
                     "a-one: pictograms: te lang: 9 items, hoogstens 8",
                     "a-one: first_visit.where: te lang: 601 bytes, hoogstens 600",
                     "a-one: price.passes: te lang: 65 bytes, hoogstens 64",
                     "a-one: translations.ar.summary: te lang: 2001 bytes, hoogstens 2000",
                 });
}

TEST_CASE("Bounds: past the activity bound one refusal says so") {
    core::Catalogue c = testing::ValidCatalogue();
    c.activities.resize(core::bound::kActivities + 5, c.activities[0]);
    auto got = Messages(c);
    REQUIRE_FALSE(got.empty());
    CHECK(got.front() == "catalogus: activities: te lang: 60005 items, hoogstens 60000");
}

TEST_CASE("Bounds: the README lists every bound's value") {
    std::string readme = testing::ReadFile(BRUGPUNT_SOURCE_DIR "/README.md");
    size_t from = readme.find("### What the kiosk refuses");
    REQUIRE(from != std::string::npos);
    std::string section = readme.substr(from, readme.find("\n## ", from) - from);
    for (const auto& b : core::Bounds()) {
        INFO(b.field << " = " << b.max);
        std::string cell = b.max >= (1u << 20)                 ? std::to_string(b.max >> 20) + " MiB"
                           : b.unit == core::BoundUnit::kItems ? std::to_string(b.max) + " items"
                                                               : std::to_string(b.max);
        bool listed = section.find("| " + cell + " |") != std::string::npos ||
                      (b.unit == core::BoundUnit::kItems &&
                       section.find("| " + std::to_string(b.max) + " |") != std::string::npos);
        CHECK(listed);
    }
}
