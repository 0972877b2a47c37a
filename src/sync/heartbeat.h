// Owns the heartbeat: what it says, how it is assembled after a sync run, and how it is sent. The
// sync thread and --sync-once both come here. No UI, no curl headers (it posts through HttpTransport).
#pragma once

#include <string>

#include "catalogue_sync.h"
#include "core/config.h"
#include "core/demand.h"
#include "transport.h"

namespace brugpunt::sync {

// What the municipality learns from a heartbeat: no personal data.
struct Heartbeat {
    std::string kiosk_id;
    long long catalogue_version = 0;
    long long last_sync = 0;  // unix seconds; 0: never
    long long outbox_depth = 0;
    long long outbox_oldest_s = 0;  // how long the oldest undelivered request has waited; 0: none
    long long uptime_s = 0;
    std::string last_error;
    // What visitors looked for, per day, for the last core::kDemandDaysKept days: counts only.
    core::DemandCounts demand;
};
std::string HeartbeatJson(const Heartbeat& h);

// What a sync run leaves for the heartbeat to say.
struct SyncFacts {
    long long version = 0;    // in use
    long long last_sync = 0;  // unix seconds of the last run that reached the server; 0: never
    std::string last_error;   // of the last run; empty when it went well
};

// What a run changes: last_sync moves to now_unix when the run reached the server (updated or
// current) and stays otherwise; the run's reason (empty unless rejected or failed) is the last error.
SyncFacts FactsAfterRun(const SyncReport& report, long long version_in_use, long long previous_last_sync,
                        long long now_unix);

// The heartbeat after a run. The outbox depth, its oldest request's age and the demand counts
// are read from the outbox's file at outbox_path (0 and none when it does not open: the heartbeat
// still goes out); counts older than core::kDemandDaysKept days are dropped there. uptime_s is 0
// for a one-shot command.
Heartbeat BuildHeartbeat(const core::Config& config, const SyncFacts& facts, long long uptime_s,
                         const std::string& outbox_path, long long now_unix);

// POSTs the heartbeat, HMAC-signed like the webhook when webhook_secret is set. Empty on success.
std::string SendHeartbeat(HttpTransport& http, const core::Config& config, const Heartbeat& h,
                          long long now_unix);

// Builds and sends the heartbeat after a run when the config has a heartbeat_url; does nothing
// otherwise. Empty on success or when there is nothing to send, else one line for the log.
std::string ReportHeartbeat(HttpTransport& http, const core::Config& config, const SyncFacts& facts,
                            long long uptime_s, const std::string& outbox_path, long long now_unix);

}  // namespace brugpunt::sync
