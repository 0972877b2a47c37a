// The kiosk library without a window: actions in, outbox rows, speaker calls and view models out.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <limits>

#include "app/kiosk.h"
#include "app/screen_script.h"
#include "core/filter.h"
#include "core/options.h"
#include "core/screen_names.h"
#include "store/catalogue_json.h"
#include "store/catalogue_loader.h"
#include "store/outbox.h"

using namespace brugpunt;
using namespace brugpunt::core::action;
using namespace std::chrono_literals;

namespace {

const core::Catalogue& Demo() {
    static const core::Catalogue demo = [] {
        auto parsed = store::LoadCatalogueFile(BRUGPUNT_SOURCE_DIR "/assets/demo/catalogue.json");
        REQUIRE(parsed);
        return parsed->catalogue;
    }();
    return demo;
}

app::LoadedCatalogue Load(const core::Catalogue& c) {
    auto db = store::CatalogueDb::Open(":memory:");
    REQUIRE(db);
    REQUIRE(db->Replace(c));
    app::LoadedCatalogue out;
    out.db = std::make_unique<store::CatalogueDb>(std::move(db.value()));
    auto loaded = out.db->Load();
    REQUIRE(loaded);
    out.catalogue = std::make_shared<const core::Catalogue>(std::move(loaded.value()));
    return out;
}

// Records what the kiosk asked of its speaker.
struct RecordingSpeaker final : app::SpeakerPort {
    std::vector<std::string> calls;
    void Say(const core::Utterance& text, const std::string& language) override {
        calls.push_back("say " + language + ": " + text.dutch +
                        (text.clip.empty() ? "" : " clip " + text.clip));
        last = text;
    }
    core::Utterance last;
    void Stop() override { calls.push_back("stop"); }
    void Pause() override { calls.push_back("pause"); }
    void Resume() override { calls.push_back("resume"); }
    void Replay() override { calls.push_back("replay"); }
    void SetVolume(int percent) override { calls.push_back("volume " + std::to_string(percent)); }
    ui::AudioState state = ui::AudioState::kIdle;
    ui::AudioState State() const override { return state; }
    std::string TakeProblem() override { return ""; }
    bool Said(const std::string& call) const {
        return std::find(calls.begin(), calls.end(), call) != calls.end();
    }
};

// An outbox whose disk is full.
struct FullOutbox final : store::OutboxStore {
    core::VoidResult Add(const store::OutboxItem&) override {
        return core::Error{core::ErrorCode::kIo, "database or disk is full"};
    }
    core::Result<std::vector<store::OutboxItem>> Due(long long, int) override {
        return std::vector<store::OutboxItem>{};
    }
    core::VoidResult Acknowledge(long long) override { return core::Ok{}; }
    core::VoidResult Postpone(long long, long long, const std::string&) override { return core::Ok{}; }
    core::Result<std::vector<std::string>> DropOlderThan(long long) override {
        return std::vector<std::string>{};
    }
    core::Result<store::OutboxStats> Stats() override { return store::OutboxStats{}; }
};

struct Fixture {
    core::Translations translations;
    core::Config config;
    std::vector<std::string> log;
    core::ManualClock clock;
    app::Kiosk kiosk;

    explicit Fixture(const core::Catalogue& c = Demo())
        : kiosk(Load(c), core::SessionPolicy{90s, 20s, "1234"}, nullptr, &translations, Config(),
                {2026, 12, 2}, [this](const std::string& line) { log.push_back(line); }) {}
    static core::Config Config() {
        core::Config c;
        c.kiosk_id = "balie-1";
        return c;
    }
    bool Go(const std::string& screen) {
        auto r = core::ParseScreen(screen);
        REQUIRE(r);
        auto a = app::ActionsToShow({r.value()}, kiosk.Catalogue(), kiosk.Activities(), kiosk.Policy(),
                                    clock.Now());
        REQUIRE(a);
        return kiosk.Apply(a.value(), clock.Now());
    }
};

}  // namespace

TEST_CASE("Kiosk: a submitted request is in the outbox before the confirmation shows") {
    Fixture f;
    auto outbox = store::SqliteOutbox::Open(":memory:");
    REQUIRE(outbox);
    int woken = 0;
    f.kiosk.SetOutbox(outbox.value().get(), [&] { ++woken; });
    RecordingSpeaker speaker;
    f.kiosk.SetSpeaker(&speaker, "nl");
    f.Go("appointment:consent");
    REQUIRE(f.kiosk.View().draft.step == core::Step::kConsent);
    speaker.calls.clear();
    f.kiosk.Apply({GiveConsent{}}, f.clock.Now());

    const ui::ViewModel& vm = f.kiosk.View();
    CHECK(vm.draft.step == core::Step::kDone);
    REQUIRE(vm.draft.reference.size() == 7);
    auto stats = outbox.value()->Stats();
    REQUIRE(stats);
    CHECK(stats->depth == 1);
    auto due = outbox.value()->Due(std::numeric_limits<long long>::max(), 10);
    REQUIRE(due);
    REQUIRE(due->size() == 1);
    CHECK(due->front().reference == vm.draft.reference);
    CHECK(due->front().payload.find("+32470000000") != std::string::npos);  // the normalised number
    CHECK(woken == 1);
    // The answer went through Reduce with its effects: moving to "Gelukt" silenced the consent.
    CHECK(speaker.Said("stop"));
    // What stays in memory after the outbox has it: no phone number.
    CHECK(vm.draft.request.phone.empty());
    CHECK(std::any_of(f.log.begin(), f.log.end(), [&](const std::string& l) {
        return l == "outbox: queued request " + vm.draft.reference;
    }));
}

TEST_CASE("Kiosk: a full disk is told to the visitor and the staff screen, not confirmed") {
    Fixture f;
    FullOutbox outbox;
    f.kiosk.SetOutbox(&outbox, [] {});
    f.Go("appointment:consent");
    f.kiosk.Apply({GiveConsent{}}, f.clock.Now());
    CHECK(f.kiosk.View().draft.step == core::Step::kFailed);
    CHECK(f.kiosk.View().draft.error == "database or disk is full");
    CHECK(f.kiosk.View().draft.reference.empty());
    CHECK(f.kiosk.View().staff_status.last_error == "database or disk is full");
}

TEST_CASE("Kiosk: without an outbox, submitting fails visibly") {
    Fixture f;
    f.Go("appointment:consent");
    f.kiosk.Apply({GiveConsent{}}, f.clock.Now());
    CHECK(f.kiosk.View().draft.step == core::Step::kFailed);
    CHECK(f.kiosk.View().draft.error == "no outbox");
}

TEST_CASE("Kiosk: the activity on screen disappears in a new catalogue, and the visitor goes home") {
    Fixture f;
    f.Go("detail:voetbal-u8");
    REQUIRE(f.kiosk.View().screen == core::Screen::kDetail);
    REQUIRE(f.kiosk.View().detail->id == "voetbal-u8");

    core::Catalogue next = Demo();
    std::erase_if(next.activities, [](const core::Activity& a) { return a.id == "voetbal-u8"; });
    f.kiosk.ReplaceCatalogue(Load(next), f.clock.Now());
    CHECK(f.kiosk.TakeCatalogueSwapped());
    CHECK_FALSE(f.kiosk.TakeCatalogueSwapped());  // once per swap
    CHECK(f.kiosk.View().screen == core::Screen::kHome);
    CHECK(f.kiosk.View().detail == nullptr);
    CHECK(f.kiosk.View().catalogue->activities.size() == Demo().activities.size() - 1);
}

TEST_CASE(
    "Kiosk: before its first catalogue the kiosk shows attract and takes no tap, the first one is no swap") {
    core::Translations translations;
    std::vector<std::string> log;
    core::ManualClock clock;
    app::Kiosk kiosk(app::LoadedCatalogue{}, core::SessionPolicy{90s, 20s, "1234"}, nullptr, &translations,
                     core::Config{}, {2026, 12, 2}, [&](const std::string& line) { log.push_back(line); });
    CHECK_FALSE(kiosk.HasCatalogue());
    CHECK(kiosk.View().screen == core::Screen::kAttract);
    CHECK(kiosk.View().catalogue->activities.empty());
    kiosk.Apply({Start{}, OpenCategory{"sport"}}, clock.Now());
    CHECK(kiosk.View().screen == core::Screen::kAttract);  // a tap waits for nothing

    app::LoadedCatalogue old = kiosk.ReplaceCatalogue(Load(Demo()), clock.Now());
    CHECK_FALSE(old.db);  // the empty stand-in comes back, to be freed by the caller
    CHECK(kiosk.HasCatalogue());
    CHECK_FALSE(kiosk.TakeCatalogueSwapped());
    kiosk.Apply({Start{}, OpenCategory{"sport"}}, clock.Now());
    CHECK(kiosk.View().screen == core::Screen::kList);
    CHECK_FALSE(kiosk.View().list.empty());

    // A swap hands the catalogue it replaced back, still whole.
    app::LoadedCatalogue previous = kiosk.ReplaceCatalogue(Load(Demo()), clock.Now());
    CHECK(kiosk.TakeCatalogueSwapped());
    REQUIRE(previous.catalogue);
    CHECK(previous.catalogue->activities.size() == Demo().activities.size());
    CHECK(previous.catalogue != kiosk.View().catalogue);
}

TEST_CASE("Kiosk: a new catalogue that keeps the activity keeps the visitor where they are") {
    Fixture f;
    f.Go("detail:voetbal-u8");
    core::Catalogue next = Demo();
    next.activities.front().title = "Voetbal (nieuw)";
    f.kiosk.ReplaceCatalogue(Load(next), f.clock.Now());
    REQUIRE(f.kiosk.View().screen == core::Screen::kDetail);
    CHECK(f.kiosk.View().detail->title == "Voetbal (nieuw)");  // the new catalogue's text, not the old
    // The list behind it is the new catalogue's too.
    const ui::ViewModel& vm = f.kiosk.View();
    CHECK(vm.activities.get() == &f.kiosk.Activities());
    REQUIRE_FALSE(vm.list.empty());
    bool renamed = false;
    for (size_t position : vm.list) {
        auto a = vm.activities->At(position);
        REQUIRE(a);
        if (a->id == next.activities.front().id) renamed = a->title == "Voetbal (nieuw)";
    }
    CHECK(renamed);
}

TEST_CASE("Kiosk: a catalogue from a db file is read as it is shown, not held in memory") {
    namespace fs = std::filesystem;
    fs::path dir = fs::temp_directory_path() / ("brugpunt-kiosk-db-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    std::string path = (dir / "catalogue.db").string();
    REQUIRE(store::WriteCatalogueDb(Demo(), "x", path));
    auto opened = store::OpenCatalogue(path);
    REQUIRE(opened);
    REQUIRE(opened->db_activities);
    const store::DbActivities* reader = opened->db_activities.get();

    Fixture f;
    f.kiosk.ReplaceCatalogue(std::move(opened.value()), f.clock.Now());
    CHECK(f.kiosk.Catalogue().activities.empty());  // the header only
    CHECK(f.kiosk.Activities().Count() == Demo().activities.size());
    f.Go("list:sport");
    // The list is positions: what it holds is read when a row is drawn, and nothing was yet.
    core::Filter sport{"sport"};
    sport.open_on = f.kiosk.View().today;
    size_t expected = std::count_if(Demo().activities.begin(), Demo().activities.end(),
                                    [&](const core::Activity& a) { return core::Matches(a, sport); });
    CHECK(f.kiosk.View().list.size() == expected);
    CHECK(reader->Kept() == 0);

    f.Go("detail:voetbal-u8");
    REQUIRE(f.kiosk.View().detail);
    CHECK(*f.kiosk.View().detail == *Demo().FindActivity("voetbal-u8"));
    CHECK(reader->Kept() >= 1);
    CHECK(reader->Kept() <= store::DbActivities::kKept);
    fs::remove_all(dir);
}

TEST_CASE(
    "Kiosk: a list prepared for the session's filter and day is taken at the swap, one for another is not") {
    Fixture f;
    f.Go("list:sport");
    const core::Filter filter = f.kiosk.Session().filter;
    app::PreparedList prepared = app::PrepareList(Load(Demo()), filter, f.kiosk.View().today);
    REQUIRE(prepared.answered);
    CHECK(prepared.positions == f.kiosk.View().list);  // the answer the kiosk gives itself
    CHECK(prepared.digests.size() == prepared.positions.size());
    prepared.positions = {0};  // marked: only a kiosk that takes it shows this list
    prepared.digests = {7};
    f.kiosk.ReplaceCatalogue(Load(Demo()), f.clock.Now(), &prepared);
    CHECK(f.kiosk.View().list == std::vector<size_t>{0});
    CHECK(f.kiosk.View().list_digests == std::vector<uint64_t>{7});

    app::PreparedList other_filter = prepared;
    other_filter.filter.free_only = !filter.free_only;
    f.kiosk.ReplaceCatalogue(Load(Demo()), f.clock.Now(), &other_filter);
    CHECK(f.kiosk.View().list.size() > 1);  // asked again
    app::PreparedList other_day = prepared;
    other_day.today = {2030, 1, 1};
    f.kiosk.ReplaceCatalogue(Load(Demo()), f.clock.Now(), &other_day);
    CHECK(f.kiosk.View().list.size() > 1);
}

TEST_CASE("Kiosk: the view model follows a language change at once") {
    Fixture f;
    f.Go("home");
    RecordingSpeaker speaker;
    f.kiosk.SetSpeaker(&speaker, "nl ar");
    f.kiosk.Apply({OpenLanguages{}}, f.clock.Now());
    CHECK(f.kiosk.View().language_picker);
    f.kiosk.Apply({ChooseLanguage{"ar"}, ToggleSubtitles{}}, f.clock.Now());
    CHECK(f.kiosk.View().language == "ar");
    CHECK_FALSE(f.kiosk.View().language_picker);
    CHECK(f.kiosk.View().Subtitled());
    CHECK(f.kiosk.View().staff_status.voices == "nl ar");
    // A speaker button now speaks in the visitor's language.
    f.kiosk.Apply({Speak{{.dutch = "Sport"}}}, f.clock.Now());
    CHECK(speaker.Said("say ar: Sport"));
}

TEST_CASE("Kiosk: a recorded phrase in the catalogue's folder stands in for the visitor's language") {
    namespace fs = std::filesystem;
    fs::path root = fs::temp_directory_path() / ("brugpunt-phrases-" + std::to_string(getpid()));
    fs::create_directories(root / "phrases/so");
    for (const char* name : {"home.title.wav", "speech.ask_desk.opus"})
        std::ofstream(root / "phrases/so" / name) << "x";
    app::LoadedCatalogue loaded = Load(Demo());
    loaded.media_root = root.string();
    core::Translations translations;
    std::vector<std::string> log;
    app::Kiosk kiosk(std::move(loaded), core::SessionPolicy{90s, 20s, "1234"}, nullptr, &translations,
                     Fixture::Config(), {2026, 12, 2}, [&](const std::string& line) { log.push_back(line); });
    RecordingSpeaker speaker;
    kiosk.SetSpeaker(&speaker, "nl ar");
    core::ManualClock clock;
    kiosk.Apply({ChooseLanguage{"so"}}, clock.Now());
    kiosk.Apply({Speak{{.dutch = "Wat wil je doen?", .key = "home.title"}}}, clock.Now());
    CHECK(speaker.last.clip == (root / "phrases/so/home.title.wav").string());
    CHECK(speaker.last.ask_clip == (root / "phrases/so/speech.ask_desk.opus").string());
    // A phrase nobody recorded: no clip, and the recorded "ask at the desk" is what plays.
    kiosk.Apply({Speak{{.dutch = "Sport", .key = "home.desk"}}}, clock.Now());
    CHECK(speaker.last.clip.empty());
    auto plan = core::PlanSpeech(speaker.last, "so", core::VoiceSet{{"nl", "ar"}, false}, "");
    CHECK(plan.source == core::SpeechSource::kNoVoice);
    REQUIRE(plan.parts.size() == 1);
    CHECK(plan.parts[0].content == speaker.last.ask_clip);
    // A key shaped like a path is never looked up.
    CHECK(core::PhraseClip(root.string(), "so", "../so/home.title").empty());
    CHECK(core::PhraseClip(root.string(), "..", "home.title").empty());
    // In Dutch nothing is looked up.
    kiosk.Apply({ChooseLanguage{"nl"}}, clock.Now());
    kiosk.Apply({Speak{{.dutch = "Wat wil je doen?", .key = "home.title"}}}, clock.Now());
    CHECK(speaker.last.clip.empty());
    fs::remove_all(root);
}

TEST_CASE("Kiosk: BuildViewModel is a function of its inputs") {
    const core::CataloguePtr c = std::make_shared<const core::Catalogue>(Demo());
    core::Session s;
    s.screen = core::Screen::kDetail;
    s.activity_id = "meisjesvoetbal";
    s.category = "sport";
    s.chosen = {"voetbal-u8", "nope"};
    s.language = "uk";
    s.volume = 50;
    ui::ViewModel fixed;
    fixed.version = "9.9";
    ui::StaffStatus staff;
    staff.kiosk_id = "k";
    core::SessionPolicy policy;
    std::vector<size_t> list = {0};
    core::ActivitySourcePtr activities = core::ActivitiesOf(c);
    std::vector<uint64_t> digests = {42};
    ui::ViewModel vm =
        app::BuildViewModel(fixed, s, c, activities, list, digests, staff, policy, core::TimePoint{});
    CHECK(vm.screen == core::Screen::kDetail);
    REQUIRE(vm.detail);
    CHECK(vm.detail->id == "meisjesvoetbal");
    REQUIRE(vm.category);
    CHECK(vm.category->id == "sport");
    REQUIRE(vm.chosen.size() == 1);  // an id the catalogue lacks is left out
    CHECK(vm.chosen[0]->id == "voetbal-u8");
    CHECK(vm.language == "uk");
    CHECK(vm.volume == 50);
    CHECK(vm.version == "9.9");
    CHECK(vm.staff_status.kiosk_id == "k");
    CHECK(vm.list == list);
    CHECK(vm.list_digests == digests);
    ui::ViewModel again =
        app::BuildViewModel(fixed, s, c, activities, list, digests, staff, policy, core::TimePoint{});
    CHECK(again.detail == vm.detail);
    CHECK(again.chosen == vm.chosen);
}

TEST_CASE("Kiosk: worker reports ask for a frame only on the staff screen") {
    Fixture f;
    f.Go("home");
    sync::SyncStatus busy;
    busy.busy = true;
    busy.done = 10;
    busy.total = 100;
    CHECK_FALSE(f.kiosk.SetSyncStatus(busy));
    CHECK_FALSE(f.kiosk.SetStaffStatus({}, 0));
    CHECK(f.kiosk.View().staff_status.sync_busy);  // kept for when staff look

    Fixture staff;
    staff.Go("staff:status");
    REQUIRE(staff.kiosk.View().screen == core::Screen::kStaff);
    CHECK(staff.kiosk.SetSyncStatus(busy));
    CHECK(staff.kiosk.View().staff_status.sync_total == 100);
}

TEST_CASE("Screenshot script: sample activities come from the catalogue it has") {
    const core::Catalogue& demo = Demo();
    core::CatalogueActivities demo_activities(std::make_shared<const core::Catalogue>(demo));
    auto first = app::SampleForAppointment(demo_activities);
    REQUIRE(first);
    CHECK(first->id == "voetbal-u8");
    auto second = app::SecondChoiceFor(demo_activities, *first);
    REQUIRE(second);
    CHECK(second->id == "meisjesvoetbal");
    auto interest = app::SampleForInterest(demo_activities);
    REQUIRE(interest);
    CHECK(interest->id == "muziekacademie-notenleer");

    // Another municipality's catalogue, without the demo's ids, still has every screen.
    core::Catalogue other = demo;
    for (auto& a : other.activities) a.id = "x-" + a.id;
    Fixture f(other);
    CHECK(f.Go("appointment:done"));
    CHECK(f.kiosk.View().draft.step == core::Step::kDone);
    CHECK(f.kiosk.View().chosen.size() == 2);
    Fixture g(other);
    g.Go("appointment:interest");
    CHECK(g.kiosk.View().draft.request.kind == core::RequestKind::kInterest);
    CHECK(g.kiosk.View().draft.request.activity_ids ==
          std::vector<std::string>{"x-muziekacademie-notenleer"});

    // A catalogue with nothing free says so instead of showing a made-up screen.
    core::Catalogue full = demo;
    for (auto& a : full.activities) a.availability.status = core::Status::kFull;
    auto r = core::ParseScreen("appointment:about");
    REQUIRE(r);
    core::CatalogueActivities full_activities(std::make_shared<const core::Catalogue>(full));
    auto a = app::ActionsToShow({r.value()}, full, full_activities, {}, {});
    REQUIRE_FALSE(a);
    CHECK(a.error().message == "the catalogue has no activity with places free");
    auto bad =
        app::ActionsToShow({core::ScreenRequest{"appointment", "lunch"}}, demo, demo_activities, {}, {});
    REQUIRE_FALSE(bad);
    CHECK(bad.error().message == "unknown step 'lunch'");
}

TEST_CASE("Screenshot script: every step is reached by the actions a visitor makes") {
    for (core::Step step : core::AllSteps()) {
        Fixture f;
        f.Go(std::string("appointment:") + core::NameOf(step));
        CHECK(f.kiosk.View().screen == core::Screen::kAppointment);
        CHECK(f.kiosk.View().draft.step == step);
    }
}

TEST_CASE("Kiosk: an activity whose last date passes leaves the list at midnight, without a sync") {
    core::Catalogue c = Demo();
    c.activities[0].schedule.last_date = core::Date{2026, 12, 2};  // the fixture's today
    c.activities[1].schedule.last_date = core::Date{2026, 12, 1};  // over already
    Fixture f(c);
    f.Go("list:" + c.activities[0].category);
    auto shown = [&](const std::string& id) {
        const auto& vm = f.kiosk.View();
        return std::any_of(vm.list.begin(), vm.list.end(),
                           [&](size_t position) { return vm.activities->At(position)->id == id; });
    };
    CHECK(shown(c.activities[0].id));
    CHECK_FALSE(shown(c.activities[1].id));
    CHECK(shown(c.activities[2].id));
    CHECK_FALSE(f.kiosk.SetToday({2026, 12, 2}));  // the same day: nothing to do
    CHECK(f.kiosk.SetToday({2026, 12, 3}));
    CHECK_FALSE(shown(c.activities[0].id));
    CHECK(shown(c.activities[2].id));
    CHECK(f.kiosk.View().today == core::Date{2026, 12, 3});
}

TEST_CASE("Kiosk: a clip outside the catalogue's folder is never handed to the speaker") {
    // The loader refuses such a catalogue; a catalogue db made elsewhere still must not play
    // /etc/passwd as a recording. The speaker says the text instead.
    app::LoadedCatalogue loaded = Load(Demo());
    loaded.media_root = "/srv/catalogue";
    std::vector<std::string> log;
    core::Translations translations;
    app::Kiosk kiosk(std::move(loaded), core::SessionPolicy{90s, 20s, "1234"}, nullptr, &translations,
                     Fixture::Config(), {2026, 12, 2}, [&](const std::string& line) { log.push_back(line); });
    RecordingSpeaker speaker;
    kiosk.SetSpeaker(&speaker, "nl");
    core::ManualClock clock;
    kiosk.Apply({Speak{{.dutch = "Sport", .clip = "/srv/catalogue/media/a.wav"}}}, clock.Now());
    kiosk.Apply({Speak{{.dutch = "Dans", .clip = "/srv/catalogue/../../etc/passwd"}}}, clock.Now());
    kiosk.Apply({Speak{{.dutch = "Lezen", .clip = "/etc/passwd"}}}, clock.Now());
    CHECK(speaker.Said("say nl: Sport clip /srv/catalogue/media/a.wav"));
    CHECK(speaker.Said("say nl: Dans"));
    CHECK(speaker.Said("say nl: Lezen"));
    CHECK(std::count_if(log.begin(), log.end(),
                        [](const std::string& l) { return l.find("not played") != std::string::npos; }) == 2);
}

namespace {

// The visitor leaves: the warning comes after 90 s and the session is wiped 20 s later.
void WalkAway(Fixture& f) {
    f.clock.Advance(90s);
    f.kiosk.Apply({Tick{f.clock.Now()}}, f.clock.Now());
    f.clock.Advance(21s);
    f.kiosk.Apply({Tick{f.clock.Now()}}, f.clock.Now());
}

// Records each write of demand counts.
struct RecordingDemand final : store::DemandStore {
    std::vector<core::DemandCounts> writes;
    core::VoidResult Add(const core::DemandCounts& counts) override {
        writes.push_back(counts);
        return core::Ok{};
    }
};

}  // namespace

TEST_CASE("Kiosk: a visitor listening is there: no warning while speech plays, the timer runs again after") {
    Fixture f;
    RecordingSpeaker speaker;
    f.kiosk.SetSpeaker(&speaker, "nl");
    f.Go("home");
    speaker.state = ui::AudioState::kPlaying;
    f.kiosk.RefreshAudio();
    for (int i = 0; i < 6; ++i) {  // three minutes of listening to long texts
        f.clock.Advance(30s);
        f.kiosk.Apply({Tick{f.clock.Now()}}, f.clock.Now());
        CHECK_FALSE(f.kiosk.View().warning);
    }
    speaker.state = ui::AudioState::kPaused;  // paused is not listening
    f.kiosk.RefreshAudio();
    f.clock.Advance(91s);
    f.kiosk.Apply({Tick{f.clock.Now()}}, f.clock.Now());
    CHECK(f.kiosk.View().warning);
}

TEST_CASE("Kiosk: what a visitor looked at is written once, when the kiosk is back on attract") {
    Fixture f;
    RecordingDemand demand;
    f.kiosk.SetDemand(&demand);
    f.kiosk.Apply({Start{}, OpenCategory{"sport"}, OpenActivity{"meisjesvoetbal"}, Back{}}, f.clock.Now());
    // An age nobody in sport takes: the list comes up empty.
    f.kiosk.Apply({SetAge{99}}, f.clock.Now());
    REQUIRE(f.kiosk.View().list.empty());
    f.kiosk.Apply({ChooseLanguage{"uk"}}, f.clock.Now());
    CHECK(demand.writes.empty());  // not on every touch
    // The visitor walks away: the session is wiped and the counts go to disk in one write.
    WalkAway(f);
    REQUIRE(f.kiosk.Session().screen == core::Screen::kAttract);
    REQUIRE(demand.writes.size() == 1);
    CHECK(demand.writes[0] == core::DemandCounts{{"2026-12-02",
                                                  {{"sessions", 1},
                                                   {"category:sport", 1},
                                                   {"activity:meisjesvoetbal", 1},
                                                   {"filter:age", 1},
                                                   {"empty:sport", 1},
                                                   {"language:uk", 1}}}});
    // Nothing new, nothing written; the next visitor is counted apart.
    f.kiosk.Apply({Tick{f.clock.Now()}}, f.clock.Now());
    CHECK(demand.writes.size() == 1);
    f.kiosk.Apply({Start{}, OpenCategory{"zwemmen"}, Home{}}, f.clock.Now());
    f.kiosk.FlushDemand();
    REQUIRE(demand.writes.size() == 2);
    CHECK(demand.writes[1] == core::DemandCounts{{"2026-12-02", {{"sessions", 1}, {"category:zwemmen", 1}}}});
}

TEST_CASE("Kiosk: a sent request counts under its category, and the counts hold no request content") {
    Fixture f;
    RecordingDemand demand;
    f.kiosk.SetDemand(&demand);
    auto outbox = store::SqliteOutbox::Open(":memory:");
    REQUIRE(outbox);
    f.kiosk.SetOutbox(outbox.value().get(), [] {});
    f.Go("appointment:consent");
    f.kiosk.Apply({GiveConsent{}, Finish{}}, f.clock.Now());
    CHECK(demand.writes.empty());  // "Klaar" goes home: the same visitor may look further
    WalkAway(f);
    REQUIRE(f.kiosk.Session().screen == core::Screen::kAttract);
    REQUIRE(demand.writes.size() == 1);
    long long requests = 0;
    for (const auto& [day, keys] : demand.writes[0])
        for (const auto& [key, n] : keys) {
            if (key.starts_with("request:")) requests += n;
            // No digits of a phone number, no reference code: only the closed set of keys.
            CHECK(core::ValidDemandKey(key));
        }
    CHECK(requests == 1);
}

namespace {

// Records the cards the kiosk asked to print; its state is set by the test.
struct RecordingPrinter final : app::PrinterPort {
    std::vector<core::TakeHomeCard> cards;
    ui::PrintState state = ui::PrintState::kReady;
    std::string problem;
    void Print(const core::TakeHomeCard& card) override {
        cards.push_back(card);
        state = ui::PrintState::kPrinting;
    }
    ui::PrintState State() const override { return state; }
    std::string TakeProblem() override { return std::exchange(problem, ""); }
};

}  // namespace

TEST_CASE(
    "Kiosk: the confirmation's card goes to the printer once, and its state shows until the next request") {
    Fixture f;
    auto outbox = store::SqliteOutbox::Open(":memory:");
    REQUIRE(outbox);
    f.kiosk.SetOutbox(outbox.value().get(), [] {});
    f.Go("appointment:consent");
    CHECK(f.kiosk.View().print == ui::PrintState::kNone);  // no printer: no button
    RecordingPrinter printer;
    f.kiosk.SetPrinter(&printer);
    f.kiosk.Apply({PrintCard{}}, f.clock.Now());  // not on the confirmation: nothing to print
    CHECK(printer.cards.empty());
    f.kiosk.Apply({GiveConsent{}}, f.clock.Now());
    const std::string reference = f.kiosk.View().draft.reference;
    REQUIRE(f.kiosk.View().draft.step == core::Step::kDone);
    CHECK(f.kiosk.View().print == ui::PrintState::kReady);

    f.kiosk.Apply({PrintCard{}, PrintCard{}}, f.clock.Now());  // a double tap prints one card
    REQUIRE(printer.cards.size() == 1);
    std::string text = printer.cards[0].Text();
    REQUIRE_FALSE(f.kiosk.View().draft.request.activity_ids.empty());
    auto asked = f.kiosk.Activities().Find(f.kiosk.View().draft.request.activity_ids.front());
    REQUIRE(asked);
    CHECK(text.find(asked->title) !=
          std::string::npos);  // (the UI strings, and so the reference's line, are
                               // not loaded here; tests/ui checks the card's words)
    CHECK(text.find(f.kiosk.Catalogue().desk.phone) != std::string::npos);
    CHECK(text.find("+32") == std::string::npos);  // the visitor's number is not on the card
    CHECK(f.kiosk.View().print == ui::PrintState::kPrinting);

    printer.state = ui::PrintState::kFailed;
    printer.problem = "cannot open /dev/usb/lp0: No such device";
    CHECK(f.kiosk.RefreshPrint());
    CHECK(f.kiosk.View().print == ui::PrintState::kFailed);
    CHECK(std::count(f.log.begin(), f.log.end(), "printer: cannot open /dev/usb/lp0: No such device") == 1);
    CHECK_FALSE(f.kiosk.RefreshPrint());  // nothing new

    f.kiosk.Apply({Finish{}}, f.clock.Now());
    f.Go("appointment:consent");
    f.kiosk.Apply({GiveConsent{}}, f.clock.Now());
    CHECK(f.kiosk.View().draft.reference != reference);
    CHECK(f.kiosk.View().print == ui::PrintState::kReady);  // the next family's card is unprinted
}
