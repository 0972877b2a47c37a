// Owns reading and checking the school-holiday CSV. Must not include the kiosk's UI or the store.
#include "holidays.h"

#include <algorithm>

#include "core/date.h"

namespace brugpunt::staff {

core::Result<std::vector<core::Holiday>> ParseHolidaysCsv(const std::string& text, const std::string& file) {
    std::vector<core::Holiday> out;
    std::vector<int> rows;
    auto bad = [&](int row, const std::string& why) {
        return core::Error{core::ErrorCode::kParse, file + ":" + std::to_string(row) + ": " + why};
    };
    auto trim = [](std::string v) {
        size_t a = v.find_first_not_of(" \t\r\""), b = v.find_last_not_of(" \t\r\"");
        return a == std::string::npos ? std::string() : v.substr(a, b - a + 1);
    };
    size_t start = 0;
    for (int row = 1; start < text.size(); ++row) {
        size_t end = text.find('\n', start);
        std::string line =
            trim(text.substr(start, end == std::string::npos ? std::string::npos : end - start));
        start = end == std::string::npos ? text.size() : end + 1;
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> cells;
        for (size_t from = 0;;) {
            size_t comma = line.find(',', from);
            cells.push_back(
                trim(line.substr(from, comma == std::string::npos ? std::string::npos : comma - from)));
            if (comma == std::string::npos) break;
            from = comma + 1;
        }
        if (row == 1 && !cells.empty() && (cells[0] == "naam" || cells[0] == "name")) continue;
        if (cells.size() != 3)
            return bad(row, "expected 3 cells (naam,van,tot), found " + std::to_string(cells.size()));
        if (cells[0].empty() || cells[0].size() > 40) return bad(row, "the name is empty or over 40 letters");
        auto first = core::ParseDate(cells[1]), last = core::ParseDate(cells[2]);
        if (!first) return bad(row, "'" + cells[1] + "' is not a date (YYYY-MM-DD)");
        if (!last) return bad(row, "'" + cells[2] + "' is not a date (YYYY-MM-DD)");
        if (*last < *first) return bad(row, "the last day is before the first");
        if (core::DaysBetween(*first, *last) > 92) return bad(row, "longer than a summer holiday");
        out.push_back({cells[0], *first, *last});
        rows.push_back(row);
    }
    std::vector<size_t> order(out.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t x, size_t y) { return out[x].first < out[y].first; });
    for (size_t i = 1; i < order.size(); ++i)
        if (out[order[i]].first <= out[order[i - 1]].last)
            return bad(rows[order[i]], out[order[i]].name + " overlaps " + out[order[i - 1]].name);
    std::vector<core::Holiday> sorted;
    for (size_t i : order) sorted.push_back(out[i]);
    return sorted;
}

}  // namespace brugpunt::staff
