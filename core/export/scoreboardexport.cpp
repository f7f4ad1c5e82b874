// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/scoreboardexport.h"

#include "pricing/cost.h"

#include <QStringList>

namespace versus::exports {

namespace {

QString number(const std::optional<double> &value, int decimals)
{
    return value ? QString::number(*value, 'f', decimals) : QString();
}

QString count(const std::optional<qint64> &value)
{
    return value ? QString::number(*value) : QString();
}

QString flag(bool on)
{
    return on ? QStringLiteral("true") : QStringLiteral("false");
}

/// "0.000123": micro-USD as dollars, exactly (formatUsd() without its sign).
QString usd(qint64 microUsd)
{
    const QString text = formatUsd(microUsd);
    return microUsd < 0 ? u'-' + text.mid(2) : text.mid(1);
}

QString statusText(const ScoreboardRow &row)
{
    QString text = scoreStatusName(row.status);
    if (row.status == ScoreStatus::Error && row.errorKind)
        text += QStringLiteral(": ") + errorKindName(*row.errorKind);
    else if (row.errors > 0)
        text += QStringLiteral(", %1 failed").arg(row.errors);
    return text;
}

} // namespace

QString csvTextField(const QString &text)
{
    QString field = text;
    static const QString formulaStarts = QStringLiteral("=+-@\t\r");
    if (!field.isEmpty() && formulaStarts.contains(field.front()))
        field.prepend(u'\'');
    if (field.contains(u',') || field.contains(u'"') || field.contains(u'\n') || field.contains(u'\r')) {
        field.replace(QStringLiteral("\""), QStringLiteral("\"\""));
        field = u'"' + field + u'"';
    }
    return field;
}

QString scoreboardToCsv(const Scoreboard &board)
{
    const QStringList header{
        QStringLiteral("lane"),
        QStringLiteral("status"),
        QStringLiteral("error_kind"),
        QStringLiteral("turns"),
        QStringLiteral("answered"),
        QStringLiteral("errors"),
        QStringLiteral("ttft_ms"),
        QStringLiteral("ttfat_ms"),
        QStringLiteral("output_tokens_per_s"),
        QStringLiteral("output_tokens_per_s_estimated"),
        QStringLiteral("e2e_ms"),
        QStringLiteral("prompt_tokens"),
        QStringLiteral("completion_tokens"),
        QStringLiteral("reasoning_tokens"),
        QStringLiteral("cached_prompt_tokens"),
        QStringLiteral("tokens_estimated"),
        QStringLiteral("cost_usd"),
        QStringLiteral("cost_estimated"),
        QStringLiteral("unpriced"),
        QStringLiteral("finish_reason"),
        QStringLiteral("tool_calls"),
        QStringLiteral("invalid_tool_calls"),
        QStringLiteral("votes"),
        QStringLiteral("judge_score"),
        QStringLiteral("judge"),
        QStringLiteral("judge_reason"),
    };
    QString out = header.join(u',') + QStringLiteral("\r\n");
    for (const ScoreboardRow &row : board.rows) {
        const QStringList cells{
            csvTextField(row.name),
            scoreStatusName(row.status),
            row.errorKind ? errorKindName(*row.errorKind) : QString(),
            QString::number(row.turns),
            QString::number(row.answered),
            QString::number(row.errors),
            number(row.ttftMs, 1),
            number(row.ttfatMs, 1),
            number(row.tokensPerS, 2),
            row.tokensPerS ? flag(row.speedEstimated) : QString(),
            number(row.e2eMs, 1),
            count(row.promptTokens),
            count(row.completionTokens),
            count(row.reasoningTokens),
            count(row.cachedTokens),
            row.completionTokens || row.promptTokens ? flag(row.tokensEstimated) : QString(),
            row.costMicroUsd ? usd(*row.costMicroUsd) : QString(),
            row.costMicroUsd ? flag(row.costEstimated) : QString(),
            flag(row.unpriced),
            csvTextField(row.finishReason.value_or(QString())),
            QString::number(row.toolCalls),
            QString::number(row.invalidCalls),
            row.votes ? QString::number(*row.votes) : QString(),
            row.judgeScore ? QString::number(*row.judgeScore, 'g', 6) : QString(),
            csvTextField(row.judge),
            csvTextField(row.judgeReason),
        };
        out += cells.join(u',') + QStringLiteral("\r\n");
    }
    return out;
}

namespace {

QString markdownCell(QString text)
{
    text.replace(u'\\', QStringLiteral("\\\\"));
    text.replace(u'|', QStringLiteral("\\|"));
    text.replace(u'*', QStringLiteral("\\*"));
    text.replace(u'_', QStringLiteral("\\_"));
    text.replace(u'<', QStringLiteral("&lt;"));
    text.replace(QStringLiteral("\r\n"), QStringLiteral(" "));
    text.replace(u'\n', u' ');
    text.replace(u'\r', u' ');
    return text;
}

QString dash()
{
    return QStringLiteral("–");
}

/// A ranked figure: "~" when estimated, bold when best.
QString ranked(const ScoreboardRow &row, ScoreColumn column, const QString &text, bool estimated)
{
    if (text.isEmpty())
        return dash();
    const QString shown = estimated ? u'~' + text : text;
    return row.isBest(column) ? QStringLiteral("**") + shown + QStringLiteral("**") : shown;
}

QString tokensText(const ScoreboardRow &row)
{
    if (!row.promptTokens && !row.completionTokens)
        return dash();
    QString text = (row.promptTokens ? QString::number(*row.promptTokens) : QStringLiteral("?")) +
                   QStringLiteral(" → ") +
                   (row.completionTokens ? QString::number(*row.completionTokens) : QStringLiteral("?"));
    QStringList extra;
    if (row.reasoningTokens && *row.reasoningTokens > 0)
        extra << QStringLiteral("reasoning %1").arg(*row.reasoningTokens);
    if (row.cachedTokens && *row.cachedTokens > 0)
        extra << QStringLiteral("cached %1").arg(*row.cachedTokens);
    if (!extra.isEmpty())
        text += QStringLiteral(" (") + extra.join(QStringLiteral(", ")) + u')';
    return row.tokensEstimated ? u'~' + text : text;
}

} // namespace

QString scoreboardToMarkdown(const Scoreboard &board, const QString &title)
{
    QString out;
    if (!title.isEmpty())
        out += QStringLiteral("## ") + markdownCell(title) + QStringLiteral("\n\n");
    out += QStringLiteral("| Lane | Status | TTFT (ms) | TTFAT (ms) | Tokens/s | E2E (ms) | Tokens | Cost | Finish | "
                          "Tool calls (invalid) | Votes | Judge |\n");
    out += QStringLiteral("|---|---|--:|--:|--:|--:|--:|--:|---|--:|--:|---|\n");
    for (const ScoreboardRow &row : board.rows) {
        const auto figure = [&row](ScoreColumn column, const std::optional<double> &value, bool estimated) {
            return ranked(row, column, number(value, decimalsOf(column)), estimated);
        };
        QString cost = dash();
        if (row.costMicroUsd)
            cost = ranked(row, ScoreColumn::Cost, formatUsd(*row.costMicroUsd), row.costEstimated);
        else if (row.unpriced)
            cost = QStringLiteral("unpriced");
        QString tools = dash();
        if (row.toolCalls > 0)
            tools = QStringLiteral("%1 (%2)")
                        .arg(row.toolCalls)
                        .arg(ranked(row, ScoreColumn::InvalidCalls, QString::number(row.invalidCalls), false));
        QString judge = dash();
        if (row.judgeScore) {
            judge = figure(ScoreColumn::JudgeScore, row.judgeScore, false);
            if (!row.judgeReason.isEmpty())
                judge += QStringLiteral(": ") + markdownCell(row.judgeReason);
        }
        const QStringList cells{
            markdownCell(row.name),
            markdownCell(statusText(row)),
            figure(ScoreColumn::Ttft, row.ttftMs, false),
            figure(ScoreColumn::Ttfat, row.ttfatMs, false),
            figure(ScoreColumn::TokensPerS, row.tokensPerS, row.speedEstimated),
            figure(ScoreColumn::E2e, row.e2eMs, false),
            tokensText(row),
            cost,
            row.finishReason ? markdownCell(*row.finishReason) : dash(),
            tools,
            row.votes ? ranked(row, ScoreColumn::Votes, QString::number(*row.votes), false) : dash(),
            judge,
        };
        out += QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    }
    return out;
}

} // namespace versus::exports
