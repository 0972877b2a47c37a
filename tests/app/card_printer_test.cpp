// The receipt printer as the kiosk drives it: a card printed on the printer's thread to a device
// file (here a plain file standing in for /dev/usb/lp0: the kernel's printer device takes the same
// bytes), read back from those bytes, and a printer that is not there reported, not hung on.
#include <catch2/catch.hpp>

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "app/card_printer.h"
#include "text/escpos.h"

using namespace brugpunt;
namespace fs = std::filesystem;

namespace {

core::TakeHomeCard Card() {
    core::TakeHomeCard c;
    c.lines = {{"check", "Brugpunt afspraak K7Q-4XM", true, false},
               {"clock", "Wanneer: woensdag 14:00 - 15:00", false, false},
               {"desk", "Balie: Vrijetijdsbalie Brugdonk, 09 000 12 00", false, true}};
    return c;
}

text::CardStyle Style() {
    text::CardStyle s;
    s.pictogram_dir = BRUGPUNT_PICTOGRAM_DIR;
    return s;
}

// The state once the printer's thread is done with the card (at most 20 s).
ui::PrintState Settled(const app::CardPrinter& p) {
    for (int i = 0; i < 2000 && p.State() == ui::PrintState::kPrinting; ++i)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    return p.State();
}

}  // namespace

TEST_CASE("The printer prints the card as ESC/POS bytes on its device, and its QR code reads back") {
    fs::path dir = fs::temp_directory_path() / ("brugpunt-printer-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    fs::path device = dir / "lp0";
    std::ofstream(device).close();  // the device node exists before the kiosk opens it
    std::atomic<int> changes = 0;
    app::CardPrinter printer(device.string(), Style(), [&] { ++changes; });
    CHECK(printer.State() == ui::PrintState::kReady);
    printer.Print(Card());
    CHECK(Settled(printer) == ui::PrintState::kPrinted);
    CHECK(changes == 1);
    CHECK(printer.TakeProblem().empty());

    std::stringstream bytes;
    bytes << std::ifstream(device, std::ios::binary).rdbuf();
    auto dots = text::ReadEscPosRaster(bytes.str());
    INFO((dots ? "" : dots.error().message));
    REQUIRE(dots);
    CHECK(dots->width == 576);
    std::string png = (dir / "printed.png").string();
    REQUIRE(text::WriteDotsPng(dots.value(), png));
    std::unique_ptr<FILE, int (*)(FILE*)> zbar(
        popen(("zbarimg -q --raw '" + png + "' 2>/dev/null").c_str(), "r"), &pclose);
    REQUIRE(zbar);
    char buf[1024] = {};
    size_t n = fread(buf, 1, sizeof buf - 1, zbar.get());
    CHECK(std::string(buf, n).find("K7Q-4XM") != std::string::npos);
    fs::remove_all(dir);
}

TEST_CASE("A printer that is not there fails the card with a reason, and the next card is tried again") {
    std::atomic<int> changes = 0;
    app::CardPrinter printer("/nonexistent/usb/lp0", Style(), [&] { ++changes; });
    printer.Print(Card());
    CHECK(Settled(printer) == ui::PrintState::kFailed);
    CHECK_THAT(printer.TakeProblem(), Catch::Contains("cannot open /nonexistent/usb/lp0"));
    CHECK(printer.TakeProblem().empty());  // said once
    printer.Print(Card());
    CHECK(Settled(printer) == ui::PrintState::kFailed);
    CHECK(changes == 2);
}

TEST_CASE("A CUPS queue that cannot take the card fails it with a reason") {
    app::CardPrinter printer("cups:no-such-queue-here", Style(), {});
    printer.Print(Card());
    CHECK(Settled(printer) == ui::PrintState::kFailed);
    std::string problem = printer.TakeProblem();
    // Without cups-client: lp cannot be run; with it: lp refuses the unknown queue.
    CHECK((problem.find("cannot run lp") != std::string::npos ||
           problem.find("lp -d no-such-queue-here") != std::string::npos));
}
