// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/laneresult.h"

namespace versus {

/// What the model said in a turn of several rounds: each round's non-empty part, in order,
/// a blank line between them (what the window shows and the history keeps as the answer).
QString joinRoundParts(const QStringList &parts);

/// Gives every call an id where the provider sent none (some local servers) or repeated one:
/// "call_R_I", stable for round R and index I, so its result can refer to it.
void giveCallIds(QList<ToolCall> &calls, int round);

/// The messages that carry a finished round into the next request: the assistant's message
/// with its calls (and its reasoning, which each dialect sends back or drops by its
/// provider's rules), then one tool message per call with its result.
QList<ChatMessage> toolTurnMessages(const tools::ToolRound &round);

/// Completes @p result, whose chat is the last round's stream result, from all @p rounds:
/// text and reasoning of every round joined; usage and cost summed over the rounds that
/// counted tokens (one that failed or stopped before any adds nothing; a count or a price a
/// counted round lacks is none for the turn); TTFT from the first request, time to first answer token and
/// e2e across the loop, decode speed and inter-token latency of the last round.
void mergeRounds(LaneResult &result, const QList<tools::ToolRound> &rounds);

} // namespace versus
