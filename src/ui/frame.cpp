// Owns the whole frame: the top bar, the screen below it and the overlays on top. Must not include
// SDL, store or sync.
#include "screens.h"

#include <algorithm>
#include <optional>

#include "format.h"

namespace brugpunt::ui {

using namespace brugpunt::core::action;

namespace {

constexpr ImGuiWindowFlags kScreenFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings |
                                          ImGuiWindowFlags_NoScrollWithMouse;
// The frame's own windows (attract, top bar, screen): a tap on them never lifts them over a window
// drawn on top (the audio panel), so that panel needs no focus of its own. Focusing a window each
// frame takes the press from a button in another one: every tap while the kiosk spoke was lost.
constexpr ImGuiWindowFlags kBaseFlags = ImGuiWindowFlags_NoBringToFrontOnFocus;

// A window of the frame, painted in bg; without one it shows the frame's clear colour
// (FrameBackground), which costs nothing: a software renderer (llvmpipe) spends most of a frame
// shading pixels, and a screenful fewer is a third of a scrolling list's frame.
bool BeginScreen(const char* name, ImVec2 pos, ImVec2 size, std::optional<ImU32> bg,
                 ImGuiWindowFlags flags = kBaseFlags) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    if (!bg) return ImGui::Begin(name, nullptr, kScreenFlags | flags | ImGuiWindowFlags_NoBackground);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, *bg);
    bool open = ImGui::Begin(name, nullptr, kScreenFlags | flags);
    ImGui::PopStyleColor();
    return open;
}

// A window over the whole screen (the language picker, the warning): focused, so it takes the
// keyboard and stays on top.
bool BeginOverlay(const char* name, ImVec2 pos, ImVec2 size, ImU32 bg) {
    ImGui::SetNextWindowFocus();
    return BeginScreen(name, pos, size, bg, 0);
}

void DrawTopBar(const ViewModel& m, core::Actions& out) {
    // With subtitles on, the buttons take the bar's height for the visitor's words under the Dutch.
    float h = m.Subtitled() ? CurrentMetrics().TopBar() - CurrentMetrics().Mm(2)
                            : CurrentMetrics().HitTarget() * 1.15f;
    float gap = CurrentMetrics().Gap();
    float width = ImGui::GetWindowWidth();
    Label back = Lb("top.back"), appt = Lb("top.appointment"), home = Lb("top.home"),
          lang = Lb("top.language");
    float back_w = BigButtonWidth(back, true, h, CurrentMetrics().Mm(48));
    float appt_w = BigButtonWidth(appt, true, h);
    float home_w = BigButtonWidth(home, true, h, CurrentMetrics().Mm(44));
    float lang_w = BigButtonWidth(lang, true, h);
    auto fits = [&] { return back_w + home_w + lang_w + appt_w + 5 * gap <= width; };
    // Narrow screens keep "Terug" and "Maak een afspraak" in words; "Begin" becomes its pictogram.
    bool home_words = fits();
    if (!home_words) home_w = h;
    // The globe alone where "Taal" does not fit: it is the sign for "language" that needs no Dutch.
    bool lang_words = fits();
    if (!lang_words) lang_w = h;
    // The narrowest screens keep "Maak een afspraak" in words and show the arrow for "Terug".
    bool back_words = fits();
    if (!back_words) back_w = h;
    ImGui::SetCursorPos(ImVec2(gap, (CurrentMetrics().TopBar() - h) * 0.5f));
    if (BigButton("top:back", back_words ? back : Label(), m.Picto("back"), ImVec2(back_w, h)))
        out.push_back(Back{});
    probe::Describe("top:back", SpeechOf(back));  // a pictogram alone is still heard in words
    ImGui::SameLine(0, gap);
    if (BigButton("top:home", home_words ? home : Label(), m.Picto("house"), ImVec2(home_w, h),
                  ButtonKind::kQuiet))
        out.push_back(Home{});
    probe::Describe("top:home", SpeechOf(home));
    ImGui::SameLine(0, gap);
    if (BigButton("top:language", lang_words ? lang : Label(), m.Picto("globe"), ImVec2(lang_w, h),
                  m.language == "nl" ? ButtonKind::kQuiet : ButtonKind::kPrimary))
        out.push_back(OpenLanguages{});
    probe::Describe("top:language", SpeechOf(lang));
    // Speech mode's way out, seen and heard, where the intro says it is: at the top.
    if (m.speech) {
        ImGui::SameLine(0, gap);
        Label stop = Lb("top.speech_stop");
        float stop_w = BigButtonWidth(stop, true, h);
        bool words = ImGui::GetCursorPosX() + stop_w + appt_w + 2 * gap <= width;
        if (BigButton("top:speech_stop", words ? stop : Label(), m.Picto("no-speaker"),
                      ImVec2(words ? stop_w : h, h), ButtonKind::kQuiet))
            out.push_back(StopSpeech{});
        probe::Describe("top:speech_stop", SpeechOf(stop));
        // Softer and louder here, where nothing of the screen is under them: in speech mode the
        // floating audio panel would cover the controls a finger looks for. Pause and repeat are
        // a two-finger tap. Each says the volume it leaves, at that volume.
        Label volume = LbFill("speech.volume", {std::to_string(m.volume)});
        auto volume_key = [&](const char* id, const char* key, const char* picto, int delta) {
            ImGui::SameLine(0, gap * 0.5f);
            if (BigButton(id, Label(), m.Picto(picto), ImVec2(h, h), ButtonKind::kQuiet))
                out.push_back(core::action::Volume{delta});
            Label word = Lb(key);
            core::Utterance said{.dutch = word.dutch + ". " + volume.dutch};
            if (!word.visitor.empty() && !volume.visitor.empty())
                said.translated = word.visitor + ". " + volume.visitor;
            probe::Describe(id, said);
        };
        volume_key("top:softer", "speech.softer", "volume-down", -10);
        volume_key("top:louder", "speech.louder", "volume-up", +10);
    }
    // No voice for the visitor's language on this kiosk: a speaker cannot say anything in it, and
    // Dutch is not played as if it were theirs. A crossed speaker and the desk say so in pictures,
    // and a tap starts a request, whose language step offers an interpreter.
    if (m.language != "nl" && !m.staff_status.voices.empty() && !m.HasVoice(m.language)) {
        ImGui::SameLine(0, gap);
        float side = h * 0.8f;
        ImGui::SetCursorPosY((CurrentMetrics().TopBar() - side) * 0.5f);
        Pictogram(m.Picto("no-speaker"), side);
        ImGui::SameLine(0, gap * 0.5f);
        ImGui::SetCursorPosY((CurrentMetrics().TopBar() - h) * 0.5f);
        Label ask = Lb("speech.ask_desk");
        float ask_w = BigButtonWidth(ask, true, h);
        bool words = ImGui::GetCursorPosX() + ask_w + appt_w + 2 * gap <= width;
        if (BigButton("top:no_voice", words ? ask : Label(), m.Picto(kDeskPicto),
                      ImVec2(words ? ask_w : h, h), ButtonKind::kQuiet) &&
            m.screen != core::Screen::kAppointment)
            out.push_back(StartAppointment{""});
        probe::Describe("top:no_voice", SpeechOf(ask));
    }
    // The municipality's name only where it fits between the buttons.
    ImGui::SameLine(0, gap * 2);
    if (m.catalogue) {
        ImFont* font = FontOrCurrent(CurrentFonts().bold);
        float text_w = font->CalcTextSizeA(font->FontSize, FLT_MAX, 0, m.catalogue->municipality.c_str()).x;
        if (ImGui::GetCursorPosX() + text_w + gap * 2 <= width - appt_w - gap) {
            ImGui::SetCursorPosY((CurrentMetrics().TopBar() - font->FontSize) * 0.5f);
            ImGui::PushFont(font);
            ImGui::TextUnformatted(m.catalogue->municipality.c_str());
            ImGui::PopFont();
        }
    }
    // Inside the request the visitor is already making one, and an activity's page has its own at
    // its top: no second way in to confuse them.
    if (m.screen == core::Screen::kAppointment || m.screen == core::Screen::kDetail) return;
    ImGui::SameLine();
    ImGui::SetCursorPos(ImVec2(width - appt_w - gap, (CurrentMetrics().TopBar() - h) * 0.5f));
    if (BigButton("top:appointment", appt, m.Picto("raise-hand"), ImVec2(appt_w, h), ButtonKind::kAction))
        out.push_back(StartAppointment{""});
}

}  // namespace

ImU32 FrameBackground(const ViewModel& m) {
    return m.screen == core::Screen::kAttract ? colour::kPrimary : colour::kBackground;
}

void DrawFrame(const ViewModel& m, FrameLocal& local, core::Actions& out) {
    probe::Clear();
    // Widgets' labels carry the visitor's words under the Dutch while subtitles are on.
    const core::Strings* visitor = m.Subtitled() && m.translations ? m.translations->In(m.language) : nullptr;
    // Speech mode hears the visitor's words of every label, whether subtitles show them or not.
    const core::Strings* heard =
        m.speech && m.language != core::kDutch && m.translations ? m.translations->In(m.language) : visitor;
    SetVisitorStrings(heard);
    SetLabelShaper(visitor ? m.textures : nullptr, m.language);
    SetStateWords(Lb("speech.chosen"), Lb("speech.not_chosen"));
    std::string detail_id = m.detail ? m.detail->id : "";
    if (detail_id != local.detail_id) {
        local.detail_scroll.to_top = true;
        local.detail_id = detail_id;
        local.ui.detail_more = false;
    }
    ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::PushFont(FontOrCurrent(CurrentFonts().body));
    if (m.screen == core::Screen::kAttract) {
        if (BeginScreen("attract", ImVec2(0, 0), display, std::nullopt)) DrawAttract(m, out);
        ImGui::End();
    } else {
        float bar = CurrentMetrics().TopBar();
        if (BeginScreen("topbar", ImVec2(0, 0), ImVec2(display.x, bar), colour::kPanel)) DrawTopBar(m, out);
        ImGui::End();
        if (BeginScreen("screen", ImVec2(0, bar), ImVec2(display.x, display.y - bar), std::nullopt)) {
            switch (m.screen) {
                case core::Screen::kHome:
                    DrawHome(m, out);
                    break;
                case core::Screen::kList:
                    DrawList(m, local.ui, local.list_scroll, out);
                    break;
                case core::Screen::kDetail:
                    DrawDetail(m, local.ui, local.detail_scroll, out);
                    break;
                case core::Screen::kContact:
                    DrawContact(m, out);
                    break;
                case core::Screen::kCredits:
                    DrawCredits(m, out);
                    break;
                case core::Screen::kAppointment:
                    DrawAppointment(m, out);
                    break;
                case core::Screen::kStaff:
                    DrawStaff(m, out);
                    break;
                case core::Screen::kAttract:
                    break;
            }
        }
        ImGui::End();
    }
    local.ui.scroll_to_top = false;
    if (m.audio != AudioState::kIdle && m.screen != core::Screen::kAttract && !m.speech) {
        ImVec2 size = AudioControlsSize();
        ImVec2 at(display.x - size.x - CurrentMetrics().Gap(), display.y - size.y - CurrentMetrics().Gap());
        if (BeginScreen("audio", at, size, colour::kPrimary, 0)) {
            ImGui::SetCursorPos(ImVec2(CurrentMetrics().Mm(3), CurrentMetrics().Mm(3)));
            DrawAudioControls(m, out);
        }
        ImGui::End();
    }
    if (m.language_picker && !m.warning) {
        probe::BeginModal();  // what is under the picker cannot be chosen, so it is not heard
        if (BeginOverlay("languages", ImVec2(0, 0), display, colour::kShade)) DrawLanguagePicker(m, out);
        ImGui::End();
    }
    if (m.warning) {
        probe::BeginModal();
        if (BeginOverlay("warning", ImVec2(0, 0), display, colour::kShade)) DrawIdleWarning(m, out);
        ImGui::End();
    }
    ImGui::PopFont();
    SetVisitorStrings(nullptr);
    SetLabelShaper(nullptr, "");
}

bool Animating(const FrameLocal& local) {
    auto moving = [](const DragScroll& s) { return s.dragging || s.velocity != 0; };
    return moving(local.list_scroll) || moving(local.detail_scroll);
}

}  // namespace brugpunt::ui
