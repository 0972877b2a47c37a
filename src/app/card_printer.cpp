// Owns printing the take-home card on its own thread.
#include "card_printer.h"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>

#include "text/escpos.h"

extern char** environ;

namespace brugpunt::app {
namespace {

core::Error Io(const std::string& what) {
    return core::Error{core::ErrorCode::kIo, what};
}

// All of bytes to the device, waiting at most timeout_ms each time it takes nothing.
core::VoidResult WriteDevice(const std::string& path, const std::string& bytes, int timeout_ms) {
    int fd = ::open(path.c_str(), O_WRONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) return Io("cannot open " + path + ": " + std::strerror(errno));
    size_t done = 0;
    while (done < bytes.size()) {
        ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n > 0) {
            done += static_cast<size_t>(n);
            continue;
        }
        if (n < 0 && errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
            std::string why = std::strerror(errno);
            ::close(fd);
            return Io("cannot write to " + path + ": " + why);
        }
        pollfd p{fd, POLLOUT, 0};
        if (::poll(&p, 1, timeout_ms) == 0) {
            ::close(fd);
            return Io(path + " took no bytes for " + std::to_string(timeout_ms / 1000) +
                      " s (paper out, lid open or switched off?)");
        }
    }
    if (::close(fd) != 0) return Io("cannot finish writing to " + path + ": " + std::strerror(errno));
    return core::Ok{};
}

// `lp -d queue -o fit-to-page png`, waited for.
core::VoidResult PrintWithCups(const std::string& queue, const std::string& png) {
    std::string dest = queue;
    std::vector<char*> argv = {const_cast<char*>("lp"),        const_cast<char*>("-s"),
                               const_cast<char*>("-d"),        dest.data(),
                               const_cast<char*>("-o"),        const_cast<char*>("fit-to-page"),
                               const_cast<char*>(png.c_str()), nullptr};
    pid_t pid = 0;
    if (int e = posix_spawnp(&pid, "lp", nullptr, nullptr, argv.data(), environ); e != 0)
        return Io(std::string("cannot run lp (apt-get install cups-client): ") + std::strerror(e));
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return Io("lp -d " + queue + " failed (status " + std::to_string(WEXITSTATUS(status)) + ")");
    return core::Ok{};
}

}  // namespace

CardPrinter::CardPrinter(std::string target, text::CardStyle style, std::function<void()> on_change)
    : m_target(std::move(target)), m_style(std::move(style)), m_on_change(std::move(on_change)) {
    m_thread = std::thread([this] { Run(); });
}

CardPrinter::~CardPrinter() {
    {
        std::lock_guard lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

void CardPrinter::Print(const core::TakeHomeCard& card) {
    {
        std::lock_guard lock(m_mutex);
        if (m_state == ui::PrintState::kPrinting) return;  // one card at a time
        m_job = card;
        m_state = ui::PrintState::kPrinting;
    }
    m_wake.notify_all();
}

ui::PrintState CardPrinter::State() const {
    std::lock_guard lock(m_mutex);
    return m_state;
}

std::string CardPrinter::TakeProblem() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_problem, "");
}

void CardPrinter::Run() {
    for (;;) {
        core::TakeHomeCard card;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [&] { return m_stop || m_job; });
            if (m_stop) return;
            card = std::move(*m_job);
            m_job.reset();
        }
        auto printed = PrintNow(card);
        {
            std::lock_guard lock(m_mutex);
            m_state = printed ? ui::PrintState::kPrinted : ui::PrintState::kFailed;
            m_problem = printed ? "" : printed.error().message;
        }
        if (m_on_change) m_on_change();
    }
}

core::VoidResult CardPrinter::PrintNow(const core::TakeHomeCard& card) {
    auto dots = text::RenderCard(card, m_style);
    if (!dots) return dots.error();
    if (!m_target.starts_with("cups:"))
        return WriteDevice(m_target, text::EscPosRaster(dots.value()), kWriteTimeoutMs);
    std::error_code ec;
    std::string png =
        (std::filesystem::temp_directory_path(ec) / ("brugpunt-card-" + std::to_string(::getpid()) + ".png"))
            .string();
    if (auto w = text::WriteDotsPng(dots.value(), png); !w) return w.error();
    auto sent = PrintWithCups(m_target.substr(5), png);
    std::filesystem::remove(png, ec);
    return sent;
}

}  // namespace brugpunt::app
