// outbox_fill OUTBOX_DB FIRST COUNT: adds requests FIRST..FIRST+COUNT-1 to the outbox through the
// kiosk's own path (MakeOutboxItem + Add), and prints "confirmed INDEX REFERENCE" only after each
// commit: the moment the kiosk would show its confirmation. Request i has phone 0470 i (padded).
#include <cstdio>
#include <cstdlib>
#include <string>

#include "store/outbox.h"
#include "sync/delivery.h"

using namespace brugpunt;

int main(int argc, char** argv) {
    if (argc != 4) {
        std::fprintf(stderr, "usage: outbox_fill OUTBOX_DB FIRST COUNT\n");
        return 2;
    }
    auto outbox = store::SqliteOutbox::Open(argv[1]);
    if (!outbox) {
        std::fprintf(stderr, "%s\n", outbox.error().message.c_str());
        return 1;
    }
    int first = std::atoi(argv[2]), count = std::atoi(argv[3]);
    for (int i = first; i < first + count; ++i) {
        core::AppointmentRequest r;
        r.activity_ids = {"voetbal-u8"};
        r.child_ages = {7};
        char phone[32];
        std::snprintf(phone, sizeof phone, "+32470%06d", i);
        r.phone = phone;
        r.language = "ar";
        r.consent = true;
        auto env = sync::NewEnvelope("test-kiosk", sync::WallNowMs(), {{"voetbal-u8", "Voetbal"}});
        if (auto s = outbox.value()->Add(sync::MakeOutboxItem(r, env)); !s) {
            std::fprintf(stderr, "%s\n", s.error().message.c_str());
            return 1;
        }
        std::printf("confirmed %d %s\n", i, env.reference.c_str());
        std::fflush(stdout);
    }
    return 0;
}
