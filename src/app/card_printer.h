// Owns printing the take-home card on a receipt printer, on its own thread: the card drawn
// (text/card), then ESC/POS bytes written to the printer's device file, or a PNG given to a CUPS
// queue with lp. No SDL or ImGui here.
#pragma once

#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "kiosk.h"
#include "text/card.h"

namespace brugpunt::app {

class CardPrinter final : public PrinterPort {
  public:
    // target: a device file (/dev/usb/lp0) or "cups:QUEUE". on_change: called on the printer's
    // thread when a card is printed or has failed (the caller wakes the main thread).
    CardPrinter(std::string target, text::CardStyle style, std::function<void()> on_change);
    ~CardPrinter() override;
    CardPrinter(const CardPrinter&) = delete;
    CardPrinter& operator=(const CardPrinter&) = delete;

    void Print(const core::TakeHomeCard& card) override;
    ui::PrintState State() const override;
    std::string TakeProblem() override;

    // How long a device may refuse bytes before the card is given up.
    static constexpr int kWriteTimeoutMs = 10'000;

  private:
    void Run();
    core::VoidResult PrintNow(const core::TakeHomeCard& card);

    const std::string m_target;
    const text::CardStyle m_style;
    const std::function<void()> m_on_change;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::optional<core::TakeHomeCard> m_job;
    ui::PrintState m_state = ui::PrintState::kReady;
    std::string m_problem;
    bool m_stop = false;
    std::thread m_thread;
};

}  // namespace brugpunt::app
