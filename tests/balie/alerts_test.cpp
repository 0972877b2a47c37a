// Balie's mail to the desk: what it says, when it goes, and that it waits for a mail server that is down.
#include <catch2/catch.hpp>

#include "balie/alerts.h"
#include "balie/app.h"
#include "balie/receive.h"
#include "sync/crypto.h"

using namespace brugpunt;
using namespace brugpunt::balie;

namespace {

constexpr long long kStart = 1'790'000'000'000;

struct FakeMail final : sync::MailTransport {
    std::vector<sync::Mail> sent;
    std::string fail;  // non-empty: the server is down
    std::string Send(const sync::Mail& mail) override {
        if (!fail.empty()) return fail;
        sent.push_back(mail);
        return "";
    }
};

struct Fixture {
    long long now = kStart;
    std::unique_ptr<BalieStore> store;
    std::vector<std::string> log;
    FakeMail smtp;
    MailSettings settings;
    std::unique_ptr<BalieApp> app;
    std::unique_ptr<Mailer> mailer;
    int woken = 0;

    Fixture() {
        auto s = BalieStore::Open(":memory:");
        REQUIRE(s);
        store = std::move(s.value());
        REQUIRE(store->EnrolKiosk("bib", "s3cret", now));
        settings.smtp_url = "smtp://127.0.0.1:2525";
        settings.from = "balie@brugdonk.test";
        settings.to = "desk@brugdonk.test";
        Restart();
    }
    // Balie started again on the same database.
    void Restart() {
        AppSettings a;
        a.public_url = "https://balie.brugdonk.test";
        a.sync_interval_s = 60;
        auto clock = [this] { return now; };
        auto logger = [this](const std::string& l) { log.push_back(l); };
        app = std::make_unique<BalieApp>(*store, a, clock, logger);
        app->SetMail([this] { ++woken; });
        mailer = std::make_unique<Mailer>(*store, settings, smtp, clock, logger);
    }
    int Deliver(const std::string& reference, const std::string& kind = "appointment") {
        std::string key = "key-" + reference;
        std::string body = R"({"version":1,"kind":")" + kind + R"(","kiosk_id":"bib","idempotency_key":")" +
                           key + R"(","reference":")" + reference +
                           R"(","created_ms":0,"activities":[],"general_question":true,"children":[7],)"
                           R"("contact":{"mode":"phone","phone":"+32470123456","whatsapp":false},)"
                           R"("language":"ar","interpreter":false,"day_parts":[],"consent":true})";
        std::string ts = std::to_string(now / 1000);
        WebRequest r;
        r.method = "POST";
        r.path = "/api/kiosk/bib/requests";
        r.headers = {{"x-brugpunt-timestamp", ts},
                     {"x-brugpunt-signature", "sha256=" + sync::HmacSha256Hex("s3cret", ts + "." + body)},
                     {"idempotency-key", key},
                     {"content-type", "application/json"}};
        r.body = body;
        return app->Handle(r).status;
    }
    void Heartbeat() {
        std::string body = R"({"kiosk_id":"bib","catalogue_version":1})";
        std::string ts = std::to_string(now / 1000);
        Delivery d{"bib", ts, "sha256=" + sync::HmacSha256Hex("s3cret", ts + "." + body), "", body};
        REQUIRE(ReceiveHeartbeat(*store, d, now).status == 204);
    }
};

}  // namespace

TEST_CASE("a new request queues one mail with its reference and a link, never the phone number") {
    Fixture f;
    REQUIRE(f.Deliver("K7Q-4XM") == 201);
    CHECK(f.woken == 1);
    REQUIRE(f.Deliver("K7Q-4XM") == 200);  // a repeat is not news
    CHECK(f.woken == 1);
    CHECK(f.mailer->SendDue() == 1);
    REQUIRE(f.smtp.sent.size() == 1);
    const sync::Mail& m = f.smtp.sent[0];
    CHECK(m.to == "desk@brugdonk.test");
    CHECK(m.message.find("Subject: Brugpunt: nieuwe terugbelvraag K7Q-4XM\r\n") != std::string::npos);
    CHECK(m.message.find("https://balie.brugdonk.test/inbox?ref=K7Q-4XM") != std::string::npos);
    CHECK(m.message.find("+32470") == std::string::npos);
    CHECK(m.message.find("0470") == std::string::npos);
    CHECK(f.store->MailWaiting().value() == 0);
    REQUIRE(f.Deliver("INT-001", "interest") == 201);
    f.mailer->SendDue();
    CHECK(f.smtp.sent.back().message.find("Subject: Brugpunt: nieuwe vraag om bericht INT-001") !=
          std::string::npos);
    for (const auto& line : f.log) CHECK(line.find("+32470") == std::string::npos);
}

TEST_CASE(
    "a mail server that is down gets the mail later, with a growing wait, and a day-old one is dropped") {
    Fixture f;
    f.smtp.fail = "Couldn't connect to server";
    REQUIRE(f.Deliver("AAA-111") == 201);
    CHECK(f.mailer->SendDue() == 0);
    CHECK(f.store->MailWaiting().value() == 1);
    CHECK(f.log.back().find("not sent (Couldn't connect to server); next try in 60 s") != std::string::npos);
    f.now += 30'000;
    CHECK(f.mailer->SendDue() == 0);  // not due yet: no second try
    f.now += 31'000;
    CHECK(f.mailer->SendDue() == 0);
    CHECK(f.log.back().find("next try in 120 s") != std::string::npos);
    // The server is back: the mail goes, also after Balie was restarted.
    f.smtp.fail.clear();
    f.Restart();
    f.now += 121'000;
    CHECK(f.mailer->SendDue() == 1);
    CHECK(f.store->MailWaiting().value() == 0);

    f.smtp.fail = "Couldn't connect to server";
    REQUIRE(f.Deliver("BBB-222") == 201);
    f.now += 25LL * 3600'000;
    CHECK(f.mailer->SendDue() == 0);
    CHECK(f.store->MailWaiting().value() == 0);
    CHECK(f.log.back().find("gave up on \"Brugpunt: nieuwe terugbelvraag BBB-222\"") != std::string::npos);
}

TEST_CASE(
    "a kiosk that turns red is mailed once, and once more when it is fine again, also across a restart") {
    Fixture f;
    f.Heartbeat();
    f.app->CheckFleet();
    CHECK(f.store->MailWaiting().value() == 0);
    f.now += 121'000;  // silent for more than two sync intervals of 60 s
    f.app->CheckFleet();
    f.app->CheckFleet();
    REQUIRE(f.store->MailWaiting().value() == 1);
    f.Restart();
    f.app->CheckFleet();
    CHECK(f.store->MailWaiting().value() == 1);  // not again after a restart
    f.mailer->SendDue();
    REQUIRE(f.smtp.sent.size() == 1);
    CHECK(f.smtp.sent[0].message.find("Subject: Brugpunt: kiosk bib vraagt aandacht") != std::string::npos);
    CHECK(f.smtp.sent[0].message.find("stil sinds") != std::string::npos);
    f.Heartbeat();
    f.app->CheckFleet();
    f.mailer->SendDue();
    REQUIRE(f.smtp.sent.size() == 2);
    CHECK(f.smtp.sent[1].message.find("Subject: Brugpunt: kiosk bib is weer in orde") != std::string::npos);
}

TEST_CASE("no field of a mail can start a header of its own") {
    MailSettings s;
    s.from = "balie@x.test\r\nBcc: evil@x.test";
    s.to = "desk@x.test";
    QueuedMail m = KioskRedMail("bib\r\nBcc: evil@x.test", "stil", "https://b", 1);
    std::string text = MailText(s, m);
    std::string headers = text.substr(0, text.find("\r\n\r\n"));
    CHECK(headers.find("\r\nBcc:") == std::string::npos);
}

TEST_CASE("without mail settings nothing is queued") {
    Fixture f;
    f.app->SetMail(nullptr);
    REQUIRE(f.Deliver("CCC-333") == 201);
    f.now += 200'000;
    f.app->CheckFleet();
    CHECK(f.store->MailWaiting().value() == 0);
}
