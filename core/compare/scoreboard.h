// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"

#include <QList>
#include <QString>

#include <array>
#include <optional>

namespace versus {

class Comparison;
class ComparisonLane;

/// The ranked columns of a scoreboard, and the informative ones beside them.
enum class ScoreColumn {
    Ttft,         ///< ms, lower is better
    Ttfat,        ///< ms, lower is better
    TokensPerS,   ///< decode speed, higher is better
    E2e,          ///< ms, lower is better
    Cost,         ///< micro-USD, lower is better
    InvalidCalls, ///< tool calls that were not valid JSON or broke the schema, lower is better
    Votes,        ///< the user's votes for the lane, higher is better
    JudgeScore,   ///< a judge model's score, higher is better
};

inline constexpr std::array kRankedScoreColumns{
    ScoreColumn::Ttft, ScoreColumn::Ttfat,        ScoreColumn::TokensPerS, ScoreColumn::E2e,
    ScoreColumn::Cost, ScoreColumn::InvalidCalls, ScoreColumn::Votes,      ScoreColumn::JudgeScore,
};

enum class Better { Lower, Higher };

/// Which way @p column ranks.
Better betterOf(ScoreColumn column);
/// Decimals a column is shown (and compared) with: ms and micro-USD as whole numbers, speed and
/// judge scores with one decimal.
int decimalsOf(ScoreColumn column);

/// One row's value in a ranked column.
struct ScoreCandidate {
    std::optional<double> value;
    bool estimated = false; ///< shown with "~"; ranks like an exact value
    bool failed = false;    ///< the row's answer failed: never a best value
    friend bool operator==(const ScoreCandidate &, const ScoreCandidate &) = default;
};

/// The best values of one column, true for each row that holds one. Rows that failed or have no
/// value are not candidates; nothing is best unless at least two candidates have a value; values
/// equal once rounded to @p decimals are tied, and all of them are best. An estimated value is
/// compared by its number like an exact one and may be best (it keeps its "~"): the scoreboard
/// shows what was measured, and hiding a lane's best figure because the provider reported no
/// usage would rank the provider's reporting, not its answer.
QList<bool> bestValues(const QList<ScoreCandidate> &column, Better better, int decimals);

/// Where a lane's answer (or, for the whole comparison, its answers) stands.
enum class ScoreStatus { Ok, Error, Cancelled, Truncated, Streaming, NotSent };
QString scoreStatusName(ScoreStatus status); ///< "ok", "error", … as in the lane result's "status"

/// One lane's line of a scoreboard.
struct ScoreboardRow {
    const ComparisonLane *lane = nullptr;
    QString name; ///< Comparison::displayName(): "Lane A" while names are hidden
    ScoreStatus status = ScoreStatus::NotSent;
    std::optional<ErrorKind> errorKind; ///< of the (last) failed answer
    QString errorMessage;               ///< the provider's words
    int turns = 0;                      ///< turns the lane was sent (1 or 0 for a single turn)
    int answered = 0;                   ///< of them, answers that did not fail
    int errors = 0;                     ///< of them, failed answers

    std::optional<double> ttftMs; ///< whole comparison: medians over the answered turns
    std::optional<double> ttfatMs;
    std::optional<double> tokensPerS;
    std::optional<double> e2eMs;
    bool speedEstimated = false; ///< completion tokens (and so tokens/s) were estimated

    std::optional<qint64> promptTokens; ///< whole comparison: sums
    std::optional<qint64> completionTokens;
    std::optional<qint64> reasoningTokens;
    std::optional<qint64> cachedTokens;
    bool tokensEstimated = false;

    std::optional<qint64> costMicroUsd; ///< nothing when unpriced or nothing was billed
    bool costEstimated = false;
    bool unpriced = false; ///< the catalog has no price for an answer the lane gave

    std::optional<QString> finishReason; ///< a single turn's; the whole comparison has none
    int toolCalls = 0;
    int invalidCalls = 0;

    std::optional<int> votes;         ///< nothing when no "best" vote was cast
    std::optional<double> judgeScore; ///< whole comparison: mean over judged turns
    QString judgeReason;              ///< a single turn's
    QString judge;

    QList<ScoreColumn> best; ///< the columns in which this row holds a best value

    /// The row's candidate for @p column (for bestValues()).
    ScoreCandidate candidate(ScoreColumn column) const;
    bool isBest(ScoreColumn column) const { return best.contains(column); }
    friend bool operator==(const ScoreboardRow &, const ScoreboardRow &) = default;
};

/// The figures of every lane for one turn, or for the whole comparison, best values marked.
struct Scoreboard {
    qint64 turnKey = 0;        ///< 0: the whole comparison
    int turns = 0;             ///< turns counted
    QList<ScoreboardRow> rows; ///< in Comparison::displayOrder()
    friend bool operator==(const Scoreboard &, const Scoreboard &) = default;
};

/// Marks each row's best values (ScoreboardRow::best) with bestValues().
void rankScoreboard(Scoreboard &board);

/// The scoreboard of the turn with @p turnKey (ComparisonTurn::key). Lanes not sent the turn
/// are "not sent".
Scoreboard scoreboardForTurn(const Comparison &comparison, qint64 turnKey);
/// The scoreboard of every turn: medians of per-turn times and speeds over each lane's answered
/// turns, sums of tokens and cost, counts of errors, turns won, mean judge score.
Scoreboard scoreboardForComparison(const Comparison &comparison);

} // namespace versus
