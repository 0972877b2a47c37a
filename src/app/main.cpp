// Owns start-up, the wiring between store, session and screens, and the one frame loop.
// Reads top to bottom: poll events, (drain the main-thread queue once sync lands), draw, reduce,
// dispatch effects, rebuild the view model.
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <unordered_map>

#include "audio/audio.h"
#include "core/config.h"
#include "core/files.h"
#include "core/options.h"
#include "core/session.h"
#include "core/speech.h"
#include "core/strings.h"
#include "core/translations.h"
#include "outbox_cli.h"
#include "platform.h"
#include "say_cli.h"
#include "service.h"
#include "store/catalogue_db.h"
#include "store/catalogue_json.h"
#include "store/outbox.h"
#include "sync/delivery.h"
#include "sync/delivery_worker.h"
#include "sync/sync_worker.h"
#include "sync_cli.h"
#include "ui/frame_guard.h"
#include "ui/screens.h"
#include "ui/theme.h"

namespace fs = std::filesystem;
using namespace brugpunt;

namespace {

void Log(const std::string& line) {
    std::fprintf(stderr, "brugpunt: %s\n", line.c_str());
}

// Where assets live: --assets, $BRUGPUNT_ASSETS, next to the build's bin/, or the installed share/.
std::string FindAssets(const core::Options& o) {
    if (!o.assets.empty()) return o.assets;
    if (const char* env = std::getenv("BRUGPUNT_ASSETS")) return env;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec).parent_path();
    for (fs::path p : {exe / "../assets", exe / "../share/brugpunt/assets"})
        if (fs::exists(p / "pictograms", ec)) return fs::weakly_canonical(p, ec).string();
    return "assets";
}

std::string FindFonts() {
    if (const char* env = std::getenv("BRUGPUNT_FONTS")) return env;
    return "/usr/share/fonts/truetype/dejavu";
}

// For end-to-end tests that drive the real UI with X clicks: "id x0 y0 x1 y1" per widget, in
// window pixels, replaced atomically whenever the screen's widgets move.
void WriteWidgetMap(const std::string& path, std::string& last) {
    std::string text;
    char line[512];
    for (const auto& [id, r] : ui::probe::All()) {
        std::snprintf(line, sizeof line, "%s %.0f %.0f %.0f %.0f\n", id.c_str(), r.first.x, r.first.y,
                      r.second.x, r.second.y);
        text += line;
    }
    if (text == last) return;
    last = text;
    std::string tmp = path + ".tmp";
    std::ofstream(tmp) << text;
    std::rename(tmp.c_str(), path.c_str());
}

core::Date Today() {
    std::time_t t = std::time(nullptr);
    std::tm tm{};
    localtime_r(&t, &tm);
    return {tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

long long ThreadCpuMicros() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<long long>(ts.tv_sec) * 1'000'000 + ts.tv_nsec / 1000;
}

// "2026-11-23 18:05" in the kiosk's time zone, for the staff screen.
std::string FormatLocal(long long unix_seconds) {
    std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

core::Result<std::string> ReadFile(const std::string& path) {
    if (auto text = core::ReadWholeFile(path)) return std::move(*text);
    return core::Error{core::ErrorCode::kIo, "cannot open " + path};
}

// Work that background threads hand to the main thread; drained once per loop iteration.
class MainQueue {
  public:
    void Post(std::function<void()> fn) {
        {
            std::lock_guard lock(m_mutex);
            m_work.push_back(std::move(fn));
        }
        app::Platform::Wake();
    }
    bool Drain() {
        std::vector<std::function<void()>> work;
        {
            std::lock_guard lock(m_mutex);
            work.swap(m_work);
        }
        for (auto& fn : work) fn();
        return !work.empty();
    }

  private:
    std::mutex m_mutex;
    std::vector<std::function<void()>> m_work;
};

// The catalogue the UI reads, and the db that answers its searches.
struct LoadedCatalogue {
    core::CataloguePtr catalogue;
    std::unique_ptr<store::CatalogueDb> db;
};

core::Result<LoadedCatalogue> OpenCatalogue(const std::string& path) {
    LoadedCatalogue out;
    if (path.ends_with(".json")) {
        auto parsed = store::LoadCatalogueFile(path);
        if (!parsed) return parsed.error();
        for (const auto& issue : parsed->issues) Log("catalogue: " + core::FormatIssue(issue));
        if (!parsed->issues.empty())
            Log("catalogue: " + std::to_string(parsed->issues.size()) + " problems; showing it anyway");
        auto db = store::CatalogueDb::Open(":memory:");
        if (!db) return db.error();
        if (auto s = db->Replace(parsed->catalogue); !s) return s.error();
        out.db = std::make_unique<store::CatalogueDb>(std::move(db.value()));
    } else {
        auto db = store::CatalogueDb::Open(path);
        if (!db) return db.error();
        out.db = std::make_unique<store::CatalogueDb>(std::move(db.value()));
    }
    // The UI reads exactly what the store holds.
    auto loaded = out.db->Load();
    if (!loaded) return loaded.error();
    out.catalogue = std::make_shared<const core::Catalogue>(std::move(loaded.value()));
    return out;
}

class Kiosk {
  public:
    Kiosk(LoadedCatalogue catalogue, core::SessionPolicy policy, const ui::TextureSource* textures,
          const core::Translations* translations, const core::Config& config)
        : m_cat(std::move(catalogue)), m_policy(policy), m_config(config), m_translations(translations) {
        m_staff.kiosk_id = config.kiosk_id;
        m_staff.delivery = config.delivery;
        m_session.kiosk_volume = m_session.volume = config.volume;
        m_vm.textures = textures;
        m_vm.strings = &translations->Dutch();
        m_vm.translations = translations;
        m_vm.version = BRUGPUNT_VERSION;
        m_vm.today = Today();
        for (size_t i = 0; i < m_cat.catalogue->activities.size(); ++i)
            m_index[m_cat.catalogue->activities[i].id] = i;
        RefreshList();
        Rebuild(core::TimePoint{});
    }

    // Returns true when something changed that is worth drawing.
    bool Apply(const core::Actions& actions, core::TimePoint now) {
        bool changed = false;
        for (const auto& a : actions) {
            bool warning = m_session.warning;
            core::Screen screen = m_session.screen;
            core::Effects effects;
            core::Reduce(m_session, a, m_policy, effects);
            bool quiet = std::holds_alternative<core::action::Input>(a) ||
                         std::holds_alternative<core::action::Tick>(a);
            changed |=
                !quiet || warning != m_session.warning || screen != m_session.screen || !effects.empty();
            for (auto e : effects) Dispatch(e);
        }
        Rebuild(now);
        return changed;
    }

    void SetSpeaker(audio::Speaker* speaker, core::VoiceSet voices) {
        m_speaker = speaker;
        m_voices = std::move(voices);
        m_staff.voices = m_voices.Codes();
        m_speaker->SetVolume(m_session.volume / 100.0f);
    }
    // The speaker's state changed (on its thread's word): the audio controls follow it.
    bool RefreshAudio() {
        using State = audio::Speaker::State;
        ui::AudioState now = ui::AudioState::kIdle;
        switch (m_speaker ? m_speaker->GetState() : State::kIdle) {
            case State::kIdle:
                now = ui::AudioState::kIdle;
                break;
            case State::kPreparing:
                now = ui::AudioState::kPreparing;
                break;
            case State::kPlaying:
                now = ui::AudioState::kPlaying;
                break;
            case State::kPaused:
                now = ui::AudioState::kPaused;
                break;
        }
        if (m_speaker)
            if (std::string problem = m_speaker->TakeProblem(); !problem.empty()) Log("audio: " + problem);
        bool changed = now != m_vm.audio;
        m_vm.audio = now;
        return changed;
    }

    // Where "Maak een afspraak" writes; without one, submitting fails visibly.
    void SetOutbox(store::OutboxStore* outbox, std::function<void()> on_added) {
        m_outbox = outbox;
        m_on_added = std::move(on_added);
    }
    void SetStaffStatus(const sync::WorkerStatus& st, long long now_ms) {
        m_staff.outbox_depth = st.stats.depth;
        m_staff.oldest_age_s = st.stats.oldest_created_ms ? (now_ms - *st.stats.oldest_created_ms) / 1000 : 0;
        m_staff.delivered = st.stats.delivered;
        m_staff.dropped = st.stats.dropped;
        m_staff.last_error = st.stats.last_error;
        m_vm.staff_status = m_staff;
    }

    void SetSyncStatus(const sync::SyncStatus& st) {
        m_staff.sync_configured = true;
        m_staff.last_sync = st.last_sync ? FormatLocal(st.last_sync) : "";
        m_staff.sync_error = st.last_error;
        m_staff.sync_busy = st.busy;
        m_staff.sync_applying = st.applying;
        m_staff.sync_done = st.done;
        m_staff.sync_total = st.total;
        m_vm.staff_status = m_staff;
    }

    // A new catalogue, between two frames: everything the screens read is rebuilt from it at
    // once, so no frame shows a mix. A visitor whose activity or category went away goes home.
    void ReplaceCatalogue(LoadedCatalogue catalogue, core::TimePoint now) {
        m_cat = std::move(catalogue);
        m_index.clear();
        for (size_t i = 0; i < m_cat.catalogue->activities.size(); ++i)
            m_index[m_cat.catalogue->activities[i].id] = i;
        const core::Catalogue& c = *m_cat.catalogue;
        bool gone = (!m_session.activity_id.empty() && !c.FindActivity(m_session.activity_id)) ||
                    (!m_session.category.empty() && !c.FindCategory(m_session.category));
        if (gone && m_session.screen != core::Screen::kAttract && m_session.screen != core::Screen::kStaff)
            Apply({core::action::Home{}}, now);
        RefreshList();
        Rebuild(now);
    }

    const ui::ViewModel& View() const { return m_vm; }
    ui::FrameLocal& Local() { return m_local; }
    const core::Session& Session() const { return m_session; }
    const core::SessionPolicy& Policy() const { return m_policy; }
    const core::Catalogue& Catalogue() const { return *m_cat.catalogue; }

  private:
    void Dispatch(core::Effect e) {
        switch (e) {
            case core::Effect::kRefreshList:
                RefreshList();
                break;
            case core::Effect::kScrollToTop:
                m_local.ui.scroll_to_top = true;
                break;
            case core::Effect::kWipeUiState:
                m_local = ui::FrameLocal{};
                break;
            case core::Effect::kSubmitRequest:
                Submit();
                break;
            case core::Effect::kSpeak:
                if (m_speaker)
                    m_speaker->Say(
                        core::PlanFor(m_session.speech, m_session.language, *m_translations, m_voices));
                break;
            case core::Effect::kStopAudio:
                if (m_speaker) m_speaker->Stop();
                break;
            case core::Effect::kPauseAudio:
                if (m_speaker) m_speaker->Pause();
                break;
            case core::Effect::kResumeAudio:
                if (m_speaker) m_speaker->Resume();
                break;
            case core::Effect::kReplayAudio:
                if (m_speaker) m_speaker->Replay();
                break;
            case core::Effect::kSetVolume:
                if (m_speaker) m_speaker->SetVolume(m_session.volume / 100.0f);
                break;
        }
    }

    // The request goes to disk before the visitor sees a confirmation; the answer comes back
    // as an action in the same frame.
    void Submit() {
        const core::AppointmentRequest& r = m_session.draft.request;
        std::vector<std::pair<std::string, std::string>> titles;
        for (const auto& id : r.activity_ids)
            if (const core::Activity* a = m_cat.catalogue->FindActivity(id)) titles.push_back({id, a->title});
        store::RequestEnvelope env =
            sync::NewEnvelope(m_config.kiosk_id, sync::WallNowMs(), std::move(titles));
        core::Effects ignored;
        if (!m_outbox) {
            Log("outbox: not available; the request was not stored");
            core::Reduce(m_session, core::action::SubmitFailed{"no outbox"}, m_policy, ignored);
            return;
        }
        if (auto s = m_outbox->Add(sync::MakeOutboxItem(r, env)); !s) {
            Log("outbox: request not stored: " + s.error().message);
            m_staff.last_error = s.error().message;
            core::Reduce(m_session, core::action::SubmitFailed{s.error().message}, m_policy, ignored);
            return;
        }
        Log("outbox: queued request " + env.reference);
        core::Reduce(m_session, core::action::SubmitDone{env.reference}, m_policy, ignored);
        if (m_on_added) m_on_added();
    }

    void RefreshList() {
        m_list.clear();
        auto ids = m_cat.db->Search(m_session.filter);
        if (!ids) {
            Log("search failed: " + ids.error().message);
            return;
        }
        for (const auto& id : ids.value())
            if (auto it = m_index.find(id); it != m_index.end())
                m_list.push_back(&m_cat.catalogue->activities[it->second]);
    }

    void Rebuild(core::TimePoint now) {
        const core::Catalogue& c = *m_cat.catalogue;
        m_vm.screen = m_session.screen;
        m_vm.catalogue = m_cat.catalogue;
        m_vm.filter = m_session.filter;
        m_vm.list = m_list;
        m_vm.category = c.FindCategory(m_session.category);
        m_vm.detail = c.FindActivity(m_session.activity_id);
        m_vm.warning = m_session.warning;
        m_vm.draft = m_session.draft;
        m_vm.staff = m_session.staff;
        m_vm.staff_status = m_staff;
        m_vm.chosen.clear();
        for (const auto& id : m_session.chosen)
            if (const core::Activity* a = c.FindActivity(id)) m_vm.chosen.push_back(a);
        m_vm.warning_seconds = core::WarningSecondsLeft(m_session, now, m_policy);
        m_vm.now = now;
        m_vm.language = m_session.language;
        m_vm.language_picker = m_session.language_picker;
        m_vm.subtitles = m_session.subtitles;
        m_vm.volume = m_session.volume;
        m_vm.kiosk_volume = m_session.kiosk_volume;
    }

    LoadedCatalogue m_cat;
    core::SessionPolicy m_policy;
    core::Config m_config;
    store::OutboxStore* m_outbox = nullptr;
    const core::Translations* m_translations;
    audio::Speaker* m_speaker = nullptr;
    core::VoiceSet m_voices;
    std::function<void()> m_on_added;
    ui::StaffStatus m_staff;
    core::Session m_session;
    ui::ViewModel m_vm;
    ui::FrameLocal m_local;
    std::vector<const core::Activity*> m_list;
    std::unordered_map<std::string, size_t> m_index;
};

const char* ScreenName(core::Screen s) {
    switch (s) {
        case core::Screen::kAttract:
            return "attract";
        case core::Screen::kHome:
            return "home";
        case core::Screen::kList:
            return "list";
        case core::Screen::kDetail:
            return "detail";
        case core::Screen::kContact:
            return "contact";
        case core::Screen::kCredits:
            return "credits";
        case core::Screen::kAppointment:
            return "appointment";
        case core::Screen::kStaff:
            return "staff";
    }
    return "?";
}

// Puts the session on the screen a --screenshot asked for, through the same actions a visitor makes.
core::VoidResult GoToScreen(Kiosk& kiosk, const core::ScreenRequest& r, const core::Options& o,
                            core::TimePoint now) {
    using namespace core::action;
    core::Actions a = {Input{now}};
    const core::Catalogue& c = kiosk.Catalogue();
    if (r.name != "attract") a.push_back(Start{});
    if (o.lang != "nl") a.push_back(ChooseLanguage{o.lang});
    if (o.subtitles) a.push_back(ToggleSubtitles{});
    if (r.name == "list") {
        if (!c.FindCategory(r.arg))
            return core::Error{core::ErrorCode::kNotFound, "unknown category '" + r.arg + "'"};
        a.push_back(OpenCategory{r.arg});
    } else if (r.name == "detail") {
        const core::Activity* act = c.FindActivity(r.arg);
        if (!act) return core::Error{core::ErrorCode::kNotFound, "unknown activity '" + r.arg + "'"};
        a.push_back(OpenCategory{act->category});
        a.push_back(OpenActivity{r.arg});
    } else if (r.name == "contact") {
        a.push_back(OpenContact{});
    } else if (r.name == "credits") {
        a.push_back(OpenCredits{});
    } else if (r.name == "appointment") {
        bool interest = r.arg == "interest";
        const core::Activity* act = c.FindActivity(interest ? "muziekacademie-notenleer" : "voetbal-u8");
        if (!act)
            return core::Error{core::ErrorCode::kNotFound, "the demo activities for this screen are missing"};
        a.push_back(OpenCategory{act->category});
        a.push_back(OpenActivity{act->id});
        if (!interest) a.push_back(ToggleChosen{"meisjesvoetbal"});
        a.push_back(StartAppointment{act->id, interest});
        static const std::vector<std::string> kSteps = {
            "about", "children", "contact", "language", "dayparts", "consent", "done", "failed", "interest"};
        auto step = std::find(kSteps.begin(), kSteps.end(), r.arg);
        if (step == kSteps.end())
            return core::Error{core::ErrorCode::kNotFound, "unknown step '" + r.arg + "'"};
        int target = interest ? 0 : static_cast<int>(step - kSteps.begin());
        // A made-up visitor: two children, a (non-existent) 0470 00 number, Arabic with interpreter.
        for (int i = 0; i < target; ++i) {
            if (i == 1) a.insert(a.end(), {AddChild{}, AddChild{}, ChildAge{0, 2}});
            if (i == 2)
                for (char k : std::string("0470000000")) a.push_back(core::action::Keypad{k});
            if (i == 3) a.insert(a.end(), {SetLanguage{"ar"}, SetInterpreter{true}});
            if (i == 4) a.push_back(ToggleDayPart{core::DayPart::kEvening});
            if (i < 5) a.push_back(NextStep{});
        }
        if (r.arg == "done") a.push_back(SubmitDone{"K7Q-4XM"});
        if (r.arg == "failed") a.push_back(SubmitFailed{"disk full"});
    } else if (r.name == "staff") {
        if (r.arg != "pin" && r.arg != "status")
            return core::Error{core::ErrorCode::kNotFound, "use staff:pin or staff:status"};
        a.erase(a.begin() + 1);  // no Start: the gesture is on the attract screen
        for (int i = 0; i < 5; ++i) a.push_back(CornerTap{now});
        if (r.arg == "status") {
            if (kiosk.Policy().staff_pin.empty())
                return core::Error{core::ErrorCode::kInvalid, "staff:status needs staff_pin in --config"};
            for (char k : kiosk.Policy().staff_pin) a.push_back(StaffPin{k});
            a.push_back(StaffPin{'='});
        }
    } else if (r.name == "languages") {
        a.push_back(OpenLanguages{});
    } else if (r.name == "warning") {
        if (!c.categories.empty()) a.push_back(OpenCategory{c.categories.front().id});
        // Let the visitor walk away: the last touch was long enough ago for the warning to show.
        auto ago = kiosk.Policy().idle + kiosk.Policy().warning / 4;
        a.front() = Input{now - ago};
        a.push_back(Tick{now});
    }
    kiosk.Apply(a, now);
    return core::Ok{};
}

int Run(const core::Options& o, const core::Config& config) {
    std::string assets = FindAssets(o);
    // A synced catalogue wins over the one on the command line, which is the fallback until the
    // first sync (and after a damaged one).
    std::optional<sync::InstalledCatalogue> synced = app::RecoverSynced(config, Log);
    std::string catalogue_path = synced                ? synced->catalogue_path
                                 : o.catalogue.empty() ? assets + "/demo/catalogue.json"
                                                       : o.catalogue;
    if (synced) Log("catalogue: synced version " + std::to_string(synced->manifest.version));
    auto catalogue = OpenCatalogue(catalogue_path);
    if (!catalogue) {
        Log("cannot load the catalogue: " + catalogue.error().message);
        return 1;
    }
    auto translations = core::LoadTranslationsDir(assets + "/translations");
    if (!translations) {
        Log(translations.error().message);
        return 1;
    }

    bool shot = o.screenshot.has_value();
    auto created = app::Platform::Create({o.width, o.height, o.fullscreen, shot});
    if (!created) {
        Log(created.error().message);
        return 1;
    }
    std::unique_ptr<app::Platform> platform = std::move(created.value());
    ui::Theme theme;
    theme.metrics.dpi = o.dpi;
    if (auto s = ui::LoadFonts(ImGui::GetIO(), FindFonts(), theme.metrics, theme.fonts); !s) {
        Log(s.error().message + " (apt-get install fonts-dejavu-core)");
        return 1;
    }
    ui::ApplyStyle(theme.metrics);
    ui::SetTheme(&theme);
    ui::SetStrings(&translations->Dutch());
    app::GlTextures textures(assets + "/pictograms");

    core::SessionPolicy policy{std::chrono::seconds(o.idle_seconds), std::chrono::seconds(o.warning_seconds),
                               config.staff_pin};
    Kiosk kiosk(std::move(catalogue.value()), policy, &textures, &translations.value(), config);
    core::SteadyClock clock;
    ui::PointerQueue pointer;

    if (!config.catalogue_url.empty()) kiosk.SetSyncStatus({synced ? synced->manifest.version : 0});
    if (shot) {
        if (auto s = GoToScreen(kiosk, *o.screen, o, clock.Now()); !s) {
            Log(s.error().message);
            return 2;
        }
        for (int i = 0; i < o.frames; ++i) {
            platform->BeginFrame(pointer.NextFrame());
            core::Actions ignored;
            ui::DrawFrame(kiosk.View(), kiosk.Local(), ignored);
            platform->EndFrame();
        }
        if (auto s = platform->SavePng(*o.screenshot); !s) {
            Log(s.error().message);
            return 1;
        }
        return 0;
    }

    // Speech: clips and synthesised speech on the speaker's thread, played by SDL, cached on disk.
    // A kiosk without sound still works.
    MainQueue queue;
    std::unique_ptr<audio::EspeakTts> tts;
    std::unique_ptr<audio::SdlSink> sink;
    std::unique_ptr<audio::Speaker> speaker;
    if (auto t = audio::EspeakTts::Open(); !t) {
        Log("audio: " + t.error().message);
    } else if (auto k = audio::SdlSink::Open(t.value()->SampleRate()); !k) {
        Log("audio: " + k.error().message + "; the kiosk stays silent");
    } else {
        tts = std::move(t.value());
        sink = std::move(k.value());
        core::VoiceSet voices{tts->Voices(), config.audio_reviewed_only};
        Log("audio: voices for " + voices.Codes() + "; other languages hear Dutch and \"ask at the desk\"");
        speaker = std::make_unique<audio::Speaker>(*tts, *sink, audio::TtsCache(app::AudioCachePath(config)),
                                                   [&queue] { queue.Post([] {}); });
        kiosk.SetSpeaker(speaker.get(), std::move(voices));
    }

    // The outbox: this thread writes new requests; the worker thread delivers them.
    auto outbox = store::SqliteOutbox::Open(app::OutboxPath(config));
    if (!outbox)
        Log(outbox.error().message + "; \"Maak een afspraak\" will tell visitors to ask at the desk");
    sync::DeliveryWorker worker(config, app::OutboxPath(config), Log, [&](const sync::WorkerStatus& st) {
        queue.Post([&kiosk, st] { kiosk.SetStaffStatus(st, sync::WallNowMs()); });
    });
    if (outbox) {
        kiosk.SetOutbox(outbox.value().get(), [&worker] { worker.Wake(); });
        worker.Start();
    }

    // Catalogue sync: the new catalogue is loaded on the sync thread, swapped in on this one.
    bool catalogue_swapped = false;
    std::unique_ptr<sync::SyncWorker> syncer;
    if (!config.catalogue_url.empty()) {
        syncer = std::make_unique<sync::SyncWorker>(
            config, synced, app::OutboxPath(config), Log,
            [&](const sync::SyncStatus& st) { queue.Post([&kiosk, st] { kiosk.SetSyncStatus(st); }); },
            [&](const sync::InstalledCatalogue& installed) {
                auto t0 = std::chrono::steady_clock::now();
                auto loaded = OpenCatalogue(installed.catalogue_path);
                if (!loaded) {
                    Log("sync: the new catalogue does not load: " + loaded.error().message);
                    return;
                }
                Log("sync: version " + std::to_string(installed.manifest.version) + " loaded in " +
                    std::to_string(std::chrono::duration_cast<std::chrono::milliseconds>(
                                       std::chrono::steady_clock::now() - t0)
                                       .count()) +
                    " ms; swapping it in");
                auto ready = std::make_shared<LoadedCatalogue>(std::move(loaded.value()));
                queue.Post([&, ready] {
                    kiosk.ReplaceCatalogue(std::move(*ready), clock.Now());
                    catalogue_swapped = true;
                });
            });
        syncer->Start();
    }

    // Event-driven: after anything happens draw a few frames so taps and popups settle, then sleep
    // on the event queue until the next input or the next session deadline.
    constexpr int kSettleFrames = 3;
    int frames_left = kSettleFrames;
    int shown_seconds = -1;
    long frames_drawn = 0;
    std::string widget_map_text;
    core::TimePoint started = clock.Now();
    ui::FrameGuard guard;
    app::ServiceNotifier notifier;
    // Benchmark hook: "ms since start, main-thread CPU µs of the loop turn, flag" per drawn frame;
    // flag S: a new catalogue was swapped in this turn, A: a sync is running, - otherwise.
    std::FILE* frame_log = o.frame_log.empty() ? nullptr : std::fopen(o.frame_log.c_str(), "w");
    if (!o.frame_log.empty() && !frame_log) Log("cannot write " + o.frame_log);
    // Nothing to settle, no tap still queued, no list gliding: no frame to draw.
    auto idle = [&] { return frames_left == 0 && !pointer.Pending() && !ui::Animating(kiosk.Local()); };
    for (;;) {
        notifier.Alive();
        core::TimePoint now = clock.Now();
        int timeout_ms = 0;
        if (idle()) {
            timeout_ms = 1000;
            if (auto deadline = core::NextDeadline(kiosk.Session(), kiosk.Policy())) {
                auto ms = std::chrono::duration_cast<core::Millis>(*deadline - now).count();
                timeout_ms = static_cast<int>(std::clamp<long long>(ms + 1, 1, 1000));
            }
            if (kiosk.Session().warning) timeout_ms = std::min(timeout_ms, 250);
        }
        app::EventSummary ev = platform->PumpEvents(timeout_ms, pointer);
        if (ev.quit) break;
        long long turn_cpu_us = ThreadCpuMicros();
        // Worker reports only change the staff screen: no frame for them elsewhere.
        if (queue.Drain() && kiosk.Session().screen == core::Screen::kStaff)
            frames_left = std::max(frames_left, 1);
        bool swapped_now = catalogue_swapped;
        if (catalogue_swapped) {
            catalogue_swapped = false;
            frames_left = kSettleFrames;
        }
        if (kiosk.RefreshAudio()) frames_left = std::max(frames_left, 1);  // show or hide the audio controls
        now = clock.Now();
        core::Actions actions;
        if (ev.input) actions.push_back(core::action::Input{now});
        actions.push_back(core::action::Tick{now});
        if (kiosk.Apply(actions, now) || ev.input || ev.redraw) frames_left = kSettleFrames;
        if (kiosk.View().warning_seconds != shown_seconds) frames_left = std::max(frames_left, 1);

        if (idle()) continue;
        textures.Trim();
        platform->BeginFrame(pointer.NextFrame());
        actions.clear();
        std::string frame_error;
        bool carry_on = guard.Run([&] { ui::DrawFrame(kiosk.View(), kiosk.Local(), actions); }, frame_error);
        if (!frame_error.empty()) {
            actions.clear();  // half a frame's taps are not to be trusted
            Log("a frame failed (" + std::to_string(guard.FailuresInARow()) + " in a row): " + frame_error);
        }
        if (!carry_on) {
            Log("too many failing frames in a row; stopping so the service manager restarts the kiosk");
            std::abort();
        }
        platform->EndFrame();
        ++frames_drawn;
        if (frame_log) {
            auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(clock.Now() - started).count();
            char flag = swapped_now ? 'S' : kiosk.View().staff_status.sync_busy ? 'A' : '-';
            std::fprintf(frame_log, "%lld %lld %c\n", static_cast<long long>(ms),
                         ThreadCpuMicros() - turn_cpu_us, flag);
        }
        if (frames_drawn == 1) notifier.Ready();
        if (!o.widget_map.empty()) WriteWidgetMap(o.widget_map, widget_map_text);
        shown_seconds = kiosk.View().warning_seconds;
        if (frames_left > 0) --frames_left;
        if (kiosk.Apply(actions, now)) frames_left = kSettleFrames;
    }
    if (frame_log) std::fclose(frame_log);
    if (syncer) syncer->Stop();
    worker.Stop();
    worker.Join();
    syncer.reset();
    if (o.frame_stats) {
        double seconds = std::chrono::duration<double>(clock.Now() - started).count();
        std::printf("frames drawn: %ld\nseconds: %.1f\nsessions wiped: %d\nscreen at exit: %s\n",
                    frames_drawn, seconds, kiosk.Session().generation, ScreenName(kiosk.Session().screen));
    }
    return 0;
}

}  // namespace

core::Result<core::Config> LoadConfig(const std::string& path) {
    if (path.empty()) return core::Config{};
    auto text = ReadFile(path);
    if (!text) return text.error();
    auto config = core::ParseConfig(text.value());
    if (!config) return core::Error{config.error().code, path + ": " + config.error().message};
    return config;
}

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    auto options = core::ParseOptions(args);
    if (!options) {
        std::fprintf(stderr, "brugpunt: %s\n", options.error().message.c_str());
        return 2;
    }
    if (options->show_help) {
        std::fputs(core::UsageText(), stdout);
        return 0;
    }
    if (options->show_version) {
        std::printf("brugpunt %s\n", BRUGPUNT_VERSION);
        return 0;
    }
    auto config = LoadConfig(options->config);
    if (!config) {
        Log("config: " + config.error().message);
        return 2;
    }
    if (options->outbox_status) return app::RunOutboxStatus(config.value());
    if (options->deliver_once) return app::RunDeliverOnce(config.value());
    if (options->sync_once) return app::RunSyncOnce(config.value());
    if (options->catalogue_status) return app::RunCatalogueStatus(config.value());
    if (options->say) {
        std::string assets = FindAssets(options.value());
        std::string catalogue =
            options->catalogue.empty() ? assets + "/demo/catalogue.json" : options->catalogue;
        return app::RunSay(options.value(), config.value(), catalogue, assets + "/translations");
    }
    return Run(options.value(), config.value());
}
