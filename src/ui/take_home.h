// Owns the card a visitor takes home after a request: the reference code and, per activity,
// when, where, who meets them and what to bring, and how to reach the desk. Its text is what the
// confirmation's QR code holds, so a phone reads it without any network. Must not include SDL,
// store or sync.
#pragma once

#include <string>

#include "view_model.h"

namespace brugpunt::ui {

// Plain Dutch lines, the reference first. Fields nobody filled in are left out, never guessed.
std::string TakeHomeText(const ViewModel& m);

}  // namespace brugpunt::ui
