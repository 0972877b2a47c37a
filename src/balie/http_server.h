// Owns serving BalieApp over HTTP with cpp-httplib. The only balie file that includes httplib.h.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app.h"
#include "receive.h"

namespace brugpunt::balie {

struct ServeLimits {
    size_t max_body_bytes = kMaxBodyBytes;
    // A client that sends nothing for this long (before or inside its request) is cut off.
    int read_timeout_s = 10;
    // How often every_tick runs (retention, the fleet's red/green look).
    int tick_ms = 60'000;
};

// What the socket refuses before it reads a body; nullopt lets the request through. Only the
// headers are looked at, so a 100 GB Content-Length costs nothing. `log` never holds a value a
// client sent.
struct EarlyRefusal {
    int status = 0;  // 400 malformed Content-Length, 411 no length (or chunked), 413 too large
    std::string log;
};
std::optional<EarlyRefusal> RefuseBeforeBody(const std::string& method,
                                             const std::vector<std::string>& content_lengths,
                                             bool has_transfer_encoding, size_t max_body_bytes);

// Blocks until SIGINT/SIGTERM. Prints "listening on HOST:PORT" once the socket is bound (port 0
// picks a free one), so tests and supervisors know it is ready. Bodies over the limit are refused
// with 413 before they are read.
// on_listening gets the bound port; the default prints the line.
int Serve(BalieApp& app, const std::string& host, int port, const ServeLimits& limits, const LogFn& log,
          const std::function<void()>& every_tick, const std::function<void(int)>& on_listening = nullptr);
// Makes a running Serve return (from any thread), as SIGTERM does.
void StopServing();

}  // namespace brugpunt::balie
