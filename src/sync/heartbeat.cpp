// Owns heartbeat assembly and sending.
#include "heartbeat.h"

#include <algorithm>
#include <nlohmann/json.hpp>

#include "core/date.h"
#include "crypto.h"
#include "store/demand.h"
#include "store/outbox.h"

namespace brugpunt::sync {
namespace {

constexpr size_t kMaxDemandBytes = 40 * 1024;

}  // namespace

std::string HeartbeatJson(const Heartbeat& h) {
    nlohmann::json j = {
        {"kiosk_id", h.kiosk_id},
        {"catalogue_version", h.catalogue_version},
        {"last_sync", h.last_sync ? nlohmann::json(FormatUtc(h.last_sync)) : nlohmann::json()},
        {"outbox_depth", h.outbox_depth},
        {"outbox_oldest_s", h.outbox_oldest_s},
        {"uptime_s", h.uptime_s},
        {"last_error", h.last_error}};
    if (!h.demand.empty()) j["demand"] = h.demand;
    return j.dump();
}

SyncFacts FactsAfterRun(const SyncReport& report, long long version_in_use, long long previous_last_sync,
                        long long now_unix) {
    bool reached = report.outcome == SyncOutcome::kUpdated || report.outcome == SyncOutcome::kCurrent;
    return {version_in_use, reached ? now_unix : previous_last_sync, report.reason};
}

Heartbeat BuildHeartbeat(const core::Config& config, const SyncFacts& facts, long long uptime_s,
                         const std::string& outbox_path, long long now_unix) {
    Heartbeat h{config.kiosk_id, facts.version, facts.last_sync, 0, 0, uptime_s, facts.last_error};
    // Its own short-lived connection: the outbox belongs to the delivery thread and the main thread.
    if (auto outbox = store::SqliteOutbox::Open(outbox_path))
        if (auto stats = outbox.value()->Stats()) {
            h.outbox_depth = stats->depth;
            // Balie turns the kiosk red when a request has waited here for more than an hour.
            if (stats->oldest_created_ms)
                h.outbox_oldest_s = std::max(0LL, now_unix - *stats->oldest_created_ms / 1000);
        }
    // Every heartbeat carries the whole week, so one that is lost costs nothing: Balie
    // replaces each day it gets.
    if (auto demand = store::SqliteDemand::Open(outbox_path)) {
        std::string first =
            core::FormatDate(core::AddDays(core::LocalDateOf(now_unix), 1 - core::kDemandDaysKept));
        demand.value()->DropBefore(first);
        if (auto counts = demand.value()->Since(first)) h.demand = std::move(counts.value());
        // Balie reads at most 64 KiB: the oldest days wait for a quieter week rather than the
        // heartbeat being refused. Today always goes.
        while (h.demand.size() > 1 && nlohmann::json(h.demand).dump().size() > kMaxDemandBytes)
            h.demand.erase(h.demand.begin());
    }
    return h;
}

std::string SendHeartbeat(HttpTransport& http, const core::Config& config, const Heartbeat& h,
                          long long now_unix) {
    HttpRequest req;
    req.url = config.heartbeat_url;
    req.body = HeartbeatJson(h);
    req.timeouts = {config.connect_timeout_s, config.total_timeout_s};
    req.ca_file = config.ca_file;
    req.headers = {"Content-Type: application/json"};
    if (!config.webhook_secret.empty()) {
        std::string ts = std::to_string(now_unix);
        req.headers.push_back("X-Brugpunt-Timestamp: " + ts);
        req.headers.push_back("X-Brugpunt-Signature: sha256=" +
                              HmacSha256Hex(config.webhook_secret, ts + "." + req.body));
    }
    HttpResponse r = http.Post(req);
    if (!r.error.empty()) return "heartbeat: " + r.error;
    if (r.status < 200 || r.status >= 300) return "heartbeat: HTTP " + std::to_string(r.status);
    return "";
}

std::string ReportHeartbeat(HttpTransport& http, const core::Config& config, const SyncFacts& facts,
                            long long uptime_s, const std::string& outbox_path, long long now_unix) {
    if (config.heartbeat_url.empty()) return "";
    return SendHeartbeat(http, config, BuildHeartbeat(config, facts, uptime_s, outbox_path, now_unix),
                         now_unix);
}

}  // namespace brugpunt::sync
