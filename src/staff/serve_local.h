// Owns `brugpunt-catalogue serve-local`: a plain-HTTP loopback server for trying a bundle out.
// Production is any static web server with TLS (README: nginx).
#pragma once

#include <atomic>
#include <string>

namespace brugpunt::staff {

// Serves files under dir on 127.0.0.1:port (GET, ETag / If-None-Match) until stop is set.
// Returns an error line, or "" after a clean stop.
std::string ServeLocal(const std::string& dir, int port, const std::atomic<bool>& stop);

}  // namespace brugpunt::staff
