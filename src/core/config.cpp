// Owns the config file reader. Standard library only.
#include "config.h"

#include <charconv>
#include <functional>

#include "language.h"

namespace brugpunt::core {
namespace {

std::string_view Trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace

Result<Config> ParseConfig(std::string_view text) {
    Config c;
    std::map<std::string, std::string*, std::less<>> strings = {
        {"kiosk_id", &c.kiosk_id},
        {"data_dir", &c.data_dir},
        {"staff_pin", &c.staff_pin},
        {"delivery", &c.delivery},
        {"webhook_url", &c.webhook_url},
        {"webhook_secret", &c.webhook_secret},
        {"ca_file", &c.ca_file},
        {"smtp_url", &c.smtp_url},
        {"smtp_user", &c.smtp_user},
        {"smtp_password", &c.smtp_password},
        {"mail_from", &c.mail_from},
        {"mail_to", &c.mail_to},
        {"audio_cache", &c.audio_cache},
        {"catalogue_url", &c.catalogue_url},
        {"sync_public_key", &c.sync_public_key},
        {"heartbeat_url", &c.heartbeat_url},
        {"printer", &c.printer},
    };
    std::map<std::string, int*, std::less<>> ints = {
        {"connect_timeout_s", &c.connect_timeout_s},
        {"total_timeout_s", &c.total_timeout_s},
        {"retention_days", &c.retention_days},
        {"retry_base_s", &c.retry_base_s},
        {"retry_cap_s", &c.retry_cap_s},
        {"volume", &c.volume},
        {"speech_hint_s", &c.speech_hint_s},
        {"sync_interval_s", &c.sync_interval_s},
        {"sync_stall_timeout_s", &c.sync_stall_timeout_s},
        {"sync_download_timeout_s", &c.sync_download_timeout_s},
        {"sync_max_file_mb", &c.sync_max_file_mb},
        {"sync_budget_mb", &c.sync_budget_mb},
        {"printer_dots", &c.printer_dots},
    };
    int line_no = 0;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = Trim(text.substr(pos, end - pos));
        pos = end + 1;
        ++line_no;
        if (line.empty() || line.front() == '#') continue;
        auto fail = [&](const std::string& why) {
            return Error{ErrorCode::kParse, "line " + std::to_string(line_no) + ": " + why};
        };
        size_t eq = line.find('=');
        if (eq == std::string_view::npos) return fail("expected key = value");
        std::string_view key = Trim(line.substr(0, eq));
        std::string_view value = Trim(line.substr(eq + 1));
        if (auto s = strings.find(key); s != strings.end()) {
            *s->second = std::string(value);
        } else if (auto i = ints.find(key); i != ints.end()) {
            int v = 0;
            auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), v);
            if (ec != std::errc() || ptr != value.data() + value.size() || v < 0)
                return fail(std::string(key) + " wants a whole number, not '" + std::string(value) + "'");
            *i->second = v;
        } else if (key == "languages") {
            c.languages.clear();
            std::string word;
            for (size_t i = 0; i <= value.size(); ++i) {
                char ch = i < value.size() ? value[i] : ' ';
                if (ch != ' ' && ch != ',' && ch != '\t') {
                    word += ch;
                    continue;
                }
                if (word.empty()) continue;
                if (!IsLanguageCode(word))
                    return fail("languages wants language codes such as nl ar so, not '" + word + "'");
                c.languages.push_back(word);
                word.clear();
            }
        } else if (key == "audio_reviewed_only") {
            if (value != "yes" && value != "no") return fail("audio_reviewed_only wants yes or no");
            c.audio_reviewed_only = value == "yes";
        } else {
            return fail("unknown key '" + std::string(key) + "'");
        }
    }
    if (c.delivery != "none" && c.delivery != "webhook" && c.delivery != "smtp")
        return Error{ErrorCode::kInvalid, "delivery must be none, webhook or smtp, not '" + c.delivery + "'"};
    if (c.delivery == "webhook" && (c.webhook_url.empty() || c.webhook_secret.empty()))
        return Error{ErrorCode::kInvalid, "delivery = webhook needs webhook_url and webhook_secret"};
    if (c.delivery == "smtp" && (c.smtp_url.empty() || c.mail_from.empty() || c.mail_to.empty()))
        return Error{ErrorCode::kInvalid, "delivery = smtp needs smtp_url, mail_from and mail_to"};
    if (c.volume < 10 || c.volume > 100)
        return Error{ErrorCode::kInvalid, "volume must be 10 to 100 (percent)"};
    if (!c.catalogue_url.empty()) {
        if (UrlKind(c.catalogue_url).empty())
            return Error{ErrorCode::kInvalid,
                         "catalogue_url must be https:// (plain http only on 127.0.0.1)"};
        if (c.sync_public_key.size() != 64)
            return Error{ErrorCode::kInvalid,
                         "catalogue_url needs sync_public_key (64 hex digits, from "
                         "brugpunt-catalogue keygen)"};
        if (c.sync_interval_s < 10) return Error{ErrorCode::kInvalid, "sync_interval_s must be at least 10"};
        if (c.sync_stall_timeout_s < 1 || c.sync_download_timeout_s < 1 || c.sync_max_file_mb < 1 ||
            c.sync_budget_mb < 1)
            return Error{ErrorCode::kInvalid, "sync timeouts and sizes must be at least 1"};
    }
    if (!c.printer.empty() && !c.printer.starts_with("/") &&
        !(c.printer.starts_with("cups:") && c.printer.size() > 5))
        return Error{ErrorCode::kInvalid,
                     "printer must be a device file (/dev/usb/lp0) or cups:QUEUE, not '" + c.printer + "'"};
    if (c.printer_dots < 200 || c.printer_dots > 2000 || c.printer_dots % 8 != 0)
        return Error{ErrorCode::kInvalid,
                     "printer_dots must be a multiple of 8 from 200 to 2000 (576 for 80 mm)"};
    if (!c.heartbeat_url.empty() && UrlKind(c.heartbeat_url).empty())
        return Error{ErrorCode::kInvalid, "heartbeat_url must be https:// (plain http only on 127.0.0.1)"};
    return c;
}

std::string_view UrlKind(std::string_view url) {
    if (url.starts_with("https://") && url.size() > 8) return "https";
    for (std::string_view host : {"http://127.0.0.1", "http://localhost", "http://[::1]"})
        if (url.starts_with(host) &&
            (url.size() == host.size() || url[host.size()] == ':' || url[host.size()] == '/'))
            return "loopback";
    return "";
}

}  // namespace brugpunt::core
