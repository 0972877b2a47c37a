#include <catch2/catch.hpp>

#include <sqlite3.h>

#include <filesystem>

#include "store/demand.h"
#include "store/outbox.h"

using namespace brugpunt;
namespace fs = std::filesystem;

TEST_CASE("Demand counts add up per day and key, survive a reopen and share the outbox's file") {
    fs::path p = fs::temp_directory_path() / "brugpunt-demand-test.db";
    fs::remove(p);
    auto outbox = store::SqliteOutbox::Open(p.string());
    REQUIRE(outbox);
    {
        auto d = store::SqliteDemand::Open(p.string());
        REQUIRE(d);
        REQUIRE(d.value()->Add({{"2026-12-01", {{"sessions", 2}, {"category:sport", 1}}}}));
        REQUIRE(d.value()->Add({{"2026-12-01", {{"sessions", 1}}}, {"2026-12-02", {{"sessions", 4}}}}));
    }
    auto d = store::SqliteDemand::Open(p.string());
    REQUIRE(d);
    auto all = d.value()->Since("2026-11-01");
    REQUIRE(all);
    CHECK(all.value() == core::DemandCounts{{"2026-12-01", {{"sessions", 3}, {"category:sport", 1}}},
                                            {"2026-12-02", {{"sessions", 4}}}});
    CHECK(d.value()->Since("2026-12-02").value().size() == 1);
    REQUIRE(d.value()->DropBefore("2026-12-02"));
    CHECK(d.value()->Since("2000-01-01").value() == core::DemandCounts{{"2026-12-02", {{"sessions", 4}}}});
    // The outbox beside it is untouched.
    CHECK(outbox.value()->Stats().value().depth == 0);
    fs::remove(p);
    fs::remove(p.string() + "-wal");
    fs::remove(p.string() + "-shm");
}

TEST_CASE("A write of demand counts that fails half-way adds nothing and says why") {
    fs::path p = fs::temp_directory_path() / "brugpunt-demand-fail.db";
    fs::remove(p);
    auto d = store::SqliteDemand::Open(p.string());
    REQUIRE(d);
    REQUIRE(d.value()->Add({{"2026-12-01", {{"sessions", 1}}}}));
    // The second row of the next write fails, as a full disk would.
    sqlite3* raw = nullptr;
    REQUIRE(sqlite3_open(p.string().c_str(), &raw) == SQLITE_OK);
    REQUIRE(sqlite3_exec(raw,
                         "CREATE TRIGGER full BEFORE INSERT ON demand WHEN NEW.key = 'sessions' "
                         "BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END;",
                         nullptr, nullptr, nullptr) == SQLITE_OK);
    sqlite3_close(raw);
    auto bad = d.value()->Add({{"2026-12-01", {{"category:sport", 5}, {"sessions", 1}}}});
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message.find("disk is full") != std::string::npos);
    CHECK(d.value()->Since("2026-01-01").value() == core::DemandCounts{{"2026-12-01", {{"sessions", 1}}}});
    fs::remove(p);
    fs::remove(p.string() + "-wal");
    fs::remove(p.string() + "-shm");
}
