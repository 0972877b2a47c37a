// Owns the seams to the network: an HTTP POST, an HTTP GET and an SMTP send. libcurl hides behind them, in
// curl_transport.cpp only; tests put fakes here.
#pragma once

#include <cstdint>
#include <functional>
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

// A GET of one file, into memory or appended to a file (a resumed download asks for the rest
// with a Range header). More than max_bytes is cut off and reported, never stored.
struct FetchRequest {
    std::string url;
    std::vector<std::string> headers;  // "Name: value"
    Timeouts timeouts;
    int stall_s = 30;  // no byte for this long: give up
    std::string ca_file;
    std::string if_none_match;  // an ETag: "304 Not Modified" when nothing changed
    std::string to_file;        // empty: into FetchResponse::body
    uint64_t resume_from = 0;   // bytes already in to_file
    uint64_t max_bytes = 1 << 20;
    std::function<void(uint64_t)> on_bytes;  // bytes received so far in this request
};

struct FetchResponse {
    long status = 0;
    std::string error;  // transport failure, timeout, or too_large
    std::string etag;
    std::string body;
    uint64_t received = 0;
    bool too_large = false;
};

class Fetcher {
  public:
    virtual ~Fetcher() = default;
    virtual FetchResponse Get(const FetchRequest& request) = 0;
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

class CurlFetcher final : public Fetcher {
  public:
    FetchResponse Get(const FetchRequest& request) override;
};

class CurlMail final : public MailTransport {
  public:
    std::string Send(const Mail& mail) override;
};

}  // namespace brugpunt::sync
