// SPDX-License-Identifier: GPL-3.0-or-later
#include "laneoutput.h"

#include "pricing/cost.h"

namespace versus::cli {

QString formatMs(const std::optional<double> &ms)
{
    if (!ms)
        return QStringLiteral("–");
    if (*ms >= 10'000)
        return QString::number(*ms / 1000.0, 'f', 1) + QStringLiteral(" s");
    return QString::number(*ms, 'f', 0) + QStringLiteral(" ms");
}

QString metricsLine(const LaneResult &lane, bool withTarget)
{
    const StreamMetrics &m = lane.metrics;
    const Usage &u = lane.chat.usage;
    QStringList parts;
    if (withTarget)
        parts << lane.target;
    parts << QStringLiteral("ttft %1").arg(formatMs(m.ttftMs));
    if (m.ttfatMs && m.ttftMs && *m.ttfatMs - *m.ttftMs > 1)
        parts << QStringLiteral("answer after %1").arg(formatMs(m.ttfatMs));
    if (m.outputTokensPerS)
        parts << QStringLiteral("%1%2 tok/s")
                     .arg(m.estimated ? QStringLiteral("~") : QString())
                     .arg(*m.outputTokensPerS, 0, 'f', 1);
    parts << QStringLiteral("total %1").arg(formatMs(m.e2eMs));
    if (u.promptTokens || u.completionTokens) {
        QString tokens = QStringLiteral("%1%2 → %3 tokens")
                             .arg(u.estimated ? QStringLiteral("~") : QString())
                             .arg(u.promptTokens ? QString::number(*u.promptTokens) : QStringLiteral("?"))
                             .arg(u.completionTokens ? QString::number(*u.completionTokens) : QStringLiteral("?"));
        if (u.reasoningTokens && *u.reasoningTokens > 0)
            tokens += QStringLiteral(" (%1 reasoning)").arg(*u.reasoningTokens);
        if (u.cachedPromptTokens && *u.cachedPromptTokens > 0)
            tokens += QStringLiteral(" (%1 cached)").arg(*u.cachedPromptTokens);
        if (u.cacheWriteTokens && *u.cacheWriteTokens > 0)
            tokens += QStringLiteral(" (%1 written to cache)").arg(*u.cacheWriteTokens);
        parts << tokens;
    }
    if (m.server && m.server->outputTokensPerS)
        parts << QStringLiteral("server %1 tok/s").arg(*m.server->outputTokensPerS, 0, 'f', 0);
    if (lane.cost)
        parts << (lane.cost->estimated ? QStringLiteral("~") : QString()) + formatUsd(lane.cost->totalMicroUsd);
    else
        parts << QStringLiteral("no price");
    return parts.join(QStringLiteral(" · "));
}

namespace {

struct Column {
    QString title;
    bool alignRight = true;
};

template<class T, class Better>
int bestIndex(const QList<std::optional<T>> &values, Better better)
{
    int best = -1;
    for (int i = 0; i < values.size(); ++i) {
        if (!values.at(i))
            continue;
        if (best < 0 || better(*values.at(i), *values.at(best)))
            best = i;
    }
    // A column where only one lane has a figure marks nothing: there was no contest.
    int count = 0;
    for (const auto &value : values)
        count += value.has_value();
    return count > 1 ? best : -1;
}

} // namespace

QStringList resultsTable(const QList<LaneResult> &results, const QStringList &judge)
{
    QList<Column> columns{{QStringLiteral("lane"), false}, {QStringLiteral("status"), false},
                          {QStringLiteral("ttft"), true},  {QStringLiteral("tok/s"), true},
                          {QStringLiteral("e2e"), true},   {QStringLiteral("tokens in→out"), true},
                          {QStringLiteral("cost"), true}};
    // With tools in play, a column says how each lane used them: rounds, calls, invalid calls,
    // and whether it ended with an answer.
    const bool withTools =
        std::any_of(results.begin(), results.end(), [](const LaneResult &r) { return !r.toolRounds.isEmpty(); });
    if (withTools)
        columns << Column{QStringLiteral("tools: rounds calls invalid answered"), false};
    if (!judge.isEmpty()) // compare --judge: each answer's score
        columns << Column{QStringLiteral("judge"), true};
    QList<std::optional<double>> ttft, speed, e2e;
    QList<std::optional<qint64>> cost;
    for (const LaneResult &r : results) {
        const bool ok = r.chat.status == ResultStatus::Ok;
        ttft << (ok ? r.metrics.ttftMs : std::nullopt);
        speed << (ok ? r.metrics.outputTokensPerS : std::nullopt);
        e2e << (ok ? r.metrics.e2eMs : std::nullopt);
        cost << (ok && r.cost ? std::optional<qint64>(r.cost->totalMicroUsd) : std::nullopt);
    }
    const int bestTtft = bestIndex(ttft, std::less<>());
    const int bestSpeed = bestIndex(speed, std::greater<>());
    const int bestE2e = bestIndex(e2e, std::less<>());
    const int bestCost = bestIndex(cost, std::less<>());
    auto mark = [](const QString &text, bool best) -> QString {
        return best ? text + QStringLiteral(" *") : text + QStringLiteral("  ");
    };

    QList<QStringList> rows;
    for (int i = 0; i < results.size(); ++i) {
        const LaneResult &r = results.at(i);
        const Usage &u = r.chat.usage;
        QString status = resultStatusName(r.chat.status);
        if (r.chat.error && r.chat.status != ResultStatus::Ok)
            status += QStringLiteral(" (") + errorKindName(r.chat.error->kind) + u')';
        QString tokens = QStringLiteral("–");
        if (u.promptTokens || u.completionTokens)
            tokens = (u.estimated ? QStringLiteral("~") : QString()) +
                     (u.promptTokens ? QString::number(*u.promptTokens) : QStringLiteral("?")) + QStringLiteral("→") +
                     (u.completionTokens ? QString::number(*u.completionTokens) : QStringLiteral("?"));
        QString speedText = QStringLiteral("–");
        if (r.metrics.outputTokensPerS)
            speedText = (r.metrics.estimated ? QStringLiteral("~") : QString()) +
                        QString::number(*r.metrics.outputTokensPerS, 'f', 1);
        QString costText = r.priced ? QStringLiteral("–") : QStringLiteral("no price");
        if (r.cost)
            costText = (r.cost->estimated ? QStringLiteral("~") : QString()) + formatUsd(r.cost->totalMicroUsd);
        rows << QStringList{r.target,
                            status,
                            mark(formatMs(r.metrics.ttftMs), i == bestTtft),
                            mark(speedText, i == bestSpeed),
                            mark(formatMs(r.metrics.e2eMs), i == bestE2e),
                            tokens,
                            mark(costText, i == bestCost)};
        if (withTools) {
            const tools::ToolStats stats = tools::toolStats(r.toolRounds);
            rows.last() << (r.toolRounds.isEmpty()
                                ? QStringLiteral("–")
                                : QStringLiteral("%1 %2 %3 %4")
                                      .arg(stats.rounds)
                                      .arg(stats.calls)
                                      .arg(stats.invalidCalls)
                                      .arg(stats.answered            ? QStringLiteral("yes")
                                           : r.toolRoundLimitReached ? QStringLiteral("no (round limit)")
                                                                     : QStringLiteral("no")));
        }
        if (!judge.isEmpty())
            rows.last() << judge.value(i, QStringLiteral("–"));
    }
    QList<qsizetype> widths;
    for (const Column &column : columns)
        widths << column.title.size();
    for (const QStringList &row : std::as_const(rows)) {
        for (int c = 0; c < row.size(); ++c)
            widths[c] = std::max(widths[c], row.at(c).size());
    }
    auto line = [&](const QStringList &cells) {
        QStringList padded;
        for (int c = 0; c < cells.size(); ++c)
            padded << (columns.at(c).alignRight ? cells.at(c).rightJustified(widths[c])
                                                : cells.at(c).leftJustified(widths[c]));
        return padded.join(QStringLiteral("  ")).trimmed();
    };
    QStringList titles;
    for (const Column &column : columns)
        titles << column.title;
    QStringList lines{line(titles)};
    for (const QStringList &row : std::as_const(rows))
        lines << line(row);
    if (bestTtft >= 0 || bestSpeed >= 0 || bestE2e >= 0 || bestCost >= 0)
        lines << QStringLiteral("* best of the column among lanes that succeeded");
    return lines;
}

} // namespace versus::cli
