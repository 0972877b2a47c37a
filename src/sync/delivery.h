// Owns delivery of the outbox to the municipality: at least once, with an idempotency key so the
// receiver keeps each request once, retries with backoff and jitter, and retention that reports
// what it drops. Logs carry reference codes only, never a phone number.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "core/appointment.h"
#include "core/config.h"
#include "store/outbox.h"
#include "transport.h"

namespace brugpunt::sync {

using LogFn = std::function<void(const std::string&)>;

struct Outcome {
    bool delivered = false;
    std::string error;  // why not; safe to log (no personal data)
};

class Channel {
  public:
    virtual ~Channel() = default;
    virtual Outcome Deliver(const store::OutboxItem& item) = 0;
};

// JSON POST with Idempotency-Key, X-Brugpunt-Timestamp and
// X-Brugpunt-Signature: sha256=HEX(HMAC-SHA256(secret, timestamp + "." + body)).
class WebhookChannel final : public Channel {
  public:
    WebhookChannel(HttpTransport& http, const core::Config& config, std::function<long long()> now_ms);
    Outcome Deliver(const store::OutboxItem& item) override;

  private:
    HttpTransport& m_http;
    core::Config m_config;
    std::function<long long()> m_now_ms;
};

// A plain-Dutch mail per request to the desk's mailbox, over SMTP with STARTTLS.
class MailChannel final : public Channel {
  public:
    MailChannel(MailTransport& mail, const core::Config& config);
    Outcome Deliver(const store::OutboxItem& item) override;

  private:
    MailTransport& m_mail;
    core::Config m_config;
};

// The channel the config's `delivery` names, over the real (libcurl) transports; nullptr from
// Get() for `delivery = none`. One place decides, for the delivery thread and --deliver-once.
class ConfiguredChannel {
  public:
    explicit ConfiguredChannel(const core::Config& config);
    Channel* Get() { return m_channel; }

  private:
    CurlHttp m_http;
    CurlMail m_mail;
    WebhookChannel m_webhook;
    MailChannel m_smtp;
    Channel* m_channel = nullptr;
};

// Unix milliseconds now.
long long WallNowMs();

// The mail a person at the desk reads, built from the delivered JSON.
std::string MailMessage(const std::string& payload_json, const std::string& from, const std::string& to);

struct DeliveryPolicy {
    core::Millis retry_base{30'000};
    core::Millis retry_cap{6 * 3600'000};
    long long retention_ms = 30LL * 24 * 3600'000;
    int batch = 50;
};
DeliveryPolicy PolicyFrom(const core::Config& config);

struct DeliveryReport {
    int delivered = 0;
    int failed = 0;
    int dropped = 0;
    std::string last_error;
};

// One pass: drop what is past retention (logged by reference), then try everything due.
DeliveryReport DeliverDue(store::OutboxStore& outbox, Channel& channel, long long now_ms,
                          const DeliveryPolicy& policy, const std::function<double()>& random_unit,
                          const LogFn& log);

// Builds the outbox row for a request: a fresh idempotency key and reference code, and the JSON.
store::OutboxItem MakeOutboxItem(const core::AppointmentRequest& request,
                                 const store::RequestEnvelope& envelope);
store::RequestEnvelope NewEnvelope(const std::string& kiosk_id, long long now_ms,
                                   std::vector<std::pair<std::string, std::string>> activities);

}  // namespace brugpunt::sync
