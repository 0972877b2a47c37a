// Owns a tiny single-threaded HTTP/1.0 file server. It refuses any path with "..".
#include "serve_local.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <optional>

#include "core/files.h"
#include "sync/crypto.h"

namespace fs = std::filesystem;

namespace brugpunt::staff {
namespace {

void SendAll(int fd, const std::string& data) {
    size_t done = 0;
    while (done < data.size()) {
        ssize_t n = ::send(fd, data.data() + done, data.size() - done, MSG_NOSIGNAL);
        if (n <= 0) return;
        done += static_cast<size_t>(n);
    }
}

void Answer(int fd, const std::string& dir) {
    std::string request;
    char buf[4096];
    while (request.find("\r\n\r\n") == std::string::npos && request.size() < 65536) {
        ssize_t n = ::recv(fd, buf, sizeof buf, 0);
        if (n <= 0) return;
        request.append(buf, static_cast<size_t>(n));
    }
    std::istringstream lines(request);
    std::string method, target;
    lines >> method >> target;
    std::string if_none_match;
    for (std::string line; std::getline(lines, line);)
        if (line.rfind("If-None-Match:", 0) == 0) if_none_match = line.substr(15, line.find('\r') - 15);
    fs::path file = fs::path(dir) / target.substr(target.find_first_not_of('/') == std::string::npos
                                                      ? target.size()
                                                      : target.find_first_not_of('/'));
    std::optional<std::string> found;
    if (method == "GET" && target.find("..") == std::string::npos && !fs::is_directory(file))
        found = core::ReadWholeFile(file.string());
    if (!found) {
        SendAll(fd, "HTTP/1.0 404 Not Found\r\nContent-Length: 0\r\n\r\n");
        std::printf("404 %s\n", target.c_str());
        return;
    }
    const std::string& body = *found;
    std::string etag = "\"" + sync::Sha256Hex(body).substr(0, 16) + "\"";
    if (if_none_match == etag) {
        SendAll(fd, "HTTP/1.0 304 Not Modified\r\nETag: " + etag + "\r\n\r\n");
        std::printf("304 %s\n", target.c_str());
        return;
    }
    SendAll(fd, "HTTP/1.0 200 OK\r\nContent-Length: " + std::to_string(body.size()) + "\r\nETag: " + etag +
                    "\r\n\r\n" + body);
    std::printf("200 %s (%zu bytes)\n", target.c_str(), body.size());
    std::fflush(stdout);
}

}  // namespace

std::string ServeLocal(const std::string& dir, int port, const std::atomic<bool>& stop) {
    int listener = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    int one = 1;
    ::setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(listener, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0 ||
        ::listen(listener, 16) != 0) {
        ::close(listener);
        return "cannot listen on 127.0.0.1:" + std::to_string(port);
    }
    std::printf("serving %s on http://127.0.0.1:%d/ (for trying out only; Ctrl-C stops)\n", dir.c_str(),
                port);
    std::fflush(stdout);
    while (!stop) {
        pollfd p{listener, POLLIN, 0};
        if (::poll(&p, 1, 200) <= 0) continue;
        int fd = ::accept4(listener, nullptr, nullptr, SOCK_CLOEXEC);
        if (fd < 0) continue;
        Answer(fd, dir);
        ::close(fd);
    }
    ::close(listener);
    return "";
}

}  // namespace brugpunt::staff
