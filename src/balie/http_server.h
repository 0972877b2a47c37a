// Owns serving BalieApp over HTTP with cpp-httplib. The only balie file that includes httplib.h.
#pragma once

#include <string>

#include "app.h"

namespace brugpunt::balie {

// Blocks until SIGINT/SIGTERM. Prints "listening on HOST:PORT" once the socket is bound (port 0
// picks a free one), so tests and supervisors know it is ready. Bodies over max_body_bytes are
// refused with 413 before they are read.
// on_listening gets the bound port; the default prints the line.
int Serve(BalieApp& app, const std::string& host, int port, size_t max_body_bytes, const LogFn& log,
          const std::function<void()>& every_minute, const std::function<void(int)>& on_listening = nullptr);
// Makes a running Serve return (from any thread), as SIGTERM does.
void StopServing();

}  // namespace brugpunt::balie
