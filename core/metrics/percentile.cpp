// SPDX-License-Identifier: GPL-3.0-or-later
#include "metrics/percentile.h"

#include <algorithm>
#include <cmath>

namespace versus {

std::optional<double> percentile(QList<double> values, double p)
{
    if (values.isEmpty() || !std::isfinite(p))
        return std::nullopt;
    p = std::clamp(p, 0.0, 1.0);
    std::sort(values.begin(), values.end());
    const double h = double(values.size() - 1) * p;
    const auto lower = qsizetype(std::floor(h));
    const qsizetype upper = std::min(lower + 1, values.size() - 1);
    const double fraction = h - double(lower);
    return values.at(lower) + fraction * (values.at(upper) - values.at(lower));
}

} // namespace versus
