// Owns the small SQLite helpers the store's .cpp files share. Internal to store: include it only
// from store .cpp files, so sqlite3.h never reaches store's callers.
#pragma once

#include <sqlite3.h>

#include <initializer_list>
#include <string>

#include "core/result.h"

namespace brugpunt::store::detail {

// A prepared statement that finalizes itself.
class Stmt {
  public:
    Stmt(sqlite3* db, const std::string& sql) {
        m_rc = sqlite3_prepare_v2(db, sql.c_str(), -1, &m_stmt, nullptr);
    }
    ~Stmt() { sqlite3_finalize(m_stmt); }
    Stmt(const Stmt&) = delete;
    Stmt& operator=(const Stmt&) = delete;

    bool ok() const { return m_rc == SQLITE_OK; }
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
    bool IsNull(int col) const { return sqlite3_column_type(m_stmt, col) == SQLITE_NULL; }

  private:
    sqlite3_stmt* m_stmt = nullptr;
    int m_rc;
};

// Runs one or more statements; the error carries SQLite's message after `what`.
inline core::VoidResult Exec(sqlite3* db, const std::string& sql, const std::string& what = "") {
    char* err = nullptr;
    if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
        std::string msg = what + (err ? err : "unknown error");
        sqlite3_free(err);
        return core::Error{core::ErrorCode::kDatabase, msg};
    }
    return core::Ok{};
}

// Opens (or creates) a database file shared between threads, in WAL with a 5 s busy wait, runs
// `setup` (pragmas, then the schema) and returns the handle; on failure the handle is closed and
// the error names `what` and the file. The outbox and the demand counts share one file this way.
inline core::Result<sqlite3*> OpenShared(const std::string& path, const std::string& what,
                                         std::initializer_list<const char*> setup) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr);
    if (rc != SQLITE_OK) {
        core::Error e{core::ErrorCode::kDatabase,
                      what + "cannot open '" + path + "': " + (db ? sqlite3_errmsg(db) : "out of memory")};
        sqlite3_close(db);
        return e;
    }
    sqlite3_busy_timeout(db, 5000);
    for (const char* sql : setup)
        if (auto s = Exec(db, sql, what); !s) {
            sqlite3_close(db);
            return s.error();
        }
    return db;
}

}  // namespace brugpunt::store::detail
