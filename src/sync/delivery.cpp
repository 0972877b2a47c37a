// Owns the delivery loop and its two channels.
#include "delivery.h"

#include <chrono>
#include <map>
#include <nlohmann/json.hpp>

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
    json p = json::parse(payload_json, nullptr, false);
    if (p.is_discarded()) p = json::object();
    auto str = [&](const char* k) {
        return p.contains(k) && p[k].is_string() ? p[k].get<std::string>() : "";
    };
    bool interest = str("kind") == "interest";
    std::string ref = str("reference");
    std::string body;
    body += interest ? "Iemand wil een bericht als de inschrijving opengaat.\r\n\r\n"
                     : "Iemand vraagt om teruggebeld te worden.\r\n\r\n";
    body += "Referentie: " + ref + "\r\n";
    body += "Kiosk: " + str("kiosk_id") + "\r\n\r\n";
    body += "Waarover:\r\n";
    if (p.contains("activities") && !p["activities"].empty())
        for (const auto& a : p["activities"]) body += "- " + a.value("title", a.value("id", "")) + "\r\n";
    else
        body += "- Een algemene vraag\r\n";
    if (p.contains("children") && !p["children"].empty()) {
        body += "\r\nKinderen: " + std::to_string(p["children"].size()) + " (leeftijd:";
        for (const auto& age : p["children"]) body += " " + std::to_string(age.get<int>());
        body += ")\r\n";
    }
    const json& contact = p.contains("contact") ? p["contact"] : json::object();
    if (contact.value("mode", "") == "phone") {
        body += "\r\nBel naar: " + contact.value("phone", "") + "\r\n";
        if (contact.value("whatsapp", false)) body += "WhatsApp mag ook.\r\n";
    } else {
        body += "\r\nDe persoon komt terug naar de balie.\r\n";
    }
    body += "Taal: " + str("language") + (p.value("interpreter", false) ? " (tolk nodig)" : "") + "\r\n";
    if (p.contains("day_parts") && !p["day_parts"].empty()) {
        static const std::map<std::string, std::string> kParts = {{"morning", "voormiddag"},
                                                                  {"afternoon", "namiddag"},
                                                                  {"evening", "avond"},
                                                                  {"saturday", "zaterdag"}};
        body += "Liefst:";
        for (const auto& d : p["day_parts"]) body += " " + kParts.at(d.get<std::string>());
        body += "\r\n";
    }
    body += "\r\nDe persoon gaf toestemming. Wis deze mail als de vraag beantwoord is.\r\n";
    std::string subject =
        interest ? "Brugpunt: bericht bij opening inschrijving " + ref : "Brugpunt: terugbelvraag " + ref;
    return "From: <" + from + ">\r\nTo: <" + to + ">\r\nSubject: " + subject +
           "\r\nContent-Type: text/plain; charset=UTF-8\r\nMIME-Version: 1.0\r\nMessage-ID: <" +
           str("idempotency_key") + "@brugpunt>\r\n\r\n" + body;
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
