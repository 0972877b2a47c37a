#include <catch2/catch.hpp>

#include "core/demand.h"

using namespace brugpunt::core;
using namespace brugpunt::core::action;

namespace {

// Reduces one action and returns what it counts for.
std::vector<std::string> Counted(Session& s, const Action& a) {
    SessionPolicy policy;
    Effects effects;
    Session before = s;
    Reduce(s, a, policy, effects);
    return DemandKeys(before, a, s, [](const std::string& id) {
        return id == "voetbal" || id == "zwemmen" ? std::string("sport")
               : id == "chiro"                    ? std::string("jeugd")
                                                  : std::string();
    });
}

using Keys = std::vector<std::string>;

}  // namespace

TEST_CASE("A visitor's walk counts the session, what was opened and the filters switched on") {
    Session s;
    CHECK(Counted(s, Start{}) == Keys{"sessions"});
    CHECK(Counted(s, OpenCategory{"sport"}) == Keys{"category:sport"});
    CHECK(Counted(s, OpenActivity{"voetbal"}) == Keys{"activity:voetbal"});
    CHECK(Counted(s, Back{}).empty());
    CHECK(Counted(s, ToggleChip{Chip::kFree}) == Keys{"filter:free"});
    // Switching it off again is not a use.
    CHECK(Counted(s, ToggleChip{Chip::kFree}).empty());
    CHECK(Counted(s, SetAge{7}) == Keys{"filter:age"});
    // Stepping the age is the same use of the filter.
    CHECK(Counted(s, SetAge{8}).empty());
    CHECK(Counted(s, ToggleAge{11}) == Keys{"filter:children"});
    CHECK(Counted(s, SetTogether{true}) == Keys{"filter:together"});
    CHECK(Counted(s, ToggleAge{13}).empty());
    CHECK(Counted(s, SetDay{Weekday::kWed}) == Keys{"filter:day"});
    CHECK(Counted(s, ChooseLanguage{"ar"}) == Keys{"language:ar"});
    CHECK(Counted(s, ChooseLanguage{"ar"}).empty());
    // Back home and into the same category again is a second opening.
    Counted(s, Home{});
    CHECK(Counted(s, OpenCategory{"sport"}) == Keys{"category:sport"});
}

TEST_CASE("A sent request counts once per category of its activities, a general question as algemeen") {
    Session s;
    s.draft.request.activity_ids = {"voetbal", "zwemmen", "chiro"};
    CHECK(Counted(s, SubmitDone{"K7Q-4XM"}) == Keys{"request:jeugd", "request:sport"});
    s.draft.request.kind = RequestKind::kInterest;
    s.draft.request.activity_ids = {"onbekend-id"};
    CHECK(Counted(s, SubmitDone{"K7Q-4XN"}) == Keys{"interest:onbekend"});
    s.draft.request.kind = RequestKind::kAppointment;
    s.draft.request.activity_ids.clear();
    CHECK(Counted(s, SubmitDone{"K7Q-4XP"}) == Keys{"request:algemeen"});
    // A request that failed to reach the outbox is not counted.
    s.draft.request.activity_ids = {"voetbal"};
    CHECK(Counted(s, SubmitFailed{"disk full"}).empty());
}

TEST_CASE("Staff opening their screen from attract is not a visitor's session") {
    Session s;
    s.screen = Screen::kStaff;
    Session before;
    CHECK(DemandKeys(before, StaffClose{}, s, [](const std::string&) { return std::string(); }).empty());
}

TEST_CASE("An id Balie would refuse is not counted, the key set is closed") {
    Session s;
    Counted(s, Start{});
    CHECK(Counted(s, OpenCategory{"Sport & <b>"}).empty());
    CHECK(ValidDemandKey("sessions"));
    CHECK(ValidDemandKey("category:sport"));
    CHECK(ValidDemandKey("empty:muziek-academie.2"));
    CHECK_FALSE(ValidDemandKey("category:"));
    CHECK_FALSE(ValidDemandKey("phone:0470"));
    CHECK_FALSE(ValidDemandKey("sessions:x"));
    CHECK_FALSE(ValidDemandKey("category:Sport"));
    CHECK_FALSE(ValidDemandKey("category:<script>"));
    CHECK_FALSE(ValidDemandKey("activity:" + std::string(65, 'a')));
    CHECK(ValidDemandKey("activity:" + std::string(64, 'a')));
    for (Chip chip : kAllChips) CHECK(ValidDemandKey(std::string("filter:") + DemandName(chip)));
}

TEST_CASE("An empty list counts under its category, or alles without one") {
    Session s;
    CHECK(EmptyListKey(s) == "empty:alles");
    s.category = "muziek";
    CHECK(EmptyListKey(s) == "empty:muziek");
}
