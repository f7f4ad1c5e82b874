// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

#include <optional>

namespace versus {

/// The @p p quantile (0 ≤ p ≤ 1) of @p values by linear interpolation between the two
/// closest ranks (Hyndman & Fan type 7, the default of NumPy, R and spreadsheet PERCENTILE):
/// with the values sorted ascending as x_0 … x_(n−1), h = (n − 1)·p and
/// P = x_⌊h⌋ + (h − ⌊h⌋)·(x_(⌊h⌋+1) − x_⌊h⌋). std::nullopt for an empty list. The input
/// need not be sorted. Formula and rationale: docs/metrics.md.
std::optional<double> percentile(QList<double> values, double p);

} // namespace versus
