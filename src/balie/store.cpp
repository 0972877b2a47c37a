// Owns Balie's SQLite schema and queries. The only balie file that includes sqlite3.h.
#include "store.h"

#include <sqlite3.h>

#include <algorithm>

#include <nlohmann/json.hpp>

namespace brugpunt::balie {
namespace {

using core::Error;
using core::ErrorCode;
using core::Ok;

class Stmt {
  public:
    Stmt(sqlite3* db, const std::string& sql) : m_db(db) {
        m_rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &m_stmt, nullptr);
    }
    ~Stmt() { sqlite3_finalize(m_stmt); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    bool ok() const { return m_rc == SQLITE_OK; }
    Error Fail(const std::string& what) const {
        return Error{ErrorCode::kDatabase, "balie db: " + what + ": " + sqlite3_errmsg(m_db)};
    }
    void Bind(int i, const std::string& v) { sqlite3_bind_text(m_stmt, i, v.c_str(), -1, SQLITE_TRANSIENT); }
    void Bind(int i, long long v) { sqlite3_bind_int64(m_stmt, i, v); }
    void BindNull(int i) { sqlite3_bind_null(m_stmt, i); }
    int Step() { return sqlite3_step(m_stmt); }
    void Reset() {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
    }
    std::string Text(int col) const {
        auto p = sqlite3_column_text(m_stmt, col);
        return p ? reinterpret_cast<const char*>(p) : "";
    }
    long long Int(int col) const { return sqlite3_column_int64(m_stmt, col); }

  private:
    sqlite3* m_db;
    sqlite3_stmt* m_stmt = nullptr;
    int m_rc;
};

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS kiosks(
    id TEXT PRIMARY KEY, secret TEXT NOT NULL, enrolled_ms INTEGER NOT NULL, revoked_ms INTEGER,
    last_heartbeat_ms INTEGER NOT NULL DEFAULT 0, catalogue_version INTEGER NOT NULL DEFAULT 0,
    last_sync TEXT NOT NULL DEFAULT '', outbox_depth INTEGER NOT NULL DEFAULT 0,
    uptime_s INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '',
    outbox_oldest_s INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS requests(
    id INTEGER PRIMARY KEY, idem_key TEXT NOT NULL UNIQUE, reference TEXT NOT NULL,
    kiosk_id TEXT NOT NULL, kind TEXT NOT NULL, created_ms INTEGER NOT NULL,
    received_ms INTEGER NOT NULL, activities TEXT NOT NULL, language TEXT NOT NULL,
    contact_mode TEXT NOT NULL,
    -- personal fields: erased on close
    phone TEXT, whatsapp INTEGER NOT NULL DEFAULT 0, children TEXT NOT NULL DEFAULT '[]',
    interpreter INTEGER NOT NULL DEFAULT 0, day_parts TEXT NOT NULL DEFAULT '[]',
    note TEXT NOT NULL DEFAULT '', follow_up TEXT NOT NULL DEFAULT '', help TEXT NOT NULL DEFAULT '[]',
    -- the desk's work
    state TEXT NOT NULL DEFAULT 'new', claimed_by TEXT NOT NULL DEFAULT '',
    attempts INTEGER NOT NULL DEFAULT 0, outcome TEXT NOT NULL DEFAULT '',
    touched_ms INTEGER NOT NULL, closed_ms INTEGER NOT NULL DEFAULT 0);
CREATE INDEX IF NOT EXISTS requests_reference ON requests(reference);
CREATE INDEX IF NOT EXISTS requests_state ON requests(state, received_ms);
CREATE TABLE IF NOT EXISTS users(
    name TEXT PRIMARY KEY, hash TEXT NOT NULL, role TEXT NOT NULL,
    failed INTEGER NOT NULL DEFAULT 0, locked_until_ms INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS sessions(
    token_hash TEXT PRIMARY KEY, user TEXT NOT NULL, csrf TEXT NOT NULL, expires_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS audit(
    id INTEGER PRIMARY KEY, at_ms INTEGER NOT NULL, user TEXT NOT NULL, action TEXT NOT NULL,
    reference TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS settings(key TEXT PRIMARY KEY, value TEXT NOT NULL);
-- What visitors looked for: anonymous counts per kiosk, day and key (core/demand.h).
CREATE TABLE IF NOT EXISTS demand(
    kiosk_id TEXT NOT NULL, day TEXT NOT NULL, key TEXT NOT NULL, n INTEGER NOT NULL,
    PRIMARY KEY(kiosk_id, day, key)) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS demand_day ON demand(day);
-- Mail to the desk waiting to be sent: reference codes and kiosk ids only, never personal data.
CREATE TABLE IF NOT EXISTS mail_queue(
    id INTEGER PRIMARY KEY, subject TEXT NOT NULL, body TEXT NOT NULL, created_ms INTEGER NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0, next_ms INTEGER NOT NULL, last_error TEXT NOT NULL DEFAULT '');
)sql";

constexpr const char* kRequestColumns =
    "id, idem_key, reference, kiosk_id, kind, created_ms, received_ms, activities, language, contact_mode, "
    "phone, whatsapp, children, interpreter, day_parts, note, follow_up, state, claimed_by, attempts, "
    "outcome, touched_ms, closed_ms, help";

RequestState ParseState(const std::string& s) {
    if (s == "claimed") return RequestState::kClaimed;
    if (s == "closed") return RequestState::kClosed;
    return RequestState::kNew;
}

StoredRequest ReadRequest(const Stmt& s) {
    using nlohmann::json;
    StoredRequest r;
    r.id = s.Int(0);
    r.in.key = s.Text(1);
    r.in.reference = s.Text(2);
    r.in.kiosk_id = s.Text(3);
    r.in.kind = s.Text(4);
    r.in.created_ms = s.Int(5);
    r.received_ms = s.Int(6);
    // Written by this file from checked values; a damaged column reads as empty, never throws.
    json acts = json::parse(s.Text(7), nullptr, false);
    if (acts.is_array())
        for (const auto& a : acts)
            if (a.is_array() && a.size() == 2 && a[0].is_string() && a[1].is_string())
                r.in.activities.emplace_back(a[0].get<std::string>(), a[1].get<std::string>());
    r.in.language = s.Text(8);
    r.in.contact_mode = s.Text(9);
    r.in.phone = s.Text(10);
    r.in.whatsapp = s.Int(11) != 0;
    json kids = json::parse(s.Text(12), nullptr, false);
    if (kids.is_array())
        for (const auto& k : kids)
            if (k.is_number_integer()) r.in.children.push_back(k.get<int>());
    r.in.interpreter = s.Int(13) != 0;
    json parts = json::parse(s.Text(14), nullptr, false);
    if (parts.is_array())
        for (const auto& p : parts)
            if (p.is_string()) r.in.day_parts.push_back(p.get<std::string>());
    r.note = s.Text(15);
    r.follow_up = s.Text(16);
    r.state = ParseState(s.Text(17));
    r.claimed_by = s.Text(18);
    r.attempts = static_cast<int>(s.Int(19));
    r.outcome = s.Text(20);
    r.touched_ms = s.Int(21);
    r.closed_ms = s.Int(22);
    json help = json::parse(s.Text(23), nullptr, false);
    if (help.is_array())
        for (const auto& h : help)
            if (h.is_string()) r.in.help.push_back(h.get<std::string>());
    return r;
}

core::VoidResult StepDone(Stmt& s, const std::string& what) {
    if (!s.ok() || s.Step() != SQLITE_DONE) return s.Fail(what);
    return Ok{};
}

}  // namespace

std::string_view StateName(RequestState s) {
    switch (s) {
        case RequestState::kNew:
            return "new";
        case RequestState::kClaimed:
            return "claimed";
        case RequestState::kClosed:
            return "closed";
    }
    return "new";
}

core::Result<std::unique_ptr<BalieStore>> BalieStore::Open(const std::string& path) {
    sqlite3* db = nullptr;
    if (sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX,
                        nullptr) != SQLITE_OK) {
        std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
        sqlite3_close(db);
        return Error{ErrorCode::kIo, "balie db: cannot open " + path + ": " + msg};
    }
    sqlite3_busy_timeout(db, 5000);
    std::unique_ptr<BalieStore> store(new BalieStore(db));
    if (auto s = store->Exec("PRAGMA secure_delete=ON; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;");
        !s)
        return s.error();
    if (auto s = store->Exec(kSchema); !s) return s.error();
    // A database made before the heartbeat said how long its oldest request waits.
    if (!store->Exec("SELECT outbox_oldest_s FROM kiosks LIMIT 0"))
        if (auto s = store->Exec("ALTER TABLE kiosks ADD COLUMN outbox_oldest_s INTEGER NOT NULL DEFAULT 0");
            !s)
            return s.error();
    // A database made before the request said which help the family wants.
    if (!store->Exec("SELECT help FROM requests LIMIT 0"))
        if (auto s = store->Exec("ALTER TABLE requests ADD COLUMN help TEXT NOT NULL DEFAULT '[]'"); !s)
            return s.error();
    return store;
}

BalieStore::~BalieStore() {
    sqlite3_close(m_db);
}

core::VoidResult BalieStore::Exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(m_db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = std::string("balie db: ") + (err ? err : "unknown error");
        sqlite3_free(err);
        return Error{ErrorCode::kDatabase, msg};
    }
    return Ok{};
}

core::VoidResult BalieStore::Checkpoint() {
    return Exec("PRAGMA wal_checkpoint(TRUNCATE);");
}

// [SECTION] kiosks

core::VoidResult BalieStore::EnrolKiosk(const std::string& id, const std::string& secret, long long now_ms) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db,
           "INSERT INTO kiosks(id, secret, enrolled_ms) VALUES(?1, ?2, ?3) "
           "ON CONFLICT(id) DO UPDATE SET secret = ?2, enrolled_ms = ?3, revoked_ms = NULL");
    s.Bind(1, id);
    s.Bind(2, secret);
    s.Bind(3, now_ms);
    return StepDone(s, "enrol kiosk");
}

core::VoidResult BalieStore::RevokeKiosk(const std::string& id, long long now_ms) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "UPDATE kiosks SET revoked_ms = ?2 WHERE id = ?1");
    s.Bind(1, id);
    s.Bind(2, now_ms);
    return StepDone(s, "revoke kiosk");
}

core::Result<std::optional<std::string>> BalieStore::KioskSecret(const std::string& id) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "SELECT secret FROM kiosks WHERE id = ? AND revoked_ms IS NULL");
    s.Bind(1, id);
    if (!s.ok()) return s.Fail("kiosk secret");
    int rc = s.Step();
    if (rc == SQLITE_ROW) return std::optional<std::string>(s.Text(0));
    if (rc == SQLITE_DONE) return std::optional<std::string>();
    return s.Fail("kiosk secret");
}

core::Result<std::vector<Kiosk>> BalieStore::Kiosks() {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db,
           "SELECT id, revoked_ms IS NOT NULL, enrolled_ms, last_heartbeat_ms, catalogue_version, last_sync, "
           "outbox_depth, uptime_s, last_error, outbox_oldest_s FROM kiosks ORDER BY id");
    if (!s.ok()) return s.Fail("kiosks");
    std::vector<Kiosk> out;
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW)
        out.push_back({s.Text(0), s.Int(1) != 0, s.Int(2), s.Int(3), s.Int(4), s.Text(5), s.Int(6), s.Int(7),
                       s.Text(8), s.Int(9)});
    if (rc != SQLITE_DONE) return s.Fail("kiosks");
    return out;
}

core::VoidResult BalieStore::RecordHeartbeat(const std::string& kiosk_id, const Heartbeat& h,
                                             long long now_ms) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db,
           "UPDATE kiosks SET last_heartbeat_ms = ?2, catalogue_version = ?3, last_sync = ?4, outbox_depth = "
           "?5, "
           "uptime_s = ?6, last_error = ?7, outbox_oldest_s = ?8 WHERE id = ?1");
    s.Bind(1, kiosk_id);
    s.Bind(2, now_ms);
    s.Bind(3, h.catalogue_version);
    s.Bind(4, h.last_sync);
    s.Bind(5, h.outbox_depth);
    s.Bind(6, h.uptime_s);
    s.Bind(7, h.last_error);
    s.Bind(8, h.outbox_oldest_s);
    return StepDone(s, "heartbeat");
}

core::VoidResult BalieStore::RecordDemand(const std::string& kiosk_id, const core::DemandCounts& counts) {
    if (counts.empty()) return Ok{};
    std::lock_guard lock(m_mutex);
    if (auto b = Exec("BEGIN IMMEDIATE"); !b) return b.error();
    auto write = [&]() -> core::VoidResult {
        Stmt del(m_db, "DELETE FROM demand WHERE kiosk_id = ? AND day = ?");
        Stmt add(m_db, "INSERT INTO demand(kiosk_id, day, key, n) VALUES (?,?,?,?)");
        if (!del.ok() || !add.ok()) return del.Fail("prepare demand");
        // Each day the kiosk sends is its whole count for that day so far: replace, never add,
        // so a heartbeat sent twice counts once.
        for (const auto& [day, keys] : counts) {
            del.Bind(1, kiosk_id);
            del.Bind(2, day);
            if (auto d = StepDone(del, "demand"); !d) return d;
            del.Reset();
            for (const auto& [key, n] : keys) {
                add.Bind(1, kiosk_id);
                add.Bind(2, day);
                add.Bind(3, key);
                add.Bind(4, n);
                if (auto d = StepDone(add, "demand"); !d) return d;
                add.Reset();
            }
        }
        return Ok{};
    };
    if (auto w = write(); !w) {
        Exec("ROLLBACK");
        return w;
    }
    return Exec("COMMIT");
}

core::Result<core::DemandCounts> BalieStore::DemandSince(const std::string& first_day) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "SELECT day, key, SUM(n) FROM demand WHERE day >= ? GROUP BY day, key");
    if (!s.ok()) return s.Fail("prepare demand");
    s.Bind(1, first_day);
    core::DemandCounts out;
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) out[s.Text(0)][s.Text(1)] = s.Int(2);
    if (rc != SQLITE_DONE) return s.Fail("demand");
    return out;
}

// [SECTION] mail to the desk

core::VoidResult BalieStore::QueueMail(const QueuedMail& m) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "INSERT INTO mail_queue(subject, body, created_ms, next_ms) VALUES (?,?,?,?)");
    s.Bind(1, m.subject);
    s.Bind(2, m.body);
    s.Bind(3, m.created_ms);
    s.Bind(4, m.created_ms);
    return StepDone(s, "queue mail");
}

core::Result<std::vector<QueuedMail>> BalieStore::DueMail(long long now_ms, int limit) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db,
           "SELECT id, subject, body, created_ms, attempts FROM mail_queue WHERE next_ms <= ? ORDER BY id "
           "LIMIT ?");
    if (!s.ok()) return s.Fail("prepare due mail");
    s.Bind(1, now_ms);
    s.Bind(2, static_cast<long long>(limit));
    std::vector<QueuedMail> out;
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW)
        out.push_back({s.Int(0), s.Text(1), s.Text(2), s.Int(3), static_cast<int>(s.Int(4))});
    if (rc != SQLITE_DONE) return s.Fail("due mail");
    return out;
}

core::VoidResult BalieStore::MailSent(long long id) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "DELETE FROM mail_queue WHERE id = ?");
    s.Bind(1, id);
    return StepDone(s, "mail sent");
}

core::VoidResult BalieStore::MailFailed(long long id, long long next_ms, const std::string& error) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db,
           "UPDATE mail_queue SET attempts = attempts + 1, next_ms = ?2, last_error = ?3 WHERE id = ?1");
    s.Bind(1, id);
    s.Bind(2, next_ms);
    s.Bind(3, error);
    return StepDone(s, "mail failed");
}

core::Result<long long> BalieStore::MailWaiting() {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "SELECT COUNT(*) FROM mail_queue");
    if (!s.ok() || s.Step() != SQLITE_ROW) return s.Fail("mail waiting");
    return s.Int(0);
}

// [SECTION] requests

core::Result<bool> BalieStore::InsertRequest(const IncomingRequest& r, long long now_ms) {
    using nlohmann::json;
    std::lock_guard lock(m_mutex);
    json acts = json::array();
    for (const auto& [id, title] : r.activities) acts.push_back({id, title});
    Stmt s(m_db,
           "INSERT INTO requests(idem_key, reference, kiosk_id, kind, created_ms, received_ms, activities, "
           "language, contact_mode, phone, whatsapp, children, interpreter, day_parts, help, touched_ms) "
           "VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?6) "
           "ON CONFLICT(idem_key) DO NOTHING");
    s.Bind(1, r.key);
    s.Bind(2, r.reference);
    s.Bind(3, r.kiosk_id);
    s.Bind(4, r.kind);
    s.Bind(5, r.created_ms);
    s.Bind(6, now_ms);
    s.Bind(7, acts.dump());
    s.Bind(8, r.language);
    s.Bind(9, r.contact_mode);
    if (r.contact_mode == "phone")
        s.Bind(10, r.phone);
    else
        s.BindNull(10);
    s.Bind(11, static_cast<long long>(r.whatsapp));
    s.Bind(12, json(r.children).dump());
    s.Bind(13, static_cast<long long>(r.interpreter));
    s.Bind(14, json(r.day_parts).dump());
    s.Bind(15, json(r.help).dump());
    if (auto d = StepDone(s, "insert request"); !d) return d.error();
    return sqlite3_changes(m_db) == 1;
}

namespace {

std::string WhereOf(const RequestQuery& q) {
    using W = RequestQuery::Which;
    std::string where;
    switch (q.which) {
        case W::kOpen:
            where = "state != 'closed'";
            break;
        case W::kNew:
            where = "state = 'new'";
            break;
        case W::kClaimed:
            where = "state = 'claimed'";
            break;
        case W::kFollowUp:
            where = "state != 'closed' AND follow_up != ''";
            break;
        case W::kClosed:
            where = "state = 'closed'";
            break;
    }
    return where + (q.kind.empty() ? "" : " AND kind = ?1");
}

}  // namespace

core::Result<std::vector<StoredRequest>> BalieStore::Requests(const RequestQuery& q) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, std::string("SELECT ") + kRequestColumns + " FROM requests WHERE " + WhereOf(q) +
                     " ORDER BY received_ms DESC, id DESC LIMIT ?2 OFFSET ?3");
    if (!q.kind.empty()) s.Bind(1, q.kind);
    s.Bind(2, static_cast<long long>(std::clamp(q.limit, 1, 1000)));
    s.Bind(3, static_cast<long long>(std::max(q.offset, 0)));
    if (!s.ok()) return s.Fail("requests");
    std::vector<StoredRequest> out;
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) out.push_back(ReadRequest(s));
    if (rc != SQLITE_DONE) return s.Fail("requests");
    return out;
}

core::Result<long long> BalieStore::CountRequests(const RequestQuery& q) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "SELECT COUNT(*) FROM requests WHERE " + WhereOf(q));
    if (!q.kind.empty()) s.Bind(1, q.kind);
    if (!s.ok() || s.Step() != SQLITE_ROW) return s.Fail("count");
    return s.Int(0);
}

core::Result<std::vector<StoredRequest>> BalieStore::Requests(bool closed, int limit) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, std::string("SELECT ") + kRequestColumns + " FROM requests WHERE (state = 'closed') = ?1 " +
                     "ORDER BY received_ms DESC, id DESC LIMIT ?2");
    s.Bind(1, static_cast<long long>(closed));
    s.Bind(2, static_cast<long long>(limit));
    if (!s.ok()) return s.Fail("requests");
    std::vector<StoredRequest> out;
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) out.push_back(ReadRequest(s));
    if (rc != SQLITE_DONE) return s.Fail("requests");
    return out;
}

core::Result<std::optional<StoredRequest>> BalieStore::RequestById(long long id) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, std::string("SELECT ") + kRequestColumns + " FROM requests WHERE id = ?");
    s.Bind(1, id);
    if (!s.ok()) return s.Fail("request");
    int rc = s.Step();
    if (rc == SQLITE_ROW) return std::optional<StoredRequest>(ReadRequest(s));
    if (rc == SQLITE_DONE) return std::optional<StoredRequest>();
    return s.Fail("request");
}

core::Result<std::optional<StoredRequest>> BalieStore::RequestByReference(const std::string& reference) {
    std::lock_guard lock(m_mutex);
    // Open before closed, newest first: codes are random, so a clash is rare but possible.
    Stmt s(m_db,
           std::string("SELECT ") + kRequestColumns +
               " FROM requests WHERE reference = ? ORDER BY state = 'closed', received_ms DESC LIMIT 1");
    s.Bind(1, reference);
    if (!s.ok()) return s.Fail("request by reference");
    int rc = s.Step();
    if (rc == SQLITE_ROW) return std::optional<StoredRequest>(ReadRequest(s));
    if (rc == SQLITE_DONE) return std::optional<StoredRequest>();
    return s.Fail("request by reference");
}

core::Result<RequestCounts> BalieStore::Counts() {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db,
           "SELECT coalesce(sum(state = 'new'), 0), coalesce(sum(state = 'claimed'), 0), "
           "coalesce(sum(state != 'closed' AND follow_up != ''), 0), coalesce(sum(state = 'closed'), 0) "
           "FROM requests");
    if (!s.ok() || s.Step() != SQLITE_ROW) return s.Fail("counts");
    return RequestCounts{static_cast<int>(s.Int(0)), static_cast<int>(s.Int(1)), static_cast<int>(s.Int(2)),
                         static_cast<int>(s.Int(3))};
}

core::VoidResult BalieStore::Claim(long long id, const std::string& user, long long now_ms) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db,
           "UPDATE requests SET state = 'claimed', claimed_by = ?2, touched_ms = ?3 "
           "WHERE id = ?1 AND state != 'closed'");
    s.Bind(1, id);
    s.Bind(2, user);
    s.Bind(3, now_ms);
    return StepDone(s, "claim");
}

core::VoidResult BalieStore::AddAttempt(long long id, long long now_ms) {
    std::lock_guard lock(m_mutex);
    Stmt s(
        m_db,
        "UPDATE requests SET attempts = attempts + 1, touched_ms = ?2 WHERE id = ?1 AND state != 'closed'");
    s.Bind(1, id);
    s.Bind(2, now_ms);
    return StepDone(s, "attempt");
}

core::VoidResult BalieStore::Update(long long id, const std::string& outcome, const std::string& follow_up,
                                    const std::string& note, long long now_ms) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db,
           "UPDATE requests SET outcome = ?2, follow_up = ?3, note = ?4, touched_ms = ?5 "
           "WHERE id = ?1 AND state != 'closed'");
    s.Bind(1, id);
    s.Bind(2, outcome);
    s.Bind(3, follow_up);
    s.Bind(4, note);
    s.Bind(5, now_ms);
    return StepDone(s, "update");
}

core::VoidResult BalieStore::CloseLocked(long long id, const std::string& outcome, long long now_ms) {
    Stmt s(
        m_db,
        "UPDATE requests SET phone = NULL, whatsapp = 0, children = '[]', interpreter = 0, day_parts = '[]', "
        "help = '[]', note = '', follow_up = '', state = 'closed', "
        "outcome = CASE WHEN ?2 = '' THEN outcome ELSE ?2 END, "
        "touched_ms = ?3, closed_ms = ?3 WHERE id = ?1 AND state != 'closed'");
    s.Bind(1, id);
    s.Bind(2, outcome);
    s.Bind(3, now_ms);
    return StepDone(s, "close");
}

core::VoidResult BalieStore::Close(long long id, const std::string& outcome, long long now_ms) {
    std::lock_guard lock(m_mutex);
    if (auto s = CloseLocked(id, outcome, now_ms); !s) return s;
    return Checkpoint();
}

core::Result<std::vector<std::string>> BalieStore::CloseReceivedBefore(long long cutoff_ms,
                                                                       long long now_ms) {
    std::lock_guard lock(m_mutex);
    std::vector<std::pair<long long, std::string>> due;
    {
        Stmt s(m_db, "SELECT id, reference FROM requests WHERE state != 'closed' AND received_ms < ?");
        s.Bind(1, cutoff_ms);
        if (!s.ok()) return s.Fail("retention");
        int rc;
        while ((rc = s.Step()) == SQLITE_ROW) due.emplace_back(s.Int(0), s.Text(1));
        if (rc != SQLITE_DONE) return s.Fail("retention");
    }
    std::vector<std::string> refs;
    for (const auto& [id, ref] : due) {
        if (auto s = CloseLocked(id, "", now_ms); !s) return s.error();
        refs.push_back(ref);
    }
    if (!refs.empty())
        if (auto s = Checkpoint(); !s) return s.error();
    return refs;
}

// [SECTION] accounts

core::VoidResult BalieStore::CreateUser(const User& u) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "INSERT INTO users(name, hash, role) VALUES(?, ?, ?)");
    s.Bind(1, u.name);
    s.Bind(2, u.password_hash);
    s.Bind(3, u.role);
    return StepDone(s, "create user");
}

core::Result<std::optional<User>> BalieStore::FindUser(const std::string& name) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "SELECT name, hash, role, failed, locked_until_ms FROM users WHERE name = ?");
    s.Bind(1, name);
    if (!s.ok()) return s.Fail("user");
    int rc = s.Step();
    if (rc == SQLITE_ROW)
        return std::optional<User>(
            User{s.Text(0), s.Text(1), s.Text(2), static_cast<int>(s.Int(3)), s.Int(4)});
    if (rc == SQLITE_DONE) return std::optional<User>();
    return s.Fail("user");
}

core::Result<std::vector<User>> BalieStore::Users() {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "SELECT name, role, failed, locked_until_ms FROM users ORDER BY name");
    if (!s.ok()) return s.Fail("users");
    std::vector<User> out;
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW)
        out.push_back(User{s.Text(0), "", s.Text(1), static_cast<int>(s.Int(2)), s.Int(3)});
    if (rc != SQLITE_DONE) return s.Fail("users");
    return out;
}

core::Result<int> BalieStore::CountUsers() {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "SELECT count(*) FROM users");
    if (!s.ok() || s.Step() != SQLITE_ROW) return s.Fail("count users");
    return static_cast<int>(s.Int(0));
}

core::VoidResult BalieStore::SetLoginFailures(const std::string& name, int failed,
                                              long long locked_until_ms) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "UPDATE users SET failed = ?2, locked_until_ms = ?3 WHERE name = ?1");
    s.Bind(1, name);
    s.Bind(2, static_cast<long long>(failed));
    s.Bind(3, locked_until_ms);
    return StepDone(s, "login failures");
}

core::VoidResult BalieStore::CreateSession(const std::string& token_hash, const Session& session) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "INSERT INTO sessions(token_hash, user, csrf, expires_ms) VALUES(?, ?, ?, ?)");
    s.Bind(1, token_hash);
    s.Bind(2, session.user);
    s.Bind(3, session.csrf);
    s.Bind(4, session.expires_ms);
    return StepDone(s, "create session");
}

core::Result<std::optional<Session>> BalieStore::FindSession(const std::string& token_hash,
                                                             long long now_ms) {
    std::lock_guard lock(m_mutex);
    {
        Stmt purge(m_db, "DELETE FROM sessions WHERE expires_ms <= ?");
        purge.Bind(1, now_ms);
        if (auto s = StepDone(purge, "expire sessions"); !s) return s.error();
    }
    // The role is read from the user on every request: a changed role counts at once.
    Stmt s(m_db,
           "SELECT s.user, u.role, s.csrf, s.expires_ms FROM sessions s JOIN users u ON u.name = s.user "
           "WHERE s.token_hash = ?");
    s.Bind(1, token_hash);
    if (!s.ok()) return s.Fail("session");
    int rc = s.Step();
    if (rc == SQLITE_ROW) return std::optional<Session>(Session{s.Text(0), s.Text(1), s.Text(2), s.Int(3)});
    if (rc == SQLITE_DONE) return std::optional<Session>();
    return s.Fail("session");
}

core::VoidResult BalieStore::DeleteSession(const std::string& token_hash) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "DELETE FROM sessions WHERE token_hash = ?");
    s.Bind(1, token_hash);
    return StepDone(s, "delete session");
}

// [SECTION] audit, settings, backup

core::VoidResult BalieStore::Audit(const std::string& user, const std::string& action,
                                   const std::string& reference, long long now_ms) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "INSERT INTO audit(at_ms, user, action, reference) VALUES(?, ?, ?, ?)");
    s.Bind(1, now_ms);
    s.Bind(2, user);
    s.Bind(3, action);
    s.Bind(4, reference);
    return StepDone(s, "audit");
}

core::Result<std::vector<AuditEntry>> BalieStore::AuditLog(int limit) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "SELECT at_ms, user, action, reference FROM audit ORDER BY id DESC LIMIT ?");
    s.Bind(1, static_cast<long long>(limit));
    if (!s.ok()) return s.Fail("audit log");
    std::vector<AuditEntry> out;
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) out.push_back({s.Int(0), s.Text(1), s.Text(2), s.Text(3)});
    if (rc != SQLITE_DONE) return s.Fail("audit log");
    return out;
}

core::Result<std::optional<std::string>> BalieStore::Setting(const std::string& key) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "SELECT value FROM settings WHERE key = ?");
    s.Bind(1, key);
    if (!s.ok()) return s.Fail("setting");
    int rc = s.Step();
    if (rc == SQLITE_ROW) return std::optional<std::string>(s.Text(0));
    if (rc == SQLITE_DONE) return std::optional<std::string>();
    return s.Fail("setting");
}

core::VoidResult BalieStore::SetSetting(const std::string& key, const std::string& value) {
    std::lock_guard lock(m_mutex);
    Stmt s(m_db, "INSERT INTO settings(key, value) VALUES(?1, ?2) ON CONFLICT(key) DO UPDATE SET value = ?2");
    s.Bind(1, key);
    s.Bind(2, value);
    return StepDone(s, "setting");
}

core::VoidResult BalieStore::Backup(const std::string& path) {
    std::lock_guard lock(m_mutex);
    sqlite3* dest = nullptr;
    if (sqlite3_open(path.c_str(), &dest) != SQLITE_OK) {
        std::string msg = dest ? sqlite3_errmsg(dest) : "out of memory";
        sqlite3_close(dest);
        return Error{ErrorCode::kIo, "backup: cannot open " + path + ": " + msg};
    }
    sqlite3_backup* b = sqlite3_backup_init(dest, "main", m_db, "main");
    int rc = b ? sqlite3_backup_step(b, -1) : SQLITE_ERROR;
    sqlite3_backup_finish(b);
    std::string msg = sqlite3_errmsg(dest);
    sqlite3_close(dest);
    if (rc != SQLITE_DONE) return Error{ErrorCode::kIo, "backup to " + path + " failed: " + msg};
    return Ok{};
}

}  // namespace brugpunt::balie
