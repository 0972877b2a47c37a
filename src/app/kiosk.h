// Owns the kiosk's state between frames: the session, the catalogue on screen and its list, and
// the view model the screens read. Dispatches effects to the outbox and the speaker behind small
// interfaces. No SDL, ImGui calls, files or threads here; tested in tests/app/kiosk_test.cpp.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/config.h"
#include "core/demand.h"
#include "core/result.h"
#include "core/session.h"
#include "core/take_home.h"
#include "core/translations.h"
#include "store/catalogue_loader.h"
#include "store/demand.h"
#include "store/outbox.h"
#include "sync/delivery_worker.h"
#include "sync/sync_worker.h"
#include "ui/screens.h"
#include "ui/view_model.h"

namespace brugpunt::app {

using LogFn = std::function<void(const std::string&)>;

using LoadedCatalogue = store::LoadedCatalogue;

// What the kiosk asks of its speaker: audio::Speaker in the product, a recorder in tests.
class SpeakerPort {
  public:
    virtual ~SpeakerPort() = default;
    virtual void Say(const core::Utterance& text, const std::string& language) = 0;
    virtual void Stop() = 0;
    virtual void Pause() = 0;
    virtual void Resume() = 0;
    virtual void Replay() = 0;
    virtual void SetVolume(int percent) = 0;
    virtual ui::AudioState State() const = 0;
    // The last thing that went wrong, once; empty when nothing did.
    virtual std::string TakeProblem() = 0;
};

// What the kiosk asks of a receipt printer: app::CardPrinter in the product, a recorder in tests.
// Print returns at once; the printing happens elsewhere and its state is asked for later.
class PrinterPort {
  public:
    virtual ~PrinterPort() = default;
    virtual void Print(const core::TakeHomeCard& card) = 0;
    // kPrinting, kPrinted or kFailed for the last card asked for; kReady before any.
    virtual ui::PrintState State() const = 0;
    // What went wrong with the last card, once; empty when nothing did.
    virtual std::string TakeProblem() = 0;
};

// Pure: what the screens read, from the session, the catalogue, its current list and the staff
// status. `fixed` carries what does not follow the session (textures, translations, version,
// today, the audio state).
ui::ViewModel BuildViewModel(const ui::ViewModel& fixed, const core::Session& session,
                             const core::CataloguePtr& catalogue, const core::ActivitySourcePtr& activities,
                             const std::vector<size_t>& list, const std::vector<uint64_t>& list_digests,
                             const ui::StaffStatus& staff, const core::SessionPolicy& policy,
                             core::TimePoint now);

// The list a new catalogue shows for a session's filter on a day, answered on the thread that
// opened it (the sync's), with the first screenful read so the swap frame finds them parsed.
struct PreparedList {
    core::Filter filter;  // as the session has it, before "deze week" becomes dates
    core::Date today;
    bool answered = false;
    std::vector<size_t> positions;
    std::vector<uint64_t> digests;
};
PreparedList PrepareList(const LoadedCatalogue& catalogue, const core::Filter& filter, core::Date today);

class Kiosk {
  public:
    // An empty `catalogue` (no db) starts a kiosk that shows its attract screen and takes no
    // action until ReplaceCatalogue brings the first one: the first frame need not wait for it.
    Kiosk(LoadedCatalogue catalogue, core::SessionPolicy policy, const ui::TextureSource* textures,
          const core::Translations* translations, const core::Config& config, core::Date today, LogFn log);

    // False until the kiosk has a catalogue to show.
    bool HasCatalogue() const { return m_cat.db != nullptr; }

    // Reduces each action and dispatches its effects; an effect's answer (a submit's result)
    // comes back as an action through the same Reduce. True when something changed worth drawing.
    bool Apply(const core::Actions& actions, core::TimePoint now);

    // voices: the languages speech can be made in ("nl ar ..."), for the staff screen.
    void SetSpeaker(SpeakerPort* speaker, std::string voices);
    // The speaker's state changed (on its thread's word): true when the audio controls change.
    bool RefreshAudio();
    // The receipt printer for the confirmation's card; without one there is no "Print" button.
    void SetPrinter(PrinterPort* printer);
    // The printer's state changed (on its thread's word): true when the confirmation changes.
    bool RefreshPrint();
    // Where "Maak een afspraak" writes; without one, submitting fails visibly.
    void SetOutbox(store::OutboxStore* outbox, std::function<void()> on_added);
    // Where the anonymous demand counts go, once per visitor session (when the kiosk is back on
    // its attract screen) and at FlushDemand; without one, nothing is counted.
    void SetDemand(store::DemandStore* demand) { m_demand = demand; }
    // Told each utterance the kiosk is asked to say, with its language (the --speech-log hook).
    void SetSpeechLog(std::function<void(const core::Utterance&, const std::string&)> log) {
        m_speech_log = std::move(log);
    }
    void FlushDemand();
    // Worker reports. Each returns true when what is on screen changed.
    bool SetStaffStatus(const sync::WorkerStatus& st, long long now_ms);
    bool SetSyncStatus(const sync::SyncStatus& st);
    // Why the kiosk shows another catalogue than the synced one (empty: it does not).
    void SetCatalogueProblem(std::string problem);
    // What app::OfferLanguages found wrong, for the staff screen.
    void SetLanguageProblem(std::string problem);
    // A new catalogue, between two frames: everything the screens read is rebuilt from it at
    // once, so no frame shows a mix. A visitor whose activity or category went away goes home.
    // Returns the old one, so the caller can free it off the main thread (freeing thousands of
    // activities costs a frame).
    // With `prepared` for the session's filter and today, the list's query is not asked again.
    LoadedCatalogue ReplaceCatalogue(LoadedCatalogue catalogue, core::TimePoint now,
                                     const PreparedList* prepared = nullptr);
    // Told the session's filter and today each time the list is asked, so a sync can prepare
    // the same list on a new catalogue (PrepareList) before it swaps it in. Main thread.
    void SetListWatcher(std::function<void(const core::Filter&, core::Date)> watcher) {
        m_list_watcher = std::move(watcher);
    }
    // The date changed (at midnight): activities that are over leave the list, without a sync.
    // True when it did change.
    bool SetToday(core::Date today);
    // True once after each ReplaceCatalogue but the first, for the frame loop's settle frames and
    // frame log.
    bool TakeCatalogueSwapped() { return std::exchange(m_swapped, false); }

    const ui::ViewModel& View() const { return m_vm; }
    ui::FrameLocal& Local() { return m_local; }
    const core::Session& Session() const { return m_session; }
    const core::SessionPolicy& Policy() const { return m_policy; }
    // The catalogue's header; its activities are read through Activities().
    const core::Catalogue& Catalogue() const { return *m_cat.catalogue; }
    const core::ActivitySource& Activities() const { return *m_cat.activities; }

  private:
    std::optional<core::Action> Dispatch(const core::Effect& e);
    core::Action Submit(const core::AppointmentRequest& request);
    void RefreshList(const PreparedList* prepared = nullptr);
    void Count(const std::string& key);
    std::shared_ptr<const core::Activity> Find(const std::string& id) const;
    // A catalogue comes in: an empty one stands in for none, activities held in memory get a
    // source, and one read from a db file reports to the kiosk's log.
    void Adopt();
    void Rebuild(core::TimePoint now);
    // Whether a worker report shows: the staff screen is the only one that draws it.
    bool StaffVisible() const { return m_session.screen == core::Screen::kStaff; }

    LoadedCatalogue m_cat;
    core::SessionPolicy m_policy;
    core::Config m_config;
    LogFn m_log;
    store::OutboxStore* m_outbox = nullptr;
    store::DemandStore* m_demand = nullptr;
    core::DemandCounts m_demand_pending;  // counted since the last flush
    SpeakerPort* m_speaker = nullptr;
    PrinterPort* m_printer = nullptr;
    std::string m_printed_reference;  // the request whose card went to the printer
    ui::PrintState m_print_state = ui::PrintState::kReady;
    std::function<void()> m_on_added;
    std::function<void(const core::Utterance&, const std::string&)> m_speech_log;
    ui::StaffStatus m_staff;
    core::Session m_session;
    ui::ViewModel m_fixed;  // what BuildViewModel does not derive from the session
    ui::ViewModel m_vm;
    ui::FrameLocal m_local;
    core::TimePoint m_now{};
    bool m_swapped = false;
    std::vector<size_t> m_list;  // positions in m_cat.activities
    std::vector<uint64_t> m_list_digests;
    std::function<void(const core::Filter&, core::Date)> m_list_watcher;
};

}  // namespace brugpunt::app
