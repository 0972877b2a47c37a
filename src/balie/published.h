// Owns how Balie learns which catalogue version is published: it reads the signed manifest where
// the kiosks sync from, checks its signature with the same public key the kiosks hold, and takes
// its version. A kiosk on an older version is then red on the Kiosks page. No HTTP server here.
#pragma once

#include <string>

#include "sync/transport.h"

namespace brugpunt::balie {

struct PublishedSource {
    std::string catalogue_url;  // the kiosks' catalogue_url; empty: the version is a setting
    std::string public_key;     // the kiosks' sync_public_key (hex ed25519)
    std::string ca_file;
};

struct PublishedVersion {
    long long version = 0;  // 0 when it could not be read
    std::string error;      // why, in Dutch, for the Kiosks page and the log
};

PublishedVersion ReadPublishedVersion(sync::Fetcher& fetcher, const PublishedSource& source);

}  // namespace brugpunt::balie
