// The bundle's rules without a network: the manifest, its signature, what a kiosk refuses, how a
// sync resumes, and what a restart finds after an interrupted apply. The integration tests run
// the same code against nginx.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>

#include "read_file.h"
#include "sync/bundle.h"
#include "sync/catalogue_sync.h"
#include "sync/crypto.h"
#include "sync/local_catalogue.h"

namespace fs = std::filesystem;
using namespace brugpunt;
using namespace brugpunt::sync;

namespace {

constexpr long long kNow = 1'800'000'000;  // 2027-01-15T08:00:00Z

Manifest Sample() {
    Manifest m;
    m.version = 7;
    m.created = kNow - 60;
    m.expires = kNow + 86400;
    m.files = {{"catalogue.json", std::string(64, 'a'), 100},
               {"media/" + std::string(64, 'b') + ".wav", std::string(64, 'b'), 2000}};
    return m;
}

std::string Reject(const Manifest& m, long long in_use = 6) {
    return RejectManifest(m, in_use, kNow, BundleLimits{1 << 20, 4 << 20}).value_or("");
}

fs::path FreshDir(const std::string& name) {
    fs::path d = fs::temp_directory_path() / ("brugpunt-bundle-test-" + name);
    fs::remove_all(d);
    fs::create_directories(d);
    return d;
}

void Write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

std::string Read(const fs::path& p) {
    return testing::ReadFile(p.string());
}

// A static web server in memory: path -> body, with Range support like nginx's.
class FakeServer final : public Fetcher {
  public:
    std::map<std::string, std::string> files;
    std::vector<FetchRequest> requests;
    bool ignores_range = false;

    FetchResponse Get(const FetchRequest& r) override {
        requests.push_back(r);
        FetchResponse out;
        std::string path = r.url.substr(r.url.find("/bundle/") + 8);
        auto it = files.find(path);
        if (it == files.end()) return {404, "The requested URL returned error: 404"};
        std::string body = it->second;
        out.status = 200;
        if (r.resume_from && !ignores_range) {
            body = body.substr(r.resume_from);
            out.status = 206;
        } else if (r.resume_from) {
            return {200, "the server does not support ranges"};
        }
        if (body.size() + r.resume_from > r.max_bytes) return {out.status, "too much", "", "", 0, true};
        if (r.to_file.empty()) {
            out.body = body;
        } else {
            // In pieces, as curl writes them, with the count of bytes so far after each.
            std::ofstream f(r.to_file, r.resume_from ? std::ios::app | std::ios::binary : std::ios::binary);
            constexpr size_t kPiece = 64 << 10;
            for (size_t at = 0; at < body.size(); at += kPiece) {
                f << body.substr(at, kPiece);
                if (r.on_bytes) r.on_bytes(std::min(body.size(), at + kPiece));
            }
        }
        out.received = body.size();
        return out;
    }
};

struct Published {
    SigningKey key = NewSigningKey();
    FakeServer server;

    // A signed bundle whose catalogue is `catalogue` and one media file with `media` bytes.
    void Publish(long long version, const std::string& catalogue, const std::string& media) {
        Manifest m;
        m.version = version;
        m.created = kNow - 60;
        m.expires = kNow + 86400;
        std::string mp = MediaPath(Sha256Hex(media), "x.wav");
        m.files = {{"catalogue.json", Sha256Hex(catalogue), catalogue.size()},
                   {mp, Sha256Hex(media), media.size()}};
        std::string text = ManifestToJson(m);
        server.files = {{"manifest.json", text},
                        {"manifest.sig", SignHex(text, key.secret_hex).value()},
                        {"catalogue.json", catalogue},
                        {mp, media}};
    }
};

std::string Catalogue(const std::string& title) {
    return R"({"format": 1, "municipality": "Test", "version": 1, "categories": [], "activities": [], "desk": {"name": ")" +
           title + R"("}})";
}

}  // namespace

TEST_CASE("A manifest survives writing and reading back", "[bundle]") {
    auto back = ParseManifest(ManifestToJson(Sample()));
    REQUIRE(back);
    CHECK(back->version == 7);
    CHECK(back->expires == kNow + 86400);
    CHECK(back->files == Sample().files);
    CHECK(back->Catalogue()->size == 100);
    CHECK(back->TotalBytes() == 2100);
}

TEST_CASE("A malformed manifest says what is wrong", "[bundle]") {
    auto error = [](const std::string& text) {
        auto m = ParseManifest(text);
        return m ? std::string("parsed") : m.error().message;
    };
    CHECK(error("not json") == "malformed manifest: not JSON");
    CHECK(error("[]") == "malformed manifest: not an object");
    CHECK_THAT(error(R"({"format":1,"version":"7"})"), Catch::Contains("\"version\""));
    CHECK_THAT(
        error(
            R"({"format":1,"version":7,"created":"yesterday","expires":"2027-01-01T00:00:00Z","files":[]})"),
        Catch::Contains("\"created\""));
    CHECK_THAT(
        error(R"({"format":1,"version":7,"created":"2026-01-01T00:00:00Z","expires":"2027-01-01T00:00:00Z",
                         "files":[{"path":"catalogue.json","sha256":"XYZ","size":1}]})"),
        Catch::Contains("64 lowercase hex"));
    CHECK_THAT(
        error(R"({"format":1,"version":7,"created":"2026-01-01T00:00:00Z","expires":"2027-01-01T00:00:00Z",
                         "files":[{"path":"catalogue.json","sha256":"XYZ","size":-1}]})"),
        Catch::Contains("a path, a sha256 and a size"));
    CHECK_THAT(
        error(R"({"format":1,"version":7,"created":"2026-01-01T00:00:00Z","expires":"2027-01-01T00:00:00Z",
                         "files":[]})"),
        Catch::Contains("no catalogue.json"));
}

TEST_CASE("A kiosk refuses rollback, expiry, path escapes, strange names and oversize files", "[bundle]") {
    CHECK(Reject(Sample()).empty());
    CHECK(Reject(Sample(), 7).empty());  // the same version is not a rejection: it is current
    CHECK_THAT(Reject(Sample(), 8),
               Catch::StartsWith("rollback: the server offers version 7, older than version 8"));
    Manifest m = Sample();
    m.expires = kNow;
    CHECK_THAT(Reject(m), Catch::StartsWith("expired"));
    m = Sample();
    m.format = 2;
    CHECK_THAT(Reject(m), Catch::Contains("format 2"));
    for (std::string path :
         {"../catalogue.json", "/etc/passwd", "media/../../x", "media//x", "media\\x", "./x", ""}) {
        m = Sample();
        m.files.push_back({path, std::string(64, 'c'), 1});
        CHECK_THAT(Reject(m), Catch::StartsWith("path escape"));
    }
    for (std::string path :
         {"media/" + std::string(64, 'd') + ".wav", "media/" + std::string(64, 'c') + ".WAV",
          "media/" + std::string(64, 'c') + ".toolong", std::string("other.json")}) {
        m = Sample();
        m.files.push_back({path, std::string(64, 'c'), 1});
        CHECK_THAT(Reject(m), Catch::StartsWith("unexpected file"));
    }
    m = Sample();
    m.files[1].size = (1 << 20) + 1;
    CHECK_THAT(Reject(m), Catch::StartsWith("too large: media/"));
    m = Sample();
    for (char c : std::string("cdef"))
        m.files.push_back({"media/" + std::string(64, c), std::string(64, c), 1 << 20});
    CHECK_THAT(Reject(m), Catch::Contains("the disk budget is"));
}

TEST_CASE("Media are named by their hash and keep a plain extension", "[bundle]") {
    std::string h(64, 'e');
    CHECK(MediaPath(h, "clips/Voetbal.WAV") == "media/" + h + ".wav");
    CHECK(MediaPath(h, "foto") == "media/" + h);
    CHECK(MediaPath(h, "a.b/c") == "media/" + h);
    CHECK(MediaPath(h, "x.t@r") == "media/" + h);
}

TEST_CASE("UTC times are read and written exactly, and nothing else passes", "[bundle]") {
    CHECK(ParseUtc("2027-01-15T08:00:00Z") == 1'800'000'000);
    CHECK(FormatUtc(0) == "1970-01-01T00:00:00Z");
    CHECK(ParseUtc("1970-01-02T00:00:00Z") == 86400);
    CHECK(FormatUtc(ParseUtc("2026-11-23T17:05:09Z").value()) == "2026-11-23T17:05:09Z");
    for (const char* bad : {"2026-11-23 17:05:09Z", "2026-11-23T17:05:09", "2026-13-01T00:00:00Z", "tomorrow",
                            "", "0790-11-23T17:12:14Z", "1969-12-31T23:59:59Z"})
        CHECK_FALSE(ParseUtc(bad));
}

TEST_CASE("Manifests the fuzzer found are refused or survive a round trip", "[bundle]") {
    // tests/fuzz/regressions/manifest: a "created" in the year 790 once parsed, but was written back
    // as "790-11-23T...", which no longer parsed.
    for (const auto& entry :
         fs::directory_iterator(std::string(BRUGPUNT_SOURCE_DIR) + "/tests/fuzz/regressions/manifest")) {
        INFO(entry.path().string());
        auto m = ParseManifest(Read(entry.path()));
        if (!m) continue;
        auto again = ParseManifest(ManifestToJson(m.value()));
        REQUIRE(again);
        CHECK(again->created == m->created);
        CHECK(again->expires == m->expires);
    }
    CHECK_FALSE(ParseManifest(
        Read(std::string(BRUGPUNT_SOURCE_DIR) + "/tests/fuzz/regressions/manifest/year-790.json")));
}

TEST_CASE("A signature fits only its message and its key", "[bundle]") {
    SigningKey key = NewSigningKey();
    std::string sig = SignHex("manifest", key.secret_hex).value();
    CHECK(VerifySignature("manifest", sig, key.public_hex));
    CHECK_FALSE(VerifySignature("manifest ", sig, key.public_hex));
    CHECK_FALSE(VerifySignature("manifest", sig, NewSigningKey().public_hex));
    CHECK_FALSE(VerifySignature("manifest", sig.substr(2), key.public_hex));
    CHECK_FALSE(VerifySignature("manifest", sig, "not a key"));
    CHECK_FALSE(SignHex("x", "too short"));
    CHECK(Sha256Hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST_CASE("A sync applies a signed bundle, then has nothing to do, then takes only what changed",
          "[bundle]") {
    fs::path root = FreshDir("sync");
    Published pub;
    pub.Publish(1, Catalogue("one"), std::string(5000, 'x'));
    CatalogueSync sync({"https://example.org/bundle/", pub.key.public_hex, root.string()}, pub.server,
                       [] { return kNow; });
    SyncReport r = sync.RunOnce();
    REQUIRE(r.outcome == SyncOutcome::kUpdated);
    CHECK(r.version == 1);
    CHECK(pub.server.requests.size() == 4);
    CHECK(Read(root / "current") == "v1\n");
    CHECK(Read(root / "v1" / "catalogue.json") == Catalogue("one"));

    pub.server.requests.clear();
    CHECK(sync.RunOnce().outcome == SyncOutcome::kCurrent);
    CHECK(pub.server.requests.size() == 2);  // manifest + signature: the fake has no ETag

    pub.Publish(2, Catalogue("two"), std::string(5000, 'x'));  // same media
    pub.server.requests.clear();
    r = sync.RunOnce();
    CHECK(r.outcome == SyncOutcome::kUpdated);
    CHECK(pub.server.requests.size() == 3);  // the media file was not fetched again
    CHECK_FALSE(fs::exists(root / "v1"));

    // A restart finds version 2, whole.
    auto found = LocalCatalogue(root.string()).Recover(pub.key.public_hex);
    REQUIRE(found);
    REQUIRE(found.value());
    CHECK(found.value()->manifest.version == 2);
}

TEST_CASE("A sync resumes a cut-off download, and starts again when the server will not resume", "[bundle]") {
    fs::path root = FreshDir("resume");
    Published pub;
    std::string media(10000, 'm');
    pub.Publish(1, Catalogue("one"), media);
    SyncSettings s{"https://example.org/bundle/", pub.key.public_hex, root.string()};
    LocalCatalogue local(root.string());
    REQUIRE(local.EnsureDirs());
    BundleFile f{MediaPath(Sha256Hex(media), "x.wav"), Sha256Hex(media), media.size()};
    Write(local.PartFile(f), media.substr(0, 4000));

    CatalogueSync sync(s, pub.server, [] { return kNow; });
    REQUIRE(sync.RunOnce().outcome == SyncOutcome::kUpdated);
    auto resumed =
        std::find_if(pub.server.requests.begin(), pub.server.requests.end(),
                     [](const FetchRequest& r) { return r.url.find("media/") != std::string::npos; });
    REQUIRE(resumed != pub.server.requests.end());
    CHECK(resumed->resume_from == 4000);
    CHECK(Read(local.MediaFile(f)) == media);

    fs::path root2 = FreshDir("no-range");
    pub.server.ignores_range = true;
    pub.server.requests.clear();
    LocalCatalogue local2(root2.string());
    REQUIRE(local2.EnsureDirs());
    Write(local2.PartFile(f), media.substr(0, 4000));
    CatalogueSync sync2({"https://example.org/bundle/", pub.key.public_hex, root2.string()}, pub.server,
                        [] { return kNow; });
    SyncReport r = sync2.RunOnce();
    CHECK(r.outcome == SyncOutcome::kFailed);
    CHECK_THAT(r.reason, Catch::Contains("would not resume"));
    CHECK_FALSE(fs::exists(local2.PartFile(f)));  // so the next try starts from zero
    CHECK(sync2.RunOnce().outcome == SyncOutcome::kUpdated);
}

TEST_CASE("A restart clears an interrupted apply and refuses a damaged catalogue", "[bundle]") {
    fs::path root = FreshDir("recover");
    Published pub;
    pub.Publish(1, Catalogue("one"), "media");
    CatalogueSync sync({"https://example.org/bundle/", pub.key.public_hex, root.string()}, pub.server,
                       [] { return kNow; });
    REQUIRE(sync.RunOnce().outcome == SyncOutcome::kUpdated);
    // What a kill -9 just before the commit point leaves behind.
    Write(root / "staging" / "catalogue.json", "half");
    Write(root / "v2" / "catalogue.json", "next");
    Write(root / "current.tmp", "v2\n");
    LocalCatalogue local(root.string());
    auto found = local.Recover(pub.key.public_hex);
    REQUIRE(found);
    CHECK(found.value()->manifest.version == 1);
    CHECK_FALSE(fs::exists(root / "staging"));
    CHECK_FALSE(fs::exists(root / "v2"));
    CHECK_FALSE(fs::exists(root / "current.tmp"));

    CHECK_FALSE(local.Recover(NewSigningKey().public_hex));  // another key: not trusted
    Write(root / "v1" / "catalogue.json", Catalogue("tampered"));
    auto damaged = local.Recover(pub.key.public_hex);
    REQUIRE_FALSE(damaged);
    CHECK_THAT(damaged.error().message, Catch::Contains("does not match its hash"));

    CHECK_FALSE(LocalCatalogue(FreshDir("empty").string()).Recover(pub.key.public_hex).value());
}

TEST_CASE("Garbage collection keeps what is in use and removes the oldest spare files first", "[bundle]") {
    fs::path root = FreshDir("gc");
    LocalCatalogue local(root.string());
    REQUIRE(local.EnsureDirs());
    Manifest in_use;
    BundleFile used{"media/" + std::string(64, 'a') + ".wav", std::string(64, 'a'), 400};
    in_use.files = {{"catalogue.json", std::string(64, 'f'), 10}, used};
    Write(local.MediaFile(used), std::string(400, 'u'));
    auto t = fs::file_time_type::clock::now();
    int age = 3;
    for (char c : std::string("bcd")) {
        fs::path p = root / "media" / std::string(64, c);
        Write(p, std::string(300, c));
        fs::last_write_time(p, t - std::chrono::hours(age--));
    }
    auto collected = local.CollectGarbage(in_use, 1000);  // 1300 bytes: one spare file must go
    CHECK(collected.files == 1);
    CHECK_FALSE(fs::exists(root / "media" / std::string(64, 'b')));  // the oldest
    CHECK(fs::exists(root / "media" / std::string(64, 'c')));
    collected = local.CollectGarbage(in_use, 0);
    CHECK(collected.files == 2);
    CHECK(fs::exists(local.MediaFile(used)));  // never what is in use
}

TEST_CASE("Local damage never lowers the version this kiosk accepts", "[bundle]") {
    fs::path root = FreshDir("highest");
    Published pub;
    pub.Publish(7, Catalogue("seven"), "media");
    SyncSettings s{"https://example.org/bundle/", pub.key.public_hex, root.string()};
    CatalogueSync sync(s, pub.server, [] { return kNow; });
    REQUIRE(sync.RunOnce().outcome == SyncOutcome::kUpdated);
    LocalCatalogue local(root.string());
    CHECK(local.HighestVersion() == 7);

    // One flipped byte in the stored manifest: the version in use is no longer trusted...
    std::string manifest = Read(root / "v7" / "manifest.json");
    manifest[manifest.size() / 2] ^= 0x01;
    Write(root / "v7" / "manifest.json", manifest);
    REQUIRE_FALSE(local.Recover(pub.key.public_hex));
    // ...yet a kiosk that starts without it still refuses an older signed bundle.
    pub.Publish(6, Catalogue("six"), "media");
    CatalogueSync after(s, pub.server, [] { return kNow; });
    after.SetInUse(std::nullopt);
    SyncReport r = after.RunOnce();
    CHECK(r.outcome == SyncOutcome::kRejected);
    CHECK_THAT(r.reason, Catch::StartsWith("rollback: the server offers version 6, older than version 7"));
    // The same version again mends the damage.
    pub.Publish(7, Catalogue("seven"), "media");
    CHECK(after.RunOnce().outcome == SyncOutcome::kUpdated);
    auto mended = local.Recover(pub.key.public_hex);
    REQUIRE(mended);
    CHECK(mended.value()->manifest.version == 7);
}

TEST_CASE("The highest-version record notices its own damage", "[bundle]") {
    LocalCatalogue local(FreshDir("record").string());
    CHECK_FALSE(local.HighestVersion());
    REQUIRE(local.RecordHighest(12));
    CHECK(local.HighestVersion() == 12);
    REQUIRE(local.RecordHighest(3));  // lower: the record stays
    CHECK(local.HighestVersion() == 12);
    fs::path file = fs::path(local.Root()) / "highest";
    std::string text = Read(file);
    text[0] = '1' ^ '2' ^ text[0];  // "12" becomes "22" or "11"
    Write(file, text);
    CHECK_FALSE(local.HighestVersion());  // not a number to trust
}

TEST_CASE("A flipped bit in `current` is mended from the newest intact version, which is kept", "[bundle]") {
    fs::path root = FreshDir("current");
    Published pub;
    pub.Publish(1, Catalogue("one"), "media");
    CatalogueSync sync({"https://example.org/bundle/", pub.key.public_hex, root.string()}, pub.server,
                       [] { return kNow; });
    REQUIRE(sync.RunOnce().outcome == SyncOutcome::kUpdated);
    pub.Publish(2, Catalogue("two"), "media");
    REQUIRE(sync.RunOnce().outcome == SyncOutcome::kUpdated);
    for (std::string flipped : {"v3\n", "w2\n", "v2\x0b", ""}) {
        Write(root / "current", flipped);
        auto found = LocalCatalogue(root.string()).Recover(pub.key.public_hex);
        REQUIRE(found);
        REQUIRE(found.value());
        CHECK(found.value()->manifest.version == 2);
        CHECK_THAT(found.value()->repaired, Catch::EndsWith("rebuilt from v2"));
        CHECK(fs::exists(root / "v2" / "catalogue.json"));
        CHECK(Read(root / "current") == "v2\n");
    }
}

TEST_CASE("A bundle the kiosk could not show is rejected before it is applied", "[bundle]") {
    fs::path root = FreshDir("unshowable");
    Published pub;
    pub.Publish(1, Catalogue("one"), "media");
    CatalogueSync sync({"https://example.org/bundle/", pub.key.public_hex, root.string()}, pub.server,
                       [] { return kNow; });
    SyncReport first = sync.RunOnce();
    REQUIRE(first.outcome == SyncOutcome::kUpdated);
    REQUIRE(first.installed->loaded);  // opened once, with the kiosk's loader, and handed on
    CHECK(first.installed->loaded->catalogue->desk.name == "one");

    // A publishing slip: an activity without its "last checked" date.
    std::string demo = Read(fs::path(BRUGPUNT_SOURCE_DIR) / "assets/demo/catalogue.json");
    const std::string date = R"("last_checked": "2026-11-02",)";
    auto at = demo.find(date);
    REQUIRE(at != std::string::npos);
    demo.erase(at, date.size());
    pub.Publish(2, demo, "media");
    SyncReport r = sync.RunOnce();
    CHECK(r.outcome == SyncOutcome::kRejected);
    CHECK_THAT(r.reason, Catch::StartsWith("malformed catalogue: the kiosk cannot show it"));
    CHECK(Read(root / "current") == "v1\n");  // the last good catalogue keeps serving
}

TEST_CASE("A rejected bundle leaves nothing in incoming/", "[bundle]") {
    fs::path root = FreshDir("tidy");
    Published pub;
    pub.Publish(1, Catalogue("one"), "media");
    // The media file on the server is not the one the manifest signed; the catalogue before it is.
    for (auto& [path, body] : pub.server.files)
        if (path.starts_with("media/")) body = "MEDIA";  // as long, not the same
    CatalogueSync sync({"https://example.org/bundle/", pub.key.public_hex, root.string()}, pub.server,
                       [] { return kNow; });
    SyncReport r = sync.RunOnce();
    REQUIRE(r.outcome == SyncOutcome::kRejected);
    CHECK_THAT(r.reason, Catch::StartsWith("hash mismatch"));
    CHECK(fs::is_empty(root / "incoming"));
}

TEST_CASE("A synced catalogue is read from its version's db, with its clips found in its own folder",
          "[bundle]") {
    fs::path root = FreshDir("compiled");
    Published pub;
    const std::string media = "RIFF a recorded summary";
    std::string clip = MediaPath(Sha256Hex(media), "x.wav");
    // The demo, with a recorded Arabic summary on its first activity, as the staff tool bundles it.
    std::string demo = Read(fs::path(BRUGPUNT_SOURCE_DIR) / "assets/demo/catalogue.json");
    const std::string first_id = R"("id": ")";
    auto at = demo.find(first_id, demo.find(R"("activities")"));
    REQUIRE(at != std::string::npos);
    demo.insert(at, R"("clips": [{"field": "summary", "lang": "ar", "file": ")" + clip + R"("}], )");
    pub.Publish(1, demo, media);
    CatalogueSync sync({"https://example.org/bundle/", pub.key.public_hex, root.string()}, pub.server,
                       [] { return kNow; });
    SyncReport r = sync.RunOnce();
    REQUIRE(r.outcome == SyncOutcome::kUpdated);
    REQUIRE(r.installed->loaded);
    const store::LoadedCatalogue& loaded = *r.installed->loaded;
    CHECK(r.installed->db_note.empty());
    // Parsed once and written once, before apply; then moved in beside its catalogue and read from
    // there: nothing of it is left waiting, and the activities are not held in memory.
    CHECK(fs::is_regular_file(root / "v1" / "catalogue.db"));
    CHECK(fs::is_empty(root / "incoming"));
    CHECK(loaded.db_activities);
    CHECK(loaded.catalogue->activities.empty());
    // The clip is where the kiosk will look for it: in the version's folder, not in incoming/.
    fs::path v1 = fs::absolute(root / "v1").lexically_normal();
    CHECK(loaded.media_root == v1.string());
    auto a = loaded.activities->At(0);
    REQUIRE(a);
    REQUIRE(a->clips.size() == 1);
    CHECK(a->clips[0].file == (v1 / clip).string());
    CHECK(Read(a->clips[0].file) == media);
    for (const auto& issue : loaded.issues) CHECK_THAT(issue.message, !Catch::Contains("bestaat niet"));

    // A restart opens that db (it was made from exactly this catalogue): the same clip.
    std::string note;
    auto reopened = store::OpenKnownSource((root / "v1" / "catalogue.json").string(), Sha256Hex(demo), note);
    REQUIRE(reopened);
    CHECK(note == "opened " + (root / "v1" / "catalogue.db").string());
    CHECK(reopened->activities->At(0)->clips.at(0).file == (v1 / clip).string());
}

TEST_CASE("A sync waits at its pause while it downloads and while it compiles the catalogue", "[bundle]") {
    fs::path root = FreshDir("pause");
    Published pub;
    std::string demo = Read(fs::path(BRUGPUNT_SOURCE_DIR) / "assets/demo/catalogue.json");
    const std::string recording(3 << 20, 'x');  // a 3 MiB recording
    pub.Publish(1, demo, recording);
    SyncSettings settings{"https://example.org/bundle/", pub.key.public_hex, root.string()};
    int downloading = 0, parsing = 0, writing = 0;
    bool applied = false;
    fs::path part = root / "incoming" / (Sha256Hex(recording) + ".part");
    fs::path db = root / "incoming" / (Sha256Hex(demo) + ".db.tmp");
    settings.pause = [&] {
        CHECK_FALSE(applied);  // only in the heavy work, never after it
        if (fs::exists(part))
            ++downloading;
        else if (fs::exists(db))
            ++writing;
        else
            ++parsing;
    };
    CatalogueSync sync(settings, pub.server, [] { return kNow; });
    SyncReport r = sync.RunOnce();
    applied = true;
    REQUIRE(r.outcome == SyncOutcome::kUpdated);
    CHECK(downloading == 3);  // every MiB of the recording
    CHECK(parsing >= 3);      // every 16 of the demo's 48 activities, and of the objects in them
    CHECK(writing == 3);      // every 16 activities written
    REQUIRE(r.installed->loaded);
    CHECK(r.installed->loaded->activities->Count() == 48);
}
