// Tests heartbeat assembly after a sync run and its signed POST, with a fake transport.
#include <catch2/catch.hpp>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "store/demand.h"
#include "sync/crypto.h"
#include "sync/delivery.h"
#include "sync/heartbeat.h"

using namespace brugpunt;
namespace fs = std::filesystem;

namespace {

class FakeHttp final : public sync::HttpTransport {
  public:
    sync::HttpResponse Post(const sync::HttpRequest& r) override {
        requests.push_back(r);
        return reply;
    }
    std::vector<sync::HttpRequest> requests;
    sync::HttpResponse reply{200, ""};
};

std::string Header(const sync::HttpRequest& r, const std::string& name) {
    for (const auto& h : r.headers)
        if (h.rfind(name + ": ", 0) == 0) return h.substr(name.size() + 2);
    return "";
}

core::Config HeartbeatConfig() {
    core::Config c;
    c.kiosk_id = "kiosk-7";
    c.heartbeat_url = "https://fleet.example/heartbeat";
    c.webhook_secret = "s3cret";
    return c;
}

// An outbox file holding `n` waiting requests.
std::string OutboxWith(int n, const std::string& name) {
    fs::path p = fs::temp_directory_path() / ("brugpunt-heartbeat-test-" + name + ".db");
    fs::remove(p);
    auto box = store::SqliteOutbox::Open(p.string());
    REQUIRE(box);
    for (int i = 0; i < n; ++i) {
        core::AppointmentRequest r;
        r.consent = true;
        REQUIRE(box.value()->Add(sync::MakeOutboxItem(r, sync::NewEnvelope("kiosk-7", 1000 + i, {}))));
    }
    return p.string();
}

sync::SyncReport Report(sync::SyncOutcome outcome, std::string reason = "") {
    sync::SyncReport r;
    r.outcome = outcome;
    r.reason = std::move(reason);
    return r;
}

}  // namespace

TEST_CASE("A run that reached the server moves last_sync to now, a failed one keeps it and says why") {
    auto updated = sync::FactsAfterRun(Report(sync::SyncOutcome::kUpdated), 4, 100, 200);
    CHECK(updated.version == 4);
    CHECK(updated.last_sync == 200);
    CHECK(updated.last_error.empty());
    CHECK(sync::FactsAfterRun(Report(sync::SyncOutcome::kCurrent), 4, 100, 200).last_sync == 200);

    auto failed = sync::FactsAfterRun(Report(sync::SyncOutcome::kFailed, "connection refused"), 4, 100, 200);
    CHECK(failed.last_sync == 100);
    CHECK(failed.last_error == "connection refused");
    auto rejected = sync::FactsAfterRun(Report(sync::SyncOutcome::kRejected, "bad signature"), 3, 0, 200);
    CHECK(rejected.version == 3);
    CHECK(rejected.last_sync == 0);
    CHECK(rejected.last_error == "bad signature");
}

TEST_CASE(
    "The heartbeat carries the kiosk id, the run's facts, uptime, the outbox depth and its oldest's age") {
    std::string path = OutboxWith(2, "depth");
    // The requests were made at 1 and 1.001 s after the epoch (NewEnvelope's created_ms).
    auto h = sync::BuildHeartbeat(HeartbeatConfig(), {5, 1'700'000'000, "stalled"}, 42, path, 3'601);
    CHECK(h.kiosk_id == "kiosk-7");
    CHECK(h.catalogue_version == 5);
    CHECK(h.last_sync == 1'700'000'000);
    CHECK(h.uptime_s == 42);
    CHECK(h.last_error == "stalled");
    CHECK(h.outbox_depth == 2);
    CHECK(h.outbox_oldest_s == 3'600);
    auto empty = sync::BuildHeartbeat(HeartbeatConfig(), {5, 0, ""}, 0, OutboxWith(0, "empty"), 3'601);
    CHECK(empty.outbox_oldest_s == 0);
    fs::remove(path);
}

TEST_CASE("An outbox that does not open leaves the depth at 0 and the heartbeat still goes out") {
    FakeHttp http;
    auto e = sync::ReportHeartbeat(http, HeartbeatConfig(), {1, 0, ""}, 0, "/nonexistent/dir/outbox.db", 10);
    CHECK(e.empty());
    REQUIRE(http.requests.size() == 1);
    CHECK(nlohmann::json::parse(http.requests[0].body)["outbox_depth"] == 0);
}

TEST_CASE("Without a heartbeat_url nothing is sent") {
    FakeHttp http;
    auto config = HeartbeatConfig();
    config.heartbeat_url.clear();
    CHECK(sync::ReportHeartbeat(http, config, {1, 0, ""}, 0, ":memory:", 10).empty());
    CHECK(http.requests.empty());
}

TEST_CASE("The heartbeat is signed JSON with exactly the seven fields, and a refusal is reported") {
    FakeHttp http;
    std::string path = OutboxWith(1, "send");
    auto e = sync::ReportHeartbeat(http, HeartbeatConfig(), {3, 1'700'000'000, ""}, 9, path, 1'700'000'050);
    CHECK(e.empty());
    REQUIRE(http.requests.size() == 1);
    const auto& r = http.requests[0];
    CHECK(r.url == "https://fleet.example/heartbeat");
    CHECK(Header(r, "X-Brugpunt-Timestamp") == "1700000050");
    CHECK(Header(r, "X-Brugpunt-Signature") ==
          "sha256=" + sync::HmacSha256Hex("s3cret", "1700000050." + r.body));
    auto j = nlohmann::json::parse(r.body);
    CHECK(j.size() == 7);
    CHECK(j["kiosk_id"] == "kiosk-7");
    CHECK(j["catalogue_version"] == 3);
    CHECK(j["last_sync"] == "2023-11-14T22:13:20Z");
    CHECK(j["outbox_depth"] == 1);
    CHECK(j["outbox_oldest_s"] == 1'700'000'049);  // made 1 s after the epoch
    CHECK(j["uptime_s"] == 9);
    CHECK(j["last_error"] == "");

    http.reply = {503, ""};
    CHECK(sync::ReportHeartbeat(http, HeartbeatConfig(), {3, 0, ""}, 9, path, 1) == "heartbeat: HTTP 503");
    http.reply = {0, "connection refused"};
    CHECK(sync::ReportHeartbeat(http, HeartbeatConfig(), {3, 0, ""}, 9, path, 1) ==
          "heartbeat: connection refused");
    CHECK(nlohmann::json::parse(http.requests.back().body)["last_sync"].is_null());
    fs::remove(path);
}

TEST_CASE(
    "The heartbeat carries the last week's demand counts from the outbox's file and forgets older days") {
    std::string path = OutboxWith(0, "demand");
    {
        auto d = store::SqliteDemand::Open(path);
        REQUIRE(d);
        REQUIRE(d.value()->Add({{"2026-11-20", {{"sessions", 9}}},
                                {"2026-11-26", {{"sessions", 2}}},
                                {"2026-12-02", {{"sessions", 3}, {"empty:sport", 1}}}}));
    }
    // 2026-12-02 12:00 UTC: noon, the same date in any Belgian time zone.
    long long noon = 1'796'212'800;
    auto h = sync::BuildHeartbeat(HeartbeatConfig(), {5, 0, ""}, 0, path, noon);
    CHECK(h.demand == core::DemandCounts{{"2026-11-26", {{"sessions", 2}}},
                                         {"2026-12-02", {{"sessions", 3}, {"empty:sport", 1}}}});
    auto j = nlohmann::json::parse(sync::HeartbeatJson(h));
    CHECK(j["demand"]["2026-12-02"]["empty:sport"] == 1);
    // The day before the week is gone from the kiosk too.
    CHECK(store::SqliteDemand::Open(path).value()->Since("2000-01-01").value().count("2026-11-20") == 0);
    fs::remove(path);
}

TEST_CASE("A week of counts too big for Balie's 64 KiB sends the newest days, today always") {
    std::string path = OutboxWith(0, "demand-big");
    {
        auto d = store::SqliteDemand::Open(path);
        REQUIRE(d);
        core::DemandCounts counts;
        for (int day = 26; day <= 30; ++day)
            for (int i = 0; i < 400; ++i)
                counts["2026-11-" + std::to_string(day)]
                      ["activity:een-lange-activiteit-" + std::to_string(i)] = 1;
        counts["2026-12-02"]["sessions"] = 1;
        REQUIRE(d.value()->Add(counts));
    }
    auto h = sync::BuildHeartbeat(HeartbeatConfig(), {5, 0, ""}, 0, path, 1'796'212'800);
    CHECK(sync::HeartbeatJson(h).size() < 48 * 1024);
    CHECK(h.demand.count("2026-12-02") == 1);
    CHECK(h.demand.count("2026-11-30") == 1);
    CHECK(h.demand.count("2026-11-26") == 0);
    fs::remove(path);
}
