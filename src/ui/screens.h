// Owns the list of screens: each is one function from a read-only model to Actions, in a file
// named for it. No store, sync, SDL or file access here. Must not include SDL, store or sync.
#pragma once

#include "core/language.h"
#include "core/session.h"
#include "format.h"  // Tr and SetStrings, which the app sets up
#include "view_model.h"
#include "widgets.h"

namespace brugpunt::ui {

// Screen: attract. Any tap starts a session.
void DrawAttract(const ViewModel& m, core::Actions& out);
// Which turn the attract screen's call to touch is at `now`: it shows the languages other than
// Dutch each for kAttractCycle, in turn (the turn modulo their number). The frame loop draws a
// frame when it changes.
inline constexpr std::chrono::seconds kAttractCycle{3};
size_t AttractTurn(core::TimePoint now);
// Screen: home. Category tiles: a pictogram and one Dutch word.
void DrawHome(const ViewModel& m, core::Actions& out);
// Screen: activity list with filter chips.
void DrawList(const ViewModel& m, UiLocal& local, DragScroll& scroll, core::Actions& out);
// Screen: activity detail: photo, title and actions, the facts that decide, the first visit, and
// every seven-B field behind "Meer weten".
void DrawDetail(const ViewModel& m, UiLocal& local, DragScroll& scroll, core::Actions& out);
// Screen: the desk's phone, address and opening hours.
void DrawContact(const ViewModel& m, core::Actions& out);
// Screen: about and credits.
void DrawCredits(const ViewModel& m, core::Actions& out);
// Screen: "Maak een afspraak", one step at a time.
void DrawAppointment(const ViewModel& m, core::Actions& out);
// Screen: staff status behind a PIN (reached by five quick taps in the attract screen's top-left corner).
void DrawStaff(const ViewModel& m, core::Actions& out);
// Overlay: "Ben je er nog?" with countdown and "Meer tijd".
void DrawIdleWarning(const ViewModel& m, core::Actions& out);
// Overlay: the language picker.
void DrawLanguagePicker(const ViewModel& m, core::Actions& out);
// A language's name in its own script (shaped text), its Dutch name small under it, a tick when
// chosen: for the picker and the request's language step. voice_mark: beside the Dutch name, a
// speaker or a crossed speaker for whether this kiosk can speak it (the picker's, not the step's:
// there the question is which language the desk speaks).
bool LanguageButton(const ViewModel& m, const std::string& id, const core::Language& lang, bool on,
                    ImVec2 size, bool voice_mark);
// Panel: pause, replay, softer, louder while something is said.
void DrawAudioControls(const ViewModel& m, core::Actions& out);
ImVec2 AudioControlsSize();

// The whole frame: top bar ("Terug", home, "Maak een afspraak"), the screen, the overlay.
struct FrameLocal {
    UiLocal ui;
    DragScroll list_scroll;
    DragScroll detail_scroll;
    std::string detail_id;  // a new activity opens at the top
};
void DrawFrame(const ViewModel& m, FrameLocal& local, core::Actions& out);
// What the platform clears the frame to before it is drawn: the background of the screen on show,
// which its window then does not paint again (a screenful of pixels a software renderer pays for).
ImU32 FrameBackground(const ViewModel& m);
// True while a list is still being dragged or gliding, so the frame loop keeps drawing.
bool Animating(const FrameLocal& local);

}  // namespace brugpunt::ui
