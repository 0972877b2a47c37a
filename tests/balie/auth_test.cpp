// Passwords, tokens, roles and the lock-out rule.
#include <catch2/catch.hpp>

#include "balie/auth.h"

using namespace brugpunt::balie;

TEST_CASE("an Argon2id hash verifies its own password and no other") {
    auto hash = HashPassword("correct horse battery");
    REQUIRE(hash);
    CHECK(hash->starts_with("$argon2id$"));
    CHECK(VerifyPassword(hash.value(), "correct horse battery"));
    CHECK_FALSE(VerifyPassword(hash.value(), "correct horse batterY"));
    CHECK_FALSE(VerifyPassword(hash.value(), ""));
    CHECK_FALSE(VerifyPassword("", "correct horse battery"));
    auto again = HashPassword("correct horse battery");
    REQUIRE(again);
    CHECK(again.value() != hash.value());  // salted
}

TEST_CASE("the fifth wrong password in a row locks the account for a quarter of an hour") {
    LoginState s;
    const long long now = 1'000'000;
    for (int i = 0; i < kMaxFailedLogins - 1; ++i) {
        s = AfterWrongPassword(s, now);
        CHECK_FALSE(IsLocked(s, now));
    }
    s = AfterWrongPassword(s, now);
    CHECK(IsLocked(s, now));
    CHECK(IsLocked(s, now + kLockoutMs - 1));
    CHECK_FALSE(IsLocked(s, now + kLockoutMs));
}

TEST_CASE("tokens are long, random and compared in constant time") {
    std::string a = NewToken(), b = NewToken();
    CHECK(a.size() == 64);
    CHECK(a != b);
    CHECK(SameSecret(a, a));
    CHECK_FALSE(SameSecret(a, b));
    CHECK_FALSE(SameSecret(a, a.substr(0, 63)));
    CHECK_FALSE(SameSecret("", ""));
}

TEST_CASE("roles reach only their own areas") {
    CHECK(RoleAllows(Role::kBalie, Area::kRequests));
    CHECK_FALSE(RoleAllows(Role::kBalie, Area::kAdmin));
    CHECK_FALSE(RoleAllows(Role::kBalie, Area::kCatalogue));
    CHECK_FALSE(RoleAllows(Role::kRedacteur, Area::kRequests));
    CHECK_FALSE(RoleAllows(Role::kRedacteur, Area::kAdmin));
    CHECK(RoleAllows(Role::kRedacteur, Area::kCatalogue));
    CHECK(RoleAllows(Role::kBeheerder, Area::kAdmin));
    CHECK(ParseRole("beheerder") == Role::kBeheerder);
    CHECK_FALSE(ParseRole("root"));
}
