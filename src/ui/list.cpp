// Screen: the activity list with filter chips. Must not include SDL, store or sync.
#include "screens.h"

#include <algorithm>
#include <chrono>
#include <functional>

#include "format.h"
#include "info_block.h"
#include "spoken.h"

namespace brugpunt::ui {

using core::Activity;
using namespace brugpunt::core::action;

namespace {

struct ChipSpec {
    const char* id;
    Label label;
    const char* picto;
    bool on;
};

constexpr int kPickerDone = -2;  // the age picker's "Klaar"

void DrawPicker(const char* id_prefix, const std::vector<std::pair<Label, int>>& options,
                const std::function<bool(int)>& selected, float button_w,
                const std::function<void(int)>& pick) {
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
        bool on = selected(options[i].second);
        if (BigButton(id.c_str(), options[i].first, nullptr, ImVec2(w, FilterChipHeight(options[i].first)),
                      on ? ButtonKind::kPrimary : ButtonKind::kQuiet))
            pick(options[i].second);
        x += w + gap;
    }
}

// "5", "5 en 9", "5, 7 en 9": ages as a person says them.
std::string AgeList(const std::vector<int>& ages, const core::Words& w) {
    std::vector<std::string> numbers;
    for (int age : ages) numbers.push_back(std::to_string(age));
    return core::JoinList(numbers, w);
}

std::vector<Badge> CardBadges(const ViewModel& m, const Activity& a) {
    std::vector<Badge> b;
    // What a visitor chooses by (price, places, Dutch) and nobody filled in goes in one badge.
    if (a.price.cents) b.push_back(PriceBadge(a.price));
    const auto& p = a.price;
    if (p.cents > 0 && p.social_cents && *p.social_cents < *p.cents)
        b.push_back(
            BadgeOf(LbFill("price.social_short", {core::FormatEuro(*p.social_cents)}), colour::kPanel));
    b.push_back(
        BadgeOf(Both([&](const core::Words& w) { return core::AgeText(a.audience, w); }), colour::kPanel));
    b.push_back(BadgeOf(Both([&](const core::Words& w) { return core::DaysLong(a.schedule.days, w); }),
                        colour::kPanel));
    if (a.availability.status) b.push_back(StatusBadge(*a.availability.status));
    if (auto ask = AskDeskBadge(a, m.Picto(kDeskPicto))) b.push_back(*ask);
    // A family looking for several children: which of them this one is for, first.
    if (m.filter.ages.size() >= 2) {
        std::vector<int> fitting = core::AgesFitting(a, m.filter);
        Label fits =
            Both([&](const core::Words& w) { return w.Fill("badge.fits_ages", {AgeList(fitting, w)}); });
        b.insert(b.begin(), BadgeOf(fits, colour::kPrimary, m.Picto("family")));
    }
    return b;
}

}  // namespace

namespace {

// What speech mode says for a card: its title, its badges and where it is in the list ("3 van 12").
// A recorded title is played as it is: a clip cannot have words added to it.
core::Utterance CardSpeech(const ViewModel& m, const core::Activity& a, const CardModel& card,
                           size_t position) {
    core::Utterance u = Spoken(m, a, "title");
    if (!u.clip.empty()) return u;
    bool translated = !u.translated.empty();
    for (const Badge& b : card.badges) {
        u.dutch += ", " + b.text;
        translated = translated && !b.visitor.empty();
        if (translated) u.translated += ", " + b.visitor;
    }
    Label where = LbFill("speech.position", {std::to_string(position), std::to_string(m.list.size())});
    u.dutch += ". " + where.dutch;
    translated = translated && !where.visitor.empty();
    u.translated = translated ? u.translated + ". " + where.visitor : "";
    return u;
}

}  // namespace

void DrawList(const ViewModel& m, UiLocal& local, DragScroll& scroll, core::Actions& out) {
    const core::Filter& f = m.filter;
    float heading_w = 0;  // from the window's edge to the end of the category's word
    if (m.category) {
        Heading(m.Picto(m.category->pictogram), m.category->word, CurrentFonts().title);
        if (!CategorySpeech(m, *m.category).translated.empty() && m.Subtitled())
            probe::RecordSubtitled(m.category->word);  // under the row, below
        heading_w = ImGui::GetItemRectMax().x - ImGui::GetCursorScreenPos().x;
        ImGui::SameLine(0, CurrentMetrics().Mm(4));
        SpeakerFor(m, "speak:category", CategorySpeech(m, *m.category), out);
    }
    ImGui::SameLine(0, CurrentMetrics().Mm(6));
    ImGui::SetCursorPosY(ImGui::GetCursorPosY() + CurrentMetrics().Mm(1));
    ImGui::BeginGroup();
    TextBlock(CurrentFonts().body, LbCount("list.count", static_cast<long long>(m.list.size())));
    ImGui::EndGroup();
    if (m.category)
        Subtitle(m, CategorySpeech(m, *m.category).translated, std::max(heading_w, CurrentMetrics().Mm(30)));

    // "Wat is sport?": what a newcomer may not know about this kind of activity, and can hear.
    if (m.category && !m.category->explanation.empty()) {
        ImGui::Spacing();
        std::string question = Format("list.what_is", m.category->word);
        Label asked(question);
        if (std::string word = CategorySpeech(m, *m.category).translated; !word.empty())
            asked = LbFill("list.what_is", {word}), asked.dutch = question;
        if (BigButton("list:explain", asked, m.Picto("info"), ImVec2(0, CurrentMetrics().HitTarget()),
                      local.list.explain ? ButtonKind::kPrimary : ButtonKind::kQuiet))
            local.list.explain = !local.list.explain;
        if (local.list.explain) {
            ImGui::Spacing();
            InfoBlock what{"block:explain", m.category->pictogram.c_str(), question, {}};
            what.lines.push_back({"", m.category->explanation});
            DrawInfoBlocks(m, {what}, 1, out);
        }
        ImGui::Spacing();
    }

    Label age_label =
        f.ages.empty() ? Lb("chip.age")
        : f.ages.size() == 1
            ? Both([&](const core::Words& w) { return w.Fill("chip.age_set", {std::to_string(f.ages[0])}); })
            : Both([&](const core::Words& w) { return w.Fill("chip.ages_set", {AgeList(f.ages, w)}); });
    Label day_label =
        f.day ? Both([&](const core::Words& w) { return core::DayName(*f.day, w); }) : Lb("chip.day");
    std::vector<ChipSpec> chips = {
        {"chip:free", Lb("chip.free"), "free", f.free_only},
        {"chip:age", age_label, "birthday", !f.ages.empty()},
        {"chip:day", day_label, "calendar", f.day.has_value()},
        {"chip:girls", Lb("chip.girls"), "girl", f.girls_only},
        {"chip:trial", Lb("chip.trial"), "eyes", f.trial},
        {"chip:places", Lb("chip.places"), "check", f.places_free},
        {"chip:no_dutch", Lb("chip.no_dutch"), "globe", f.no_dutch},
        {"chip:practise_dutch", Lb("chip.practise_dutch"), "speaking", f.practise_dutch},
        {"chip:walk_in", Lb("chip.walk_in"), "walking", f.walk_in},
        {"chip:this_week", Lb("chip.this_week"), "clock", f.when == core::When::kThisWeek},
    };
    // Only with a school holiday in the catalogue's table, named: "In de kerstvakantie". The
    // visitor's words name it where the templates know the holiday (core/words.h's seasons).
    const core::Holiday* holiday =
        m.catalogue ? core::CurrentOrNextHoliday(m.catalogue->holidays, m.today) : nullptr;
    if (holiday)
        chips.push_back({"chip:holiday", Both([&](const core::Words& w) {
                             return w.Fill("chip.holiday", {core::SeasonText(holiday->name, w)});
                         }),
                         "sun", f.when == core::When::kHoliday});
    // With two children or more, right after their ages: only what all of them can do together.
    if (f.ages.size() >= 2)
        chips.insert(chips.begin() + 2, {"chip:together", Lb("chip.together"), "family", f.together});
    bool any = f != core::Filter{.category = f.category};
    if (any) chips.push_back({"chip:clear", Lb("chip.clear"), "back", false});

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
        else if (id == "chip:practise_dutch")
            out.push_back(ToggleChip{core::Chip::kPractiseDutch});
        else if (id == "chip:walk_in")
            out.push_back(ToggleChip{core::Chip::kWalkIn});
        else if (id == "chip:this_week")
            out.push_back(SetWhen{core::When::kThisWeek});
        else if (id == "chip:holiday")
            out.push_back(SetWhen{core::When::kHoliday});
        else if (id == "chip:together")
            out.push_back(SetTogether{!f.together});
        else if (id == "chip:clear")
            out.push_back(ClearFilters{}), local.list = {};
        else if (id == "chip:age")
            local.list.age_picker = !local.list.age_picker, local.list.day_picker = false;
        else if (id == "chip:day")
            local.list.day_picker = !local.list.day_picker, local.list.age_picker = false;
    }

    if (local.list.age_picker) {
        ImGui::Spacing();
        TextBlock(CurrentFonts().bold, Lb("picker.age"));
        std::vector<std::pair<Label, int>> ages;
        ages.push_back({Lb("picker.all_ages"), -1});
        for (int age = 2; age <= 17; ++age) ages.push_back({Label(std::to_string(age)), age});
        ages.push_back({Lb("picker.adult"), 18});
        ages.push_back({Lb("picker.done"), kPickerDone});
        // Each age is pressed on or off, one per child; "Klaar" or "Alle leeftijden" closes it.
        auto on = [&](int age) {
            if (age == kPickerDone) return false;
            return age < 0 ? f.ages.empty() : std::find(f.ages.begin(), f.ages.end(), age) != f.ages.end();
        };
        DrawPicker("age:", ages, on, CurrentMetrics().HitTarget() * 1.2f, [&](int age) {
            if (age == kPickerDone) {
                local.list.age_picker = false;
            } else if (age < 0) {
                out.push_back(SetAge{std::nullopt});
                local.list.age_picker = false;
            } else {
                out.push_back(ToggleAge{age});
            }
        });
    }
    if (local.list.day_picker) {
        ImGui::Spacing();
        TextBlock(CurrentFonts().bold, Lb("picker.day"));
        std::vector<std::pair<Label, int>> days;
        days.push_back({Lb("picker.all_days"), -1});
        for (int d = 0; d < core::kWeekdayCount; ++d)
            days.push_back(
                {Both([&](const core::Words& w) { return core::DayName(static_cast<core::Weekday>(d), w); }),
                 d});
        DrawPicker(
            "day:", days, [&](int d) { return d == (f.day ? static_cast<int>(*f.day) : -1); },
            CurrentMetrics().HitTarget() * 2.0f,
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
        TextBlock(CurrentFonts().title, Lb("list.empty"));
        if (BigButton("list:clear", Lb("chip.clear"), m.Picto("back"),
                      ImVec2(CurrentMetrics().Mm(70), CurrentMetrics().HitTarget())))
            out.push_back(ClearFilters{});
    }
    float width = ImGui::GetContentRegionAvail().x;
    int cols = ColumnsFor(width, 160.0f);
    float card_w = (width - (cols - 1) * CurrentMetrics().Gap()) / cols;
    // The activities of one row of cards, read as the row is measured or drawn; one that cannot
    // be read (logged by the source) leaves an empty place.
    struct Row {
        std::vector<std::shared_ptr<const Activity>> activities;
        std::vector<CardModel> cards;
    };
    auto row_of = [&](size_t i) {
        Row row;
        for (size_t j = i; j < std::min(m.list.size(), i + cols); ++j) {
            auto read = m.activities ? m.activities->At(m.list[j]) : nullptr;
            if (!read) continue;
            const Activity& a = *read;
            row.activities.push_back(std::move(read));
            CardModel card{a.title, m.Picto(PictoOf(a)), CardBadges(m, a), m.Picto("speaker"), {}};
            if (const core::ActivityTexts* t = a.TextsIn(m.language); t && m.Subtitled() && m.textures)
                card.subtitle = m.textures->Text(t->title, m.language, card_w - CurrentMetrics().Mm(60),
                                                 FontOrCurrent(CurrentFonts().body)->FontSize);
            row.cards.push_back(std::move(card));
        }
        return row;
    };
    // Rows are measured once per content, width and language, and only those on screen are drawn: a
    // list of thousands costs a screenful per frame. The others keep their place as empty space.
    size_t key = std::hash<std::string>{}(m.language) * 31 + std::hash<float>{}(card_w)*7 + m.Subtitled();
    for (int age : f.ages) key = key * 31 + age;  // the "voor 5 en 9" badge changes a card's height
    UiLocal::List& rows = local.list;
    const size_t row_count = (m.list.size() + cols - 1) / cols;
    if (rows.rows_key != key) {
        rows.row_heights.clear();
        rows.row_keys.clear();
        rows.rows_measured = 0;
        rows.rows_measured_sum = 0;
        rows.rows_key = key;
    }
    if (rows.row_heights.size() != row_count) {
        for (size_t r = row_count; r < rows.row_heights.size(); ++r)
            if (rows.row_heights[r] > 0) {
                rows.rows_measured_sum -= rows.row_heights[r];
                --rows.rows_measured;
            }
        rows.row_heights.resize(row_count, 0.0f);
        rows.row_keys.resize(row_count, 0);
    }
    // What a row shows: its activities' digests (an activity a new catalogue did not change has
    // the same one), or without digests their positions in this catalogue. Never 0.
    auto row_key = [&](size_t r) {
        size_t k = 1469598103934665603ull;
        for (size_t j = r * cols; j < std::min(m.list.size(), (r + 1) * cols); ++j) {
            size_t part = j < m.list_digests.size()
                              ? static_cast<size_t>(m.list_digests[j])
                              : m.list[j] * 31 + reinterpret_cast<uintptr_t>(m.activities.get());
            k = (k ^ part) * 1099511628211ull;
        }
        return k | 1;
    };
    // Measuring is lazy, so a new list or a new catalogue costs no long frame: every row down to
    // the bottom of the screen whose content changed is measured before it is drawn (nothing
    // above the visitor's eyes changes height unless its activity did), and the rows below it as
    // far as 2 ms a frame allows; until then a row takes the height it had, or the mean.
    const auto budget_end = std::chrono::steady_clock::now() + std::chrono::milliseconds(2);
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float top = ImGui::GetScrollY() - CurrentMetrics().Mm(40),
          bottom = ImGui::GetScrollY() + ImGui::GetWindowHeight() + CurrentMetrics().Mm(40);
    float skipped = 0;  // rows not drawn since the last one drawn: one Dummy for all of them
    size_t skipped_rows = 0;
    for (size_t r = 0; r < row_count; ++r) {
        float y = ImGui::GetCursorPosY() + skipped;
        size_t want = row_key(r);
        if (rows.row_keys[r] != want && (y <= bottom || std::chrono::steady_clock::now() < budget_end)) {
            float h = 1;  // a row whose activities cannot be read is measured too: as a sliver
            for (const CardModel& card : row_of(r * cols).cards)
                h = std::max(h, ActivityCardHeight(card, card_w));
            if (rows.row_heights[r] > 0)
                rows.rows_measured_sum -= rows.row_heights[r];
            else
                ++rows.rows_measured;
            rows.row_heights[r] = h;
            rows.rows_measured_sum += h;
            rows.row_keys[r] = want;
        }
        float row_h = rows.row_heights[r] > 0 ? rows.row_heights[r]
                      : rows.rows_measured ? rows.rows_measured_sum / static_cast<float>(rows.rows_measured)
                                           : 0.0f;
        if (y + row_h < top || y > bottom) {
            skipped += row_h + spacing;
            ++skipped_rows;
            continue;
        }
        if (skipped_rows) ImGui::Dummy(ImVec2(width, skipped - spacing));  // Dummy adds one spacing
        skipped = 0;
        skipped_rows = 0;
        size_t i = r * cols;
        Row row = row_of(i);
        for (size_t k = 0; k < row.cards.size(); ++k) {
            if (k > 0) ImGui::SameLine(0, CurrentMetrics().Gap());
            const Activity& a = *row.activities[k];
            std::string id = "card:" + a.id;
            Tap tap = ActivityCard(id.c_str(), row.cards[k], ImVec2(card_w, row_h));
            if (tap == Tap::kOpen) out.push_back(OpenActivity{a.id});
            if (tap == Tap::kSpeak) out.push_back(Speak{Spoken(m, a, "summary")});
            probe::Describe(id, CardSpeech(m, a, row.cards[k], i + k + 1));
        }
    }
    if (skipped_rows) ImGui::Dummy(ImVec2(width, skipped - spacing));
    ImGui::Dummy(ImVec2(1, CurrentMetrics().Gap()));
    if (local.scroll_to_top) scroll.to_top = true;
    UpdateDragScroll(scroll);
    ImGui::EndChild();
}

}  // namespace brugpunt::ui
