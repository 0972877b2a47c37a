// Owns the .po reader: msgid/msgstr pairs, multi-line strings, escapes, comments. Standard library only.
#include "strings.h"

#include <optional>

namespace brugpunt::core {
namespace {

std::optional<std::string> Unquote(std::string_view s) {
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r' || s.back() == '\t')) s.remove_suffix(1);
    if (s.size() < 2 || s.front() != '"' || s.back() != '"') return std::nullopt;
    s = s.substr(1, s.size() - 2);
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '"') return std::nullopt;
        if (s[i] != '\\') {
            out += s[i];
            continue;
        }
        if (++i == s.size()) return std::nullopt;
        switch (s[i]) {
            case 'n':
                out += '\n';
                break;
            case 't':
                out += '\t';
                break;
            case '"':
                out += '"';
                break;
            case '\\':
                out += '\\';
                break;
            default:
                return std::nullopt;
        }
    }
    return out;
}

}  // namespace

Result<Strings> Strings::ParsePo(std::string_view text) {
    Strings strings;
    enum class Field { kNone, kId, kStr } field = Field::kNone;
    std::string id, str;
    bool have_entry = false;
    bool fuzzy = false;  // a "#, fuzzy" flag line applies to the entry that follows it
    int line_no = 0;

    auto flush = [&]() {
        // The header entry has an empty msgid; an empty msgstr is an untranslated entry.
        if (have_entry && !id.empty() && !str.empty()) {
            strings.m_entries[id] = str;
            if (fuzzy) strings.m_fuzzy.insert(id);
        }
        id.clear();
        str.clear();
        have_entry = false;
        fuzzy = false;
        field = Field::kNone;
    };
    auto fail = [&](const std::string& why) {
        return Error{ErrorCode::kParse, "line " + std::to_string(line_no) + ": " + why};
    };

    size_t pos = 0;
    while (pos <= text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        pos = end + 1;
        ++line_no;
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        if (line.empty() || line.front() == '#') {
            if (field == Field::kStr) flush();
            if (line.starts_with("#,") && line.find("fuzzy") != std::string_view::npos) fuzzy = true;
            continue;
        }
        if (line.starts_with("msgctxt")) return fail("msgctxt is not supported; keys must be unique");
        if (line.starts_with("msgid ")) {
            if (field == Field::kStr) flush();
            if (field == Field::kId) return fail("msgid without msgstr");
            auto v = Unquote(line.substr(6));
            if (!v) return fail("bad string");
            if (strings.m_entries.count(*v)) return fail("duplicate key '" + *v + "'");
            id = *v;
            field = Field::kId;
            have_entry = true;
        } else if (line.starts_with("msgstr ")) {
            if (field != Field::kId) return fail("msgstr without msgid");
            auto v = Unquote(line.substr(7));
            if (!v) return fail("bad string");
            str = *v;
            field = Field::kStr;
        } else if (line.front() == '"') {
            auto v = Unquote(line);
            if (!v || field == Field::kNone) return fail("stray string");
            (field == Field::kId ? id : str) += *v;
        } else {
            return fail("unexpected text");
        }
    }
    if (field == Field::kId) return fail("msgid without msgstr");
    flush();
    return strings;
}

const std::string& Strings::Get(const std::string& key) const {
    auto it = m_entries.find(key);
    return it == m_entries.end() ? key : it->second;
}

std::string EscapeHtml(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    return out;
}

}  // namespace brugpunt::core
