// Owns the desk's mail: texts and the sending thread. Must not include httplib or sqlite3.
#include "alerts.h"

#include <algorithm>
#include <chrono>

namespace brugpunt::balie {
namespace {

// A header value on one line: a kiosk id is checked at enrolment, but nothing here trusts that.
std::string OneLine(std::string s) {
    for (char& c : s)
        if (c == '\r' || c == '\n') c = ' ';
    return s;
}

}  // namespace

QueuedMail NewRequestMail(const std::string& reference, const std::string& kiosk_id, bool interest,
                          const std::string& base_url, long long now_ms) {
    QueuedMail m;
    m.subject =
        std::string(interest ? "Brugpunt: nieuwe vraag om bericht " : "Brugpunt: nieuwe terugbelvraag ") +
        reference;
    m.body = std::string(interest ? "Iemand wil een bericht als de inschrijving opengaat.\r\n"
                                  : "Iemand vraagt om teruggebeld te worden.\r\n") +
             "\r\nReferentie: " + reference + "\r\nKiosk: " + kiosk_id +
             "\r\n\r\nOpen de aanvraag in Balie: " + base_url + "/inbox?ref=" + reference +
             "\r\n\r\nDeze mail bevat bewust geen telefoonnummer of andere persoonsgegevens.\r\n";
    m.created_ms = now_ms;
    return m;
}

QueuedMail KioskRedMail(const std::string& kiosk_id, const std::string& why, const std::string& base_url,
                        long long now_ms) {
    QueuedMail m;
    m.subject = "Brugpunt: kiosk " + kiosk_id + " vraagt aandacht";
    m.body = "Kiosk " + kiosk_id + " staat rood in Balie: " + why + ".\r\n\r\nBekijk de kiosks: " + base_url +
             "/kiosks\r\n"
             "\r\nU krijgt een mail zodra de kiosk weer in orde is.\r\n";
    m.created_ms = now_ms;
    return m;
}

QueuedMail KioskBackMail(const std::string& kiosk_id, const std::string& base_url, long long now_ms) {
    QueuedMail m;
    m.subject = "Brugpunt: kiosk " + kiosk_id + " is weer in orde";
    m.body = "Kiosk " + kiosk_id + " staat niet meer rood in Balie.\r\n\r\nBekijk de kiosks: " + base_url +
             "/kiosks\r\n";
    m.created_ms = now_ms;
    return m;
}

std::string MailText(const MailSettings& settings, const QueuedMail& mail) {
    return "From: <" + OneLine(settings.from) + ">\r\nTo: <" + OneLine(settings.to) +
           ">\r\nSubject: " + OneLine(mail.subject) +
           "\r\nContent-Type: text/plain; charset=UTF-8\r\nMIME-Version: 1.0\r\nMessage-ID: <balie-" +
           std::to_string(mail.created_ms) + "-" + std::to_string(mail.id) + "@brugpunt>\r\n\r\n" + mail.body;
}

Mailer::Mailer(BalieStore& store, MailSettings settings, sync::MailTransport& transport,
               std::function<long long()> now_ms, std::function<void(const std::string&)> log)
    : m_store(store),
      m_settings(std::move(settings)),
      m_transport(transport),
      m_now_ms(std::move(now_ms)),
      m_log(std::move(log)),
      m_thread([this]() -> sync::WorkerThread::Pass {
          return [this] {
              SendDue();
              // Woken by a new mail, or a look every few seconds for retries that came due.
              return std::chrono::milliseconds(2000);
          };
      }) {}

Mailer::~Mailer() {
    Stop();
}

int Mailer::SendDue() {
    long long now = m_now_ms();
    auto due = m_store.DueMail(now, 20);
    if (!due) {
        m_log("mail: " + due.error().message);
        return 0;
    }
    int sent = 0;
    for (const QueuedMail& m : due.value()) {
        if (now - m.created_ms > m_settings.give_up_ms) {
            m_log("mail: gave up on \"" + OneLine(m.subject) + "\" after " + std::to_string(m.attempts) +
                  " attempts; the inbox and the Kiosks page still show it");
            m_store.MailSent(m.id);
            continue;
        }
        sync::Mail mail;
        mail.smtp_url = m_settings.smtp_url;
        mail.user = m_settings.user;
        mail.password = m_settings.password;
        mail.from = m_settings.from;
        mail.to = m_settings.to;
        mail.message = MailText(m_settings, m);
        mail.timeouts = {10, 30};
        mail.ca_file = m_settings.ca_file;
        std::string error = m_transport.Send(mail);
        if (error.empty()) {
            m_store.MailSent(m.id);
            m_log("mail: sent \"" + OneLine(m.subject) + "\"");
            ++sent;
            continue;
        }
        long long wait = std::min(m_settings.retry_ms << std::min(m.attempts, 10), 3600'000LL);
        m_store.MailFailed(m.id, now + wait, error);
        m_log("mail: \"" + OneLine(m.subject) + "\" not sent (" + error + "); next try in " +
              std::to_string(wait / 1000) + " s");
        break;  // the server is down for the rest too: try them all again later
    }
    return sent;
}

void Mailer::Start() {
    m_thread.Start();
}

void Mailer::Wake() {
    m_thread.Wake();
}

void Mailer::Stop() {
    m_thread.Stop();
    m_thread.Join();
}

}  // namespace brugpunt::balie
