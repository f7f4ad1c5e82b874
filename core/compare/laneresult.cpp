// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/laneresult.h"

namespace versus {

void addAnswerCost(CostTotals &totals, const LaneResult &result)
{
    const Usage &usage = result.chat.usage;
    if (!usage.promptTokens && !usage.completionTokens)
        return;
    if (result.cost)
        totals.add(*result.cost);
    else
        totals.addUnpriced();
}

} // namespace versus
