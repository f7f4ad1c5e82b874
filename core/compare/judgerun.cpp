// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/judgerun.h"

#include "compare/reviewprompts.h"

namespace versus {

JudgeRun::JudgeRun(qint64 turnKey, const Target &judge, const QString &rubric,
                   const QList<std::pair<ComparisonLane *, QString>> &answers, QObject *parent)
    : QObject(parent)
    , m_turnKey(turnKey)
    , m_judge(judge)
    , m_rubric(rubric)
{
    for (const auto &[lane, label] : answers)
        m_answers.append({QPointer<ComparisonLane>(lane), label});
}

QHash<const ComparisonLane *, JudgeScore> JudgeRun::scores() const
{
    QHash<const ComparisonLane *, JudgeScore> scores;
    for (const auto &[lane, score] : m_scores) {
        if (lane)
            scores.insert(lane.data(), score);
    }
    return scores;
}

void JudgeRun::start(Engine &engine, LaneRunSpec spec)
{
    spec.target = m_judge;
    spec.answerId = 0;
    auto *run = new LaneRun(engine, std::move(spec), this);
    m_run = run;
    connect(run, &LaneRun::finished, this, &JudgeRun::onRunFinished);
    run->start();
}

void JudgeRun::cancel()
{
    if (m_run)
        m_run->cancel();
}

void JudgeRun::onRunFinished()
{
    LaneRun *run = m_run;
    if (!run)
        return;
    m_result = run->result();
    m_run = nullptr;
    run->deleteLater();
    const ChatResult &chat = m_result.chat;
    if (chat.status != ResultStatus::Ok) {
        m_error = chat.error.value_or(
            ChatError::make(chat.status == ResultStatus::Cancelled ? ErrorKind::Cancelled : ErrorKind::Stream,
                            tr("The judge's answer was cut short before it gave its scores.")));
    } else {
        QStringList labels;
        for (const auto &answer : std::as_const(m_answers))
            labels << answer.second;
        const auto parsed = parseJudgeReply(chat.text, labels);
        if (!parsed) {
            m_error = ChatError::make(ErrorKind::Stream, parsed.error().message());
        } else {
            const QDateTime now = QDateTime::currentDateTimeUtc();
            for (int i = 0; i < parsed->size(); ++i) {
                const JudgeReplyScore &reply = parsed->at(i);
                JudgeScore score;
                score.score = reply.score;
                score.reason = reply.reason;
                score.judge = m_judge.toString();
                score.judgedAt = now;
                m_scores.append({m_answers.at(i).first, score});
            }
        }
    }
    m_finished = true;
    Q_EMIT finished();
}

} // namespace versus
