// SPDX-License-Identifier: GPL-3.0-or-later
// Comparison: running a lane's turn, and sending a turn again (regenerate, edit and resend).
#include "compare/answercodec.h"
#include "compare/comparison.h"
#include "engine/engine.h"
#include "history/historystore.h"

namespace versus {

void Comparison::startRun(ComparisonLane *lane, const QString &prompt, const QList<ImageInput> &images,
                          const history::TurnRecord &turn)
{
    LaneTurn laneTurn;
    laneTurn.turnId = turn.id;
    for (const history::AnswerRecord &answer : turn.answers) {
        if (answer.laneId == lane->historyId())
            laneTurn.answerId = answer.id;
    }
    laneTurn.prompt = prompt;
    laneTurn.images = images;
    // One moment for every lane of the turn: an unsaved edit finds the turn's rows by it.
    laneTurn.sentAt = turn.createdAt.isValid() ? turn.createdAt : QDateTime::currentDateTimeUtc();
    laneTurn.result.target = lane->target().toString();
    laneTurn.result.provider = lane->target().provider;
    laneTurn.result.model = lane->target().model;
    runTurn(lane, lane->conversation()->appendTurn(laneTurn));
}

void Comparison::runTurn(ComparisonLane *lane, int row)
{
    LaneConversation *conversation = lane->conversation();
    const LaneTurn &turn = conversation->turn(row);
    LaneRunSpec spec;
    spec.target = lane->target();
    spec.config = effectiveParameters(lane);
    spec.messages = contextMessages(lane, row); // the lane's own turns, or the answer a turn continued from
    spec.messages.append(ChatMessage::user(turn.prompt, turn.images));
    spec.baseUrl = m_baseUrl;
    spec.tools = toolsForTurn(lane);
    spec.external = m_external;
    spec.maxToolRounds = m_maxToolRounds;
    spec.answerId = turn.answerId;

    auto *run = new LaneRun(m_engine, std::move(spec), lane);
    lane->m_run = run;
    connect(run, &LaneRun::deltaReceived, conversation,
            [conversation, row](const ChatDelta &delta) { conversation->appendDelta(row, delta); });
    connect(run, &LaneRun::roundFinished, conversation,
            [conversation, run, row](int) { conversation->setRounds(row, run->rounds()); });
    connect(run, &LaneRun::roundStarted, conversation, [conversation, run, row](int number) {
        if (number > 1)
            conversation->startRound(row, run->earlierText(), run->earlierReasoning());
    });
    connect(run, &LaneRun::historyFailed, this, &Comparison::historyFailed);
    connect(run, &LaneRun::finished, this, [this, lane, run, row] { onRunFinished(lane, run, row); });
    Q_EMIT lane->busyChanged(true);
    Q_EMIT lane->runStarted(run);
    run->start();
}

void Comparison::onRunFinished(ComparisonLane *lane, LaneRun *run, int row)
{
    const LaneResult result = run->result();
    lane->conversation()->finishTurn(row, result, answerStateFor(result.chat.status));
    addAnswerCost(m_sessionCost, result);
    const std::optional<LaneTurn> replaced =
        m_replacing.contains(lane) ? std::optional(m_replacing.take(lane)) : std::nullopt;
    const ChatResult &chat = result.chat;
    const bool saidNothing =
        chat.text.isEmpty() && chat.reasoning.isEmpty() && chat.toolCalls.isEmpty() && result.toolRounds.isEmpty();
    const bool restore = replaced && chat.status != ResultStatus::Ok && saidNothing;
    if (restore) {
        // The attempt is not worth the answer it would replace: the old one comes back.
        lane->conversation()->finishTurn(row, replaced->result, replaced->state);
        if (history::HistoryStore *store = m_engine.history(); store && isSaving() && replaced->answerId) {
            history::AnswerRecord record = answerRecordFor(replaced->result, replaced->state);
            record.id = replaced->answerId;
            if (auto saved = store->finishAnswer(record); !saved)
                Q_EMIT historyFailed(saved.error());
        }
    }
    if (lane->m_run == run)
        lane->m_run = nullptr;
    run->deleteLater();
    Q_EMIT lane->turnFinished(row);
    Q_EMIT lane->busyChanged(false);
    Q_EMIT laneFinished(lane, result);
    if (restore)
        Q_EMIT regenerateFailed(lane, result);
    if (--m_running == 0) {
        updateBusy();
        Q_EMIT turnFinished();
    }
}

std::expected<int, history::HistoryError> Comparison::regenerate(ComparisonLane *onlyLane)
{
    if (isBusy() || (onlyLane && !m_lanes.contains(onlyLane)))
        return 0;
    QList<ComparisonLane *> targets;
    for (ComparisonLane *lane : onlyLane ? QList<ComparisonLane *>{onlyLane} : m_lanes) {
        if (lane->conversation()->rowCount() > 0)
            targets << lane;
    }
    if (targets.isEmpty())
        return 0;

    // The old answers leave the history before any request does: what is stored never
    // mixes the old answer with the new one.
    if (isSaving()) {
        // The lanes' records name the system prompt the new answers are sent with.
        if (m_conversationId && m_defaultInHistory != m_defaultSystemPrompt) {
            if (auto stored = storeLanes(); !stored)
                return std::unexpected(stored.error());
        }
        QList<qint64> answerIds;
        for (const ComparisonLane *lane : std::as_const(targets)) {
            const LaneConversation *conversation = lane->conversation();
            if (const qint64 id = conversation->turn(conversation->rowCount() - 1).answerId)
                answerIds << id;
        }
        if (!answerIds.isEmpty()) {
            if (auto reset = m_engine.history()->resetAnswers(answerIds); !reset)
                return std::unexpected(reset.error());
        }
    }

    forgetVerdictsOfLastTurns(targets);
    m_running += int(targets.size());
    updateBusy();
    for (ComparisonLane *lane : std::as_const(targets)) {
        LaneResult fresh;
        fresh.target = lane->target().toString();
        fresh.provider = lane->target().provider;
        fresh.model = lane->target().model;
        const int row = lane->conversation()->rowCount() - 1;
        m_replacing.insert(lane, lane->conversation()->turn(row));
        lane->conversation()->restartTurn(row, fresh);
        runTurn(lane, row);
    }
    return int(targets.size());
}

std::expected<qint64, history::HistoryError> Comparison::editAndResend(ComparisonLane *lane, int row,
                                                                       const QString &prompt)
{
    if (isBusy() || !m_lanes.contains(lane) || row < 0 || row >= lane->conversation()->rowCount())
        return 0;
    const LaneTurn edited = lane->conversation()->turn(row);
    if (prompt.trimmed().isEmpty() && edited.images.isEmpty())
        return 0;
    history::HistoryStore *store = m_engine.history();
    // The stored turn the branch starts before: the edited one, or (when it was sent without
    // saving) the first stored one after it, so that no stored turn after the edit stays in the
    // conversation the edit goes on in.
    qint64 branchBefore = 0;
    if (isSaving() && m_conversationId) {
        for (int r = row; r < lane->conversation()->rowCount() && !branchBefore; ++r)
            branchBefore = lane->conversation()->turn(r).turnId;
    }
    if (branchBefore) {
        // The original stays as it is; the comparison goes on in a copy of what came before.
        if (auto stored = storeLanes(); !stored) // lanes added since the last save join the branch
            return std::unexpected(stored.error());
        auto branch = store->branchConversation(m_conversationId, branchBefore, tr("%1 (edit)").arg(m_title));
        if (!branch)
            return std::unexpected(branch.error());
        if (auto opened = open(branch->id); !opened) {
            (void)store->deleteConversation(branch->id); // no empty "(edit)" left behind
            return std::unexpected(opened.error());
        }
    } else {
        // Every lane's rows of the edited turn and after it (a turn's rows share its moment).
        for (ComparisonLane *each : std::as_const(m_lanes)) {
            LaneConversation *conversation = each->conversation();
            int first = conversation->rowCount();
            while (first > 0 && conversation->turn(first - 1).sentAt >= edited.sentAt)
                --first;
            conversation->truncate(first);
        }
    }
    return send(prompt, edited.images);
}

} // namespace versus
