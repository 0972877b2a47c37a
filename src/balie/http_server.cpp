// Owns the HTTP socket: cpp-httplib's thread pool hands each request to BalieApp::Handle.
#include "http_server.h"

#include <httplib.h>

#include <atomic>
#include <cctype>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <thread>

namespace brugpunt::balie {
namespace {

std::atomic<httplib::Server*> g_server{nullptr};

void OnSignal(int) {
    if (httplib::Server* s = g_server.load()) s->stop();
}

WebRequest ToWebRequest(const httplib::Request& req) {
    WebRequest w;
    w.method = req.method;
    w.path = req.path;
    w.body = req.body;
    for (const auto& [k, v] : req.headers) {
        std::string name = k;
        for (char& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        w.headers[name] = v;
    }
    // Query parameters only: httplib also puts form fields in params, and the app parses the body itself.
    size_t q = req.target.find('?');
    if (q != std::string::npos) w.query = ParseForm(req.target.substr(q + 1));
    return w;
}

}  // namespace

std::optional<EarlyRefusal> RefuseBeforeBody(const std::string& method,
                                             const std::vector<std::string>& content_lengths,
                                             bool has_transfer_encoding, size_t max_body_bytes) {
    if (method != "POST" && method != "PUT" && method != "PATCH") {
        if (content_lengths.empty() && !has_transfer_encoding) return std::nullopt;
    }
    // Chunked bodies have no length to check up front, and no kiosk or browser form sends one.
    if (has_transfer_encoding)
        return EarlyRefusal{411, "refused a request with Transfer-Encoding: send Content-Length"};
    if (content_lengths.empty()) return EarlyRefusal{411, "refused a " + method + " without Content-Length"};
    unsigned long long length = 0;
    for (size_t i = 0; i < content_lengths.size(); ++i) {
        const std::string& v = content_lengths[i];
        if (v.empty() || v.size() > 19 || v.find_first_not_of("0123456789") != std::string::npos)
            return EarlyRefusal{400, "refused a request with a malformed Content-Length (" +
                                         std::to_string(v.size()) + " characters, not a number)"};
        unsigned long long n = std::stoull(v);
        if (i > 0 && n != length)
            return EarlyRefusal{400, "refused a request with two different Content-Lengths"};
        length = n;
    }
    if (length > max_body_bytes)
        return EarlyRefusal{413, "refused a body of " + std::to_string(length) +
                                     " bytes, over the limit of " + std::to_string(max_body_bytes) +
                                     ", before reading it"};
    return std::nullopt;
}

void StopServing() {
    if (httplib::Server* s = g_server.load()) s->stop();
}

int Serve(BalieApp& app, const std::string& host, int port, const ServeLimits& limits, const LogFn& log,
          const std::function<void()>& every_tick, const std::function<void(int)>& on_listening) {
    httplib::Server server;
    // A backstop: the pre-routing check below answers first, because httplib itself would read
    // (and discard) a body over this limit before it says 413.
    server.set_payload_max_length(limits.max_body_bytes);
    server.set_read_timeout(limits.read_timeout_s, 0);
    server.set_keep_alive_timeout(limits.read_timeout_s);
    // One request per connection: httplib cannot be told to hang up after a response, and a body
    // refused unread must not be taken for the next request. nginx in front opens one per request
    // anyway, and so does each kiosk delivery.
    server.set_keep_alive_max_count(1);
    // Runs after the headers and before httplib reads the body.
    server.set_pre_routing_handler([&](const httplib::Request& req, httplib::Response& res) {
        std::vector<std::string> lengths;
        auto range = req.headers.equal_range("Content-Length");
        for (auto it = range.first; it != range.second; ++it) lengths.push_back(it->second);
        auto refused =
            RefuseBeforeBody(req.method, lengths, req.has_header("Transfer-Encoding"), limits.max_body_bytes);
        if (!refused) return httplib::Server::HandlerResponse::Unhandled;
        log(refused->log);
        res.status = refused->status;
        res.set_header("Connection", "close");
        return httplib::Server::HandlerResponse::Handled;
    });
    auto handle = [&](const httplib::Request& req, httplib::Response& res) {
        WebResponse w = app.Handle(ToWebRequest(req));
        res.status = w.status;
        for (const auto& [k, v] : w.headers) res.headers.emplace(k, v);
        res.set_content(w.body, w.content_type.c_str());
    };
    server.Get(".*", handle);
    server.Post(".*", handle);
    server.set_logger([&](const httplib::Request& req, const httplib::Response& res) {
        // What httplib refuses itself, before Balie sees a request (a broken request line, headers
        // too long); what Balie refuses, it logs with the reason.
        if (res.status >= 400 && req.method.empty())
            log("refused a request that is not HTTP (" + std::to_string(res.status) + ")");
    });
    int bound = port;
    if (port == 0) {
        bound = server.bind_to_any_port(host);
    } else if (!server.bind_to_port(host, port)) {
        bound = -1;
    }
    if (bound < 0) {
        log("cannot listen on " + host + ":" + std::to_string(port));
        return 1;
    }
    g_server = &server;
    std::signal(SIGINT, OnSignal);
    std::signal(SIGTERM, OnSignal);
    std::atomic<bool> stop{false};
    std::thread ticker([&] {
        auto next = std::chrono::steady_clock::now();
        while (!stop) {
            if (std::chrono::steady_clock::now() >= next) {
                every_tick();
                next += std::chrono::milliseconds(limits.tick_ms);
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(200));
        }
    });
    if (on_listening) {
        on_listening(bound);
    } else {
        std::printf("listening on %s:%d\n", host.c_str(), bound);
        std::fflush(stdout);
    }
    bool ok = server.listen_after_bind();
    stop = true;
    ticker.join();
    g_server = nullptr;
    return ok ? 0 : 1;
}

}  // namespace brugpunt::balie
