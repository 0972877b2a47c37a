// bench_balie [KIOSKS] [ROUNDS]: prints requests per second and latency for KIOSKS kiosks (20)
// heartbeating and delivering at once over loopback, each ROUNDS times (50), against a real
// file-backed Balie (WAL, synchronous=FULL); and the inbox page's render time with 10,000 open
// requests stored. Prints figures; asserts only that every delivery was stored.
#include <httplib.h>

#include <unistd.h>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <thread>
#include <vector>

#include "balie/app.h"
#include "balie/auth.h"
#include "balie/http_server.h"
#include "balie/receive.h"
#include "sync/crypto.h"
#include "sync/delivery.h"

using namespace brugpunt;
using Clock = std::chrono::steady_clock;

namespace {

std::string RequestBody(const std::string& kiosk, const std::string& key, int i) {
    char phone[16];
    std::snprintf(phone, sizeof phone, "+32470%06d", i % 1'000'000);
    return R"({"version":1,"kind":")" + std::string(i % 5 == 0 ? "interest" : "appointment") +
           R"(","kiosk_id":")" + kiosk + R"(","idempotency_key":")" + key + R"(","reference":"R)" +
           std::to_string(i) + R"(","created_ms":0,"activities":[{"id":"a)" + std::to_string(i % 40) +
           R"(","title":"Activiteit )" + std::to_string(i % 40) +
           R"("}],"general_question":false,"children":[7,9],"contact":{"mode":"phone",)" + R"("phone":")" +
           phone + R"(","whatsapp":true},"language":"ar","interpreter":true,"day_parts":["evening"],)" +
           R"("consent":true})";
}

double Pct(std::vector<double> v, double p) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, static_cast<size_t>(p * v.size()))];
}

void Quiet(const std::string&) {}

}  // namespace

int main(int argc, char** argv) {
    int kiosks = argc > 1 ? std::atoi(argv[1]) : 20;
    int rounds = argc > 2 ? std::atoi(argv[2]) : 50;
    auto dir = std::filesystem::temp_directory_path() / ("bench-balie-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);

    // [SECTION] many kiosks at once, over loopback
    {
        auto store = balie::BalieStore::Open((dir / "balie.db").string());
        if (!store) return std::fprintf(stderr, "%s\n", store.error().message.c_str()), 1;
        for (int k = 0; k < kiosks; ++k)
            store.value()->EnrolKiosk("k" + std::to_string(k), "secret" + std::to_string(k), 0);
        balie::BalieApp app(*store.value(), {}, sync::WallNowMs, Quiet);
        int port = 0;
        std::thread server([&] {
            balie::Serve(
                app, "127.0.0.1", 0, balie::ServeLimits{}, Quiet, [] {}, [&](int p) { port = p; });
        });
        while (port == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
        std::vector<std::vector<double>> lat(kiosks);
        std::vector<int> stored(kiosks, 0);
        auto t0 = Clock::now();
        std::vector<std::thread> threads;
        for (int k = 0; k < kiosks; ++k) {
            threads.emplace_back([&, k] {
                httplib::Client cli("127.0.0.1", port);
                std::string id = "k" + std::to_string(k), secret = "secret" + std::to_string(k);
                for (int r = 0; r < rounds; ++r) {
                    std::string key = sync::RandomKey();
                    std::string body = RequestBody(id, key, k * rounds + r);
                    std::string hb = R"({"kiosk_id":")" + id +
                                     R"(","catalogue_version":3,"outbox_depth":0,"uptime_s":)" +
                                     std::to_string(r) + "}";
                    for (int pass = 0; pass < 2; ++pass) {
                        const std::string& b = pass ? hb : body;
                        std::string ts = std::to_string(sync::WallNowMs() / 1000);
                        httplib::Headers h = {
                            {"X-Brugpunt-Timestamp", ts},
                            {"X-Brugpunt-Signature", "sha256=" + sync::HmacSha256Hex(secret, ts + "." + b)}};
                        if (!pass) h.emplace("Idempotency-Key", key);
                        auto s = Clock::now();
                        auto res =
                            cli.Post(("/api/kiosk/" + id + (pass ? "/heartbeat" : "/requests")).c_str(), h, b,
                                     "application/json");
                        lat[k].push_back(std::chrono::duration<double, std::milli>(Clock::now() - s).count());
                        if (!pass && res && res->status == 201) ++stored[k];
                    }
                }
            });
        }
        for (auto& t : threads) t.join();
        double secs = std::chrono::duration<double>(Clock::now() - t0).count();
        balie::StopServing();
        server.join();
        std::vector<double> all;
        int total_stored = 0;
        for (int k = 0; k < kiosks; ++k) {
            all.insert(all.end(), lat[k].begin(), lat[k].end());
            total_stored += stored[k];
        }
        std::printf(
            "balie: %d kiosks x %d rounds (request + heartbeat): %zu POSTs in %.2f s = %.0f per second\n",
            kiosks, rounds, all.size(), secs, all.size() / secs);
        std::printf("balie: latency p50 %.2f ms, p99 %.2f ms, max %.2f ms\n", Pct(all, 0.5), Pct(all, 0.99),
                    Pct(all, 1.0));
        std::printf("balie: stored %d of %d requests\n", total_stored, kiosks * rounds);
        if (total_stored != kiosks * rounds) return 1;
    }

    // [SECTION] the inbox with 10,000 requests
    {
        auto store = balie::BalieStore::Open(":memory:");
        auto& s = *store.value();
        for (int i = 0; i < 10'000; ++i) {
            auto r = balie::ParseRequestJson(RequestBody("k0", "key" + std::to_string(i), i));
            s.InsertRequest(r.value(), sync::WallNowMs() - i * 60'000LL);
        }
        s.CreateUser({"bench", balie::HashPassword("bench-wachtwoord").value(), "balie"});
        balie::BalieApp app(s, {}, sync::WallNowMs, Quiet);
        balie::WebRequest get_login{"GET", "/login", {}, {}, ""};
        auto page = app.Handle(get_login);
        std::string cookie = page.Header("Set-Cookie");
        std::string token = cookie.substr(cookie.find('=') + 1, 64);
        balie::WebRequest post{"POST",
                               "/login",
                               {},
                               {{"cookie", "balie_login=" + token}},
                               "csrf=" + token + "&user=bench&password=bench-wachtwoord"};
        auto in = app.Handle(post);
        std::string session;
        for (const auto& [k, v] : in.headers)
            if (k == "Set-Cookie" && v.starts_with("balie_session=")) session = v.substr(0, v.find(';'));
        balie::WebRequest inbox{"GET", "/inbox", {}, {{"cookie", session}}, ""};
        std::vector<double> ms;
        size_t bytes = 0;
        for (int i = 0; i < 10; ++i) {
            auto t = Clock::now();
            auto r = app.Handle(inbox);
            ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t).count());
            bytes = r.body.size();
            if (r.status != 200) return std::fprintf(stderr, "inbox answered %d\n", r.status), 1;
        }
        std::printf(
            "balie: inbox with 10000 open requests: render p50 %.1f ms, max %.1f ms, %.1f MB of HTML\n",
            Pct(ms, 0.5), Pct(ms, 1.0), bytes / 1e6);
    }
    std::filesystem::remove_all(dir);
    return 0;
}
