// Owns the frame loop: event-driven, so an untouched kiosk sleeps. After anything happens it
// draws a few frames so taps and popups settle, then sleeps on the event queue until the next
// input, a worker's report or the next session deadline. No wiring here.
#include "frame_loop.h"

#include <algorithm>

#include "ui/screens.h"

namespace brugpunt::app {
namespace {

constexpr int kSettleFrames = 3;

// How long PumpEvents may sleep: not at all while frames are owed, else until the session's next
// deadline (at most a second), and in quarter seconds while the countdown shows.
int SleepBudgetMs(const Kiosk& kiosk, const SpeechMode& speech, core::TimePoint now, bool idle) {
    if (!idle) return 0;
    int timeout_ms = 1000;
    auto until = [&](core::TimePoint deadline) {
        auto ms = std::chrono::duration_cast<core::Millis>(deadline - now).count();
        timeout_ms = std::min(timeout_ms, static_cast<int>(std::clamp<long long>(ms + 1, 1, 1000)));
    };
    if (auto deadline = core::NextDeadline(kiosk.Session(), kiosk.Policy())) until(*deadline);
    // A tap waiting to see whether it is a double one, a finger held towards speech mode.
    if (auto deadline = speech.NextDeadline(kiosk.View())) until(*deadline);
    if (kiosk.Session().warning) timeout_ms = std::min(timeout_ms, 250);
    return timeout_ms;
}

}  // namespace

FrameLoopStats RunFrameLoop(const FrameLoopParts& p) {
    ui::PointerQueue pointer;
    // Every touch passes speech mode, which hands it on to the screens or hears it itself.
    SpeechMode speech(pointer, p.clock, p.speech);
    int frames_left = kSettleFrames;
    int shown_seconds = -1;
    size_t shown_call = SIZE_MAX;  // the attract screen's language of its call to touch
    long frames_drawn = 0;
    const core::TimePoint started = p.clock.Now();
    // Nothing to settle, no tap still queued, no list gliding: no frame to draw.
    auto idle = [&] { return frames_left == 0 && !pointer.Pending() && !ui::Animating(p.kiosk.Local()); };
    auto want = [&](int frames) { frames_left = std::max(frames_left, frames); };
    for (;;) {
        // 1. Poll events. A loop about to sleep is still: background work may go on.
        p.notifier.Alive();
        const bool sleeping = idle();
        if (p.moving) p.moving->store(!sleeping, std::memory_order_relaxed);
        EventSummary ev =
            p.platform.PumpEvents(SleepBudgetMs(p.kiosk, speech, p.clock.Now(), sleeping), speech);
        if (ev.quit) break;
        p.frame_log.TurnStarted();

        // 2. Drain the main-thread queue: worker reports ask for a frame only when they show.
        if (p.queue.Drain()) want(1);
        const bool swapped = p.kiosk.TakeCatalogueSwapped();
        if (swapped) want(kSettleFrames);
        if (p.kiosk.RefreshAudio()) want(1);  // show or hide the audio controls
        if (p.today && p.kiosk.SetToday(p.today())) want(kSettleFrames);

        // 3. The clock's actions: a touch keeps the session, time may end it.
        core::TimePoint now = p.clock.Now();
        core::Actions actions;
        if (ev.input) actions.push_back(core::action::Input{now});
        actions.push_back(core::action::Tick{now});
        for (auto& a : speech.Take(now, p.kiosk.View())) actions.push_back(std::move(a));
        if (speech.WantsFrames()) want(1);
        if (p.kiosk.Apply(actions, now) || ev.input || ev.redraw) want(kSettleFrames);
        if (p.kiosk.View().warning_seconds != shown_seconds) want(1);
        const bool attract = p.kiosk.View().screen == core::Screen::kAttract;
        if (attract && ui::AttractTurn(now) != shown_call) want(1);

        // 4. Decide whether a frame is needed.
        const bool still = idle();
        if (p.moving) p.moving->store(!still, std::memory_order_relaxed);
        if (still) continue;

        // 5. Draw. A frame that failed half-way has taps that are not to be trusted.
        p.textures.Trim();
        p.platform.BeginFrame(pointer.NextFrame());
        actions.clear();
        if (!p.watchdog.Draw([&] { ui::DrawFrame(p.kiosk.View(), p.kiosk.Local(), actions); }))
            actions.clear();
        p.platform.EndFrame(ui::FrameBackground(p.kiosk.View()));
        ++frames_drawn;
        auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(p.clock.Now() - started).count();
        p.frame_log.FrameDrawn(ms, swapped ? 'S' : p.kiosk.View().staff_status.sync_busy ? 'A' : '-');
        if (frames_drawn == 1) p.notifier.Ready();
        p.widget_map.FrameDrawn();
        speech.FrameDrawn(ui::probe::Reading(), p.kiosk.View());
        shown_seconds = p.kiosk.View().warning_seconds;
        shown_call = ui::AttractTurn(now);
        if (frames_left > 0) --frames_left;

        // 6. Reduce the frame's actions, dispatch their effects, rebuild the view model.
        if (p.kiosk.Apply(actions, now)) frames_left = kSettleFrames;
    }
    return {frames_drawn, std::chrono::duration<double>(p.clock.Now() - started).count()};
}

}  // namespace brugpunt::app
