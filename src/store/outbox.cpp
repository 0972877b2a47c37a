// Owns the SQLite outbox. The only file that speaks SQL for requests.
#include "outbox.h"

#include <nlohmann/json.hpp>

#include "sqlite_stmt.h"

namespace brugpunt::store {
namespace {

using core::Error;
using core::ErrorCode;
using detail::Stmt;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS outbox(
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    key TEXT NOT NULL UNIQUE,
    reference TEXT NOT NULL,
    payload TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    created_ms INTEGER NOT NULL,
    next_attempt_ms INTEGER NOT NULL);
CREATE INDEX IF NOT EXISTS outbox_due ON outbox(next_attempt_ms);
CREATE TABLE IF NOT EXISTS outbox_state(key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT OR IGNORE INTO outbox_state(key, value) VALUES ('delivered', '0'), ('dropped', '0'), ('last_error', '');
)sql";

Error DbError(sqlite3* db, const std::string& what) {
    return {ErrorCode::kDatabase, "outbox: " + what + ": " + sqlite3_errmsg(db)};
}

}  // namespace

core::Result<std::unique_ptr<SqliteOutbox>> SqliteOutbox::Open(const std::string& path) {
    // secure_delete: an acknowledged request's phone number is overwritten, not left in free pages.
    auto db = detail::OpenShared(
        path, "outbox: ",
        {"PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA secure_delete=ON", kSchema});
    if (!db) return db.error();
    return std::unique_ptr<SqliteOutbox>(new SqliteOutbox(db.value()));
}

SqliteOutbox::~SqliteOutbox() {
    sqlite3_close(m_db);
}

core::VoidResult SqliteOutbox::Exec(const std::string& sql) {
    return detail::Exec(m_db, sql, "outbox: ");
}

core::VoidResult SqliteOutbox::Add(const OutboxItem& item) {
    Stmt s(m_db,
           "INSERT INTO outbox(key, reference, payload, attempts, created_ms, next_attempt_ms) VALUES "
           "(?,?,?,0,?,?)");
    if (!s.ok()) return DbError(m_db, "prepare add");
    s.Bind(1, item.key);
    s.Bind(2, item.reference);
    s.Bind(3, item.payload);
    s.Bind(4, item.created_ms);
    s.Bind(5, item.next_attempt_ms);
    if (s.Step() != SQLITE_DONE) return DbError(m_db, "add");  // a full disk lands here
    return core::Ok{};
}

core::Result<std::vector<OutboxItem>> SqliteOutbox::Due(long long now_ms, int limit) {
    Stmt s(m_db,
           "SELECT id, key, reference, payload, attempts, created_ms, next_attempt_ms FROM outbox"
           " WHERE next_attempt_ms <= ? ORDER BY next_attempt_ms, id LIMIT ?");
    if (!s.ok()) return DbError(m_db, "prepare due");
    s.Bind(1, now_ms);
    s.Bind(2, static_cast<long long>(limit));
    std::vector<OutboxItem> out;
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW)
        out.push_back(
            {s.Int(0), s.Text(1), s.Text(2), s.Text(3), static_cast<int>(s.Int(4)), s.Int(5), s.Int(6)});
    if (rc != SQLITE_DONE) return DbError(m_db, "due");
    return out;
}

core::VoidResult SqliteOutbox::Acknowledge(long long id) {
    if (auto s = Exec("BEGIN IMMEDIATE"); !s) return s;
    Stmt del(m_db, "DELETE FROM outbox WHERE id = ?");
    del.Bind(1, id);
    Stmt count(m_db,
               "UPDATE outbox_state SET value = CAST(value AS INTEGER) + changes() WHERE key = 'delivered'");
    if (!del.ok() || del.Step() != SQLITE_DONE || !count.ok() || count.Step() != SQLITE_DONE) {
        Error e = DbError(m_db, "acknowledge");
        Exec("ROLLBACK");
        return e;
    }
    return Exec("COMMIT");
}

core::VoidResult SqliteOutbox::Postpone(long long id, long long next_attempt_ms, const std::string& error) {
    if (auto s = Exec("BEGIN IMMEDIATE"); !s) return s;
    Stmt upd(m_db, "UPDATE outbox SET attempts = attempts + 1, next_attempt_ms = ? WHERE id = ?");
    upd.Bind(1, next_attempt_ms);
    upd.Bind(2, id);
    Stmt err(m_db, "UPDATE outbox_state SET value = ? WHERE key = 'last_error'");
    err.Bind(1, error);
    if (!upd.ok() || upd.Step() != SQLITE_DONE || !err.ok() || err.Step() != SQLITE_DONE) {
        Error e = DbError(m_db, "postpone");
        Exec("ROLLBACK");
        return e;
    }
    return Exec("COMMIT");
}

core::Result<std::vector<std::string>> SqliteOutbox::DropOlderThan(long long cutoff_ms) {
    if (auto s = Exec("BEGIN IMMEDIATE"); !s) return s.error();
    std::vector<std::string> refs;
    Stmt sel(m_db, "SELECT reference FROM outbox WHERE created_ms < ?");
    sel.Bind(1, cutoff_ms);
    while (sel.ok() && sel.Step() == SQLITE_ROW) refs.push_back(sel.Text(0));
    Stmt del(m_db, "DELETE FROM outbox WHERE created_ms < ?");
    del.Bind(1, cutoff_ms);
    Stmt count(m_db, "UPDATE outbox_state SET value = CAST(value AS INTEGER) + ? WHERE key = 'dropped'");
    count.Bind(1, static_cast<long long>(refs.size()));
    if (!sel.ok() || !del.ok() || del.Step() != SQLITE_DONE || !count.ok() || count.Step() != SQLITE_DONE) {
        Error e = DbError(m_db, "drop");
        Exec("ROLLBACK");
        return e;
    }
    if (auto s = Exec("COMMIT"); !s) return s.error();
    return refs;
}

core::Result<OutboxStats> SqliteOutbox::Stats() {
    OutboxStats st;
    Stmt s(m_db, "SELECT COUNT(*), MIN(created_ms) FROM outbox");
    if (!s.ok() || s.Step() != SQLITE_ROW) return DbError(m_db, "stats");
    st.depth = static_cast<int>(s.Int(0));
    if (!s.IsNull(1)) st.oldest_created_ms = s.Int(1);
    Stmt state(m_db, "SELECT key, value FROM outbox_state");
    while (state.ok() && state.Step() == SQLITE_ROW) {
        std::string key = state.Text(0), value = state.Text(1);
        if (key == "last_error")
            st.last_error = value;
        else if (key == "delivered")
            st.delivered = std::stoll(value);
        else if (key == "dropped")
            st.dropped = std::stoll(value);
    }
    return st;
}

core::Result<std::optional<long long>> SqliteOutbox::NextAttemptMs() {
    Stmt s(m_db, "SELECT MIN(next_attempt_ms) FROM outbox");
    if (!s.ok() || s.Step() != SQLITE_ROW) return DbError(m_db, "next attempt");
    if (s.IsNull(0)) return std::optional<long long>();
    return std::optional<long long>(s.Int(0));
}

core::Result<std::string> SqliteOutbox::Pragma(const std::string& name) {
    Stmt s(m_db, "PRAGMA " + name);
    if (!s.ok() || s.Step() != SQLITE_ROW) return DbError(m_db, "pragma " + name);
    return s.Text(0);
}

std::string RequestToJson(const core::AppointmentRequest& r, const RequestEnvelope& env) {
    using nlohmann::json;
    json activities = json::array();
    for (const auto& [id, title] : env.activities) activities.push_back({{"id", id}, {"title", title}});
    json parts = json::array();
    for (int i = 0; i < core::kDayPartCount; ++i)
        if (r.day_parts[i]) parts.push_back(std::string(core::DayPartCode(static_cast<core::DayPart>(i))));
    json help = json::array();
    for (int i = 0; i < core::kHelpCount; ++i)
        if (r.help[i]) help.push_back(std::string(core::HelpCode(static_cast<core::Help>(i))));
    json contact = r.contact == core::ContactMode::kPhone
                       ? json{{"mode", "phone"}, {"phone", r.phone}, {"whatsapp", r.whatsapp}}
                       : json{{"mode", "come-back-to-desk"}};
    return json{
        {"version", 1},
        {"kind", r.kind == core::RequestKind::kInterest ? "interest" : "appointment"},
        {"kiosk_id", env.kiosk_id},
        {"idempotency_key", env.key},
        {"reference", env.reference},
        {"created_ms", env.created_ms},
        {"activities", activities},
        {"general_question", r.activity_ids.empty()},
        {"children", r.child_ages},
        {"contact", contact},
        {"language", r.language},
        {"interpreter", r.interpreter},
        {"day_parts", parts},
        {"help", help},
        {"consent", r.consent},
    }
        .dump();
}

}  // namespace brugpunt::store
