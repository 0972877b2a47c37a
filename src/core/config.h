// Owns the per-kiosk configuration file: "key = value" lines, '#' comments. Standard library only.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

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
    // How often the attract screen says aloud how a visitor who cannot see starts speech mode, in
    // Dutch and each voiced language in turn; 0: never (the words stay on screen).
    int speech_hint_s = 60;
    // The languages a visitor can choose, in this order ("nl en ar so"; commas also separate).
    // Empty: every translations/LANG.po, in the order of translations/LINGUAS. Dutch is always
    // offered, first.
    std::vector<std::string> languages;
    // Catalogue sync. Without catalogue_url the kiosk shows the catalogue it was started with.
    std::string catalogue_url;    // https://.../bundle/ (plain http only on loopback, for trying out)
    std::string sync_public_key;  // hex ed25519 from `brugpunt-catalogue keygen`
    int sync_interval_s = 900;
    int sync_stall_timeout_s = 30;      // no byte for this long: the download stops, to resume later
    int sync_download_timeout_s = 600;  // at most this long for one file
    int sync_max_file_mb = 50;
    int sync_budget_mb = 500;   // catalogue + media on this kiosk's disk
    std::string heartbeat_url;  // POSTed after every sync; empty: no heartbeat
    // A receipt printer for the card a visitor takes home: an ESC/POS printer's device file
    // (/dev/usb/lp0, or a serial port set up with stty) or "cups:QUEUE" for a CUPS queue. Empty:
    // no "Print" button.
    std::string printer;
    int printer_dots = 576;  // dots across the paper: 576 for 80 mm paper, 384 for 58 mm
};

// "loopback" for http://127.0.0.1, http://[::1] and http://localhost; "https"; "" for anything else.
std::string_view UrlKind(std::string_view url);

// Unknown keys and bad numbers are errors with the line number: a typo must not silently
// fall back to a default on a kiosk nobody watches.
Result<Config> ParseConfig(std::string_view text);

}  // namespace brugpunt::core
