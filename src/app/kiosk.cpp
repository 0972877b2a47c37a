// Owns the Kiosk: reduce, dispatch, outbox writes, the list query and the view model.
// No SDL, ImGui calls, files or threads.
#include "kiosk.h"

#include <ctime>
#include <deque>

#include "core/overloaded.h"
#include "core/paths.h"
#include "core/validate.h"
#include "sync/delivery.h"
#include "ui/take_home.h"

namespace brugpunt::app {
namespace {

// "2026-11-23 18:05" in the kiosk's time zone, for the staff screen.
std::string FormatLocal(long long unix_seconds) {
    std::time_t t = static_cast<std::time_t>(unix_seconds);
    std::tm tm{};
    localtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &tm);
    return buf;
}

}  // namespace

ui::ViewModel BuildViewModel(const ui::ViewModel& fixed, const core::Session& s,
                             const core::CataloguePtr& catalogue, const core::ActivitySourcePtr& activities,
                             const std::vector<size_t>& list, const std::vector<uint64_t>& list_digests,
                             const ui::StaffStatus& staff, const core::SessionPolicy& policy,
                             core::TimePoint now) {
    ui::ViewModel vm = fixed;
    const core::Catalogue& c = *catalogue;
    vm.screen = s.screen;
    vm.catalogue = catalogue;
    vm.activities = activities;
    vm.filter = s.filter;
    vm.list = list;
    vm.list_digests = list_digests;
    vm.category = c.FindCategory(s.category);
    vm.detail = s.activity_id.empty() ? nullptr : activities->Find(s.activity_id);
    vm.warning = s.warning;
    vm.draft = s.draft;
    vm.staff = s.staff;
    vm.staff_status = staff;
    vm.chosen.clear();
    for (const auto& id : s.chosen)
        if (auto a = activities->Find(id)) vm.chosen.push_back(std::move(a));
    vm.warning_seconds = core::WarningSecondsLeft(s, now, policy);
    vm.now = now;
    vm.language = s.language;
    vm.language_picker = s.language_picker;
    vm.subtitles = s.subtitles;
    vm.speech = s.speech;
    vm.volume = s.volume;
    vm.kiosk_volume = s.kiosk_volume;
    return vm;
}

Kiosk::Kiosk(LoadedCatalogue catalogue, core::SessionPolicy policy, const ui::TextureSource* textures,
             const core::Translations* translations, const core::Config& config, core::Date today, LogFn log)
    : m_cat(std::move(catalogue)), m_policy(std::move(policy)), m_config(config), m_log(std::move(log)) {
    m_staff.kiosk_id = config.kiosk_id;
    m_staff.delivery = config.delivery;
    m_session.kiosk_volume = m_session.volume = config.volume;
    m_fixed.textures = textures;
    m_fixed.translations = translations;
    m_fixed.version = BRUGPUNT_VERSION;
    m_fixed.today = today;
    m_fixed.retention_days = config.retention_days;
    Adopt();
    RefreshList();
    Rebuild(core::TimePoint{});
}

bool Kiosk::Apply(const core::Actions& actions, core::TimePoint now) {
    bool changed = false;
    std::deque<core::Action> pending(actions.begin(), actions.end());
    // Listening counts as being there: no "Ben je er nog?" while the kiosk speaks to the visitor.
    bool listening = m_vm.audio == ui::AudioState::kPlaying || m_vm.audio == ui::AudioState::kPreparing;
    if (listening)
        for (auto it = pending.begin(); it != pending.end(); ++it)
            if (const auto* tick = std::get_if<core::action::Tick>(&*it)) {
                pending.insert(it, core::action::Input{tick->now});
                break;
            }
    while (!pending.empty()) {
        core::Action a = std::move(pending.front());
        pending.pop_front();
        bool warning = m_session.warning;
        core::Screen screen = m_session.screen;
        core::Effects effects;
        bool quiet =
            std::holds_alternative<core::action::Input>(a) || std::holds_alternative<core::action::Tick>(a);
        // Before the first catalogue is open a tap on the attract screen waits for nothing.
        if (!quiet && !HasCatalogue()) continue;
        // A touch or a tick counts for nothing: no copy of the session on every frame.
        bool count = m_demand && !quiet;
        core::Session before = count ? m_session : core::Session{};
        core::Reduce(m_session, a, m_policy, effects);
        if (count)
            for (const auto& key : core::DemandKeys(before, a, m_session, [this](const std::string& id) {
                     auto found = Find(id);
                     return found ? found->category : std::string();
                 }))
                Count(key);
        changed |= !quiet || warning != m_session.warning || screen != m_session.screen || !effects.empty();
        // An effect's answer is reduced next, before the actions that followed this one.
        std::vector<core::Action> answers;
        for (const auto& e : effects)
            if (auto answer = Dispatch(e)) answers.push_back(std::move(*answer));
        pending.insert(pending.begin(), answers.begin(), answers.end());
    }
    // The visitor has gone: what they looked at is written in one go, not on every touch.
    if (m_session.screen == core::Screen::kAttract && !m_demand_pending.empty()) FlushDemand();
    Rebuild(now);
    return changed;
}

void Kiosk::Count(const std::string& key) {
    ++m_demand_pending[core::FormatDate(m_fixed.today)][key];
}

void Kiosk::FlushDemand() {
    if (!m_demand || m_demand_pending.empty()) return;
    // Lost counts cost a chart a bar; they never hold up the visitor or a request.
    if (auto s = m_demand->Add(m_demand_pending); !s) m_log("demand counts not stored: " + s.error().message);
    m_demand_pending.clear();
}

void Kiosk::SetSpeaker(SpeakerPort* speaker, std::string voices) {
    m_speaker = speaker;
    m_staff.voices = std::move(voices);
    if (m_speaker) m_speaker->SetVolume(m_session.volume);
    Rebuild(m_now);
}

bool Kiosk::RefreshAudio() {
    ui::AudioState now = m_speaker ? m_speaker->State() : ui::AudioState::kIdle;
    if (m_speaker)
        if (std::string problem = m_speaker->TakeProblem(); !problem.empty()) m_log("audio: " + problem);
    bool changed = now != m_fixed.audio;
    m_fixed.audio = m_vm.audio = now;
    return changed;
}

void Kiosk::SetPrinter(PrinterPort* printer) {
    m_printer = printer;
    Rebuild(m_now);
}

bool Kiosk::RefreshPrint() {
    if (!m_printer) return false;
    if (std::string problem = m_printer->TakeProblem(); !problem.empty()) m_log("printer: " + problem);
    ui::PrintState now = m_printer->State();
    if (now == m_print_state) return false;
    m_print_state = now;
    Rebuild(m_now);
    return m_session.screen == core::Screen::kAppointment;
}

void Kiosk::SetOutbox(store::OutboxStore* outbox, std::function<void()> on_added) {
    m_outbox = outbox;
    m_on_added = std::move(on_added);
}

bool Kiosk::SetStaffStatus(const sync::WorkerStatus& st, long long now_ms) {
    m_staff.outbox_depth = st.stats.depth;
    m_staff.oldest_age_s = st.stats.oldest_created_ms ? (now_ms - *st.stats.oldest_created_ms) / 1000 : 0;
    m_staff.delivered = st.stats.delivered;
    m_staff.dropped = st.stats.dropped;
    m_staff.last_error = st.stats.last_error;
    m_vm.staff_status = m_staff;
    return StaffVisible();
}

bool Kiosk::SetSyncStatus(const sync::SyncStatus& st) {
    m_staff.sync_configured = true;
    m_staff.last_sync = st.last_sync ? FormatLocal(st.last_sync) : "";
    m_staff.sync_error = st.last_error;
    m_staff.sync_busy = st.busy;
    m_staff.sync_applying = st.applying;
    m_staff.sync_done = st.done;
    m_staff.sync_total = st.total;
    m_vm.staff_status = m_staff;
    return StaffVisible();
}

bool Kiosk::SetToday(core::Date today) {
    if (today == m_fixed.today) return false;
    m_fixed.today = today;
    RefreshList();
    Rebuild(m_now);
    return true;
}

void Kiosk::SetCatalogueProblem(std::string problem) {
    m_staff.catalogue_problem = std::move(problem);
    Rebuild(m_now);
}

void Kiosk::SetLanguageProblem(std::string problem) {
    m_staff.language_problem = std::move(problem);
    Rebuild(m_now);
}

PreparedList PrepareList(const LoadedCatalogue& c, const core::Filter& filter, core::Date today) {
    PreparedList out{filter, today};
    if (!c.db || !c.catalogue) return out;
    core::Filter resolved = filter;
    core::ResolveWhen(resolved, today, c.catalogue->holidays);
    resolved.open_on = today;
    auto positions = c.db->SearchPositions(resolved, &out.digests);
    if (!positions) return out;  // the main thread asks again, and logs why it fails
    out.positions = std::move(positions.value());
    out.answered = true;
    constexpr size_t kFirstScreen = 24;  // more than a 1920x1080 screen holds
    if (c.activities)
        for (size_t i = 0; i < out.positions.size() && i < kFirstScreen; ++i)
            c.activities->At(out.positions[i]);
    return out;
}

LoadedCatalogue Kiosk::ReplaceCatalogue(LoadedCatalogue catalogue, core::TimePoint now,
                                        const PreparedList* prepared) {
    bool first = !HasCatalogue();
    LoadedCatalogue old = std::exchange(m_cat, std::move(catalogue));
    Adopt();
    if (!first) m_staff.catalogue_problem.clear();  // the synced catalogue is on screen now
    const core::Catalogue& c = *m_cat.catalogue;
    bool gone = (!m_session.activity_id.empty() && !Find(m_session.activity_id)) ||
                (!m_session.category.empty() && !c.FindCategory(m_session.category));
    if (gone && m_session.screen != core::Screen::kAttract && m_session.screen != core::Screen::kStaff)
        Apply({core::action::Home{}}, now);
    RefreshList(prepared);
    Rebuild(now);
    m_swapped = !first;  // the first catalogue is no swap: no screen showed another one
    return old;
}

void Kiosk::Adopt() {
    if (!m_cat.catalogue) m_cat.catalogue = std::make_shared<const core::Catalogue>();
    // Only a catalogue put together without the loader (a test's) comes without its source.
    if (!m_cat.activities) m_cat.activities = core::ActivitiesOf(m_cat.catalogue);
    if (m_cat.db_activities) m_cat.db_activities->SetLog(m_log);
    m_fixed.media_root = m_cat.media_root;
}

std::shared_ptr<const core::Activity> Kiosk::Find(const std::string& id) const {
    return m_cat.activities->Find(id);
}

std::optional<core::Action> Kiosk::Dispatch(const core::Effect& effect) {
    namespace fx = core::effect;
    return std::visit(
        core::Overloaded{
            [&](const fx::RefreshList&) -> std::optional<core::Action> {
                RefreshList();
                // What the offer lacks: a list the visitor's own choice left empty.
                if (m_demand && m_session.screen == core::Screen::kList && m_list.empty())
                    Count(core::EmptyListKey(m_session));
                return std::nullopt;
            },
            [&](const fx::ScrollToTop&) -> std::optional<core::Action> {
                m_local.ui.scroll_to_top = true;
                return std::nullopt;
            },
            [&](const fx::WipeUiState&) -> std::optional<core::Action> {
                m_local = ui::FrameLocal{};
                return std::nullopt;
            },
            [&](const fx::SubmitRequest& e) -> std::optional<core::Action> { return Submit(e.request); },
            [&](const fx::Speak& e) -> std::optional<core::Action> {
                if (m_speech_log) {  // with the words a UI string has in the language, as the speaker finds
                                     // them
                    core::Utterance said = e.text;
                    if (said.translated.empty() && !said.key.empty() && e.language != "nl" &&
                        m_fixed.translations)
                        if (auto t = m_fixed.translations->Get(e.language, said.key))
                            said.translated = t->text;
                    m_speech_log(said, e.language);
                }
                if (!m_speaker) return std::nullopt;
                core::Utterance text = e.text;
                // The loader resolved each clip inside the catalogue's folder; one that is not
                // there (a catalogue db made elsewhere) is never opened: speech says it instead.
                if (!text.clip.empty() && !core::IsInside(m_cat.media_root, text.clip)) {
                    m_log("audio: clip " + text.clip + " is outside " + m_cat.media_root + "; not played");
                    text.clip.clear();
                }
                // A person's recording of a fixed phrase, and of "ask at the desk", in the
                // visitor's language, where the catalogue ships one.
                if (e.language != "nl") {
                    if (text.clip.empty() && !text.key.empty())
                        text.clip = core::PhraseClip(m_cat.media_root, e.language, text.key);
                    text.ask_clip = core::PhraseClip(m_cat.media_root, e.language, core::kAskDeskKey);
                }
                m_speaker->Say(text, e.language);
                return std::nullopt;
            },
            [&](const fx::StopAudio&) -> std::optional<core::Action> {
                if (m_speaker) m_speaker->Stop();
                return std::nullopt;
            },
            [&](const fx::PauseAudio&) -> std::optional<core::Action> {
                if (m_speaker) m_speaker->Pause();
                return std::nullopt;
            },
            [&](const fx::ResumeAudio&) -> std::optional<core::Action> {
                if (m_speaker) m_speaker->Resume();
                return std::nullopt;
            },
            [&](const fx::ReplayAudio&) -> std::optional<core::Action> {
                if (m_speaker) m_speaker->Replay();
                return std::nullopt;
            },
            [&](const fx::SetVolume& e) -> std::optional<core::Action> {
                if (m_speaker) m_speaker->SetVolume(e.percent);
                return std::nullopt;
            },
            [&](const fx::PrintCard&) -> std::optional<core::Action> {
                // One card a request: a second tap while it prints, or after, prints nothing.
                if (!m_printer || m_printed_reference == m_session.draft.reference) return std::nullopt;
                m_printed_reference = m_session.draft.reference;
                m_print_state = ui::PrintState::kPrinting;
                m_printer->Print(ui::TakeHomeCard(m_vm));
                m_log("printer: card for " + m_printed_reference);
                return std::nullopt;
            },
        },
        effect);
}

// The request goes to disk before the visitor sees a confirmation; the answer is an action.
core::Action Kiosk::Submit(const core::AppointmentRequest& r) {
    std::vector<std::pair<std::string, std::string>> titles;
    for (const auto& id : r.activity_ids)
        if (auto a = Find(id)) titles.push_back({id, a->title});
    store::RequestEnvelope env = sync::NewEnvelope(m_config.kiosk_id, sync::WallNowMs(), std::move(titles));
    if (!m_outbox) {
        m_log("outbox: not available; the request was not stored");
        return core::action::SubmitFailed{"no outbox"};
    }
    if (auto s = m_outbox->Add(sync::MakeOutboxItem(r, env)); !s) {
        m_log("outbox: request not stored: " + s.error().message);
        m_staff.last_error = s.error().message;
        return core::action::SubmitFailed{s.error().message};
    }
    m_log("outbox: queued request " + env.reference);
    if (m_on_added) m_on_added();
    return core::action::SubmitDone{env.reference};
}

void Kiosk::RefreshList(const PreparedList* prepared) {
    m_list.clear();
    m_list_digests.clear();
    if (!m_cat.db) return;
    if (m_list_watcher) m_list_watcher(m_session.filter, m_fixed.today);
    if (prepared && prepared->answered && prepared->filter == m_session.filter &&
        prepared->today == m_fixed.today) {
        m_list = prepared->positions;
        m_list_digests = prepared->digests;
        return;
    }
    // "Deze week" and "in de vakantie" become dates here: today and the catalogue's holidays.
    core::Filter filter = m_session.filter;
    core::ResolveWhen(filter, m_fixed.today, m_cat.catalogue->holidays);
    // An activity whose dates have all passed leaves by itself, whatever the catalogue's age.
    filter.open_on = m_fixed.today;
    auto positions = m_cat.db->SearchPositions(filter, &m_list_digests);
    if (!positions) {
        m_log("search failed: " + positions.error().message);
        return;
    }
    m_list = std::move(positions.value());
}

void Kiosk::Rebuild(core::TimePoint now) {
    m_now = now;
    m_vm = BuildViewModel(m_fixed, m_session, m_cat.catalogue, m_cat.activities, m_list, m_list_digests,
                          m_staff, m_policy, now);
    // Each new request's card starts unprinted.
    m_vm.print = !m_printer ? ui::PrintState::kNone
                 : !m_session.draft.reference.empty() && m_session.draft.reference == m_printed_reference
                     ? m_print_state
                     : ui::PrintState::kReady;
}

}  // namespace brugpunt::app
