// Owns the card a visitor takes home, as lines: the screen's QR code holds its words and a
// receipt printer prints it with its pictograms. Standard library only.
#pragma once

#include <string>
#include <vector>

namespace brugpunt::core {

struct TakeHomeCard {
    struct Line {
        std::string picto;         // a pictogram name; may be empty
        std::string text;          // plain Dutch, one line of meaning
        bool heading = false;      // the reference, an activity's title
        bool new_section = false;  // a blank line before it
    };
    std::vector<Line> lines;

    // The words alone, a line each and a blank line between sections: what the QR code holds.
    std::string Text() const {
        std::string out;
        for (size_t i = 0; i < lines.size(); ++i) {
            if (i > 0) out += lines[i].new_section ? "\n\n" : "\n";
            out += lines[i].text;
        }
        return out;
    }
};

}  // namespace brugpunt::core
