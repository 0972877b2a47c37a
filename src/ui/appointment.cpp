// Screen: "Maak een afspraak", one function per step. Mostly pictures, one question per step,
// "Terug" always there. Must not include SDL, store or sync.
//
// [SECTION] Helpers
// [SECTION] Steps
// [SECTION] Appointment
#include "screens.h"

#include <algorithm>
#include <string_view>

#include "format.h"
#include "spoken.h"

namespace brugpunt::ui {

using namespace brugpunt::core::action;
using core::Step;

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

namespace {

// "K7Q-4XM" -> "K, 7, Q, 4, X, M": a code read out character by character.
std::string SpellCode(const std::string& code) {
    std::string out;
    for (char c : code)
        if (c != '-') out += (out.empty() ? "" : ", ") + std::string(1, c);
    return out;
}

// The question of a step (a UI string key), with its pictogram, a speaker button that says
// `spoken` (the question and what to choose), its subtitle, and "step 2 of 6" beside it.
void StepHeader(const ViewModel& m, const char* picto, const char* question_key,
                const core::Utterance& spoken, core::Actions& out) {
    auto steps = core::StepsFor(m.draft.request.kind);
    auto it = std::find(steps.begin(), steps.end(), m.draft.step);
    float side = CurrentMetrics().Mm(16);
    Pictogram(m.Picto(picto), side);
    ImGui::SameLine(0, CurrentMetrics().Mm(4));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (side - CurrentMetrics().HitTarget()) * 0.5f);
    SpeakerFor(m, "speak:step", spoken, out);
    ImGui::SameLine(0, CurrentMetrics().Mm(4));
    ImGui::BeginGroup();
    ImGui::PushFont(FontOrCurrent(CurrentFonts().title));
    ImGui::PushTextWrapPos(0.0f);
    ImGui::TextUnformatted(Tr(question_key));
    ImGui::PopTextWrapPos();
    ImGui::PopFont();
    SubtitleKey(m, question_key, CurrentFonts().title);
    if (it != steps.end()) {
        ImGui::PushFont(FontOrCurrent(CurrentFonts().small));
        ImGui::TextUnformatted(
            Format("appt.step", static_cast<int>(it - steps.begin()) + 1, (int)steps.size()).c_str());
        ImGui::PopFont();
    }
    ImGui::EndGroup();
    ImGui::Spacing();
}

float AvailableWidth() {
    return ImGui::GetContentRegionAvail().x;
}

// Tiles flowing left to right, wrapping: returns the index tapped, or -1.
int TileGrid(const char* prefix, const std::vector<std::pair<std::string, std::string>>& items,
             const std::vector<bool>& on, const ViewModel& m, float tile_w, float tile_h) {
    int tapped = -1;
    float gap = CurrentMetrics().Mm(3);
    int per_row = std::max(1, static_cast<int>((AvailableWidth() + gap) / (tile_w + gap)));
    float x0 = ImGui::GetCursorPosX();
    for (size_t i = 0; i < items.size(); ++i) {
        if (i % per_row != 0)
            ImGui::SameLine(0, gap);
        else
            ImGui::SetCursorPosX(x0);
        std::string id = std::string(prefix) + std::to_string(i);
        ImTextureID picto = items[i].second.empty() ? nullptr : m.Picto(items[i].second);
        if (ToggleTile(id.c_str(), items[i].first, picto, on[i], ImVec2(tile_w, tile_h)))
            tapped = static_cast<int>(i);
    }
    return tapped;
}

void NextButton(const ViewModel& m, core::Actions& out) {
    ImGui::Spacing();
    bool ready = core::StepReady(m.draft);
    if (BigButton("appt:next", Tr("appt.next"), m.Picto("arrow-right"),
                  ImVec2(CurrentMetrics().Mm(70), CurrentMetrics().HitTarget() * 1.2f),
                  ready ? ButtonKind::kPrimary : ButtonKind::kQuiet))
        out.push_back(NextStep{});
}

void DeskLines(const ViewModel& m) {
    if (!m.catalogue) return;
    const core::Desk& d = m.catalogue->desk;
    TextBlock(CurrentFonts().bold, d.name);
    TextBlock(CurrentFonts().body, d.phone + "   " + d.address);
    for (const auto& h : d.opening_hours) TextBlock(CurrentFonts().small, h);
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Steps
//-----------------------------------------------------------------------------

namespace {

void DrawAbout(const ViewModel& m, core::Actions& out) {
    SpokenBuilder spoken(m);
    spoken.Key("appt.about.title");
    for (const auto& a : m.chosen) spoken.Text(a->title + ".");
    StepHeader(m, "speech", "appt.about.title", spoken.Key("appt.about.general", ".").Done(), out);
    const auto& ids = m.draft.request.activity_ids;
    float w = std::min(AvailableWidth(), CurrentMetrics().Mm(200)), h = CurrentMetrics().Mm(22);
    for (const auto& a : m.chosen) {
        bool on = std::find(ids.begin(), ids.end(), a->id) != ids.end();
        std::string id = "about:" + a->id;
        std::string picto = a->pictograms.empty() ? "info" : a->pictograms.front();
        if (ToggleTile(id.c_str(), a->title, m.Picto(picto), on, ImVec2(w, h)))
            out.push_back(ToggleAbout{a->id});
    }
    if (ToggleTile("about:general", Tr("appt.about.general"), m.Picto("info"), ids.empty(), ImVec2(w, h)))
        out.push_back(GeneralQuestion{});
    if (m.chosen.empty()) TextBlock(CurrentFonts().body, Tr("appt.about.tip"), colour::kMuted);
    NextButton(m, out);
}

void DrawChildren(const ViewModel& m, core::Actions& out) {
    StepHeader(m, "family", "appt.children.title", Spoken(m, "appt.children.title"), out);
    const auto& ages = m.draft.request.child_ages;
    float w = std::min(AvailableWidth(), CurrentMetrics().Mm(130));
    int n = static_cast<int>(ages.size());
    std::string count = n == 0 ? Tr("appt.children.none") : Format("appt.children.count", n);
    int d = Stepper("children", count, w);
    if (d > 0) out.push_back(AddChild{});
    if (d < 0) out.push_back(RemoveChild{});
    for (int i = 0; i < n; ++i) {
        ImGui::Spacing();
        TextBlock(CurrentFonts().bold, Format("appt.children.child", i + 1));
        std::string id = "child" + std::to_string(i);
        if (int a = Stepper(id.c_str(), Format("chip.age_set", ages[i]), w)) out.push_back(ChildAge{i, a});
    }
    NextButton(m, out);
}

void DrawContactStep(const ViewModel& m, core::Actions& out) {
    const auto& r = m.draft.request;
    SpokenBuilder spoken(m);
    spoken.Key("appt.contact.title");
    if (r.kind == core::RequestKind::kAppointment)
        spoken.Key("appt.contact.phone", ".").Key("appt.contact.come_back", ".");
    else
        spoken.Key("appt.contact.type");
    StepHeader(m, "phone", "appt.contact.title", spoken.Done(), out);
    ImVec2 tile(std::min((AvailableWidth() - CurrentMetrics().Mm(3)) / 2, CurrentMetrics().Mm(110)),
                CurrentMetrics().Mm(22));
    if (r.kind == core::RequestKind::kAppointment) {
        if (ToggleTile("contact:phone", Tr("appt.contact.phone"), m.Picto("phone"),
                       r.contact == core::ContactMode::kPhone, tile))
            out.push_back(SetContactMode{core::ContactMode::kPhone});
        ImGui::SameLine(0, CurrentMetrics().Mm(3));
        if (ToggleTile("contact:come_back", Tr("appt.contact.come_back"), m.Picto("office"),
                       r.contact == core::ContactMode::kComeBack, tile))
            out.push_back(SetContactMode{core::ContactMode::kComeBack});
        ImGui::Spacing();
    }
    if (r.contact == core::ContactMode::kComeBack) {
        TextBlock(CurrentFonts().body, Tr("appt.contact.come_back_text"));
        DeskLines(m);
        NextButton(m, out);
        return;
    }
    // The number as typed, grouped the Belgian way, and whether it is a real Belgian number.
    bool valid = core::NormalizeBelgianPhone(r.phone).has_value();
    std::string digits = r.phone.empty() ? Tr("appt.contact.placeholder") : core::GroupPhoneDigits(r.phone);
    ImGui::BeginGroup();
    float key = std::min(CurrentMetrics().Mm(30),
                         (ImGui::GetContentRegionAvail().y - CurrentMetrics().Mm(50)) / 3.6f);
    key = std::max(key, CurrentMetrics().HitTarget() * 1.25f);  // 0.8 x key stays above 12 mm
    ImGui::PushFont(FontOrCurrent(CurrentFonts().huge));
    ImGui::PushStyleColor(ImGuiCol_Text, r.phone.empty() ? colour::kMuted : colour::kText);
    ImGui::TextUnformatted(digits.c_str());
    ImGui::PopStyleColor();
    ImGui::PopFont();
    TextBlock(CurrentFonts().body, Tr(valid ? "appt.contact.valid" : "appt.contact.type"),
              valid ? colour::kFree : colour::kMuted);
    if (char k = Keypad("keypad", key)) out.push_back(core::action::Keypad{k});
    ImGui::EndGroup();
    float keypad_w = ImGui::GetItemRectSize().x;
    if (AvailableWidth() - keypad_w - CurrentMetrics().Mm(8) >= CurrentMetrics().Mm(80))
        ImGui::SameLine(0, CurrentMetrics().Mm(8));
    ImGui::BeginGroup();
    if (ToggleTile("contact:whatsapp", Tr("appt.contact.whatsapp"), m.Picto("speech"), r.whatsapp,
                   ImVec2(CurrentMetrics().Mm(80), CurrentMetrics().Mm(22))))
        out.push_back(SetWhatsApp{!r.whatsapp});
    NextButton(m, out);
    ImGui::EndGroup();
}

void DrawLanguage(const ViewModel& m, core::Actions& out) {
    StepHeader(m, "globe", "appt.language.title",
               SpokenBuilder(m).Key("appt.language.title").Key("appt.language.interpreter").Done(), out);
    static const char* kCodes[] = {"nl", "en", "fr", "ar", "tr", "uk", "ru",
                                   "fa", "ps", "ti", "so", "ro", "pl"};
    std::vector<std::pair<std::string, std::string>> items;
    std::vector<bool> on;
    for (const char* c : kCodes) {
        items.push_back({Tr(("lang." + std::string(c)).c_str()), ""});
        on.push_back(m.draft.request.language == c);
    }
    int tapped =
        TileGrid("language:", items, on, m, CurrentMetrics().Mm(52), CurrentMetrics().HitTarget() * 1.2f);
    if (tapped >= 0) out.push_back(SetLanguage{kCodes[tapped]});
    ImGui::Spacing();
    if (ToggleTile("language:interpreter", Tr("appt.language.interpreter"), m.Picto("speaking"),
                   m.draft.request.interpreter,
                   ImVec2(std::min(AvailableWidth(), CurrentMetrics().Mm(120)), CurrentMetrics().Mm(22))))
        out.push_back(SetInterpreter{!m.draft.request.interpreter});
    NextButton(m, out);
}

void DrawDayParts(const ViewModel& m, core::Actions& out) {
    StepHeader(m, "calendar", "appt.dayparts.title",
               SpokenBuilder(m).Key("appt.dayparts.title").Key("appt.dayparts.hint").Done(), out);
    TextBlock(CurrentFonts().body, Tr("appt.dayparts.hint"), colour::kMuted);
    std::vector<std::pair<std::string, std::string>> items = {{Tr("appt.dayparts.morning"), "sunrise"},
                                                              {Tr("appt.dayparts.afternoon"), "sun"},
                                                              {Tr("appt.dayparts.evening"), "moon"},
                                                              {Tr("appt.dayparts.saturday"), "calendar"}};
    std::vector<bool> on(m.draft.request.day_parts.begin(), m.draft.request.day_parts.end());
    int tapped = TileGrid("daypart:", items, on, m, CurrentMetrics().Mm(75), CurrentMetrics().Mm(26));
    if (tapped >= 0) out.push_back(ToggleDayPart{static_cast<core::DayPart>(tapped)});
    NextButton(m, out);
}

void DrawConsent(const ViewModel& m, core::Actions& out) {
    static const std::pair<const char*, const char*> kQuestions[] = {
        {"appt.consent.q_what", "appt.consent.a_what"},
        {"appt.consent.q_who", "appt.consent.a_who"},
        {"appt.consent.q_when", "appt.consent.a_when"},
    };
    // "When do we delete it" names the days Balie keeps an open request (retention_days).
    auto has_days = [](const char* key) { return std::string_view(key) == "appt.consent.a_when"; };
    // Consent is heard in full, not only seen.
    SpokenBuilder spoken(m);
    spoken.Key("appt.consent.title");
    for (const auto& [question, answer] : kQuestions) {
        spoken.Key(question);
        if (has_days(answer))
            spoken.KeyWithNumber(answer, m.retention_days);
        else
            spoken.Key(answer);
    }
    StepHeader(m, "lock", "appt.consent.title",
               spoken.Key("appt.consent.yes", "?").Key("appt.consent.no", "?").Done(), out);
    ImGui::PushTextWrapPos(std::min(AvailableWidth(), CurrentMetrics().Mm(250)));
    for (const auto& [question, answer] : kQuestions) {
        TextBlock(CurrentFonts().bold, Tr(question));
        SubtitleKey(m, question, CurrentFonts().bold);
        if (has_days(answer)) {
            TextBlock(CurrentFonts().body, Format(answer, m.retention_days));
            SubtitleKey(m, answer, CurrentFonts().body, m.retention_days);
        } else {
            TextBlock(CurrentFonts().body, Tr(answer));
            SubtitleKey(m, answer, CurrentFonts().body);
        }
        ImGui::Spacing();
    }
    ImGui::PopTextWrapPos();
    ImVec2 size(CurrentMetrics().Mm(90), CurrentMetrics().HitTarget() * 1.3f);
    if (BigButton("consent:yes", Tr("appt.consent.yes"), m.Picto("check"), size, ButtonKind::kAction))
        out.push_back(GiveConsent{});
    ImGui::SameLine(0, CurrentMetrics().Mm(5));
    if (BigButton("consent:no", Tr("appt.consent.no"), nullptr, size, ButtonKind::kQuiet))
        out.push_back(DeclineConsent{});
}

void DrawDone(const ViewModel& m, core::Actions& out) {
    const auto& r = m.draft.request;
    const char* next = r.kind == core::RequestKind::kInterest      ? "appt.done.next_interest"
                       : r.contact == core::ContactMode::kComeBack ? "appt.done.next_desk"
                                                                   : "appt.done.next_phone";
    Pictogram(m.Picto("check"), CurrentMetrics().Mm(22));
    ImGui::SameLine(0, CurrentMetrics().Mm(4));
    SpeakerFor(m, "speak:done",
               SpokenBuilder(m)
                   .Key("appt.done.title")
                   .Key("appt.done.code")
                   .Text(SpellCode(m.draft.reference) + ".")
                   .Key(next)
                   .Done(),
               out);
    ImGui::SameLine(0, CurrentMetrics().Mm(4));
    ImGui::PushFont(FontOrCurrent(CurrentFonts().huge));
    ImGui::TextUnformatted(Tr("appt.done.title"));
    ImGui::PopFont();
    TextBlock(CurrentFonts().body, Tr("appt.done.code"));
    TextBlock(CurrentFonts().huge, m.draft.reference, colour::kPrimary);
    ImGui::Spacing();
    TextBlock(CurrentFonts().bold, Tr("appt.done.what_next"));
    TextBlock(CurrentFonts().body, Tr(next));
    ImGui::Spacing();
    DeskLines(m);
    ImGui::Spacing();
    if (BigButton("appt:finish", Tr("appt.done.finish"), m.Picto("house"),
                  ImVec2(CurrentMetrics().Mm(70), CurrentMetrics().HitTarget() * 1.2f)))
        out.push_back(Finish{});
}

void DrawFailed(const ViewModel& m, core::Actions& out) {
    Pictogram(m.Picto("no-entry"), CurrentMetrics().Mm(18));
    ImGui::SameLine(0, CurrentMetrics().Mm(4));
    SpeakerFor(m, "speak:failed", SpokenBuilder(m).Key("appt.failed.title").Key("appt.failed.text").Done(),
               out);
    ImGui::SameLine(0, CurrentMetrics().Mm(4));
    ImGui::PushFont(FontOrCurrent(CurrentFonts().title));
    ImGui::TextUnformatted(Tr("appt.failed.title"));
    ImGui::PopFont();
    TextBlock(CurrentFonts().body, Tr("appt.failed.text"));
    ImGui::Spacing();
    DeskLines(m);
    ImGui::Spacing();
    if (BigButton("appt:retry", Tr("appt.failed.retry"), m.Picto("arrow-right"),
                  ImVec2(CurrentMetrics().Mm(80), CurrentMetrics().HitTarget() * 1.2f)))
        out.push_back(GiveConsent{});
}

}  // namespace

//-----------------------------------------------------------------------------
// [SECTION] Appointment
//-----------------------------------------------------------------------------

void DrawAppointment(const ViewModel& m, core::Actions& out) {
    ImGui::BeginChild("appt:scroll", ImVec2(0, 0), false);
    switch (m.draft.step) {
        case Step::kAbout:
            DrawAbout(m, out);
            break;
        case Step::kChildren:
            DrawChildren(m, out);
            break;
        case Step::kContact:
            DrawContactStep(m, out);
            break;
        case Step::kLanguage:
            DrawLanguage(m, out);
            break;
        case Step::kDayParts:
            DrawDayParts(m, out);
            break;
        case Step::kConsent:
            DrawConsent(m, out);
            break;
        case Step::kDone:
            DrawDone(m, out);
            break;
        case Step::kFailed:
            DrawFailed(m, out);
            break;
    }
    ImGui::EndChild();
}

}  // namespace brugpunt::ui
