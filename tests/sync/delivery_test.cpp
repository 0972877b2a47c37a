#include <catch2/catch.hpp>

#include <deque>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "read_file.h"
#include "sync/crypto.h"
#include "sync/delivery.h"

using namespace brugpunt;

namespace {

class FakeHttp final : public sync::HttpTransport {
  public:
    sync::HttpResponse Post(const sync::HttpRequest& r) override {
        requests.push_back(r);
        if (replies.empty()) return {201, ""};
        auto reply = replies.front();
        replies.pop_front();
        return reply;
    }
    std::vector<sync::HttpRequest> requests;
    std::deque<sync::HttpResponse> replies;
};

std::string Header(const sync::HttpRequest& r, const std::string& name) {
    for (const auto& h : r.headers)
        if (h.rfind(name + ": ", 0) == 0) return h.substr(name.size() + 2);
    return "";
}

core::Config WebhookConfig() {
    core::Config c;
    c.delivery = "webhook";
    c.webhook_url = "https://desk.example/requests";
    c.webhook_secret = "geheim";
    return c;
}

std::unique_ptr<store::SqliteOutbox> Outbox() {
    auto box = store::SqliteOutbox::Open(":memory:");
    REQUIRE(box);
    return std::move(box.value());
}

store::OutboxItem Request(long long now_ms) {
    core::AppointmentRequest r;
    r.phone = "+32470123456";
    r.consent = true;
    return sync::MakeOutboxItem(r, sync::NewEnvelope("kiosk-1", now_ms, {{"x", "Voetbal"}}));
}

}  // namespace

TEST_CASE("HMAC-SHA256 matches RFC 4231 test case 2") {
    CHECK(sync::HmacSha256Hex("Jefe", "what do ya want for nothing?") ==
          "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}

TEST_CASE("Idempotency keys and reference codes are fresh every time") {
    auto a = sync::NewEnvelope("k", 1, {}), b = sync::NewEnvelope("k", 1, {});
    CHECK(a.key.size() == 32);
    CHECK(a.key != b.key);
    CHECK(a.reference != b.reference);
}

TEST_CASE("The webhook signs timestamp and body, and sends the idempotency key") {
    FakeHttp http;
    sync::WebhookChannel ch(http, WebhookConfig(), [] { return 1'700'000'000'123LL; });
    auto item = Request(1);
    CHECK(ch.Deliver(item).delivered);
    REQUIRE(http.requests.size() == 1);
    const auto& r = http.requests[0];
    CHECK(r.url == "https://desk.example/requests");
    CHECK(r.body == item.payload);
    CHECK(Header(r, "Idempotency-Key") == item.key);
    CHECK(Header(r, "X-Brugpunt-Timestamp") == "1700000000");
    CHECK(Header(r, "X-Brugpunt-Signature") ==
          "sha256=" + sync::HmacSha256Hex("geheim", "1700000000." + item.payload));
}

TEST_CASE("Webhook answers map to delivered or a reason to retry") {
    FakeHttp http;
    sync::WebhookChannel ch(http, WebhookConfig(), [] { return 0LL; });
    auto item = Request(1);
    http.replies = {{200, ""}, {409, ""}, {500, ""}, {401, ""}, {0, "Couldn't connect to server"}};
    CHECK(ch.Deliver(item).delivered);
    CHECK(ch.Deliver(item).delivered);  // 409: the receiver already had it
    CHECK(ch.Deliver(item).error == "webhook: HTTP 500");
    CHECK_THAT(ch.Deliver(item).error, Catch::Contains("webhook_secret"));
    CHECK(ch.Deliver(item).error == "webhook: Couldn't connect to server");
}

TEST_CASE("A delivery pass acknowledges, postpones with backoff, and drops only past retention") {
    FakeHttp http;
    auto box = Outbox();
    long long now = 100'000'000;
    sync::DeliveryPolicy policy;
    policy.retention_ms = 10'000'000;
    REQUIRE(box->Add(Request(now - 20'000'000)));  // too old
    REQUIRE(box->Add(Request(now - 1000)));
    REQUIRE(box->Add(Request(now - 500)));
    http.replies = {{201, ""}, {503, ""}};
    std::vector<std::string> log;
    sync::WebhookChannel ch(http, WebhookConfig(), [] { return 0LL; });
    auto report = sync::DeliverDue(
        *box, ch, now, policy, [] { return 0.5; }, [&](const std::string& l) { log.push_back(l); });
    CHECK(report.dropped == 1);
    CHECK(report.delivered == 1);
    CHECK(report.failed == 1);
    CHECK(report.last_error == "webhook: HTTP 503");
    auto st = box->Stats();
    CHECK(st->depth == 1);
    CHECK(st->dropped == 1);
    CHECK(st->delivered == 1);
    // Postponed by half the first window (30 s): not due now, due in 15 s.
    CHECK(box->Due(now + 14'999, 10)->empty());
    CHECK(box->Due(now + 15'000, 10)->size() == 1);
    for (const auto& line : log) CHECK(line.find("+32") == std::string::npos);
    CHECK_THAT(log.front(), Catch::Contains("dropped undelivered request"));
}

TEST_CASE("The desk's mail is plain Dutch and says how to reach the visitor") {
    core::AppointmentRequest r;
    r.child_ages = {6, 9};
    r.phone = "+32470123456";
    r.whatsapp = true;
    r.language = "ar";
    r.interpreter = true;
    r.day_parts[0] = true;
    r.consent = true;
    auto env = sync::NewEnvelope("bib-1", 1, {{"voetbal-u8", "Voetbal voor kinderen"}});
    std::string mail = sync::MailMessage(store::RequestToJson(r, env), "kiosk@x", "balie@x");
    CHECK_THAT(mail, Catch::Contains("Subject: Brugpunt: terugbelvraag " + env.reference));
    CHECK_THAT(mail, Catch::Contains("- Voetbal voor kinderen"));
    CHECK_THAT(mail, Catch::Contains("Kinderen: 2 (leeftijd: 6 9)"));
    CHECK_THAT(mail, Catch::Contains("Bel naar: +32470123456"));
    CHECK_THAT(mail, Catch::Contains("WhatsApp mag ook."));
    CHECK_THAT(mail, Catch::Contains("Taal: ar (tolk nodig)"));
    CHECK_THAT(mail, Catch::Contains("Liefst: voormiddag"));
    CHECK(mail.find("\r\n\r\n") != std::string::npos);
    r.contact = core::ContactMode::kComeBack;
    r.activity_ids.clear();
    mail = sync::MailMessage(store::RequestToJson(r, sync::NewEnvelope("k", 1, {})), "a@x", "b@x");
    CHECK_THAT(mail, Catch::Contains("komt terug naar de balie"));
    CHECK_THAT(mail, Catch::Contains("Een algemene vraag"));
}

TEST_CASE("A damaged outbox row still makes a readable mail, and never throws or breaks a header") {
    // Found by tests/fuzz/run: an unknown day part threw out of MailMessage, which would have
    // stopped the delivery thread. Every input the fuzzer kept for it is replayed here.
    std::vector<std::string> payloads = {
        R"({"day_parts":["interpreter"],"children":["six",7.5,null],"activities":[3,"x",{"id":5}]})",
        R"({"contact":"phone","interpreter":"yes","kind":["interest"]})",
        R"([1,2,3])",
        R"("just a string")",
        "not json at all",
        R"({"reference":"K7Q\r\nBcc: someone@else","idempotency_key":"a>\r\nX: y"})",
    };
    for (const auto& entry : std::filesystem::directory_iterator(std::string(BRUGPUNT_SOURCE_DIR) +
                                                                 "/tests/fuzz/regressions/mail")) {
        payloads.push_back(testing::ReadFile(entry.path().string()));
    }
    for (const auto& payload : payloads) {
        INFO(payload);
        std::string mail;
        REQUIRE_NOTHROW(mail = sync::MailMessage(payload, "kiosk@x", "balie@x"));
        auto end = mail.find("\r\n\r\n");
        REQUIRE(end != std::string::npos);
        std::string headers = mail.substr(0, end);
        CHECK(headers.find("\nBcc") == std::string::npos);  // stays inside the Subject line
        CHECK(headers.find("\nX: y") == std::string::npos);
        int lines = 1;
        for (size_t at = 0; (at = headers.find("\r\n", at)) != std::string::npos; at += 2) ++lines;
        CHECK(lines == 6);  // From, To, Subject, Content-Type, MIME-Version, Message-ID
    }
}
