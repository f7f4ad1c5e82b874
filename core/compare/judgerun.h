// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/comparisonlane.h"
#include "compare/lanerun.h"
#include "compare/verdicts.h"

#include <QHash>
#include <QObject>
#include <QPointer>

#include <optional>

namespace versus {

/// A judge model scoring a turn's answers against a rubric: sent the prompt and every lane's
/// answer by letter (reviewprompts.h) through a LaneRun, with the reply's JSON schema as the
/// response schema where the model supports structured output. Its reply is read leniently and
/// checked strictly (parseJudgeReply()): either every answer has its score, or error() says
/// why and there are no scores at all. finished() fires once.
class JudgeRun : public QObject {
    Q_OBJECT
public:
    /// @p answers: each lane the judge is shown, with its letter.
    JudgeRun(qint64 turnKey, const Target &judge, const QString &rubric,
             const QList<std::pair<ComparisonLane *, QString>> &answers, QObject *parent = nullptr);

    qint64 turnKey() const { return m_turnKey; }
    const Target &judge() const { return m_judge; }
    QString rubric() const { return m_rubric; }
    bool isRunning() const { return m_run && !m_run->isFinished(); }
    bool isFinished() const { return m_finished; }
    /// The request while it runs; null before and after.
    LaneRun *run() const { return m_run; }
    /// The judge model's reply (text, metrics, cost); empty before it finishes.
    const LaneResult &result() const { return m_result; }
    /// Why there are no scores: the request failed (the provider's error) or the reply is not
    /// usable (a Stream error saying what is wrong with it). Nothing while running or on success.
    const std::optional<ChatError> &error() const { return m_error; }
    /// Each answer's score once the judge finished well; empty otherwise.
    QHash<const ComparisonLane *, JudgeScore> scores() const;

    void start(Engine &engine, LaneRunSpec spec);
    void cancel();

Q_SIGNALS:
    void finished();

private:
    void onRunFinished();

    qint64 m_turnKey = 0;
    Target m_judge;
    QString m_rubric;
    QList<std::pair<QPointer<ComparisonLane>, QString>> m_answers;
    QPointer<LaneRun> m_run;
    LaneResult m_result;
    std::optional<ChatError> m_error;
    QList<std::pair<QPointer<ComparisonLane>, JudgeScore>> m_scores;
    bool m_finished = false;
};

} // namespace versus
