// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoreboardmodel.h"

#include "metrics/metricdocs.h"
#include "pricing/cost.h"
#include "wording/erroradvice.h"

#include <QFont>
#include <QLocale>

namespace versus::ui {

namespace {

QString dash()
{
    return QStringLiteral("–");
}

QString approx(const QString &text, bool estimated)
{
    return estimated ? u'~' + text : text;
}

QString figure(const std::optional<double> &value, int decimals)
{
    return value ? QLocale().toString(*value, 'f', decimals) : QString();
}

} // namespace

ScoreboardModel::ScoreboardModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

int ScoreboardModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_board.rows.size());
}

int ScoreboardModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

std::optional<ScoreColumn> ScoreboardModel::rankedColumn(int column)
{
    switch (column) {
    case TtftColumn:
        return ScoreColumn::Ttft;
    case TtfatColumn:
        return ScoreColumn::Ttfat;
    case SpeedColumn:
        return ScoreColumn::TokensPerS;
    case E2eColumn:
        return ScoreColumn::E2e;
    case CostColumn:
        return ScoreColumn::Cost;
    case ToolCallsColumn:
        return ScoreColumn::InvalidCalls;
    case VotesColumn:
        return ScoreColumn::Votes;
    case JudgeColumn:
        return ScoreColumn::JudgeScore;
    default:
        break;
    }
    return std::nullopt;
}

QString ScoreboardModel::cellText(const ScoreboardRow &row, int column)
{
    switch (column) {
    case LaneColumn:
        return row.name;
    case StatusColumn:
        switch (row.status) {
        case ScoreStatus::Ok:
            return row.errors > 0 ? tr("ok, %n failed", "answers of the lane that failed", row.errors) : tr("ok");
        case ScoreStatus::Error:
            return row.errorKind ? tr("Error: %1").arg(errorTitle(*row.errorKind)) : tr("Error");
        case ScoreStatus::Cancelled:
            return tr("stopped");
        case ScoreStatus::Truncated:
            return tr("truncated");
        case ScoreStatus::Streaming:
            return tr("streaming…");
        case ScoreStatus::NotSent:
            return tr("not sent");
        }
        return {};
    case TtftColumn:
    case TtfatColumn:
    case E2eColumn: {
        const std::optional<double> &ms =
            column == TtftColumn ? row.ttftMs : (column == TtfatColumn ? row.ttfatMs : row.e2eMs);
        return ms ? tr("%1 ms").arg(figure(ms, 0)) : dash();
    }
    case SpeedColumn:
        return row.tokensPerS ? approx(tr("%1 tok/s").arg(figure(row.tokensPerS, 1)), row.speedEstimated) : dash();
    case TokensColumn: {
        if (!row.promptTokens && !row.completionTokens)
            return dash();
        const QLocale locale;
        const auto count = [&locale](const std::optional<qint64> &n) {
            return n ? locale.toString(*n) : QStringLiteral("?");
        };
        QString text = tr("%1 → %2").arg(count(row.promptTokens), count(row.completionTokens));
        QStringList extra;
        if (row.reasoningTokens && *row.reasoningTokens > 0)
            extra << tr("%1 reasoning").arg(locale.toString(*row.reasoningTokens));
        if (row.cachedTokens && *row.cachedTokens > 0)
            extra << tr("%1 cached").arg(locale.toString(*row.cachedTokens));
        if (!extra.isEmpty())
            text += QStringLiteral(" (") + extra.join(QStringLiteral(", ")) + u')';
        return approx(text, row.tokensEstimated);
    }
    case CostColumn:
        if (row.costMicroUsd)
            return approx(formatUsd(*row.costMicroUsd, QLocale()), row.costEstimated) +
                   (row.unpriced ? tr(" + unpriced") : QString());
        return row.unpriced ? tr("no price") : dash();
    case FinishColumn:
        return row.finishReason && !row.finishReason->isEmpty() ? *row.finishReason : dash();
    case ToolCallsColumn:
        if (row.toolCalls == 0)
            return dash();
        return row.invalidCalls > 0 ? tr("%1 (%2 invalid)").arg(row.toolCalls).arg(row.invalidCalls)
                                    : QString::number(row.toolCalls);
    case VotesColumn:
        return row.votes ? QString::number(*row.votes) : dash();
    case JudgeColumn:
        return row.judgeScore ? figure(row.judgeScore, 1) : dash();
    default:
        break;
    }
    return {};
}

QVariant ScoreboardModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_board.rows.size())
        return {};
    const ScoreboardRow &row = m_board.rows.at(index.row());
    const int column = index.column();
    const std::optional<ScoreColumn> ranked = rankedColumn(column);
    const bool best = ranked && row.isBest(*ranked);
    switch (role) {
    case Qt::DisplayRole:
        return cellText(row, column);
    case BestRole:
        return best;
    case Qt::FontRole:
        if (best) {
            QFont font;
            font.setBold(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        return best && m_highlight.isValid() ? QVariant(m_highlight) : QVariant();
    case Qt::TextAlignmentRole:
        return column == LaneColumn || column == StatusColumn || column == FinishColumn
                   ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::ToolTipRole:
        if (column == StatusColumn && !row.errorMessage.isEmpty())
            return row.errorMessage;
        if (column == JudgeColumn && row.judgeScore)
            return row.judgeReason.isEmpty() ? row.judge : tr("%1\n— %2").arg(row.judgeReason, row.judge);
        if ((column == CostColumn && row.costEstimated) || (column == SpeedColumn && row.speedEstimated) ||
            (column == TokensColumn && row.tokensEstimated))
            return metricTooltip(MetricId::EstimatedTokens);
        return headerData(column, Qt::Horizontal, Qt::ToolTipRole);
    default:
        break;
    }
    return {};
}

QVariant ScoreboardModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal)
        return QAbstractTableModel::headerData(section, orientation, role);
    if (role == Qt::DisplayRole) {
        switch (section) {
        case LaneColumn:
            return tr("Lane");
        case StatusColumn:
            return tr("Status");
        case TtftColumn:
            return tr("TTFT");
        case TtfatColumn:
            return tr("TTFAT");
        case SpeedColumn:
            return tr("Speed");
        case E2eColumn:
            return tr("Total");
        case TokensColumn:
            return tr("Tokens");
        case CostColumn:
            return tr("Cost");
        case FinishColumn:
            return tr("Finish");
        case ToolCallsColumn:
            return tr("Tool calls");
        case VotesColumn:
            return tr("Votes");
        case JudgeColumn:
            return tr("Judge");
        default:
            break;
        }
        return {};
    }
    if (role != Qt::ToolTipRole)
        return {};
    const bool whole = m_board.turnKey == 0;
    QString tip;
    switch (section) {
    case TtftColumn:
        tip = metricTooltip(MetricId::Ttft);
        break;
    case TtfatColumn:
        tip = metricTooltip(MetricId::Ttfat);
        break;
    case SpeedColumn:
        tip = metricTooltip(MetricId::OutputTokensPerS);
        break;
    case E2eColumn:
        tip = metricTooltip(MetricId::E2e);
        break;
    case TokensColumn:
        return tr("Prompt tokens → completion tokens (reasoning included), as the provider reported them; "
                  "\"~\" when Versus estimated them.%1")
            .arg(whole ? tr("\nWhole comparison: the sum over every turn.") : QString());
    case CostColumn:
        return tr("What the answers cost at the price catalog's prices (your own prices where you set them); "
                  "\"~\" when the token counts were estimated.%1")
            .arg(whole ? tr("\nWhole comparison: the sum over every turn.") : QString());
    case ToolCallsColumn:
        return tr("Function calls the model made, and how many were invalid: arguments that are not a JSON "
                  "object, an unknown tool, or arguments that break the tool's schema. Fewer invalid is better.");
    case VotesColumn:
        return whole ? tr("Turns in which you voted this lane's answer the best.")
                     : tr("1 when you voted this lane's answer the best.");
    case JudgeColumn:
        return whole ? tr("The judge model's score, the mean over the judged turns.")
                     : tr("The judge model's score of this answer; the reason is in the cell's tooltip.");
    case StatusColumn:
        return tr("How the answer ended; an error names its kind, with the provider's words in the tooltip.");
    case FinishColumn:
        return tr("The finish reason the provider gave (stop, length, tool_calls, …).");
    default:
        return {};
    }
    if (whole)
        tip += tr("\nWhole comparison: the median over the lane's answered turns.");
    tip += tr("\nBold: the best value (failed answers are not ranked; equal values are all best).");
    return tip;
}

void ScoreboardModel::setScoreboard(const Scoreboard &board)
{
    if (board.rows.size() != m_board.rows.size()) {
        beginResetModel();
        m_board = board;
        endResetModel();
        return;
    }
    const bool headersChanged = board.turnKey != m_board.turnKey;
    m_board = board;
    if (!m_board.rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    if (headersChanged)
        Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void ScoreboardModel::setHighlight(const QColor &colour)
{
    m_highlight = colour;
    if (!m_board.rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1), {Qt::BackgroundRole});
}

} // namespace versus::ui
