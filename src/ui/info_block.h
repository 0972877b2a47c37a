// Owns the info-block widget: a panel of labelled lines with a pictogram heading and a speaker
// button, packed into columns. Must not include SDL, store or sync.
#pragma once

#include <string>
#include <vector>

#include "core/session.h"
#include "view_model.h"

namespace brugpunt::ui {

// A block of labelled lines drawn straight to the draw list, so its height is known before
// drawing and blocks can be packed into columns.
struct InfoLine {
    std::string label;  // bold, may be empty
    std::string text;
    std::string picto;     // may be empty
    std::string subtitle;  // the line in the visitor's language, shown when subtitles are on
    // Whether the visitor's language has the label's and the text's words (in the subtitle, or
    // they are names, an address, a number: the same in every language, and not repeated).
    bool label_translated = false, text_translated = false;
};
struct InfoBlock {
    std::string id;
    const char* picto;
    std::string heading;
    std::string heading_subtitle;  // the heading in the visitor's language, when its words differ
    bool heading_translated = false;
    std::vector<InfoLine> lines;
    core::Utterance spoken;  // what its speaker button says; empty dutch: heading and lines
};

// Packs blocks into columns, each into the currently shortest one, and reserves the space.
void DrawInfoBlocks(const ViewModel& m, const std::vector<InfoBlock>& blocks, int columns,
                    core::Actions& out);

}  // namespace brugpunt::ui
