// Screen: activity detail, every seven-B field, found by pictogram. Must not include SDL, store or
// sync.
#include "screens.h"

#include <algorithm>

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
InfoLine AskDesk(const char* key) {
    return {"", Tr(key), kDeskPicto};
}

std::vector<InfoBlock> DetailBlocks(const ViewModel& m, const Activity& a) {
    std::vector<InfoBlock> blocks;
    const auto& p = a.price;
    InfoBlock price{"block:price", "money", Tr("detail.price"), {}};
    if (!p.cents)
        price.lines.push_back(AskDesk("unknown.price"));
    else
        price.lines.push_back(
            {*p.cents == 0 ? Tr("price.free") : core::FormatEuro(*p.cents) + " " + p.period, ""});
    if (p.cents > 0) {
        if (!p.social_cents)
            price.lines.push_back(AskDesk("unknown.social"));
        else if (*p.social_cents < *p.cents)
            price.lines.push_back({Format("price.social_long", core::FormatEuro(*p.social_cents)),
                                   Format("price.passes", Join(p.passes)), "ticket"});
        price.lines.push_back({Tr("price.how_to_get_pass"), p.how_to_get_pass});
    }
    price.lines.push_back({"", p.material_note, "backpack"});
    blocks.push_back(price);

    InfoBlock where{"block:where", "pin", Tr("detail.where"), {}};
    where.lines.push_back(
        {a.location.name, a.location.address, PhotoPicto(a.location.entrance_photo, "pin")});
    for (const auto& t : a.location.transit) where.lines.push_back({"", t, "bus"});
    blocks.push_back(where);

    InfoBlock when{"block:when", "clock", Tr("detail.when"), {}};
    if (a.schedule.dates.empty()) {
        when.lines.push_back({DaysLong(a.schedule.days), a.schedule.start + " - " + a.schedule.end});
    } else {
        // Dated: the next few dates themselves, never a weekday it happens to fall on once.
        for (const core::Occurrence& o : a.NextDates(m.today, kDatesShown))
            when.lines.push_back({OccurrenceDay(o), OccurrenceHours(o), "calendar"});
        if (size_t more = a.NextDates(m.today, 1000).size(); more > kDatesShown)
            when.lines.push_back({"", Format("when.more_dates", static_cast<int>(more - kDatesShown))});
    }
    when.lines.push_back({"", a.schedule.season});
    if (a.schedule.in_school_hours) when.lines.push_back({"", Tr("when.school_hours"), "school"});
    blocks.push_back(when);

    InfoBlock first{"block:first_visit", "wave", Tr("detail.first_visit"), {}};
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
    InfoBlock places{"block:places", StatusPicto(av.status), Tr("detail.places"), {}};
    if (av.status)
        places.lines.push_back({StatusBadge(*av.status).text, ""});
    else
        places.lines.push_back(AskDesk("unknown.status"));
    // A full group has no trial session to offer, whatever the catalogue says.
    if (a.TrialOffered())
        places.lines.push_back({"", Tr("places.trial"), "eyes"});
    else if (!av.trial_possible && av.status != core::Status::kFull)
        places.lines.push_back(AskDesk("unknown.trial"));
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
    InfoBlock who{"block:for_whom", "child", Tr("detail.for_whom"), {}};
    who.lines.push_back({AgeText(au), ""});
    const char* for_whom = au.for_whom == core::ForWhom::kGirlsWomen ? "who.girls"
                           : au.for_whom == core::ForWhom::kBoysMen  ? "who.boys"
                                                                     : "who.mixed";
    who.lines.push_back(
        {"", Tr(for_whom), au.for_whom == core::ForWhom::kGirlsWomen ? "girl" : "children-mixed"});
    if (au.dutch) {
        const char* dutch = *au.dutch == core::DutchNeeded::kNone      ? "dutch.none"
                            : *au.dutch == core::DutchNeeded::kALittle ? "dutch.a_little"
                                                                       : "dutch.good";
        who.lines.push_back({"", Tr(dutch), "speech"});
        if (au.dutch_icons) who.lines.push_back({"", Format("dutch.icons", *au.dutch_icons), "speech"});
    } else {
        who.lines.push_back(AskDesk("unknown.dutch"));
    }
    if (au.practise_dutch) who.lines.push_back({"", Tr("dutch.practise"), "speaking"});
    if (!au.signup)
        who.lines.push_back(AskDesk("unknown.signup"));
    else if (*au.signup == core::Signup::kWalkIn)
        who.lines.push_back({"", Tr("signup.walk_in"), "walking"});
    else
        who.lines.push_back({"", Tr("signup.registration"), "memo"});
    if (!au.childcare)
        who.lines.push_back(AskDesk("unknown.childcare"));
    else if (*au.childcare)
        who.lines.push_back({"", Tr("who.childcare"), "baby-bottle"});
    if (au.children_welcome) who.lines.push_back({"", Tr("who.children_welcome"), "family"});
    if (!au.wheelchair)
        who.lines.push_back(AskDesk("unknown.wheelchair"));
    else
        who.lines.push_back({"", Tr(*au.wheelchair ? "who.wheelchair" : "who.no_wheelchair"), "wheelchair"});
    if (au.alcohol_free) who.lines.push_back({"", Tr("who.alcohol_free"), "cup"});
    who.lines.push_back({"", au.food_notes, "plate"});
    blocks.push_back(who);

    InfoBlock contact{"block:contact", "phone", Tr("detail.contact"), {}};
    contact.lines.push_back({a.contact.name, Format("contact.speaks", LanguageNames(a.contact.languages)),
                             PhotoPicto(a.contact.photo, "raise-hand")});
    contact.lines.push_back({a.contact.phone, "", "phone"});
    contact.lines.push_back({"", Format("contact.organiser", a.organiser), "office"});
    int stale_after = m.catalogue ? m.catalogue->stale_after_days : core::kDefaultStaleAfterDays;
    if (a.CheckedLongAgo(m.today, stale_after))
        contact.lines.push_back(
            {"", Format("contact.checked_stale", core::FormatDateDutch(a.last_checked)), kDeskPicto});
    else
        contact.lines.push_back(
            {"", Format("contact.checked", core::FormatDateDutch(a.last_checked)), "check"});
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

    std::vector<Badge> badges;
    if (a.price.cents) badges.push_back(PriceBadge(a.price));
    badges.push_back({AgeText(a.audience), colour::kPanel});
    if (a.availability.status) badges.push_back(StatusBadge(*a.availability.status));
    if (auto ask = UnknownChoices(a); !ask.empty()) badges.push_back(AskDeskBadge(ask, m.Picto(kDeskPicto)));
    if (a.TrialOffered()) badges.push_back({Tr("places.trial_short"), colour::kPrimary});
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = DrawBadges(ImGui::GetWindowDrawList(), p, badges, width);
    ImGui::Dummy(ImVec2(width, h));
    ImGui::Spacing();

    DrawInfoBlocks(m, DetailBlocks(m, a), ColumnsFor(width, 140.0f), out);

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

}  // namespace brugpunt::ui
