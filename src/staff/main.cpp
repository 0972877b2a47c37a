// Owns the staff tool's command line: brugpunt-catalogue COMMAND [options]. No UI; links core,
// store and sync. Every failure is one line on stderr and a non-zero exit.
#include <atomic>
#include <csignal>
#include <cstdio>
#include <ctime>
#include <map>
#include <string>
#include <vector>

#include "bundle_build.h"
#include "serve_local.h"

using namespace brugpunt;

namespace {

const char* kUsage = R"(usage: brugpunt-catalogue COMMAND [options]

Make and publish the kiosk catalogue.
  keygen --key FILE                  make a signing key (FILE, mode 600) and FILE.pub for the kiosks
  build CATALOGUE.json --out DIR     make a bundle: catalogue, media named by hash, manifest.json
        [--version N] [--expires-days D]   (version: one more than DIR's last; expires: 30 days)
  sign DIR --key FILE                sign DIR/manifest.json into DIR/manifest.sig
  serve-local DIR [--port P]         serve DIR on http://127.0.0.1:P/ (8080) to try it out
)";

int Fail(const std::string& line, int code = 1) {
    std::fprintf(stderr, "brugpunt-catalogue: %s\n", line.c_str());
    return code;
}

// "--name value" pairs and positional words; a flag without its value is an error.
struct Args {
    std::vector<std::string> words;
    std::map<std::string, std::string> flags;
    std::string error;

    std::string Get(const std::string& name, const std::string& fallback = "") const {
        auto it = flags.find(name);
        return it == flags.end() ? fallback : it->second;
    }
};

Args Parse(int argc, char** argv, int from) {
    Args a;
    for (int i = from; i < argc; ++i) {
        std::string s = argv[i];
        if (s.rfind("--", 0) == 0) {
            if (i + 1 >= argc) {
                a.error = s + " needs a value";
                return a;
            }
            a.flags[s.substr(2)] = argv[++i];
        } else {
            a.words.push_back(s);
        }
    }
    return a;
}

bool ToNumber(const std::string& s, long long& out) {
    try {
        size_t used = 0;
        out = std::stoll(s, &used);
        return used == s.size();
    } catch (...) {
        return false;
    }
}

std::atomic<bool> g_stop{false};

int Keygen(const Args& a) {
    std::string key = a.Get("key");
    if (key.empty()) return Fail("keygen needs --key FILE", 2);
    auto files = staff::WriteNewKey(key);
    if (!files) return Fail(files.error().message);
    std::printf(
        "secret key: %s (keep it off the kiosks)\npublic key: %s\nput in each kiosk's config:\n"
        "  sync_public_key = %s\n",
        files->secret_path.c_str(), files->public_path.c_str(), files->public_hex.c_str());
    return 0;
}

int Build(const Args& a) {
    if (a.words.size() != 1 || a.Get("out").empty()) return Fail("usage: build CATALOGUE.json --out DIR", 2);
    staff::BuildOptions o;
    o.catalogue = a.words[0];
    o.out_dir = a.Get("out");
    o.now_unix = std::time(nullptr);
    long long n = 0;
    if (!a.Get("version").empty() && (!ToNumber(a.Get("version"), n) || n < 1))
        return Fail("--version must be a whole number from 1", 2);
    o.version = n;
    if (!a.Get("expires-days").empty()) {
        if (!ToNumber(a.Get("expires-days"), n) || n < 1 || n > 3650)
            return Fail("--expires-days must be 1 to 3650", 2);
        o.expires_days = static_cast<int>(n);
    }
    auto r = staff::BuildBundle(o);
    if (!r) return Fail(r.error().message);
    for (const auto& w : r->warnings) std::printf("warning: %s\n", w.c_str());
    std::printf("bundle version %lld in %s: catalogue + %d media files, %.1f MB; now sign it\n", r->version,
                o.out_dir.c_str(), r->media_files, r->bytes / 1e6);
    return 0;
}

int Sign(const Args& a) {
    if (a.words.size() != 1 || a.Get("key").empty()) return Fail("usage: sign DIR --key FILE", 2);
    if (auto s = staff::SignBundle(a.words[0], a.Get("key")); !s) return Fail(s.error().message);
    std::printf("signed %s/manifest.json\n", a.words[0].c_str());
    return 0;
}

int Serve(const Args& a) {
    long long port = 8080;
    if (a.words.size() != 1) return Fail("usage: serve-local DIR [--port P]", 2);
    if (!a.Get("port").empty() && (!ToNumber(a.Get("port"), port) || port < 1 || port > 65535))
        return Fail("--port must be 1 to 65535", 2);
    std::signal(SIGINT, [](int) { g_stop = true; });
    std::signal(SIGTERM, [](int) { g_stop = true; });
    std::string error = staff::ServeLocal(a.words[0], static_cast<int>(port), g_stop);
    return error.empty() ? 0 : Fail(error);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || std::string(argv[1]) == "--help" || std::string(argv[1]) == "help") {
        std::fputs(kUsage, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    std::string command = argv[1];
    Args a = Parse(argc, argv, 2);
    if (!a.error.empty()) return Fail(a.error, 2);
    if (command == "keygen") return Keygen(a);
    if (command == "build") return Build(a);
    if (command == "sign") return Sign(a);
    if (command == "serve-local") return Serve(a);
    return Fail("unknown command '" + command + "' (see brugpunt-catalogue --help)", 2);
}
