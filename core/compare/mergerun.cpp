// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/mergerun.h"

#include "compare/answercodec.h"
#include "history/historystore.h"

using namespace Qt::StringLiterals;

namespace versus {

QJsonObject mergeResultToJson(const LaneResult &result, history::AnswerState state)
{
    const history::AnswerRecord answer = answerRecordFor(result, state);
    QJsonObject json{{u"text"_s, answer.text}};
    auto put = [&json](const QString &name, const QJsonObject &value) {
        if (!value.isEmpty())
            json.insert(name, value);
    };
    if (!answer.reasoning.isEmpty())
        json.insert(u"reasoning"_s, answer.reasoning);
    if (!answer.finishReason.isEmpty())
        json.insert(u"finish_reason"_s, answer.finishReason);
    put(u"usage"_s, answer.usage);
    put(u"metrics"_s, answer.metrics);
    put(u"cost"_s, answer.cost);
    put(u"error"_s, answer.error);
    if (result.sentAt.isValid())
        json.insert(u"sent_at"_s, result.sentAt.toString(Qt::ISODateWithMs));
    return json;
}

LaneResult mergeResultFromJson(const QJsonObject &json, const Target &target, history::AnswerState state)
{
    history::AnswerRecord answer;
    answer.state = state;
    answer.text = json.value(u"text").toString();
    answer.reasoning = json.value(u"reasoning").toString();
    answer.finishReason = json.value(u"finish_reason").toString();
    answer.usage = json.value(u"usage").toObject();
    answer.metrics = json.value(u"metrics").toObject();
    answer.cost = json.value(u"cost").toObject();
    answer.error = json.value(u"error").toObject();
    answer.startedAt = QDateTime::fromString(json.value(u"sent_at").toString(), Qt::ISODateWithMs);
    history::LaneRecord lane;
    lane.provider = target.provider;
    lane.model = target.model;
    return laneResultFromRecord(answer, lane);
}

MergeRun::MergeRun(qint64 turnKey, const Target &target, const QString &instruction, const QString &prompt,
                   QObject *parent)
    : QObject(parent)
    , m_turnKey(turnKey)
    , m_target(target)
    , m_instruction(instruction)
    , m_conversation(new LaneConversation(this))
{
    LaneTurn turn;
    turn.prompt = prompt;
    turn.sentAt = QDateTime::currentDateTimeUtc();
    turn.result.target = m_target.toString();
    turn.result.provider = m_target.provider;
    turn.result.model = m_target.model;
    m_conversation->appendTurn(turn);
}

void MergeRun::start(Engine &engine, LaneRunSpec spec, qint64 turnId, history::HistoryStore *store)
{
    const LaneTurn &turn = m_conversation->turn(0);
    if (store && turnId) {
        history::MergeRecord record;
        record.turnId = turnId;
        record.target = m_target.toString();
        record.instruction = m_instruction;
        record.createdAt = turn.sentAt;
        if (auto added = store->addMerge(record)) {
            m_store = store;
            m_historyId = added->id;
        } else {
            Q_EMIT historyFailed(added.error());
        }
    }

    spec.target = m_target;
    spec.answerId = 0; // the merge is saved here, not as a lane's answer
    auto *run = new LaneRun(engine, std::move(spec), this);
    m_run = run;
    connect(run, &LaneRun::deltaReceived, this, [this](const ChatDelta &delta) {
        m_conversation->appendDelta(0, delta);
        Q_EMIT deltaReceived(delta);
    });
    connect(run, &LaneRun::finished, this, &MergeRun::onRunFinished);
    run->start();
}

void MergeRun::restore(const history::MergeRecord &record)
{
    const history::AnswerState state =
        record.state == history::AnswerState::Streaming ? history::AnswerState::Interrupted : record.state;
    LaneTurn turn;
    turn.turnId = record.turnId;
    turn.prompt = m_conversation->turn(0).prompt;
    turn.sentAt = record.createdAt;
    turn.state = state;
    turn.result = mergeResultFromJson(record.result, m_target, state);
    m_conversation->setTurns({turn});
    m_historyId = record.id;
}

void MergeRun::cancel()
{
    if (m_run)
        m_run->cancel();
}

void MergeRun::onRunFinished()
{
    LaneRun *run = m_run;
    if (!run)
        return;
    const LaneResult result = run->result();
    const history::AnswerState state = answerStateFor(result.chat.status);
    m_conversation->finishTurn(0, result, state);
    if (m_store && m_historyId) {
        history::MergeRecord record;
        record.id = m_historyId;
        record.state = state;
        record.result = mergeResultToJson(result, state);
        record.finishedAt = QDateTime::currentDateTimeUtc();
        if (auto saved = m_store->finishMerge(record); !saved)
            Q_EMIT historyFailed(saved.error());
    }
    m_run = nullptr;
    run->deleteLater();
    Q_EMIT finished();
}

} // namespace versus
