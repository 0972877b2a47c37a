// Owns the checks on every kiosk POST: kiosk, timestamp window, HMAC, JSON, idempotency.
#include "receive.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "auth.h"
#include "core/appointment.h"
#include "core/date.h"
#include "core/demand.h"
#include "sync/crypto.h"

namespace brugpunt::balie {
namespace {

using nlohmann::json;

core::Error Bad(const std::string& why) {
    return core::Error{core::ErrorCode::kParse, why};
}

// 401 unless the kiosk is enrolled and not revoked, the timestamp is fresh and the signature is
// HMAC-SHA256(its secret, timestamp + "." + body). Empty on success.
std::optional<Received> CheckSigned(BalieStore& store, const Delivery& d, long long now_ms, int window_s) {
    auto secret = store.KioskSecret(d.kiosk_id);
    if (!secret) return Received{500, "database: " + secret.error().message};
    if (!secret.value()) return Received{401, "refused: unknown or revoked kiosk"};
    if (d.timestamp.empty() || d.timestamp.size() > 12 ||
        d.timestamp.find_first_not_of("0123456789") != std::string::npos)
        return Received{401, "refused from kiosk " + d.kiosk_id + ": no timestamp"};
    long long ts = std::stoll(d.timestamp);
    long long skew = now_ms / 1000 - ts;
    if (skew > window_s || skew < -window_s)
        return Received{401, "refused from kiosk " + d.kiosk_id + ": timestamp outside the window (" +
                                 std::to_string(skew) + " s off)"};
    std::string expected = "sha256=" + sync::HmacSha256Hex(*secret.value(), d.timestamp + "." + d.body);
    if (!SameSecret(d.signature, expected))
        return Received{401, "refused from kiosk " + d.kiosk_id + ": bad signature"};
    return std::nullopt;
}

std::optional<json> ParseBody(const std::string& body, std::string& why) {
    try {
        return json::parse(body);
    } catch (const json::parse_error& e) {
        // e.what() quotes the body near the error, and a body may hold a phone number.
        why = "malformed JSON at byte " + std::to_string(e.byte);
        return std::nullopt;
    }
}

std::string Str(const json& j, const char* key) {
    return j.contains(key) && j[key].is_string() ? j[key].get<std::string>() : "";
}

// The heartbeat's "demand": {"2026-12-02": {"sessions": 4, ...}, ...}. A day that is not a date
// within the last year (or tomorrow, for a kiosk a little ahead), or that holds a key or count
// Balie does not know, is left out whole and named in `skipped`; the rest of the heartbeat counts.
core::DemandCounts ParseDemand(const json& j, long long now_ms, std::string& skipped) {
    core::DemandCounts out;
    if (!j.contains("demand")) return out;
    if (!j["demand"].is_object() || j["demand"].size() > 31) {
        skipped = "demand is not an object of at most 31 days";
        return out;
    }
    core::Date today = core::LocalDateOf(now_ms / 1000);
    for (const auto& [day, keys] : j["demand"].items()) {
        auto date = core::ParseDate(day);
        std::string why;
        if (!date || core::DaysBetween(*date, today) > 366 || core::DaysBetween(today, *date) > 1)
            why = "not a recent date";
        else if (!keys.is_object() || keys.size() > core::kMaxDemandKeysPerDay)
            why = "not an object of at most " + std::to_string(core::kMaxDemandKeysPerDay) + " counts";
        else
            for (const auto& [key, n] : keys.items())
                if (!core::ValidDemandKey(key) || !n.is_number_integer() || n.get<long long>() < 0 ||
                    n.get<long long>() > 1'000'000) {
                    why = "an unknown key or a count out of range";
                    break;
                }
        if (!why.empty()) {
            // The day is only named when it is a date: a kiosk's text never reaches the log.
            skipped += (skipped.empty() ? "" : "; ") + (date ? day : std::string("a day")) + ": " + why;
            continue;
        }
        for (const auto& [key, n] : keys.items()) out[day][key] = n.get<long long>();
    }
    return out;
}

}  // namespace

core::Result<IncomingRequest> ParseRequestJson(const std::string& body) {
    std::string why;
    auto parsed = ParseBody(body, why);
    if (!parsed) return Bad(why);
    const json& j = *parsed;
    if (!j.is_object()) return Bad("the body is not a JSON object");
    IncomingRequest r;
    r.key = Str(j, "idempotency_key");
    r.reference = Str(j, "reference");
    r.kiosk_id = Str(j, "kiosk_id");
    r.kind = Str(j, "kind");
    r.language = Str(j, "language");
    if (r.key.empty() || r.key.size() > 128) return Bad("idempotency_key missing");
    if (r.reference.empty() || r.reference.size() > 32) return Bad("reference missing");
    if (r.kind != "appointment" && r.kind != "interest") return Bad("kind is not appointment or interest");
    if (r.language.empty() || r.language.size() > 16) return Bad("language missing");
    if (j.contains("created_ms") && j["created_ms"].is_number_integer()) r.created_ms = j["created_ms"];
    if (j.contains("activities")) {
        if (!j["activities"].is_array() || j["activities"].size() > 10)
            return Bad("activities is not a short list");
        for (const auto& a : j["activities"]) {
            if (!a.is_object()) return Bad("an activity is not an object");
            r.activities.emplace_back(Str(a, "id"), Str(a, "title"));
        }
    }
    if (j.contains("children")) {
        if (!j["children"].is_array() || j["children"].size() > 20)
            return Bad("children is not a short list");
        for (const auto& c : j["children"]) {
            if (!c.is_number_integer() || c.get<long long>() < 0 || c.get<long long>() > 99)
                return Bad("a child's age is not a number from 0 to 99");
            r.children.push_back(c.get<int>());
        }
    }
    if (!j.contains("contact") || !j["contact"].is_object()) return Bad("contact missing");
    const json& c = j["contact"];
    r.contact_mode = Str(c, "mode");
    if (r.contact_mode == "phone") {
        r.phone = Str(c, "phone");
        // E.164: a + and at most 15 digits, from any country.
        if (r.phone.size() < 8 || r.phone.size() > 16 || r.phone[0] != '+' ||
            r.phone.find_first_not_of("0123456789", 1) != std::string::npos)
            return Bad("contact.phone is not an E.164 phone number");
        r.whatsapp = c.contains("whatsapp") && c["whatsapp"].is_boolean() && c["whatsapp"].get<bool>();
    } else if (r.contact_mode != "come-back-to-desk") {
        return Bad("contact.mode is not phone or come-back-to-desk");
    }
    r.interpreter =
        j.contains("interpreter") && j["interpreter"].is_boolean() && j["interpreter"].get<bool>();
    if (j.contains("day_parts")) {
        if (!j["day_parts"].is_array() || j["day_parts"].size() > 8)
            return Bad("day_parts is not a short list");
        for (const auto& p : j["day_parts"]) {
            std::string part = p.is_string() ? p.get<std::string>() : "";
            if (part != "morning" && part != "afternoon" && part != "evening" && part != "saturday")
                return Bad("a day part is unknown");
            r.day_parts.push_back(part);
        }
    }
    if (j.contains("help")) {
        if (!j["help"].is_array() || j["help"].size() > static_cast<size_t>(core::kHelpCount))
            return Bad("help is not a short list");
        for (const auto& h : j["help"]) {
            std::string kind = h.is_string() ? h.get<std::string>() : "";
            if (!core::HelpFromCode(kind)) return Bad("a kind of help is unknown");
            if (std::find(r.help.begin(), r.help.end(), kind) == r.help.end()) r.help.push_back(kind);
        }
    }
    return r;
}

Received ReceiveRequest(BalieStore& store, const Delivery& d, long long now_ms, int window_s) {
    if (auto refused = CheckSigned(store, d, now_ms, window_s)) return *refused;
    auto r = ParseRequestJson(d.body);
    if (!r) return {400, "bad request from kiosk " + d.kiosk_id + ": " + r.error().message};
    const IncomingRequest& in = r.value();
    if (in.key != d.idempotency_key)
        return {400, "bad request from kiosk " + d.kiosk_id + ": Idempotency-Key differs from the body's"};
    // Signed with this kiosk's secret, so it can only speak for itself.
    if (in.kiosk_id != d.kiosk_id)
        return {403, "refused from kiosk " + d.kiosk_id + ": the body names another kiosk"};
    auto fresh = store.InsertRequest(in, now_ms);
    if (!fresh) return {500, "database: " + fresh.error().message};
    if (!fresh.value()) return {200, "repeat of request " + in.reference + " from kiosk " + d.kiosk_id};
    return {201, "stored request " + in.reference + " from kiosk " + d.kiosk_id, in.reference,
            in.kind == "interest"};
}

Received ReceiveHeartbeat(BalieStore& store, const Delivery& d, long long now_ms, int window_s) {
    if (auto refused = CheckSigned(store, d, now_ms, window_s)) return *refused;
    std::string why;
    auto j = ParseBody(d.body, why);
    if (!j) return {400, "bad heartbeat from kiosk " + d.kiosk_id + ": " + why};
    if (!j->is_object()) return {400, "bad heartbeat from kiosk " + d.kiosk_id + ": not a JSON object"};
    if (Str(*j, "kiosk_id") != d.kiosk_id)
        return {403, "refused heartbeat from kiosk " + d.kiosk_id + ": the body names another kiosk"};
    auto num = [&](const char* k) {
        return j->contains(k) && (*j)[k].is_number_integer() ? (*j)[k].get<long long>() : 0LL;
    };
    Heartbeat h{num("catalogue_version"),
                Str(*j, "last_sync"),
                num("outbox_depth"),
                num("uptime_s"),
                Str(*j, "last_error").substr(0, 500),
                num("outbox_oldest_s")};
    if (auto s = store.RecordHeartbeat(d.kiosk_id, h, now_ms); !s)
        return {500, "database: " + s.error().message};
    std::string skipped;
    core::DemandCounts demand = ParseDemand(*j, now_ms, skipped);
    if (auto s = store.RecordDemand(d.kiosk_id, demand); !s) return {500, "database: " + s.error().message};
    if (!skipped.empty()) return {204, "heartbeat from kiosk " + d.kiosk_id + ": demand skipped: " + skipped};
    return {204, ""};
}

}  // namespace brugpunt::balie
