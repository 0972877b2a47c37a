// Owns what hangs on the frame loop without being part of it: the benchmark's frame log, the
// end-to-end tests' widget map, and the watchdog around drawing. No SDL here.
#pragma once

#include <cstdio>
#include <functional>
#include <string>

#include "core/speech.h"
#include "ui/frame_guard.h"

namespace brugpunt::app {

using LogFn = std::function<void(const std::string&)>;

// Benchmark hook (--frame-log): "ms since the loop started, main-thread CPU µs of the loop turn,
// flag" per drawn frame; flag S: a new catalogue was swapped in this turn, A: a sync is running.
class FrameLog {
  public:
    FrameLog(const std::string& path, const LogFn& log);
    ~FrameLog();
    FrameLog(const FrameLog&) = delete;
    FrameLog& operator=(const FrameLog&) = delete;

    void TurnStarted();  // the loop woke: the CPU clock for this turn starts
    void FrameDrawn(long long ms_since_start, char flag);

  private:
    std::FILE* m_file = nullptr;
    long long m_turn_cpu_us = 0;
};

// Test hook (--widget-map): "id x0 y0 x1 y1" per widget, in window pixels, replaced atomically
// whenever the screen's widgets move.
class WidgetMap {
  public:
    explicit WidgetMap(std::string path) : m_path(std::move(path)) {}
    void FrameDrawn();

  private:
    std::string m_path;
    std::string m_last;
};

// Test hook (--speech-log): "LANG<tab>DUTCH<tab>TRANSLATED" per utterance the kiosk is asked to
// say, written and flushed as it is asked, so a test can follow what a blind visitor hears.
class SpeechLog {
  public:
    SpeechLog(const std::string& path, const LogFn& log);
    ~SpeechLog();
    SpeechLog(const SpeechLog&) = delete;
    SpeechLog& operator=(const SpeechLog&) = delete;
    void Said(const core::Utterance& u, const std::string& language);

  private:
    std::FILE* m_file = nullptr;
};

// The watchdog: a frame whose drawing throws is logged and its taps dropped; after too many in a
// row the kiosk aborts so the service manager restarts it.
class FrameWatchdog {
  public:
    explicit FrameWatchdog(LogFn log) : m_log(std::move(log)) {}
    // Returns false when the frame failed (its actions are not to be trusted).
    bool Draw(const std::function<void()>& draw);

  private:
    ui::FrameGuard m_guard;
    LogFn m_log;
};

}  // namespace brugpunt::app
