// Owns Balie's SQLite database: enrolled kiosks and their heartbeats, the requests the desk works
// through, staff accounts and sessions, the audit log and settings. sqlite3.h appears only in the
// .cpp; every method takes the store's one lock, so the HTTP threads may share it.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/demand.h"
#include "core/result.h"

struct sqlite3;

namespace brugpunt::balie {

struct Kiosk {
    std::string id;
    bool revoked = false;
    long long enrolled_ms = 0;
    long long last_heartbeat_ms = 0;  // 0: never heard from
    long long catalogue_version = 0;
    std::string last_sync;  // as the kiosk reports it (UTC text), empty: never synced
    long long outbox_depth = 0;
    long long uptime_s = 0;
    std::string last_error;
    long long outbox_oldest_s = 0;  // how long its oldest undelivered request had waited
};

struct Heartbeat {
    long long catalogue_version = 0;
    std::string last_sync;
    long long outbox_depth = 0;
    long long uptime_s = 0;
    std::string last_error;
    long long outbox_oldest_s = 0;
};

// A request as the kiosk delivered it (the JSON of store::RequestToJson).
struct IncomingRequest {
    std::string key;  // idempotency key
    std::string reference;
    std::string kiosk_id;
    std::string kind = "appointment";  // or "interest"
    long long created_ms = 0;
    std::vector<std::pair<std::string, std::string>> activities;  // id, title
    std::vector<int> children;
    std::string contact_mode = "phone";  // or "come-back-to-desk"
    std::string phone;
    bool whatsapp = false;
    std::string language;
    bool interpreter = false;
    std::vector<std::string> day_parts;
    std::vector<std::string> help;  // core::HelpCode values: what the family wants the desk to do
};

// A mail to the desk that waits in the database until the mail server takes it.
struct QueuedMail {
    long long id = 0;
    std::string subject;
    std::string body;
    long long created_ms = 0;
    int attempts = 0;
};

enum class RequestState { kNew, kClaimed, kClosed };

struct StoredRequest {
    long long id = 0;
    IncomingRequest in;
    long long received_ms = 0;
    RequestState state = RequestState::kNew;
    std::string claimed_by;
    int attempts = 0;  // "gebeld, geen antwoord"
    std::string outcome;
    std::string follow_up;  // YYYY-MM-DD or empty
    std::string note;
    long long touched_ms = 0;  // last time a person did something with it
    long long closed_ms = 0;
};

struct User {
    std::string name;
    std::string password_hash;
    std::string role;
    int failed_logins = 0;
    long long locked_until_ms = 0;
};

struct Session {
    std::string user;
    std::string role;
    std::string csrf;
    long long expires_ms = 0;
};

struct AuditEntry {
    long long at_ms = 0;
    std::string user;
    std::string action;
    std::string reference;
};

struct RequestCounts {
    int fresh = 0;      // new, nobody has it
    int claimed = 0;    // someone works on it
    int follow_up = 0;  // open with a follow-up date
    int closed = 0;
};

// Which requests a page of the inbox shows.
struct RequestQuery {
    enum class Which { kOpen, kNew, kClaimed, kFollowUp, kClosed };
    Which which = Which::kOpen;
    std::string kind;  // "appointment" or "interest"; empty: both
    int limit = 100;
    int offset = 0;
};

class BalieStore {
  public:
    // A file path, or ":memory:" for tests. WAL with synchronous=FULL: a 2xx answer to a kiosk
    // is sent only after a commit that survives a power cut. secure_delete zeroes erased data.
    static core::Result<std::unique_ptr<BalieStore>> Open(const std::string& path);
    ~BalieStore();
    BalieStore(const BalieStore&) = delete;
    BalieStore& operator=(const BalieStore&) = delete;

    // Kiosks. Enrolling a revoked kiosk again gives it a new secret and lets it back in.
    core::VoidResult EnrolKiosk(const std::string& id, const std::string& secret, long long now_ms);
    core::VoidResult RevokeKiosk(const std::string& id, long long now_ms);
    // nullopt for an unknown or revoked kiosk.
    core::Result<std::optional<std::string>> KioskSecret(const std::string& id);
    core::Result<std::vector<Kiosk>> Kiosks();
    core::VoidResult RecordHeartbeat(const std::string& kiosk_id, const Heartbeat& h, long long now_ms);
    // Each day in counts replaces what that kiosk said of it before.
    core::VoidResult RecordDemand(const std::string& kiosk_id, const core::DemandCounts& counts);
    // Every kiosk's counts summed, per day from first_day ("2026-10-05") on.
    core::Result<core::DemandCounts> DemandSince(const std::string& first_day);

    // True when the request is new, false when its idempotency key was seen before (also after
    // the request was closed and erased).
    core::Result<bool> InsertRequest(const IncomingRequest& r, long long now_ms);
    // Open requests newest first (closed ones when `closed`), at most `limit`.
    core::Result<std::vector<StoredRequest>> Requests(bool closed, int limit);
    // Newest first; the filtering and paging happen in SQL, so a page costs its size, not the inbox's.
    core::Result<std::vector<StoredRequest>> Requests(const RequestQuery& q);
    core::Result<long long> CountRequests(const RequestQuery& q);
    core::Result<std::optional<StoredRequest>> RequestById(long long id);
    core::Result<std::optional<StoredRequest>> RequestByReference(const std::string& reference);
    core::Result<RequestCounts> Counts();

    core::VoidResult Claim(long long id, const std::string& user, long long now_ms);
    core::VoidResult AddAttempt(long long id, long long now_ms);
    core::VoidResult Update(long long id, const std::string& outcome, const std::string& follow_up,
                            const std::string& note, long long now_ms);
    // Erases every personal field and keeps the anonymous rest (date, kiosk, activities,
    // language, outcome); then checkpoints the WAL so no copy of the old page stays behind.
    core::VoidResult Close(long long id, const std::string& outcome, long long now_ms);
    // Closes and erases every open request received before cutoff_ms; returns their references.
    core::Result<std::vector<std::string>> CloseReceivedBefore(long long cutoff_ms, long long now_ms);

    // Mail to the desk, oldest first; a mail leaves the queue once the server took it.
    core::VoidResult QueueMail(const QueuedMail& m);
    core::Result<std::vector<QueuedMail>> DueMail(long long now_ms, int limit);
    core::VoidResult MailSent(long long id);
    core::VoidResult MailFailed(long long id, long long next_ms, const std::string& error);
    core::Result<long long> MailWaiting();

    // Accounts and sessions. Sessions are stored by a hash of their token.
    core::VoidResult CreateUser(const User& u);
    core::Result<std::optional<User>> FindUser(const std::string& name);
    core::Result<std::vector<User>> Users();
    core::Result<int> CountUsers();
    core::VoidResult SetLoginFailures(const std::string& name, int failed, long long locked_until_ms);
    core::VoidResult CreateSession(const std::string& token_hash, const Session& s);
    core::Result<std::optional<Session>> FindSession(const std::string& token_hash, long long now_ms);
    core::VoidResult DeleteSession(const std::string& token_hash);

    core::VoidResult Audit(const std::string& user, const std::string& action, const std::string& reference,
                           long long now_ms);
    core::Result<std::vector<AuditEntry>> AuditLog(int limit);

    core::Result<std::optional<std::string>> Setting(const std::string& key);
    core::VoidResult SetSetting(const std::string& key, const std::string& value);

    // A consistent copy through SQLite's online backup, while the server keeps running.
    core::VoidResult Backup(const std::string& path);

  private:
    explicit BalieStore(sqlite3* db) : m_db(db) {}
    core::VoidResult Exec(const std::string& sql);
    core::VoidResult CloseLocked(long long id, const std::string& outcome, long long now_ms);
    core::VoidResult Checkpoint();
    sqlite3* m_db;
    std::mutex m_mutex;
};

std::string_view StateName(RequestState s);

}  // namespace brugpunt::balie
