// Owns the card a visitor takes home after a request: the reference code and, per activity,
// when, where, who meets them and what to bring, and how to reach the desk. Its text is what the
// confirmation's QR code holds, so a phone reads it without any network. Must not include SDL,
// store or sync.
#pragma once

#include <string>

#include "core/take_home.h"
#include "view_model.h"

namespace brugpunt::ui {

// Plain Dutch lines, the reference first, each with its pictogram. Fields nobody filled in are
// left out, never guessed.
core::TakeHomeCard TakeHomeCard(const ViewModel& m);
// Its words: what the confirmation's QR code holds.
inline std::string TakeHomeText(const ViewModel& m) {
    return TakeHomeCard(m).Text();
}

}  // namespace brugpunt::ui
