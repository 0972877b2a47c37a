// Owns the delivery loop and its two channels.
#include "delivery.h"

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>

#include "core/appointment.h"
#include "crypto.h"

namespace brugpunt::sync {

WebhookChannel::WebhookChannel(HttpTransport& http, const core::Config& config,
                               std::function<long long()> now_ms)
    : m_http(http), m_config(config), m_now_ms(std::move(now_ms)) {}

Outcome WebhookChannel::Deliver(const store::OutboxItem& item) {
    std::string ts = std::to_string(m_now_ms() / 1000);
    HttpRequest req;
    req.url = m_config.webhook_url;
    req.body = item.payload;
    req.timeouts = {m_config.connect_timeout_s, m_config.total_timeout_s};
    req.ca_file = m_config.ca_file;
    req.headers = {
        "Content-Type: application/json",
        "Idempotency-Key: " + item.key,
        "X-Brugpunt-Timestamp: " + ts,
        "X-Brugpunt-Signature: sha256=" + HmacSha256Hex(m_config.webhook_secret, ts + "." + item.payload),
    };
    HttpResponse resp = m_http.Post(req);
    if (!resp.error.empty()) return {false, "webhook: " + resp.error};
    // 2xx: stored. 409: the receiver had it already, which is just as good.
    if ((resp.status >= 200 && resp.status < 300) || resp.status == 409) return {true, ""};
    if (resp.status == 401)
        return {false, "webhook: HTTP 401 (the receiver rejects our signature: check webhook_secret)"};
    return {false, "webhook: HTTP " + std::to_string(resp.status)};
}

MailChannel::MailChannel(MailTransport& mail, const core::Config& config) : m_mail(mail), m_config(config) {}

Outcome MailChannel::Deliver(const store::OutboxItem& item) {
    Mail m;
    m.smtp_url = m_config.smtp_url;
    m.user = m_config.smtp_user;
    m.password = m_config.smtp_password;
    m.from = m_config.mail_from;
    m.to = m_config.mail_to;
    m.message = MailMessage(item.payload, m.from, m.to);
    m.timeouts = {m_config.connect_timeout_s, m_config.total_timeout_s};
    m.ca_file = m_config.ca_file;
    std::string error = m_mail.Send(m);
    if (!error.empty()) return {false, "mail: " + error};
    return {true, ""};
}

ConfiguredChannel::ConfiguredChannel(const core::Config& config)
    : m_webhook(m_http, config, WallNowMs), m_smtp(m_mail, config) {
    if (config.delivery == "webhook")
        m_channel = &m_webhook;
    else if (config.delivery == "smtp")
        m_channel = &m_smtp;
}

long long WallNowMs() {
    using namespace std::chrono;
    return duration_cast<milliseconds>(system_clock::now().time_since_epoch()).count();
}

std::string MailMessage(const std::string& payload_json, const std::string& from, const std::string& to) {
    using nlohmann::json;
    // The payload is the kiosk's own JSON, but a damaged row must still make a readable mail and
    // never throw in the delivery thread: every field is checked for its kind before it is read,
    // and no text can break out of its header line.
    json p = json::parse(payload_json, nullptr, false);
    if (p.is_discarded() || !p.is_object()) p = json::object();
    auto text = [](const json& j, const char* k) {
        std::string s = j.is_object() && j.contains(k) && j[k].is_string() ? j[k].get<std::string>() : "";
        for (char& c : s)
            if (c == '\r' || c == '\n') c = ' ';
        return s;
    };
    auto flag = [](const json& j, const char* k) {
        return j.is_object() && j.contains(k) && j[k].is_boolean() && j[k].get<bool>();
    };
    auto list = [&](const char* k) { return p.contains(k) && p[k].is_array() ? p[k] : json::array(); };
    bool interest = text(p, "kind") == "interest";
    std::string ref = text(p, "reference");
    std::string body;
    body += interest ? "Iemand wil een bericht als de inschrijving opengaat.\r\n\r\n"
                     : "Iemand vraagt om teruggebeld te worden.\r\n\r\n";
    body += "Referentie: " + ref + "\r\n";
    body += "Kiosk: " + text(p, "kiosk_id") + "\r\n\r\n";
    body += "Waarover:\r\n";
    json activities = list("activities");
    for (const auto& a : activities) {
        std::string title = text(a, "title");
        body += "- " + (title.empty() ? text(a, "id") : title) + "\r\n";
    }
    if (activities.empty()) body += "- Een algemene vraag\r\n";
    json children = list("children");
    if (!children.empty()) {
        body += "\r\nKinderen: " + std::to_string(children.size()) + " (leeftijd:";
        for (const auto& age : children)
            body += " " + (age.is_number_integer() ? std::to_string(age.get<long long>()) : "?");
        body += ")\r\n";
    }
    const json contact = p.contains("contact") && p["contact"].is_object() ? p["contact"] : json::object();
    if (text(contact, "mode") == "phone") {
        body += "\r\nBel naar: " + text(contact, "phone") + "\r\n";
        if (flag(contact, "whatsapp")) body += "WhatsApp mag ook.\r\n";
    } else {
        body += "\r\nDe persoon komt terug naar de balie.\r\n";
    }
    body += "Taal: " + text(p, "language") + (flag(p, "interpreter") ? " (tolk nodig)" : "") + "\r\n";
    json parts = list("day_parts");
    if (!parts.empty()) {
        static const std::map<std::string, std::string> kParts = {{"morning", "voormiddag"},
                                                                  {"afternoon", "namiddag"},
                                                                  {"evening", "avond"},
                                                                  {"saturday", "zaterdag"}};
        body += "Liefst:";
        for (const auto& d : parts) {
            auto it = d.is_string() ? kParts.find(d.get<std::string>()) : kParts.end();
            body += " " + (it != kParts.end() ? it->second : std::string("?"));
        }
        body += "\r\n";
    }
    json help = list("help");
    if (!help.empty()) {
        body += "Hulp gevraagd:";
        for (const auto& h : help) {
            auto kind = h.is_string() ? core::HelpFromCode(h.get<std::string>()) : std::nullopt;
            body += " " + (kind ? std::string(core::HelpDeskWords(*kind)) : std::string("?")) + ";";
        }
        body.back() = '\r';
        body += "\n";
    }
    body += "\r\nDe persoon gaf toestemming. Wis deze mail als de vraag beantwoord is.\r\n";
    std::string subject =
        interest ? "Brugpunt: bericht bij opening inschrijving " + ref : "Brugpunt: terugbelvraag " + ref;
    return "From: <" + from + ">\r\nTo: <" + to + ">\r\nSubject: " + subject +
           "\r\nContent-Type: text/plain; charset=UTF-8\r\nMIME-Version: 1.0\r\nMessage-ID: <" +
           text(p, "idempotency_key") + "@brugpunt>\r\n\r\n" + body;
}

DeliveryPolicy PolicyFrom(const core::Config& c) {
    DeliveryPolicy p;
    p.retry_base = core::Millis(c.retry_base_s * 1000LL);
    p.retry_cap = core::Millis(c.retry_cap_s * 1000LL);
    p.retention_ms = c.retention_days * 24LL * 3600'000;
    return p;
}

DeliveryReport DeliverDue(store::OutboxStore& outbox, Channel& channel, long long now_ms,
                          const DeliveryPolicy& policy, const std::function<double()>& random_unit,
                          const LogFn& log) {
    DeliveryReport report;
    auto dropped = outbox.DropOlderThan(now_ms - policy.retention_ms);
    if (!dropped) {
        report.last_error = dropped.error().message;
        log(report.last_error);
        return report;
    }
    for (const auto& ref : dropped.value())
        log("outbox: dropped undelivered request " + ref +
            " after the retention time; call the desk's attention to it");
    report.dropped = static_cast<int>(dropped->size());

    auto due = outbox.Due(now_ms, policy.batch);
    if (!due) {
        report.last_error = due.error().message;
        log(report.last_error);
        return report;
    }
    for (const auto& item : due.value()) {
        Outcome o = channel.Deliver(item);
        if (o.delivered) {
            if (auto s = outbox.Acknowledge(item.id); !s) {
                // Delivered but not forgotten: it goes again, and the receiver's dedupe absorbs it.
                report.last_error = s.error().message;
                log(report.last_error);
                continue;
            }
            ++report.delivered;
            log("outbox: delivered request " + item.reference);
        } else {
            ++report.failed;
            report.last_error = o.error;
            auto delay = core::RetryDelay(item.attempts, random_unit(), policy.retry_base, policy.retry_cap);
            log("outbox: request " + item.reference + " not delivered (" + o.error + "); retry in " +
                std::to_string(delay.count() / 1000) + " s");
            if (auto s = outbox.Postpone(item.id, now_ms + delay.count(), o.error); !s)
                log(s.error().message);
        }
    }
    return report;
}

store::RequestEnvelope NewEnvelope(const std::string& kiosk_id, long long now_ms,
                                   std::vector<std::pair<std::string, std::string>> activities) {
    return {kiosk_id, RandomKey(), core::ReferenceCode(RandomBytes6()), now_ms, std::move(activities)};
}

store::OutboxItem MakeOutboxItem(const core::AppointmentRequest& request, const store::RequestEnvelope& env) {
    store::OutboxItem item;
    item.key = env.key;
    item.reference = env.reference;
    item.payload = store::RequestToJson(request, env);
    item.created_ms = env.created_ms;
    item.next_attempt_ms = env.created_ms;
    return item;
}

}  // namespace brugpunt::sync
