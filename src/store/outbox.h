// Owns the durable outbox of callback requests. A request is committed to disk before the visitor
// sees a confirmation, and its row (with the phone number) is erased once the receiver
// acknowledges it. sqlite3.h appears only in the .cpp.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/appointment.h"
#include "core/result.h"

struct sqlite3;

namespace brugpunt::store {

// Times are Unix milliseconds: a retry scheduled before a reboot must still mean the same moment.
struct OutboxItem {
    long long id = 0;
    std::string key;        // idempotency key: the receiver sees each request once
    std::string reference;  // the code on the visitor's confirmation
    std::string payload;    // JSON, as delivered
    int attempts = 0;
    long long created_ms = 0;
    long long next_attempt_ms = 0;
};

struct OutboxStats {
    int depth = 0;
    std::optional<long long> oldest_created_ms;
    std::string last_error;  // never holds personal data: transport errors and HTTP statuses only
    long long delivered = 0;
    long long dropped = 0;  // undelivered and past the retention time
};

// The small interface the delivery loop needs; unit tests put a fake behind it.
class OutboxStore {
  public:
    virtual ~OutboxStore() = default;
    virtual core::VoidResult Add(const OutboxItem& item) = 0;
    virtual core::Result<std::vector<OutboxItem>> Due(long long now_ms, int limit) = 0;
    // The receiver has it: erase the row and its personal data.
    virtual core::VoidResult Acknowledge(long long id) = 0;
    virtual core::VoidResult Postpone(long long id, long long next_attempt_ms, const std::string& error) = 0;
    // Drops requests created before cutoff_ms; returns their reference codes.
    virtual core::Result<std::vector<std::string>> DropOlderThan(long long cutoff_ms) = 0;
    virtual core::Result<OutboxStats> Stats() = 0;
};

class SqliteOutbox final : public OutboxStore {
  public:
    // WAL journal with synchronous=FULL: a committed Add survives a power cut.
    static core::Result<std::unique_ptr<SqliteOutbox>> Open(const std::string& path);
    ~SqliteOutbox() override;

    core::VoidResult Add(const OutboxItem& item) override;
    core::Result<std::vector<OutboxItem>> Due(long long now_ms, int limit) override;
    core::VoidResult Acknowledge(long long id) override;
    core::VoidResult Postpone(long long id, long long next_attempt_ms, const std::string& error) override;
    core::Result<std::vector<std::string>> DropOlderThan(long long cutoff_ms) override;
    core::Result<OutboxStats> Stats() override;

    // When the earliest pending request is due; nullopt when the outbox is empty.
    core::Result<std::optional<long long>> NextAttemptMs();

    // For tests: the pragma values the db runs with.
    core::Result<std::string> Pragma(const std::string& name);

  private:
    explicit SqliteOutbox(sqlite3* db) : m_db(db) {}
    core::VoidResult Exec(const std::string& sql);
    sqlite3* m_db;
};

// The request as the desk receives it. Activity titles travel along so a person can read it
// without the catalogue.
struct RequestEnvelope {
    std::string kiosk_id;
    std::string key;
    std::string reference;
    long long created_ms = 0;
    std::vector<std::pair<std::string, std::string>> activities;  // id, title
};
std::string RequestToJson(const core::AppointmentRequest& request, const RequestEnvelope& envelope);

}  // namespace brugpunt::store
