// Owns drawing and measuring info blocks straight to the draw list. Must not include SDL, store or
// sync.
#include "info_block.h"

#include <algorithm>

#include "spoken.h"
#include "theme.h"
#include "widgets.h"

namespace brugpunt::ui {

namespace {

// A block's own text, read out when the catalogue has nothing better: heading, then each line.
core::Utterance BlockSpeech(const InfoBlock& b) {
    if (!b.spoken.dutch.empty() || !b.spoken.translated.empty()) return b.spoken;
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

float LineHeight(const ViewModel& m, const InfoLine& l, float width) {
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

float BlockHeight(const ViewModel& m, const InfoBlock& b, float width) {
    BlockMetrics g = BlockGeometry(width);
    float h = g.pad + g.icon + g.line_gap + SubtitleHeight(m, b.heading_subtitle, g.inner_w);
    for (const auto& l : b.lines) h += LineHeight(m, l, g.inner_w) + g.line_gap;
    return h + g.pad;
}

void DrawBlock(const ViewModel& m, const InfoBlock& b, ImVec2 p, float width, float height,
               core::Actions& out) {
    BlockMetrics g = BlockGeometry(width);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + width, p.y + height), colour::kPanel, CurrentMetrics().Rounding());
    dl->AddRect(p, ImVec2(p.x + width, p.y + height), colour::kOutline, CurrentMetrics().Rounding(), 0,
                CurrentMetrics().Mm(0.5f));
    if (ImTextureID t = m.Picto(b.picto))
        dl->AddImage(t, ImVec2(p.x + g.pad, p.y + g.pad), ImVec2(p.x + g.pad + g.icon, p.y + g.pad + g.icon));
    ImFont* title = FontOrCurrent(CurrentFonts().title);
    dl->AddText(title, title->FontSize,
                ImVec2(p.x + g.pad + g.icon + CurrentMetrics().Mm(3.0f),
                       p.y + g.pad + (g.icon - title->FontSize) * 0.5f),
                colour::kText, b.heading.c_str());
    probe::RecordText(b.heading, ImVec2(p.x + g.pad + g.icon, p.y + g.pad));
    float y = p.y + g.pad + g.icon + g.line_gap;
    y += DrawSubtitle(dl, m, b.heading_subtitle, ImVec2(p.x + g.pad, y - g.line_gap), g.inner_w);
    if (b.heading_translated && m.Subtitled()) probe::RecordSubtitled(b.heading);
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
            probe::RecordText(l.label, ImVec2(x, ly));
            dl->AddText(bold, bold->FontSize, ImVec2(x, ly), colour::kText, l.label.c_str(), nullptr, w);
            ly += bold->CalcTextSizeA(bold->FontSize, FLT_MAX, w, l.label.c_str()).y;
        }
        if (!l.text.empty()) {
            probe::RecordText(l.text, ImVec2(x, ly));
            dl->AddText(body, body->FontSize, ImVec2(x, ly), colour::kText, l.text.c_str(), nullptr, w);
            ly += body->CalcTextSizeA(body->FontSize, FLT_MAX, w, l.text.c_str()).y;
        }
        DrawSubtitle(dl, m, l.subtitle, ImVec2(x, ly), w);
        if (m.Subtitled()) {
            if (l.label_translated) probe::RecordSubtitled(l.label);
            if (l.text_translated) probe::RecordSubtitled(l.text);
        }
        y += LineHeight(m, l, g.inner_w) + g.line_gap;
    }
    probe::Record(b.id, p, ImVec2(p.x + width, p.y + height));
    ImGui::SetCursorScreenPos(ImVec2(p.x + width - g.pad - CurrentMetrics().HitTarget(),
                                     p.y + g.pad + (g.icon - CurrentMetrics().HitTarget()) * 0.5f));
    SpeakerFor(m, ("speak:" + b.id).c_str(), BlockSpeech(b), out);
}

}  // namespace

void DrawInfoBlocks(const ViewModel& m, const std::vector<InfoBlock>& blocks, int columns,
                    core::Actions& out) {
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

}  // namespace brugpunt::ui
