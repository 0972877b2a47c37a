// Screen: "Maak een afspraak", one function per step. Mostly pictures, one question per step,
// "Terug" always there. Must not include SDL, store or sync.
//
// [SECTION] Helpers
// [SECTION] Steps
// [SECTION] Appointment
#include "screens.h"

#include <algorithm>
#include <cmath>
#include <string_view>

#include "core/screen_names.h"

#include "format.h"
#include "spoken.h"
#include "take_home.h"

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
    TextBlock(CurrentFonts().title, Lb(question_key));
    if (it != steps.end())
        TextBlock(CurrentFonts().small, LbFill("appt.step", {std::to_string(it - steps.begin() + 1),
                                                             std::to_string(steps.size())}));
    ImGui::EndGroup();
    if (it != steps.end()) {
        // How far along, across the whole screen: one bar per step, the ones done and this one filled.
        ImGui::Spacing();
        float width = ImGui::GetContentRegionAvail().x, gap = CurrentMetrics().Mm(1.5f);
        float h = CurrentMetrics().Mm(2.5f), n = static_cast<float>(steps.size());
        float bar = (width - gap * (n - 1)) / n;
        ImVec2 p = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        for (size_t i = 0; i < steps.size(); ++i) {
            ImVec2 a(p.x + i * (bar + gap), p.y);
            bool done = static_cast<long>(i) <= it - steps.begin();
            dl->AddRectFilled(a, ImVec2(a.x + bar, a.y + h), done ? colour::kPrimary : colour::kBorder,
                              h * 0.5f);
        }
        ImGui::Dummy(ImVec2(width, h));
    }
    ImGui::Spacing();
}

float AvailableWidth() {
    return ImGui::GetContentRegionAvail().x;
}

// Tiles flowing left to right, wrapping: returns the index tapped, or -1.
int TileGrid(const char* prefix, const std::vector<std::pair<Label, std::string>>& items,
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

// "Verder", in the same place on every step: the bottom right of the screen, or under the step
// where the step is taller than the screen. On a step that is not complete it stays, and `why` is
// said aloud (and shown by the step, which reads draft.refused).
void NextButton(const ViewModel& m, core::Actions& out, const core::Utterance* why = nullptr,
                const char* label_key = "appt.next", const char* picto = "arrow-right") {
    ImGui::Spacing();
    bool ready = core::StepReady(m.draft);
    float h = CurrentMetrics().HitTarget() * 1.3f;
    Label label = Lb(label_key);
    ImVec2 size(std::max(CurrentMetrics().Mm(80), BigButtonWidth(label, true, h)), BigButtonHeight(label, h));
    const ImGuiStyle& style = ImGui::GetStyle();
    float bottom = ImGui::GetScrollY() + ImGui::GetWindowHeight() - style.WindowPadding.y - size.y - 1.0f;
    float right = ImGui::GetWindowContentRegionMax().x - size.x;
    ImGui::SetCursorPos(
        ImVec2(std::max(ImGui::GetCursorPosX(), right), std::max(ImGui::GetCursorPosY(), bottom)));
    if (BigButton("appt:next", label, m.Picto(picto), size,
                  ready ? ButtonKind::kPrimary : ButtonKind::kQuiet)) {
        out.push_back(NextStep{});
        if (!ready && why) out.push_back(Speak{*why});
    }
}

// A refusal in words and with the no-entry sign, in red: never only a button turning white.
void RefusedLine(const ViewModel& m, const Label& text) {
    float side = CurrentMetrics().Mm(9);
    Pictogram(m.Picto("no-entry"), side);
    ImGui::SameLine(0, CurrentMetrics().Mm(2));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() +
                         (side - FontOrCurrent(CurrentFonts().bold)->FontSize) * 0.5f);
    TextBlock(CurrentFonts().bold, text, colour::kFull);
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
    if (ToggleTile("about:general", Lb("appt.about.general"), m.Picto("info"), ids.empty(), ImVec2(w, h)))
        out.push_back(GeneralQuestion{});
    if (m.chosen.empty()) TextBlock(CurrentFonts().body, Lb("appt.about.tip"), colour::kMuted);
    NextButton(m, out);
}

void DrawChildren(const ViewModel& m, core::Actions& out) {
    StepHeader(m, "family", "appt.children.title", Spoken(m, "appt.children.title"), out);
    const auto& ages = m.draft.request.child_ages;
    float w = std::min(AvailableWidth(), CurrentMetrics().Mm(150));
    int n = static_cast<int>(ages.size());
    Label count = n == 0 ? Lb("appt.children.none") : LbCount("appt.children.count", n);
    int d = Stepper("children", count, w);
    if (d > 0) out.push_back(AddChild{});
    if (d < 0) out.push_back(RemoveChild{});
    // Each child a card with its own pictogram and age, as many a row as fit.
    float gap = CurrentMetrics().Gap(), pad = CurrentMetrics().Mm(3), icon = CurrentMetrics().Mm(16);
    float card_w = std::min(AvailableWidth(), CurrentMetrics().Mm(150));
    int per_row = std::max(1, static_cast<int>((AvailableWidth() + gap) / (card_w + gap)));
    float step_w = card_w - icon - 3 * pad;
    for (int i = 0; i < n; ++i) {
        if (i % per_row != 0)
            ImGui::SameLine(0, gap);
        else
            ImGui::Spacing();
        ImVec2 p = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->ChannelsSplit(2);
        dl->ChannelsSetCurrent(1);
        ImGui::SetCursorScreenPos(ImVec2(p.x + pad, p.y + pad));
        ImGui::BeginGroup();
        Pictogram(m.Picto("child"), icon);
        ImGui::SameLine(0, pad);
        ImGui::BeginGroup();
        TextBlock(CurrentFonts().bold, LbFill("appt.children.child", {std::to_string(i + 1)}));
        std::string id = "child" + std::to_string(i);
        if (int a = Stepper(id.c_str(), LbFill("chip.age_set", {std::to_string(ages[i])}), step_w))
            out.push_back(ChildAge{i, a});
        ImGui::EndGroup();
        ImGui::EndGroup();
        ImVec2 q(p.x + card_w, ImGui::GetItemRectMax().y + pad);
        dl->ChannelsSetCurrent(0);
        dl->AddRectFilled(p, q, colour::kPanel, CurrentMetrics().Rounding());
        dl->AddRect(p, q, colour::kOutline, CurrentMetrics().Rounding(), 0, CurrentMetrics().Mm(0.5f));
        dl->ChannelsMerge();
        ImGui::SetCursorScreenPos(p);
        ImGui::Dummy(ImVec2(card_w, q.y - p.y));
    }
    NextButton(m, out);
}

struct HelpOption {
    core::Help help;
    const char* key;
    const char* picto;
};
constexpr HelpOption kHelpOptions[] = {
    {core::Help::kEnrol, "appt.help.enrol", "memo"},
    {core::Help::kTrial, "appt.help.trial", "running-shoe"},
    {core::Help::kGoAlong, "appt.help.go_along", "holding-hands"},
    {core::Help::kDiscount, "appt.help.discount", "card"},
    {core::Help::kGear, "appt.help.gear", "backpack"},
    {core::Help::kTransport, "appt.help.transport", "bus"},
};

void DrawHelp(const ViewModel& m, core::Actions& out) {
    SpokenBuilder spoken(m);
    spoken.Key("appt.help.title").Key("appt.help.hint");
    for (const auto& o : kHelpOptions) spoken.Key(o.key, ".");
    StepHeader(m, "raise-hand", "appt.help.title", spoken.Done(), out);
    TextBlock(CurrentFonts().body, Lb("appt.help.hint"), colour::kMuted);
    ImGui::Spacing();
    std::vector<std::pair<Label, std::string>> items;
    std::vector<bool> on;
    for (const auto& o : kHelpOptions) {
        items.push_back({Lb(o.key), o.picto});
        on.push_back(m.draft.request.help[static_cast<int>(o.help)]);
    }
    // Three a row on a wide screen, two on a narrow one: each tile big enough for its words.
    float gap = CurrentMetrics().Mm(3);
    int per_row = AvailableWidth() >= 3 * CurrentMetrics().Mm(90) + 2 * gap ? 3 : 2;
    float w = (AvailableWidth() - (per_row - 1) * gap) / per_row;
    int tapped = TileGrid("help:", items, on, m, w, CurrentMetrics().Mm(36));
    if (tapped >= 0) out.push_back(ToggleHelp{kHelpOptions[tapped].help});
    NextButton(m, out);
}

// Why a number is refused, as a UI string key and the number it names (0: none).
std::pair<const char*, int> PhoneRefusal(const core::PhoneCheck& c) {
    using P = core::PhoneProblem;
    switch (c.problem) {
        case P::kEmpty:
            return {"appt.phone.empty", 0};
        case P::kTooShort:
            return {"appt.phone.short", c.missing};
        case P::kTooLong:
            return {"appt.phone.long", c.extra};
        case P::kNotMobileOrFixed:
            return {"appt.phone.start", 0};
        case P::kUnknownCode:
            return {"appt.phone.unknown_code", 0};
        case P::kNotANumber:
        case P::kNone:
            break;
    }
    return {"appt.phone.type_again", 0};
}

std::string FlagOf(std::string_view iso) {
    std::string name = "flag-";
    for (char c : iso) name += static_cast<char>(c - 'A' + 'a');
    return name;
}

// A country: its flag, +code, the Dutch name and, under it, the name in its own language.
bool CountryTile(const ViewModel& m, const core::PhoneCountry& c, bool on, ImVec2 size) {
    std::string id = "country:" + std::string(c.iso);
    ImVec2 p = ImGui::GetCursorScreenPos();
    bool held = false;
    bool tapped = TapArea(id.c_str(), size, held);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 fg = on ? colour::kOnDark : colour::kText;
    TileFrame(dl, p, size, on, held);
    float pad = CurrentMetrics().Mm(2.5f);
    float flag = size.y - 2 * pad;
    if (ImTextureID t = m.Picto(FlagOf(c.iso)))
        dl->AddImage(t, ImVec2(p.x + pad, p.y + pad), ImVec2(p.x + pad + flag, p.y + pad + flag));
    float x = p.x + 2 * pad + flag, wrap = p.x + size.x - pad - x;
    ImFont* bold = FontOrCurrent(CurrentFonts().bold);
    ImFont* small = FontOrCurrent(CurrentFonts().small);
    std::string line = "+" + std::string(c.dial) + "  " + std::string(c.dutch);
    probe::Describe(
        id, {.dutch = SpeechOf(Label(std::string(c.dutch) + ", plus " + std::string(c.dial)), on).dutch});
    float y = p.y + pad;
    dl->PushClipRect(p, ImVec2(p.x + size.x - pad, p.y + size.y), true);
    dl->AddText(bold, bold->FontSize, ImVec2(x, y), fg, line.c_str());
    y += bold->FontSize;
    if (c.endonym != c.dutch) {
        TextImage img = m.textures ? m.textures->Text(std::string(c.endonym), std::string(c.script), wrap,
                                                      small->FontSize)
                                   : TextImage{};
        if (img.texture)
            DrawTextImage(dl, img, ImVec2(x, y), wrap, on ? colour::kOnDark : colour::kMuted);
        else  // without shaping (tests, missing fonts) the Latin names still show
            dl->AddText(small, small->FontSize, ImVec2(x, y), on ? colour::kOnDark : colour::kMuted,
                        std::string(c.endonym).c_str());
    }
    dl->PopClipRect();
    if (on) TileCheckMark(dl, p, size);
    return tapped;
}

void DrawCountries(const ViewModel& m, core::Actions& out) {
    StepHeader(m, "globe", "appt.country.title",
               SpokenBuilder(m).Key("appt.country.title").Key("appt.country.hint").Done(), out);
    TextBlock(CurrentFonts().body, Lb("appt.country.hint"), colour::kMuted);
    ImGui::Spacing();
    float gap = CurrentMetrics().Mm(3);
    float min_w = CurrentMetrics().Mm(68);
    int per_row = std::max(1, static_cast<int>((AvailableWidth() + gap) / (min_w + gap)));
    ImVec2 size((AvailableWidth() - (per_row - 1) * gap) / per_row, CurrentMetrics().Mm(20));
    float x0 = ImGui::GetCursorPosX();
    auto countries = core::PhoneCountries();
    for (size_t i = 0; i < countries.size(); ++i) {
        if (i % per_row != 0)
            ImGui::SameLine(0, gap);
        else
            ImGui::SetCursorPosX(x0);
        if (CountryTile(m, countries[i], countries[i].iso == m.draft.request.phone_country, size))
            out.push_back(ChooseCountry{std::string(countries[i].iso)});
        if (i % per_row == static_cast<size_t>(per_row) - 1) ImGui::Dummy(ImVec2(0, gap * 0.5f));
    }
}

void DrawContactStep(const ViewModel& m, core::Actions& out) {
    const auto& r = m.draft.request;
    if (r.contact == core::ContactMode::kPhone && m.draft.countries) {
        DrawCountries(m, out);
        return;
    }
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
        if (ToggleTile("contact:phone", Lb("appt.contact.phone"), m.Picto("phone"),
                       r.contact == core::ContactMode::kPhone, tile))
            out.push_back(SetContactMode{core::ContactMode::kPhone});
        ImGui::SameLine(0, CurrentMetrics().Mm(3));
        if (ToggleTile("contact:come_back", Lb("appt.contact.come_back"), m.Picto("office"),
                       r.contact == core::ContactMode::kComeBack, tile))
            out.push_back(SetContactMode{core::ContactMode::kComeBack});
        ImGui::Spacing();
    }
    if (r.contact == core::ContactMode::kComeBack) {
        TextBlock(CurrentFonts().body, Lb("appt.contact.come_back_text"));
        DeskLines(m);
        NextButton(m, out);
        return;
    }
    core::PhoneCheck check = core::CheckPhone(r.phone, r.phone_country);
    const core::PhoneCountry* picked = core::FindPhoneCountry(r.phone_country);
    // A number typed with + belongs to the country of its code, whatever was picked.
    const core::PhoneCountry* shown =
        r.phone.starts_with("+") || r.phone.starts_with("00") ? check.country : picked;
    auto [why_key, why_n] = PhoneRefusal(check);
    core::Utterance why = why_n ? SpokenBuilder(m).KeyWithNumber(why_key, why_n).Done() : Spoken(m, why_key);

    // The number on the left, the keypad beside it as tall as the screen allows, "Verder" in its
    // corner; on a narrow screen the keypad goes under the number.
    float gap = CurrentMetrics().Mm(3), column_gap = CurrentMetrics().Mm(8);
    float min_key = CurrentMetrics().HitTarget() * 1.25f;  // 0.8 x key stays above 12 mm
    float box_w = CurrentMetrics().Mm(120);
    // Beside: four rows of keys and, under them, room for "Verder" in its corner.
    float next_h = CurrentMetrics().HitTarget() * 1.3f + CurrentMetrics().Mm(3);
    float key = std::clamp((ImGui::GetContentRegionAvail().y - 3 * gap - next_h) / 4, min_key,
                           CurrentMetrics().Mm(30));
    ImVec2 display = ImGui::GetIO().DisplaySize;
    bool beside = display.x > display.y && AvailableWidth() >= box_w + column_gap + 3 * key + 2 * gap;
    if (!beside)  // under the number: everything above it, WhatsApp and "Verder" fit
        key = std::clamp((ImGui::GetContentRegionAvail().y - CurrentMetrics().Mm(95) - next_h) / 4.4f,
                         min_key, std::min(CurrentMetrics().Mm(36), (AvailableWidth() - 2 * gap) / 3));
    box_w = std::max(box_w, 3 * key + 2 * gap);
    ImGui::BeginGroup();
    // The country: its flag and +code, tap to change.
    std::string country =
        shown ? "+" + std::string(shown->dial) + "  " + std::string(shown->dutch) : Tr("appt.country.other");
    float country_h = CurrentMetrics().HitTarget() * 1.1f;
    if (BigButton("contact:country", country, shown ? m.Picto(FlagOf(shown->iso)) : m.Picto("globe"),
                  ImVec2(std::max(box_w, BigButtonWidth(country, true, country_h)), country_h),
                  ButtonKind::kQuiet))
        out.push_back(OpenCountries{});
    ImGui::Spacing();
    // The number in a box. Empty, the box holds a small grey example: a hint, not something typed.
    ImFont* huge = FontOrCurrent(CurrentFonts().huge);
    ImVec2 box_p = ImGui::GetCursorScreenPos();
    ImVec2 box(box_w, huge->FontSize + CurrentMetrics().Mm(6));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(box_p, ImVec2(box_p.x + box.x, box_p.y + box.y), colour::kPanel,
                      CurrentMetrics().Rounding());
    dl->AddRect(box_p, ImVec2(box_p.x + box.x, box_p.y + box.y),
                m.draft.refused ? colour::kFull : colour::kOutline, CurrentMetrics().Rounding(), 0,
                CurrentMetrics().Mm(m.draft.refused ? 1.0f : 0.6f));
    float pad = CurrentMetrics().Mm(3);
    if (r.phone.empty()) {
        ImFont* body = FontOrCurrent(CurrentFonts().body);
        dl->AddText(body, body->FontSize, ImVec2(box_p.x + pad, box_p.y + (box.y - body->FontSize) * 0.5f),
                    colour::kMuted, Tr("appt.contact.placeholder"));
    } else {
        std::string digits = core::GroupPhone(r.phone, r.phone_country);
        dl->AddText(huge, huge->FontSize, ImVec2(box_p.x + pad, box_p.y + (box.y - huge->FontSize) * 0.5f),
                    colour::kText, digits.c_str());
    }
    ImGui::Dummy(box);
    {  // heard digit by digit, so that a visitor who typed it hears each key back
        std::string spoken;
        for (char c : r.phone) spoken += (spoken.empty() ? "" : " ") + std::string(1, c);
        if (spoken.empty())
            probe::DescribeAt("contact:number", box_p, ImVec2(box_p.x + box.x, box_p.y + box.y),
                              SpeechOf(Lb("appt.contact.placeholder")), false);
        else
            probe::DescribeAt("contact:number", box_p, ImVec2(box_p.x + box.x, box_p.y + box.y),
                              {.dutch = spoken, .translated = spoken}, false);
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + box_w);
    if (m.draft.refused)
        RefusedLine(m, why_n ? LbCount(why_key, why_n) : Lb(why_key));
    else
        TextBlock(CurrentFonts().body, Lb(check.e164 ? "appt.contact.valid" : "appt.contact.type"),
                  check.e164 ? colour::kFree : colour::kMuted);
    ImGui::PopTextWrapPos();
    auto whatsapp = [&] {
        ImGui::Spacing();
        if (ToggleTile("contact:whatsapp", Lb("appt.contact.whatsapp"), m.Picto("speech"), r.whatsapp,
                       ImVec2(std::min(box_w, CurrentMetrics().Mm(100)), CurrentMetrics().Mm(22))))
            out.push_back(SetWhatsApp{!r.whatsapp});
    };
    if (beside) whatsapp();  // under the number; else after the keypad, once the number is typed
    ImGui::EndGroup();
    if (beside)
        ImGui::SameLine(0, column_gap);
    else
        ImGui::Spacing();
    ImGui::BeginGroup();
    if (char k = Keypad("keypad", key)) out.push_back(core::action::Keypad{k});
    ImGui::EndGroup();
    if (!beside) whatsapp();
    NextButton(m, out, &why);
}

void DrawLanguage(const ViewModel& m, core::Actions& out) {
    StepHeader(m, "globe", "appt.language.title",
               SpokenBuilder(m).Key("appt.language.title").Key("appt.language.interpreter").Done(), out);
    // Each language in its own script, the Dutch name small: the visitor who most needs an
    // interpreter finds their own language without reading Dutch.
    float gap = CurrentMetrics().Mm(3);
    ImVec2 cell(CurrentMetrics().Mm(58), CurrentMetrics().Mm(26));
    int per_row = std::max(1, static_cast<int>((AvailableWidth() + gap) / (cell.x + gap)));
    cell.x = (AvailableWidth() - (per_row - 1) * gap) / per_row;  // the row fills the width
    float x0 = ImGui::GetCursorPosX();
    const std::vector<core::Language>& languages = m.Languages();
    for (size_t i = 0; i < languages.size(); ++i) {
        const core::Language& lang = languages[i];
        if (i % per_row != 0)
            ImGui::SameLine(0, gap);
        else
            ImGui::SetCursorPosX(x0);
        ImVec2 at = ImGui::GetCursorScreenPos();
        if (LanguageButton(m, "language:" + std::to_string(i), lang, m.draft.request.language == lang.code,
                           cell, false))
            out.push_back(SetLanguage{std::string(lang.code)});
        ImGui::SetCursorScreenPos(at);
        ImGui::Dummy(cell);
    }
    ImGui::Spacing();
    if (ToggleTile("language:interpreter", Lb("appt.language.interpreter"), m.Picto("speaking"),
                   m.draft.request.interpreter,
                   ImVec2(std::min(AvailableWidth(), CurrentMetrics().Mm(120)), CurrentMetrics().Mm(22))))
        out.push_back(SetInterpreter{!m.draft.request.interpreter});
    NextButton(m, out);
}

void DrawDayParts(const ViewModel& m, core::Actions& out) {
    StepHeader(m, "calendar", "appt.dayparts.title",
               SpokenBuilder(m).Key("appt.dayparts.title").Key("appt.dayparts.hint").Done(), out);
    TextBlock(CurrentFonts().body, Lb("appt.dayparts.hint"), colour::kMuted);
    std::vector<std::pair<Label, std::string>> items = {{Lb("appt.dayparts.morning"), "sunrise"},
                                                        {Lb("appt.dayparts.afternoon"), "sun"},
                                                        {Lb("appt.dayparts.evening"), "moon"},
                                                        {Lb("appt.dayparts.saturday"), "calendar"}};
    std::vector<bool> on(m.draft.request.day_parts.begin(), m.draft.request.day_parts.end());
    int tapped = TileGrid("daypart:", items, on, m, CurrentMetrics().Mm(75), CurrentMetrics().Mm(26));
    if (tapped >= 0) out.push_back(ToggleDayPart{static_cast<core::DayPart>(tapped)});
    NextButton(m, out);
}

// One line of the check: what it is about, what the visitor chose, and "Aanpassen" to change it.
void CheckRow(const ViewModel& m, core::Step step, const char* picto, const char* label_key,
              const std::string& value, ImFont* value_font, float width, core::Actions& out) {
    float pad = CurrentMetrics().Mm(3), icon = CurrentMetrics().Mm(12);
    float button_h = CurrentMetrics().HitTarget();
    float button_w = BigButtonWidth(Lb("appt.check.change"), false, button_h);
    ImFont* label = FontOrCurrent(CurrentFonts().small);
    value_font = FontOrCurrent(value_font);
    float text_w = width - icon - button_w - 4 * pad;
    float value_h = value_font->CalcTextSizeA(value_font->FontSize, FLT_MAX, text_w, value.c_str()).y;
    float h = std::max(icon, label->FontSize + value_h) + 2 * pad;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), colour::kPanel, CurrentMetrics().Rounding());
    if (ImTextureID t = m.Picto(picto))
        dl->AddImage(t, ImVec2(p.x + pad, p.y + (h - icon) * 0.5f),
                     ImVec2(p.x + pad + icon, p.y + (h + icon) * 0.5f));
    float x = p.x + 2 * pad + icon, y = p.y + pad;
    dl->AddText(label, label->FontSize, ImVec2(x, y), colour::kMuted, Tr(label_key));
    dl->AddText(value_font, value_font->FontSize, ImVec2(x, y + label->FontSize), colour::kText,
                value.c_str(), nullptr, text_w);
    ImGui::SetCursorScreenPos(ImVec2(p.x + width - pad - button_w, p.y + (h - button_h) * 0.5f));
    std::string id = std::string("check:") + core::NameOf(step);
    // Heard as "Kinderen: 2 kinderen", then "Aanpassen, Kinderen": six buttons that all said
    // "Aanpassen" would leave a blind visitor guessing which line each changes.
    Label what = Lb(label_key), change = Lb("appt.check.change");
    probe::DescribeAt(id + ":line", p, ImVec2(p.x + width, p.y + h), {.dutch = what.dutch + ": " + value},
                      false);
    if (BigButton(id.c_str(), change, nullptr, ImVec2(button_w, button_h), ButtonKind::kQuiet))
        out.push_back(EditStep{step});
    core::Utterance change_said{.dutch = change.dutch + ", " + what.dutch};
    if (!change.visitor.empty() && !what.visitor.empty())
        change_said.translated = change.visitor + ", " + what.visitor;
    probe::Describe(id, change_said);
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h));
    ImGui::Dummy(ImVec2(width, CurrentMetrics().Mm(2)));
}

std::string ChildrenText(const std::vector<int>& ages) {
    if (ages.empty()) return Tr("appt.children.none");
    std::string out = Count("appt.children.count", static_cast<long long>(ages.size())) + ":";
    for (size_t i = 0; i < ages.size(); ++i) out += (i ? ", " : " ") + Format("chip.age_set", ages[i]);
    return out;
}

void DrawCheck(const ViewModel& m, core::Actions& out) {
    const auto& r = m.draft.request;
    const bool appointment = r.kind == core::RequestKind::kAppointment;
    std::vector<std::string> titles;
    for (const auto& id : r.activity_ids)
        if (auto a = m.activities ? m.activities->Find(id) : nullptr) titles.push_back(a->title);
    std::string about = titles.empty() ? Tr("appt.about.general") : Join(titles);
    std::string help;
    for (const auto& o : kHelpOptions)
        if (r.help[static_cast<int>(o.help)]) help += (help.empty() ? "" : ", ") + std::string(Tr(o.key));
    if (help.empty()) help = Tr("appt.check.no_help");
    auto phone = core::CheckPhone(r.phone, r.phone_country);
    std::string contact = r.contact == core::ContactMode::kComeBack ? Tr("appt.contact.come_back")
                          : phone.e164 ? core::GroupPhone(*phone.e164, r.phone_country)
                                       : Tr("appt.check.no_number");
    if (r.contact == core::ContactMode::kPhone && r.whatsapp)
        contact += "\n" + std::string(Tr("appt.contact.whatsapp"));
    std::string language = Tr(("lang." + r.language).c_str());
    if (r.interpreter) language += ", " + std::string(Tr("appt.language.interpreter"));
    static const char* kParts[] = {"appt.dayparts.morning", "appt.dayparts.afternoon",
                                   "appt.dayparts.evening", "appt.dayparts.saturday"};
    std::string parts;
    for (int i = 0; i < core::kDayPartCount; ++i)
        if (r.day_parts[i]) parts += (parts.empty() ? "" : ", ") + std::string(Tr(kParts[i]));
    if (parts.empty()) parts = Tr("appt.check.any_time");

    // Heard as it is seen: each line's name and what was chosen, the number digit by digit.
    SpokenBuilder spoken(m);
    spoken.Key("appt.check.title");
    if (appointment) spoken.Text(about + ".");
    spoken.Text(ChildrenText(r.child_ages) + ".");
    if (appointment) spoken.Text(help + ".");
    spoken.Text((phone.e164 && r.contact == core::ContactMode::kPhone ? SpellCode(r.phone) : contact) + ".");
    spoken.Key("appt.check.ok");
    StepHeader(m, "check", "appt.check.title", spoken.Done(), out);
    // Two columns on a wide, low screen, so that "Ja, dit klopt" is on it without scrolling.
    ImVec2 display = ImGui::GetIO().DisplaySize;
    float gap = CurrentMetrics().Gap();
    bool two = display.x > display.y && AvailableWidth() >= CurrentMetrics().Mm(300);
    float width = two ? (AvailableWidth() - gap) / 2 : std::min(AvailableWidth(), CurrentMetrics().Mm(320));
    ImGui::BeginGroup();
    if (appointment)
        CheckRow(m, Step::kAbout, "info", "appt.check.about", about, CurrentFonts().bold, width, out);
    CheckRow(m, Step::kChildren, "family", "appt.check.children", ChildrenText(r.child_ages),
             CurrentFonts().bold, width, out);
    if (appointment)
        CheckRow(m, Step::kHelp, "raise-hand", "appt.check.help", help, CurrentFonts().bold, width, out);
    if (two) {
        ImGui::EndGroup();
        ImGui::SameLine(0, gap);
        ImGui::BeginGroup();
    }
    // The number big: it is the one thing that must be right for the desk to call back.
    ImFont* number = two ? CurrentFonts().title : CurrentFonts().huge;
    CheckRow(m, Step::kContact, "phone", "appt.check.contact", contact,
             phone.e164 && r.contact == core::ContactMode::kPhone ? number : CurrentFonts().bold, width, out);
    CheckRow(m, Step::kLanguage, "globe", "appt.check.language", language, CurrentFonts().bold, width, out);
    if (appointment)
        CheckRow(m, Step::kDayParts, "calendar", "appt.check.dayparts", parts, CurrentFonts().bold, width,
                 out);
    ImGui::EndGroup();
    if (m.draft.refused) RefusedLine(m, Lb("appt.check.incomplete"));
    core::Utterance why = Spoken(m, "appt.check.incomplete");
    NextButton(m, out, &why, "appt.check.ok", "check");
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
        TextBlock(CurrentFonts().bold, Lb(question));
        TextBlock(CurrentFonts().body, has_days(answer) ? LbCount(answer, m.retention_days) : Lb(answer));
        ImGui::Spacing();
    }
    ImGui::PopTextWrapPos();
    ImVec2 size(CurrentMetrics().Mm(90), CurrentMetrics().HitTarget() * 1.3f);
    if (BigButton("consent:yes", Lb("appt.consent.yes"), m.Picto("check"), size, ButtonKind::kAction))
        out.push_back(GiveConsent{});
    ImGui::SameLine(0, CurrentMetrics().Mm(5));
    if (BigButton("consent:no", Lb("appt.consent.no"), nullptr, size, ButtonKind::kQuiet))
        out.push_back(DeclineConsent{});
}

// The card to take home as a QR code, with what it holds said in words under it.
void TakeHomeQr(const ViewModel& m, float side) {
    std::string text = TakeHomeText(m);
    TextImage qr = m.textures ? m.textures->Qr(text) : TextImage{};
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    if (qr.texture && qr.size.x > 0) {
        // A whole number of pixels per module, so every module keeps the same sharp size.
        float scale = std::max(1.0f, std::floor(side / qr.size.x));
        float drawn = qr.size.x * scale;
        dl->AddImage(qr.texture, p, ImVec2(p.x + drawn, p.y + drawn));
        probe::Record("appt:qr", p, ImVec2(p.x + drawn, p.y + drawn));
        ImGui::Dummy(ImVec2(drawn, drawn));
    }
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + side);
    TextBlock(CurrentFonts().bold, Lb("appt.done.qr"));
    ImGui::PopTextWrapPos();
}

void DrawDone(const ViewModel& m, core::Actions& out) {
    const auto& r = m.draft.request;
    const char* next = r.kind == core::RequestKind::kInterest      ? "appt.done.next_interest"
                       : r.contact == core::ContactMode::kComeBack ? "appt.done.next_desk"
                                                                   : "appt.done.next_phone";
    // Big: a phone held at arm's length must resolve every module (about 90 of them a side).
    float qr_side = std::min(CurrentMetrics().Mm(110), AvailableWidth() * 0.45f);
    bool beside = AvailableWidth() >= CurrentMetrics().Mm(180) + qr_side;
    ImGui::BeginGroup();
    Pictogram(m.Picto("check"), CurrentMetrics().Mm(22));
    ImGui::SameLine(0, CurrentMetrics().Mm(4));
    SpeakerFor(m, "speak:done",
               SpokenBuilder(m)
                   .Key("appt.done.title")
                   .Key("appt.done.code")
                   .Text(SpellCode(m.draft.reference) + ".")
                   .Key(next)
                   .Key("appt.done.qr")
                   .Done(),
               out);
    ImGui::SameLine(0, CurrentMetrics().Mm(4));
    ImGui::BeginGroup();
    TextBlock(CurrentFonts().huge, Lb("appt.done.title"));
    ImGui::EndGroup();
    float column = beside ? AvailableWidth() - qr_side - CurrentMetrics().Mm(10) : AvailableWidth();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + column);
    TextBlock(CurrentFonts().body, Lb("appt.done.code"));
    TextBlock(CurrentFonts().huge, m.draft.reference, colour::kPrimary);
    ImGui::Spacing();
    TextBlock(CurrentFonts().bold, Lb("appt.done.what_next"));
    TextBlock(CurrentFonts().body, Lb(next));
    ImGui::Spacing();
    DeskLines(m);
    ImGui::PopTextWrapPos();
    ImGui::Spacing();
    // The card on paper too, where a receipt printer stands beside the kiosk.
    if (m.print != PrintState::kNone) {
        ImVec2 size(CurrentMetrics().Mm(70), CurrentMetrics().HitTarget() * 1.2f);
        bool busy = m.print == PrintState::kPrinting || m.print == PrintState::kPrinted;
        if (BigButton("appt:print", Lb("appt.done.print"), m.Picto("printer"), size,
                      busy ? ButtonKind::kQuiet : ButtonKind::kPrimary) &&
            !busy)
            out.push_back(PrintCard{});
        if (m.print == PrintState::kFailed)
            RefusedLine(m, Lb("appt.done.print_failed"));
        else if (busy)
            TextBlock(CurrentFonts().bold,
                      Lb(m.print == PrintState::kPrinting ? "appt.done.printing" : "appt.done.printed"));
        ImGui::Spacing();
    }
    auto finish = [&] {
        if (BigButton("appt:finish", Lb("appt.done.finish"), m.Picto("house"),
                      ImVec2(CurrentMetrics().Mm(70), CurrentMetrics().HitTarget() * 1.2f)))
            out.push_back(Finish{});
    };
    // "Klaar" comes last in reading order: beside the card, or under it when they are stacked.
    if (beside) finish();
    ImGui::EndGroup();
    if (beside) ImGui::SameLine(0, CurrentMetrics().Mm(10));
    ImGui::BeginGroup();
    TakeHomeQr(m, qr_side);
    ImGui::EndGroup();
    if (!beside) {
        ImGui::Spacing();
        finish();
    }
}

void DrawFailed(const ViewModel& m, core::Actions& out) {
    Pictogram(m.Picto("no-entry"), CurrentMetrics().Mm(18));
    ImGui::SameLine(0, CurrentMetrics().Mm(4));
    SpeakerFor(m, "speak:failed", SpokenBuilder(m).Key("appt.failed.title").Key("appt.failed.text").Done(),
               out);
    ImGui::SameLine(0, CurrentMetrics().Mm(4));
    ImGui::BeginGroup();
    TextBlock(CurrentFonts().title, Lb("appt.failed.title"));
    ImGui::EndGroup();
    TextBlock(CurrentFonts().body, Lb("appt.failed.text"));
    ImGui::Spacing();
    DeskLines(m);
    ImGui::Spacing();
    if (BigButton("appt:retry", Lb("appt.failed.retry"), m.Picto("arrow-right"),
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
        case Step::kHelp:
            DrawHelp(m, out);
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
        case Step::kCheck:
            DrawCheck(m, out);
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
