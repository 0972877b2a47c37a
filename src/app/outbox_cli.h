// Owns the outbox's command-line verbs: --outbox-status and --deliver-once. No SDL or UI.
#pragma once

#include <string>

#include "core/config.h"

namespace brugpunt::app {

std::string OutboxPath(const core::Config& config);
// Prints depth, oldest age, delivered, dropped and the last error. Exit code.
int RunOutboxStatus(const core::Config& config);
// One delivery pass over everything due; prints the counts. 0 when nothing failed, 1 otherwise.
int RunDeliverOnce(const core::Config& config);

}  // namespace brugpunt::app
