// Balie's receiving end: the kiosk's signed webhook and heartbeat, over :memory: SQLite.
#include <catch2/catch.hpp>

#include "balie/receive.h"
#include "core/appointment.h"
#include "store/outbox.h"
#include "sync/crypto.h"
#include "sync/heartbeat.h"

using namespace brugpunt;
using namespace brugpunt::balie;

namespace {

constexpr long long kNow = 1'790'000'000'000;  // ms
const std::string kSecret = "kiosk-secret-1";

std::unique_ptr<BalieStore> Store() {
    auto s = BalieStore::Open(":memory:");
    REQUIRE(s);
    REQUIRE(s.value()->EnrolKiosk("bib-centrum", kSecret, kNow));
    return std::move(s.value());
}

// The body exactly as the kiosk builds it (store::RequestToJson).
std::string KioskBody(const std::string& key, const std::string& kiosk = "bib-centrum",
                      const std::string& phone = "+32470123456") {
    core::AppointmentRequest r;
    r.activity_ids = {"voetbal-u8"};
    r.child_ages = {7, 9};
    r.phone = phone;
    r.whatsapp = true;
    r.language = "ar";
    r.interpreter = true;
    r.day_parts[0] = true;
    r.consent = true;
    return store::RequestToJson(r, {kiosk, key, "K7Q-4XM", kNow - 5000, {{"voetbal-u8", "Voetbal"}}});
}

// Signed the way sync::WebhookChannel signs.
Delivery Signed(const std::string& body, const std::string& key, long long ts_s = kNow / 1000,
                const std::string& secret = kSecret, const std::string& kiosk = "bib-centrum") {
    std::string ts = std::to_string(ts_s);
    return {kiosk, ts, "sha256=" + sync::HmacSha256Hex(secret, ts + "." + body), key, body};
}

}  // namespace

TEST_CASE("a request signed with the kiosk's own secret is stored once, and a retry is a 200") {
    auto store = Store();
    std::string body = KioskBody("key-1");
    Received first = ReceiveRequest(*store, Signed(body, "key-1"), kNow);
    CHECK(first.status == 201);
    Received again = ReceiveRequest(*store, Signed(body, "key-1", kNow / 1000 + 30), kNow + 30'000);
    CHECK(again.status == 200);
    auto rows = store->Requests(false, 10);
    REQUIRE(rows);
    REQUIRE(rows->size() == 1);
    const StoredRequest& r = rows->front();
    CHECK(r.in.reference == "K7Q-4XM");
    CHECK(r.in.phone == "+32470123456");
    CHECK(r.in.whatsapp);
    CHECK(r.in.children == std::vector<int>{7, 9});
    CHECK(r.in.activities.front().second == "Voetbal");
    CHECK(r.in.day_parts == std::vector<std::string>{"morning"});
    CHECK(r.state == RequestState::kNew);
    // The log names the reference, never the number.
    CHECK(first.log.find("K7Q-4XM") != std::string::npos);
    CHECK(first.log.find("470") == std::string::npos);
}

TEST_CASE("a wrong signature, another kiosk's secret or a changed body is a 401") {
    auto store = Store();
    REQUIRE(store->EnrolKiosk("sporthal", "other-secret", kNow));
    std::string body = KioskBody("key-2");
    CHECK(ReceiveRequest(*store, Signed(body, "key-2", kNow / 1000, "wrong"), kNow).status == 401);
    CHECK(ReceiveRequest(*store, Signed(body, "key-2", kNow / 1000, "other-secret"), kNow).status == 401);
    Delivery tampered = Signed(body, "key-2");
    tampered.body.replace(tampered.body.find("+32470123456"), 12, "+32470999999");
    CHECK(ReceiveRequest(*store, tampered, kNow).status == 401);
    Delivery unsigned_one = Signed(body, "key-2");
    unsigned_one.signature.clear();
    CHECK(ReceiveRequest(*store, unsigned_one, kNow).status == 401);
    CHECK(store->Requests(false, 10)->empty());
}

TEST_CASE("a timestamp outside the window is refused, inside it is accepted") {
    auto store = Store();
    std::string body = KioskBody("key-3");
    CHECK(ReceiveRequest(*store, Signed(body, "key-3", kNow / 1000 - 301), kNow, 300).status == 401);
    CHECK(ReceiveRequest(*store, Signed(body, "key-3", kNow / 1000 + 301), kNow, 300).status == 401);
    Delivery junk = Signed(body, "key-3");
    junk.timestamp = "12a";
    CHECK(ReceiveRequest(*store, junk, kNow).status == 401);
    CHECK(store->Requests(false, 10)->empty());
    CHECK(ReceiveRequest(*store, Signed(body, "key-3", kNow / 1000 - 299), kNow, 300).status == 201);
}

TEST_CASE("an unknown or revoked kiosk gets 401, and enrolling it again lets it back with a new secret") {
    auto store = Store();
    std::string body = KioskBody("key-4", "nobody");
    CHECK(ReceiveRequest(*store, Signed(body, "key-4", kNow / 1000, kSecret, "nobody"), kNow).status == 401);
    REQUIRE(store->RevokeKiosk("bib-centrum", kNow));
    std::string own = KioskBody("key-5");
    CHECK(ReceiveRequest(*store, Signed(own, "key-5"), kNow).status == 401);
    REQUIRE(store->EnrolKiosk("bib-centrum", "fresh-secret", kNow));
    CHECK(ReceiveRequest(*store, Signed(own, "key-5"), kNow).status == 401);  // the old secret is gone
    CHECK(ReceiveRequest(*store, Signed(own, "key-5", kNow / 1000, "fresh-secret"), kNow).status == 201);
}

TEST_CASE("a kiosk cannot deliver a request in another kiosk's name") {
    auto store = Store();
    std::string body = KioskBody("key-6", "sporthal");  // signed by bib-centrum, names sporthal
    CHECK(ReceiveRequest(*store, Signed(body, "key-6"), kNow).status == 403);
    CHECK(store->Requests(false, 10)->empty());
}

TEST_CASE("malformed JSON and a mismatched Idempotency-Key are 400 with a reason and no body in the log") {
    auto store = Store();
    std::string broken = R"({"phone": "+32470111222", )";
    Received r = ReceiveRequest(*store, Signed(broken, "k"), kNow);
    CHECK(r.status == 400);
    CHECK(r.log.find("malformed JSON") != std::string::npos);
    CHECK(r.log.find("470") == std::string::npos);
    CHECK(ReceiveRequest(*store, Signed(KioskBody("key-7"), "key-other"), kNow).status == 400);
    CHECK(ReceiveRequest(*store, Signed("[1,2]", "k"), kNow).status == 400);
    std::string no_contact = R"({"idempotency_key":"k8","reference":"AAA-BBB","kind":"appointment",)"
                             R"("kiosk_id":"bib-centrum","language":"nl"})";
    Received missing = ReceiveRequest(*store, Signed(no_contact, "k8"), kNow);
    CHECK(missing.status == 400);
    CHECK(missing.log.find("contact") != std::string::npos);
    CHECK(store->Requests(false, 10)->empty());
}

TEST_CASE("a signed heartbeat updates the fleet, an unsigned or foreign one does not") {
    auto store = Store();
    std::string hb = R"({"kiosk_id":"bib-centrum","catalogue_version":42,"last_sync":"2026-12-02T10:00:00Z",)"
                     R"("outbox_depth":3,"uptime_s":7200,"last_error":"sync: HTTP 503"})";
    Delivery d = Signed(hb, "");
    CHECK(ReceiveHeartbeat(*store, d, kNow).status == 204);
    auto kiosks = store->Kiosks();
    REQUIRE(kiosks);
    REQUIRE(kiosks->size() == 1);
    CHECK(kiosks->front().catalogue_version == 42);
    CHECK(kiosks->front().outbox_depth == 3);
    CHECK(kiosks->front().uptime_s == 7200);
    CHECK(kiosks->front().last_error == "sync: HTTP 503");
    CHECK(kiosks->front().last_heartbeat_ms == kNow);
    d.signature = "sha256=00";
    CHECK(ReceiveHeartbeat(*store, d, kNow + 1000).status == 401);
    std::string foreign = R"({"kiosk_id":"sporthal","catalogue_version":1})";
    CHECK(ReceiveHeartbeat(*store, Signed(foreign, ""), kNow + 1000).status == 403);
    CHECK(store->Kiosks()->front().last_heartbeat_ms == kNow);
}

TEST_CASE("a heartbeat's demand counts are stored per day, and a repeated heartbeat replaces, never adds") {
    auto store = Store();
    // The body exactly as the kiosk builds it.
    sync::Heartbeat h;
    h.kiosk_id = "bib-centrum";
    h.demand = {{"2026-09-20", {{"sessions", 4}, {"empty:sport", 1}}}, {"2026-09-21", {{"sessions", 1}}}};
    std::string body = sync::HeartbeatJson(h);
    REQUIRE(ReceiveHeartbeat(*store, Signed(body, ""), kNow).status == 204);
    REQUIRE(ReceiveHeartbeat(*store, Signed(body, ""), kNow).status == 204);
    CHECK(store->DemandSince("2026-09-01").value() == h.demand);
    // Later that day the kiosk counted more: its whole day so far replaces what it said before.
    h.demand["2026-09-21"] = {{"sessions", 3}, {"category:zwemmen", 2}};
    REQUIRE(ReceiveHeartbeat(*store, Signed(sync::HeartbeatJson(h), ""), kNow).status == 204);
    auto days = store->DemandSince("2026-09-01").value();
    CHECK(days["2026-09-21"] == core::DemandDay{{"sessions", 3}, {"category:zwemmen", 2}});
    CHECK(days["2026-09-20"]["sessions"] == 4);
    // A second kiosk's counts add to the first's on the same day.
    REQUIRE(store->EnrolKiosk("sporthal", "other-secret", kNow));
    h.kiosk_id = "sporthal";
    h.demand = {{"2026-09-21", {{"sessions", 10}}}};
    REQUIRE(ReceiveHeartbeat(
                *store, Signed(sync::HeartbeatJson(h), "", kNow / 1000, "other-secret", "sporthal"), kNow)
                .status == 204);
    CHECK(store->DemandSince("2026-09-21").value()["2026-09-21"]["sessions"] == 13);
}

TEST_CASE(
    "a day of demand with a strange key, count or date is left out and named, the heartbeat still counts") {
    auto store = Store();
    std::string hb = R"({"kiosk_id":"bib-centrum","catalogue_version":7,"demand":{)"
                     R"("2026-09-21":{"sessions":2},)"
                     R"("2026-09-20":{"sessions":1,"phone:+32470123456":1},)"
                     R"("2026-09-19":{"sessions":-4},)"
                     R"("2020-01-01":{"sessions":1},)"
                     R"("<script>":{"sessions":1}}})";
    Received r = ReceiveHeartbeat(*store, Signed(hb, ""), kNow);
    CHECK(r.status == 204);
    CHECK(store->Kiosks()->front().catalogue_version == 7);
    CHECK(store->DemandSince("2000-01-01").value() == core::DemandCounts{{"2026-09-21", {{"sessions", 2}}}});
    CHECK(r.log.find("2026-09-20: an unknown key") != std::string::npos);
    CHECK(r.log.find("2026-09-19: an unknown key or a count out of range") != std::string::npos);
    CHECK(r.log.find("2020-01-01: not a recent date") != std::string::npos);
    CHECK(r.log.find("a day: not a recent date") != std::string::npos);
    // What the kiosk sent never reaches the log.
    CHECK(r.log.find("+32470") == std::string::npos);
    CHECK(r.log.find("<script>") == std::string::npos);
    std::string not_object = R"({"kiosk_id":"bib-centrum","demand":[1,2]})";
    Received r2 = ReceiveHeartbeat(*store, Signed(not_object, ""), kNow);
    CHECK(r2.status == 204);
    CHECK(r2.log.find("demand is not an object") != std::string::npos);
}
