// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/laneresult.h"

#include <QStringList>

namespace versus::cli {

/// "321 ms", "12.3 s", "–".
QString formatMs(const std::optional<double> &ms);
/// One line for people: what was measured, what the provider reported, what it cost; led by
/// the lane's target unless @p withTarget is false.
QString metricsLine(const LaneResult &lane, bool withTarget = true);

/// The compare table: status, TTFT, tok/s, e2e, tokens, cost per lane, the best of each
/// column marked with "*" (lowest TTFT, e2e and cost; highest tok/s), plain text aligned in
/// columns.
QStringList resultsTable(const QList<LaneResult> &results, const QStringList &judge = {});

} // namespace versus::cli
