// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"
#include "metrics/streamtimeline.h"
#include "pricing/cost.h"
#include "pricing/costtotals.h"

#include <QWidget>

class QLabel;

namespace versus::ui {

class Sparkline;

/// The figures under a lane: time to first token, live (then final) output speed,
/// end-to-end time, tokens (prompt → completion, reasoning, cached; "~" when estimated),
/// cost (or "no price") and the speed the provider reported, when it did. Every figure has
/// a tooltip with its formula and origin from metricdocs. Labels are named laneState, ttft,
/// ttfat, speed, e2e, tokens, cost and serverSpeed.
class MetricsFooter : public QWidget {
    Q_OBJECT
public:
    explicit MetricsFooter(QWidget *parent = nullptr);

    /// What is known while an answer streams.
    struct Live {
        double elapsedMs = 0;
        std::optional<double> ttftMs;
        std::optional<double> liveTokensPerS;
        std::optional<qint64> estimatedTokens; ///< completion tokens so far, estimated
    };
    /// Everything about a finished answer.
    struct Final {
        StreamMetrics metrics;
        Usage usage;
        bool priced = false;               ///< the catalog has a price for the model
        std::optional<CostBreakdown> cost; ///< nothing: no price, or usage without counts
        std::optional<double> providerCostUsd;
        CostTotals conversation; ///< every answer of this lane's conversation, this one included
        RateLimit rateLimit;     ///< what the provider said is left of its limits
    };

    /// No answer yet (or the conversation was cleared).
    void reset();
    void setState(const QString &text, const QString &toolTip = QString());
    void showLive(const Live &live);
    void showFinal(const Final &final);
    /// A new answer starts: the speed line of the last one goes.
    void startAnswer();
    Sparkline *sparkline() const { return m_sparkline; }

    static QString formatDuration(double ms);
    static QString formatRate(double tokensPerS);

    /// "12.3k": a count in the room a footer has.
    static QString formatCount(qint64 count);

private:
    QLabel *addLabel(const char *name);
    void showLaneCost(const CostTotals &conversation); // metricsfooterlane.cpp
    void showRateLimit(const RateLimit &limit);
    void setFigure(QLabel *label, const QString &text, const QString &toolTip);

    QLabel *m_state;
    QLabel *m_ttft;
    QLabel *m_ttfat;
    QLabel *m_speed;
    QLabel *m_e2e;
    QLabel *m_tokens;
    QLabel *m_cost;
    QLabel *m_server;
    QLabel *m_laneCost;
    QLabel *m_rateLimit;
    Sparkline *m_sparkline;
};

} // namespace versus::ui
