// Screen: activity detail for a glance: photo, title and actions, the facts that decide, the first
// visit with its faces, and every seven-B field folded out. Must not include SDL, store or
// sync.
#include "screens.h"

#include <algorithm>
#include <tuple>

#include "core/facts.h"
#include "format.h"
#include "info_block.h"
#include "spoken.h"

namespace brugpunt::ui {

using core::Activity;
using namespace brugpunt::core::action;

namespace {

// Dates of a dated activity on its page; the rest is "en nog N andere dagen".
constexpr size_t kDatesShown = 5;

// The line for a field nobody filled in: the question, and the desk's pictogram.
InfoLine AskDesk(const core::Words& w, const char* key) {
    return {"", w.Text(key), kDeskPicto};
}

// Every seven-B field in w's language; the same blocks and lines in every language, so the Dutch
// and the visitor's can be paired line by line.
std::vector<InfoBlock> DetailBlocks(const ViewModel& m, const Activity& a, const core::Words& w) {
    std::vector<InfoBlock> blocks;
    const auto& p = a.price;
    InfoBlock price{"block:price", "money", w.Text("detail.price"), {}};
    if (!p.cents)
        price.lines.push_back(AskDesk(w, "unknown.price"));
    else
        price.lines.push_back({core::PriceText(p, w), ""});
    if (p.cents > 0) {
        if (!p.social_cents)
            price.lines.push_back(AskDesk(w, "unknown.social"));
        else if (*p.social_cents < *p.cents)
            price.lines.push_back({w.Fill("price.social_long", {core::FormatEuro(*p.social_cents)}),
                                   w.Fill("price.passes", {Join(p.passes)}), "ticket"});
        price.lines.push_back({w.Text("price.how_to_get_pass"), w.Dutch(p.how_to_get_pass)});
    }
    price.lines.push_back({"", w.Dutch(p.material_note), "backpack"});
    blocks.push_back(price);

    InfoBlock where{"block:where", "pin", w.Text("detail.where"), {}};
    where.lines.push_back(
        {a.location.name, a.location.address, PhotoPicto(a.location.entrance_photo, "pin")});
    for (const auto& t : a.location.transit) where.lines.push_back({"", w.Dutch(t), "bus"});
    blocks.push_back(where);

    InfoBlock when{"block:when", "clock", w.Text("detail.when"), {}};
    if (a.schedule.dates.empty()) {
        when.lines.push_back(
            {core::DaysLong(a.schedule.days, w), core::Hours(a.schedule.start, a.schedule.end, w)});
    } else {
        // Dated: the next few dates themselves, never a weekday it happens to fall on once.
        for (const core::Occurrence& o : a.NextDates(m.today, kDatesShown))
            when.lines.push_back({core::OccurrenceDay(o, w), core::Hours(o.start, o.end, w), "calendar"});
        if (size_t more = a.NextDates(m.today, 1000).size(); more > kDatesShown)
            when.lines.push_back(
                {"", w.Count("when.more_dates", static_cast<long long>(more - kDatesShown))});
    }
    when.lines.push_back({"", core::SeasonText(a.schedule.season, w)});
    if (a.schedule.in_school_hours) when.lines.push_back({"", w.Text("when.school_hours"), "school"});
    blocks.push_back(when);

    const auto& av = a.availability;
    InfoBlock places{"block:places", StatusPicto(av.status), w.Text("detail.places"), {}};
    if (av.status)
        places.lines.push_back({core::StatusText(*av.status, w), ""});
    else
        places.lines.push_back(AskDesk(w, "unknown.status"));
    // A full group has no trial session to offer, whatever the catalogue says.
    if (a.TrialOffered())
        places.lines.push_back({"", w.Text("places.trial"), "eyes"});
    else if (!av.trial_possible && av.status != core::Status::kFull)
        places.lines.push_back(AskDesk(w, "unknown.trial"));
    if (m.today < av.registration_from)
        places.lines.push_back(
            {"", w.Fill("places.opens", {core::DateLong(av.registration_from, w)}), "memo"});
    else if (m.today > av.registration_to)
        places.lines.push_back(
            {w.Text("places.closed"),
             av.reopens_on ? w.Fill("places.reopens", {core::DateLong(*av.reopens_on, w)}) : "", "memo"});
    else
        places.lines.push_back({"", w.Fill("places.until", {core::DateLong(av.registration_to, w)}), "memo"});
    if (av.interest_list) places.lines.push_back({"", w.Text("places.interest"), "raise-hand"});
    if (av.social_places > 0)
        places.lines.push_back({"", w.Count("places.social", av.social_places), "ticket"});
    blocks.push_back(places);

    const auto& au = a.audience;
    InfoBlock who{"block:for_whom", "child", w.Text("detail.for_whom"), {}};
    who.lines.push_back({core::AgeText(au, w), ""});
    const char* for_whom = au.for_whom == core::ForWhom::kGirlsWomen ? "who.girls"
                           : au.for_whom == core::ForWhom::kBoysMen  ? "who.boys"
                                                                     : "who.mixed";
    who.lines.push_back(
        {"", w.Text(for_whom), au.for_whom == core::ForWhom::kGirlsWomen ? "girl" : "children-mixed"});
    if (au.dutch) {
        const char* dutch = *au.dutch == core::DutchNeeded::kNone      ? "dutch.none"
                            : *au.dutch == core::DutchNeeded::kALittle ? "dutch.a_little"
                                                                       : "dutch.good";
        who.lines.push_back({"", w.Text(dutch), "speech"});
        if (au.dutch_icons)
            who.lines.push_back({"", w.Fill("dutch.icons", {std::to_string(*au.dutch_icons)}), "speech"});
    } else {
        who.lines.push_back(AskDesk(w, "unknown.dutch"));
    }
    if (au.practise_dutch) who.lines.push_back({"", w.Text("dutch.practise"), "speaking"});
    if (!au.signup)
        who.lines.push_back(AskDesk(w, "unknown.signup"));
    else if (*au.signup == core::Signup::kWalkIn)
        who.lines.push_back({"", w.Text("signup.walk_in"), "walking"});
    else
        who.lines.push_back({"", w.Text("signup.registration"), "memo"});
    if (!au.childcare)
        who.lines.push_back(AskDesk(w, "unknown.childcare"));
    else if (*au.childcare)
        who.lines.push_back({"", w.Text("who.childcare"), "baby-bottle"});
    if (au.children_welcome) who.lines.push_back({"", w.Text("who.children_welcome"), "family"});
    if (!au.wheelchair)
        who.lines.push_back(AskDesk(w, "unknown.wheelchair"));
    else
        who.lines.push_back({"", w.Text(*au.wheelchair ? "who.wheelchair" : "who.no_wheelchair"),
                             *au.wheelchair ? "wheelchair" : "no-wheelchair"});
    if (au.alcohol_free) who.lines.push_back({"", w.Text("who.alcohol_free"), "cup"});
    who.lines.push_back({"", w.Dutch(au.food_notes), "plate"});
    blocks.push_back(who);

    InfoBlock contact{"block:contact", "phone", w.Text("detail.contact"), {}};
    contact.lines.push_back({a.contact.name,
                             w.Fill("contact.speaks", {core::LanguageNames(a.contact.languages, w)}),
                             PhotoPicto(a.contact.photo, "raise-hand")});
    contact.lines.push_back({a.contact.phone, "", "phone"});
    contact.lines.push_back({"", w.Fill("contact.organiser", {a.organiser}), "office"});
    int stale_after = m.catalogue ? m.catalogue->stale_after_days : core::kDefaultStaleAfterDays;
    if (a.CheckedLongAgo(m.today, stale_after))
        contact.lines.push_back(
            {"", w.Fill("contact.checked_stale", {core::DateLong(a.last_checked, w)}), kDeskPicto});
    else
        contact.lines.push_back(
            {"", w.Fill("contact.checked", {core::DateLong(a.last_checked, w)}), "check"});
    blocks.push_back(contact);
    return blocks;
}

// A translated piece for the screen: empty when it is not whole, or when it is the Dutch itself
// (a name, an address, a phone number: the same in every language, shown once).
std::string SubtitleOf(const std::string& dutch, const std::string& translated) {
    return core::Complete(translated) && translated != dutch ? translated : std::string();
}

// A line's label and text joined, as its subtitle or its speech.
std::string LineWords(const InfoLine& l) {
    if (l.label.empty() || l.text.empty()) return l.label + l.text;
    return l.label + (l.label.back() == '.' || l.label.back() == ':' ? " " : ": ") + l.text;
}

// The blocks in Dutch with the visitor's language paired in: a line's subtitle, and what the
// block's speaker says (the visitor's language only where every line of it is whole).
std::vector<InfoBlock> DetailBlocks(const ViewModel& m, const Activity& a) {
    std::vector<InfoBlock> blocks = DetailBlocks(m, a, DutchWords());
    auto w = m.VisitorWords();
    if (!w) return blocks;
    std::vector<InfoBlock> in = DetailBlocks(m, a, *w);
    bool reviewed = !w->TakeDrafts();
    for (size_t b = 0; b < blocks.size() && b < in.size(); ++b) {
        InfoBlock& nl = blocks[b];
        nl.heading_subtitle = SubtitleOf(nl.heading, in[b].heading);
        nl.heading_translated = core::Complete(in[b].heading);
        std::string dutch_said = core::Sentences({&nl.heading}),
                    their_said = core::Sentences({&in[b].heading});
        for (size_t i = 0; i < nl.lines.size() && i < in[b].lines.size(); ++i) {
            InfoLine& l = nl.lines[i];
            const InfoLine& t = in[b].lines[i];
            // A label can be whole where its text is the catalogue's own Dutch (how to get a pass).
            l.label_translated = core::Complete(t.label);
            l.text_translated = core::Complete(t.text);
            InfoLine whole{l.label_translated ? t.label : "", l.text_translated ? t.text : ""};
            std::string dutch = LineWords(l), translated = LineWords(whole);
            l.subtitle = SubtitleOf(dutch, translated);
            dutch_said += (dutch_said.empty() ? "" : " ") + core::Sentences({&dutch});
            // Said in the visitor's language where it has the words; the Dutch-only rest stays on screen.
            if (!translated.empty()) their_said += " " + core::Sentences({&translated});
        }
        nl.spoken = {.dutch = dutch_said, .reviewed = reviewed};
        if (core::Complete(in[b].heading)) nl.spoken.translated = their_said;
    }
    return blocks;
}

// The facts that decide, one big pictogram and a few words each, in this order on every page.
struct Fact {
    std::string id;  // probe id, "block:fact:FIELD"; a tap on the fact says it ("speak:" + id)
    std::string picto;
    std::string main;   // bold
    std::string extra;  // under it, may be empty
    // The visitor's language under each (empty: none, or the same words), and what a tap says.
    std::string sub_main, sub_extra;
    bool same_main = false, same_extra = false;  // names: the same words in every language
    core::Utterance spoken;
};

// The facts in Dutch with the visitor's language paired in.
std::vector<Fact> KeyFacts(const ViewModel& m, const Activity& a) {
    core::Words nl = DutchWords();
    std::vector<core::KeyFact> dutch = core::KeyFacts(a, m.today, nl);
    auto w = m.VisitorWords();
    std::vector<core::KeyFact> in = w ? core::KeyFacts(a, m.today, *w) : std::vector<core::KeyFact>();
    bool reviewed = !w || !w->TakeDrafts();
    std::vector<Fact> facts;
    for (size_t i = 0; i < dutch.size(); ++i) {
        const core::KeyFact& d = dutch[i];
        const core::KeyFact* theirs = i < in.size() ? &in[i] : nullptr;
        Fact f{"block:fact:" + d.field, d.picto == "desk" ? kDeskPicto : d.picto, d.main, d.extra};
        if (theirs) {
            f.sub_main = SubtitleOf(d.main, theirs->main);
            f.sub_extra = SubtitleOf(d.extra, theirs->extra);
            f.same_main = d.main == theirs->main;
            f.same_extra = d.extra == theirs->extra;
        }
        f.spoken = core::FactSpeech(d, nl, theirs, w ? &*w : nullptr, reviewed);
        if (m.language == "nl") f.spoken.translated.clear();
        facts.push_back(std::move(f));
    }
    return facts;
}

// A fact's picture and words, side by side, in a panel of width that says the fact when tapped;
// returns its height. Measures only when draw is false.
float DrawFact(const ViewModel& m, const Fact& f, ImVec2 p, float width, float height, bool draw,
               core::Actions& out) {
    float pad = CurrentMetrics().Mm(3), icon = CurrentMetrics().Mm(17);
    float text_x = p.x + pad + icon + CurrentMetrics().Mm(3);
    float text_w = p.x + width - pad - text_x;
    ImFont* bold = FontOrCurrent(CurrentFonts().bold);
    ImFont* body = FontOrCurrent(CurrentFonts().body);
    float main_h = bold->CalcTextSizeA(bold->FontSize, FLT_MAX, text_w, f.main.c_str()).y;
    float extra_h =
        f.extra.empty() ? 0 : body->CalcTextSizeA(body->FontSize, FLT_MAX, text_w, f.extra.c_str()).y;
    float sub_main_h = SubtitleHeight(m, f.sub_main, text_w),
          sub_extra_h = SubtitleHeight(m, f.sub_extra, text_w);
    float h = std::max(icon, main_h + sub_main_h + extra_h + sub_extra_h) + 2 * pad;
    if (!draw) return h;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 q(p.x + width, p.y + height);
    ImGui::SetCursorScreenPos(p);
    bool held = false;
    if (TapArea(("speak:" + f.id).c_str(), ImVec2(width, height), held)) out.push_back(Speak{f.spoken});
    probe::Describe("speak:" + f.id, f.spoken);
    dl->AddRectFilled(p, q, held ? colour::kBorder : colour::kPanel, CurrentMetrics().Rounding());
    dl->AddRect(p, q, colour::kOutline, CurrentMetrics().Rounding(), 0, CurrentMetrics().Mm(0.5f));
    if (ImTextureID t = m.Picto(f.picto))
        dl->AddImage(t, ImVec2(p.x + pad, p.y + pad), ImVec2(p.x + pad + icon, p.y + pad + icon));
    // The sign that a tap says it, on the pictogram's corner where it takes no words' room.
    float mark = CurrentMetrics().Mm(7);
    ImVec2 mark_at(p.x + pad + icon - mark * 0.6f, p.y + pad + icon - mark * 0.6f);
    if (ImTextureID t = m.Picto("speaker")) {
        dl->AddCircleFilled(ImVec2(mark_at.x + mark / 2, mark_at.y + mark / 2), mark * 0.6f, colour::kPanel);
        dl->AddImage(t, mark_at, ImVec2(mark_at.x + mark, mark_at.y + mark));
    }
    // Each line with the visitor's language under it.
    float y = p.y + pad;
    auto line = [&](const std::string& text, const std::string& sub, bool same, ImFont* font, float text_h) {
        if (text.empty()) return;
        probe::RecordText(text, ImVec2(text_x, y));
        dl->AddText(font, font->FontSize, ImVec2(text_x, y), colour::kText, text.c_str(), nullptr, text_w);
        y += text_h;
        float sub_h = DrawSubtitle(dl, m, sub, ImVec2(text_x, y), text_w);
        if (sub_h > 0 || (same && m.Subtitled())) probe::RecordSubtitled(text);
        y += sub_h;
    };
    line(f.main, f.sub_main, f.same_main, bold, main_h);
    line(f.extra, f.sub_extra, f.same_extra, body, extra_h);
    probe::Record(f.id, p, q);
    return h;
}

// The facts in rows of equal-height panels.
void DrawFacts(const ViewModel& m, const std::vector<Fact>& facts, float width, core::Actions& out) {
    float gap = CurrentMetrics().Gap();
    // As many as fit, spread evenly over the rows they need: 3 + 2 rather than 4 + 1.
    int fit = std::clamp(static_cast<int>(width / CurrentMetrics().Mm(80)), 1, 5);
    int n = static_cast<int>(facts.size());
    int rows = (n + fit - 1) / fit;
    int columns = std::max(1, (n + rows - 1) / rows);
    float col_w = (width - gap * (columns - 1)) / columns;
    ImVec2 origin = ImGui::GetCursorScreenPos();
    float y = 0;
    for (size_t row = 0; row < facts.size(); row += columns) {
        size_t end = std::min(facts.size(), row + columns);
        float row_h = 0;
        for (size_t i = row; i < end; ++i)
            row_h = std::max(row_h, DrawFact(m, facts[i], ImVec2(), col_w, 0, false, out));
        for (size_t i = row; i < end; ++i)
            DrawFact(m, facts[i], ImVec2(origin.x + (i - row) * (col_w + gap), origin.y + y), col_w, row_h,
                     true, out);
        y += row_h + gap;
    }
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy(ImVec2(width, y - gap));
}

// A photo filling size (cropped to it, never stretched), or the pictogram on a panel when there
// is no photo or it cannot be shown.
void PhotoBox(const ViewModel& m, const std::string& photo, const std::string& fallback, ImVec2 size) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos(), q(p.x + size.x, p.y + size.y);
    float r = CurrentMetrics().Rounding();
    TextImage img = m.Photo(photo);
    if (img.texture && img.size.x > 0 && img.size.y > 0) {
        float scale = std::max(size.x / img.size.x, size.y / img.size.y);
        float u = size.x / (img.size.x * scale), v = size.y / (img.size.y * scale);
        dl->AddImageRounded(img.texture, p, q, ImVec2((1 - u) / 2, (1 - v) / 2),
                            ImVec2((1 + u) / 2, (1 + v) / 2), IM_COL32_WHITE, r);
    } else {
        dl->AddRectFilled(p, q, colour::kPanel, r);
        float side = std::min(size.x, size.y) * 0.8f;
        ImVec2 c((p.x + q.x) / 2, (p.y + q.y) / 2);
        if (ImTextureID t = m.Picto(fallback))
            dl->AddImage(t, ImVec2(c.x - side / 2, c.y - side / 2), ImVec2(c.x + side / 2, c.y + side / 2));
    }
    dl->AddRect(p, q, colour::kOutline, r, 0, CurrentMetrics().Mm(0.5f));
    ImGui::Dummy(size);
}

// text in font, wrapped at width from the cursor (TextBlock wraps at the window's edge).
void WrappedText(ImFont* font, const Label& text, float width) {
    TextBlock(font, text, colour::kText, width);
}

// "De eerste keer": the entrance and the face of who waits, each beside its words.
void DrawFirstVisit(const ViewModel& m, const Activity& a, float width, core::Actions& out) {
    const core::ActivityTexts* t = a.TextsIn(m.language);
    core::FirstVisit none;
    const core::FirstVisit& fv = t ? t->first_visit : none;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float pad = CurrentMetrics().Mm(4);
    dl->ChannelsSplit(2);
    dl->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(p.x + pad, p.y + pad));
    ImGui::BeginGroup();
    Heading(m.Picto("wave"), Tr("detail.first_visit"), CurrentFonts().title, 15.0f);
    ImGui::SameLine(0, CurrentMetrics().Gap());
    SpeakerFor(m, "speak:block:first_visit", Spoken(m, a, "first_visit"), out);
    SubtitleKey(m, "detail.first_visit", CurrentFonts().title);
    float inner = width - 2 * pad;
    ImVec2 photo(CurrentMetrics().Mm(48), CurrentMetrics().Mm(36));
    // Two photos with their words side by side where they fit, one under the other where not.
    bool side_by_side = inner >= 2 * (photo.x + CurrentMetrics().Mm(70)) + CurrentMetrics().Gap();
    float pair_w = side_by_side ? (inner - CurrentMetrics().Gap()) / 2 : inner;
    auto pair = [&](const char* label, const std::string& text, const std::string& subtitle,
                    const std::string& photo_name, const std::string& fallback) {
        ImGui::BeginGroup();
        PhotoBox(m, photo_name, fallback, photo);
        ImGui::SameLine(0, CurrentMetrics().Mm(3));
        ImGui::BeginGroup();
        float w = pair_w - photo.x - CurrentMetrics().Mm(3);
        WrappedText(CurrentFonts().bold, Lb(label), w);
        WrappedText(CurrentFonts().body, text, w);
        SubtitleUnder(m, text, subtitle, CurrentFonts().body, w);
        ImGui::EndGroup();
        ImGui::EndGroup();
    };
    pair("first.where", a.first_visit.where, fv.where, a.location.entrance_photo, "pin");
    if (side_by_side) ImGui::SameLine(0, CurrentMetrics().Gap() + (pair_w - ImGui::GetItemRectSize().x));
    pair("first.who", a.first_visit.who_meets_you, fv.who_meets_you, a.contact.photo, "raise-hand");
    for (auto [label, text, subtitle] :
         {std::tuple{"first.bring", &a.first_visit.what_to_bring, &fv.what_to_bring},
          std::tuple{"first.what", &a.first_visit.what_happens, &fv.what_happens}}) {
        if (text->empty()) continue;
        WrappedText(CurrentFonts().bold, Lb(label), inner);
        WrappedText(CurrentFonts().body, *text, inner);
        SubtitleUnder(m, *text, *subtitle, CurrentFonts().body, inner);
    }
    ImGui::EndGroup();
    float h = ImGui::GetItemRectMax().y - p.y + pad;
    dl->ChannelsSetCurrent(0);
    ImVec2 q(p.x + width, p.y + h);
    dl->AddRectFilled(p, q, colour::kPanel, CurrentMetrics().Rounding());
    dl->AddRect(p, q, colour::kOutline, CurrentMetrics().Rounding(), 0, CurrentMetrics().Mm(0.5f));
    dl->ChannelsMerge();
    probe::Record("block:first_visit", p, q);
    ImGui::SetCursorScreenPos(p);
    ImGui::Dummy(ImVec2(width, h));
}

// The page's own actions: a request (or "tell me when it opens"), and "Kies".
struct ActionLabels {
    bool interest;
    Label ask;
    Label choose;
    float ask_w, choose_w, h;
};
ActionLabels ActionsOf(const ViewModel& m, const Activity& a) {
    ActionLabels l;
    l.h = CurrentMetrics().HitTarget() * 1.2f;
    const auto& av = a.availability;
    bool closed = m.today < av.registration_from || m.today > av.registration_to;
    l.interest = closed && av.interest_list;
    l.ask = l.interest ? Lb("detail.interest") : Lb("top.appointment");
    l.choose = Lb(m.IsChosen(a.id) ? "detail.chosen" : "detail.choose");
    l.ask_w = BigButtonWidth(l.ask, true, l.h);
    l.choose_w = BigButtonWidth(l.choose, true, l.h, CurrentMetrics().Mm(45));
    return l;
}

void DrawActions(const ViewModel& m, const Activity& a, const ActionLabels& l, float width,
                 core::Actions& out) {
    float gap = CurrentMetrics().Gap();
    bool chosen = m.IsChosen(a.id);
    if (BigButton(l.interest ? "detail:interest" : "detail:appointment", l.ask, m.Picto("raise-hand"),
                  ImVec2(std::min(width, l.ask_w), l.h), ButtonKind::kAction))
        out.push_back(StartAppointment{a.id, l.interest});
    if (l.ask_w + gap + l.choose_w <= width) ImGui::SameLine(0, gap);
    if (BigButton("detail:choose", l.choose, m.Picto("check"), ImVec2(std::min(width, l.choose_w), l.h),
                  chosen ? ButtonKind::kPrimary : ButtonKind::kQuiet))
        out.push_back(ToggleChosen{a.id});
}

}  // namespace

void DrawDetail(const ViewModel& m, UiLocal& local, DragScroll& scroll, core::Actions& out) {
    if (!m.detail) {
        TextBlock(CurrentFonts().title, Lb("detail.missing"));
        return;
    }
    const Activity& a = *m.detail;
    ImGui::BeginChild("detail:scroll", ImVec2(0, 0), false, ImGuiWindowFlags_NoScrollWithMouse);
    float width = ImGui::GetContentRegionAvail().x;
    float gap = CurrentMetrics().Gap();
    const core::ActivityTexts* texts = a.TextsIn(m.language);

    // The top: the photo, the title and the actions.
    ImVec2 photo(CurrentMetrics().Mm(60), CurrentMetrics().Mm(45));
    if (photo.x > width * 0.4f) photo = ImVec2(width * 0.4f, width * 0.3f);
    PhotoBox(m, a.photo, PictoOf(a), photo);
    ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    float text_w = width - photo.x - gap;
    WrappedText(CurrentFonts().title, a.title, text_w);
    if (texts) SubtitleUnder(m, a.title, texts->title, CurrentFonts().title, text_w);
    // Its other pictograms; the one the photo box already shows is not repeated.
    bool first_picto = true;
    const std::string shown = m.Photo(a.photo).texture ? "" : PictoOf(a);
    for (const auto& picto : a.pictograms) {
        if (picto == shown) continue;
        if (!first_picto) ImGui::SameLine();
        first_picto = false;
        Pictogram(m.Picto(picto), CurrentMetrics().Mm(10));
    }
    // The actions beside the photo where the request's words fit there, else under it.
    ActionLabels actions = ActionsOf(m, a);
    bool beside = actions.ask_w <= text_w;
    if (beside) DrawActions(m, a, actions, text_w, out);
    ImGui::EndGroup();
    if (!beside) DrawActions(m, a, actions, width, out);

    // What it is, and the speaker that reads it.
    SpeakerFor(m, "speak:detail", Spoken(m, a, "summary"), out);
    ImGui::SameLine(0, gap);
    ImGui::BeginGroup();
    float summary_w = ImGui::GetContentRegionAvail().x;
    WrappedText(CurrentFonts().body, a.summary, summary_w);
    if (texts) SubtitleUnder(m, a.summary, texts->summary, CurrentFonts().body, summary_w);
    ImGui::EndGroup();
    ImGui::Dummy(ImVec2(1, gap * 0.5f));

    DrawFacts(m, KeyFacts(m, a), width, out);
    ImGui::Dummy(ImVec2(1, gap * 0.5f));
    DrawFirstVisit(m, a, width, out);
    ImGui::Dummy(ImVec2(1, gap * 0.5f));

    // Everything else folds out: all seven B's, as the desk would tell them.
    ImVec2 more(std::min(width, CurrentMetrics().Mm(90)), CurrentMetrics().HitTarget());
    if (BigButton("detail:more", Lb(local.detail_more ? "detail.less" : "detail.more"),
                  m.Picto(local.detail_more ? "back" : "info"), more, ButtonKind::kQuiet))
        local.detail_more = !local.detail_more;
    if (local.detail_more) {
        ImGui::Dummy(ImVec2(1, gap * 0.5f));
        DrawInfoBlocks(m, DetailBlocks(m, a), ColumnsFor(width, 140.0f), out);
    }
    ImGui::Dummy(ImVec2(1, gap));
    UpdateDragScroll(scroll);
    ImGui::EndChild();
}

}  // namespace brugpunt::ui
