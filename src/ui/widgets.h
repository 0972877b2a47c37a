// Owns the touch-widget vocabulary: big buttons, tiles, chips, cards, badges and drag scrolling.
// Widgets take the caller's state and return true on a tap; they own no app data.
// Must not include SDL, store or sync.
#pragma once

#include <imgui.h>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/explore.h"
#include "textures.h"
#include "theme.h"

namespace brugpunt::ui {

enum class ButtonKind { kPrimary, kAction, kQuiet };

// A widget's words: the Dutch, always drawn, and the same words in the visitor's language, drawn
// under them in small type while subtitles are on. visitor is empty where there are none.
struct Label {
    std::string dutch;
    std::string visitor;
    Label() = default;
    Label(std::string d, std::string v = "") : dutch(std::move(d)), visitor(std::move(v)) {}
    Label(const char* d) : dutch(d) {}
    bool empty() const { return dutch.empty(); }
};
// Who shapes the visitor's words under widgets' labels in this frame (the frame sets it); with
// null textures, widgets draw their Dutch only.
void SetLabelShaper(const TextureSource* textures, const std::string& language);
// The visitor's words of label shaped in small type, wrapped at max_width; empty without any.
TextImage LabelImage(const Label& label, float max_width);

// A full-colour button with an optional pictogram left of its label. With the label's visitor
// words it grows taller to hold them under the Dutch.
bool BigButton(const char* id, const Label& label, ImTextureID picto, ImVec2 size,
               ButtonKind kind = ButtonKind::kPrimary);
// The width BigButton will take for this label at this height (it grows to fit its label).
float BigButtonWidth(const Label& label, bool with_picto, float height, float min_width = 0);
// The height BigButton will take for this label, asked for at least `height`.
float BigButtonHeight(const Label& label, float height);
// A square category tile: a big pictogram over one word.
// Every tappable widget is an invisible button with drawing on top; this records it for tests.
bool TapArea(const char* id, ImVec2 size, bool& held);
// Shaped text tinted col, at p; right-aligned within width when it reads right to left.
void DrawTextImage(ImDrawList* dl, const TextImage& img, ImVec2 p, float width, ImU32 col);

// What a tap on a tile or card meant: open it, or (in its speaker corner) hear it.
enum class Tap { kNone, kOpen, kSpeak };
// A square tile: pictogram and one word; with a speaker picto, a speaker corner (probe id ID:speak).
Tap Tile(const char* id, const Label& word, ImTextureID picto, float side, ImTextureID speaker = nullptr);
// A filter chip: pictogram + short label; filled when on.
bool FilterChip(const char* id, const Label& label, ImTextureID picto, bool on, float width);
float FilterChipWidth(const Label& label);
// A chip's height: a finger's, or more with the visitor's words under the Dutch.
float FilterChipHeight(const Label& label);

struct Badge {
    std::string text;
    ImU32 fill;
    ImTextureID picto = nullptr;  // in front of the text, when there is one
    std::string visitor;          // the text in the visitor's language, under it; empty: none
};

struct CardModel {
    std::string title;
    ImTextureID picto = nullptr;
    std::vector<Badge> badges;
    ImTextureID speaker = nullptr;  // a speaker corner
    TextImage subtitle;             // the title in the visitor's language
};
float ActivityCardHeight(const CardModel& card, float width);
// Its caller says what speech mode hears for it (the list's title, badges and place in the list).
Tap ActivityCard(const char* id, const CardModel& card, ImVec2 size);

// Draws badges flowing left to right, wrapping at width; returns the height used.
float DrawBadges(ImDrawList* dl, ImVec2 origin, const std::vector<Badge>& badges, float width);
float BadgesHeight(const std::vector<Badge>& badges, float width);

// A 3x4 phone keypad with big keys: returns the key tapped ('0'-'9', '+', '<' to erase) or 0.
char Keypad(const char* id, float key_side);
// [-] value [+]: returns -1, +1 or 0.
int Stepper(const char* id, const Label& value, float width);
// A square button with the speaker pictogram: tap to hear the text beside it.
bool SpeakerButton(const char* id, ImTextureID speaker_picto);
// A big toggle with a pictogram: filled when on.
bool ToggleTile(const char* id, const Label& label, ImTextureID picto, bool on, ImVec2 size);
// A tile's background and outline at p: filled when on, darker while held.
void TileFrame(ImDrawList* dl, ImVec2 p, ImVec2 size, bool on, bool held);
// The tick in a white disc, in the top right corner of the tile at p, that marks it chosen.
void TileCheckMark(ImDrawList* dl, ImVec2 p, ImVec2 size);

void Pictogram(ImTextureID picto, float side);
// Wrapped text at the region's edge (or at width), with the visitor's words under it.
void TextBlock(ImFont* font, const Label& text, ImU32 col = colour::kText, float width = 0);
// Text centred in [x, x + width), wrapped at `wrap`, at y; moves y past it and `gap_after`. With
// draw false it only measures, for layouts that are sized before they are drawn.
void CentredText(ImDrawList* dl, ImFont* font, const Label& text, float x, float width, float wrap, float& y,
                 ImU32 col, float gap_after, bool draw);
// A heading with a pictogram in front, vertically centred (its screen subtitles it under the row).
void Heading(ImTextureID picto, const std::string& text, ImFont* font, float picto_mm = 16.0f);
// How many columns of at least min_column_mm fit in width: one to three.
int ColumnsFor(float width, float min_column_mm);

// Finger scrolling for the current child window, with inertia. Call after the window's items.
// Once a drag passes a few millimetres the pressed item is released, so a scroll is never a tap.
struct DragScroll {
    bool tracking = false;
    bool dragging = false;
    float velocity = 0;  // px per second
    bool to_top = false;
};
// Returns true while the list is still moving, so the frame loop keeps drawing.
bool UpdateDragScroll(DragScroll& s);

// Where each widget was drawn in the last frame, by id: the hook that lets headless tests tap
// a widget the way a finger would.
namespace probe {
void Clear();
void Record(const std::string& id, ImVec2 min, ImVec2 max);
bool Find(const std::string& id, ImVec2& centre);
const std::map<std::string, std::pair<ImVec2, ImVec2>>& All();
// The words of badges and info lines drawn in the last frame, each with where it starts: what a
// visitor reads, so a test can say which card or block showed it.
void RecordText(const std::string& text, ImVec2 at);
const std::vector<std::pair<std::string, ImVec2>>& Texts();
// The Dutch texts drawn with the visitor's language beside them in the last frame (or that are
// the same in every language: a name, an address).
void RecordSubtitled(const std::string& dutch);
const std::set<std::string>& Subtitled();
// What speech mode reads, in the order drawn (core/explore.h): the widget `id` recorded this frame
// says text. Clipped to the window; a widget described twice keeps its last place.
void Describe(const std::string& id, core::Utterance text);
void DescribeAt(const std::string& id, ImVec2 min, ImVec2 max, core::Utterance text, bool tappable,
                std::string language = "");
// The same for the widget `id` recorded this frame, said in `language` (empty: the visitor's).
void DescribeIn(const std::string& id, core::Utterance text, std::string language);
// The last ImGui item (a heading, a question) reads text, and cannot be chosen.
void DescribeLast(core::Utterance text);
// A modal overlay starts: only what it draws from here on can be heard.
void BeginModal();
const core::ReadingOrder& Reading();
}  // namespace probe

// A label as speech mode says it: its Dutch, and its visitor's words where it has them.
core::Utterance SpeechOf(const Label& label);
// The same with its state after it: "gekozen" or "niet gekozen" (the words the frame set).
core::Utterance SpeechOf(const Label& label, bool on);
void SetStateWords(Label on, Label off);

}  // namespace brugpunt::ui
