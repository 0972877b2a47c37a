// Owns the per-kiosk configuration file: "key = value" lines, '#' comments. Standard library only.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "result.h"

namespace brugpunt::core {

struct Config {
    std::string kiosk_id = "kiosk";
    std::string data_dir = ".";  // where the outbox lives
    std::string staff_pin = "";  // empty: the staff screen stays locked
    // Delivery of appointment requests: "webhook", "smtp" or "none".
    std::string delivery = "none";
    std::string webhook_url;
    std::string webhook_secret;  // shared HMAC-SHA256 secret
    std::string ca_file;         // extra CA bundle for a municipal TLS certificate
    std::string smtp_url;        // smtp://host:587 (STARTTLS is required)
    std::string smtp_user;
    std::string smtp_password;
    std::string mail_from;
    std::string mail_to;
    int connect_timeout_s = 10;
    int total_timeout_s = 30;
    int retention_days = 30;  // undelivered requests older than this are dropped, and reported
    int retry_base_s = 30;
    int retry_cap_s = 6 * 3600;
    // Audio. "yes": a translation nobody checked ("#, fuzzy", "reviewed": false) is never read out;
    // the visitor hears the Dutch and "ask at the desk" instead.
    bool audio_reviewed_only = false;
    std::string audio_cache;  // synthesised speech; empty: DATA_DIR/audio-cache
    int volume = 80;          // percent, until staff change it on the staff screen
};

// Unknown keys and bad numbers are errors with the line number: a typo must not silently
// fall back to a default on a kiosk nobody watches.
Result<Config> ParseConfig(std::string_view text);

}  // namespace brugpunt::core
