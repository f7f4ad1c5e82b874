// SPDX-License-Identifier: GPL-3.0-or-later
#include "costtotals.h"

#include <QCoreApplication>
#include <QtNumeric>

#include <limits>

namespace versus {

void CostTotals::accumulate(qint64 &sum, qint64 amount)
{
    if (qAddOverflow(sum, amount, &sum)) {
        sum = amount < 0 ? std::numeric_limits<qint64>::min() : std::numeric_limits<qint64>::max();
        m_overflowed = true;
    }
}

void CostTotals::add(const CostBreakdown &cost)
{
    accumulate(m_input, cost.inputMicroUsd);
    accumulate(m_cachedInput, cost.cachedInputMicroUsd);
    accumulate(m_cacheWrite, cost.cacheWriteMicroUsd);
    accumulate(m_output, cost.outputMicroUsd);
    accumulate(m_total, cost.totalMicroUsd);
    ++m_priced;
    m_estimated = m_estimated || cost.estimated;
}

void CostTotals::addUnpriced(int answers)
{
    m_unpriced += std::max(0, answers);
}

void CostTotals::add(const std::optional<CostBreakdown> &cost)
{
    if (cost)
        add(*cost);
    else
        addUnpriced();
}

void CostTotals::add(const CostTotals &other)
{
    accumulate(m_input, other.m_input);
    accumulate(m_cachedInput, other.m_cachedInput);
    accumulate(m_cacheWrite, other.m_cacheWrite);
    accumulate(m_output, other.m_output);
    accumulate(m_total, other.m_total);
    m_priced += other.m_priced;
    m_unpriced += other.m_unpriced;
    m_estimated = m_estimated || other.m_estimated;
    m_overflowed = m_overflowed || other.m_overflowed;
}

QString CostTotals::describe(const QLocale &locale) const
{
    if (m_priced == 0 && m_unpriced > 0)
        return QCoreApplication::translate("versus::CostTotals", "no price");
    const QString amount = formatUsd(m_total, locale);
    if (m_unpriced == 1)
        return QCoreApplication::translate("versus::CostTotals", "≥ %1, 1 answer without price").arg(amount);
    if (m_unpriced > 1)
        return QCoreApplication::translate("versus::CostTotals", "≥ %1, %2 answers without price")
            .arg(amount)
            .arg(m_unpriced);
    if (m_estimated)
        return QCoreApplication::translate("versus::CostTotals", "≈ %1").arg(amount);
    return amount;
}

} // namespace versus
