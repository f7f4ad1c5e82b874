// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/scoreboard.h"

#include "compare/comparison.h"
#include "metrics/percentile.h"
#include "tools/tooltrace.h"

#include <QJsonDocument>
#include <QJsonParseError>

#include <cmath>

namespace versus {

Better betterOf(ScoreColumn column)
{
    switch (column) {
    case ScoreColumn::TokensPerS:
    case ScoreColumn::Votes:
    case ScoreColumn::JudgeScore:
        return Better::Higher;
    case ScoreColumn::Ttft:
    case ScoreColumn::Ttfat:
    case ScoreColumn::E2e:
    case ScoreColumn::Cost:
    case ScoreColumn::InvalidCalls:
        break;
    }
    return Better::Lower;
}

int decimalsOf(ScoreColumn column)
{
    return column == ScoreColumn::TokensPerS || column == ScoreColumn::JudgeScore ? 1 : 0;
}

QList<bool> bestValues(const QList<ScoreCandidate> &column, Better better, int decimals)
{
    QList<bool> best(column.size(), false);
    // Compared as shown: values that print the same are the same.
    const double scale = std::pow(10.0, decimals);
    QList<std::optional<qint64>> shown(column.size());
    int candidates = 0;
    std::optional<qint64> extreme;
    for (qsizetype i = 0; i < column.size(); ++i) {
        const ScoreCandidate &cell = column.at(i);
        if (cell.failed || !cell.value || !std::isfinite(*cell.value))
            continue;
        const qint64 value = std::llround(*cell.value * scale);
        shown[i] = value;
        ++candidates;
        if (!extreme || (better == Better::Lower ? value < *extreme : value > *extreme))
            extreme = value;
    }
    if (candidates < 2)
        return best;
    for (qsizetype i = 0; i < column.size(); ++i)
        best[i] = shown.at(i) && *shown.at(i) == *extreme;
    return best;
}

QString scoreStatusName(ScoreStatus status)
{
    switch (status) {
    case ScoreStatus::Ok:
        return QStringLiteral("ok");
    case ScoreStatus::Error:
        return QStringLiteral("error");
    case ScoreStatus::Cancelled:
        return QStringLiteral("cancelled");
    case ScoreStatus::Truncated:
        return QStringLiteral("truncated");
    case ScoreStatus::Streaming:
        return QStringLiteral("streaming");
    case ScoreStatus::NotSent:
        break;
    }
    return QStringLiteral("not_sent");
}

ScoreCandidate ScoreboardRow::candidate(ScoreColumn column) const
{
    // A failed or stopped answer's figures are not its own (a stop ends it early): never best.
    ScoreCandidate cell;
    cell.failed = status == ScoreStatus::Error || status == ScoreStatus::Cancelled;
    switch (column) {
    case ScoreColumn::Ttft:
        cell.value = ttftMs;
        break;
    case ScoreColumn::Ttfat:
        cell.value = ttfatMs;
        break;
    case ScoreColumn::TokensPerS:
        cell.value = tokensPerS;
        cell.estimated = speedEstimated;
        break;
    case ScoreColumn::E2e:
        cell.value = e2eMs;
        break;
    case ScoreColumn::Cost:
        if (costMicroUsd)
            cell.value = double(*costMicroUsd);
        cell.estimated = costEstimated;
        break;
    case ScoreColumn::InvalidCalls:
        // Ranked among the lanes that called tools: no call is no evidence.
        if (toolCalls > 0)
            cell.value = invalidCalls;
        break;
    case ScoreColumn::Votes:
        if (votes)
            cell.value = *votes;
        cell.failed = false; // the user's verdict stands whatever the answer's status
        break;
    case ScoreColumn::JudgeScore:
        cell.value = judgeScore;
        cell.failed = false;
        break;
    }
    return cell;
}

void rankScoreboard(Scoreboard &board)
{
    for (ScoreboardRow &row : board.rows)
        row.best.clear();
    for (const ScoreColumn column : kRankedScoreColumns) {
        QList<ScoreCandidate> cells;
        for (const ScoreboardRow &row : std::as_const(board.rows))
            cells << row.candidate(column);
        const QList<bool> best = bestValues(cells, betterOf(column), decimalsOf(column));
        for (qsizetype i = 0; i < best.size(); ++i) {
            if (best.at(i))
                board.rows[i].best << column;
        }
    }
}

namespace {

ScoreStatus statusOf(const LaneTurn &turn)
{
    switch (turn.state) {
    case history::AnswerState::Streaming:
        return ScoreStatus::Streaming;
    case history::AnswerState::Complete:
        return ScoreStatus::Ok;
    case history::AnswerState::Error:
        return ScoreStatus::Error;
    case history::AnswerState::Truncated:
        return ScoreStatus::Truncated;
    case history::AnswerState::Cancelled:
    case history::AnswerState::Interrupted:
        break;
    }
    return ScoreStatus::Cancelled;
}

bool isValidJsonObject(const QString &text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toUtf8(), &error);
    return error.error == QJsonParseError::NoError && document.isObject();
}

/// Tool calls of an answer, and the invalid ones: the tool loop's checks when it ran, else the
/// calls as streamed (invalid when the arguments are not a JSON object).
std::pair<int, int> toolCallCounts(const LaneResult &result)
{
    if (!result.toolRounds.isEmpty()) {
        const tools::ToolStats stats = tools::toolStats(result.toolRounds);
        return {stats.calls, stats.invalidCalls};
    }
    int invalid = 0;
    for (const ToolCall &call : result.chat.toolCalls) {
        if (!isValidJsonObject(call.arguments))
            ++invalid;
    }
    return {int(result.chat.toolCalls.size()), invalid};
}

void addCount(std::optional<qint64> &sum, const std::optional<qint64> &value)
{
    if (value)
        sum = sum.value_or(0) + *value;
}

/// While blind mode hides the names, a provider's own error words (which often name the model)
/// are left out; the error kind stays.
void hideProviderWords(const Comparison &comparison, Scoreboard &board)
{
    if (!comparison.namesHidden())
        return;
    for (ScoreboardRow &row : board.rows)
        row.errorMessage.clear();
}

/// One lane's row for one of its turns (figures only once the answer has ended).
ScoreboardRow rowForTurn(const LaneTurn &turn)
{
    ScoreboardRow row;
    row.status = statusOf(turn);
    row.turns = 1;
    if (row.status == ScoreStatus::Streaming)
        return row;
    const LaneResult &result = turn.result;
    if (row.status == ScoreStatus::Error) {
        row.errors = 1;
        if (result.chat.error) {
            row.errorKind = result.chat.error->kind;
            row.errorMessage = result.chat.error->message;
        }
    } else if (row.status != ScoreStatus::Cancelled) {
        row.answered = 1;
    }
    const StreamMetrics &metrics = result.metrics;
    row.ttftMs = metrics.ttftMs;
    row.ttfatMs = metrics.ttfatMs;
    row.tokensPerS = metrics.outputTokensPerS;
    row.e2eMs = metrics.e2eMs;
    row.speedEstimated = metrics.estimated && metrics.outputTokensPerS.has_value();
    const Usage &usage = result.chat.usage;
    row.promptTokens = usage.promptTokens;
    row.completionTokens = usage.completionTokens;
    row.reasoningTokens = usage.reasoningTokens;
    row.cachedTokens = usage.cachedPromptTokens;
    row.tokensEstimated = usage.estimated && !usage.isEmpty();
    if (result.cost) {
        row.costMicroUsd = result.cost->totalMicroUsd;
        row.costEstimated = result.cost->estimated;
    }
    row.unpriced = !result.priced && !usage.isEmpty();
    row.finishReason = result.chat.finishReason;
    std::tie(row.toolCalls, row.invalidCalls) = toolCallCounts(result);
    return row;
}

std::optional<double> median(const QList<double> &values)
{
    return percentile(values, 0.5);
}

} // namespace

Scoreboard scoreboardForTurn(const Comparison &comparison, qint64 turnKey)
{
    Scoreboard board;
    board.turnKey = turnKey;
    const std::optional<ComparisonTurn> turn = comparison.turn(turnKey);
    board.turns = turn ? 1 : 0;
    const std::optional<Vote> vote = comparison.vote(turnKey);
    const bool bestVote = vote && vote->kind == Vote::Kind::Best;
    const QHash<const ComparisonLane *, JudgeScore> scores = comparison.judgeScores(turnKey);
    for (const ComparisonLane *lane : comparison.displayOrder()) {
        const int laneRow = turn ? turn->rowOf(lane) : -1;
        ScoreboardRow row;
        if (laneRow >= 0) {
            row = rowForTurn(lane->conversation()->turn(laneRow));
            if (bestVote)
                row.votes = vote->best == lane ? 1 : 0;
            if (const auto it = scores.constFind(lane); it != scores.cend()) {
                row.judgeScore = it->score;
                row.judgeReason = it->reason;
                row.judge = it->judge;
            }
        }
        row.lane = lane;
        row.name = comparison.displayName(lane);
        board.rows << row;
    }
    hideProviderWords(comparison, board);
    rankScoreboard(board);
    return board;
}

Scoreboard scoreboardForComparison(const Comparison &comparison)
{
    Scoreboard board;
    const QList<ComparisonTurn> turns = comparison.turns();
    board.turns = int(turns.size());
    bool anyBestVote = false;
    for (const ComparisonTurn &turn : turns) {
        const std::optional<Vote> vote = comparison.vote(turn.key);
        anyBestVote = anyBestVote || (vote && vote->kind == Vote::Kind::Best);
    }
    for (const ComparisonLane *lane : comparison.displayOrder()) {
        ScoreboardRow row;
        row.lane = lane;
        row.name = comparison.displayName(lane);
        QList<double> ttft, ttfat, speed, e2e;
        QList<double> judged;
        int won = 0;
        int cancelled = 0;
        bool streaming = false;
        for (const ComparisonTurn &turn : turns) {
            const int laneRow = turn.rowOf(lane);
            if (laneRow < 0)
                continue;
            const ScoreboardRow one = rowForTurn(lane->conversation()->turn(laneRow));
            ++row.turns;
            streaming = streaming || one.status == ScoreStatus::Streaming;
            cancelled += one.status == ScoreStatus::Cancelled ? 1 : 0;
            row.errors += one.errors;
            row.answered += one.answered;
            if (one.errors) {
                row.errorKind = one.errorKind;
                row.errorMessage = one.errorMessage;
            }
            if (one.answered) {
                if (one.ttftMs)
                    ttft << *one.ttftMs;
                if (one.ttfatMs)
                    ttfat << *one.ttfatMs;
                if (one.tokensPerS) {
                    speed << *one.tokensPerS;
                    row.speedEstimated = row.speedEstimated || one.speedEstimated;
                }
                if (one.e2eMs)
                    e2e << *one.e2eMs;
            }
            addCount(row.promptTokens, one.promptTokens);
            addCount(row.completionTokens, one.completionTokens);
            addCount(row.reasoningTokens, one.reasoningTokens);
            addCount(row.cachedTokens, one.cachedTokens);
            row.tokensEstimated = row.tokensEstimated || one.tokensEstimated;
            addCount(row.costMicroUsd, one.costMicroUsd);
            row.costEstimated = row.costEstimated || (one.costMicroUsd && one.costEstimated);
            row.unpriced = row.unpriced || one.unpriced;
            row.toolCalls += one.toolCalls;
            row.invalidCalls += one.invalidCalls;
            if (const std::optional<Vote> vote = comparison.vote(turn.key);
                vote && vote->kind == Vote::Kind::Best && vote->best == lane)
                ++won;
            const QHash<const ComparisonLane *, JudgeScore> scores = comparison.judgeScores(turn.key);
            if (const auto it = scores.constFind(lane); it != scores.cend()) {
                judged << it->score;
                row.judge = it->judge;
            }
        }
        row.ttftMs = median(ttft);
        row.ttfatMs = median(ttfat);
        row.tokensPerS = median(speed);
        row.e2eMs = median(e2e);
        if (anyBestVote)
            row.votes = won;
        if (!judged.isEmpty()) {
            double sum = 0;
            for (const double score : std::as_const(judged))
                sum += score;
            row.judgeScore = sum / double(judged.size());
        }
        if (streaming)
            row.status = ScoreStatus::Streaming;
        else if (row.turns == 0)
            row.status = ScoreStatus::NotSent;
        else if (row.answered > 0)
            row.status = ScoreStatus::Ok;
        else if (row.errors > 0)
            row.status = ScoreStatus::Error;
        else
            row.status = cancelled > 0 ? ScoreStatus::Cancelled : ScoreStatus::Ok;
        board.rows << row;
    }
    hideProviderWords(comparison, board);
    rankScoreboard(board);
    return board;
}

} // namespace versus
