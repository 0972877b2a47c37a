// The web app through plain requests: log-in, lock-out, CSRF, roles, escaping, the inbox.
#include <catch2/catch.hpp>

#include <regex>

#include "balie/app.h"
#include "balie/auth.h"
#include "balie/receive.h"
#include "core/translations.h"
#include "sync/crypto.h"

using namespace brugpunt;
using namespace brugpunt::balie;

namespace {

constexpr long long kMonday = 1'790'000'000'000;  // 2026-09-21, a Monday
long long g_now = kMonday;

// A browser in miniature: keeps cookies, reads the CSRF token from the last page.
struct Browser {
    BalieApp& app;
    std::map<std::string, std::string> cookies;
    std::string csrf;

    WebResponse Send(const std::string& method, const std::string& target, const std::string& body = "") {
        WebRequest r;
        r.method = method;
        size_t q = target.find('?');
        r.path = target.substr(0, q);
        if (q != std::string::npos) r.query = ParseForm(target.substr(q + 1));
        r.body = body;
        std::string cookie;
        for (const auto& [k, v] : cookies) cookie += (cookie.empty() ? "" : "; ") + k + "=" + v;
        if (!cookie.empty()) r.headers["cookie"] = cookie;
        WebResponse resp = app.Handle(r);
        for (const auto& [k, v] : resp.headers) {
            if (k != "Set-Cookie") continue;
            std::string pair = v.substr(0, v.find(';'));
            cookies[pair.substr(0, pair.find('='))] = pair.substr(pair.find('=') + 1);
        }
        std::smatch m;
        static const std::regex kCsrf(R"re(name="csrf" value="([0-9a-f]+)")re");
        if (std::regex_search(resp.body, m, kCsrf)) csrf = m[1];
        return resp;
    }
    WebResponse Get(const std::string& target) { return Send("GET", target); }
    WebResponse Post(const std::string& target, const std::string& fields = "") {
        return Send("POST", target, "csrf=" + csrf + (fields.empty() ? "" : "&" + fields));
    }
    WebResponse LogIn(const std::string& user, const std::string& password) {
        Get("/login");
        WebResponse r = Post("/login", "user=" + user + "&password=" + password);
        // Follow the redirects to a page, as a browser would, to learn the session's CSRF token.
        WebResponse next = r;
        for (int i = 0; i < 3 && next.status == 303; ++i) next = Get(next.Header("Location"));
        return r;
    }
};

struct Fixture {
    std::unique_ptr<BalieStore> store;
    std::unique_ptr<BalieApp> app;
    std::vector<std::string> log;

    Fixture() {
        g_now = kMonday;
        auto s = BalieStore::Open(":memory:");
        REQUIRE(s);
        store = std::move(s.value());
        for (auto [name, role] : {std::pair{"anna", "beheerder"}, {"bart", "balie"}, {"rita", "redacteur"}}) {
            auto hash = HashPassword(std::string(name) + "-wachtwoord");
            REQUIRE(hash);
            REQUIRE(store->CreateUser({name, hash.value(), role}));
        }
        // The names of the languages, from the translations the kiosk ships, as brugpunt-balie reads them.
        AppSettings settings;
        auto translations = core::LoadTranslationsDir(std::string(BRUGPUNT_SOURCE_DIR) + "/translations");
        REQUIRE(translations);
        settings.languages = translations->Languages();
        app = std::make_unique<BalieApp>(
            *store, settings, [] { return g_now; }, [this](const std::string& l) { log.push_back(l); });
        REQUIRE(store->EnrolKiosk("bib", "s3cret", g_now));
    }

    long long Deliver(const std::string& reference, const std::string& title,
                      const std::string& kind = "appointment", const std::string& phone = "+32470123456") {
        std::string key = "key-" + reference;
        std::string body =
            R"({"version":1,"kind":")" + kind + R"(","kiosk_id":"bib","idempotency_key":")" + key +
            R"(","reference":")" + reference + R"(","created_ms":0,"activities":[{"id":"a1","title":")" +
            title + R"("}],"general_question":false,"children":[7],"contact":{"mode":"phone","phone":")" +
            phone +
            R"(","whatsapp":false},"language":"ar","interpreter":true,"day_parts":["evening"],"consent":true})";
        std::string ts = std::to_string(g_now / 1000);
        Delivery d{"bib", ts, "sha256=" + sync::HmacSha256Hex("s3cret", ts + "." + body), key, body};
        REQUIRE(ReceiveRequest(*store, d, g_now).status == 201);
        return store->RequestByReference(reference).value()->id;
    }
};

}  // namespace

TEST_CASE("pages need a session, and every answer carries the security headers") {
    Fixture f;
    Browser b{*f.app};
    WebResponse r = b.Get("/inbox");
    CHECK(r.status == 303);
    CHECK(r.Header("Location") == "/login");
    CHECK(r.Header("Content-Security-Policy").find("default-src 'self'") != std::string::npos);
    CHECK(r.Header("Content-Security-Policy").find("frame-ancestors 'none'") != std::string::npos);
    CHECK(r.Header("Referrer-Policy") == "no-referrer");
    CHECK(r.Header("X-Content-Type-Options") == "nosniff");
    WebResponse in = b.LogIn("bart", "bart-wachtwoord");
    CHECK(in.status == 303);
    std::string cookie;
    for (const auto& [k, v] : in.headers)
        if (k == "Set-Cookie" && v.starts_with("balie_session=")) cookie = v;
    CHECK(cookie.find("HttpOnly") != std::string::npos);
    CHECK(cookie.find("Secure") != std::string::npos);
    CHECK(cookie.find("SameSite=Strict") != std::string::npos);
    CHECK(cookie.find("Max-Age=") != std::string::npos);
    CHECK(b.Get("/inbox").status == 200);
}

TEST_CASE("a session expires") {
    Fixture f;
    Browser b{*f.app};
    b.LogIn("bart", "bart-wachtwoord");
    CHECK(b.Get("/inbox").status == 200);
    g_now += AppSettings{}.session_ms + 1;
    CHECK(b.Get("/inbox").status == 303);
}

TEST_CASE("five wrong passwords lock the account, even against the right one") {
    Fixture f;
    Browser b{*f.app};
    for (int i = 0; i < 5; ++i) CHECK(b.LogIn("bart", "fout").status == 403);
    WebResponse r = b.LogIn("bart", "bart-wachtwoord");
    CHECK(r.status == 403);
    CHECK(r.body.find("vergrendeld") != std::string::npos);
    CHECK(b.Get("/inbox").status == 303);
    g_now += kLockoutMs + 1;
    CHECK(b.LogIn("bart", "bart-wachtwoord").status == 303);
}

TEST_CASE("a form without the session's CSRF token is refused with 403") {
    Fixture f;
    long long id = f.Deliver("AAA-BBB", "Voetbal");
    Browser b{*f.app};
    b.LogIn("bart", "bart-wachtwoord");
    b.Get("/inbox");
    CHECK(b.Send("POST", "/request/" + std::to_string(id) + "/claim", "").status == 403);
    CHECK(
        b.Send("POST", "/request/" + std::to_string(id) + "/claim", "csrf=" + std::string(64, 'a')).status ==
        403);
    CHECK(f.store->RequestById(id).value()->state == RequestState::kNew);
    CHECK(b.Post("/request/" + std::to_string(id) + "/claim").status == 303);
    CHECK(f.store->RequestById(id).value()->state == RequestState::kClaimed);
    // Log-in itself needs the token its page set.
    Browser other{*f.app};
    CHECK(other.Send("POST", "/login", "user=bart&password=bart-wachtwoord").status == 403);
}

TEST_CASE("each role reaches only its own pages") {
    Fixture f;
    Browser desk{*f.app};
    desk.LogIn("bart", "bart-wachtwoord");
    CHECK(desk.Get("/inbox").status == 200);
    CHECK(desk.Get("/kiosks").status == 403);
    CHECK(desk.Get("/users").status == 403);
    CHECK(desk.Get("/settings").status == 403);
    CHECK(desk.Post("/kiosks/enrol", "id=evil").status == 403);
    CHECK(f.store->KioskSecret("evil").value() == std::nullopt);
    Browser editor{*f.app};
    editor.LogIn("rita", "rita-wachtwoord");
    CHECK(editor.Get("/inbox").status == 403);
    CHECK(editor.Get("/request/1").status == 403);
    Browser admin{*f.app};
    admin.LogIn("anna", "anna-wachtwoord");
    CHECK(admin.Get("/kiosks").status == 200);
    WebResponse enrolled = admin.Post("/kiosks/enrol", "id=sporthal");
    CHECK(enrolled.status == 200);
    CHECK(enrolled.body.find("webhook_url = http://127.0.0.1:8470/api/kiosk/sporthal/requests") !=
          std::string::npos);
    CHECK(f.store->KioskSecret("sporthal").value().has_value());
}

TEST_CASE("a title or note of <script> is shown as text") {
    Fixture f;
    long long id = f.Deliver("XSS-123", "<script>alert(1)</script>");
    Browser b{*f.app};
    b.LogIn("bart", "bart-wachtwoord");
    WebResponse inbox = b.Get("/inbox");
    CHECK(inbox.body.find("<script>") == std::string::npos);
    CHECK(inbox.body.find("&lt;script&gt;alert(1)&lt;/script&gt;") != std::string::npos);
    std::string page = "/request/" + std::to_string(id);
    REQUIRE(
        b.Post(page + "/update", "outcome=&follow_up=&note=%3Cscript%3Ex()%3C%2Fscript%3E%22%3E").status ==
        303);
    WebResponse r = b.Get(page);
    CHECK(r.body.find("<script>") == std::string::npos);
    CHECK(r.body.find("&lt;script&gt;x()&lt;/script&gt;&quot;&gt;") != std::string::npos);
}

TEST_CASE("the inbox lists newest first with counts per state, groups interest per activity, finds a code") {
    Fixture f;
    long long old_id = f.Deliver("OLD-111", "Zwemmen");
    g_now += 3600'000;
    f.Deliver("NEW-222", "Judo");
    f.Deliver("INT-333", "Dans", "interest", "+32470555666");
    f.Deliver("INT-444", "Dans", "interest", "+32470555777");
    Browser b{*f.app};
    b.LogIn("bart", "bart-wachtwoord");
    REQUIRE(b.Post("/request/" + std::to_string(old_id) + "/claim").status == 303);
    WebResponse r = b.Get("/inbox");
    REQUIRE(r.status == 200);
    CHECK(r.body.find("NEW-222") < r.body.find("OLD-111"));
    CHECK(r.body.find(R"(id="count-new">3<)") != std::string::npos);
    CHECK(r.body.find(R"(id="count-claimed">1<)") != std::string::npos);
    CHECK(r.body.find("Dans <span class=\"count\">2</span>") != std::string::npos);
    CHECK(r.body.find("tolk nodig") != std::string::npos);
    CHECK(r.body.find("avond") != std::string::npos);
    WebResponse found = b.Get("/inbox?ref=new222");
    CHECK(found.status == 303);
    CHECK(found.Header("Location") ==
          "/request/" + std::to_string(f.store->RequestByReference("NEW-222").value()->id));
    CHECK(b.Get("/inbox?ref=ZZZ-ZZZ").body.find("Geen aanvraag met code ZZZ-ZZZ") != std::string::npos);
}

TEST_CASE("a request untouched for more than two working days, or an overdue follow-up, is red") {
    Fixture f;
    long long id = f.Deliver("RED-111", "Zwemmen");
    Browser b{*f.app};
    g_now = kMonday + 2 * 86'400'000LL;  // Wednesday: Tuesday and Wednesday are two working days
    b.LogIn("bart", "bart-wachtwoord");
    CHECK(b.Get("/request/" + std::to_string(id)).body.find("werkdagen") == std::string::npos);
    g_now = kMonday + 3 * 86'400'000LL;  // Thursday: three
    b.LogIn("bart", "bart-wachtwoord");
    CHECK(b.Get("/request/" + std::to_string(id)).body.find("meer dan 2 werkdagen") != std::string::npos);
    REQUIRE(
        b.Post("/request/" + std::to_string(id) + "/update", "outcome=&follow_up=2026-01-05&note=").status ==
        303);
    std::string page = b.Get("/request/" + std::to_string(id)).body;
    CHECK(page.find("opvolging te laat") != std::string::npos);
    CHECK(WorkingDaysBetween(0, 86'400'000LL * 7) == 5);
}

TEST_CASE("claim, a failed call, a follow-up and close are audited by reference, never by phone") {
    Fixture f;
    long long id = f.Deliver("AUD-123", "Voetbal");
    Browser b{*f.app};
    b.LogIn("bart", "bart-wachtwoord");
    std::string page = "/request/" + std::to_string(id);
    b.Get(page);
    REQUIRE(b.Post(page + "/claim").status == 303);
    REQUIRE(b.Post(page + "/attempt").status == 303);
    REQUIRE(b.Post(page + "/attempt").status == 303);
    REQUIRE(b.Post(page + "/update", "outcome=testmoment&follow_up=2027-01-15&note=belt+terug").status ==
            303);
    auto r = f.store->RequestById(id).value().value();
    CHECK(r.attempts == 2);
    CHECK(r.claimed_by == "bart");
    CHECK(r.follow_up == "2027-01-15");
    CHECK(b.Post(page + "/update", "outcome=hacked&follow_up=&note=").status == 400);
    REQUIRE(b.Post(page + "/close", "outcome=ingeschreven").status == 303);
    r = f.store->RequestById(id).value().value();
    CHECK(r.state == RequestState::kClosed);
    CHECK(r.in.phone.empty());
    CHECK(r.note.empty());
    CHECK(r.in.children.empty());
    CHECK(r.outcome == "ingeschreven");
    CHECK(r.in.language == "ar");
    CHECK(b.Get(page).body.find("+32470123456") == std::string::npos);
    auto audit = f.store->AuditLog(100).value();
    std::vector<std::string> actions;
    for (const auto& e : audit) {
        CHECK(e.reference == "AUD-123");
        actions.push_back(e.action);
    }
    CHECK(std::find(actions.begin(), actions.end(), "afgesloten en gewist") != actions.end());
    CHECK(std::find(actions.begin(), actions.end(), "gebeld, geen antwoord") != actions.end());
    for (const auto& line : f.log) CHECK(line.find("470") == std::string::npos);
}

TEST_CASE("retention closes and erases open requests older than the setting, with a log line") {
    Fixture f;
    long long id = f.Deliver("RET-111", "Voetbal");
    g_now += 10 * 86'400'000LL;
    long long young = f.Deliver("RET-222", "Voetbal");
    REQUIRE(f.store->SetSetting("retention_days", "7"));
    f.app->ApplyRetention();
    CHECK(f.store->RequestById(id).value()->state == RequestState::kClosed);
    CHECK(f.store->RequestById(id).value()->in.phone.empty());
    CHECK(f.store->RequestById(young).value()->state == RequestState::kNew);
    CHECK(std::any_of(f.log.begin(), f.log.end(), [](const std::string& l) {
        return l.find("retention: closed and erased request RET-111") != std::string::npos;
    }));
}

TEST_CASE("form fields and reference codes are decoded the way browsers and visitors write them") {
    auto form = ParseForm("a=1&b=hallo+wereld&c=%3C%2f%3e&d=%zz&e");
    CHECK(form["a"] == "1");
    CHECK(form["b"] == "hallo wereld");
    CHECK(form["c"] == "</>");
    CHECK(form["d"] == "%zz");
    CHECK(form.count("e") == 1);
    CHECK(NormalizeReference(" k7q 4xm") == "K7Q-4XM");
    CHECK(NormalizeReference("K7Q-4XM") == "K7Q-4XM");
}

TEST_CASE("the inbox comes in pages of 100, newest first, with interest requests grouped apart") {
    Fixture f;
    for (int i = 0; i < 250; ++i) {
        g_now += 1000;
        char ref[16];
        std::snprintf(ref, sizeof ref, "P%02d-%03d", i / 100, i % 100);
        f.Deliver(ref, "Voetbal");
    }
    f.Deliver("INT-001", "Dans", "interest");
    Browser b{*f.app};
    b.LogIn("bart", "bart-wachtwoord");
    auto rows = [](const std::string& body) {
        size_t n = 0;
        for (size_t at = body.find("href=\"/request/"); at != std::string::npos;
             at = body.find("href=\"/request/", at + 1))
            ++n;
        return n;
    };
    WebResponse first = b.Get("/inbox");
    REQUIRE(first.status == 200);
    CHECK(rows(first.body) == 100 + 1);  // and the one interest request, in its group
    CHECK(first.body.find("Pagina 1 van 3 (250)") != std::string::npos);
    CHECK(first.body.find("P02-049") != std::string::npos);  // the newest
    CHECK(first.body.find("P01-049") == std::string::npos);
    CHECK(first.body.find("href=\"/inbox?page=2\"") != std::string::npos);
    WebResponse last = b.Get("/inbox?page=3");
    CHECK(rows(last.body) == 50 + 1);
    CHECK(last.body.find("P00-000") != std::string::npos);  // the oldest
    CHECK(last.body.find("Volgende") == std::string::npos);
    CHECK(rows(b.Get("/inbox?page=99").body) == 1);  // past the end: an empty table, no error
    CHECK(b.Get("/inbox?page=abc").body.find("Pagina 1 van 3") != std::string::npos);
    CHECK(b.Get("/inbox?state=new&page=2").body.find("href=\"/inbox?state=new&amp;page=3\"") !=
          std::string::npos);
}

TEST_CASE(
    "a kiosk is red when silent for two sync intervals, with a request waiting over an hour, or an old "
    "catalogue") {
    Kiosk k;
    k.id = "bib";
    k.enrolled_ms = kMonday;
    k.last_heartbeat_ms = kMonday;
    k.catalogue_version = 5;
    const int interval = 900;
    CHECK(FleetProblem(k, kMonday + 1000'000, interval, 5).empty());
    CHECK(FleetProblem(k, kMonday + 1801'000, interval, 5).find("stil sinds") != std::string::npos);
    k.outbox_depth = 2;
    k.outbox_oldest_s = 3000;
    CHECK(FleetProblem(k, kMonday + 60'000, interval, 5).empty());
    // 3000 s at the heartbeat and 700 s since: the oldest has waited over an hour.
    CHECK(FleetProblem(k, kMonday + 700'000, interval, 5) == "2 aanvragen wachten al 1 u op de kiosk");
    k.outbox_depth = 0;
    CHECK(FleetProblem(k, kMonday + 60'000, interval, 6) == "oude catalogus (versie 5, gepubliceerd 6)");
    CHECK(FleetProblem(k, kMonday + 60'000, interval, 0).empty());  // nothing published recorded
    Kiosk fresh{"new", false, kMonday};
    CHECK(FleetProblem(fresh, kMonday + 60'000, interval, 6).empty());  // just enrolled, not heard from yet
    CHECK(FleetProblem(fresh, kMonday + 1801'000, interval, 6) == "nog nooit gehoord");
    k.revoked = true;
    CHECK(FleetProblem(k, kMonday + 99'000'000, interval, 9).empty());
}

TEST_CASE("the fleet page shows a kiosk on an older catalogue than the published one in red") {
    Fixture f;
    std::string body =
        R"({"kiosk_id":"bib","catalogue_version":4,"outbox_depth":0,"uptime_s":60,"last_error":""})";
    std::string ts = std::to_string(g_now / 1000);
    REQUIRE(ReceiveHeartbeat(
                *f.store, {"bib", ts, "sha256=" + sync::HmacSha256Hex("s3cret", ts + "." + body), "", body},
                g_now)
                .status == 204);
    Browser b{*f.app};
    b.LogIn("anna", "anna-wachtwoord");
    CHECK(b.Get("/kiosks").body.find("oude catalogus") == std::string::npos);
    REQUIRE(b.Get("/settings").status == 200);
    REQUIRE(b.Post("/settings", "retention_days=14&published_version=5").status == 200);
    CHECK(b.Get("/kiosks").body.find("oude catalogus (versie 4, gepubliceerd 5)") != std::string::npos);
    CHECK(b.Post("/settings", "retention_days=14&published_version=x5").status == 400);
}

TEST_CASE("enrolment's config lines carry Balie's retention, which the kiosk's consent text names") {
    Fixture f;
    REQUIRE(f.store->SetSetting("retention_days", "21"));
    Browser b{*f.app};
    b.LogIn("anna", "anna-wachtwoord");
    b.Get("/kiosks");
    WebResponse r = b.Post("/kiosks/enrol", "id=sporthal");
    REQUIRE(r.status == 200);
    CHECK(r.body.find("retention_days = 21") != std::string::npos);
    CHECK(KioskConfigLines("https://balie.example/", "k", "s", 30).find("retention_days = 30\n") !=
          std::string::npos);
}

TEST_CASE("what visitors look for: every role sees the weekly counts of all kiosks, gaps first") {
    Fixture f;
    Browser desk{*f.app};
    desk.LogIn("bart", "bart-wachtwoord");
    WebResponse none = desk.Get("/vraag");
    REQUIRE(none.status == 200);
    CHECK(none.body.find("id=\"no-demand\"") != std::string::npos);
    REQUIRE(f.store->EnrolKiosk("sporthal", "s4", g_now));
    // This week (from Monday 2026-09-21), last week, and a day long before the twelve weeks.
    REQUIRE(f.store->RecordDemand("bib", {{"2026-09-21",
                                           {{"sessions", 5},
                                            {"empty:sport", 2},
                                            {"request:zwemmen", 1},
                                            {"filter:free", 3},
                                            {"language:ar", 2}}},
                                          {"2026-09-20", {{"sessions", 4}, {"empty:sport", 1}}},
                                          {"2026-01-05", {{"sessions", 99}}}}));
    REQUIRE(f.store->RecordDemand("sporthal", {{"2026-09-21", {{"sessions", 1}, {"empty:dans", 7}}}}));
    for (const char* user : {"bart", "rita", "anna"}) {
        Browser b{*f.app};
        b.LogIn(user, std::string(user) + "-wachtwoord");
        WebResponse page = b.Get("/vraag");
        REQUIRE(page.status == 200);
        CHECK(page.body.find("Wat bezoekers zoeken") != std::string::npos);
    }
    WebResponse page = desk.Get("/vraag");
    const std::string& html = page.body;
    CHECK(html.find("no-demand") == std::string::npos);
    // The week's bars: 6 visits this week, 4 last week; the January day is outside the weeks.
    CHECK(html.find("week van 21 sep: 6</title>") != std::string::npos);
    CHECK(html.find("week van 14 sep: 4</title>") != std::string::npos);
    CHECK(html.find(": 99<") == std::string::npos);
    // Empty lists, most first: dans (7) before sport (3), with readable names.
    size_t section = html.find("id=\"demand-empty\"");
    REQUIRE(section != std::string::npos);
    size_t dans = html.find("<td>dans</td>", section), sport = html.find("<td>sport</td>", section);
    REQUIRE(dans != std::string::npos);
    REQUIRE(sport != std::string::npos);
    CHECK(dans < sport);
    CHECK(html.find("<td>gratis</td>") != std::string::npos);
    CHECK(html.find("ar · العربية") != std::string::npos);
    // No script, no inline style: the CSP stays strict.
    CHECK(html.find("<script") == std::string::npos);
    CHECK(html.find("style=") == std::string::npos);
    // Without a session, the log-in page.
    Browser stranger{*f.app};
    CHECK(stranger.Get("/vraag").status == 303);
}
