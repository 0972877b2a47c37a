// Owns Balie's web application: routing, sessions, CSRF, roles, the security headers and every
// page and form. Takes a plain request and returns a plain response, so it is tested without a
// socket; http_server.cpp is the only file that knows cpp-httplib.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/language.h"
#include "published.h"
#include "store.h"

namespace brugpunt::balie {

struct WebRequest {
    std::string method;  // "GET" or "POST"
    std::string path;    // without the query
    std::map<std::string, std::string> query;
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;
};

struct WebResponse {
    int status = 200;
    std::string content_type = "text/html; charset=utf-8";
    std::vector<std::pair<std::string, std::string>> headers;
    std::string body;
    std::string Header(const std::string& name) const;
};

struct AppSettings {
    std::string public_url = "http://127.0.0.1:8470";  // what enrolment puts in the kiosk's config
    int timestamp_window_s = 300;
    long long session_ms = 8LL * 3600'000;  // one working day
    int sync_interval_s = 900;              // the kiosks' sync_interval_s, for the fleet page
    // The published version is read from the catalogue server (SetPublished), not typed in.
    bool published_from_catalogue = false;
    // The kiosks' languages, for their names (the translations both programs ship); a code
    // missing here is shown as the kiosk sent it.
    std::vector<core::Language> languages;
};

inline constexpr int kDefaultRetentionDays = 30;
// Rows per inbox page: a desk PC or tablet renders it at once; 10,000 open requests stay paged.
inline constexpr int kInboxPageSize = 100;
// Weeks on the page of what visitors look for: a season, to see a gap come back.
inline constexpr int kDemandWeeks = 12;

using LogFn = std::function<void(const std::string&)>;

class BalieApp {
  public:
    BalieApp(BalieStore& store, AppSettings settings, std::function<long long()> now_ms, LogFn log);
    WebResponse Handle(const WebRequest& request);
    // Closes and erases open requests older than the retention setting; logs each by reference.
    void ApplyRetention();
    // With mail on, a new request and a kiosk turning red (or back) each queue a mail to the
    // desk, and `queued` is called to send it.
    void SetMail(std::function<void()> queued) { m_mail_queued = std::move(queued); }
    // Compares each kiosk with what the last look found and queues the mails; every tick.
    void CheckFleet();
    // What the catalogue server publishes now; an error keeps the last version read.
    void SetPublished(const PublishedVersion& published);

  private:
    struct Context;
    WebResponse Route(const WebRequest& request);
    WebResponse Kiosk(const WebRequest& request);
    WebResponse LoginPage(const WebRequest& request, const std::string& error);
    WebResponse Login(const WebRequest& request);
    WebResponse Inbox(const Context& c, const WebRequest& request);
    WebResponse RequestPage(const Context& c, long long id);
    WebResponse RequestAction(const Context& c, long long id, const std::string& action,
                              const std::map<std::string, std::string>& form);
    WebResponse FleetPage(const Context& c, const std::string& flash);
    WebResponse FleetAction(const Context& c, const std::string& action,
                            const std::map<std::string, std::string>& form);
    WebResponse UsersPage(const Context& c, const std::string& flash);
    WebResponse UsersAction(const Context& c, const std::map<std::string, std::string>& form);
    WebResponse SettingsPage(const Context& c, const std::string& flash);
    WebResponse SettingsAction(const Context& c, const std::map<std::string, std::string>& form);
    WebResponse AuditPage(const Context& c);
    WebResponse DemandPage(const Context& c);
    WebResponse Page(const Context& c, const std::string& title, const std::string& content);
    WebResponse Error(int status, const std::string& message);
    int RetentionDays();
    long long PublishedVersionNow();

    BalieStore& m_store;
    AppSettings m_settings;
    std::function<long long()> m_now_ms;
    LogFn m_log;
    std::function<void()> m_mail_queued;  // empty: no mail
};

// application/x-www-form-urlencoded (also a query string) -> fields; the last of a name wins.
std::map<std::string, std::string> ParseForm(const std::string& body);
// "k7q-4xm", "K7Q4XM " -> "K7Q-4XM": how a visitor may read their code out.
std::string NormalizeReference(const std::string& typed);
// Monday to Friday days after `from_ms`'s day up to and including `to_ms`'s day (UTC).
int WorkingDaysBetween(long long from_ms, long long to_ms);
// Why a kiosk is red on the fleet page, in Dutch; empty when it is fine. Red: silent for more than
// two sync intervals, a request waiting on the kiosk for more than an hour, or a catalogue older
// than the published one (published_version 0: none recorded).
std::string FleetProblem(const Kiosk& k, long long now_ms, int sync_interval_s, long long published_version);
// The lines an enrolled kiosk pastes into its config file. retention_days is Balie's: the kiosk
// keeps an undelivered request no longer, and its consent text names the same number of days.
std::string KioskConfigLines(const std::string& public_url, const std::string& id, const std::string& secret,
                             int retention_days);
// Balie's retention setting (kDefaultRetentionDays when unset or not a positive number).
int RetentionDaysOf(BalieStore& store);

}  // namespace brugpunt::balie
