// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chatresult.h"
#include "metrics/streamtimeline.h"
#include "pricing/cost.h"
#include "pricing/costtotals.h"
#include "tools/tooltrace.h"

#include <QDateTime>
#include <QJsonArray>

#include <optional>

namespace versus {

/// The outcome of one lane (one provider:model) for one turn: what the CLI prints with
/// --json (export/laneresultjson.h) and what comparisons, benchmarks and exports are made of.
struct LaneResult {
    QString target;
    QString provider;
    QString model;
    ChatResult chat;
    StreamMetrics metrics;
    std::optional<CostBreakdown> cost; ///< nothing when no price is known (or nothing was counted)
    bool priced = false;               ///< the catalog has a price for the lane's model
    /// Every round of the turn when function calls or server-side tools were involved (the
    /// tool loop's trace); empty for a plain answer. chat.usage and cost then add up the rounds.
    QList<tools::ToolRound> toolRounds;
    bool toolRoundLimitReached = false; ///< the loop stopped at --max-tool-rounds with calls unanswered
    std::optional<tools::StructuredOutputCheck> structuredOutput; ///< set when a response schema was asked for
    QDateTime sentAt;                                             ///< UTC; invalid when the request was never sent
    friend bool operator==(const LaneResult &, const LaneResult &) = default;
};

/// Adds what @p result cost to @p totals: only an answer that used tokens is billed (a refused
/// request costs nothing), and one without a price counts as unpriced.
void addAnswerCost(CostTotals &totals, const LaneResult &result);

} // namespace versus
