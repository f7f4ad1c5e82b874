// SPDX-License-Identifier: GPL-3.0-or-later
#include "metricsfooter.h"

#include "metrics/metricdocs.h"
#include "sparkline.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>
#include <cmath>

namespace versus::ui {

namespace {

QString tokenCount(const std::optional<qint64> &count)
{
    return count ? QLocale().toString(*count) : QStringLiteral("?");
}

} // namespace

MetricsFooter::MetricsFooter(QWidget *parent)
    : QWidget(parent)
{
    m_state = addLabel("laneState");
    m_ttft = addLabel("ttft");
    m_ttfat = addLabel("ttfat");
    m_speed = addLabel("speed");
    m_e2e = addLabel("e2e");
    m_tokens = addLabel("tokens");
    m_cost = addLabel("cost");
    m_server = addLabel("serverSpeed");
    m_laneCost = addLabel("laneCost");
    m_rateLimit = addLabel("rateLimit");
    m_sparkline = new Sparkline(this);

    // Two rows: time figures, then size and money; narrow lanes keep every figure readable.
    auto *times = new QHBoxLayout;
    auto *amounts = new QHBoxLayout;
    for (QHBoxLayout *row : {times, amounts})
        row->setSpacing(12);
    for (QLabel *label : {m_state, m_ttft, m_ttfat, m_speed, m_e2e})
        times->addWidget(label);
    for (QLabel *label : {m_tokens, m_cost, m_server})
        amounts->addWidget(label);
    times->addStretch(1);
    amounts->addStretch(1);
    // A third row for the lane as a whole: its speed line, its conversation's cost, the
    // provider's rate limit. In the rows above they pushed figures out of a narrow lane.
    auto *lane = new QHBoxLayout;
    lane->setSpacing(12);
    lane->addWidget(m_sparkline);
    lane->addWidget(m_laneCost);
    lane->addWidget(m_rateLimit);
    lane->addStretch(1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 6);
    layout->setSpacing(2);
    layout->addLayout(times);
    layout->addLayout(amounts);
    layout->addLayout(lane);
    reset();
}

QLabel *MetricsFooter::addLabel(const char *name)
{
    auto *label = new QLabel(this);
    label->setObjectName(QLatin1String(name));
    label->setTextFormat(Qt::PlainText);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 0.92);
    label->setFont(font);
    return label;
}

void MetricsFooter::setFigure(QLabel *label, const QString &text, const QString &toolTip)
{
    // Called ~30 times a second per streaming lane, mostly with what is shown already: a
    // tooltip or visibility set again costs events and layout work for nothing.
    if (label->text() != text)
        label->setText(text);
    if (label->toolTip() != toolTip)
        label->setToolTip(toolTip);
    if (label->isHidden() != text.isEmpty())
        label->setVisible(!text.isEmpty());
}

QString MetricsFooter::formatDuration(double ms)
{
    if (ms < 1000)
        return tr("%1 ms").arg(qRound(ms));
    if (ms < 10'000)
        return tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 2));
    return tr("%1 s").arg(QLocale().toString(ms / 1000.0, 'f', 1));
}

QString MetricsFooter::formatRate(double tokensPerS)
{
    return tr("%1 tok/s").arg(QLocale().toString(tokensPerS, 'f', tokensPerS >= 100 ? 0 : 1));
}

void MetricsFooter::reset()
{
    for (QLabel *label : {m_ttft, m_ttfat, m_speed, m_e2e, m_tokens, m_cost, m_server, m_laneCost, m_rateLimit})
        setFigure(label, QString(), QString());
    m_sparkline->clear();
    setState(tr("No answer yet"));
}

void MetricsFooter::startAnswer()
{
    m_sparkline->clear();
}

void MetricsFooter::setState(const QString &text, const QString &toolTip)
{
    setFigure(m_state, text, toolTip);
}

void MetricsFooter::showLive(const Live &live)
{
    setFigure(m_ttfat, QString(), QString());
    setFigure(m_cost, QString(), QString());
    setFigure(m_server, QString(), QString());
    setFigure(m_rateLimit, QString(), QString());
    m_sparkline->addSample(live.elapsedMs, live.liveTokensPerS);
    if (live.ttftMs) {
        setFigure(m_ttft, tr("TTFT %1").arg(formatDuration(*live.ttftMs)), metricTooltip(MetricId::Ttft));
        setState(tr("Streaming…"));
    } else {
        setFigure(m_ttft, QString(), QString());
        setState(tr("Waiting…"));
    }
    setFigure(m_speed, live.liveTokensPerS ? u'~' + formatRate(*live.liveTokensPerS) : QString(),
              metricTooltip(MetricId::LiveTokensPerS));
    // In tenths of a second while it runs: the label (and the footer's layout) changes three times
    // less often than the ~33 ms flush, which counts with six lanes streaming.
    setFigure(m_e2e, tr("%1 elapsed").arg(formatDuration(std::floor(live.elapsedMs / 100) * 100)),
              metricTooltip(MetricId::E2e));
    const int estimated = live.estimatedTokens ? int(std::min<qint64>(*live.estimatedTokens, INT_MAX)) : 0;
    setFigure(m_tokens, live.estimatedTokens ? tr("~%Ln token(s)", nullptr, estimated) : QString(),
              metricTooltip(MetricId::EstimatedTokens));
}

void MetricsFooter::showFinal(const Final &final)
{
    const StreamMetrics &m = final.metrics;
    const Usage &u = final.usage;

    setFigure(m_ttft, m.ttftMs ? tr("TTFT %1").arg(formatDuration(*m.ttftMs)) : QString(),
              metricTooltip(MetricId::Ttft));
    // Worth a figure of its own only when the model thought before answering.
    const bool answerLater = m.ttfatMs && m.ttftMs && *m.ttfatMs - *m.ttftMs > 1;
    setFigure(m_ttfat, answerLater ? tr("answer after %1").arg(formatDuration(*m.ttfatMs)) : QString(),
              metricTooltip(MetricId::Ttfat));
    setFigure(m_speed,
              m.outputTokensPerS ? (m.estimated ? QStringLiteral("~") : QString()) + formatRate(*m.outputTokensPerS)
                                 : QString(),
              metricTooltip(MetricId::OutputTokensPerS) +
                  (m.estimated ? u'\n' + tr("The completion count was estimated.") : QString()));
    setFigure(m_e2e, m.e2eMs ? tr("e2e %1").arg(formatDuration(*m.e2eMs)) : QString(), metricTooltip(MetricId::E2e));

    if (u.promptTokens || u.completionTokens) {
        QString text = tr("%1%2 → %3 tokens")
                           .arg(u.estimated ? QStringLiteral("~") : QString(), tokenCount(u.promptTokens),
                                tokenCount(u.completionTokens));
        QStringList extras;
        if (u.reasoningTokens && *u.reasoningTokens > 0)
            extras << tr("%1 reasoning").arg(QLocale().toString(*u.reasoningTokens));
        if (u.cachedPromptTokens && *u.cachedPromptTokens > 0)
            extras << tr("%1 cached").arg(QLocale().toString(*u.cachedPromptTokens));
        if (u.cacheWriteTokens && *u.cacheWriteTokens > 0)
            extras << tr("%1 written to cache").arg(QLocale().toString(*u.cacheWriteTokens));
        if (!extras.isEmpty())
            text += QStringLiteral(" (") + extras.join(QStringLiteral(", ")) + u')';
        const QString tip =
            u.estimated ? metricTooltip(MetricId::EstimatedTokens)
                        : tr("Prompt → completion tokens as the provider reported them in its usage. Completion "
                             "includes reasoning; cached prompt tokens were served from the provider's cache.\n"
                             "Source: reported by the provider");
        setFigure(m_tokens, text, tip);
    } else {
        setFigure(m_tokens, QString(), QString());
    }

    const QLocale locale;
    QString costTip;
    if (final.cost) {
        const CostBreakdown &c = *final.cost;
        costTip = tr("Input %1, cached input %2, output %3 (reasoning included)")
                      .arg(formatUsd(c.inputMicroUsd, locale), formatUsd(c.cachedInputMicroUsd, locale),
                           formatUsd(c.outputMicroUsd, locale));
        if (c.cacheWriteMicroUsd > 0)
            costTip += u'\n' + tr("Cache writes %1").arg(formatUsd(c.cacheWriteMicroUsd, locale));
        if (!c.tier.isEmpty())
            costTip += u'\n' + tr("Price tier: %1").arg(c.tier);
        costTip += u'\n' + tr("Prices: %1, as of %2").arg(c.priceSource, c.priceAsOf.toString(Qt::ISODate));
        if (c.estimated)
            costTip += u'\n' + tr("Token counts were estimated: so is the cost.");
        setFigure(m_cost, (c.estimated ? QStringLiteral("≈ ") : QString()) + formatUsd(c.totalMicroUsd, locale),
                  costTip);
    } else if (final.priced) {
        setFigure(m_cost, QString(), QString());
    } else {
        costTip = tr("The price catalog has no price for this model, so no cost is shown. Add one to your "
                     "pricing.json override file.");
        setFigure(m_cost, tr("no price"), costTip);
    }
    if (!m_cost->text().isEmpty()) {
        QString tip = m_cost->toolTip();
        if (final.providerCostUsd)
            tip += QStringLiteral("\n\n") + metricTooltip(MetricId::ProviderCost) + u'\n' +
                   tr("Reported: $%1").arg(locale.toString(*final.providerCostUsd, 'f', 6));
        tip += QStringLiteral("\n\n") + tr("This conversation: %1").arg(final.conversation.describe(locale));
        m_cost->setToolTip(tip);
    }

    m_sparkline->finish();
    showLaneCost(final.conversation);
    showRateLimit(final.rateLimit);

    if (m.server && m.server->outputTokensPerS) {
        QString tip = metricTooltip(MetricId::ServerOutputTokensPerS);
        const ServerTiming &s = *m.server;
        if (s.queueMs)
            tip += QStringLiteral("\n\n") + metricTooltip(MetricId::ServerQueue) + u'\n' + formatDuration(*s.queueMs);
        if (s.promptMs)
            tip += QStringLiteral("\n\n") + metricTooltip(MetricId::ServerPrompt) + u'\n' + formatDuration(*s.promptMs);
        if (m.networkGatewayMs)
            tip += QStringLiteral("\n\n") + metricTooltip(MetricId::NetworkGateway) + u'\n' +
                   formatDuration(*m.networkGatewayMs);
        setFigure(m_server, tr("server %1").arg(formatRate(*s.outputTokensPerS)), tip);
    } else {
        setFigure(m_server, QString(), QString());
    }
}

} // namespace versus::ui
