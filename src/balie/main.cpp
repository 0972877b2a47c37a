// brugpunt-balie: the desk's web app. Commands: serve, init-admin, enrol, backup. Owns option
// parsing and wiring only; the work is in the brugpunt_balie library.
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <string>
#include <vector>

#include "alerts.h"
#include "app.h"
#include "auth.h"
#include "core/files.h"
#include "core/translations.h"
#include "http_server.h"
#include "receive.h"
#include "store.h"
#include "sync/delivery.h"

using namespace brugpunt;

namespace {

void Log(const std::string& line) {
    std::fprintf(stderr, "brugpunt-balie: %s\n", line.c_str());
    std::fflush(stderr);
}

int Usage() {
    std::fprintf(
        stderr,
        "usage:\n"
        "  brugpunt-balie serve --data DIR [--listen 127.0.0.1:8470] [--config FILE] [--assets DIR]\n"
        "  brugpunt-balie init-admin --data DIR --user NAME   (password on stdin)\n"
        "  brugpunt-balie enrol --data DIR --kiosk ID [--public-url URL]\n"
        "  brugpunt-balie backup --data DIR FILE\n");
    return 2;
}

struct Options {
    std::string command;
    std::map<std::string, std::string> named;
    std::vector<std::string> positional;
};

std::string Get(const Options& o, const std::string& key, const std::string& fallback = "") {
    auto it = o.named.find(key);
    return it == o.named.end() ? fallback : it->second;
}

// The config file: `key = value` lines, # comments. Keys: data, listen, public_url,
// timestamp_window_s, sync_interval_s, and for mail to the desk smtp_url, smtp_user, smtp_password,
// mail_from, mail_to, ca_file, mail_retry_s; catalogue_url and sync_public_key to read the
// published catalogue version. Command-line options win.
bool ReadConfig(const std::string& path, Options& o) {
    auto text = core::ReadWholeFile(path);
    if (!text) {
        Log("cannot read config " + path);
        return false;
    }
    std::string_view s = *text;
    int line_no = 0;
    while (!s.empty()) {
        size_t end = s.find('\n');
        std::string line(s.substr(0, end));
        s.remove_prefix(end == std::string_view::npos ? s.size() : end + 1);
        ++line_no;
        auto trim = [](std::string v) {
            size_t a = v.find_first_not_of(" \t\r"), b = v.find_last_not_of(" \t\r");
            return a == std::string::npos ? std::string() : v.substr(a, b - a + 1);
        };
        line = trim(line);
        if (line.empty() || line[0] == '#') continue;
        size_t eq = line.find('=');
        if (eq == std::string::npos) {
            Log(path + ":" + std::to_string(line_no) + ": expected key = value");
            return false;
        }
        std::string key = "--" + trim(line.substr(0, eq));
        for (char& c : key)
            if (c == '_') c = '-';
        if (!o.named.count(key)) o.named[key] = trim(line.substr(eq + 1));
    }
    return true;
}

std::unique_ptr<balie::BalieStore> OpenStore(const Options& o) {
    std::string dir = Get(o, "--data");
    if (dir.empty()) {
        Log("--data DIR is required");
        return nullptr;
    }
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all, ec);
    auto store = balie::BalieStore::Open((std::filesystem::path(dir) / "balie.db").string());
    if (!store) {
        Log(store.error().message);
        return nullptr;
    }
    return std::move(store.value());
}

int InitAdmin(const Options& o) {
    std::string user = Get(o, "--user");
    if (user.empty()) return Usage();
    auto store = OpenStore(o);
    if (!store) return 1;
    auto count = store->CountUsers();
    if (!count) {
        Log(count.error().message);
        return 1;
    }
    if (count.value() > 0) {
        Log("there are users already; the beheerder makes new ones on the Gebruikers page");
        return 1;
    }
    if (isatty(STDIN_FILENO)) std::fprintf(stderr, "Wachtwoord voor %s: ", user.c_str());
    std::string password;
    std::getline(std::cin, password);
    if (password.size() < 10) {
        Log("the password needs at least 10 characters");
        return 1;
    }
    auto hash = balie::HashPassword(password);
    if (!hash) {
        Log(hash.error().message);
        return 1;
    }
    if (auto s = store->CreateUser({user, hash.value(), "beheerder"}); !s) {
        Log(s.error().message);
        return 1;
    }
    std::printf("beheerder %s created\n", user.c_str());
    return 0;
}

int Enrol(const Options& o) {
    std::string id = Get(o, "--kiosk");
    if (id.empty()) return Usage();
    auto store = OpenStore(o);
    if (!store) return 1;
    std::string secret = balie::NewToken();
    if (auto s = store->EnrolKiosk(id, secret, sync::WallNowMs()); !s) {
        Log(s.error().message);
        return 1;
    }
    store->Audit("(opdrachtregel)", "kiosk ingeschreven", id, sync::WallNowMs());
    std::printf("%s", balie::KioskConfigLines(Get(o, "--public-url", "http://127.0.0.1:8470"), id, secret,
                                              balie::RetentionDaysOf(*store))
                          .c_str());
    return 0;
}

int Backup(const Options& o) {
    if (o.positional.size() != 1) return Usage();
    auto store = OpenStore(o);
    if (!store) return 1;
    if (auto s = store->Backup(o.positional[0]); !s) {
        Log(s.error().message);
        return 1;
    }
    std::printf("backup written to %s\n", o.positional[0].c_str());
    return 0;
}

int Serve(Options& o) {
    if (std::string config = Get(o, "--config"); !config.empty() && !ReadConfig(config, o)) return 1;
    std::string listen = Get(o, "--listen", "127.0.0.1:8470");
    size_t colon = listen.rfind(':');
    if (colon == std::string::npos) {
        Log("--listen wants HOST:PORT");
        return 2;
    }
    std::string host = listen.substr(0, colon);
    int port = std::atoi(listen.substr(colon + 1).c_str());
    auto store = OpenStore(o);
    if (!store) return 1;
    balie::AppSettings settings;
    // Behind the nginx TLS proxy this is the proxy's https:// address; the kiosks must reach it.
    settings.public_url = Get(o, "--public-url", "http://" + host + ":" + std::to_string(port));
    if (port == 0 && !o.named.count("--public-url"))
        Log("--listen with port 0 and no public_url: the config lines at enrolment will name port 0");
    // The languages' names, from the translations the kiosk ships: a new LANG.po names itself here too.
    // Its package ships them in /usr/share/brugpunt-balie/translations, for a server without the kiosk.
    std::string translations = core::FindAssets(Get(o, "--assets")) + "/translations";
    std::error_code ec;
    if (!o.named.count("--assets") && !std::filesystem::exists(translations + "/nl.po", ec))
        translations = (std::filesystem::read_symlink("/proc/self/exe", ec).parent_path() /
                        "../share/brugpunt-balie/translations")
                           .lexically_normal()
                           .string();
    if (auto t = core::LoadTranslationsDir(translations)) {
        settings.languages = t->Languages();
        Log("language names: " + std::to_string(settings.languages.size()) + " languages from " +
            translations);
        for (const auto& problem : t->Problems()) Log("language names: " + problem);
    } else {
        Log("language names: " + t.error().message + "; requests show the language's code");
    }
    settings.timestamp_window_s = std::atoi(Get(o, "--timestamp-window-s", "300").c_str());
    settings.sync_interval_s = std::atoi(Get(o, "--sync-interval-s", "900").c_str());
    if (settings.timestamp_window_s <= 0 || settings.sync_interval_s <= 0) {
        Log("timestamp_window_s and sync_interval_s must be positive");
        return 2;
    }
    balie::MailSettings mail;
    mail.smtp_url = Get(o, "--smtp-url");
    mail.user = Get(o, "--smtp-user");
    mail.password = Get(o, "--smtp-password");
    mail.from = Get(o, "--mail-from");
    mail.to = Get(o, "--mail-to");
    mail.ca_file = Get(o, "--ca-file");
    if (std::string retry = Get(o, "--mail-retry-s"); !retry.empty())
        mail.retry_ms = std::atoll(retry.c_str()) * 1000;
    bool any_mail = !mail.smtp_url.empty() || !mail.to.empty() || !mail.from.empty();
    if (any_mail && (!mail.Enabled() || !mail.smtp_url.starts_with("smtp://") || mail.retry_ms <= 0)) {
        Log("mail to the desk needs smtp_url (smtp://host:port, STARTTLS), mail_from and mail_to; "
            "mail_retry_s must be positive");
        return 2;
    }
    balie::PublishedSource published{Get(o, "--catalogue-url"), Get(o, "--sync-public-key"),
                                     Get(o, "--ca-file")};
    if (!published.catalogue_url.empty() && published.public_key.empty()) {
        Log("catalogue_url needs sync_public_key, the key the kiosks check the catalogue with");
        return 2;
    }
    settings.published_from_catalogue = !published.catalogue_url.empty();
    balie::BalieApp app(*store, settings, sync::WallNowMs, Log);
    sync::CurlFetcher fetcher;
    long long published_read_ms = 0;
    auto read_published = [&] {
        // As often as a kiosk syncs, and at least every minute: not on every tick.
        long long now = sync::WallNowMs();
        if (!settings.published_from_catalogue ||
            now - published_read_ms < std::min(60'000LL, settings.sync_interval_s * 1000LL))
            return;
        published_read_ms = now;
        app.SetPublished(balie::ReadPublishedVersion(fetcher, published));
    };
    // Read on the first tick, right after the socket is bound: a catalogue server that is down
    // must not hold up Balie's start.
    sync::CurlMail smtp;
    balie::Mailer mailer(*store, mail, smtp, sync::WallNowMs, Log);
    if (mail.Enabled()) {
        app.SetMail([&mailer] { mailer.Wake(); });
        mailer.Start();
        Log("mail to the desk: on, to " + mail.to);
    }
    app.ApplyRetention();
    balie::ServeLimits limits;
    // The fleet is looked at often enough to see a kiosk turn red about when the page would.
    limits.tick_ms = static_cast<int>(std::clamp(settings.sync_interval_s * 500LL, 500LL, 60'000LL));
    int rc = balie::Serve(app, host, port, limits, Log, [&] {
        app.ApplyRetention();
        read_published();
        app.CheckFleet();
    });
    mailer.Stop();
    return rc;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return Usage();
    Options o;
    o.command = argv[1];
    for (int i = 2; i < argc; ++i) {
        std::string a = argv[i];
        if (a.starts_with("--")) {
            if (i + 1 >= argc) return Usage();
            o.named[a] = argv[++i];
        } else {
            o.positional.push_back(a);
        }
    }
    if (o.command == "serve") return Serve(o);
    if (o.command == "init-admin") return InitAdmin(o);
    if (o.command == "enrol") return Enrol(o);
    if (o.command == "backup") return Backup(o);
    return Usage();
}
