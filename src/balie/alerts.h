// Owns Balie's mail to the desk: what it says when a request arrives or a kiosk turns red (a
// reference code and a kiosk id, never a phone number or anything else personal), and the thread
// that sends the queued mails over SMTP with STARTTLS, retrying until the server takes them.
// The mail is only a nudge: the inbox and the Kiosks page stay the truth.
#pragma once

#include <functional>
#include <string>

#include "store.h"
#include "sync/transport.h"
#include "sync/worker_thread.h"

namespace brugpunt::balie {

struct MailSettings {
    std::string smtp_url;  // smtp://host:587; empty: no mail
    std::string user, password;
    std::string from, to;
    std::string ca_file;                     // to trust the mail server's certificate; empty: the system's
    long long retry_ms = 60'000;             // the first retry; doubles up to an hour
    long long give_up_ms = 24LL * 3600'000;  // a day-old alert is no longer news
    bool Enabled() const { return !smtp_url.empty() && !to.empty() && !from.empty(); }
};

// Subject and body, plain Dutch. base_url is Balie's own address, for the link.
QueuedMail NewRequestMail(const std::string& reference, const std::string& kiosk_id, bool interest,
                          const std::string& base_url, long long now_ms);
QueuedMail KioskRedMail(const std::string& kiosk_id, const std::string& why, const std::string& base_url,
                        long long now_ms);
QueuedMail KioskBackMail(const std::string& kiosk_id, const std::string& base_url, long long now_ms);
// The RFC 5322 message; no field can break out of its header line.
std::string MailText(const MailSettings& settings, const QueuedMail& mail);

class Mailer {
  public:
    Mailer(BalieStore& store, MailSettings settings, sync::MailTransport& transport,
           std::function<long long()> now_ms, std::function<void(const std::string&)> log);
    ~Mailer();
    Mailer(const Mailer&) = delete;
    Mailer& operator=(const Mailer&) = delete;

    // Sends what is due now; returns how many the server took. The thread calls it; tests too.
    int SendDue();
    void Start();
    void Wake();  // a mail was queued
    void Stop();

  private:
    BalieStore& m_store;
    MailSettings m_settings;
    sync::MailTransport& m_transport;
    std::function<long long()> m_now_ms;
    std::function<void(const std::string&)> m_log;
    sync::WorkerThread m_thread;  // last: it stops before the members its passes use go away
};

}  // namespace brugpunt::balie
