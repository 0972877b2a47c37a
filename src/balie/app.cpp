// Owns Balie's routes and pages. Every value a kiosk or a person typed reaches the page through
// mustache's {{ }}, which escapes it. No sqlite or httplib here.
#include "app.h"

#include <algorithm>
#include <cctype>
#include <ctime>
#include <kainjow/mustache.hpp>
#include <map>
#include <string>
#include <vector>

#include "alerts.h"
#include "auth.h"
#include "charts.h"
#include "core/date.h"
#include "core/language.h"
#include "core/phone.h"
#include "receive.h"
#include "sync/crypto.h"
#include "templates.h"

namespace brugpunt::balie {
namespace {

using mdata = kainjow::mustache::data;
using mlist = kainjow::mustache::list;

constexpr const char* kSessionCookie = "balie_session";
constexpr const char* kLoginCookie = "balie_login";

std::string Render(const char* tmpl, const mdata& data) {
    kainjow::mustache::mustache m{std::string(tmpl)};
    return m.render(data);
}

mdata Bool(bool b) {
    return b ? mdata(mdata::type::bool_true) : mdata(mdata::type::bool_false);
}

int HexValue(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string UrlDecode(std::string_view s) {
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '+') {
            out += ' ';
        } else if (s[i] == '%' && i + 2 < s.size() && HexValue(s[i + 1]) >= 0 && HexValue(s[i + 2]) >= 0) {
            out += static_cast<char>(HexValue(s[i + 1]) * 16 + HexValue(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::map<std::string, std::string> Cookies(const WebRequest& r) {
    std::map<std::string, std::string> out;
    auto it = r.headers.find("cookie");
    if (it == r.headers.end()) return out;
    std::string_view s = it->second;
    while (!s.empty()) {
        size_t end = s.find(';');
        std::string_view part = s.substr(0, end);
        while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
        size_t eq = part.find('=');
        if (eq != std::string_view::npos)
            out[std::string(part.substr(0, eq))] = std::string(part.substr(eq + 1));
        if (end == std::string_view::npos) break;
        s.remove_prefix(end + 1);
    }
    return out;
}

std::string Cookie(const std::string& name, const std::string& value, long long max_age_s) {
    return name + "=" + value +
           "; HttpOnly; Secure; SameSite=Strict; Path=/; Max-Age=" + std::to_string(max_age_s);
}

bool ValidName(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    return std::all_of(s.begin(), s.end(),
                       [](unsigned char c) { return std::isalnum(c) || c == '.' || c == '_' || c == '-'; });
}

std::string Field(const std::map<std::string, std::string>& form, const std::string& key) {
    auto it = form.find(key);
    return it == form.end() ? "" : it->second;
}

WebResponse Redirect(const std::string& to) {
    WebResponse r;
    r.status = 303;
    r.headers.emplace_back("Location", to);
    return r;
}

// [SECTION] Dutch words for what the kiosk sends

std::string FormatTime(long long ms, const char* fmt) {
    std::time_t t = static_cast<std::time_t>(ms / 1000);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[64];
    std::strftime(buf, sizeof buf, fmt, &tm);
    return buf;
}

std::string Today(long long now_ms) {
    return FormatTime(now_ms, "%Y-%m-%d");
}

std::string Age(long long from_ms, long long now_ms) {
    long long min = std::max(0LL, (now_ms - from_ms) / 60'000);
    if (min < 1) return "zonet";
    if (min < 60) return std::to_string(min) + " min geleden";
    if (min < 48 * 60) return std::to_string(min / 60) + " u geleden";
    return std::to_string(min / (24 * 60)) + " dagen geleden";
}

std::string About(const IncomingRequest& r) {
    if (r.activities.empty()) return "algemene vraag";
    std::string out;
    for (const auto& [id, title] : r.activities) {
        if (!out.empty()) out += ", ";
        out += title.empty() ? id : title;
    }
    return out;
}

std::string Children(const IncomingRequest& r) {
    if (r.children.empty()) return "–";
    std::string out =
        std::to_string(r.children.size()) + (r.children.size() == 1 ? " kind: " : " kinderen: ");
    for (size_t i = 0; i < r.children.size(); ++i) out += (i ? ", " : "") + std::to_string(r.children[i]);
    return out + " jaar";
}

std::string Contact(const StoredRequest& r) {
    if (r.state == RequestState::kClosed) return "gewist";
    if (r.in.contact_mode != "phone") return "komt terug naar de balie";
    // A number from abroad says where it is from, so the desk knows before dialling.
    const core::PhoneCountry* country = core::CheckPhone(r.in.phone, "").country;
    std::string where =
        country && country->iso != core::kHomeCountry ? " (" + std::string(country->dutch) + ")" : "";
    return r.in.phone + where + (r.in.whatsapp ? " (WhatsApp mag ook)" : "");
}

std::string HelpText(const IncomingRequest& r) {
    std::string out;
    for (const auto& h : r.help) {
        auto kind = core::HelpFromCode(h);
        out += (out.empty() ? "" : ", ") + (kind ? std::string(core::HelpDeskWords(*kind)) : h);
    }
    return out.empty() ? "niets aangeduid" : out;
}

std::string LanguageText(const IncomingRequest& r, const std::vector<core::Language>& languages) {
    std::string out = r.language;
    for (const auto& l : languages)
        if (l.code == r.language) out = l.native + " (" + r.language + ")";
    return out + (r.interpreter ? ", tolk nodig" : "");
}

std::string DayParts(const IncomingRequest& r) {
    static const std::map<std::string, std::string> kDutch = {
        {"morning", "voormiddag"}, {"afternoon", "namiddag"}, {"evening", "avond"}, {"saturday", "zaterdag"}};
    std::string out;
    for (const auto& p : r.day_parts) {
        auto it = kDutch.find(p);
        out += (out.empty() ? "" : ", ") + (it == kDutch.end() ? p : it->second);
    }
    return out.empty() ? "geen voorkeur" : out;
}

struct Outcome {
    const char* value;
    const char* label;
};
constexpr Outcome kOutcomes[] = {
    {"", "nog geen uitkomst"},
    {"ingeschreven", "ingeschreven"},
    {"testmoment", "testmoment gepland"},
    {"doorverwezen", "doorverwezen naar de organisator"},
    {"geen-interesse", "geen interesse"},
    {"niet-bereikt", "niet bereikt"},
};

bool KnownOutcome(const std::string& v) {
    return std::any_of(std::begin(kOutcomes), std::end(kOutcomes),
                       [&](const Outcome& o) { return v == o.value; });
}

std::string OutcomeLabel(const std::string& v) {
    for (const auto& o : kOutcomes)
        if (v == o.value) return o.label;
    return v;
}

mlist OutcomeOptions(const std::string& selected) {
    mlist out;
    for (const auto& o : kOutcomes) {
        mdata d;
        d.set("value", o.value);
        d.set("label", o.label);
        d.set("selected", Bool(selected == o.value));
        out.push_back(d);
    }
    return out;
}

std::string Status(const StoredRequest& r) {
    switch (r.state) {
        case RequestState::kNew:
            return "nieuw";
        case RequestState::kClaimed:
            return "opgenomen door " + r.claimed_by;
        case RequestState::kClosed:
            return "afgesloten";
    }
    return "";
}

// Why a request is shown in red; empty when it is not.
std::string Late(const StoredRequest& r, long long now_ms) {
    if (r.state == RequestState::kClosed) return "";
    if (!r.follow_up.empty() && r.follow_up < Today(now_ms)) return "opvolging te laat";
    if (r.follow_up.empty() && WorkingDaysBetween(r.touched_ms, now_ms) > 2)
        return "meer dan 2 werkdagen niet aangeraakt";
    return "";
}

bool ValidDate(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    for (size_t i : {0, 1, 2, 3, 5, 6, 8, 9})
        if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
    return true;
}

}  // namespace

// [SECTION] helpers others use

std::string WebResponse::Header(const std::string& name) const {
    for (const auto& [k, v] : headers)
        if (k == name) return v;
    return "";
}

std::map<std::string, std::string> ParseForm(const std::string& body) {
    std::map<std::string, std::string> out;
    std::string_view s = body;
    while (!s.empty()) {
        size_t end = s.find('&');
        std::string_view part = s.substr(0, end);
        size_t eq = part.find('=');
        if (!part.empty()) {
            if (eq == std::string_view::npos)
                out[UrlDecode(part)] = "";
            else
                out[UrlDecode(part.substr(0, eq))] = UrlDecode(part.substr(eq + 1));
        }
        if (end == std::string_view::npos) break;
        s.remove_prefix(end + 1);
    }
    return out;
}

std::string NormalizeReference(const std::string& typed) {
    std::string code;
    for (char c : typed)
        if (std::isalnum(static_cast<unsigned char>(c))) code += static_cast<char>(std::toupper(c));
    if (code.size() == 6) code.insert(3, "-");
    return code;
}

int WorkingDaysBetween(long long from_ms, long long to_ms) {
    long long from_day = from_ms / 86'400'000, to_day = to_ms / 86'400'000;
    int n = 0;
    for (long long d = from_day + 1; d <= to_day && n < 1000; ++d) {
        int weekday = static_cast<int>((d + 4) % 7);  // 1970-01-01 was a Thursday; 0 is Sunday
        if (weekday >= 1 && weekday <= 5) ++n;
    }
    return n;
}

// [SECTION] the app

struct BalieApp::Context {
    Session session;
    Role role = Role::kBalie;
};

BalieApp::BalieApp(BalieStore& store, AppSettings settings, std::function<long long()> now_ms, LogFn log)
    : m_store(store), m_settings(std::move(settings)), m_now_ms(std::move(now_ms)), m_log(std::move(log)) {}

WebResponse BalieApp::Handle(const WebRequest& request) {
    WebResponse r = Route(request);
    // A strict policy: no inline script or style anywhere, no framing, no referrer leaks.
    r.headers.emplace_back("Content-Security-Policy",
                           "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
                           "form-action 'self'; base-uri 'none'; frame-ancestors 'none'");
    r.headers.emplace_back("Referrer-Policy", "no-referrer");
    r.headers.emplace_back("X-Content-Type-Options", "nosniff");
    r.headers.emplace_back("X-Frame-Options", "DENY");
    if (request.path != "/static/balie.css") r.headers.emplace_back("Cache-Control", "no-store");
    return r;
}

WebResponse BalieApp::Error(int status, const std::string& message) {
    mdata d;
    d.set("status", std::to_string(status));
    d.set("message", message);
    WebResponse r;
    r.status = status;
    r.body = Render(templates::kError, d);
    return r;
}

long long BalieApp::PublishedVersionNow() {
    auto v = m_store.Setting("published_catalogue_version");
    if (!v || !v.value()) return 0;
    return std::atoll(v.value()->c_str());
}

void BalieApp::SetPublished(const PublishedVersion& published) {
    auto before = m_store.Setting("published_catalogue_error");
    std::string was = before && before.value() ? *before.value() : "";
    if (published.error != was)
        m_log(published.error.empty() ? "published catalogue: readable again"
                                      : "published catalogue: " + published.error);
    m_store.SetSetting("published_catalogue_error", published.error);
    if (published.version > 0 && published.version != PublishedVersionNow()) {
        m_log("published catalogue: version " + std::to_string(published.version));
        m_store.SetSetting("published_catalogue_version", std::to_string(published.version));
    }
}

int RetentionDaysOf(BalieStore& store) {
    auto v = store.Setting("retention_days");
    if (!v || !v.value()) return kDefaultRetentionDays;
    int days = std::atoi(v.value()->c_str());
    return days > 0 ? days : kDefaultRetentionDays;
}

int BalieApp::RetentionDays() {
    return RetentionDaysOf(m_store);
}

void BalieApp::ApplyRetention() {
    long long now = m_now_ms();
    int days = RetentionDays();
    auto closed = m_store.CloseReceivedBefore(now - days * 86'400'000LL, now);
    if (!closed) {
        m_log("retention: " + closed.error().message);
        return;
    }
    for (const auto& ref : closed.value()) {
        m_log("retention: closed and erased request " + ref + " after " + std::to_string(days) + " days");
        m_store.Audit("(bewaartermijn)", "afgesloten en gewist na de bewaartermijn", ref, now);
    }
}

WebResponse BalieApp::Kiosk(const WebRequest& req) {
    // /api/kiosk/ID/requests or /api/kiosk/ID/heartbeat
    std::string rest = req.path.substr(std::string("/api/kiosk/").size());
    size_t slash = rest.find('/');
    WebResponse out;
    out.content_type = "application/json";
    if (req.method != "POST" || slash == std::string::npos) {
        out.status = 404;
        return out;
    }
    auto header = [&](const char* name) {
        auto it = req.headers.find(name);
        return it == req.headers.end() ? std::string() : it->second;
    };
    Delivery d{rest.substr(0, slash), header("x-brugpunt-timestamp"), header("x-brugpunt-signature"),
               header("idempotency-key"), req.body};
    std::string what = rest.substr(slash + 1);
    Received got;
    if (what == "requests")
        got = ReceiveRequest(m_store, d, m_now_ms(), m_settings.timestamp_window_s);
    else if (what == "heartbeat")
        got = ReceiveHeartbeat(m_store, d, m_now_ms(), m_settings.timestamp_window_s);
    else
        got = {404, ""};
    if (!got.log.empty()) m_log(got.log);
    if (got.status == 201 && m_mail_queued) {
        // After the commit and never instead of it: a mail that fails leaves the request in the inbox.
        if (auto q = m_store.QueueMail(
                NewRequestMail(got.reference, d.kiosk_id, got.interest, m_settings.public_url, m_now_ms()));
            q)
            m_mail_queued();
        else
            m_log("mail: not queued for request " + got.reference + ": " + q.error().message);
    }
    out.status = got.status;
    out.body = got.status == 201 || got.status == 200 ? "{}" : "";
    return out;
}

WebResponse BalieApp::LoginPage(const WebRequest& req, const std::string& error) {
    // Keep the token a browser already has: a second tab, or the favicon request that redirects
    // here, must not invalidate the form on screen.
    std::string token = Cookies(req)[kLoginCookie];
    if (token.size() != 64 || token.find_first_not_of("0123456789abcdef") != std::string::npos)
        token = NewToken();
    mdata d;
    d.set("csrf", token);
    if (!error.empty()) d.set("error", error);
    WebResponse r;
    r.status = error.empty() ? 200 : 403;
    r.body = Render(templates::kLogin, d);
    r.headers.emplace_back("Set-Cookie", Cookie(kLoginCookie, token, 3600));
    return r;
}

WebResponse BalieApp::Login(const WebRequest& req) {
    auto form = ParseForm(req.body);
    auto cookies = Cookies(req);
    if (!SameSecret(Field(form, "csrf"), cookies[kLoginCookie])) {
        m_log("login refused: CSRF token missing or wrong");
        return Error(403, "Het formulier is verlopen. Laad de aanmeldpagina opnieuw.");
    }
    std::string name = Field(form, "user");
    long long now = m_now_ms();
    const std::string wrong = "Gebruikersnaam of wachtwoord klopt niet.";
    auto user = m_store.FindUser(name);
    if (!user) return Error(500, "De databank antwoordt niet.");
    if (!user.value()) {
        VerifyPassword("", Field(form, "password"));
        return LoginPage(req, wrong);
    }
    LoginState state{user.value()->failed_logins, user.value()->locked_until_ms};
    if (IsLocked(state, now)) {
        m_log("login refused for " + name + ": locked after too many wrong passwords");
        return LoginPage(req, "Te veel foute pogingen. Dit account is een kwartier vergrendeld.");
    }
    if (!VerifyPassword(user.value()->password_hash, Field(form, "password"))) {
        state = AfterWrongPassword(state, now);
        m_store.SetLoginFailures(name, state.failed, state.locked_until_ms);
        if (IsLocked(state, now)) {
            m_log("login: " + name + " locked after " + std::to_string(kMaxFailedLogins) +
                  " wrong passwords");
            return LoginPage(req, "Te veel foute pogingen. Dit account is een kwartier vergrendeld.");
        }
        return LoginPage(req, wrong);
    }
    m_store.SetLoginFailures(name, 0, 0);
    std::string token = NewToken();
    Session s{name, user.value()->role, NewToken(), now + m_settings.session_ms};
    if (auto c = m_store.CreateSession(sync::Sha256Hex(token), s); !c)
        return Error(500, "De databank antwoordt niet.");
    m_log("login: " + name);
    WebResponse r = Redirect("/");
    r.headers.emplace_back("Set-Cookie", Cookie(kSessionCookie, token, m_settings.session_ms / 1000));
    r.headers.emplace_back("Set-Cookie", Cookie(kLoginCookie, "", 0));
    return r;
}

WebResponse BalieApp::Route(const WebRequest& req) {
    const std::string& path = req.path;
    if (path.starts_with("/api/kiosk/")) return Kiosk(req);
    if (path == "/static/balie.css" && req.method == "GET") {
        WebResponse r;
        r.content_type = "text/css; charset=utf-8";
        r.body = templates::kStyle;
        return r;
    }
    if (path == "/favicon.ico") return Error(404, "");
    if (path == "/login") return req.method == "POST" ? Login(req) : LoginPage(req, "");

    // Everything else needs a session.
    auto cookies = Cookies(req);
    std::string token_hash = cookies.count(kSessionCookie) ? sync::Sha256Hex(cookies[kSessionCookie]) : "";
    std::optional<Session> session;
    if (!token_hash.empty()) {
        auto found = m_store.FindSession(token_hash, m_now_ms());
        if (!found) return Error(500, "De databank antwoordt niet.");
        session = found.value();
    }
    auto role = session ? ParseRole(session->role) : std::nullopt;
    if (!session || !role) {
        if (req.method == "POST") return Error(403, "Meld je eerst aan.");
        return Redirect("/login");
    }
    Context c{*session, *role};
    std::map<std::string, std::string> form;
    if (req.method == "POST") {
        form = ParseForm(req.body);
        if (!SameSecret(Field(form, "csrf"), session->csrf)) {
            m_log("refused a form from " + session->user + ": CSRF token missing or wrong");
            return Error(403, "Het formulier is verlopen of komt niet van Balie. Laad de pagina opnieuw.");
        }
    }
    if (path == "/logout" && req.method == "POST") {
        m_store.DeleteSession(token_hash);
        WebResponse r = Redirect("/login");
        r.headers.emplace_back("Set-Cookie", Cookie(kSessionCookie, "", 0));
        return r;
    }
    auto need = [&](Area area) { return RoleAllows(c.role, area); };
    auto refused = [&]() {
        m_log("refused " + path + " to " + session->user + " (role " + session->role + ")");
        return Error(403, "Deze pagina is niet voor jouw rol (" + session->role + ").");
    };
    if (path == "/")
        return Redirect(need(Area::kRequests) ? "/inbox" : need(Area::kAdmin) ? "/kiosks" : "/catalogue");
    if (path == "/catalogue") {
        if (!need(Area::kCatalogue)) return refused();
        return Page(c, "Catalogus", "<p>Het bewerken van de catalogus komt in deel 2.</p>");
    }
    if (path == "/inbox" && req.method == "GET") return need(Area::kRequests) ? Inbox(c, req) : refused();
    if (path.starts_with("/request/")) {
        if (!need(Area::kRequests)) return refused();
        std::string rest = path.substr(9);
        size_t slash = rest.find('/');
        std::string id_text = rest.substr(0, slash);
        if (id_text.empty() || id_text.size() > 18 ||
            id_text.find_first_not_of("0123456789") != std::string::npos)
            return Error(404, "Die aanvraag bestaat niet.");
        long long id = std::stoll(id_text);
        if (slash == std::string::npos && req.method == "GET") return RequestPage(c, id);
        if (slash != std::string::npos && req.method == "POST")
            return RequestAction(c, id, rest.substr(slash + 1), form);
        return Error(404, "Die pagina bestaat niet.");
    }
    if (path == "/kiosks" || path.starts_with("/kiosks/")) {
        if (!need(Area::kAdmin)) return refused();
        if (path == "/kiosks" && req.method == "GET") return FleetPage(c, "");
        if (req.method == "POST") return FleetAction(c, path.substr(8), form);
    }
    if (path == "/users") {
        if (!need(Area::kAdmin)) return refused();
        return req.method == "POST" ? UsersAction(c, form) : UsersPage(c, "");
    }
    if (path == "/settings") {
        if (!need(Area::kAdmin)) return refused();
        return req.method == "POST" ? SettingsAction(c, form) : SettingsPage(c, "");
    }
    if (path == "/audit" && req.method == "GET") return need(Area::kAdmin) ? AuditPage(c) : refused();
    if (path == "/vraag" && req.method == "GET") return DemandPage(c);
    return Error(404, "Die pagina bestaat niet.");
}

WebResponse BalieApp::Page(const Context& c, const std::string& title, const std::string& content) {
    mdata d;
    d.set("title", title);
    d.set("content", content);
    d.set("user", c.session.user);
    d.set("csrf", c.session.csrf);
    if (RoleAllows(c.role, Area::kRequests)) {
        auto counts = m_store.Counts();
        if (counts) {
            mdata n;
            n.set("fresh", std::to_string(counts->fresh));
            n.set("claimed", std::to_string(counts->claimed));
            n.set("follow_up", std::to_string(counts->follow_up));
            n.set("closed", std::to_string(counts->closed));
            d.set("requests", n);
        }
    }
    d.set("admin", Bool(RoleAllows(c.role, Area::kAdmin)));
    WebResponse r;
    r.body = Render(templates::kLayout, d);
    return r;
}

// [SECTION] what visitors look for

WebResponse BalieApp::DemandPage(const Context& c) {
    core::Date today = core::LocalDateOf(m_now_ms() / 1000);
    DemandWeeks w = FoldIntoWeeks({}, today, kDemandWeeks);
    auto days = m_store.DemandSince(core::FormatDate(w.mondays.front()));
    if (!days) return Error(500, "De databank antwoordt niet.");
    w = FoldIntoWeeks(days.value(), today, kDemandWeeks);
    auto total = [](const std::vector<long long>& v) {
        long long t = 0;
        for (long long n : v) t += n;
        return t;
    };
    mdata d;
    d.set("empty", Bool(w.per_key.empty()));
    d.set("sessions", WeekBarsSvg("Bezoeken per week", w.mondays, SumOfPrefix(w, "sessions")));
    d.set("requests", WeekBarsSvg("Afspraken per week", w.mondays, SumOfPrefix(w, "request:")));
    d.set("empties", WeekBarsSvg("Lijsten die leeg bleven, per week", w.mondays, SumOfPrefix(w, "empty:")));
    d.set("first_week", WeekLabel(w.mondays.front()));
    struct Group {
        const char* prefix;
        const char* title;
        const char* why;
        size_t limit;
    };
    static constexpr Group kGroups[] = {
        {"empty:", "Lijsten die leeg bleven", "Hier zocht iemand iets dat het aanbod niet heeft.", 50},
        {"request:", "Afspraken per categorie", "", 50},
        {"interest:", "“Laat me weten wanneer het opengaat” per categorie", "", 50},
        {"category:", "Categorieën geopend", "", 50},
        {"filter:", "Filters gebruikt", "", 50},
        {"language:", "Talen gekozen", "Naast het Nederlands, dat altijd op het scherm staat.", 50},
        {"activity:", "Activiteiten bekeken", "De 20 die het meest bekeken werden.", 20},
    };
    mlist groups;
    for (const Group& g : kGroups) {
        std::vector<std::pair<long long, std::string>> keys;
        for (const auto& [key, row] : w.per_key)
            if (key.starts_with(g.prefix)) keys.push_back({total(row), key});
        std::sort(keys.begin(), keys.end(), [](const auto& a, const auto& b) {
            return a.first != b.first ? a.first > b.first : a.second < b.second;
        });
        if (keys.size() > g.limit) keys.resize(g.limit);
        mlist rows;
        for (const auto& [sum, key] : keys) {
            mdata row;
            std::string label = DemandLabel(key, m_settings.languages);
            row.set("label", label);
            row.set("spark", SparkBarsSvg(label + " per week", w.per_key[key]));
            row.set("total", std::to_string(sum));
            rows.push_back(row);
        }
        mdata group;
        group.set("id", std::string(g.prefix).substr(0, std::string(g.prefix).size() - 1));
        group.set("title", g.title);
        group.set("why", g.why);
        group.set("rows", rows);
        group.set("none", Bool(keys.empty()));
        groups.push_back(group);
    }
    d.set("groups", groups);
    return Page(c, "Wat bezoekers zoeken", Render(templates::kDemand, d));
}

// [SECTION] requests

WebResponse BalieApp::Inbox(const Context& c, const WebRequest& req) {
    long long now = m_now_ms();
    auto q = [&](const char* k) {
        auto it = req.query.find(k);
        return it == req.query.end() ? std::string() : it->second;
    };
    std::string ref = q("ref");
    mdata d;
    if (!ref.empty()) {
        std::string code = NormalizeReference(ref);
        auto found = m_store.RequestByReference(code);
        if (found && found.value()) return Redirect("/request/" + std::to_string(found.value()->id));
        d.set("ref", code);
        d.set("not_found", Bool(true));
    }
    std::string state = q("state");
    bool closed = state == "closed";
    using W = RequestQuery::Which;
    RequestQuery query;
    query.which = closed                ? W::kClosed
                  : state == "new"      ? W::kNew
                  : state == "claimed"  ? W::kClaimed
                  : state == "followup" ? W::kFollowUp
                                        : W::kOpen;
    // Interest requests are grouped per activity below the table, so the table pages only the rest.
    if (!closed) query.kind = "appointment";
    std::string page_text = q("page");
    int page = page_text.size() <= 6 && !page_text.empty() &&
                       page_text.find_first_not_of("0123456789") == std::string::npos
                   ? std::max(1, std::stoi(page_text))
                   : 1;
    query.limit = kInboxPageSize;
    query.offset = (page - 1) * kInboxPageSize;
    auto rows = m_store.Requests(query);
    auto total = m_store.CountRequests(query);
    if (!rows || !total) return Error(500, "De databank antwoordt niet.");
    long long pages = std::max(1LL, (total.value() + kInboxPageSize - 1) / kInboxPageSize);
    mdata pager;
    bool known = state == "new" || state == "claimed" || state == "followup" || state == "closed";
    std::string base = "/inbox?" + (known ? "state=" + state + "&" : "") + "page=";
    pager.set("page", std::to_string(page));
    pager.set("pages", std::to_string(pages));
    pager.set("total", std::to_string(total.value()));
    if (page > 1) pager.set("previous", base + std::to_string(page - 1));
    if (page < pages) pager.set("next", base + std::to_string(page + 1));
    d.set("pager", pager);
    std::vector<StoredRequest> interest;
    if (!closed && (state.empty() || state == "new" || state == "claimed")) {
        RequestQuery iq{query.which, "interest", 1000, 0};
        auto got = m_store.Requests(iq);
        if (!got) return Error(500, "De databank antwoordt niet.");
        interest = std::move(got.value());
    }
    if (closed) {
        mlist list;
        for (const auto& r : rows.value()) {
            mdata row;
            row.set("date", FormatTime(r.received_ms, "%Y-%m-%d"));
            row.set("reference", r.in.reference);
            row.set("kiosk", r.in.kiosk_id);
            row.set("about", About(r.in));
            row.set("language", r.in.language);
            row.set("outcome", OutcomeLabel(r.outcome));
            list.push_back(row);
        }
        mdata cd;
        cd.set("rows", list);
        cd.set("pager", pager);
        return Page(c, "Afgesloten aanvragen", Render(templates::kClosed, cd));
    }
    mlist list;
    std::map<std::string, std::pair<std::string, mlist>> groups;  // activity id -> title, items
    auto all = std::move(rows.value());
    all.insert(all.end(), interest.begin(), interest.end());
    for (const auto& r : all) {
        mdata row;
        row.set("id", std::to_string(r.id));
        row.set("age", Age(r.received_ms, now));
        row.set("reference", r.in.reference);
        row.set("kiosk", r.in.kiosk_id);
        row.set("about", About(r.in));
        row.set("children", Children(r.in));
        row.set("contact", Contact(r));
        row.set("language", LanguageText(r.in, m_settings.languages));
        row.set("day_parts", DayParts(r.in));
        row.set("help", HelpText(r.in));
        row.set("status", Status(r) + (r.attempts ? ", " + std::to_string(r.attempts) + "× gebeld" : "") +
                              (r.follow_up.empty() ? "" : ", opvolgen op " + r.follow_up));
        std::string late = Late(r, now);
        if (!late.empty()) row.set("late", late);
        if (r.in.kind == "interest") {
            const auto& [id, title] = r.in.activities.empty() ? std::pair<std::string, std::string>{"", "?"}
                                                              : r.in.activities.front();
            auto& g = groups[id];
            g.first = title.empty() ? id : title;
            g.second.push_back(row);
        } else {
            list.push_back(row);
        }
    }
    d.set("rows", list);
    d.set("show_interest", Bool(state.empty() || state == "new" || state == "claimed"));
    mlist glist;
    for (auto& [id, g] : groups) {
        mdata gd;
        gd.set("title", g.first);
        gd.set("count", std::to_string(g.second.size()));
        gd.set("items", g.second);
        glist.push_back(gd);
    }
    d.set("groups", glist);
    const char* title = state == "new"        ? "Nieuwe aanvragen"
                        : state == "claimed"  ? "In behandeling"
                        : state == "followup" ? "Op te volgen"
                                              : "Alle open aanvragen";
    return Page(c, title, Render(templates::kInbox, d));
}

WebResponse BalieApp::RequestPage(const Context& c, long long id) {
    long long now = m_now_ms();
    auto found = m_store.RequestById(id);
    if (!found) return Error(500, "De databank antwoordt niet.");
    if (!found.value()) return Error(404, "Die aanvraag bestaat niet.");
    const StoredRequest& r = *found.value();
    m_store.Audit(c.session.user, "geopend", r.in.reference, now);
    mdata d;
    d.set("id", std::to_string(r.id));
    d.set("csrf", c.session.csrf);
    d.set("reference", r.in.reference);
    d.set("kind", r.in.kind == "interest" ? "laat me weten wanneer het opengaat" : "terugbelvraag");
    d.set("received", FormatTime(r.received_ms, "%Y-%m-%d %H:%M"));
    d.set("age", Age(r.received_ms, now));
    d.set("kiosk", r.in.kiosk_id);
    d.set("about", About(r.in));
    d.set("children", Children(r.in));
    d.set("contact", Contact(r));
    d.set("language", LanguageText(r.in, m_settings.languages));
    d.set("day_parts", DayParts(r.in));
    d.set("help", r.state == RequestState::kClosed ? "gewist" : HelpText(r.in));
    d.set("status", Status(r));
    d.set("attempts", std::to_string(r.attempts));
    if (!r.outcome.empty()) d.set("outcome", OutcomeLabel(r.outcome));
    if (!r.follow_up.empty()) d.set("follow_up", r.follow_up);
    if (!r.note.empty()) d.set("note", r.note);
    std::string late = Late(r, now);
    if (!late.empty()) d.set("late", late);
    d.set("open", Bool(r.state != RequestState::kClosed));
    d.set("mine", Bool(r.state == RequestState::kClaimed && r.claimed_by == c.session.user));
    d.set("outcomes", OutcomeOptions(r.outcome));
    return Page(c, "Aanvraag " + r.in.reference, Render(templates::kRequest, d));
}

WebResponse BalieApp::RequestAction(const Context& c, long long id, const std::string& action,
                                    const std::map<std::string, std::string>& form) {
    long long now = m_now_ms();
    auto found = m_store.RequestById(id);
    if (!found) return Error(500, "De databank antwoordt niet.");
    if (!found.value()) return Error(404, "Die aanvraag bestaat niet.");
    const std::string ref = found.value()->in.reference;
    if (found.value()->state == RequestState::kClosed) return Error(409, "Deze aanvraag is al afgesloten.");
    core::VoidResult done = core::Ok{};
    std::string what;
    if (action == "claim") {
        done = m_store.Claim(id, c.session.user, now);
        what = "opgenomen";
    } else if (action == "attempt") {
        done = m_store.AddAttempt(id, now);
        what = "gebeld, geen antwoord";
    } else if (action == "update") {
        std::string outcome = Field(form, "outcome"), follow_up = Field(form, "follow_up"),
                    note = Field(form, "note");
        if (!KnownOutcome(outcome)) return Error(400, "Die uitkomst bestaat niet.");
        if (!follow_up.empty() && !ValidDate(follow_up))
            return Error(400, "De datum is niet geldig (JJJJ-MM-DD).");
        if (note.size() > 500) note.resize(500);
        done = m_store.Update(id, outcome, follow_up, note, now);
        what = "bijgewerkt";
    } else if (action == "close") {
        std::string outcome = Field(form, "outcome");
        if (!KnownOutcome(outcome)) return Error(400, "Die uitkomst bestaat niet.");
        done = m_store.Close(id, outcome, now);
        what = "afgesloten en gewist";
    } else {
        return Error(404, "Die actie bestaat niet.");
    }
    if (!done) {
        m_log("request " + ref + ": " + done.error().message);
        return Error(500, "Dat lukte niet; probeer opnieuw.");
    }
    m_store.Audit(c.session.user, what, ref, now);
    m_log("request " + ref + " " + what + " by " + c.session.user);
    return Redirect("/request/" + std::to_string(id));
}

// [SECTION] administration

WebResponse BalieApp::FleetPage(const Context& c, const std::string& enrolled_lines) {
    long long now = m_now_ms();
    auto kiosks = m_store.Kiosks();
    if (!kiosks) return Error(500, "De databank antwoordt niet.");
    mdata d;
    d.set("csrf", c.session.csrf);
    mlist list;
    for (const auto& k : kiosks.value()) {
        mdata row;
        row.set("id", k.id);
        row.set("csrf", c.session.csrf);
        row.set("revoked", Bool(k.revoked));
        row.set("heartbeat", k.last_heartbeat_ms ? Age(k.last_heartbeat_ms, now) : "nooit");
        row.set("version", k.last_heartbeat_ms ? std::to_string(k.catalogue_version) : "–");
        row.set("depth", std::to_string(k.outbox_depth));
        row.set("uptime", k.last_heartbeat_ms ? std::to_string(k.uptime_s / 3600) + " u" : "–");
        row.set("error", k.last_error.empty() ? "–" : k.last_error);
        if (std::string red = FleetProblem(k, now, m_settings.sync_interval_s, PublishedVersionNow());
            !red.empty())
            row.set("red", red);
        list.push_back(row);
    }
    d.set("kiosks", list);
    long long published = PublishedVersionNow();
    d.set("published", published ? "versie " + std::to_string(published) : std::string("niet ingesteld"));
    d.set("published_source", m_settings.published_from_catalogue ? "gelezen van de catalogusserver"
                                                                  : "ingesteld bij Instellingen");
    if (auto e = m_store.Setting("published_catalogue_error"); e && e.value() && !e.value()->empty())
        d.set("published_error", *e.value());
    if (!enrolled_lines.empty()) {
        mdata e;
        e.set("id", enrolled_lines.substr(0, enrolled_lines.find('\n')));
        e.set("lines", enrolled_lines.substr(enrolled_lines.find('\n') + 1));
        d.set("enrolled", e);
    }
    return Page(c, "Kiosks", Render(templates::kFleet, d));
}

void BalieApp::CheckFleet() {
    auto kiosks = m_store.Kiosks();
    if (!kiosks) return m_log("fleet: " + kiosks.error().message);
    long long now = m_now_ms();
    bool queued = false;
    for (const auto& k : kiosks.value()) {
        std::string red = FleetProblem(k, now, m_settings.sync_interval_s, PublishedVersionNow());
        // Whether it was red at the last look, kept in the database so a restart mails nothing twice.
        std::string key = "fleet_red:" + k.id;
        auto was = m_store.Setting(key);
        if (!was) return m_log("fleet: " + was.error().message);
        bool was_red = was.value() && *was.value() == "1";
        if (red.empty() == !was_red) continue;
        m_store.SetSetting(key, red.empty() ? "0" : "1");
        m_log("fleet: kiosk " + k.id + (red.empty() ? " is fine again" : " turned red: " + red));
        if (!m_mail_queued) continue;
        QueuedMail m = red.empty() ? KioskBackMail(k.id, m_settings.public_url, now)
                                   : KioskRedMail(k.id, red, m_settings.public_url, now);
        if (auto q = m_store.QueueMail(m); !q)
            m_log("mail: not queued for kiosk " + k.id + ": " + q.error().message);
        else
            queued = true;
    }
    if (queued) m_mail_queued();
}

WebResponse BalieApp::FleetAction(const Context& c, const std::string& action,
                                  const std::map<std::string, std::string>& form) {
    std::string id = Field(form, "id");
    if (!ValidName(id)) return Error(400, "Een kiosk-id is 1 tot 64 letters, cijfers, punten, streepjes.");
    long long now = m_now_ms();
    if (action == "enrol") {
        std::string secret = NewToken();
        if (auto s = m_store.EnrolKiosk(id, secret, now); !s) return Error(500, "Dat lukte niet.");
        m_store.Audit(c.session.user, "kiosk ingeschreven", id, now);
        m_log("kiosk " + id + " enrolled by " + c.session.user);
        return FleetPage(c, id + "\n" + KioskConfigLines(m_settings.public_url, id, secret, RetentionDays()));
    }
    if (action == "revoke") {
        if (auto s = m_store.RevokeKiosk(id, now); !s) return Error(500, "Dat lukte niet.");
        m_store.Audit(c.session.user, "kiosk ingetrokken", id, now);
        m_log("kiosk " + id + " revoked by " + c.session.user);
        return Redirect("/kiosks");
    }
    return Error(404, "Die actie bestaat niet.");
}

WebResponse BalieApp::UsersPage(const Context& c, const std::string& flash) {
    auto users = m_store.Users();
    if (!users) return Error(500, "De databank antwoordt niet.");
    mdata d;
    d.set("csrf", c.session.csrf);
    mlist list;
    for (const auto& u : users.value()) {
        mdata row;
        row.set("name", u.name);
        row.set("role", u.role);
        row.set("locked", u.locked_until_ms > m_now_ms() ? "ja" : "nee");
        list.push_back(row);
    }
    d.set("users", list);
    WebResponse r = Page(c, "Gebruikers",
                         (flash.empty() ? "" : Render("<p class=\"flash\">{{f}}</p>", mdata("f", flash))) +
                             Render(templates::kUsers, d));
    return r;
}

WebResponse BalieApp::UsersAction(const Context& c, const std::map<std::string, std::string>& form) {
    std::string name = Field(form, "name"), role = Field(form, "role"), password = Field(form, "password");
    if (!ValidName(name))
        return Error(400, "Een gebruikersnaam is 1 tot 64 letters, cijfers, punten, streepjes.");
    if (!ParseRole(role)) return Error(400, "Die rol bestaat niet.");
    if (password.size() < 10) return Error(400, "Een wachtwoord heeft minstens 10 tekens.");
    auto hash = HashPassword(password);
    if (!hash) return Error(500, "Dat lukte niet.");
    if (auto s = m_store.CreateUser({name, hash.value(), role}); !s)
        return Error(409, "Die gebruiker bestaat al.");
    m_store.Audit(c.session.user, "gebruiker gemaakt (" + role + ")", name, m_now_ms());
    m_log("user " + name + " (" + role + ") created by " + c.session.user);
    return UsersPage(c, "Gebruiker " + name + " is gemaakt.");
}

WebResponse BalieApp::SettingsPage(const Context& c, const std::string& flash) {
    mdata d;
    d.set("csrf", c.session.csrf);
    d.set("retention_days", std::to_string(RetentionDays()));
    long long published = PublishedVersionNow();
    d.set("published_version", published ? std::to_string(published) : "");
    d.set("published_read", Bool(m_settings.published_from_catalogue));
    return Page(c, "Instellingen",
                (flash.empty() ? "" : Render("<p class=\"flash\">{{f}}</p>", mdata("f", flash))) +
                    Render(templates::kSettings, d));
}

WebResponse BalieApp::SettingsAction(const Context& c, const std::map<std::string, std::string>& form) {
    std::string v = Field(form, "retention_days");
    int days = v.size() <= 3 && !v.empty() && v.find_first_not_of("0123456789") == std::string::npos
                   ? std::stoi(v)
                   : 0;
    if (days < 1 || days > 365) return Error(400, "De bewaartermijn is 1 tot 365 dagen.");
    std::string published = Field(form, "published_version");
    if (published.size() > 12 || published.find_first_not_of("0123456789") != std::string::npos)
        return Error(400, "De gepubliceerde versie is een getal (of leeg).");
    m_store.SetSetting("retention_days", std::to_string(days));
    // Read from the catalogue server, it is not the beheerder's to change.
    if (m_settings.published_from_catalogue)
        published = std::to_string(PublishedVersionNow());
    else
        m_store.SetSetting("published_catalogue_version", published.empty() ? "0" : published);
    m_store.Audit(c.session.user,
                  "bewaartermijn " + std::to_string(days) + " dagen, gepubliceerde catalogus " +
                      (published.empty() ? "niet ingesteld" : "versie " + published),
                  "", m_now_ms());
    ApplyRetention();
    return SettingsPage(c, "Bewaard.");
}

WebResponse BalieApp::AuditPage(const Context& c) {
    auto entries = m_store.AuditLog(500);
    if (!entries) return Error(500, "De databank antwoordt niet.");
    mdata d;
    mlist list;
    for (const auto& e : entries.value()) {
        mdata row;
        row.set("at", FormatTime(e.at_ms, "%Y-%m-%d %H:%M:%S"));
        row.set("user", e.user);
        row.set("action", e.action);
        row.set("reference", e.reference);
        list.push_back(row);
    }
    d.set("entries", list);
    return Page(c, "Logboek", Render(templates::kAudit, d));
}

std::string FleetProblem(const Kiosk& k, long long now_ms, int sync_interval_s, long long published_version) {
    if (k.revoked) return "";
    std::vector<std::string> why;
    long long silent_ms = now_ms - (k.last_heartbeat_ms ? k.last_heartbeat_ms : k.enrolled_ms);
    if (silent_ms > 2LL * sync_interval_s * 1000)
        why.push_back(k.last_heartbeat_ms ? "stil sinds " + Age(k.last_heartbeat_ms, now_ms)
                                          : "nog nooit gehoord");
    if (k.last_heartbeat_ms && k.outbox_depth > 0) {
        // The age the heartbeat gave, plus the time since: a silent kiosk's requests keep ageing.
        long long waited_s = k.outbox_oldest_s + std::max(0LL, now_ms - k.last_heartbeat_ms) / 1000;
        if (waited_s > 3600)
            why.push_back(std::to_string(k.outbox_depth) + " aanvra" +
                          (k.outbox_depth == 1 ? "ag wacht" : "gen wachten") + " al " +
                          std::to_string(waited_s / 3600) + " u op de kiosk");
    }
    if (k.last_heartbeat_ms && published_version > 0 && k.catalogue_version < published_version)
        why.push_back("oude catalogus (versie " + std::to_string(k.catalogue_version) + ", gepubliceerd " +
                      std::to_string(published_version) + ")");
    std::string out;
    for (const auto& w : why) out += (out.empty() ? "" : "; ") + w;
    return out;
}

std::string KioskConfigLines(const std::string& public_url, const std::string& id, const std::string& secret,
                             int retention_days) {
    std::string base = public_url;
    while (!base.empty() && base.back() == '/') base.pop_back();
    return "kiosk_id = " + id + "\ndelivery = webhook\nwebhook_url = " + base + "/api/kiosk/" + id +
           "/requests\nwebhook_secret = " + secret + "\nheartbeat_url = " + base + "/api/kiosk/" + id +
           "/heartbeat\nretention_days = " + std::to_string(retention_days) + "\n";
}

}  // namespace brugpunt::balie
