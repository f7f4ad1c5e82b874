// SPDX-License-Identifier: GPL-3.0-or-later
#include "estimatesummary.h"

#include "pricing/cost.h"

#include <QCoreApplication>

namespace versus::ui {

namespace {
// Worded where the window words the rest of the composer's figures.
QString tr(const char *text)
{
    return QCoreApplication::translate("versus::ui::MainWindow", text);
}
} // namespace

EstimateSummary summarizeEstimates(const QList<LaneEstimate> &estimates)
{
    qint64 low = 0;
    qint64 high = 0;
    bool bounded = true;
    int unpriced = 0;
    int priced = 0;
    QStringList details;
    for (const LaneEstimate &estimate : estimates) {
        const Target &target = estimate.target;
        if (!estimate.priced || !estimate.estimate) {
            ++unpriced;
            details << tr("%1: no price").arg(target.toString());
            continue;
        }
        ++priced;
        const CostEstimate &e = *estimate.estimate;
        low += e.minMicroUsd;
        if (e.maxMicroUsd)
            high += *e.maxMicroUsd;
        else
            bounded = false;
        details << tr("%1: %2 – %3 (prompt ~%4 tokens%5)")
                       .arg(target.toString(), formatUsd(e.minMicroUsd),
                            e.maxMicroUsd ? formatUsd(*e.maxMicroUsd) : tr("no upper bound"))
                       .arg(estimate.promptTokens)
                       .arg(e.maxOutputTokens > 0 ? tr(", up to %1 output tokens").arg(e.maxOutputTokens) : QString());
    }
    const QString noPrice = unpriced == 1 ? tr("no price for 1 lane") : tr("no price for %1 lanes").arg(unpriced);
    QString text;
    if (priced > 0) {
        text = bounded ? tr("≈ %1–%2").arg(formatUsd(low), formatUsd(high)) : tr("≈ %1 or more").arg(formatUsd(low));
        if (unpriced > 0)
            text += QStringLiteral(", ") + noPrice;
    } else if (unpriced > 0) {
        text = noPrice;
    }
    const QString tip = tr("Before sending: the low end bills the estimated prompt (this lane's conversation "
                           "included) at the input price with no output; the high end adds as many output tokens "
                           "as the model may write. Cached prompt tokens can make the real cost lower.") +
                        QStringLiteral("\n\n") + details.join(u'\n');
    return EstimateSummary{text.isEmpty() ? QString() : tr("Estimated cost: %1").arg(text), tip};
}

} // namespace versus::ui
