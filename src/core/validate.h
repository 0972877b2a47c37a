// Owns the catalogue validator and the plain-language checks. Standard library only.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "activity.h"

namespace brugpunt::core {

// One problem with one field of one activity ("" for catalogue-level problems).
struct Issue {
    std::string activity_id;
    std::string field;  // dotted path: "first_visit.where"
    std::string message;
};

std::string FormatIssue(const Issue& issue);

// Every missing or invalid field, each with the activity id. Empty means valid.
std::vector<Issue> ValidateCatalogue(const Catalogue& catalogue);

// Number of words in each sentence of a plain-Dutch text.
std::vector<int> SentenceWordCounts(std::string_view text);

}  // namespace brugpunt::core
