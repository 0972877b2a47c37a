// Balie's socket under bad input and stalling clients (issue 21 item 6): the real Serve on
// loopback, spoken to with raw bytes, so nothing between the test and the server tidies them.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <catch2/catch.hpp>
#include <chrono>
#include <mutex>
#include <thread>

#include "balie/app.h"
#include "balie/http_server.h"
#include "sync/crypto.h"
#include "sync/delivery.h"

using namespace brugpunt;
using namespace brugpunt::balie;
using Clock = std::chrono::steady_clock;

namespace {

const std::string kSecret = "kiosk-secret-http";

// One Balie on a free loopback port for the length of a test, with its log kept.
class Server {
  public:
    explicit Server(ServeLimits limits = {}) {
        auto s = BalieStore::Open(":memory:");
        REQUIRE(s);
        store_ = std::move(s.value());
        REQUIRE(store_->EnrolKiosk("k1", kSecret, sync::WallNowMs()));
        app_ = std::make_unique<BalieApp>(*store_, AppSettings{}, sync::WallNowMs,
                                          [this](const std::string& line) { Log(line); });
        thread_ = std::thread([this, limits] {
            Serve(
                *app_, "127.0.0.1", 0, limits, [this](const std::string& line) { Log(line); }, [] {},
                [this](int p) { port_ = p; });
        });
        while (port_ == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    ~Server() {
        StopServing();
        thread_.join();
    }
    int Port() const { return port_; }
    std::string Logs() {
        std::lock_guard<std::mutex> lock(mutex_);
        return log_;
    }

  private:
    void Log(const std::string& line) {
        std::lock_guard<std::mutex> lock(mutex_);
        log_ += line + "\n";
    }
    std::unique_ptr<BalieStore> store_;
    std::unique_ptr<BalieApp> app_;
    std::thread thread_;
    std::atomic<int> port_{0};
    std::mutex mutex_;
    std::string log_;
};

int Connect(int port) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(static_cast<uint16_t>(port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    return fd;
}

void SendAll(int fd, const std::string& bytes) {
    size_t sent = 0;
    while (sent < bytes.size()) {
        ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return;  // the server may hang up on a body it refused, which is the point
        sent += static_cast<size_t>(n);
    }
}

// Everything the server sends until it closes or `timeout` passes; `closed` says which.
std::string ReadUntilClosed(int fd, std::chrono::milliseconds timeout, bool* closed = nullptr) {
    std::string got;
    auto end = Clock::now() + timeout;
    if (closed) *closed = false;
    while (Clock::now() < end) {
        pollfd p{fd, POLLIN, 0};
        int left = static_cast<int>(
            std::chrono::duration_cast<std::chrono::milliseconds>(end - Clock::now()).count());
        if (poll(&p, 1, std::max(left, 1)) <= 0) continue;
        char buf[4096];
        ssize_t n = recv(fd, buf, sizeof buf, 0);
        if (n <= 0) {
            if (closed) *closed = true;
            break;
        }
        got.append(buf, static_cast<size_t>(n));
    }
    return got;
}

int StatusOf(const std::string& response) {
    if (response.rfind("HTTP/1.1 ", 0) != 0 || response.size() < 12) return 0;
    return std::stoi(response.substr(9, 3));
}

std::string Post(const std::string& path, const std::string& extra_headers, const std::string& body) {
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
           extra_headers + "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body;
}

std::string SignedHeaders(const std::string& body, const std::string& key = "") {
    std::string ts = std::to_string(sync::WallNowMs() / 1000);
    std::string h = "X-Brugpunt-Timestamp: " + ts +
                    "\r\nX-Brugpunt-Signature: sha256=" + sync::HmacSha256Hex(kSecret, ts + "." + body) +
                    "\r\n";
    if (!key.empty()) h += "Idempotency-Key: " + key + "\r\n";
    return h;
}

// One request on a fresh connection; the answer's status (0: none before the connection closed).
int Exchange(int port, const std::string& bytes, std::string* response = nullptr) {
    int fd = Connect(port);
    SendAll(fd, bytes);
    std::string got = ReadUntilClosed(fd, std::chrono::milliseconds(3000));
    close(fd);
    if (response) *response = got;
    return StatusOf(got);
}

}  // namespace

TEST_CASE("the early checks look only at the headers") {
    CHECK(!RefuseBeforeBody("GET", {}, false, 100));
    CHECK(!RefuseBeforeBody("POST", {"100"}, false, 100));
    CHECK(RefuseBeforeBody("POST", {"101"}, false, 100)->status == 413);
    CHECK(RefuseBeforeBody("POST", {"107374182400"}, false, 100)->status == 413);
    CHECK(RefuseBeforeBody("POST", {"99999999999999999999"}, false, 100)->status == 400);  // 20 digits
    CHECK(RefuseBeforeBody("POST", {"abc"}, false, 100)->status == 400);
    CHECK(RefuseBeforeBody("POST", {"-1"}, false, 100)->status == 400);
    CHECK(RefuseBeforeBody("POST", {"12 "}, false, 100)->status == 400);
    CHECK(RefuseBeforeBody("POST", {""}, false, 100)->status == 400);
    CHECK(RefuseBeforeBody("POST", {"10", "20"}, false, 100)->status == 400);
    CHECK(!RefuseBeforeBody("POST", {"10", "10"}, false, 100));
    CHECK(RefuseBeforeBody("POST", {}, false, 100)->status == 411);
    CHECK(RefuseBeforeBody("POST", {}, true, 100)->status == 411);
    CHECK(RefuseBeforeBody("GET", {"5000"}, false, 100)->status == 413);
    CHECK(RefuseBeforeBody("POST", {"abc"}, false, 100)->log.find("abc") == std::string::npos);
}

TEST_CASE("a body over the limit gets 413 before it is read whole, and Balie keeps serving") {
    Server server;
    SECTION("Content-Length: 100 GB, no body at all") {
        auto t = Clock::now();
        std::string head =
            "POST /api/kiosk/k1/requests HTTP/1.1\r\nHost: x\r\nContent-Length: 107374182400\r\n\r\n";
        int fd = Connect(server.Port());
        SendAll(fd, head);
        bool closed = false;
        std::string got = ReadUntilClosed(fd, std::chrono::milliseconds(3000), &closed);
        close(fd);
        CHECK(StatusOf(got) == 413);
        CHECK(closed);  // and hangs up rather than wait for the 100 GB
        CHECK(Clock::now() - t < std::chrono::seconds(2));
        CHECK(server.Logs().find("refused a body of 107374182400 bytes") != std::string::npos);
    }
    SECTION("64 MB announced, 256 kB sent: the answer comes without the rest") {
        std::string body(256 * 1024, '{');
        std::string head =
            "POST /api/kiosk/k1/requests HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(64 << 20) +
            "\r\n\r\n";
        int fd = Connect(server.Port());
        SendAll(fd, head + body);
        std::string got = ReadUntilClosed(fd, std::chrono::milliseconds(3000));
        close(fd);
        CHECK(StatusOf(got) == 413);
    }
    std::string body = "{}";
    CHECK(Exchange(server.Port(), Post("/api/kiosk/k1/heartbeat", SignedHeaders(body), body)) == 403);
}

TEST_CASE("malformed lengths, bodies and signature headers get 400 or 401 with the reason in the log") {
    Server server;
    const std::string phone = "+32470999888";
    SECTION("Content-Length: abc") {
        std::string raw = "POST /api/kiosk/k1/requests HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n{}";
        CHECK(Exchange(server.Port(), raw) == 400);
        CHECK(server.Logs().find("malformed Content-Length") != std::string::npos);
    }
    SECTION("no Content-Length on a POST") {
        std::string raw = "POST /api/kiosk/k1/requests HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n{}";
        CHECK(Exchange(server.Port(), raw) == 411);
        CHECK(server.Logs().find("without Content-Length") != std::string::npos);
    }
    SECTION("a JSON list, correctly signed, as a request and as a heartbeat") {
        std::string body = "[\"" + phone + "\"]";
        CHECK(Exchange(server.Port(), Post("/api/kiosk/k1/requests", SignedHeaders(body, "key-1"), body)) ==
              400);
        CHECK(Exchange(server.Port(), Post("/api/kiosk/k1/heartbeat", SignedHeaders(body), body)) == 400);
        CHECK(server.Logs().find("not a JSON object") != std::string::npos);
    }
    SECTION("JSON cut off in the middle of a phone number") {
        std::string body = "{\"contact\": {\"phone\": \"" + phone;
        CHECK(Exchange(server.Port(), Post("/api/kiosk/k1/requests", SignedHeaders(body, "key-2"), body)) ==
              400);
        CHECK(server.Logs().find("malformed JSON at byte") != std::string::npos);
    }
    SECTION("a signature header that is not ASCII, and one that is not sha256=") {
        std::string body = "{\"kiosk_id\": \"k1\"}";
        std::string ts = std::to_string(sync::WallNowMs() / 1000);
        std::string bad = "X-Brugpunt-Timestamp: " + ts +
                          "\r\nX-Brugpunt-Signature: sha256=\xc3\xa9\xff\xfe" + std::string(60, '\x80') +
                          "\r\n";
        CHECK(Exchange(server.Port(), Post("/api/kiosk/k1/heartbeat", bad, body)) == 401);
        std::string other = "X-Brugpunt-Timestamp: " + ts + "\r\nX-Brugpunt-Signature: md5=abc\r\n";
        CHECK(Exchange(server.Port(), Post("/api/kiosk/k1/heartbeat", other, body)) == 401);
        CHECK(server.Logs().find("k1: bad signature") != std::string::npos);
    }
    SECTION("a timestamp that is not a number") {
        std::string body = "{}";
        std::string h = "X-Brugpunt-Timestamp: 12a\r\nX-Brugpunt-Signature: sha256=00\r\n";
        CHECK(Exchange(server.Port(), Post("/api/kiosk/k1/heartbeat", h, body)) == 401);
        CHECK(server.Logs().find("no timestamp") != std::string::npos);
    }
    CHECK(server.Logs().find(phone) == std::string::npos);
    CHECK(server.Logs().find("470999888") == std::string::npos);
}

namespace {

// Sends the start of a request and then nothing: whether the server hung up, and how long it took.
std::pair<bool, Clock::duration> StallAfter(int port, const std::string& start) {
    int fd = Connect(port);
    if (!start.empty()) SendAll(fd, start);
    auto t = Clock::now();
    bool closed = false;
    ReadUntilClosed(fd, std::chrono::milliseconds(5000), &closed);
    close(fd);
    return {closed, Clock::now() - t};
}

}  // namespace

TEST_CASE("a client that stalls is cut off by the read timeout, and others are still served") {
    Server server(ServeLimits{kMaxBodyBytes, 1});
    std::string start;
    SECTION("inside the body") {
        start = "POST /api/kiosk/k1/requests HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{\"a\":";
    }
    SECTION("inside the headers") {
        start = "POST /api/kiosk/k1/requests HTTP/1.1\r\nHost: x\r\n";
    }
    SECTION("before a word") {
        start = "";
    }
    auto [closed, took] = StallAfter(server.Port(), start);
    CHECK(closed);
    CHECK(took < std::chrono::milliseconds(3500));
    std::string body = "{}";
    CHECK(Exchange(server.Port(), Post("/api/kiosk/k1/heartbeat", SignedHeaders(body), body)) == 403);
}
