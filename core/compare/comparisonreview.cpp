// SPDX-License-Identifier: GPL-3.0-or-later
// Comparison: merging a turn's answers, judging them, and continuing every lane from one
// lane's answer — each kept with the turn in the history and read back by open().
#include "compare/comparison.h"
#include "engine/engine.h"
#include "history/historystore.h"

namespace versus {

namespace {

/// Whether the catalog says @p target can be held to a response schema.
bool supportsStructuredOutput(const ProviderRegistry &registry, const Target &target)
{
    const Provider *provider = registry.find(target.provider);
    if (!provider)
        return false;
    const ProviderInfo &info = provider->info();
    const ModelInfo *model = info.findModel(target.model);
    const std::optional<bool> structured =
        model ? enforcedCapabilities(info, *model).structuredOutput : info.capabilities.structuredOutput;
    return structured == true;
}

} // namespace

QList<std::pair<ComparisonLane *, QString>> Comparison::reviewedAnswers(qint64 turnKey,
                                                                        QList<LabelledAnswer> *answers) const
{
    const std::optional<ComparisonTurn> turn = this->turn(turnKey);
    if (!turn)
        return {};
    QList<std::pair<ComparisonLane *, QString>> lanes;
    QList<LabelledAnswer> labelled;
    for (ComparisonLane *lane : displayOrder()) { // letters in the order views show them
        const int row = turn->rowOf(lane);
        if (row < 0)
            continue;
        const LaneTurn &laneTurn = lane->conversation()->turn(row);
        if (laneTurn.state == history::AnswerState::Streaming)
            return {};
        if (laneTurn.result.chat.text.trimmed().isEmpty())
            continue;
        const QString label = laneLabel(lane);
        lanes.append({lane, label});
        labelled.append(LabelledAnswer{label, laneTurn.result.chat.text});
    }
    if (answers)
        *answers = labelled;
    return lanes;
}

MergeRun *Comparison::merge(qint64 turnKey, const Target &target, const QString &instruction)
{
    QList<LabelledAnswer> answers;
    if (reviewedAnswers(turnKey, &answers).isEmpty())
        return nullptr;
    const ComparisonTurn turn = *this->turn(turnKey);
    const QString asked = instruction.trimmed().isEmpty() ? defaultMergeInstruction() : instruction.trimmed();
    auto *run = new MergeRun(turnKey, target, asked, turn.prompt, this);
    m_merges.append(run);
    connect(run, &MergeRun::historyFailed, this, &Comparison::historyFailed);
    connect(run, &MergeRun::finished, this, [this, run] {
        addAnswerCost(m_sessionCost, run->result());
        addAnswerCost(m_reviewCost, run->result());
        Q_EMIT mergeFinished(run);
    });
    LaneRunSpec spec;
    spec.target = target;
    spec.messages = mergeMessages(turn.prompt, answers, asked);
    spec.baseUrl = m_baseUrl;
    Q_EMIT mergeStarted(run);
    const bool saving = isSaving() && turn.turnId;
    run->start(m_engine, std::move(spec), saving ? turn.turnId : 0, saving ? m_engine.history() : nullptr);
    return run;
}

QList<MergeRun *> Comparison::merges(qint64 turnKey) const
{
    QList<MergeRun *> list;
    for (MergeRun *run : m_merges) {
        if (!turnKey || run->turnKey() == turnKey)
            list << run;
    }
    return list;
}

JudgeRun *Comparison::judge(qint64 turnKey, const Target &judgeTarget, const QString &rubric)
{
    QList<LabelledAnswer> answers;
    const QList<std::pair<ComparisonLane *, QString>> lanes = reviewedAnswers(turnKey, &answers);
    if (lanes.isEmpty())
        return nullptr;
    const ComparisonTurn turn = *this->turn(turnKey);
    const QString asked = rubric.trimmed().isEmpty() ? defaultJudgeRubric() : rubric.trimmed();
    auto *run = new JudgeRun(turnKey, judgeTarget, asked, lanes, this);
    m_judges.append(run);
    connect(run, &JudgeRun::finished, this, [this, run] {
        addAnswerCost(m_sessionCost, run->result());
        addAnswerCost(m_reviewCost, run->result());
        const QHash<const ComparisonLane *, JudgeScore> scores = run->scores();
        if (!scores.isEmpty()) {
            setJudgeScores(run->turnKey(), scores);
            const std::optional<ComparisonTurn> judged = this->turn(run->turnKey());
            if (isSaving() && judged && judged->turnId) {
                QList<history::JudgementRecord> records;
                for (auto it = scores.cbegin(); it != scores.cend(); ++it) {
                    if (!it.key()->historyId())
                        continue;
                    history::JudgementRecord record;
                    record.turnId = judged->turnId;
                    record.laneId = it.key()->historyId();
                    record.judge = it->judge;
                    record.score = it->score;
                    record.reason = it->reason;
                    record.rubric = run->rubric();
                    record.createdAt = it->judgedAt;
                    records << record;
                }
                if (auto saved = m_engine.history()->replaceJudgements(judged->turnId, records); !saved)
                    Q_EMIT historyFailed(saved.error());
            }
        }
        Q_EMIT judgeFinished(run);
    });
    LaneRunSpec spec;
    spec.target = judgeTarget;
    spec.messages = judgeMessages(turn.prompt, answers, asked);
    spec.baseUrl = m_baseUrl;
    if (supportsStructuredOutput(m_engine.registry(), judgeTarget)) {
        QStringList labels;
        for (const LabelledAnswer &answer : std::as_const(answers))
            labels << answer.label;
        spec.config.responseSchema = judgeResponseSchema(labels);
    }
    Q_EMIT judgeStarted(run);
    run->start(m_engine, std::move(spec));
    return run;
}

bool Comparison::continueWith(qint64 turnKey, ComparisonLane *lane)
{
    const std::optional<ComparisonTurn> turn = this->turn(turnKey);
    if (!turn)
        return false;
    if (lane) {
        const int row = turn->rowOf(lane);
        if (row < 0 || lane->conversation()->turn(row).result.chat.text.isEmpty())
            return false;
        if (m_continuedFrom.value(turnKey) == lane)
            return true;
        m_continuedFrom.insert(turnKey, lane);
    } else if (!m_continuedFrom.remove(turnKey)) {
        return true; // kept separate already
    }
    if (history::HistoryStore *store = m_engine.history(); store && isSaving() && turn->turnId) {
        if (auto saved = store->setContinuedLane(turn->turnId, lane ? lane->historyId() : 0); !saved)
            Q_EMIT historyFailed(saved.error());
    }
    Q_EMIT continuationChanged(turnKey);
    return true;
}

ComparisonLane *Comparison::continuedFrom(qint64 turnKey) const
{
    return m_continuedFrom.value(turnKey).data();
}

QList<ChatMessage> Comparison::contextMessages(const ComparisonLane *lane, int row) const
{
    const LaneConversation *conversation = lane->conversation();
    if (m_continuedFrom.isEmpty())
        return conversation->requestMessages(row);
    const qint64 before = conversation->turn(row).sentAt.toMSecsSinceEpoch();
    QList<ChatMessage> messages;
    for (const ComparisonTurn &turn : turns()) {
        if (turn.key >= before)
            break;
        const int own = turn.rowOf(lane);
        const ComparisonLane *chosen = m_continuedFrom.value(turn.key).data();
        const int chosenRow = chosen ? turn.rowOf(chosen) : -1;
        if (chosenRow >= 0 && chosen != lane) {
            const LaneTurn &source = chosen->conversation()->turn(chosenRow);
            if (source.state != history::AnswerState::Streaming && !source.result.chat.text.isEmpty()) {
                // The prompt as this lane was sent it; a lane that was not sent the turn gets its
                // words without images (it may have been skipped for not seeing them).
                messages << (own >= 0
                                 ? ChatMessage::user(conversation->turn(own).prompt, conversation->turn(own).images)
                                 : ChatMessage::user(source.prompt));
                // Another model's answer: its thinking is not this model's to send back.
                messages << ChatMessage::assistant(source.result.chat.text);
                continue;
            }
        }
        if (own < 0)
            continue;
        const LaneTurn &mine = conversation->turn(own);
        if (mine.state == history::AnswerState::Streaming || mine.result.chat.text.isEmpty())
            continue;
        messages << ChatMessage::user(mine.prompt, mine.images)
                 << ChatMessage::assistant(mine.result.chat.text, mine.result.chat.reasoning);
    }
    return messages;
}

void Comparison::loadReviews(const history::ConversationRecord &record)
{
    history::HistoryStore *store = m_engine.history();
    if (!store)
        return;
    QHash<qint64, qint64> keyOfTurn;
    QHash<qint64, QString> promptOfTurn;
    for (const history::TurnRecord &turn : record.turns) {
        keyOfTurn.insert(turn.id, turn.createdAt.toMSecsSinceEpoch());
        promptOfTurn.insert(turn.id, turn.prompt);
    }
    QHash<qint64, ComparisonLane *> laneOfId;
    for (ComparisonLane *lane : std::as_const(m_lanes))
        laneOfId.insert(lane->historyId(), lane);

    if (auto continued = store->continuedLanes(record.id)) {
        for (auto it = continued->cbegin(); it != continued->cend(); ++it) {
            ComparisonLane *lane = laneOfId.value(it.value());
            if (lane && keyOfTurn.contains(it.key()))
                m_continuedFrom.insert(keyOfTurn.value(it.key()), lane);
        }
    } else {
        Q_EMIT historyFailed(continued.error());
    }
    if (auto judgements = store->judgements(record.id)) {
        for (const history::JudgementRecord &judgement : std::as_const(*judgements)) {
            ComparisonLane *lane = laneOfId.value(judgement.laneId);
            if (!lane || !keyOfTurn.contains(judgement.turnId))
                continue;
            JudgeScore score;
            score.score = judgement.score;
            score.reason = judgement.reason;
            score.judge = judgement.judge;
            score.judgedAt = judgement.createdAt;
            m_judgeScores[keyOfTurn.value(judgement.turnId)].insert(lane, score);
        }
    } else {
        Q_EMIT historyFailed(judgements.error());
    }
    if (auto merges = store->merges(record.id)) {
        for (const history::MergeRecord &stored : std::as_const(*merges)) {
            if (!keyOfTurn.contains(stored.turnId))
                continue;
            auto *run = new MergeRun(keyOfTurn.value(stored.turnId), Target::parse(stored.target).value_or(Target{}),
                                     stored.instruction, promptOfTurn.value(stored.turnId), this);
            run->restore(stored);
            addAnswerCost(m_reviewCost, run->result());
            m_merges.append(run);
        }
    } else {
        Q_EMIT historyFailed(merges.error());
    }
}

void Comparison::dropReviews()
{
    for (MergeRun *run : std::as_const(m_merges)) {
        run->disconnect(this);
        if (run->isRunning()) {
            // Stopped; what it cost so far still counts in the session.
            connect(run, &MergeRun::finished, this, [this, run] {
                addAnswerCost(m_sessionCost, run->result());
                run->deleteLater();
            });
            run->cancel();
        } else {
            run->deleteLater();
        }
    }
    for (JudgeRun *run : std::as_const(m_judges)) {
        run->disconnect(this);
        if (run->isRunning()) {
            connect(run, &JudgeRun::finished, this, [this, run] {
                addAnswerCost(m_sessionCost, run->result());
                run->deleteLater();
            });
            run->cancel();
        } else {
            run->deleteLater();
        }
    }
    m_merges.clear();
    m_judges.clear();
    m_continuedFrom.clear();
    m_reviewCost = CostTotals();
}

} // namespace versus
