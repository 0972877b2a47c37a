// Owns the seams to the network: an HTTP POST and an SMTP send. libcurl hides behind them, in
// curl_transport.cpp only; tests put fakes here.
#pragma once

#include <string>
#include <vector>

namespace brugpunt::sync {

struct Timeouts {
    int connect_s = 10;
    int total_s = 30;
};

struct HttpRequest {
    std::string url;
    std::vector<std::string> headers;  // "Name: value"
    std::string body;
    Timeouts timeouts;
    std::string ca_file;  // empty: the system's CAs. TLS is always verified.
};

struct HttpResponse {
    long status = 0;    // 0 when no HTTP answer came
    std::string error;  // transport failure (refused, timeout, TLS); empty when an answer came
};

class HttpTransport {
  public:
    virtual ~HttpTransport() = default;
    virtual HttpResponse Post(const HttpRequest& request) = 0;
};

struct Mail {
    std::string smtp_url;  // smtp://host:port; STARTTLS is required
    std::string user, password;
    std::string from, to;
    std::string message;  // headers + body, CRLF line ends
    Timeouts timeouts;
    std::string ca_file;
};

class MailTransport {
  public:
    virtual ~MailTransport() = default;
    // Empty on success, else why it failed.
    virtual std::string Send(const Mail& mail) = 0;
};

class CurlHttp final : public HttpTransport {
  public:
    HttpResponse Post(const HttpRequest& request) override;
};

class CurlMail final : public MailTransport {
  public:
    std::string Send(const Mail& mail) override;
};

}  // namespace brugpunt::sync
