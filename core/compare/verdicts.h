// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QPointer>
#include <QString>

#include <optional>

namespace versus {

class ComparisonLane;

/// The user's verdict on one turn of a comparison: the best answer, a tie, or "all bad".
struct Vote {
    enum class Kind { Best, Tie, AllBad };
    Kind kind = Kind::Best;
    QPointer<ComparisonLane> best; ///< the preferred lane (Kind::Best); null otherwise
    bool blind = false;            ///< cast while provider and model names were hidden
    QDateTime castAt;              ///< UTC
};

/// A judge model's score of one lane's answer to one turn (shown beside the user's vote,
/// never instead of it).
struct JudgeScore {
    double score = 0;   ///< on the rubric's scale (1–10 unless the rubric says otherwise)
    QString reason;     ///< the judge's words
    QString judge;      ///< provider:model of the judge
    QDateTime judgedAt; ///< UTC
    friend bool operator==(const JudgeScore &, const JudgeScore &) = default;
};

} // namespace versus
