// Owns speech mode's gestures and focus. Pure; standard library only.
#include "explore.h"

#include <cmath>
#include <utility>

namespace brugpunt::core {

float GestureReader::Travel(float x, float y) const {
    return std::hypot(x - m_x0, y - m_y0);
}

void GestureReader::Down(float x, float y, TimePoint t) {
    m_down = true;
    m_consumed = m_exploring = m_held = false;
    m_x0 = m_x = x;
    m_y0 = m_y = y;
    m_down_at = t;
    // A second touch soon after a tap is the double tap's second, wherever it lands.
    m_second_tap = m_tap_at && t - *m_tap_at <= m_limits.double_tap;
    if (!m_second_tap && m_tap_at) {  // the waiting tap was a single one
        m_ready.push_back({GestureKind::kExplore, m_tap_x, m_tap_y, true});
        m_tap_at.reset();
    }
}

void GestureReader::Move(float x, float y, TimePoint t) {
    if (!m_down) return;
    m_x = x;
    m_y = y;
    if (m_consumed) return;
    if (!m_exploring && t - m_down_at >= m_limits.quick && Travel(x, y) >= m_limits.slop_px)
        m_exploring = true;
    if (m_exploring) m_ready.push_back({GestureKind::kExplore, x, y});
}

void GestureReader::Up(float x, float y, TimePoint t) {
    if (!m_down) return;
    m_x = x;  // where it lifts was heard while it moved there
    m_y = y;
    (void)t;
    m_down = false;
    if (m_consumed || m_exploring) return;
    float dx = x - m_x0, dy = y - m_y0;
    if (std::fabs(dx) >= m_limits.swipe_px && std::fabs(dx) > 2 * std::fabs(dy)) {
        m_ready.push_back({dx > 0 ? GestureKind::kNext : GestureKind::kPrevious, x, y});
        m_tap_at.reset();
        return;
    }
    if (Travel(x, y) >= m_limits.slop_px) return;  // neither a tap nor a swipe
    if (m_second_tap) {
        m_ready.push_back({GestureKind::kDoubleTap, x, y});
        m_tap_at.reset();
        return;
    }
    m_tap_at = t;
    m_tap_x = m_x0;
    m_tap_y = m_y0;
}

void GestureReader::SecondFinger(TimePoint) {
    if (!m_down || m_consumed) return;
    m_consumed = true;
    m_tap_at.reset();
    m_ready.push_back({GestureKind::kTwoFingers, m_x, m_y});
}

std::vector<Gesture> GestureReader::Take(TimePoint now) {
    if (m_tap_at && !m_down && now - *m_tap_at > m_limits.double_tap) {
        m_ready.push_back({GestureKind::kExplore, m_tap_x, m_tap_y, true});
        m_tap_at.reset();
    }
    if (m_down && !m_consumed) {
        const bool still = Travel(m_x, m_y) < m_limits.slop_px;
        // A finger that rests on the screen hears what is under it, as one that moves does.
        if (!m_exploring && !m_second_tap && still && now - m_down_at >= m_limits.quick) {
            m_exploring = true;
            m_ready.push_back({GestureKind::kExplore, m_x, m_y});
        }
        if (!m_held && still && now - m_down_at >= m_limits.hold) {
            m_held = m_consumed = true;
            m_ready.push_back({GestureKind::kHold, m_x, m_y});
        }
    }
    return std::exchange(m_ready, {});
}

std::optional<TimePoint> GestureReader::NextDeadline() const {
    std::optional<TimePoint> at;
    auto sooner = [&](TimePoint t) {
        if (!at || t < *at) at = t;
    };
    if (m_tap_at && !m_down) sooner(*m_tap_at + m_limits.double_tap + Millis(1));
    if (m_down && !m_consumed) {
        if (!m_exploring && !m_second_tap) sooner(m_down_at + m_limits.quick);
        if (!m_held) sooner(m_down_at + m_limits.hold);
    }
    return at;
}

const SpokenWidget* WidgetAt(const ReadingOrder& order, float x, float y) {
    const SpokenWidget* best = nullptr;
    float best_area = 0;
    for (const auto& w : order) {
        if (!w.Contains(x, y)) continue;
        float area = (w.x1 - w.x0) * (w.y1 - w.y0);
        if (!best || area < best_area) {
            best = &w;
            best_area = area;
        }
    }
    return best;
}

ExploreOutcome Explorer::Handle(const Gesture& g, const ReadingOrder& order) {
    using K = ExploreOutcome::Kind;
    auto find = [&](const std::string& id) -> const SpokenWidget* {
        for (const auto& w : order)
            if (w.id == id) return &w;
        return nullptr;
    };
    switch (g.kind) {
        case GestureKind::kHold:
            return {K::kStartSpeech, nullptr};
        case GestureKind::kTwoFingers:
            return {K::kStopOrRepeat, find(m_focus)};
        case GestureKind::kExplore: {
            const SpokenWidget* w = WidgetAt(order, g.x, g.y);
            if (!w || (w->id == m_focus && !g.tap)) return {};
            m_focus = w->id;
            return {K::kSay, w};
        }
        case GestureKind::kDoubleTap: {
            const SpokenWidget* w = find(m_focus);
            if (!w) return {};
            return {w->tappable ? K::kActivate : K::kSay, w};
        }
        case GestureKind::kNext:
        case GestureKind::kPrevious: {
            if (order.empty()) return {};
            size_t at = order.size();
            for (size_t i = 0; i < order.size(); ++i)
                if (order[i].id == m_focus) at = i;
            size_t to;
            if (at == order.size())
                to = g.kind == GestureKind::kNext ? 0 : order.size() - 1;
            else if (g.kind == GestureKind::kNext)
                to = at + 1 < order.size() ? at + 1 : at;  // the end says the last one again
            else
                to = at > 0 ? at - 1 : 0;
            m_focus = order[to].id;
            return {K::kSay, &order[to], to == at};
        }
    }
    return {};
}

}  // namespace brugpunt::core
