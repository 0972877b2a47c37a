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

void StopServing() {
    if (httplib::Server* s = g_server.load()) s->stop();
}

int Serve(BalieApp& app, const std::string& host, int port, size_t max_body_bytes, const LogFn& log,
          const std::function<void()>& every_minute, const std::function<void(int)>& on_listening) {
    httplib::Server server;
    server.set_payload_max_length(max_body_bytes);
    server.set_read_timeout(10, 0);
    auto handle = [&](const httplib::Request& req, httplib::Response& res) {
        WebResponse w = app.Handle(ToWebRequest(req));
        res.status = w.status;
        for (const auto& [k, v] : w.headers) res.headers.emplace(k, v);
        res.set_content(w.body, w.content_type.c_str());
    };
    server.Get(".*", handle);
    server.Post(".*", handle);
    server.set_logger([&](const httplib::Request&, const httplib::Response& res) {
        if (res.status == 413) log("refused a body larger than " + std::to_string(max_body_bytes) + " bytes");
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
                every_minute();
                next += std::chrono::minutes(1);
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
