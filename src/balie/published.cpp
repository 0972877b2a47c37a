// Owns reading the published manifest's version. Must not include httplib or sqlite3.
#include "published.h"

#include "sync/bundle.h"
#include "sync/crypto.h"

namespace brugpunt::balie {

PublishedVersion ReadPublishedVersion(sync::Fetcher& fetcher, const PublishedSource& source) {
    std::string base = source.catalogue_url;
    if (!base.ends_with('/')) base += '/';
    auto get = [&](std::string_view file, uint64_t max_bytes) {
        sync::FetchRequest req;
        req.url = base + std::string(file);
        req.timeouts = {5, 20};
        req.stall_s = 10;
        req.ca_file = source.ca_file;
        req.max_bytes = max_bytes;
        return fetcher.Get(req);
    };
    sync::FetchResponse manifest = get(sync::kManifestFile, 4 << 20);
    auto unreachable = [&](const sync::FetchResponse& r, std::string_view file) {
        return PublishedVersion{0,
                                "de gepubliceerde catalogus is niet te lezen (" + std::string(file) + ": " +
                                    (r.error.empty() ? "HTTP " + std::to_string(r.status) : r.error) + ")"};
    };
    if (!manifest.error.empty() || manifest.status != 200) return unreachable(manifest, sync::kManifestFile);
    sync::FetchResponse sig = get(sync::kSignatureFile, 4096);
    if (!sig.error.empty() || sig.status != 200) return unreachable(sig, sync::kSignatureFile);
    std::string signature = sig.body.substr(0, sig.body.find_first_of(" \r\n"));
    // Unsigned, it could turn every kiosk red: the same check the kiosks make.
    if (!sync::VerifySignature(manifest.body, signature, source.public_key))
        return {0, "de gepubliceerde catalogus is niet ondertekend met de sleutel van de gemeente"};
    auto parsed = sync::ParseManifest(manifest.body);
    if (!parsed) return {0, "de gepubliceerde catalogus is onleesbaar: " + parsed.error().message};
    return {parsed->version, ""};
}

}  // namespace brugpunt::balie
