// How Balie reads the published catalogue version: the signed manifest, checked like a kiosk does.
#include <catch2/catch.hpp>

#include <algorithm>
#include <map>

#include "balie/app.h"
#include "balie/published.h"
#include "sync/bundle.h"
#include "sync/crypto.h"

using namespace brugpunt;
using namespace brugpunt::balie;

namespace {

struct FakeServer final : sync::Fetcher {
    std::map<std::string, sync::FetchResponse> files;
    sync::FetchResponse Get(const sync::FetchRequest& r) override {
        auto it = files.find(r.url);
        return it == files.end() ? sync::FetchResponse{404} : it->second;
    }
};

void Publish(FakeServer& server, long long version, const sync::SigningKey& key) {
    sync::Manifest m;
    m.version = version;
    m.created = 1'790'000'000;
    m.expires = 1'800'000'000;
    m.files.push_back({"catalogue.json", std::string(64, 'a'), 10});
    std::string text = sync::ManifestToJson(m);
    server.files["https://cat.test/bundle/manifest.json"] = {200, "", "", text};
    server.files["https://cat.test/bundle/manifest.sig"] = {
        200, "", "", sync::SignHex(text, key.secret_hex).value() + "\n"};
}

}  // namespace

TEST_CASE(
    "the published version is read from the signed manifest, and refused when the signature is not the "
    "municipality's") {
    sync::SigningKey key = sync::NewSigningKey(), other = sync::NewSigningKey();
    FakeServer server;
    PublishedSource source{"https://cat.test/bundle", key.public_hex, ""};
    CHECK(ReadPublishedVersion(server, source).error.find("manifest.json: HTTP 404") != std::string::npos);
    Publish(server, 12, key);
    PublishedVersion read = ReadPublishedVersion(server, source);
    CHECK(read.version == 12);
    CHECK(read.error.empty());
    Publish(server, 99, other);
    read = ReadPublishedVersion(server, source);
    CHECK(read.version == 0);
    CHECK(read.error.find("niet ondertekend") != std::string::npos);
    server.files["https://cat.test/bundle/manifest.json"].body = "{not json";
    server.files["https://cat.test/bundle/manifest.sig"].body =
        sync::SignHex("{not json", key.secret_hex).value();
    CHECK(ReadPublishedVersion(server, source).error.find("onleesbaar") != std::string::npos);
}

TEST_CASE(
    "a version read from the server turns older kiosks red, an error keeps the last version and shows") {
    auto s = BalieStore::Open(":memory:");
    REQUIRE(s);
    BalieStore& store = *s.value();
    AppSettings settings;
    settings.published_from_catalogue = true;
    std::vector<std::string> log;
    BalieApp app(
        store, settings, [] { return 1'790'000'000'000LL; }, [&](const std::string& l) { log.push_back(l); });
    app.SetPublished({12, ""});
    CHECK(store.Setting("published_catalogue_version").value() == std::optional<std::string>("12"));
    app.SetPublished({0, "de gepubliceerde catalogus is niet te lezen (manifest.json: HTTP 503)"});
    CHECK(store.Setting("published_catalogue_version").value() == std::optional<std::string>("12"));
    app.SetPublished({0, "de gepubliceerde catalogus is niet te lezen (manifest.json: HTTP 503)"});
    // Logged once when it breaks, once when it mends: not every minute.
    CHECK(std::count_if(log.begin(), log.end(),
                        [](const std::string& l) { return l.find("HTTP 503") != std::string::npos; }) == 1);
    app.SetPublished({13, ""});
    CHECK(log.back() == "published catalogue: version 13");
    CHECK(std::count(log.begin(), log.end(), "published catalogue: readable again") == 1);
}
