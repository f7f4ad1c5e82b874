// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "command.h"

namespace versus::cli {

void runProviders(CommandContext &context, Done done);
void runChat(CommandContext &context, Done done);
void runCompare(CommandContext &context, Done done);
void runPricing(CommandContext &context, Done done);
void runKeys(CommandContext &context, Done done);
void runModels(CommandContext &context, Done done);
void runHistory(CommandContext &context, Done done);
void runMcp(CommandContext &context, Done done);
void runVote(CommandContext &context, Done done);        // verdictcommands.cpp
void runLeaderboard(CommandContext &context, Done done); // verdictcommands.cpp
void runSets(CommandContext &context, Done done);
void runBench(CommandContext &context, Done done); // benchcommand.cpp

} // namespace versus::cli
