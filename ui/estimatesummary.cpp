// SPDX-License-Identifier: GPL-3.0-or-later
#include "estimatesummary.h"

#include "pricing/cost.h"

#include <QCoreApplication>
#include <QLocale>

namespace versus::ui {

namespace {
// Worded where the window words the rest of the composer's figures.
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
            details << QCoreApplication::translate("versus::ui::MainWindow", "%1: no price").arg(target.toString());
            continue;
        }
        ++priced;
        const CostEstimate &e = *estimate.estimate;
        low += e.minMicroUsd;
        if (e.maxMicroUsd)
            high += *e.maxMicroUsd;
        else
            bounded = false;
        details << QCoreApplication::translate("versus::ui::MainWindow", "%1: %2 – %3 (prompt ~%4 tokens%5)")
                       .arg(target.toString(), formatUsd(e.minMicroUsd, QLocale()),
                            e.maxMicroUsd ? formatUsd(*e.maxMicroUsd, QLocale())
                                          : QCoreApplication::translate("versus::ui::MainWindow", "no upper bound"))
                       .arg(QLocale().toString(estimate.promptTokens))
                       .arg(e.maxOutputTokens > 0
                                ? QCoreApplication::translate("versus::ui::MainWindow", ", up to %1 output tokens")
                                      .arg(QLocale().toString(e.maxOutputTokens))
                                : QString());
    }
    const QString noPrice =
        QCoreApplication::translate("versus::ui::MainWindow", "no price for %n lane(s)", nullptr, unpriced);
    QString text;
    if (priced > 0) {
        text =
            bounded
                ? QCoreApplication::translate("versus::ui::MainWindow", "≈ %1–%2")
                      .arg(formatUsd(low, QLocale()), formatUsd(high, QLocale()))
                : QCoreApplication::translate("versus::ui::MainWindow", "≈ %1 or more").arg(formatUsd(low, QLocale()));
        if (unpriced > 0)
            text += QStringLiteral(", ") + noPrice;
    } else if (unpriced > 0) {
        text = noPrice;
    }
    const QString tip = QCoreApplication::translate(
                            "versus::ui::MainWindow",
                            "Before sending: the low end bills the estimated prompt (this lane's conversation "
                            "included) at the input price with no output; the high end adds as many output tokens "
                            "as the model may write. Cached prompt tokens can make the real cost lower.") +
                        QStringLiteral("\n\n") + details.join(u'\n');
    return EstimateSummary{text.isEmpty()
                               ? QString()
                               : QCoreApplication::translate("versus::ui::MainWindow", "Estimated cost: %1").arg(text),
                           tip};
}

} // namespace versus::ui
