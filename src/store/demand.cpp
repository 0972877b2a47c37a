// Owns the SQL of the kiosk's demand counts. The only file that speaks SQL for them.
#include "demand.h"

#include "sqlite_stmt.h"

namespace brugpunt::store {
namespace {

using core::Error;
using core::ErrorCode;
using detail::Stmt;

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS demand(
    day TEXT NOT NULL,
    key TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY(day, key)) WITHOUT ROWID;
)sql";

Error DbError(sqlite3* db, const std::string& what) {
    return {ErrorCode::kDatabase, "demand: " + what + ": " + sqlite3_errmsg(db)};
}

}  // namespace

core::Result<std::unique_ptr<SqliteDemand>> SqliteDemand::Open(const std::string& path) {
    // The outbox shares the file and runs it in WAL; the heartbeat reads from another thread.
    auto db = detail::OpenShared(path, "demand: ", {"PRAGMA journal_mode=WAL", kSchema});
    if (!db) return db.error();
    return std::unique_ptr<SqliteDemand>(new SqliteDemand(db.value()));
}

SqliteDemand::~SqliteDemand() {
    sqlite3_close(m_db);
}

core::VoidResult SqliteDemand::Add(const core::DemandCounts& counts) {
    if (counts.empty()) return core::Ok{};
    if (auto s = detail::Exec(m_db, "BEGIN IMMEDIATE", "demand: "); !s) return s.error();
    Stmt s(m_db,
           "INSERT INTO demand(day, key, n) VALUES (?,?,?) ON CONFLICT(day, key) DO UPDATE SET n = n + "
           "excluded.n");
    if (!s.ok()) {
        detail::Exec(m_db, "ROLLBACK");
        return DbError(m_db, "prepare add");
    }
    for (const auto& [day, keys] : counts)
        for (const auto& [key, n] : keys) {
            s.Bind(1, day);
            s.Bind(2, key);
            s.Bind(3, n);
            if (s.Step() != SQLITE_DONE) {
                Error e = DbError(m_db, "add");  // a full disk lands here; the counts are lost, nothing else
                s.Reset();
                detail::Exec(m_db, "ROLLBACK");
                return e;
            }
            s.Reset();
        }
    if (auto c = detail::Exec(m_db, "COMMIT", "demand: "); !c) {
        detail::Exec(m_db, "ROLLBACK");
        return c.error();
    }
    return core::Ok{};
}

core::Result<core::DemandCounts> SqliteDemand::Since(const std::string& first_day) {
    Stmt s(m_db, "SELECT day, key, n FROM demand WHERE day >= ? ORDER BY day, key");
    if (!s.ok()) return DbError(m_db, "prepare read");
    s.Bind(1, first_day);
    core::DemandCounts out;
    int rc;
    while ((rc = s.Step()) == SQLITE_ROW) out[s.Text(0)][s.Text(1)] = s.Int(2);
    if (rc != SQLITE_DONE) return DbError(m_db, "read");
    return out;
}

core::VoidResult SqliteDemand::DropBefore(const std::string& first_day) {
    Stmt s(m_db, "DELETE FROM demand WHERE day < ?");
    if (!s.ok()) return DbError(m_db, "prepare drop");
    s.Bind(1, first_day);
    if (s.Step() != SQLITE_DONE) return DbError(m_db, "drop");
    return core::Ok{};
}

}  // namespace brugpunt::store
