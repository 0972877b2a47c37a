#include <catch2/catch.hpp>

#include "text/qr.h"

using namespace brugpunt::text;

TEST_CASE("A QR code has the size of a QR version and its three finder patterns") {
    auto qr = EncodeQr("Brugpunt K7Q-4XM: zaterdag 10:00, Sporthal De Brug, Kerkstraat 1");
    REQUIRE(qr);
    const QrModules& m = qr.value();
    CHECK(m.size >= 21);
    CHECK((m.size - 17) % 4 == 0);  // version v has 17 + 4v modules a side
    REQUIRE(m.dark.size() == static_cast<size_t>(m.size) * m.size);
    // A finder pattern: a dark 7x7 ring, a light ring inside it, a dark 3x3 centre.
    auto finder_at = [&](int x0, int y0) {
        for (int y = 0; y < 7; ++y)
            for (int x = 0; x < 7; ++x) {
                bool ring = x == 0 || y == 0 || x == 6 || y == 6;
                bool centre = x >= 2 && x <= 4 && y >= 2 && y <= 4;
                if (m.Dark(x0 + x, y0 + y) != (ring || centre)) return false;
            }
        return true;
    };
    CHECK(finder_at(0, 0));
    CHECK(finder_at(m.size - 7, 0));
    CHECK(finder_at(0, m.size - 7));
    CHECK_FALSE(finder_at(m.size - 7, m.size - 7));  // the fourth corner has none
}

TEST_CASE("A longer text takes a bigger QR code, the same text the same one") {
    auto small = EncodeQr("K7Q-4XM");
    auto big = EncodeQr(std::string(600, 'x'));
    REQUIRE(small);
    REQUIRE(big);
    CHECK(big.value().size > small.value().size);
    CHECK(EncodeQr("K7Q-4XM").value().dark == small.value().dark);
}

TEST_CASE("Nothing, or more than a QR code holds, is an error with a reason") {
    CHECK_FALSE(EncodeQr(""));
    auto huge = EncodeQr(std::string(5000, 'x'));
    REQUIRE_FALSE(huge);
    CHECK(huge.error().message.find("5000 bytes") != std::string::npos);
}
