// Owns the one frame loop. It reads top to bottom: poll events, drain the main-thread queue,
// reduce the clock's actions, decide whether a frame is needed, draw, reduce the frame's
// actions (which dispatches their effects and rebuilds the view model). No wiring here.
#pragma once

#include <atomic>

#include "core/clock.h"
#include "frame_hooks.h"
#include "kiosk.h"
#include "main_queue.h"
#include "platform.h"
#include "service.h"
#include "speech_mode.h"
#include "ui/pointer.h"

namespace brugpunt::app {

struct FrameLoopParts {
    Platform& platform;
    GlTextures& textures;
    Kiosk& kiosk;
    MainQueue& queue;
    const core::Clock& clock;
    ServiceNotifier& notifier;
    FrameLog& frame_log;
    WidgetMap& widget_map;
    FrameWatchdog& watchdog;
    core::Date (*today)();  // the local date, asked each turn so midnight is noticed
    // Set while frames follow each other (input, settling, a glide), cleared when the loop goes
    // to sleep: background work waits while it is set. May be null.
    std::atomic<bool>* moving = nullptr;
    SpeechModeConfig speech;
};

struct FrameLoopStats {
    long frames_drawn = 0;
    double seconds = 0;
};

// Runs until the window is closed (or SIGTERM, which SDL turns into a quit event).
FrameLoopStats RunFrameLoop(const FrameLoopParts& parts);

}  // namespace brugpunt::app
