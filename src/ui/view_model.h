// Owns what the screens read: a read-only snapshot built by the app after each change.
// Must not include SDL, store or sync.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/activity.h"
#include "core/activity_source.h"
#include "core/session.h"
#include "core/strings.h"
#include "core/translations.h"
#include "core/words.h"
#include "textures.h"

namespace brugpunt::ui {

// What the staff screen shows; filled from the delivery worker's reports.
struct StaffStatus {
    std::string kiosk_id;
    std::string delivery;  // "webhook", "smtp" or "none"
    int outbox_depth = 0;
    long long oldest_age_s = 0;
    long long delivered = 0;
    long long dropped = 0;
    std::string last_error;
    std::string voices;  // the languages speech can be made in, "nl ar ..."; empty: no sound
    // Catalogue sync. Without sync the kiosk shows the catalogue it was started with.
    bool sync_configured = false;
    std::string last_sync;   // "2026-11-23 17:00 UTC"; empty: not yet
    std::string sync_error;  // why the last run failed or was rejected; empty when it went well
    // Why the kiosk shows the bundled catalogue instead of the synced one; empty when it does not.
    std::string catalogue_problem;
    // Languages found and not offered, or offered with characters no font draws; empty: none.
    std::string language_problem;
    bool sync_busy = false;
    bool sync_applying = false;
    uint64_t sync_done = 0, sync_total = 0;  // bytes of the download in progress
};

enum class AudioState { kIdle, kPreparing, kPlaying, kPaused };
// The confirmation's card on the receipt printer: none configured, or where this card is.
enum class PrintState { kNone, kReady, kPrinting, kPrinted, kFailed };

struct ViewModel {
    core::Screen screen = core::Screen::kAttract;
    core::CataloguePtr catalogue;  // its header: the activities are read through `activities`
    core::ActivitySourcePtr activities;
    core::Filter filter;
    // The List screen's results, in order: positions in `activities`, read as rows are shown.
    std::vector<size_t> list;
    // A digest of each result's content, as the store gave them (empty: none): a row whose
    // activities a new catalogue did not change keeps the height measured for it.
    std::vector<uint64_t> list_digests;
    std::shared_ptr<const core::Activity> detail;
    const core::Category* category = nullptr;
    bool warning = false;
    int warning_seconds = 0;
    core::Date today;
    core::TimePoint now{};  // the frame's time, for actions that carry it
    std::string version;
    core::AppointmentDraft draft;                               // the appointment flow
    std::vector<std::shared_ptr<const core::Activity>> chosen;  // picked with "Kies", in order
    core::StaffState staff;
    StaffStatus staff_status;
    const TextureSource* textures = nullptr;
    std::string media_root;  // the catalogue's folder: its photo names are relative to it
    const core::Translations* translations = nullptr;
    // The visitor's language: speaker buttons speak it and subtitles show it; Dutch stays.
    std::string language = "nl";
    bool language_picker = false;
    bool subtitles = false;
    bool speech = false;  // speech mode: touch to hear, double tap to choose
    int volume = core::kDefaultVolume;
    int kiosk_volume = core::kDefaultVolume;
    AudioState audio = AudioState::kIdle;
    PrintState print = PrintState::kNone;
    // The config's retention_days, which Balie's enrolment sets to the days Balie keeps an open
    // request: the consent text names this number, so the visitor is told what the desk does.
    int retention_days = 30;

    bool Subtitled() const { return subtitles && language != "nl"; }
    // The languages a visitor can choose, Dutch first; Dutch alone without translations.
    const std::vector<core::Language>& Languages() const {
        static const std::vector<core::Language> kDutchOnly{{"nl", "Nederlands", "Nederlands"}};
        return translations ? translations->Languages() : kDutchOnly;
    }
    // key in the visitor's language; nothing when it has no text for it.
    std::optional<core::Translated> TrIn(const std::string& key) const {
        return translations && language != "nl" ? translations->Get(language, key) : std::nullopt;
    }

    // The visitor's language's words for facts made from catalogue fields; nothing in Dutch.
    std::optional<core::Words> VisitorWords() const {
        const core::Strings* s = translations && language != "nl" ? translations->In(language) : nullptr;
        return s ? std::optional<core::Words>(core::Words(*s, false)) : std::nullopt;
    }

    bool IsChosen(const std::string& id) const {
        for (const auto& a : chosen)
            if (a->id == id) return true;
        return false;
    }
    ImTextureID Picto(std::string_view name) const { return textures ? textures->Pictogram(name) : nullptr; }
    // Whether this kiosk can make speech in the language (it has a voice for it).
    bool HasVoice(std::string_view code) const {
        std::string_view v = staff_status.voices;
        while (!v.empty()) {
            size_t end = v.find(' ');
            if (v.substr(0, end) == code) return true;
            if (end == std::string_view::npos) break;
            v.remove_prefix(end + 1);
        }
        return false;
    }
    // The catalogue's photo `name`; empty for "pictogram:NAME", no name, or a photo that cannot
    // be shown, where the screen draws the pictogram instead.
    TextImage Photo(const std::string& name) const {
        if (!textures || name.empty() || name.rfind("pictogram:", 0) == 0) return {};
        return textures->Photo(media_root, name);
    }
};

// UI-local state that outlives a frame but not a session: scroll positions and open pickers.
struct UiLocal {
    struct List {
        bool age_picker = false;
        bool day_picker = false;
        bool explain = false;  // the category's "Wat is dit?" is open
        // The height of each row of cards, measured once per row content, width and language. A
        // row is measured when row_keys[r] is the key of what it shows now; until then it takes
        // the height it had (another catalogue's, mostly the same) or the mean of those measured.
        std::vector<float> row_heights;  // 0: never measured
        std::vector<size_t> row_keys;
        size_t rows_measured = 0;  // rows with a height
        float rows_measured_sum = 0;
        size_t rows_key = 0;  // width, language, ages: when it changes every row is measured again
    } list;
    bool scroll_to_top = false;
    bool detail_more = false;  // the detail page's "Meer weten" is open; a new activity closes it
};

}  // namespace brugpunt::ui
