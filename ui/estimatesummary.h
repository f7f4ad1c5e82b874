// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/comparison.h"

#include <QString>

namespace versus::ui {

/// What the composer shows of the cost estimate of a prompt, before it is sent.
struct EstimateSummary {
    QString text;    ///< "Estimated cost: ≈ $0.0012–$0.034, no price for 1 lane"; empty without lanes
    QString toolTip; ///< how the range is computed, then one line per lane
    friend bool operator==(const EstimateSummary &, const EstimateSummary &) = default;
};

/// Adds up the lanes' @p estimates: the low ends, the high ends (unbounded when one lane has
/// none), and the lanes without a price.
EstimateSummary summarizeEstimates(const QList<LaneEstimate> &estimates);

} // namespace versus::ui
