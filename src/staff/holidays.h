// Owns the school-holiday table staff give the catalogue: read from a CSV of name, first day and
// last day, as the Flemish government publishes them (onderwijs.vlaanderen.be, "Schoolvakanties"),
// and checked. The kiosk's "In de vakantie" reads only this table: it never guesses a holiday.
#pragma once

#include <string>
#include <vector>

#include "core/activity.h"
#include "core/result.h"

namespace brugpunt::staff {

// "naam,van,tot" lines ("kerstvakantie,2026-12-21,2027-01-03"); a first line of those words is
// a header; # starts a comment. An error names FILE:ROW and what is wrong: a date that is not a
// date, a last day before the first, two holidays that overlap, a name missing or over 40 letters.
core::Result<std::vector<core::Holiday>> ParseHolidaysCsv(const std::string& text, const std::string& file);

}  // namespace brugpunt::staff
