// Owns speech mode's side of the pointer. No SDL or ImGui here.
#include "speech_mode.h"

#include <algorithm>
#include <utility>

namespace brugpunt::app {
namespace {

constexpr float kOffScreen = -1e9f;
// A double tap's press and release take two frames, its action a third: then the screen is new.
constexpr int kFramesAfterTap = 3;
// A scrolling finger held still this many frames before it lifts leaves the list no speed to glide.
constexpr int kFramesStill = 15;
constexpr const char* kHintKey = "attract.speech_hint";

bool InTopBar(const core::SpokenWidget& w) {
    return w.id.rfind("top:", 0) == 0;
}

}  // namespace

SpeechMode::SpeechMode(ui::PointerSink& screens, const core::Clock& clock, SpeechModeConfig config)
    : m_screens(screens),
      m_clock(clock),
      m_config(config),
      m_gestures(core::GestureLimits{.slop_px = 6 * config.px_per_mm, .swipe_px = 20 * config.px_per_mm}) {}

void SpeechMode::Press(float x, float y, bool touch) {
    m_gestures.Down(x, y, m_clock.Now());
    m_cancelled = false;
    if (m_on) return;
    m_screens.Press(x, y, touch);
    m_finger_on_screens = true;
}

void SpeechMode::Move(float x, float y, bool touch) {
    m_gestures.Move(x, y, m_clock.Now());
    if (!m_on && !m_cancelled) m_screens.Move(x, y, touch);
}

void SpeechMode::Release(float x, float y, bool touch) {
    m_gestures.Up(x, y, m_clock.Now());
    if (!m_on && !m_cancelled && m_finger_on_screens) m_screens.Release(x, y, touch);
    m_finger_on_screens = false;
    m_cancelled = false;
}

void SpeechMode::SecondFinger() {
    m_gestures.SecondFinger(m_clock.Now());
}

void SpeechMode::Activate(const core::SpokenWidget& w) {
    float x = (w.x0 + w.x1) * 0.5f, y = (w.y0 + w.y1) * 0.5f;
    m_screens.Press(x, y, true);
    m_screens.Release(x, y, true);
}

const core::SpokenWidget* SpeechMode::ScrollsInstead(const core::Gesture& g, const core::ExploreOutcome& o,
                                                     const std::string& from_focus,
                                                     const ui::ViewModel& vm) const {
    bool next = g.kind == core::GestureKind::kNext;
    // Only the list and the activity's page scroll under a finger's drag.
    bool drags = vm.screen == core::Screen::kList || vm.screen == core::Screen::kDetail;
    if ((!next && g.kind != core::GestureKind::kPrevious) || m_release_after > 0 || !o.widget || !drags)
        return nullptr;
    const core::SpokenWidget* from = nullptr;
    for (const auto& w : m_order)
        if (w.id == from_focus) from = &w;
    if (!from || !from->region || !(next ? from->more_below : from->more_above)) return nullptr;
    return o.at_end || o.widget->region != from->region ? from : nullptr;
}

void SpeechMode::Scroll(const core::SpokenWidget& from_widget, bool further) {
    // The finger lands on the control at the end (inside what scrolls, not on the filters above
    // it) and drags by 40 % of the screen's height.
    float h = 0;
    for (const auto& o : m_order) h = std::max(h, o.y1);
    float x = (from_widget.x0 + from_widget.x1) * 0.5f, from = (from_widget.y0 + from_widget.y1) * 0.5f;
    float to = std::clamp(from + (further ? -0.4f : 0.4f) * h, 0.0f, h);
    m_screens.Press(x, from, true);
    m_screens.Move(x, to, true);
    m_release_x = x;
    m_release_y = to;
    m_release_after = kFramesStill;
}

void SpeechMode::Announce(const core::SpokenWidget& w) {
    m_announcement = w.text;
    m_announcement_language = w.language;
    m_announce = true;
}

std::string SpeechMode::Place(const ui::ViewModel& vm) const {
    return std::to_string(static_cast<int>(vm.screen)) + "/" +
           std::to_string(static_cast<int>(vm.draft.step)) + (vm.draft.countries ? "/countries" : "") +
           (vm.language_picker ? "/languages" : "") + (vm.warning ? "/warning" : "") + "/" +
           (vm.category ? vm.category->id : "") + "/" + (vm.detail ? vm.detail->id : "");
}

void SpeechMode::FrameDrawn(const core::ReadingOrder& order, const ui::ViewModel& vm) {
    m_order = order;
    m_on = vm.speech;
    // The scrolling finger lifts after its frames, and at once when speech mode ended under it.
    if (m_release_after > 0 && (--m_release_after == 0 || !m_on)) {
        m_release_after = 0;
        m_screens.Release(m_release_x, m_release_y, true);
    }
    if (!m_on) {
        m_explorer.Reset();
        m_after_tap = 0;
        return;
    }
    if (m_after_tap == 0 || --m_after_tap > 0) return;
    if (std::exchange(m_scrolled, false)) {
        // The control the scroll brought into view next to the one it started from: the first
        // new one going on, the last new one before it going back.
        const core::SpokenWidget* pick = nullptr;
        for (const auto& w : order) {
            if (w.id == m_explorer.Focus() && !m_scrolled_further) break;
            bool seen = std::any_of(m_order_before_tap.begin(), m_order_before_tap.end(),
                                    [&](const auto& b) { return b.id == w.id; });
            if (seen || InTopBar(w) || !w.region) continue;
            pick = &w;
            if (m_scrolled_further) break;
        }
        if (pick) {
            m_explorer.SetFocus(pick->id);
            return Announce(*pick);
        }
        for (const auto& w : order)  // the end of the list: its last control, once more
            if (w.id == m_explorer.Focus()) Announce(w);
        return;
    }
    // The double tap has played out: say where it led, or the control's new state.
    if (Place(vm) != m_place_before_tap) {
        m_explorer.Reset();
        auto first = std::find_if(order.begin(), order.end(), [](const auto& w) { return !InTopBar(w); });
        if (first == order.end()) return;
        m_explorer.SetFocus(first->id);
        return Announce(*first);
    }
    // The same screen: the control's new state ("gekozen"), or else what the tap changed (the
    // number typed so far after a key of the keypad, and whether it is complete).
    for (const auto& w : order)
        if (w.id == m_explorer.Focus() && !(w.text == m_said_before_tap)) return Announce(w);
    core::SpokenWidget changed;
    int n = 0;
    bool translated = true;
    for (const auto& w : order) {
        if (InTopBar(w)) continue;
        bool same = std::any_of(m_order_before_tap.begin(), m_order_before_tap.end(),
                                [&](const auto& b) { return b.id == w.id && b.text == w.text; });
        if (same || n == 3) continue;
        // One utterance, each part its own sentence.
        auto sep = [&](const std::string& before) {
            return before.empty() ? "" : before.back() == '.' ? " " : ". ";
        };
        ++n;
        changed.text.dutch += sep(changed.text.dutch) + w.text.dutch;
        translated = translated && !w.text.translated.empty();
        changed.text.translated += sep(changed.text.translated) + w.text.translated;
    }
    if (!translated) changed.text.translated.clear();
    if (n) Announce(changed);
}

core::Actions SpeechMode::Take(core::TimePoint now, const ui::ViewModel& vm) {
    core::Actions out;
    using K = core::ExploreOutcome::Kind;
    for (const core::Gesture& g : m_gestures.Take(now)) {
        if (g.kind == core::GestureKind::kHold) {
            if (vm.speech) continue;
            // The finger that held is nobody's tap: the screens see it leave.
            if (m_finger_on_screens) {
                m_screens.Move(kOffScreen, kOffScreen, true);
                m_screens.Release(kOffScreen, kOffScreen, true);
                m_finger_on_screens = false;
            }
            m_cancelled = true;
            m_explorer.Reset();
            out.push_back(core::action::StartSpeech{});
            continue;
        }
        if (!vm.speech) continue;
        // "Tik twee keer voor meer tijd": anywhere, whatever was said last.
        if (g.kind == core::GestureKind::kDoubleTap && vm.warning) {
            out.push_back(core::action::MoreTime{now});
            continue;
        }
        const std::string from_focus = m_explorer.Focus();
        core::ExploreOutcome o = m_explorer.Handle(g, m_order);
        switch (o.kind) {
            case K::kSay:
                if (const core::SpokenWidget* from = ScrollsInstead(g, o, from_focus, vm)) {
                    // Past the last control in view of a list that hides more: it scrolls, and
                    // what it brings into view is said.
                    m_explorer.SetFocus(from->id);
                    m_order_before_tap = m_order;
                    m_place_before_tap = Place(vm);
                    m_after_tap = kFramesStill + kFramesAfterTap;
                    m_scrolled = true;
                    m_scrolled_further = g.kind == core::GestureKind::kNext;
                    Scroll(*from, m_scrolled_further);
                    break;
                }
                out.push_back(core::action::Speak{o.widget->text, o.widget->language});
                break;
            case K::kActivate:
                m_place_before_tap = Place(vm);
                m_said_before_tap = o.widget->text;
                m_order_before_tap = m_order;
                m_after_tap = kFramesAfterTap;
                Activate(*o.widget);
                break;
            case K::kStopOrRepeat:
                if (vm.audio == ui::AudioState::kPlaying || vm.audio == ui::AudioState::kPreparing)
                    out.push_back(core::action::PauseAudio{});
                else if (o.widget)
                    out.push_back(core::action::Speak{o.widget->text, o.widget->language});
                else
                    out.push_back(core::action::ReplayAudio{});
                break;
            case K::kStartSpeech:
            case K::kNone:
                break;
        }
    }
    if (m_announce) {
        m_announce = false;
        out.push_back(core::action::Speak{m_announcement, m_announcement_language});
    }
    // The attract screen says how to start speech mode, in Dutch and then each language it has a
    // voice and the words for, one turn at a time.
    if (vm.screen != core::Screen::kAttract || m_config.attract_hint.count() <= 0) {
        m_attract_since.reset();
    } else if (!m_attract_since) {
        m_attract_since = now;
    } else if (now - *m_attract_since >= m_config.attract_hint) {
        m_attract_since = now;
        std::vector<std::string> voiced{"nl"};
        for (const auto& l : vm.Languages())
            if (l.code != "nl" && vm.HasVoice(l.code) && vm.translations &&
                vm.translations->Get(l.code, kHintKey))
                voiced.push_back(l.code);
        const std::string& lang = voiced[m_hint_turn++ % voiced.size()];
        std::string dutch = vm.translations ? vm.translations->Dutch().Get(kHintKey) : kHintKey;
        out.push_back(core::action::Speak{{.dutch = dutch, .key = kHintKey}, lang});
    }
    return out;
}

std::optional<core::TimePoint> SpeechMode::NextDeadline(const ui::ViewModel& vm) const {
    std::optional<core::TimePoint> at = m_gestures.NextDeadline();
    auto sooner = [&](core::TimePoint t) {
        if (!at || t < *at) at = t;
    };
    if (m_announce) sooner(m_clock.Now());
    if (vm.screen == core::Screen::kAttract && m_attract_since && m_config.attract_hint.count() > 0)
        sooner(*m_attract_since + m_config.attract_hint);
    return at;
}

}  // namespace brugpunt::app
