// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "cost.h"

#include <QString>

#include <optional>

namespace versus {

/// A running sum of answer costs — one per message, lane, conversation or session — that
/// remembers how many answers had no price, so a total is never shown as complete when it
/// is not ("≥ $0.0123, 2 answers without price").
class CostTotals {
public:
    void add(const CostBreakdown &cost);
    /// An answer whose model has no price (or whose usage had no counts).
    void addUnpriced(int answers = 1);
    /// nothing = addUnpriced().
    void add(const std::optional<CostBreakdown> &cost);
    /// Folds a lower level's totals in (lanes into a conversation, conversations into a session).
    void add(const CostTotals &other);

    qint64 inputMicroUsd() const { return m_input; }
    qint64 cachedInputMicroUsd() const { return m_cachedInput; }
    qint64 cacheWriteMicroUsd() const { return m_cacheWrite; }
    qint64 outputMicroUsd() const { return m_output; }
    qint64 totalMicroUsd() const { return m_total; }

    int pricedCount() const { return m_priced; }
    int unpricedCount() const { return m_unpriced; }
    bool isEmpty() const { return m_priced == 0 && m_unpriced == 0; }
    /// Every answer had a price: the total is the whole cost.
    bool isComplete() const { return m_unpriced == 0; }
    /// Some priced answer used estimated token counts.
    bool anyEstimated() const { return m_estimated; }
    /// The sum hit the 64-bit limit (and stopped there); never in practice.
    bool overflowed() const { return m_overflowed; }

    /// For people: "$0.0012", "≈ $0.0012" (estimated counts), "≥ $0.0012, 2 answers without
    /// price", or "no price" when no answer had one. The window passes its locale ("$0,0012"
    /// in French); the default writes the amount as files and the command line do.
    QString describe(const QLocale &locale = QLocale::c()) const;

    friend bool operator==(const CostTotals &, const CostTotals &) = default;

private:
    qint64 m_input = 0;
    qint64 m_cachedInput = 0;
    qint64 m_cacheWrite = 0;
    qint64 m_output = 0;
    qint64 m_total = 0;
    int m_priced = 0;
    int m_unpriced = 0;
    bool m_estimated = false;
    bool m_overflowed = false;
    void accumulate(qint64 &sum, qint64 amount);
};

} // namespace versus
