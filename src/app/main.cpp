// Owns start-up and shutdown: parse options, open the catalogue, the window, audio, the outbox
// and the workers, and hand them to the frame loop (frame_loop.cpp). Wiring only: the kiosk's
// state lives in kiosk.cpp, the screens in src/ui.
#include <imgui.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <mutex>
#include <thread>
#include <vector>

#include "audio/audio.h"
#include "card_printer.h"
#include "core/config.h"
#include "core/files.h"
#include "core/options.h"
#include "core/screen_names.h"
#include "core/translations.h"
#include "core/validate.h"
#include "frame_hooks.h"
#include "frame_loop.h"
#include "kiosk.h"
#include "languages.h"
#include "main_queue.h"
#include "outbox_cli.h"
#include "platform.h"
#include "say_cli.h"
#include "screen_script.h"
#include "service.h"
#include "speaker_port.h"
#include "store/demand.h"
#include "store/outbox.h"
#include "sync/delivery.h"
#include "sync/delivery_worker.h"
#include "sync/sync_worker.h"
#include "sync/worker_thread.h"
#include "sync_cli.h"
#include "ui/screens.h"
#include "ui/theme.h"

namespace fs = std::filesystem;
using namespace brugpunt;

namespace {

// Worker reports waiting for the main thread; a loop this far behind is stalled, not busy.
constexpr size_t kMainQueueCapacity = 256;

void Log(const std::string& line) {
    std::fprintf(stderr, "brugpunt: %s\n", line.c_str());
}

// Where assets live: --assets, $BRUGPUNT_ASSETS, next to the build's bin/, or the installed share/.
std::string FindAssets(const core::Options& o) {
    return core::FindAssets(o.assets);
}

std::string FindFonts() {
    if (const char* env = std::getenv("BRUGPUNT_FONTS")) return env;
    return "/usr/share/fonts/truetype/dejavu";
}

// --screenshot: the session is put on the screen asked for through the actions a visitor makes,
// a few frames are drawn so it settles, and the last one is saved.
int TakeScreenshot(app::Platform& platform, app::Kiosk& kiosk, const core::Options& o, core::TimePoint now) {
    auto actions = app::ActionsToShow({*o.screen, o.lang, o.subtitles, o.ages, o.together, o.when},
                                      kiosk.Catalogue(), kiosk.Activities(), kiosk.Policy(), now);
    if (!actions) {
        Log(actions.error().message);
        return 2;
    }
    kiosk.Apply(actions.value(), now);
    ui::PointerQueue pointer;
    for (int i = 0; i < o.frames; ++i) {
        platform.BeginFrame(pointer.NextFrame());
        core::Actions ignored;
        ui::DrawFrame(kiosk.View(), kiosk.Local(), ignored);
        platform.EndFrame(ui::FrameBackground(kiosk.View()));
    }
    if (auto s = platform.SavePng(*o.screenshot); !s) {
        Log(s.error().message);
        return 1;
    }
    return 0;
}

// Speech: clips and synthesised speech on the speaker's thread, played by SDL, cached on disk.
// A kiosk without sound still works.
struct Sound {
    std::unique_ptr<audio::EspeakTts> tts;
    std::unique_ptr<audio::SdlSink> sink;
    std::unique_ptr<audio::Speaker> speaker;
    std::unique_ptr<app::AudioSpeakerPort> port;
};

// How the card is drawn for the configured printer: its width, and the kiosk's pictograms.
text::CardStyle PrinterStyle(const core::Config& config, const std::string& assets) {
    text::CardStyle style;
    style.width = config.printer_dots;
    style.pictogram_dir = assets + "/pictograms";
    return style;
}

void OpenSound(Sound& sound, app::Kiosk& kiosk, app::MainQueue& queue, const core::Translations& translations,
               const core::Config& config) {
    auto tts = audio::EspeakTts::Open();
    if (!tts) return Log("audio: " + tts.error().message);
    auto sink = audio::SdlSink::Open(tts.value()->SampleRate());
    if (!sink) return Log("audio: " + sink.error().message + "; the kiosk stays silent");
    sound.tts = std::move(tts.value());
    sound.sink = std::move(sink.value());
    core::VoiceSet voices{sound.tts->Voices(translations.Languages()), config.audio_reviewed_only};
    Log("audio: voices for " + voices.Codes() +
        "; other languages hear a recording where there is one, else the top bar shows the desk");
    // The speaker's state shows on screen: its changes wake the loop, which asks the kiosk.
    sound.speaker = std::make_unique<audio::Speaker>(*sound.tts, *sound.sink,
                                                     audio::TtsCache(app::AudioCachePath(config)),
                                                     [&queue] { queue.Post([] { return false; }); });
    std::string codes = voices.Codes();
    sound.port = std::make_unique<app::AudioSpeakerPort>(*sound.speaker, translations, std::move(voices));
    kiosk.SetSpeaker(sound.port.get(), std::move(codes));
}

int Run(const core::Options& o, const core::Config& config) {
    std::string assets = FindAssets(o);
    // The catalogue on the command line is the fallback until the first sync, and whenever the
    // synced one cannot be shown: the kiosk never refuses to start because of its synced
    // catalogue, and says why on the staff screen.
    std::string bundled = o.catalogue.empty() ? assets + "/demo/catalogue.json" : o.catalogue;
    // Found before any window opens; a catalogue that cannot be read is found behind the first frame.
    if (std::error_code ec; !fs::exists(bundled, ec)) {
        Log("cannot load the catalogue: cannot open catalogue '" + bundled + "'");
        return 1;
    }
    auto translations = core::LoadTranslationsDir(assets + "/translations");
    if (!translations) {
        Log(translations.error().message);
        return 1;
    }
    app::LanguageOffer offer = app::OfferLanguages(translations.value(), config);
    for (const auto& p : offer.problems) Log(p);
    if (!translations->FindLanguage(o.lang)) {
        Log(app::NotOffered(translations.value(), o.lang));
        return 2;
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
    textures.SetFonts(offer.fonts);

    core::SessionPolicy policy{std::chrono::seconds(o.idle_seconds), std::chrono::seconds(o.warning_seconds),
                               config.staff_pin, std::chrono::seconds(o.speech_idle_seconds)};
    // No catalogue yet: the attract screen needs none, so the first frame does not wait for it.
    app::Kiosk kiosk(app::LoadedCatalogue{}, policy, &textures, &translations.value(), config,
                     core::LocalToday(), Log);
    if (!offer.problems.empty()) kiosk.SetLanguageProblem(app::JoinProblems(offer.problems));
    core::SteadyClock clock;
    // What the catalogue's arrival sets up: the sync status, the staff screen's problem line.
    auto install = [&](app::FirstCatalogue& first) {
        kiosk.ReplaceCatalogue(std::move(first.catalogue.value()), clock.Now());
        if (!config.catalogue_url.empty())
            kiosk.SetSyncStatus({first.synced ? first.synced->manifest.version : 0});
        if (!first.problem.empty()) kiosk.SetCatalogueProblem(first.problem);
    };
    if (shot) {
        app::FirstCatalogue first = app::OpenFirstCatalogue(config, bundled, Log);
        if (!first.catalogue) {
            Log("cannot load the catalogue: " + first.catalogue.error().message);
            return 1;
        }
        install(first);
        // A configured printer shows its button (nothing is printed).
        std::unique_ptr<app::CardPrinter> printer;
        if (!config.printer.empty()) {
            printer =
                std::make_unique<app::CardPrinter>(config.printer, PrinterStyle(config, assets), nullptr);
            kiosk.SetPrinter(printer.get());
        }
        // The voices the kiosk would have, so the screen shows what it would say about them
        // (nothing is played).
        if (auto tts = audio::EspeakTts::Open())
            kiosk.SetSpeaker(nullptr, core::VoiceSet{tts.value()->Voices(translations->Languages()),
                                                     config.audio_reviewed_only}
                                          .Codes());
        return TakeScreenshot(*platform, kiosk, o, clock.Now());
    }

    app::MainQueue queue(kMainQueueCapacity, &app::Platform::Wake);
    Sound sound;
    OpenSound(sound, kiosk, queue, translations.value(), config);
    // The receipt printer, when one is configured: the confirmation then offers "Print".
    std::unique_ptr<app::CardPrinter> printer;
    if (!config.printer.empty()) {
        printer = std::make_unique<app::CardPrinter>(
            config.printer, PrinterStyle(config, assets),
            [&queue, &kiosk] { queue.Post([&kiosk] { return kiosk.RefreshPrint(); }); });
        kiosk.SetPrinter(printer.get());
    }

    // The outbox: this thread writes new requests; the worker thread delivers them.
    auto outbox = store::SqliteOutbox::Open(app::OutboxPath(config));
    if (!outbox)
        Log(outbox.error().message + "; \"Maak een afspraak\" will tell visitors to ask at the desk");
    sync::DeliveryWorker worker(config, app::OutboxPath(config), Log, [&](const sync::WorkerStatus& st) {
        queue.Post([&kiosk, st] { return kiosk.SetStaffStatus(st, sync::WallNowMs()); });
    });
    if (outbox) {
        kiosk.SetOutbox(outbox.value().get(), [&worker] { worker.Wake(); });
        worker.Start();
    }
    // Anonymous counts of what visitors look for, in the same file; the heartbeat sends them.
    auto demand = store::SqliteDemand::Open(app::OutboxPath(config));
    if (demand)
        kiosk.SetDemand(demand.value().get());
    else
        Log(demand.error().message + "; what visitors look for is not counted");

    // Catalogues leave on this thread, in the background: freeing thousands of activities would
    // cost the main thread a frame at every swap.
    std::mutex dropped_mutex;
    std::vector<app::LoadedCatalogue> dropped;
    sync::WorkerThread releaser(
        [&]() -> sync::WorkerThread::Pass {
            return [&] {
                std::vector<app::LoadedCatalogue> now;
                {
                    std::lock_guard lock(dropped_mutex);
                    now.swap(dropped);
                }
                return std::chrono::milliseconds(std::chrono::hours(1));
            };
        },
        sync::WorkerThread::Priority::kBackground);
    releaser.Start();
    auto release = [&](app::LoadedCatalogue old) {
        {
            std::lock_guard lock(dropped_mutex);
            dropped.push_back(std::move(old));
        }
        releaser.Wake();
    };

    // The list on screen, as the session asks it: a new catalogue's answer to it is prepared on
    // the sync thread, so the swap does not ask it on this one. Declared before the sync, which
    // reads it until it stops.
    std::mutex shown_mutex;
    core::Filter shown_filter;
    core::Date shown_today;
    kiosk.SetListWatcher([&](const core::Filter& filter, core::Date today) {
        std::lock_guard lock(shown_mutex);
        shown_filter = filter;
        shown_today = today;
    });
    // A sync downloads and compiles a catalogue only while the screen stands still: while frames
    // follow each other (a finger on the screen, a list gliding) it waits, in 10 ms steps and at
    // most 2 s at a time, so a screen that never rests still lets it on.
    std::atomic<bool> screen_moving{false};
    auto wait_for_stillness = [&screen_moving] {
        for (int i = 0; i < 200 && screen_moving.load(std::memory_order_relaxed); ++i)
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
    };
    // Catalogue sync: the new catalogue is loaded on the sync thread, swapped in on this one.
    // Without a catalogue server the same thread only sends the heartbeat. It starts from the
    // version the first catalogue came from, once that is open.
    std::unique_ptr<sync::SyncWorker> syncer;
    auto start_sync = [&](const std::optional<sync::InstalledCatalogue>& synced) {
        if (config.catalogue_url.empty() && config.heartbeat_url.empty()) return;
        syncer = std::make_unique<sync::SyncWorker>(
            config, synced, app::OutboxPath(config), Log,
            [&](const sync::SyncStatus& st) { queue.Post([&kiosk, st] { return kiosk.SetSyncStatus(st); }); },
            [&](const sync::InstalledCatalogue& installed) {
                // The sync opened it with the kiosk's own loader before it applied it.
                std::shared_ptr<app::LoadedCatalogue> ready = installed.loaded;
                if (!ready)
                    return Log("sync: version " + std::to_string(installed.manifest.version) +
                               " came without its catalogue; keeping the one on screen");
                for (const auto& issue : ready->issues) Log("catalogue: " + core::FormatIssue(issue));
                if (!installed.db_note.empty())
                    Log("sync: version " + std::to_string(installed.manifest.version) + ": " +
                        installed.db_note);
                Log("sync: version " + std::to_string(installed.manifest.version) + " loaded in " +
                    std::to_string(installed.load_ms) + " ms; swapping it in");
                long long version = installed.manifest.version;
                std::pair<core::Filter, core::Date> shown;
                {
                    std::lock_guard lock(shown_mutex);
                    shown = {shown_filter, shown_today};
                }
                auto prepared =
                    std::make_shared<app::PreparedList>(app::PrepareList(*ready, shown.first, shown.second));
                queue.Post([&kiosk, &clock, &release, ready, prepared, version] {
                    auto t0 = std::chrono::steady_clock::now();
                    release(kiosk.ReplaceCatalogue(std::move(*ready), clock.Now(), prepared.get()));
                    auto us = std::chrono::duration_cast<std::chrono::microseconds>(
                                  std::chrono::steady_clock::now() - t0)
                                  .count();
                    Log("sync: version " + std::to_string(version) + " swapped in; " + std::to_string(us) +
                        " us on the main thread");
                    return true;
                });
            },
            wait_for_stillness);
        syncer->Start();
    };

    // The first catalogue opens behind the first frame, however big it is.
    int exit_code = 0;
    std::thread opener([&] {
        auto first = std::make_shared<app::FirstCatalogue>(app::OpenFirstCatalogue(config, bundled, Log));
        queue.Post([&, first] {
            if (!first->catalogue) {
                Log("cannot load the catalogue: " + first->catalogue.error().message);
                exit_code = 1;
                app::Platform::RequestQuit();
                return false;
            }
            Log("catalogue: on screen after " + std::to_string(first->ms) + " ms, " +
                std::to_string(first->catalogue->activities->Count()) + " activities");
            install(*first);
            start_sync(first->synced);
            return true;
        });
    });

    app::ServiceNotifier notifier;
    app::FrameLog frame_log(o.frame_log, Log);
    app::WidgetMap widget_map(o.widget_map);
    app::SpeechLog speech_log(o.speech_log, Log);
    if (!o.speech_log.empty())
        kiosk.SetSpeechLog(
            [&](const core::Utterance& u, const std::string& lang) { speech_log.Said(u, lang); });
    app::FrameWatchdog watchdog(Log);
    app::SpeechModeConfig speech{o.dpi / 25.4f, std::chrono::seconds(std::max(0, config.speech_hint_s))};
    app::FrameLoopStats stats =
        app::RunFrameLoop({*platform, textures, kiosk, queue, clock, notifier, frame_log, widget_map,
                           watchdog, core::LocalToday, &screen_moving, speech});

    // Shutdown: nobody may wait on a loop that has stopped, then the workers end.
    queue.Close();
    opener.join();
    kiosk.FlushDemand();
    if (syncer) syncer->Stop();
    worker.Stop();
    worker.Join();
    syncer.reset();
    releaser.Stop();
    releaser.Join();
    if (o.frame_stats)
        std::printf("frames drawn: %ld\nseconds: %.1f\nsessions wiped: %d\nscreen at exit: %s\n",
                    stats.frames_drawn, stats.seconds, kiosk.Session().generation,
                    core::NameOf(kiosk.Session().screen));
    return exit_code;
}

}  // namespace

core::Result<core::Config> LoadConfig(const std::string& path) {
    if (path.empty()) return core::Config{};
    auto text = core::ReadWholeFile(path);
    if (!text) return core::Error{core::ErrorCode::kIo, "cannot open " + path};
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
