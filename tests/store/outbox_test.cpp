#include <catch2/catch.hpp>

#include <cstdio>
#include <nlohmann/json.hpp>

#include "store/outbox.h"

using namespace brugpunt;

namespace {

store::OutboxItem Item(const std::string& key, long long created, long long due) {
    return {0, key, "REF-" + key, "{\"phone\":\"+32470123456\"}", 0, created, due};
}

std::unique_ptr<store::SqliteOutbox> Open(const std::string& path = ":memory:") {
    auto box = store::SqliteOutbox::Open(path);
    REQUIRE(box);
    return std::move(box.value());
}

}  // namespace

TEST_CASE("The outbox runs with WAL, synchronous=FULL and secure_delete") {
    std::string path = "outbox_test_pragmas.db";
    std::remove(path.c_str());
    auto box = Open(path);
    CHECK(box->Pragma("journal_mode").value() == "wal");
    CHECK(box->Pragma("synchronous").value() == "2");  // FULL
    CHECK(box->Pragma("secure_delete").value() == "1");
    box.reset();
    std::remove(path.c_str());
    std::remove((path + "-wal").c_str());
    std::remove((path + "-shm").c_str());
}

TEST_CASE("Requests come out when due, oldest first, and leave when acknowledged") {
    auto box = Open();
    REQUIRE(box->Add(Item("a", 100, 100)));
    REQUIRE(box->Add(Item("b", 200, 50)));
    REQUIRE(box->Add(Item("c", 300, 5000)));
    auto due = box->Due(1000, 10);
    REQUIRE(due);
    REQUIRE(due->size() == 2);
    CHECK(due->at(0).key == "b");
    CHECK(due->at(1).key == "a");
    REQUIRE(box->Acknowledge(due->at(0).id));
    auto st = box->Stats();
    CHECK(st->depth == 2);
    CHECK(st->delivered == 1);
    CHECK(*st->oldest_created_ms == 100);
    CHECK(*box->NextAttemptMs().value() == 100);
}

TEST_CASE("The same idempotency key cannot be queued twice") {
    auto box = Open();
    REQUIRE(box->Add(Item("a", 1, 1)));
    CHECK_FALSE(box->Add(Item("a", 2, 2)));
}

TEST_CASE("A failed attempt is postponed, counted, and its error kept for the staff screen") {
    auto box = Open();
    REQUIRE(box->Add(Item("a", 1, 1)));
    long long id = box->Due(10, 10)->at(0).id;
    REQUIRE(box->Postpone(id, 5000, "webhook: HTTP 500"));
    CHECK(box->Due(4999, 10)->empty());
    auto again = box->Due(5000, 10);
    REQUIRE(again->size() == 1);
    CHECK(again->at(0).attempts == 1);
    CHECK(box->Stats()->last_error == "webhook: HTTP 500");
}

TEST_CASE("Past the retention time, requests are dropped and counted, never silently") {
    auto box = Open();
    REQUIRE(box->Add(Item("old", 10, 10)));
    REQUIRE(box->Add(Item("new", 1000, 1000)));
    auto dropped = box->DropOlderThan(500);
    REQUIRE(dropped);
    CHECK(dropped.value() == std::vector<std::string>{"REF-old"});
    auto st = box->Stats();
    CHECK(st->depth == 1);
    CHECK(st->dropped == 1);
}

TEST_CASE("Requests survive closing and reopening the outbox") {
    std::string path = "outbox_test_reopen.db";
    std::remove(path.c_str());
    Open(path)->Add(Item("a", 1, 1));
    CHECK(Open(path)->Stats()->depth == 1);
    std::remove(path.c_str());
    std::remove((path + "-wal").c_str());
    std::remove((path + "-shm").c_str());
}

TEST_CASE("The delivered JSON carries the request and only what the desk needs") {
    core::AppointmentRequest r;
    r.kind = core::RequestKind::kInterest;
    r.activity_ids = {"muziek"};
    r.child_ages = {9, 12};
    r.phone = "+32470123456";
    r.whatsapp = true;
    r.language = "uk";
    r.interpreter = true;
    r.day_parts[static_cast<int>(core::DayPart::kEvening)] = true;
    r.consent = true;
    auto j = nlohmann::json::parse(
        store::RequestToJson(r, {"bib-1", "k3y", "ABC-DEF", 1234, {{"muziek", "Muziek"}}}));
    CHECK(j["kind"] == "interest");
    CHECK(j["idempotency_key"] == "k3y");
    CHECK(j["reference"] == "ABC-DEF");
    CHECK(j["activities"][0]["title"] == "Muziek");
    CHECK(j["children"] == nlohmann::json::array({9, 12}));
    CHECK(j["contact"]["phone"] == "+32470123456");
    CHECK(j["contact"]["whatsapp"] == true);
    CHECK(j["interpreter"] == true);
    CHECK(j["day_parts"] == nlohmann::json::array({"evening"}));
    CHECK_FALSE(j.contains("name"));  // we never ask for one
    r.contact = core::ContactMode::kComeBack;
    j = nlohmann::json::parse(store::RequestToJson(r, {"bib-1", "k", "R", 1, {}}));
    CHECK(j["contact"] == nlohmann::json{{"mode", "come-back-to-desk"}});
    CHECK(j["general_question"] == false);
}
