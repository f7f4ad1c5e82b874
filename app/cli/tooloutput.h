// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/laneresult.h"

#include <QStringList>

namespace versus::cli {

/// A round's calls for people, one line each: `→ calculator {"expression":"6*7"} = {"result":42}`,
/// an invalid call with what was wrong, a provider-run tool marked as such.
QStringList roundLines(const tools::ToolRound &round);
/// After a turn with tools: rounds, calls, invalid calls, and whether the round limit stopped it.
QStringList toolSummaryLines(const LaneResult &result);
/// "structured output: valid", or "invalid" with every error; nothing without a response schema.
QStringList structuredOutputLines(const LaneResult &result);

} // namespace versus::cli
