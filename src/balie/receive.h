// Owns what Balie accepts from a kiosk: the signed webhook delivery of a request and the signed
// heartbeat, exactly as src/sync/delivery.cpp and sync_worker.cpp send them. Log lines carry the
// kiosk id and reference code only, never a phone number or a body.
#pragma once

#include <string>

#include "store.h"

namespace brugpunt::balie {

// One POST as it arrived; the kiosk id comes from the URL the kiosk was given at enrolment.
struct Delivery {
    std::string kiosk_id;
    std::string timestamp;        // X-Brugpunt-Timestamp, Unix seconds
    std::string signature;        // X-Brugpunt-Signature: sha256=HEX
    std::string idempotency_key;  // Idempotency-Key (requests only)
    std::string body;
};

struct Received {
    int status = 0;   // 201 new, 200 repeat, 204 heartbeat, 400, 401, 403, 500
    std::string log;  // safe to log
    // A new request (201): its code and kind, for the desk's mail.
    std::string reference;
    bool interest = false;
};

inline constexpr int kDefaultTimestampWindowS = 300;
inline constexpr size_t kMaxBodyBytes = 64 * 1024;

// Answers 2xx only after the request is committed.
Received ReceiveRequest(BalieStore& store, const Delivery& d, long long now_ms,
                        int window_s = kDefaultTimestampWindowS);
Received ReceiveHeartbeat(BalieStore& store, const Delivery& d, long long now_ms,
                          int window_s = kDefaultTimestampWindowS);

// The body's fields, checked; an error says which field is wrong (never its value).
core::Result<IncomingRequest> ParseRequestJson(const std::string& body);

}  // namespace brugpunt::balie
