// Owns the kiosk's anonymous demand counts on disk: a `demand` table in the outbox's database
// file, added to in one transaction per visitor session and read by the heartbeat. No personal
// data goes here (core/demand.h says what is counted). sqlite3.h appears only in the .cpp.
#pragma once

#include <memory>
#include <string>

#include "core/demand.h"
#include "core/result.h"

struct sqlite3;

namespace brugpunt::store {

// The small interface the kiosk needs; tests put a fake behind it.
class DemandStore {
  public:
    virtual ~DemandStore() = default;
    // Adds the counts to what each (day, key) already holds.
    virtual core::VoidResult Add(const core::DemandCounts& counts) = 0;
};

class SqliteDemand final : public DemandStore {
  public:
    static core::Result<std::unique_ptr<SqliteDemand>> Open(const std::string& path);
    ~SqliteDemand() override;
    SqliteDemand(const SqliteDemand&) = delete;
    SqliteDemand& operator=(const SqliteDemand&) = delete;

    core::VoidResult Add(const core::DemandCounts& counts) override;
    // Every day from first_day ("2026-11-19") on.
    core::Result<core::DemandCounts> Since(const std::string& first_day);
    // Forgets the days before first_day: Balie has had them in many heartbeats by then.
    core::VoidResult DropBefore(const std::string& first_day);

  private:
    explicit SqliteDemand(sqlite3* db) : m_db(db) {}
    sqlite3* m_db;
};

}  // namespace brugpunt::store
