// Fuzz target: a catalogue as sync hands it to the kiosk, opened by the kiosk's own loader and,
// when accepted, drawn on every screen headless (tests/ui/headless.h, no window or GPU).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>

#include "headless.h"
#include "store/catalogue_loader.h"

namespace {

using namespace brugpunt;

const core::Screen kScreens[] = {core::Screen::kAttract,     core::Screen::kHome,    core::Screen::kList,
                                 core::Screen::kDetail,      core::Screen::kContact, core::Screen::kCredits,
                                 core::Screen::kAppointment, core::Screen::kStaff};
const core::Step kSteps[] = {core::Step::kAbout,    core::Step::kChildren, core::Step::kContact,
                             core::Step::kLanguage, core::Step::kDayParts, core::Step::kConsent,
                             core::Step::kDone,     core::Step::kFailed};

testing::HeadlessUi& Ui() {
    static testing::HeadlessUi* ui = [] {
        auto* made = new testing::HeadlessUi();
        if (!made->Error().empty()) {
            std::fprintf(stderr, "fuzz_catalogue_screens: %s\n", made->Error().c_str());
            std::abort();
        }
        return made;
    }();
    return *ui;
}

// Every screen, in Dutch and then in Arabic with subtitles (right to left, shaped text), with
// the list of the first category and the first and last activity in detail.
void DrawEveryScreen(testing::HeadlessUi& ui, const core::CataloguePtr& cat) {
    ui::ViewModel& vm = ui.vm;
    vm.catalogue = cat;
    vm.today = {2026, 11, 23};
    vm.category = cat->categories.empty() ? nullptr : &cat->categories.front();
    vm.activities = core::ActivitiesOf(cat);
    vm.list.clear();
    for (size_t i = 0; i < cat->activities.size(); ++i)
        if (!vm.category || cat->activities[i].category == vm.category->id) vm.list.push_back(i);
    vm.chosen.clear();
    for (size_t i = 0; i < cat->activities.size() && i < 3; ++i) vm.chosen.push_back(vm.activities->At(i));
    std::vector<std::shared_ptr<const core::Activity>> details = {nullptr};
    if (!cat->activities.empty())
        details = {vm.activities->At(0), vm.activities->At(cat->activities.size() - 1)};
    for (const char* lang : {"nl", "ar"}) {
        vm.language = lang;
        vm.subtitles = std::string(lang) != "nl";
        for (core::Screen screen : kScreens) {
            vm.screen = screen;
            vm.warning = false;
            vm.language_picker = false;
            vm.staff = {};
            vm.draft = {};
            if (screen == core::Screen::kDetail) {
                for (const auto& a : details) {
                    vm.detail = a;
                    ui.Frame();
                }
                continue;
            }
            vm.detail = details.front();
            if (screen == core::Screen::kAppointment) {
                for (auto kind : {core::RequestKind::kAppointment, core::RequestKind::kInterest})
                    for (core::Step step : kSteps) {
                        vm.draft.request.kind = kind;
                        vm.draft.step = step;
                        ui.Frame();
                    }
                continue;
            }
            if (screen == core::Screen::kStaff) {
                ui.Frame();
                vm.staff.unlocked = true;
            }
            ui.Frame();
        }
        // Over the last screen: the language picker, then the idle warning.
        vm.screen = core::Screen::kList;
        vm.language_picker = true;
        ui.Frame();
        vm.language_picker = false;
        vm.warning = true;
        vm.warning_seconds = 20;
        ui.Frame();
    }
    vm = ui::ViewModel{};
    vm.textures = &ui.textures;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    // The loader opens files (it looks for clips next to the catalogue), so the input is one.
    static const std::filesystem::path dir = [] {
        auto d =
            std::filesystem::temp_directory_path() / ("brugpunt-fuzz-screens-" + std::to_string(getpid()));
        std::filesystem::create_directories(d);
        return d;
    }();
    std::string path = (dir / "catalogue.json").string();
    std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data), size);
    auto loaded = store::OpenCatalogueSource(path);
    if (!loaded) return 0;
    DrawEveryScreen(Ui(), loaded->catalogue);
    return 0;
}
