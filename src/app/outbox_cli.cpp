// Owns --outbox-status and --deliver-once.
#include "outbox_cli.h"

#include <cstdio>

#include "store/outbox.h"
#include "sync/crypto.h"
#include "sync/delivery.h"

namespace brugpunt::app {
namespace {

void Log(const std::string& line) {
    std::fprintf(stderr, "brugpunt: %s\n", line.c_str());
}

}  // namespace

std::string OutboxPath(const core::Config& config) {
    return config.data_dir + "/outbox.db";
}

int RunOutboxStatus(const core::Config& config) {
    auto outbox = store::SqliteOutbox::Open(OutboxPath(config));
    if (!outbox) {
        Log(outbox.error().message);
        return 1;
    }
    auto st = outbox.value()->Stats();
    if (!st) {
        Log(st.error().message);
        return 1;
    }
    long long age_s = st->oldest_created_ms ? (sync::WallNowMs() - *st->oldest_created_ms) / 1000 : 0;
    std::printf("depth: %d\noldest age: %lld s\ndelivered: %lld\ndropped: %lld\nlast error: %s\n", st->depth,
                age_s, st->delivered, st->dropped, st->last_error.empty() ? "-" : st->last_error.c_str());
    return 0;
}

int RunDeliverOnce(const core::Config& config) {
    if (config.delivery == "none") {
        Log("delivery = none in the config: nothing to deliver to");
        return 2;
    }
    auto outbox = store::SqliteOutbox::Open(OutboxPath(config));
    if (!outbox) {
        Log(outbox.error().message);
        return 1;
    }
    sync::ConfiguredChannel configured(config);
    sync::Channel& channel = *configured.Get();  // not null: delivery = none returned above
    sync::DeliveryPolicy policy = sync::PolicyFrom(config);
    sync::DeliveryReport total;
    // Batch after batch until nothing due is left; a failed request is postponed, so it stops.
    for (;;) {
        auto r = sync::DeliverDue(*outbox.value(), channel, sync::WallNowMs(), policy, sync::RandomUnit, Log);
        total.delivered += r.delivered;
        total.failed += r.failed;
        total.dropped += r.dropped;
        if (!r.last_error.empty()) total.last_error = r.last_error;
        if (r.delivered + r.failed < policy.batch) break;
    }
    auto st = outbox.value()->Stats();
    std::printf("delivered: %d\nfailed: %d\ndropped: %d\nstill queued: %d\n", total.delivered, total.failed,
                total.dropped, st ? st->depth : -1);
    return total.failed == 0 ? 0 : 1;
}

}  // namespace brugpunt::app
