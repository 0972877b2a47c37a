// Owns the .po reader: msgid/msgstr pairs, plural entries, multi-line strings, escapes, comments.
// Standard library only.
#include "strings.h"

#include <algorithm>
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

// The header's "Plural-Forms: ..." line; empty when it has none.
std::string_view PluralFormsOf(std::string_view header) {
    size_t at = header.find("Plural-Forms:");
    if (at == std::string_view::npos) return {};
    header.remove_prefix(at + 13);
    return header.substr(0, header.find('\n'));
}

}  // namespace

std::string Strings::Header(std::string_view field) const {
    std::string_view h = m_header;
    while (!h.empty()) {
        std::string_view line = h.substr(0, h.find('\n'));
        h.remove_prefix(std::min(h.size(), line.size() + 1));
        if (line.size() <= field.size() || !line.starts_with(field) || line[field.size()] != ':') continue;
        line.remove_prefix(field.size() + 1);
        while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\r')) line.remove_suffix(1);
        return std::string(line);
    }
    return {};
}

Result<Strings> Strings::ParsePo(std::string_view text) {
    Strings strings;
    enum class Field { kNone, kId, kPluralId, kStr } field = Field::kNone;
    std::string id, str;
    std::vector<std::string> forms;  // a plural entry's msgstr[0], msgstr[1], ...
    bool plural = false;
    bool have_entry = false;
    bool fuzzy = false;  // a "#, fuzzy" flag line applies to the entry that follows it
    int line_no = 0, entry_line = 0;
    std::string error;

    auto fail = [&](const std::string& why) {
        return Error{ErrorCode::kParse, "line " + std::to_string(line_no) + ": " + why};
    };
    // Ends the entry being read; false (and error set) when it cannot be kept.
    auto flush = [&]() {
        bool ok = true;
        if (have_entry && id.empty()) {
            strings.m_header = str;
            if (auto rule_text = PluralFormsOf(str); !rule_text.empty()) {
                auto rule = PluralRule::Parse(rule_text);
                if (!rule)
                    error = "line " + std::to_string(entry_line) + ": " + rule.error().message, ok = false;
                else
                    strings.m_rule = rule.value();
            }
        } else if (have_entry && plural) {
            // An entry with every form empty is untranslated; some empty is a mistake.
            bool any = false, all = true;
            for (const auto& f : forms) any |= !f.empty(), all &= !f.empty();
            if (any && (!all || static_cast<int>(forms.size()) != strings.m_rule.Count())) {
                error = "line " + std::to_string(entry_line) + ": '" + id + "' has " +
                        std::to_string(forms.size()) + " forms, the Plural-Forms header names " +
                        std::to_string(strings.m_rule.Count()) + (all ? "" : ", or one is empty");
                ok = false;
            } else if (any) {
                strings.m_entries[id] = forms.back();
                strings.m_plurals[id] = forms;
                if (fuzzy) strings.m_fuzzy.insert(id);
            }
        } else if (have_entry && !str.empty()) {
            // An empty msgstr is an untranslated entry.
            strings.m_entries[id] = str;
            if (fuzzy) strings.m_fuzzy.insert(id);
        }
        id.clear();
        str.clear();
        forms.clear();
        plural = false;
        have_entry = false;
        fuzzy = false;
        field = Field::kNone;
        return ok;
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
            if (field == Field::kStr && !flush()) return Error{ErrorCode::kParse, error};
            if (line.starts_with("#,") && line.find("fuzzy") != std::string_view::npos) fuzzy = true;
            continue;
        }
        if (line.starts_with("msgctxt")) return fail("msgctxt is not supported; keys must be unique");
        if (line.starts_with("msgid ")) {
            if (field == Field::kStr && !flush()) return Error{ErrorCode::kParse, error};
            if (field == Field::kId || field == Field::kPluralId) return fail("msgid without msgstr");
            auto v = Unquote(line.substr(6));
            if (!v) return fail("bad string");
            if (strings.m_entries.count(*v)) return fail("duplicate key '" + *v + "'");
            id = *v;
            field = Field::kId;
            have_entry = true;
            entry_line = line_no;
        } else if (line.starts_with("msgid_plural ")) {
            if (field != Field::kId || id.empty()) return fail("msgid_plural without msgid");
            if (!Unquote(line.substr(13))) return fail("bad string");
            plural = true;
            field = Field::kPluralId;
        } else if (line.starts_with("msgstr[")) {
            size_t close = line.find(']');
            if (!plural || close == std::string_view::npos) return fail("msgstr[N] without msgid_plural");
            if (line.substr(7, close - 7) != std::to_string(forms.size()))
                return fail("msgstr[" + std::to_string(forms.size()) + "] expected");
            auto v = Unquote(line.substr(close + 1 + (close + 1 < line.size() && line[close + 1] == ' ')));
            if (!v) return fail("bad string");
            forms.push_back(*v);
            field = Field::kStr;
        } else if (line.starts_with("msgstr ")) {
            if (field != Field::kId)
                return fail(plural ? "a plural entry needs msgstr[N]" : "msgstr without msgid");
            auto v = Unquote(line.substr(7));
            if (!v) return fail("bad string");
            str = *v;
            field = Field::kStr;
        } else if (line.front() == '"') {
            auto v = Unquote(line);
            if (!v || field == Field::kNone) return fail("stray string");
            if (field == Field::kPluralId) continue;  // the plural msgid is the same key
            (field == Field::kId ? id : plural ? forms.back() : str) += *v;
        } else {
            return fail("unexpected text");
        }
    }
    if (field == Field::kId || field == Field::kPluralId) return fail("msgid without msgstr");
    if (!flush()) return Error{ErrorCode::kParse, error};
    return strings;
}

const std::string& Strings::Get(const std::string& key) const {
    auto it = m_entries.find(key);
    return it == m_entries.end() ? key : it->second;
}

const std::string& Strings::Plural(const std::string& key, long long n) const {
    auto it = m_plurals.find(key);
    if (it == m_plurals.end()) return Get(key);
    return it->second[std::min(it->second.size() - 1, static_cast<size_t>(m_rule.FormFor(n)))];
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
