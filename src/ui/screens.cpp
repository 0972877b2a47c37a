// Owns every screen of the kiosk and the frame around them. Screens read the ViewModel and emit
// Actions; they never touch SQLite, curl, SDL or files. Must not include SDL, store or sync.
//
// [SECTION] Helpers
// [SECTION] Attract
// [SECTION] Home
// [SECTION] List
// [SECTION] Detail
// [SECTION] Contact and credits
// [SECTION] Idle warning
// [SECTION] Frame
#include "screens.h"
#include "ui_internal.h"

#include <algorithm>
#include <cstdio>
#include <functional>

namespace brugpunt::ui {

using core::Activity;
using detail::Format;
using namespace brugpunt::core::action;

//-----------------------------------------------------------------------------
// [SECTION] Helpers
//-----------------------------------------------------------------------------

namespace {

const core::Strings* g_strings = nullptr;

constexpr ImGuiWindowFlags kScreenFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                          ImGuiWindowFlags_NoSavedSettings |
                                          ImGuiWindowFlags_NoScrollWithMouse;

std::string DayName(core::Weekday d) {
    return Tr(("day." + std::string(core::WeekdayCode(d))).c_str());
}

// "ma, wo" for a badge; "woensdag en zaterdag" for the detail page.
std::string DaysShort(const std::vector<core::Weekday>& days) {
    std::string out;
    for (auto d : days) out += (out.empty() ? "" : ", ") + std::string(core::WeekdayCode(d));
    return out;
}
std::string DaysLong(const std::vector<core::Weekday>& days) {
    if (days.size() == 7) return Tr("days.every");
    std::string out;
    for (size_t i = 0; i < days.size(); ++i) {
        if (i > 0) out += i + 1 == days.size() ? std::string(" ") + Tr("word.and") + " " : ", ";
        out += DayName(days[i]);
    }
    return out;
}

std::string AgeText(const core::Audience& a) {
    if (a.age_min == 0 && a.age_max >= 99) return Tr("age.all");
    if (a.age_max >= 99) return Format("age.from", a.age_min);
    return Format("age.range", a.age_min, a.age_max);
}

Badge PriceBadge(const core::Price& p) {
    if (p.cents == 0) return {Tr("price.free"), colour::kFree};
    return {core::FormatEuro(p.cents) + " " + p.period, colour::kPanel};
}

Badge StatusBadge(core::Status s) {
    switch (s) {
        case core::Status::kPlacesFree:
            return {Tr("status.free"), colour::kFree};
        case core::Status::kWaitingList:
            return {Tr("status.waitlist"), colour::kWait};
        case core::Status::kFull:
            return {Tr("status.full"), colour::kFull};
    }
    return {"", colour::kPanel};
}

const char* StatusPicto(core::Status s) {
    switch (s) {
        case core::Status::kPlacesFree:
            return "check";
        case core::Status::kWaitingList:
            return "hourglass";
        case core::Status::kFull:
            return "no-entry";
    }
    return "check";
}

// "pictogram:NAME" photos are illustrations by pictogram (the demo has no photographs).
std::string PhotoPicto(const std::string& photo, const char* fallback) {
    if (photo.rfind("pictogram:", 0) == 0) return photo.substr(10);
    return fallback;
}

// A category's word; the catalogue may carry it in other languages (not marked as reviewed).
core::Utterance CategorySpeech(const ViewModel& m, const core::Category& c) {
    core::Utterance u{.dutch = c.word, .reviewed = false};
    if (auto it = c.translations.find(m.language); it != c.translations.end() && m.language != "nl")
        u.translated = it->second;
    return u;
}

std::string PictoOf(const Activity& a) {
    return PhotoPicto(a.photo, a.pictograms.empty() ? "info" : a.pictograms.front().c_str());
}

// Text centred in [x, x + width), wrapped at `wrap`, at y; moves y past it and `gap_after`. With
// draw false it only measures, for layouts that are sized before they are drawn.
void CentredText(ImDrawList* dl, ImFont* font, const std::string& text, float x, float width, float wrap,
                 float& y, ImU32 col, float gap_after, bool draw) {
    font = FontOrCurrent(font);
    ImVec2 ts = font->CalcTextSizeA(font->FontSize, FLT_MAX, wrap, text.c_str());
    if (draw)
        dl->AddText(font, font->FontSize, ImVec2(x + (width - ts.x) * 0.5f, y), col, text.c_str(), nullptr,
                    wrap);
    y += ts.y + gap_after;
}

bool BeginScreen(const char* name, ImVec2 pos, ImVec2 size, ImU32 bg = colour::kBackground) {
    ImGui::SetNextWindowPos(pos);
    ImGui::SetNextWindowSize(size);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, bg);
    bool open = ImGui::Begin(name, nullptr, kScreenFlags);
    ImGui::PopStyleColor();
    return open;
}

// A window over the screen: it stays on top even after a tap on the screen below it.
bool BeginOverlay(const char* name, ImVec2 pos, ImVec2 size, ImU32 bg) {
    ImGui::SetNextWindowFocus();
    return BeginScreen(name, pos, size, bg);
}

// A heading with a pictogram in front, vertically centred.
void Heading(ImTextureID picto, const std::string& text, ImFont* font, float picto_mm = 16.0f) {
    float side = CurrentMetrics().Mm(picto_mm);
    Pictogram(picto, side);
    ImGui::SameLine();
    ImFont* f = FontOrCurrent(font);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + (side - f->FontSize) * 0.5f);
    ImGui::PushFont(f);
    ImGui::TextUnformatted(text.c_str());
    ImGui::PopFont();
}

// A block of labelled lines drawn straight to the draw list, so its height is known before
// drawing and blocks can be packed into columns.
struct Line {
    std::string label;  // bold, may be empty
    std::string text;
    std::string picto;     // may be empty
    std::string subtitle;  // the line in the visitor's language, shown when subtitles are on
};
struct Block {
    std::string id;
    const char* picto;
    std::string heading;
    std::vector<Line> lines;
    core::Utterance spoken;  // what its speaker button says; empty dutch: heading and lines
};

// A block's own text, read out when the catalogue has nothing better: heading, then each line.
core::Utterance BlockSpeech(const Block& b) {
    if (!b.spoken.dutch.empty()) return b.spoken;
    core::Utterance u{.dutch = b.heading + "."};
    for (const auto& l : b.lines)
        for (const std::string* t : {&l.label, &l.text})
            if (!t->empty()) u.dutch += " " + *t + (t->back() == '.' ? "" : ".");
    return u;
}

struct BlockMetrics {
    float pad, icon, line_gap, inner_w;
};
BlockMetrics BlockGeometry(float width) {
    BlockMetrics g;
    g.pad = CurrentMetrics().Mm(4.0f);
    g.icon = CurrentMetrics().Mm(15.0f);
    g.line_gap = CurrentMetrics().Mm(2.0f);
    g.inner_w = width - 2 * g.pad;
    return g;
}

float LineHeight(const ViewModel& m, const Line& l, float width) {
    float small_icon = CurrentMetrics().Mm(9.0f);
    float w = !l.picto.empty() ? width - small_icon - CurrentMetrics().Mm(2.0f) : width;
    ImFont* body = FontOrCurrent(CurrentFonts().body);
    ImFont* bold = FontOrCurrent(CurrentFonts().bold);
    float h = 0;
    if (!l.label.empty()) h += bold->CalcTextSizeA(bold->FontSize, FLT_MAX, w, l.label.c_str()).y;
    if (!l.text.empty()) h += body->CalcTextSizeA(body->FontSize, FLT_MAX, w, l.text.c_str()).y;
    h += SubtitleHeight(m, l.subtitle, w);
    return std::max(h, !l.picto.empty() ? small_icon : 0.0f);
}

float BlockHeight(const ViewModel& m, const Block& b, float width) {
    BlockMetrics g = BlockGeometry(width);
    float h = g.pad + g.icon + g.line_gap;
    for (const auto& l : b.lines) h += LineHeight(m, l, g.inner_w) + g.line_gap;
    return h + g.pad;
}

void DrawBlock(const ViewModel& m, const Block& b, ImVec2 p, float width, float height, core::Actions& out) {
    BlockMetrics g = BlockGeometry(width);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), colour::kPanel, CurrentMetrics().Rounding());
    dl->AddRect(p, ImVec2(p.x + width, p.y + height), colour::kBorder, CurrentMetrics().Rounding(), 0,
                CurrentMetrics().Mm(0.5f));
    if (ImTextureID t = m.Picto(b.picto))
        dl->AddImage(t, ImVec2(p.x + g.pad, p.y + g.pad), ImVec2(p.x + g.pad + g.icon, p.y + g.pad + g.icon));
    ImFont* title = FontOrCurrent(CurrentFonts().title);
    dl->AddText(title, title->FontSize,
                ImVec2(p.x + g.pad + g.icon + CurrentMetrics().Mm(3.0f),
                       p.y + g.pad + (g.icon - title->FontSize) * 0.5f),
                colour::kText, b.heading.c_str());
    float y = p.y + g.pad + g.icon + g.line_gap;
    ImFont* body = FontOrCurrent(CurrentFonts().body);
    ImFont* bold = FontOrCurrent(CurrentFonts().bold);
    for (const auto& l : b.lines) {
        float x = p.x + g.pad, w = g.inner_w;
        if (!l.picto.empty()) {
            float s = CurrentMetrics().Mm(9.0f);
            if (ImTextureID t = m.Picto(l.picto)) dl->AddImage(t, ImVec2(x, y), ImVec2(x + s, y + s));
            x += s + CurrentMetrics().Mm(2.0f);
            w -= s + CurrentMetrics().Mm(2.0f);
        }
        float ly = y;
        if (!l.label.empty()) {
            dl->AddText(bold, bold->FontSize, ImVec2(x, ly), colour::kText, l.label.c_str(), nullptr, w);
            ly += bold->CalcTextSizeA(bold->FontSize, FLT_MAX, w, l.label.c_str()).y;
        }
        if (!l.text.empty()) {
            dl->AddText(body, body->FontSize, ImVec2(x, ly), colour::kText, l.text.c_str(), nullptr, w);
            ly += body->CalcTextSizeA(body->FontSize, FLT_MAX, w, l.text.c_str()).y;
        }
        DrawSubtitle(dl, m, l.subtitle, ImVec2(x, ly), w);
        y += LineHeight(m, l, g.inner_w) + g.line_gap;
    }
    probe::Record(b.id, p, ImVec2(p.x + width, p.y + height));
    ImGui::SetCursorScreenPos(ImVec2(p.x + width - g.pad - CurrentMetrics().HitTarget(),
                                     p.y + g.pad + (g.icon - CurrentMetrics().HitTarget()) * 0.5f));
    SpeakerFor(m, ("speak:" + b.id).c_str(), BlockSpeech(b), out);
}

// Packs blocks into columns, each into the currently shortest one, and reserves the space.
void DrawBlocks(const ViewModel& m, const std::vector<Block>& blocks, int columns, core::Actions& out) {
    float gap = CurrentMetrics().Gap();
    float width = ImGui::GetContentRegionAvail().x;
    float col_w = (width - gap * (columns - 1)) / columns;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    std::vector<float> col_y(columns, 0.0f);
    for (const auto& b : blocks) {
        int c = static_cast<int>(std::min_element(col_y.begin(), col_y.end()) - col_y.begin());
        float h = BlockHeight(m, b, col_w);
        DrawBlock(m, b, ImVec2(origin.x + c * (col_w + gap), origin.y + col_y[c]), col_w, h, out);
        col_y[c] += h + gap;
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, *std::max_element(col_y.begin(), col_y.end())));
}

int ColumnsFor(float width, float min_column_mm) {
    return std::clamp(static_cast<int>(width / CurrentMetrics().Mm(min_column_mm)), 1, 3);
}

}  // namespace

const char* Tr(const char* key) {
    return g_strings ? g_strings->Get(key).c_str() : key;
}
void SetStrings(const core::Strings* strings) {
    g_strings = strings;
}

//-----------------------------------------------------------------------------
// [SECTION] Attract
//-----------------------------------------------------------------------------

void DrawAttract(const ViewModel& m, core::Actions& out) {
    ImVec2 size = ImGui::GetContentRegionAvail();
    ImVec2 origin = ImGui::GetCursorScreenPos();
    if (ImGui::InvisibleButton("attract:start", size)) {
        // Five quick taps in the top-left corner open the staff screen; any other tap starts.
        ImVec2 at = ImGui::GetIO().MouseClickedPos[0];
        bool corner = at.x - origin.x < CurrentMetrics().Mm(25) && at.y - origin.y < CurrentMetrics().Mm(25);
        if (corner)
            out.push_back(CornerTap{m.now});
        else
            out.push_back(Start{});
    }
    probe::Record("attract:start", origin, ImVec2(origin.x + size.x, origin.y + size.y));

    // Laid out twice: once to measure, once to draw centred on the screen.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float wrap = size.x - 2 * CurrentMetrics().Mm(10);
    size_t discs =
        m.catalogue ? std::min<size_t>(m.catalogue->categories.size(), size.x > size.y ? 8 : 4) : 0;
    float disc = discs ? std::min(CurrentMetrics().Mm(34),
                                  (size.x - CurrentMetrics().Mm(20)) / discs - CurrentMetrics().Mm(4))
                       : 0;
    float hand = CurrentMetrics().Mm(30);
    auto layout = [&](float y, bool draw) {
        auto centred = [&](ImFont* font, const std::string& text, float gap_after) {
            CentredText(dl, font, text, origin.x, size.x, wrap, y, colour::kOnDark, gap_after, draw);
        };
        auto picto_disc = [&](ImVec2 c, float d, ImTextureID t) {
            dl->AddCircleFilled(c, d * 0.5f, colour::kPanel);
            if (t)
                dl->AddImage(t, ImVec2(c.x - d * 0.36f, c.y - d * 0.36f),
                             ImVec2(c.x + d * 0.36f, c.y + d * 0.36f));
        };
        centred(CurrentFonts().huge, Tr("attract.title"), CurrentMetrics().Mm(3));
        if (m.catalogue) centred(CurrentFonts().title, m.catalogue->municipality, CurrentMetrics().Mm(14));
        // A row of category pictograms: what the kiosk is about, without reading.
        if (discs) {
            float total = discs * disc + (discs - 1) * CurrentMetrics().Mm(4);
            float x = origin.x + (size.x - total) * 0.5f;
            for (size_t i = 0; i < discs && draw; ++i, x += disc + CurrentMetrics().Mm(4))
                picto_disc(ImVec2(x + disc * 0.5f, y + disc * 0.5f), disc,
                           m.Picto(m.catalogue->categories[i].pictogram));
            y += disc + CurrentMetrics().Mm(14);
        }
        centred(CurrentFonts().title, Tr("attract.subtitle"), CurrentMetrics().Mm(16));
        if (draw) picto_disc(ImVec2(origin.x + size.x * 0.5f, y + hand * 0.5f), hand, m.Picto("point-up"));
        y += hand + CurrentMetrics().Mm(5);
        centred(CurrentFonts().huge, Tr("attract.touch"), 0);
        return y;
    };
    float height = layout(0, false);
    layout(origin.y + std::max(CurrentMetrics().Gap(), (size.y - height) * 0.5f), true);
}

//-----------------------------------------------------------------------------
// [SECTION] Home
//-----------------------------------------------------------------------------

void DrawHome(const ViewModel& m, core::Actions& out) {
    SpeakerFor(m, "speak:home", Spoken(m, "home.title"), out);
    ImGui::SameLine(0, CurrentMetrics().Mm(4));
    ImGui::BeginGroup();
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() +
                         (CurrentMetrics().HitTarget() - FontOrCurrent(CurrentFonts().title)->FontSize) *
                             0.5f);
    ImGui::PushFont(FontOrCurrent(CurrentFonts().title));
    ImGui::TextUnformatted(Tr("home.title"));
    ImGui::PopFont();
    SubtitleKey(m, "home.title", CurrentFonts().title);
    ImGui::EndGroup();
    if (!m.catalogue) return;

    const auto& cats = m.catalogue->categories;
    float gap = CurrentMetrics().Gap();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    float footer = CurrentMetrics().HitTarget() + gap;
    avail.y -= 2 * footer;  // room for the footer buttons, in one row or two
    // The column count that gives the biggest square tiles in the space there is.
    int n = static_cast<int>(cats.size()), best_cols = 1;
    float best_side = 0;
    for (int c = 1; c <= std::max(1, n); ++c) {
        int r = (n + c - 1) / c;
        float side = std::min((avail.x - (c - 1) * gap) / c, (avail.y - (r - 1) * gap) / r);
        if (side > best_side) best_side = side, best_cols = c;
    }
    best_side = std::min(best_side, CurrentMetrics().Mm(90));
    int rows = (n + best_cols - 1) / best_cols;
    float grid_w = best_cols * best_side + (best_cols - 1) * gap;
    float grid_h = rows * best_side + (rows - 1) * gap;
    float indent = std::max(0.0f, (avail.x - grid_w) * 0.5f);
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + std::max(0.0f, (avail.y - grid_h) * 0.5f));
    for (int i = 0; i < n; ++i) {
        if (i % best_cols == 0)
            ImGui::SetCursorPosX(ImGui::GetStyle().WindowPadding.x + indent);
        else
            ImGui::SameLine(0, gap);
        std::string id = "tile:" + cats[i].id;
        Tap tap = Tile(id.c_str(), cats[i].word, m.Picto(cats[i].pictogram), best_side, m.Picto("speaker"));
        if (tap == Tap::kOpen) out.push_back(OpenCategory{cats[i].id});
        if (tap == Tap::kSpeak) out.push_back(Speak{CategorySpeech(m, cats[i])});
    }
    // The desk's address and hours, for whoever would rather just walk over; beside or under it
    // the credits, whichever fits.
    float desk_w = BigButtonWidth(Tr("home.desk"), true, CurrentMetrics().HitTarget());
    float credits_w = BigButtonWidth(Tr("home.credits"), true, CurrentMetrics().HitTarget());
    bool one_row = desk_w + gap + credits_w <= ImGui::GetContentRegionAvail().x;
    ImGui::SetCursorPosY(ImGui::GetWindowHeight() - footer * (one_row ? 1 : 2));
    if (BigButton("home:desk", Tr("home.desk"), m.Picto("office"),
                  ImVec2(desk_w, CurrentMetrics().HitTarget()), ButtonKind::kQuiet))
        out.push_back(OpenContact{});
    if (one_row) ImGui::SameLine(0, gap);
    if (BigButton("home:credits", Tr("home.credits"), m.Picto("info"),
                  ImVec2(CurrentMetrics().Mm(75), CurrentMetrics().HitTarget()), ButtonKind::kQuiet))
        out.push_back(OpenCredits{});
}

//-----------------------------------------------------------------------------
// [SECTION] List
//-----------------------------------------------------------------------------

namespace {

struct ChipSpec {
    const char* id;
    std::string label;
    const char* picto;
    bool on;
};

void DrawPicker(const char* id_prefix, const std::vector<std::pair<std::string, int>>& options, int selected,
                float button_w, const std::function<void(int)>& pick) {
    float gap = CurrentMetrics().Mm(2.5f);
    float x0 = ImGui::GetCursorPosX();
    float avail = ImGui::GetContentRegionAvail().x;
    float x = 0;
    for (size_t i = 0; i < options.size(); ++i) {
        float w = std::max(button_w, FilterChipWidth(options[i].first) - CurrentMetrics().HitTarget());
        if (i > 0 && x + w <= avail)
            ImGui::SameLine(0, gap);
        else if (i > 0)
            x = 0, ImGui::SetCursorPosX(x0);
        std::string id = std::string(id_prefix) + std::to_string(options[i].second);
        bool on = options[i].second == selected;
        if (BigButton(id.c_str(), options[i].first, nullptr, ImVec2(w, CurrentMetrics().HitTarget()),
                      on ? ButtonKind::kPrimary : ButtonKind::kQuiet))
            pick(options[i].second);
        x += w + gap;
    }
}

std::vector<Badge> CardBadges(const Activity& a) {
    std::vector<Badge> b;
    b.push_back(PriceBadge(a.price));
    if (a.price.cents > 0 && a.price.social_cents < a.price.cents)
        b.push_back({Format("price.social_short", core::FormatEuro(a.price.social_cents)), colour::kPanel});
    b.push_back({AgeText(a.audience), colour::kPanel});
    b.push_back({DaysShort(a.schedule.days), colour::kPanel});
    b.push_back(StatusBadge(a.availability.status));
    return b;
}

}  // namespace

void DrawList(const ViewModel& m, UiLocal& local, DragScroll& scroll, core::Actions& out) {
    const core::Filter& f = m.filter;
    float heading_w = 0;  // from the window's edge to the end of the category's word
    if (m.category) {
        Heading(m.Picto(m.category->pictogram), m.category->word, CurrentFonts().title);
        heading_w = ImGui::GetItemRectMax().x - ImGui::GetCursorScreenPos().x;
        ImGui::SameLine(0, CurrentMetrics().Mm(4));
        SpeakerFor(m, "speak:category", CategorySpeech(m, *m.category), out);
    }
    ImGui::SameLine(0, CurrentMetrics().Mm(6));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + CurrentMetrics().Mm(1));
    ImGui::PushFont(FontOrCurrent(CurrentFonts().body));
    ImGui::TextUnformatted(m.list.size() == 1 ? Tr("list.count_one")
                                              : Format("list.count", (int)m.list.size()).c_str());
    ImGui::PopFont();
    if (m.category)
        Subtitle(m, CategorySpeech(m, *m.category).translated, std::max(heading_w, CurrentMetrics().Mm(30)));

    std::string age_label = f.age ? Format("chip.age_set", *f.age) : Tr("chip.age");
    std::string day_label = f.day ? DayName(*f.day) : Tr("chip.day");
    std::vector<ChipSpec> chips = {
        {"chip:free", Tr("chip.free"), "free", f.free_only},
        {"chip:age", age_label, "birthday", f.age.has_value()},
        {"chip:day", day_label, "calendar", f.day.has_value()},
        {"chip:girls", Tr("chip.girls"), "girl", f.girls_only},
        {"chip:trial", Tr("chip.trial"), "eyes", f.trial},
        {"chip:places", Tr("chip.places"), "check", f.places_free},
        {"chip:no_dutch", Tr("chip.no_dutch"), "globe", f.no_dutch},
        {"chip:walk_in", Tr("chip.walk_in"), "walking", f.walk_in},
    };
    bool any = f != core::Filter{.category = f.category};
    if (any) chips.push_back({"chip:clear", Tr("chip.clear"), "back", false});

    float avail = ImGui::GetContentRegionAvail().x;
    float gap = CurrentMetrics().Mm(2.5f), x = 0;
    for (size_t i = 0; i < chips.size(); ++i) {
        float w = std::min(FilterChipWidth(chips[i].label), avail);
        if (i > 0 && x + w <= avail)
            ImGui::SameLine(0, gap);
        else
            x = 0;
        x += w + gap;
        if (!FilterChip(chips[i].id, chips[i].label, m.Picto(chips[i].picto), chips[i].on, w)) continue;
        std::string_view id = chips[i].id;
        if (id == "chip:free")
            out.push_back(ToggleChip{core::Chip::kFree});
        else if (id == "chip:girls")
            out.push_back(ToggleChip{core::Chip::kGirls});
        else if (id == "chip:trial")
            out.push_back(ToggleChip{core::Chip::kTrial});
        else if (id == "chip:places")
            out.push_back(ToggleChip{core::Chip::kPlacesFree});
        else if (id == "chip:no_dutch")
            out.push_back(ToggleChip{core::Chip::kNoDutch});
        else if (id == "chip:walk_in")
            out.push_back(ToggleChip{core::Chip::kWalkIn});
        else if (id == "chip:clear")
            out.push_back(ClearFilters{}), local.list = {};
        else if (id == "chip:age")
            local.list.age_picker = !local.list.age_picker, local.list.day_picker = false;
        else if (id == "chip:day")
            local.list.day_picker = !local.list.day_picker, local.list.age_picker = false;
    }

    if (local.list.age_picker) {
        ImGui::Spacing();
        TextBlock(CurrentFonts().bold, Tr("picker.age"));
        std::vector<std::pair<std::string, int>> ages;
        ages.push_back({Tr("picker.all_ages"), -1});
        for (int age = 2; age <= 17; ++age) ages.push_back({std::to_string(age), age});
        ages.push_back({Tr("picker.adult"), 18});
        DrawPicker("age:", ages, f.age.value_or(-1), CurrentMetrics().HitTarget() * 1.2f, [&](int age) {
            out.push_back(SetAge{age < 0 ? std::nullopt : std::optional<int>(age)});
            local.list.age_picker = false;
        });
    }
    if (local.list.day_picker) {
        ImGui::Spacing();
        TextBlock(CurrentFonts().bold, Tr("picker.day"));
        std::vector<std::pair<std::string, int>> days;
        days.push_back({Tr("picker.all_days"), -1});
        for (int d = 0; d < core::kWeekdayCount; ++d)
            days.push_back({DayName(static_cast<core::Weekday>(d)), d});
        DrawPicker(
            "day:", days, f.day ? static_cast<int>(*f.day) : -1, CurrentMetrics().HitTarget() * 2.0f,
            [&](int d) {
                out.push_back(SetDay{d < 0 ? std::nullopt
                                           : std::optional<core::Weekday>(static_cast<core::Weekday>(d))});
                local.list.day_picker = false;
            });
    }
    ImGui::Spacing();

    ImGui::BeginChild("list:scroll", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollWithMouse);
    if (m.list.empty()) {
        ImGui::Spacing();
        TextBlock(CurrentFonts().title, Tr("list.empty"));
        if (BigButton("list:clear", Tr("chip.clear"), m.Picto("back"),
                      ImVec2(CurrentMetrics().Mm(70), CurrentMetrics().HitTarget())))
            out.push_back(ClearFilters{});
    }
    float width = ImGui::GetContentRegionAvail().x;
    int cols = ColumnsFor(width, 160.0f);
    float card_w = (width - (cols - 1) * CurrentMetrics().Gap()) / cols;
    auto row_of = [&](size_t i) {
        std::vector<CardModel> row;
        for (size_t j = i; j < std::min(m.list.size(), i + cols); ++j) {
            const Activity& a = *m.list[j];
            CardModel card{a.title, m.Picto(PictoOf(a)), CardBadges(a), m.Picto("speaker"), {}};
            if (const core::ActivityTexts* t = a.TextsIn(m.language); t && m.Subtitled() && m.textures)
                card.subtitle = m.textures->Text(t->title, m.language, card_w - CurrentMetrics().Mm(60),
                                                 FontOrCurrent(CurrentFonts().body)->FontSize);
            row.push_back(std::move(card));
        }
        return row;
    };
    // Rows are measured once per list, width and language, and only those on screen are drawn: a
    // list of thousands costs a screenful per frame. The others keep their place as empty space.
    size_t key = std::hash<std::string>{}(m.language) * 31 + std::hash<float>{}(card_w)*7 + m.Subtitled();
    for (const Activity* a : m.list) key = key * 1099511628211ull + reinterpret_cast<uintptr_t>(a);
    std::vector<float>& heights = local.list.row_heights;
    if (local.list.rows_key != key || heights.empty() != m.list.empty()) {
        heights.clear();
        for (size_t i = 0; i < m.list.size(); i += cols) {
            float h = 0;
            for (const CardModel& card : row_of(i)) h = std::max(h, ActivityCardHeight(card, card_w));
            heights.push_back(h);
        }
        local.list.rows_key = key;
    }
    float top = ImGui::GetScrollY() - CurrentMetrics().Mm(40),
          bottom = ImGui::GetScrollY() + ImGui::GetWindowHeight() + CurrentMetrics().Mm(40);
    for (size_t i = 0, r = 0; i < m.list.size(); i += cols, ++r) {
        float row_h = heights[r];
        float y = ImGui::GetCursorPosY();
        if (y + row_h < top || y > bottom) {
            ImGui::Dummy(ImVec2(width, row_h));
            continue;
        }
        std::vector<CardModel> row = row_of(i);
        for (size_t k = 0; k < row.size(); ++k) {
            if (k > 0) ImGui::SameLine(0, CurrentMetrics().Gap());
            std::string id = "card:" + m.list[i + k]->id;
            Tap tap = ActivityCard(id.c_str(), row[k], ImVec2(card_w, row_h));
            if (tap == Tap::kOpen) out.push_back(OpenActivity{m.list[i + k]->id});
            if (tap == Tap::kSpeak) out.push_back(Speak{Spoken(m, *m.list[i + k], "summary")});
        }
    }
    ImGui::Dummy(ImVec2(1, CurrentMetrics().Gap()));
    if (local.scroll_to_top) scroll.to_top = true;
    UpdateDragScroll(scroll);
    ImGui::EndChild();
}

//-----------------------------------------------------------------------------
// [SECTION] Detail
//-----------------------------------------------------------------------------

namespace {

std::string Languages(const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) out += (out.empty() ? "" : ", ") + std::string(Tr(("lang." + c).c_str()));
    return out;
}

std::string Join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& s : items) out += (out.empty() ? "" : ", ") + s;
    return out;
}

std::vector<Block> DetailBlocks(const ViewModel& m, const Activity& a) {
    std::vector<Block> blocks;
    const auto& p = a.price;
    Block price{"block:price", "money", Tr("detail.price"), {}};
    price.lines.push_back({p.cents == 0 ? Tr("price.free") : core::FormatEuro(p.cents) + " " + p.period, ""});
    if (p.cents > 0) {
        if (p.social_cents < p.cents)
            price.lines.push_back({Format("price.social_long", core::FormatEuro(p.social_cents)),
                                   Format("price.passes", Join(p.passes)), "ticket"});
        price.lines.push_back({Tr("price.how_to_get_pass"), p.how_to_get_pass});
    }
    price.lines.push_back({"", p.material_note, "backpack"});
    blocks.push_back(price);

    Block where{"block:where", "pin", Tr("detail.where"), {}};
    where.lines.push_back(
        {a.location.name, a.location.address, PhotoPicto(a.location.entrance_photo, "pin")});
    for (const auto& t : a.location.transit) where.lines.push_back({"", t, "bus"});
    blocks.push_back(where);

    Block when{"block:when", "clock", Tr("detail.when"), {}};
    when.lines.push_back({DaysLong(a.schedule.days), a.schedule.start + " - " + a.schedule.end});
    when.lines.push_back({"", a.schedule.season});
    if (a.schedule.in_school_hours) when.lines.push_back({"", Tr("when.school_hours"), "school"});
    blocks.push_back(when);

    Block first{"block:first_visit", "wave", Tr("detail.first_visit"), {}};
    const core::ActivityTexts* t = a.TextsIn(m.language);
    core::FirstVisit none;
    const core::FirstVisit& fv = t ? t->first_visit : none;
    first.lines.push_back({Tr("first.where"), a.first_visit.where, "", fv.where});
    first.lines.push_back({Tr("first.who"), a.first_visit.who_meets_you, "", fv.who_meets_you});
    first.lines.push_back({Tr("first.bring"), a.first_visit.what_to_bring, "", fv.what_to_bring});
    first.lines.push_back({Tr("first.what"), a.first_visit.what_happens, "", fv.what_happens});
    first.spoken = Spoken(m, a, "first_visit");
    blocks.push_back(first);

    const auto& av = a.availability;
    Block places{"block:places", StatusPicto(av.status), Tr("detail.places"), {}};
    places.lines.push_back({StatusBadge(av.status).text, ""});
    if (av.trial_possible) places.lines.push_back({"", Tr("places.trial"), "eyes"});
    if (m.today < av.registration_from)
        places.lines.push_back(
            {"", Format("places.opens", core::FormatDateDutch(av.registration_from)), "memo"});
    else if (m.today > av.registration_to)
        places.lines.push_back(
            {Tr("places.closed"),
             av.reopens_on ? Format("places.reopens", core::FormatDateDutch(*av.reopens_on)) : "", "memo"});
    else
        places.lines.push_back(
            {"", Format("places.until", core::FormatDateDutch(av.registration_to)), "memo"});
    if (av.interest_list) places.lines.push_back({"", Tr("places.interest"), "raise-hand"});
    if (av.social_places > 0)
        places.lines.push_back({"", Format("places.social", av.social_places), "ticket"});
    blocks.push_back(places);

    const auto& au = a.audience;
    Block who{"block:for_whom", "child", Tr("detail.for_whom"), {}};
    who.lines.push_back({AgeText(au), ""});
    const char* for_whom = au.for_whom == core::ForWhom::kGirlsWomen ? "who.girls"
                           : au.for_whom == core::ForWhom::kBoysMen  ? "who.boys"
                                                                     : "who.mixed";
    who.lines.push_back(
        {"", Tr(for_whom), au.for_whom == core::ForWhom::kGirlsWomen ? "girl" : "children-mixed"});
    const char* dutch = au.dutch == core::DutchNeeded::kNone      ? "dutch.none"
                        : au.dutch == core::DutchNeeded::kALittle ? "dutch.a_little"
                                                                  : "dutch.good";
    who.lines.push_back({"", Tr(dutch), "speech"});
    who.lines.push_back({"",
                         Tr(au.signup == core::Signup::kWalkIn ? "signup.walk_in" : "signup.registration"),
                         au.signup == core::Signup::kWalkIn ? "walking" : "memo"});
    if (au.childcare) who.lines.push_back({"", Tr("who.childcare"), "baby-bottle"});
    if (au.children_welcome) who.lines.push_back({"", Tr("who.children_welcome"), "family"});
    who.lines.push_back({"", Tr(au.wheelchair ? "who.wheelchair" : "who.no_wheelchair"), "wheelchair"});
    if (au.alcohol_free) who.lines.push_back({"", Tr("who.alcohol_free"), "cup"});
    who.lines.push_back({"", au.food_notes, "plate"});
    blocks.push_back(who);

    Block contact{"block:contact", "phone", Tr("detail.contact"), {}};
    contact.lines.push_back({a.contact.name, Format("contact.speaks", Languages(a.contact.languages)),
                             PhotoPicto(a.contact.photo, "raise-hand")});
    contact.lines.push_back({a.contact.phone, "", "phone"});
    contact.lines.push_back({"", Format("contact.organiser", a.organiser), "office"});
    contact.lines.push_back({"", Format("contact.checked", core::FormatDateDutch(a.last_checked)), "check"});
    blocks.push_back(contact);
    return blocks;
}

}  // namespace

void DrawDetail(const ViewModel& m, DragScroll& scroll, core::Actions& out) {
    if (!m.detail) {
        TextBlock(CurrentFonts().title, Tr("detail.missing"));
        return;
    }
    const Activity& a = *m.detail;
    ImGui::BeginChild("detail:scroll", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollWithMouse);
    float width = ImGui::GetContentRegionAvail().x;
    float icon = CurrentMetrics().Mm(30);
    Pictogram(m.Picto(PictoOf(a)), icon);
    ImGui::SameLine(0, CurrentMetrics().Gap());
    SpeakerFor(m, "speak:detail", Spoken(m, a, "summary"), out);
    ImGui::SameLine(0, CurrentMetrics().Gap());
    ImGui::BeginGroup();
    float text_w = ImGui::GetContentRegionAvail().x;
    const core::ActivityTexts* texts = a.TextsIn(m.language);
    TextBlock(CurrentFonts().title, a.title);
    if (texts) Subtitle(m, texts->title, text_w);
    TextBlock(CurrentFonts().body, a.summary);
    if (texts) Subtitle(m, texts->summary, text_w);
    for (size_t i = 0; i < a.pictograms.size(); ++i) {
        if (i > 0) ImGui::SameLine();
        Pictogram(m.Picto(a.pictograms[i]), CurrentMetrics().Mm(12));
    }
    ImGui::EndGroup();

    std::vector<Badge> badges = {
        PriceBadge(a.price), {AgeText(a.audience), colour::kPanel}, StatusBadge(a.availability.status)};
    if (a.availability.trial_possible) badges.push_back({Tr("places.trial_short"), colour::kPrimary});
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = DrawBadges(ImGui::GetWindowDrawList(), p, badges, width);
    ImGui::Dummy(ImVec2(width, h));
    ImGui::Spacing();

    DrawBlocks(m, DetailBlocks(m, a), ColumnsFor(width, 140.0f), out);

    ImVec2 button(std::min(width, CurrentMetrics().Mm(110)), CurrentMetrics().HitTarget() * 1.2f);
    const auto& av = a.availability;
    bool closed = m.today < av.registration_from || m.today > av.registration_to;
    if (closed && av.interest_list) {
        if (BigButton("detail:interest", Tr("detail.interest"), m.Picto("raise-hand"), button,
                      ButtonKind::kAction))
            out.push_back(StartAppointment{a.id, true});
    } else if (BigButton("detail:appointment", Tr("top.appointment"), m.Picto("raise-hand"), button,
                         ButtonKind::kAction)) {
        out.push_back(StartAppointment{a.id, false});
    }
    if (width - ImGui::GetItemRectSize().x - CurrentMetrics().Gap() >= CurrentMetrics().Mm(60))
        ImGui::SameLine(0, CurrentMetrics().Gap());
    bool chosen = m.IsChosen(a.id);
    if (BigButton("detail:choose", Tr(chosen ? "detail.chosen" : "detail.choose"), m.Picto("check"),
                  ImVec2(CurrentMetrics().Mm(60), button.y),
                  chosen ? ButtonKind::kPrimary : ButtonKind::kQuiet))
        out.push_back(ToggleChosen{a.id});
    ImGui::Dummy(ImVec2(1, CurrentMetrics().Gap()));
    UpdateDragScroll(scroll);
    ImGui::EndChild();
}

//-----------------------------------------------------------------------------
// [SECTION] Contact and credits
//-----------------------------------------------------------------------------

void DrawContact(const ViewModel& m, core::Actions& out) {
    Heading(m.Picto("raise-hand"), Tr("contact.title"), CurrentFonts().title);
    ImGui::SameLine(0, CurrentMetrics().Mm(4));
    SpokenBuilder spoken(m);
    spoken.Key("contact.title", ".").Key("contact.intro");
    if (m.catalogue) spoken.Key("contact.call").Text(m.catalogue->desk.phone + ".");
    SpeakerFor(m, "speak:contact", spoken.Key("contact.bring_someone").Done(), out);
    TextBlock(CurrentFonts().body, Tr("contact.intro"));
    SubtitleKey(m, "contact.intro", CurrentFonts().body);
    ImGui::Spacing();
    if (!m.catalogue) return;
    const core::Desk& d = m.catalogue->desk;
    Block desk{"block:desk", "office", d.name, {}};
    desk.lines.push_back({"", Tr("contact.call"), "phone"});
    desk.lines.push_back({d.address, "", "pin"});
    Line hours{Tr("contact.hours"), "", "clock"};
    for (const auto& h : d.opening_hours) hours.text += (hours.text.empty() ? "" : "\n") + h;
    desk.lines.push_back(hours);
    desk.lines.push_back({"", Tr("contact.bring_someone"), "handshake"});
    Heading(m.Picto("phone"), d.phone, CurrentFonts().huge, 18.0f);
    ImGui::Spacing();
    float width = std::min(ImGui::GetContentRegionAvail().x, CurrentMetrics().Mm(220));
    ImGui::BeginChild("contact:panel", ImVec2(width, 0));
    DrawBlocks(m, {desk}, 1, out);
    ImGui::EndChild();
}

void DrawCredits(const ViewModel& m, core::Actions& out) {
    Heading(m.Picto("info"), Tr("credits.title"), CurrentFonts().title);
    ImGui::SameLine(0, CurrentMetrics().Mm(4));
    SpeakerFor(
        m, "speak:credits",
        SpokenBuilder(m).Key("credits.title", ".").Key("credits.privacy_title").Key("credits.privacy").Done(),
        out);
    ImGui::Spacing();
    TextBlock(CurrentFonts().body, Format("credits.version", m.version));
    if (m.catalogue)
        TextBlock(CurrentFonts().body,
                  Format("credits.catalogue", m.catalogue->municipality, m.catalogue->version));
    ImGui::Spacing();
    TextBlock(CurrentFonts().bold, Tr("credits.pictograms_title"));
    TextBlock(CurrentFonts().body, Tr("credits.pictograms"));
    ImGui::Spacing();
    TextBlock(CurrentFonts().bold, Tr("credits.font_title"));
    TextBlock(CurrentFonts().body, Tr("credits.font"));
    ImGui::Spacing();
    TextBlock(CurrentFonts().bold, Tr("credits.privacy_title"));
    TextBlock(CurrentFonts().body, Tr("credits.privacy"));
    SubtitleKey(m, "credits.privacy", CurrentFonts().body);
}

//-----------------------------------------------------------------------------
// [SECTION] Idle warning
//-----------------------------------------------------------------------------

void DrawIdleWarning(const ViewModel& m, core::Actions& out) {
    ImVec2 display = ImGui::GetIO().DisplaySize;
    float width = std::min(display.x - 2 * CurrentMetrics().Gap(), CurrentMetrics().Mm(170));
    float wrap = width - 2 * CurrentMetrics().Gap();
    float icon = CurrentMetrics().Mm(22);
    ImVec2 button(std::min(wrap, CurrentMetrics().Mm(100)), CurrentMetrics().HitTarget() * 1.3f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // Measured first so the panel fits its content, then drawn centred.
    auto layout = [&](ImVec2 p, bool draw) {
        float y = p.y + CurrentMetrics().Gap();
        auto centred = [&](ImFont* font, const std::string& text, ImU32 col, float gap_after) {
            CentredText(dl, font, text, p.x, width, wrap, y, col, gap_after, draw);
        };
        if (draw)
            if (ImTextureID t = m.Picto("hourglass"))
                dl->AddImage(t, ImVec2(p.x + (width - icon) * 0.5f, y),
                             ImVec2(p.x + (width + icon) * 0.5f, y + icon));
        y += icon + CurrentMetrics().Mm(2);
        centred(CurrentFonts().title, Tr("warning.title"), colour::kText, CurrentMetrics().Mm(2));
        centred(CurrentFonts().huge, std::to_string(m.warning_seconds), colour::kAction,
                CurrentMetrics().Mm(2));
        centred(CurrentFonts().body, Tr("warning.text"), colour::kText, CurrentMetrics().Mm(5));
        if (draw) {
            ImGui::SetCursorScreenPos(ImVec2(p.x + (width - button.x) * 0.5f, y));
            if (BigButton("warning:more_time", Tr("warning.more_time"), m.Picto("clock"), button,
                          ButtonKind::kAction))
                out.push_back(MoreTime{m.now});
        }
        return y + button.y + CurrentMetrics().Gap() - p.y;
    };
    float height = layout(ImVec2(0, 0), false);
    ImVec2 p((display.x - width) * 0.5f, std::max(0.0f, (display.y - height) * 0.5f));
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), colour::kPanel, CurrentMetrics().Rounding() * 2);
    layout(p, true);
}

//-----------------------------------------------------------------------------
// [SECTION] Frame
//-----------------------------------------------------------------------------

namespace {

void DrawTopBar(const ViewModel& m, core::Actions& out) {
    float h = CurrentMetrics().HitTarget() * 1.15f;
    float gap = CurrentMetrics().Gap();
    float width = ImGui::GetWindowWidth();
    float back_w = BigButtonWidth(Tr("top.back"), true, h, CurrentMetrics().Mm(48));
    float appt_w = BigButtonWidth(Tr("top.appointment"), true, h);
    float home_w = BigButtonWidth(Tr("top.home"), true, h, CurrentMetrics().Mm(44));
    float lang_w = BigButtonWidth(Tr("top.language"), true, h);
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
    if (BigButton("top:back", back_words ? Tr("top.back") : "", m.Picto("back"), ImVec2(back_w, h)))
        out.push_back(Back{});
    ImGui::SameLine(0, gap);
    if (BigButton("top:home", home_words ? Tr("top.home") : "", m.Picto("house"), ImVec2(home_w, h),
                  ButtonKind::kQuiet))
        out.push_back(Home{});
    ImGui::SameLine(0, gap);
    if (BigButton("top:language", lang_words ? Tr("top.language") : "", m.Picto("globe"), ImVec2(lang_w, h),
                  m.language == "nl" ? ButtonKind::kQuiet : ButtonKind::kPrimary))
        out.push_back(OpenLanguages{});
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
    ImGui::SameLine();
    ImGui::SetCursorPos(ImVec2(width - appt_w - gap, (CurrentMetrics().TopBar() - h) * 0.5f));
    // On an activity's page the request is about that activity, as the visitor would expect.
    if (BigButton("top:appointment", Tr("top.appointment"), m.Picto("raise-hand"), ImVec2(appt_w, h),
                  ButtonKind::kAction))
        out.push_back(StartAppointment{m.screen == core::Screen::kDetail && m.detail ? m.detail->id : ""});
}

}  // namespace

void DrawFrame(const ViewModel& m, FrameLocal& local, core::Actions& out) {
    probe::Clear();
    std::string detail_id = m.detail ? m.detail->id : "";
    if (detail_id != local.detail_id) local.detail_scroll.to_top = true, local.detail_id = detail_id;
    ImVec2 display = ImGui::GetIO().DisplaySize;
    ImGui::PushFont(FontOrCurrent(CurrentFonts().body));
    if (m.screen == core::Screen::kAttract) {
        if (BeginScreen("attract", ImVec2(0, 0), display, colour::kPrimary)) DrawAttract(m, out);
        ImGui::End();
    } else {
        float bar = CurrentMetrics().TopBar();
        if (BeginScreen("topbar", ImVec2(0, 0), ImVec2(display.x, bar), colour::kPanel)) DrawTopBar(m, out);
        ImGui::End();
        if (BeginScreen("screen", ImVec2(0, bar), ImVec2(display.x, display.y - bar))) {
            switch (m.screen) {
                case core::Screen::kHome:
                    DrawHome(m, out);
                    break;
                case core::Screen::kList:
                    DrawList(m, local.ui, local.list_scroll, out);
                    break;
                case core::Screen::kDetail:
                    DrawDetail(m, local.detail_scroll, out);
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
    if (m.audio != AudioState::kIdle && m.screen != core::Screen::kAttract) {
        ImVec2 size = AudioControlsSize();
        ImVec2 at(display.x - size.x - CurrentMetrics().Gap(), display.y - size.y - CurrentMetrics().Gap());
        if (BeginOverlay("audio", at, size, colour::kPrimary)) {
            ImGui::SetCursorPos(ImVec2(CurrentMetrics().Mm(3), CurrentMetrics().Mm(3)));
            DrawAudioControls(m, out);
        }
        ImGui::End();
    }
    if (m.language_picker && !m.warning) {
        if (BeginOverlay("languages", ImVec2(0, 0), display, colour::kShade)) DrawLanguagePicker(m, out);
        ImGui::End();
    }
    if (m.warning) {
        if (BeginOverlay("warning", ImVec2(0, 0), display, colour::kShade)) DrawIdleWarning(m, out);
        ImGui::End();
    }
    ImGui::PopFont();
}

bool Animating(const FrameLocal& local) {
    auto moving = [](const DragScroll& s) { return s.dragging || s.velocity != 0; };
    return moving(local.list_scroll) || moving(local.detail_scroll);
}

}  // namespace brugpunt::ui
