// Owns the touch widgets. Hover is never drawn: on a touch screen there is none.
// Must not include SDL, store or sync.
//
// Index of this file:
// [SECTION] Drawing helpers
// [SECTION] Buttons, tiles and chips
// [SECTION] Badges
// [SECTION] Activity cards
// [SECTION] Keypad, stepper and toggles
// [SECTION] Text and layout
// [SECTION] Drag scrolling
// [SECTION] The widget map, for tests and the frame log

#include "widgets.h"

#include <imgui_internal.h>

#include <algorithm>
#include <cmath>

namespace brugpunt::ui {

//-----------------------------------------------------------------------------
// [SECTION] Drawing helpers
//-----------------------------------------------------------------------------

namespace {

std::map<std::string, std::pair<ImVec2, ImVec2>>& ProbeMap() {
    static std::map<std::string, std::pair<ImVec2, ImVec2>> rects;
    return rects;
}
std::vector<std::pair<std::string, ImVec2>>& ProbeTexts() {
    static std::vector<std::pair<std::string, ImVec2>> texts;
    return texts;
}
core::ReadingOrder& ProbeReading() {
    static core::ReadingOrder reading;
    return reading;
}
std::set<std::string>& ProbeSubtitled() {
    static std::set<std::string> texts;
    return texts;
}

// The round speaker of speaker buttons and of the speaker corners of tiles and cards.
void DrawSpeakerDisc(ImDrawList* dl, ImVec2 c, float side, ImTextureID picto, bool held) {
    dl->AddCircleFilled(c, side * 0.5f, held ? colour::kBorder : colour::kPanel);
    dl->AddCircle(c, side * 0.5f, colour::kPrimary, 0, CurrentMetrics().Mm(0.7f));
    if (picto)
        dl->AddImage(picto, ImVec2(c.x - side * 0.33f, c.y - side * 0.33f),
                     ImVec2(c.x + side * 0.33f, c.y + side * 0.33f));
}

ImVec2 TextSize(ImFont* font, const std::string& text, float wrap = -1.0f) {
    font = FontOrCurrent(font);
    return font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text.c_str());
}

void DrawText(ImDrawList* dl, ImFont* font, ImVec2 pos, ImU32 col, const std::string& text, float wrap = 0) {
    font = FontOrCurrent(font);
    dl->AddText(font, font->FontSize, pos, col, text.c_str(), nullptr, wrap);
}

struct LabelShaper {
    const TextureSource* textures = nullptr;
    std::string language;
};
LabelShaper& Shaper() {
    static LabelShaper shaper;
    return shaper;
}

// The gap between a label's Dutch and its visitor's words.
float SubGap() {
    return CurrentMetrics().Mm(0.8f);
}

// Says what a visitor reads at `at`, and whether its visitor's words came with it (the same
// words in both languages count: "Sport" needs no subtitle "Sport").
void RecordLabel(const Label& label, const TextImage& sub, ImVec2 at) {
    if (label.dutch.empty()) return;
    probe::RecordText(label.dutch, at);
    if (sub.texture || (!label.visitor.empty() && label.visitor == label.dutch && Shaper().textures))
        probe::RecordSubtitled(label.dutch);
}

}  // namespace

void SetLabelShaper(const TextureSource* textures, const std::string& language) {
    Shaper() = {textures, language};
}

TextImage LabelImage(const Label& label, float max_width) {
    const LabelShaper& s = Shaper();
    if (!s.textures || label.visitor.empty() || label.visitor == label.dutch) return {};
    return s.textures->Text(label.visitor, s.language, std::max(max_width, CurrentMetrics().Mm(20)),
                            FontOrCurrent(CurrentFonts().small)->FontSize);
}

//-----------------------------------------------------------------------------
// [SECTION] Buttons, tiles and chips
//-----------------------------------------------------------------------------

bool TapArea(const char* id, ImVec2 size, bool& held) {
    bool tapped = ImGui::InvisibleButton(id, size);
    held = ImGui::IsItemActive();
    probe::Record(id, ImGui::GetItemRectMin(), ImGui::GetItemRectMax());
    return tapped;
}

void DrawTextImage(ImDrawList* dl, const TextImage& img, ImVec2 p, float width, ImU32 col) {
    float x = img.rtl ? p.x + width - img.size.x : p.x;
    dl->AddImage(img.texture, ImVec2(x, p.y), ImVec2(x + img.size.x, p.y + img.size.y), ImVec2(0, 0),
                 ImVec2(1, 1), col);
}

namespace {

// A one-line label's visitor's words: as wide as a screen allows.
TextImage LineLabelImage(const Label& label) {
    return LabelImage(label, ImGui::GetIO().DisplaySize.x * 0.8f);
}

// The height a button needs for its label: the Dutch, and the visitor's words under it.
float ButtonHeightFor(const Label& label, float height) {
    height = std::max(height, CurrentMetrics().HitTarget());
    TextImage sub = LineLabelImage(label);
    if (!sub.texture) return height;
    float text = TextSize(CurrentFonts().bold, label.dutch).y + SubGap() + sub.size.y;
    return std::max(height, text + 2 * CurrentMetrics().Mm(1.5f));
}

}  // namespace

float BigButtonHeight(const Label& label, float height) {
    return ButtonHeightFor(label, height);
}

namespace {

// A pictogram fills the height asked for; a button taller for its visitor's words keeps it the size
// of a one-line button's.
float ButtonIcon(const TextImage& sub, float asked) {
    asked = std::max(asked, CurrentMetrics().HitTarget());
    return (sub.texture ? std::min(asked, CurrentMetrics().HitTarget() * 1.15f) : asked) -
           2 * CurrentMetrics().Mm(3.0f);
}

}  // namespace

float BigButtonWidth(const Label& label, bool with_picto, float height, float min_width) {
    float pad = CurrentMetrics().Mm(3.0f);
    TextImage sub = LineLabelImage(label);
    float icon = with_picto ? ButtonIcon(sub, height) : 0;
    float text = std::max(TextSize(CurrentFonts().bold, label.dutch).x, sub.size.x);
    float content = icon + (with_picto && !label.empty() ? pad : 0) + text;
    // Never clip a label: the button grows to hold it.
    return std::max({min_width, CurrentMetrics().HitTarget(), content + 2 * pad});
}

bool BigButton(const char* id, const Label& label, ImTextureID picto, ImVec2 size, ButtonKind kind) {
    float asked = size.y;
    size.y = ButtonHeightFor(label, size.y);
    float pad = CurrentMetrics().Mm(3.0f);
    TextImage sub = LineLabelImage(label);
    float icon = picto ? ButtonIcon(sub, asked) : 0;
    ImFont* font = CurrentFonts().bold;
    ImVec2 ts = TextSize(font, label.dutch);
    float text_w = std::max(ts.x, sub.size.x);
    float content = icon + (picto && !label.empty() ? pad : 0) + text_w;
    size.x = BigButtonWidth(label, picto != nullptr, asked, size.x);
    ImVec2 p = ImGui::GetCursorScreenPos();
    bool held = false;
    bool tapped = TapArea(id, size, held);
    probe::Describe(id, SpeechOf(label));

    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 fill = kind == ButtonKind::kAction  ? colour::kAction
                 : kind == ButtonKind::kQuiet ? colour::kPanel
                                              : colour::kPrimary;
    ImU32 text = kind == ButtonKind::kQuiet ? colour::kText : colour::kOnDark;
    if (held) fill = kind == ButtonKind::kQuiet ? colour::kBorder : colour::kPressed;
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), fill, CurrentMetrics().Rounding());
    if (kind == ButtonKind::kQuiet)
        dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), colour::kOutline, CurrentMetrics().Rounding(), 0,
                    CurrentMetrics().Mm(0.6f));

    float x = p.x + std::max(pad, (size.x - content) * 0.5f);
    if (picto) {
        // Pictograms sit on a white disc so colour emoji read on any button colour. A white button
        // needs no disc: its pictogram takes the whole height, at least as big as the label.
        ImVec2 c(x + icon * 0.5f, p.y + size.y * 0.5f);
        if (kind != ButtonKind::kQuiet) dl->AddCircleFilled(c, icon * 0.5f, colour::kPanel);
        float inset = kind == ButtonKind::kQuiet ? -icon * 0.08f : icon * 0.12f;
        float top = p.y + (size.y - icon) * 0.5f;
        dl->AddImage(picto, ImVec2(x + inset, top + inset), ImVec2(x + icon - inset, top + icon - inset));
        x += icon + pad;
    }
    float text_h = ts.y + (sub.texture ? SubGap() + sub.size.y : 0);
    ImVec2 at(x, p.y + (size.y - text_h) * 0.5f);
    DrawText(dl, font, at, text, label.dutch);
    if (sub.texture)
        DrawTextImage(dl, sub, ImVec2(x, at.y + ts.y + SubGap()), text_w,
                      kind == ButtonKind::kQuiet ? colour::kPrimary : colour::kOnDark);
    RecordLabel(label, sub, at);
    return tapped;
}

// A speaker circle in the top-right corner of the tappable area at p; true when the tap that
// just happened on the area landed in it.
bool SpeakerCorner(const std::string& id, ImVec2 p, ImVec2 size, ImTextureID picto, bool tapped) {
    float side = CurrentMetrics().HitTarget(), pad = CurrentMetrics().Mm(1.5f);
    ImVec2 min(p.x + size.x - pad - side, p.y + pad), max(p.x + size.x - pad, p.y + pad + side);
    DrawSpeakerDisc(ImGui::GetWindowDrawList(), ImVec2((min.x + max.x) * 0.5f, (min.y + max.y) * 0.5f), side,
                    picto, false);
    probe::Record(id + ":speak", min, max);
    ImVec2 at = ImGui::GetIO().MouseClickedPos[0];
    return tapped && at.x >= min.x && at.x <= max.x && at.y >= min.y && at.y <= max.y;
}

Tap Tile(const char* id, const Label& word, ImTextureID picto, float side, ImTextureID speaker) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    bool held = false;
    bool tapped = TapArea(id, ImVec2(side, side), held);
    probe::Describe(id, SpeechOf(word));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + side, p.y + side), held ? colour::kBorder : colour::kPanel,
                      CurrentMetrics().Rounding());
    dl->AddRect(p, ImVec2(p.x + side, p.y + side), colour::kOutline, CurrentMetrics().Rounding(), 0,
                CurrentMetrics().Mm(0.6f));
    ImFont* font = side > CurrentMetrics().Mm(40) ? CurrentFonts().title : CurrentFonts().bold;
    ImVec2 ts = TextSize(font, word.dutch);
    float pad = side * 0.08f;
    TextImage sub = LabelImage(word, side - 2 * pad);
    float sub_h = sub.texture ? SubGap() + sub.size.y : 0;
    float icon = side - 3 * pad - ts.y - sub_h;
    if (picto)
        dl->AddImage(picto, ImVec2(p.x + (side - icon) * 0.5f, p.y + pad),
                     ImVec2(p.x + (side + icon) * 0.5f, p.y + pad + icon));
    ImVec2 at(p.x + (side - ts.x) * 0.5f, p.y + side - pad - ts.y - sub_h);
    DrawText(dl, font, at, colour::kText, word.dutch);
    if (sub.texture)
        DrawTextImage(dl, sub, ImVec2(p.x + (side - sub.size.x) * 0.5f, at.y + ts.y + SubGap()), sub.size.x,
                      colour::kPrimary);
    RecordLabel(word, sub, at);
    if (speaker && SpeakerCorner(id, p, ImVec2(side, side), speaker, tapped)) return Tap::kSpeak;
    return tapped ? Tap::kOpen : Tap::kNone;
}

float FilterChipWidth(const Label& label) {
    float h = CurrentMetrics().HitTarget();
    float text = std::max(TextSize(CurrentFonts().body, label.dutch).x, LineLabelImage(label).size.x);
    return h + CurrentMetrics().Mm(2.0f) + text + CurrentMetrics().Mm(5.0f);
}

float FilterChipHeight(const Label& label) {
    TextImage sub = LineLabelImage(label);
    float text = TextSize(CurrentFonts().body, label.dutch).y + (sub.texture ? SubGap() + sub.size.y : 0);
    return std::max(CurrentMetrics().HitTarget(), text + 2 * CurrentMetrics().Mm(1.0f));
}

bool FilterChip(const char* id, const Label& label, ImTextureID picto, bool on, float width) {
    float h = FilterChipHeight(label);
    ImVec2 p = ImGui::GetCursorScreenPos();
    bool held = false;
    bool tapped = TapArea(id, ImVec2(width, h), held);
    probe::Describe(id, SpeechOf(label, on));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 fill = on ? colour::kChipOn : colour::kPanel;
    if (held) fill = on ? colour::kPressed : colour::kBorder;
    float round = std::min(h, CurrentMetrics().HitTarget()) * 0.5f;
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + h), fill, round);
    dl->AddRect(p, ImVec2(p.x + width, p.y + h), on ? colour::kChipOn : colour::kOutline, round, 0,
                CurrentMetrics().Mm(0.6f));
    // The pictogram stays a finger's size when the chip is taller for its visitor's words.
    float side = CurrentMetrics().HitTarget(), top = p.y + (h - side) * 0.5f;
    float inset = side * 0.12f;
    dl->AddCircleFilled(ImVec2(p.x + side * 0.5f, top + side * 0.5f), side * 0.5f - inset * 0.5f,
                        colour::kPanel);
    if (picto)
        dl->AddImage(picto, ImVec2(p.x + inset, top + inset), ImVec2(p.x + side - inset, top + side - inset));
    ImVec2 ts = TextSize(CurrentFonts().body, label.dutch);
    TextImage sub = LineLabelImage(label);
    float text_h = ts.y + (sub.texture ? SubGap() + sub.size.y : 0);
    float text_w = std::max(ts.x, sub.size.x);
    ImVec2 at(p.x + side + CurrentMetrics().Mm(2.0f), p.y + (h - text_h) * 0.5f);
    DrawText(dl, CurrentFonts().body, at, on ? colour::kOnDark : colour::kText, label.dutch);
    if (sub.texture)
        DrawTextImage(dl, sub, ImVec2(at.x, at.y + ts.y + SubGap()), text_w,
                      on ? colour::kOnDark : colour::kPrimary);
    RecordLabel(label, sub, at);
    return tapped;
}

//-----------------------------------------------------------------------------
// [SECTION] Badges
//-----------------------------------------------------------------------------

namespace {

struct BadgeLayout {
    std::vector<ImVec2> pos;
    std::vector<ImVec2> size;
    float height = 0;
};

TextImage BadgeSub(const Badge& b, float width) {
    return LabelImage(Label(b.text, b.visitor), width - 2 * CurrentMetrics().Mm(2.5f));
}

BadgeLayout LayoutBadges(const std::vector<Badge>& badges, float width) {
    BadgeLayout out;
    float pad_x = CurrentMetrics().Mm(2.5f), pad_y = CurrentMetrics().Mm(1.2f),
          gap = CurrentMetrics().Mm(2.0f);
    float x = 0, y = 0, row_h = 0;
    for (const auto& b : badges) {
        ImVec2 ts = TextSize(CurrentFonts().small, b.text);
        TextImage sub = BadgeSub(b, width);
        float picto = b.picto ? ts.y + pad_x : 0;
        float text_w = std::max(ts.x, sub.size.x);
        float text_h = ts.y + (sub.texture ? SubGap() + sub.size.y : 0);
        ImVec2 sz(std::min(text_w + picto + 2 * pad_x, width), text_h + 2 * pad_y);
        if (x > 0 && x + sz.x > width) {
            x = 0;
            y += row_h + gap;
            row_h = 0;
        }
        out.pos.push_back(ImVec2(x, y));
        out.size.push_back(sz);
        x += sz.x + gap;
        row_h = std::max(row_h, sz.y);
    }
    out.height = badges.empty() ? 0 : y + row_h;
    return out;
}

}  // namespace

float BadgesHeight(const std::vector<Badge>& badges, float width) {
    return LayoutBadges(badges, width).height;
}

float DrawBadges(ImDrawList* dl, ImVec2 origin, const std::vector<Badge>& badges, float width) {
    BadgeLayout l = LayoutBadges(badges, width);
    for (size_t i = 0; i < badges.size(); ++i) {
        ImVec2 a(origin.x + l.pos[i].x, origin.y + l.pos[i].y);
        ImVec2 b(a.x + l.size[i].x, a.y + l.size[i].y);
        dl->AddRectFilled(a, b, badges[i].fill, CurrentMetrics().Mm(1.5f));
        bool light = badges[i].fill == colour::kPanel;
        if (light) dl->AddRect(a, b, colour::kOutline, CurrentMetrics().Mm(1.5f));
        dl->PushClipRect(a, b, true);
        float x = a.x + CurrentMetrics().Mm(2.5f), y = a.y + CurrentMetrics().Mm(1.2f);
        ImFont* small = FontOrCurrent(CurrentFonts().small);
        if (ImTextureID picto = badges[i].picto) {
            float side = small->FontSize;
            dl->AddImage(picto, ImVec2(x, y), ImVec2(x + side, y + side));
            x += side + CurrentMetrics().Mm(2.5f);
        }
        DrawText(dl, small, ImVec2(x, y), light ? colour::kText : colour::kOnDark, badges[i].text);
        TextImage sub = BadgeSub(badges[i], width);
        if (sub.texture)
            DrawTextImage(dl, sub, ImVec2(x, y + TextSize(small, badges[i].text).y + SubGap()),
                          b.x - CurrentMetrics().Mm(2.5f) - x, light ? colour::kPrimary : colour::kOnDark);
        RecordLabel(Label(badges[i].text, badges[i].visitor), sub, ImVec2(x, y));
        dl->PopClipRect();
    }
    return l.height;
}

//-----------------------------------------------------------------------------
// [SECTION] Activity cards
//-----------------------------------------------------------------------------

namespace {
struct CardGeometry {
    float pad, icon, text_x, text_w, title_h;
};
CardGeometry CardLayout(const CardModel& card, float width) {
    CardGeometry g;
    g.pad = CurrentMetrics().Mm(3.0f);
    g.icon = CurrentMetrics().Mm(24.0f);
    g.text_x = g.pad + g.icon + g.pad;
    float corner = card.speaker ? CurrentMetrics().HitTarget() + CurrentMetrics().Mm(1.5f)
                                : 0.0f;  // room for the speaker
    g.text_w = std::max(width - g.text_x - g.pad - corner, CurrentMetrics().Mm(20.0f));
    g.title_h = TextSize(CurrentFonts().bold, card.title, g.text_w).y;
    if (card.subtitle.texture) g.title_h += card.subtitle.size.y + CurrentMetrics().Mm(1.0f);
    return g;
}
}  // namespace

float ActivityCardHeight(const CardModel& card, float width) {
    CardGeometry g = CardLayout(card, width);
    float text_h = g.title_h + CurrentMetrics().Mm(2.0f) + BadgesHeight(card.badges, g.text_w);
    return std::max(g.icon, text_h) + 2 * g.pad;
}

Tap ActivityCard(const char* id, const CardModel& card, ImVec2 size) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    bool held = false;
    bool tapped = TapArea(id, size, held);
    CardGeometry g = CardLayout(card, size.x);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), held ? colour::kBorder : colour::kPanel,
                      CurrentMetrics().Rounding());
    dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), colour::kOutline, CurrentMetrics().Rounding(), 0,
                CurrentMetrics().Mm(0.5f));
    if (card.picto)
        dl->AddImage(card.picto, ImVec2(p.x + g.pad, p.y + g.pad),
                     ImVec2(p.x + g.pad + g.icon, p.y + g.pad + g.icon));
    DrawText(dl, CurrentFonts().bold, ImVec2(p.x + g.text_x, p.y + g.pad), colour::kText, card.title,
             g.text_w);
    probe::RecordText(card.title, ImVec2(p.x + g.text_x, p.y + g.pad));
    if (card.subtitle.texture) probe::RecordSubtitled(card.title);
    if (const TextImage& sub = card.subtitle; sub.texture)
        DrawTextImage(dl, sub, ImVec2(p.x + g.text_x, p.y + g.pad + g.title_h - sub.size.y), g.text_w,
                      colour::kPrimary);
    DrawBadges(dl, ImVec2(p.x + g.text_x, p.y + g.pad + g.title_h + CurrentMetrics().Mm(2.0f)), card.badges,
               g.text_w);
    if (card.speaker && SpeakerCorner(id, p, size, card.speaker, tapped)) return Tap::kSpeak;
    return tapped ? Tap::kOpen : Tap::kNone;
}

//-----------------------------------------------------------------------------
// [SECTION] Keypad, stepper and toggles
//-----------------------------------------------------------------------------

char Keypad(const char* id, float side) {
    static constexpr char kKeys[] = "123456789+0<";
    static const char* kLabels[] = {"1", "2", "3", "4", "5", "6",
                                    "7", "8", "9", "+", "0", "\xe2\x86\x90"};  // arrow
    char pressed = 0;
    float gap = CurrentMetrics().Mm(3.0f);
    float x0 = ImGui::GetCursorPosX();
    ImGui::PushFont(CurrentFonts().title ? CurrentFonts().title : ImGui::GetFont());
    for (int i = 0; i < 12; ++i) {
        if (i % 3 != 0)
            ImGui::SameLine(0, gap);
        else
            ImGui::SetCursorPosX(x0);
        std::string key_id = std::string(id) + ":" + kKeys[i];
        ImVec2 p = ImGui::GetCursorScreenPos();
        bool held = false;
        if (TapArea(key_id.c_str(), ImVec2(side, side * 0.8f), held)) pressed = kKeys[i];
        // A digit is said as itself in every language; the keypad's user says what + and erase are.
        if (kKeys[i] >= '0' && kKeys[i] <= '9')
            probe::Describe(key_id, {.dutch = kLabels[i], .translated = kLabels[i]});
        else
            probe::Describe(key_id, {.dutch = kKeys[i] == '+' ? "plus" : "wissen"});
        ImDrawList* dl = ImGui::GetWindowDrawList();
        bool erase = kKeys[i] == '<';
        ImU32 fill = held ? colour::kBorder : erase ? colour::kBackground : colour::kPanel;
        dl->AddRectFilled(p, ImVec2(p.x + side, p.y + side * 0.8f), fill, CurrentMetrics().Rounding());
        dl->AddRect(p, ImVec2(p.x + side, p.y + side * 0.8f), colour::kOutline, CurrentMetrics().Rounding(),
                    0, CurrentMetrics().Mm(0.6f));
        ImFont* f = ImGui::GetFont();
        ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, kLabels[i]);
        dl->AddText(f, f->FontSize, ImVec2(p.x + (side - ts.x) * 0.5f, p.y + (side * 0.8f - ts.y) * 0.5f),
                    colour::kText, kLabels[i]);
    }
    ImGui::PopFont();
    return pressed;
}

int Stepper(const char* id, const Label& value, float width) {
    float h = CurrentMetrics().HitTarget() * 1.2f;
    float mid = std::max(width - 2 * h - 2 * CurrentMetrics().Mm(3), CurrentMetrics().Mm(20));
    ImFont* f = CurrentFonts().title ? CurrentFonts().title : ImGui::GetFont();
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, 0, value.dutch.c_str());
    TextImage sub = LabelImage(value, mid);
    float text_h = ts.y + (sub.texture ? SubGap() + sub.size.y : 0);
    h = std::max(h, text_h + CurrentMetrics().Mm(2));  // the visitor's words fit under the value
    // Taller keys take their width from the value's, so the stepper stays as wide as asked.
    mid = std::max({width - 2 * h - 2 * CurrentMetrics().Mm(3), CurrentMetrics().Mm(20), sub.size.x, ts.x});
    int delta = 0;
    std::string minus = std::string(id) + ":minus", plus = std::string(id) + ":plus";
    if (BigButton(minus.c_str(), "\xe2\x88\x92", nullptr, ImVec2(h, h), ButtonKind::kQuiet))
        delta = -1;  // minus sign
    ImGui::SameLine(0, CurrentMetrics().Mm(3));
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImGui::Dummy(ImVec2(mid, h));
    ImVec2 at(p.x + (mid - ts.x) * 0.5f, p.y + (h - text_h) * 0.5f);
    ImGui::GetWindowDrawList()->AddText(f, f->FontSize, at, colour::kText, value.dutch.c_str());
    if (sub.texture)
        DrawTextImage(ImGui::GetWindowDrawList(), sub,
                      ImVec2(p.x + (mid - sub.size.x) * 0.5f, at.y + ts.y + SubGap()), sub.size.x,
                      colour::kPrimary);
    RecordLabel(value, sub, at);
    ImGui::SameLine(0, CurrentMetrics().Mm(3));
    if (BigButton(plus.c_str(), "+", nullptr, ImVec2(h, h), ButtonKind::kQuiet)) delta = 1;
    // Each key says the value it changes, so a finger on it knows where it is.
    auto with = [&](const char* sign, const char* word) {
        core::Utterance u = SpeechOf(value);
        u.dutch = std::string(word) + ", " + u.dutch;
        if (!u.translated.empty()) u.translated = sign + (" " + u.translated);
        return u;
    };
    probe::Describe(minus, with("\xe2\x88\x92", "min"));
    probe::Describe(plus, with("+", "plus"));
    return delta;
}

bool SpeakerButton(const char* id, ImTextureID speaker_picto) {
    float side = CurrentMetrics().HitTarget();
    ImVec2 p = ImGui::GetCursorScreenPos();
    bool held = false;
    bool tapped = TapArea(id, ImVec2(side, side), held);
    DrawSpeakerDisc(ImGui::GetWindowDrawList(), ImVec2(p.x + side * 0.5f, p.y + side * 0.5f), side,
                    speaker_picto, held);
    return tapped;
}

void TileFrame(ImDrawList* dl, ImVec2 p, ImVec2 size, bool on, bool held) {
    ImU32 fill = on ? colour::kChipOn : colour::kPanel;
    if (held) fill = on ? colour::kPressed : colour::kBorder;
    dl->AddRectFilled(p, ImVec2(p.x + size.x, p.y + size.y), fill, CurrentMetrics().Rounding());
    dl->AddRect(p, ImVec2(p.x + size.x, p.y + size.y), on ? colour::kChipOn : colour::kOutline,
                CurrentMetrics().Rounding(), 0, CurrentMetrics().Mm(on ? 1.0f : 0.6f));
}

void TileCheckMark(ImDrawList* dl, ImVec2 p, ImVec2 size) {
    ImVec2 centre(p.x + size.x - CurrentMetrics().Mm(4.5f), p.y + CurrentMetrics().Mm(4.5f));
    // A chosen thing says so by shape, not only by colour: a white disc with a dark tick.
    float r = CurrentMetrics().Mm(3.5f);
    dl->AddCircleFilled(centre, r, colour::kOnDark);
    ImVec2 tick[3] = {ImVec2(centre.x - r * 0.5f, centre.y), ImVec2(centre.x - r * 0.1f, centre.y + r * 0.4f),
                      ImVec2(centre.x + r * 0.55f, centre.y - r * 0.45f)};
    dl->AddPolyline(tick, 3, colour::kChipOn, 0, r * 0.3f);
}

bool ToggleTile(const char* id, const Label& label, ImTextureID picto, bool on, ImVec2 size) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    bool held = false;
    bool tapped = TapArea(id, size, held);
    probe::Describe(id, SpeechOf(label, on));
    ImDrawList* dl = ImGui::GetWindowDrawList();
    TileFrame(dl, p, size, on, held);
    float pad = CurrentMetrics().Mm(3);
    // The pictogram grows with the tile: a tall tile is a picture with a word, not a word.
    float icon = std::min(size.y - 2 * pad, CurrentMetrics().Mm(26));
    if (picto) {
        ImVec2 c(p.x + pad + icon * 0.5f, p.y + size.y * 0.5f);
        dl->AddCircleFilled(c, icon * 0.5f, colour::kPanel);
        dl->AddImage(picto, ImVec2(c.x - icon * 0.38f, c.y - icon * 0.38f),
                     ImVec2(c.x + icon * 0.38f, c.y + icon * 0.38f));
    }
    float tx = p.x + pad + (picto ? icon + pad : 0);
    float wrap = p.x + size.x - pad - tx;
    ImFont* f = CurrentFonts().bold ? CurrentFonts().bold : ImGui::GetFont();
    ImVec2 ts = f->CalcTextSizeA(f->FontSize, FLT_MAX, wrap, label.dutch.c_str());
    TextImage sub = LabelImage(label, wrap);
    float text_h = ts.y + (sub.texture ? SubGap() + sub.size.y : 0);
    ImVec2 at(tx, p.y + std::max(pad * 0.5f, (size.y - text_h) * 0.5f));
    dl->AddText(f, f->FontSize, at, on ? colour::kOnDark : colour::kText, label.dutch.c_str(), nullptr, wrap);
    if (sub.texture)
        DrawTextImage(dl, sub, ImVec2(tx, at.y + ts.y + SubGap()), wrap,
                      on ? colour::kOnDark : colour::kPrimary);
    RecordLabel(label, sub, at);
    if (on) TileCheckMark(dl, p, size);
    return tapped;
}

//-----------------------------------------------------------------------------
// [SECTION] Text and layout
//-----------------------------------------------------------------------------

void Pictogram(ImTextureID picto, float side) {
    if (picto)
        ImGui::Image(picto, ImVec2(side, side));
    else
        ImGui::Dummy(ImVec2(side, side));
}

void TextBlock(ImFont* font, const Label& text, ImU32 col, float width) {
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushFont(FontOrCurrent(font));
    ImGui::PushStyleColor(ImGuiCol_Text, col);
    ImGui::PushTextWrapPos(width > 0 ? ImGui::GetCursorPosX() + width : 0.0f);
    ImGui::TextUnformatted(text.dutch.c_str());
    probe::DescribeLast(SpeechOf(text));  // speech mode reads it, between the controls around it
    ImGui::PopTextWrapPos();
    ImGui::PopStyleColor();
    ImGui::PopFont();
    // The visitor's words under the Dutch, at body size like every subtitle, as wide as the Dutch.
    TextImage sub;
    if (Shaper().textures && !text.visitor.empty() && text.visitor != text.dutch) {
        float avail = width > 0 ? width : ImGui::GetContentRegionAvail().x;
        float dutch = TextSize(font, text.dutch, avail).x;
        sub = Shaper().textures->Text(
            text.visitor, Shaper().language, std::min(avail, std::max(dutch, CurrentMetrics().Mm(90))),
            std::min(FontOrCurrent(CurrentFonts().body)->FontSize, FontOrCurrent(font)->FontSize));
        if (sub.texture) {
            // A right-to-left line shorter than the Dutch ends where the Dutch ends.
            ImVec2 p = ImGui::GetCursorScreenPos();
            DrawTextImage(ImGui::GetWindowDrawList(), sub, ImVec2(p.x, p.y + CurrentMetrics().Mm(0.5f)),
                          std::max(dutch, sub.size.x), colour::kPrimary);
            ImGui::Dummy(ImVec2(sub.size.x, sub.size.y + CurrentMetrics().Mm(1.0f)));
        }
    }
    RecordLabel(text, sub, at);
}

void CentredText(ImDrawList* dl, ImFont* font, const Label& text, float x, float width, float wrap, float& y,
                 ImU32 col, float gap_after, bool draw) {
    font = FontOrCurrent(font);
    ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text.dutch.c_str());
    ImVec2 at(x + (width - ts.x) * 0.5f, y);
    if (draw) dl->AddText(font, font->FontSize, at, col, text.dutch.c_str(), nullptr, wrap);
    y += ts.y;
    TextImage sub;
    if (Shaper().textures && !text.visitor.empty() && text.visitor != text.dutch)
        sub = Shaper().textures->Text(text.visitor, Shaper().language, wrap,
                                      FontOrCurrent(CurrentFonts().body)->FontSize);
    if (sub.texture) {
        if (draw)
            DrawTextImage(dl, sub, ImVec2(x + (width - sub.size.x) * 0.5f, y + SubGap()), sub.size.x, col);
        y += SubGap() + sub.size.y;
    }
    if (draw) RecordLabel(text, sub, at);
    y += gap_after;
}

void Heading(ImTextureID picto, const std::string& text, ImFont* font, float picto_mm) {
    float side = CurrentMetrics().Mm(picto_mm);
    Pictogram(picto, side);
    ImGui::SameLine();
    ImFont* f = FontOrCurrent(font);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (side - f->FontSize) * 0.5f);
    ImGui::PushFont(f);
    probe::RecordText(text, ImGui::GetCursorScreenPos());
    ImGui::TextUnformatted(text.c_str());
    probe::DescribeLast({.dutch = text});
    ImGui::PopFont();
}

int ColumnsFor(float width, float min_column_mm) {
    return std::clamp(static_cast<int>(width / CurrentMetrics().Mm(min_column_mm)), 1, 3);
}

//-----------------------------------------------------------------------------
// [SECTION] Drag scrolling
//-----------------------------------------------------------------------------

bool UpdateDragScroll(DragScroll& s) {
    ImGuiIO& io = ImGui::GetIO();
    float dt = std::max(io.DeltaTime, 1e-3f);
    if (s.to_top) {
        ImGui::SetScrollY(0);
        s = DragScroll{};
        return false;
    }
    bool inside = ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows |
                                         ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    if (ImGui::IsMouseClicked(0) && inside) {
        s.tracking = true;
        s.dragging = false;
        s.velocity = 0;
    }
    if (s.tracking && ImGui::IsMouseDown(0)) {
        if (!s.dragging && std::fabs(ImGui::GetMouseDragDelta(0, 0.0f).y) > CurrentMetrics().Mm(3.0f)) {
            s.dragging = true;
            ImGui::ClearActiveID();  // the finger is scrolling, not tapping the card under it
        }
        if (s.dragging) {
            float dy = io.MouseDelta.y;
            ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() - dy, 0.0f, ImGui::GetScrollMaxY()));
            s.velocity = 0.7f * s.velocity + 0.3f * (-dy / dt);
        }
        return s.dragging;
    }
    if (s.tracking) {  // released
        s.tracking = false;
        if (!s.dragging) s.velocity = 0;
        s.dragging = false;
    }
    if (std::fabs(s.velocity) < CurrentMetrics().Mm(10.0f)) {
        s.velocity = 0;
        return false;
    }
    float y = ImGui::GetScrollY() + s.velocity * dt;
    float clamped = std::clamp(y, 0.0f, ImGui::GetScrollMaxY());
    ImGui::SetScrollY(clamped);
    s.velocity = clamped != y ? 0 : s.velocity * std::exp(-3.5f * dt);
    return s.velocity != 0;
}

//-----------------------------------------------------------------------------
// [SECTION] The widget map, for tests and the frame log
//-----------------------------------------------------------------------------

namespace probe {
void Clear() {
    ProbeMap().clear();
    ProbeTexts().clear();
    ProbeReading().clear();
    ProbeSubtitled().clear();
}
void RecordSubtitled(const std::string& dutch) {
    ProbeSubtitled().insert(dutch);
}
const std::set<std::string>& Subtitled() {
    return ProbeSubtitled();
}
void RecordText(const std::string& text, ImVec2 at) {
    ProbeTexts().push_back({text, at});
}
const std::vector<std::pair<std::string, ImVec2>>& Texts() {
    return ProbeTexts();
}
void Record(const std::string& id, ImVec2 min, ImVec2 max) {
    ProbeMap()[id] = {min, max};
}
bool Find(const std::string& id, ImVec2& centre) {
    auto it = ProbeMap().find(id);
    if (it == ProbeMap().end()) return false;
    centre = ImVec2((it->second.first.x + it->second.second.x) * 0.5f,
                    (it->second.first.y + it->second.second.y) * 0.5f);
    return true;
}
const std::map<std::string, std::pair<ImVec2, ImVec2>>& All() {
    return ProbeMap();
}
void DescribeAt(const std::string& id, ImVec2 min, ImVec2 max, core::Utterance text, bool tappable,
                std::string language) {
    if (text.dutch.empty()) return;
    // Only what shows: a card scrolled half out of its window is heard for its visible part.
    ImVec2 clip_min = ImGui::GetWindowDrawList()->GetClipRectMin();
    ImVec2 clip_max = ImGui::GetWindowDrawList()->GetClipRectMax();
    min = ImVec2(std::max(min.x, clip_min.x), std::max(min.y, clip_min.y));
    max = ImVec2(std::min(max.x, clip_max.x), std::min(max.y, clip_max.y));
    if (max.x - min.x < 1 || max.y - min.y < 1) return;
    core::SpokenWidget said{id, min.x, min.y, max.x, max.y, std::move(text), tappable, std::move(language)};
    if (ImGui::GetScrollMaxY() > 0) {
        said.region = ImGui::GetCurrentWindow()->ID;
        said.more_above = ImGui::GetScrollY() > 0.5f;
        said.more_below = ImGui::GetScrollY() < ImGui::GetScrollMaxY() - 0.5f;
    }
    for (auto& w : ProbeReading())
        if (w.id == id) {  // drawn twice (measured, then drawn): the last place counts
            w = std::move(said);
            return;
        }
    ProbeReading().push_back(std::move(said));
}
void DescribeIn(const std::string& id, core::Utterance text, std::string language) {
    auto it = ProbeMap().find(id);
    if (it == ProbeMap().end()) return;
    DescribeAt(id, it->second.first, it->second.second, std::move(text), true, std::move(language));
}
void Describe(const std::string& id, core::Utterance text) {
    DescribeIn(id, std::move(text), "");
}
void DescribeLast(core::Utterance text) {
    DescribeAt("text:" + text.dutch, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), std::move(text),
               false);
}
void BeginModal() {
    ProbeReading().clear();
}
const core::ReadingOrder& Reading() {
    return ProbeReading();
}
}  // namespace probe

namespace {
std::pair<Label, Label>& StateWords() {
    static std::pair<Label, Label> words{Label("gekozen"), Label("niet gekozen")};
    return words;
}
}  // namespace

void SetStateWords(Label on, Label off) {
    StateWords() = {std::move(on), std::move(off)};
}

core::Utterance SpeechOf(const Label& label) {
    core::Utterance u{.dutch = label.dutch, .translated = label.visitor};
    return u;
}

core::Utterance SpeechOf(const Label& label, bool on) {
    const Label& state = on ? StateWords().first : StateWords().second;
    core::Utterance u = SpeechOf(label);
    u.dutch += ", " + state.dutch;
    // Half a translation is not one: without the state's words the visitor hears none of it.
    u.translated = u.translated.empty() || state.visitor.empty() ? "" : u.translated + ", " + state.visitor;
    return u;
}

}  // namespace brugpunt::ui
