// SPDX-License-Identifier: GPL-3.0-or-later
// The figures of a lane's footer that are about the lane rather than its last answer: what
// its whole conversation cost, and what the provider said is left of its rate limits.
#include "metricsfooter.h"

#include <QLabel>
#include <QLocale>

#include <algorithm>
#include <climits>

namespace versus::ui {

QString MetricsFooter::formatCount(qint64 count)
{
    if (count < 10'000)
        return QLocale().toString(count);
    if (count < 1'000'000)
        return tr("%1k").arg(QLocale().toString(double(count) / 1000.0, 'f', count < 100'000 ? 1 : 0));
    return tr("%1M").arg(QLocale().toString(double(count) / 1e6, 'f', 1));
}

void MetricsFooter::showLaneCost(const CostTotals &conversation)
{
    if (conversation.pricedCount() == 0) {
        setFigure(m_laneCost, QString(), QString());
        return;
    }
    const int answers = conversation.pricedCount() + conversation.unpricedCount();
    setFigure(m_laneCost, tr("lane %1").arg(conversation.describe(QLocale())),
              tr("What this lane's conversation cost in all: %n answer(s), this one included.", nullptr, answers));
}

void MetricsFooter::showRateLimit(const RateLimit &limit)
{
    QStringList left;
    QStringList tip;
    // %Ln counts in an int: a larger figure reads as the largest int (no provider has that many).
    const int remainingRequests = int(std::clamp<qint64>(limit.remainingRequests.value_or(0), 0, INT_MAX));
    const int remainingTokens = int(std::clamp<qint64>(limit.remainingTokens.value_or(0), 0, INT_MAX));
    if (limit.remainingRequests) {
        left << tr("%1 req").arg(formatCount(*limit.remainingRequests));
        tip << (limit.limitRequests
                    ? tr("%1 of %2 requests left")
                          .arg(QLocale().toString(*limit.remainingRequests), QLocale().toString(*limit.limitRequests))
                    : tr("%Ln request(s) left", nullptr, remainingRequests));
        if (limit.resetRequestsS)
            tip.last() += u' ' + tr("(reset in %1)").arg(formatDuration(*limit.resetRequestsS * 1000));
    }
    if (limit.remainingTokens) {
        left << tr("%1 tok").arg(formatCount(*limit.remainingTokens));
        tip << (limit.limitTokens
                    ? tr("%1 of %2 tokens left")
                          .arg(QLocale().toString(*limit.remainingTokens), QLocale().toString(*limit.limitTokens))
                    : tr("%Ln token(s) left", nullptr, remainingTokens));
        if (limit.resetTokensS)
            tip.last() += u' ' + tr("(reset in %1)").arg(formatDuration(*limit.resetTokensS * 1000));
    }
    if (left.isEmpty()) {
        setFigure(m_rateLimit, QString(), QString());
        return;
    }
    setFigure(m_rateLimit, tr("%1 left").arg(left.join(QStringLiteral(" · "))),
              tr("The provider's rate limit, as its last answer's headers said:") + u'\n' + tip.join(u'\n'));
}

} // namespace versus::ui
