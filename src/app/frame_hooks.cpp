// Owns the frame log, the widget map and the watchdog. No SDL here.
#include "frame_hooks.h"

#include <ctime>
#include <fstream>

#include "ui/widgets.h"

namespace brugpunt::app {
namespace {

long long ThreadCpuMicros() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<long long>(ts.tv_sec) * 1'000'000 + ts.tv_nsec / 1000;
}

// A hook's file, written from the start; null without a path, or (logged) when it cannot be.
std::FILE* OpenHookFile(const std::string& path, const LogFn& log) {
    if (path.empty()) return nullptr;
    std::FILE* f = std::fopen(path.c_str(), "w");
    if (!f) log("cannot write " + path);
    return f;
}

}  // namespace

FrameLog::FrameLog(const std::string& path, const LogFn& log) : m_file(OpenHookFile(path, log)) {}

FrameLog::~FrameLog() {
    if (m_file) std::fclose(m_file);
}

void FrameLog::TurnStarted() {
    if (m_file) m_turn_cpu_us = ThreadCpuMicros();
}

void FrameLog::FrameDrawn(long long ms_since_start, char flag) {
    if (m_file)
        std::fprintf(m_file, "%lld %lld %c\n", ms_since_start, ThreadCpuMicros() - m_turn_cpu_us, flag);
}

SpeechLog::SpeechLog(const std::string& path, const LogFn& log) : m_file(OpenHookFile(path, log)) {}

SpeechLog::~SpeechLog() {
    if (m_file) std::fclose(m_file);
}

void SpeechLog::Said(const core::Utterance& u, const std::string& language) {
    if (!m_file) return;
    auto line = [](std::string s) {
        for (char& c : s)
            if (c == '\t' || c == '\n' || c == '\r') c = ' ';
        return s;
    };
    std::fprintf(m_file, "%s\t%s\t%s\n", line(language).c_str(), line(u.dutch).c_str(),
                 line(u.translated).c_str());
    std::fflush(m_file);
}

void WidgetMap::FrameDrawn() {
    if (m_path.empty()) return;
    std::string text;
    char line[512];
    for (const auto& [id, r] : ui::probe::All()) {
        std::snprintf(line, sizeof line, "%s %.0f %.0f %.0f %.0f\n", id.c_str(), r.first.x, r.first.y,
                      r.second.x, r.second.y);
        text += line;
    }
    if (text == m_last) return;
    m_last = text;
    std::string tmp = m_path + ".tmp";
    std::ofstream(tmp) << text;
    std::rename(tmp.c_str(), m_path.c_str());
}

bool FrameWatchdog::Draw(const std::function<void()>& draw) {
    std::string error;
    bool carry_on = m_guard.Run(draw, error);
    if (!error.empty())
        m_log("a frame failed (" + std::to_string(m_guard.FailuresInARow()) + " in a row): " + error);
    if (!carry_on) {
        m_log("too many failing frames in a row; stopping so the service manager restarts the kiosk");
        std::abort();
    }
    return error.empty();
}

}  // namespace brugpunt::app
