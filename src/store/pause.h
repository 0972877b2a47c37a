// Owns the one way long work on a whole catalogue lets its caller make it wait.
#pragma once

#include <functional>

namespace brugpunt::store {

// Called now and then during long work on a whole catalogue (every few activities), so that the
// caller can make the work wait: the kiosk's sync waits in it while the screen is moving. Empty:
// no pauses.
using Pause = std::function<void()>;

}  // namespace brugpunt::store
