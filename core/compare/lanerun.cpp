// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/lanerun.h"

#include "compare/answercodec.h"
#include "compare/toolrounds.h"
#include "engine/engine.h"
#include "pricing/cost.h"
#include "secrets/keyresolver.h"
#include "tools/toolanswers.h"

using namespace Qt::StringLiterals;

namespace versus {

LaneRun::LaneRun(Engine &engine, LaneRunSpec spec, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_spec(std::move(spec))
{
    m_spec.config.model = m_spec.target.model;
    if (!m_spec.tools.isEmpty() && m_spec.config.tools.isEmpty())
        m_spec.config.tools = m_spec.tools.wireTools();
    m_messages = m_spec.messages;
    m_result.target = m_spec.target.toString();
    m_result.provider = m_spec.target.provider;
    m_result.model = m_spec.target.model;
    m_provider = engine.registry().find(m_spec.target.provider);
    m_result.priced = engine.prices().find(m_spec.target.provider, m_spec.target.model).has_value();
    m_checkpointTimer.setInterval(engine.checkpointIntervalMs);
    connect(&m_checkpointTimer, &QTimer::timeout, this, &LaneRun::checkpoint);
}

LaneRun::~LaneRun()
{
    if (m_stream)
        m_stream->disconnect(this);
}

void LaneRun::setPhase(Phase phase)
{
    if (m_phase == phase)
        return;
    m_phase = phase;
    Q_EMIT phaseChanged(phase);
}

void LaneRun::start()
{
    if (m_phase != Phase::Idle)
        return;
    if (!m_provider) {
        LaneResult result = m_result;
        result.chat.status = ResultStatus::Error;
        result.chat.error = ChatError::make(
            ErrorKind::Config, tr("The provider \"%1\" is not in the catalog.").arg(m_spec.target.provider));
        finish(result);
        return;
    }
    if (m_spec.target.model.trimmed().isEmpty()) {
        LaneResult result = m_result;
        result.chat.status = ResultStatus::Error;
        result.chat.error =
            ChatError::make(ErrorKind::Config, tr("No model is chosen for %1.").arg(m_provider->info().displayName));
        finish(result);
        return;
    }
    const ProviderInfo &info = m_provider->info();
    if (!info.keyRequired) {
        startStream(ApiKey());
        return;
    }
    setPhase(Phase::ResolvingKey);
    m_engine.keyResolver().resolve(info.id, info.keyEnvVar, this, [this](KeyResult key) {
        if (m_phase != Phase::ResolvingKey)
            return; // cancelled meanwhile
        if (!key.hasKey()) {
            key.key.clear();
            m_keyProblem = key;
            if (key.succeeded()) {
                // No key anywhere: the stream refuses to send and says how to add one.
                startStream(ApiKey());
                return;
            }
            LaneResult result = m_result; // the keychain failed (locked, no service, ...): say that
            result.chat.status = ResultStatus::Error;
            result.chat.error = ChatError::make(ErrorKind::Config, keyStatusMessage(key));
            finish(result);
            return;
        }
        startStream(std::move(key.key));
    });
}

void LaneRun::startStream(ApiKey key)
{
    m_key = std::move(key);
    m_loopClock.start();
    startRound();
}

void LaneRun::startRound()
{
    TransportOptions options = m_engine.transport;
    options.estimator = &m_engine.estimator();
    ChatRequest request;
    request.providerId = m_provider->id();
    request.config = m_spec.config;
    request.messages = m_messages;
    // A forced choice ("required", or one tool) holds for the first request only: forced
    // again, the model could never answer and the loop would run to its limit.
    if (!m_rounds.isEmpty() &&
        (request.config.toolChoice.isObject() || request.config.toolChoice == QJsonValue(u"required"_s)))
        request.config.toolChoice = QJsonValue(QJsonValue::Undefined);
    if (m_stream)
        m_stream->deleteLater(); // the previous round's; its result is in m_rounds
    auto *stream = new ChatStream(m_engine.network(), *m_provider, std::move(request), m_key,
                                  effectiveBaseUrl(m_provider->info(), m_spec.baseUrl), options, this);
    m_stream = stream;
    m_roundStartMs = double(m_loopClock.nsecsElapsed()) / 1e6;
    connect(stream, &ChatStream::deltaReceived, this, &LaneRun::deltaReceived);
    connect(stream, &ChatStream::retrying, this, &LaneRun::retrying);
    connect(stream, &ChatStream::finished, this, &LaneRun::onStreamFinished);
    setPhase(Phase::Streaming);
    if (m_spec.answerId)
        m_checkpointTimer.start();
    Q_EMIT roundStarted(int(m_rounds.size()) + 1);
    stream->start();
}

void LaneRun::cancel()
{
    switch (m_phase) {
    case Phase::Idle:
    case Phase::ResolvingKey: {
        LaneResult result = m_result;
        result.chat.status = ResultStatus::Cancelled;
        result.chat.error = ChatError::make(ErrorKind::Cancelled, tr("Stopped by you."));
        finish(result);
        return;
    }
    case Phase::Streaming:
        if (m_stream)
            m_stream->cancel(); // finished() follows with the partial answer
        return;
    case Phase::AwaitingToolResults: {
        const QHash<int, quint64> running = std::exchange(m_serverCalls, {});
        for (tools::ToolCallTrace &trace : m_rounds.last().calls) {
            if (trace.source == tools::ResultSource::Pending)
                trace.source = tools::ResultSource::Skipped;
            trace.running = false;
        }
        // Emptied first: the answers of the cancelled calls, whenever they come, are ignored.
        for (const quint64 handle : running)
            m_spec.external->cancel(handle); // the servers are told (notifications/cancelled)
        LaneResult result = m_lastRound;
        result.chat.status = ResultStatus::Cancelled;
        result.chat.error = ChatError::make(ErrorKind::Cancelled, tr("Stopped by you."));
        finishLoop(result);
        return;
    }
    case Phase::Finished:
        return;
    }
}

void LaneRun::checkpoint()
{
    if (!m_stream || !m_spec.answerId || m_historyBroken)
        return;
    history::HistoryStore *store = m_engine.history();
    if (!store)
        return;
    const ChatResult &chat = m_stream->result();
    const QString text = joinRoundParts({m_earlierText, chat.text});
    const QString reasoning = joinRoundParts({m_earlierReasoning, chat.reasoning});
    // Text only grows while streaming: its length says whether anything is new.
    if (text.size() == m_checkpointedText && reasoning.size() == m_checkpointedReasoning)
        return;
    if (auto saved = store->checkpointAnswer(m_spec.answerId, text, reasoning); !saved) {
        m_historyBroken = true; // one report per answer; the final save is still tried
        Q_EMIT historyFailed(saved.error());
        return;
    }
    m_checkpointedText = text.size();
    m_checkpointedReasoning = reasoning.size();
    Q_EMIT checkpointed(m_spec.answerId, text.size());
}

void LaneRun::checkpointRounds()
{
    history::HistoryStore *store = m_engine.history();
    if (!m_spec.answerId || m_historyBroken || !store)
        return;
    const QString text = joinRoundParts({m_earlierText, m_rounds.isEmpty() ? QString() : m_rounds.last().text});
    const QString reasoning =
        joinRoundParts({m_earlierReasoning, m_rounds.isEmpty() ? QString() : m_rounds.last().reasoning});
    if (auto saved = store->checkpointAnswer(m_spec.answerId, text, reasoning, tools::toolRoundsToJson(m_rounds));
        !saved) {
        m_historyBroken = true;
        Q_EMIT historyFailed(saved.error());
        return;
    }
    m_checkpointedText = text.size();
    m_checkpointedReasoning = reasoning.size();
    Q_EMIT checkpointed(m_spec.answerId, text.size());
}

void LaneRun::onStreamFinished()
{
    ChatStream *stream = m_stream;
    if (!stream)
        return;
    m_checkpointTimer.stop();
    LaneResult result = m_result;
    result.chat = stream->result();
    result.metrics = stream->metrics();
    if (!result.sentAt.isValid()) {
        result.sentAt = stream->sentAtUtc();
        m_result.sentAt = result.sentAt; // the turn's first request
    }
    if (const auto price = m_engine.prices().find(m_spec.target.provider, m_spec.target.model))
        result.cost = computeCost(*price, result.chat.usage, stream->sentAtUtc());

    const int number = int(m_rounds.size()) + 1;
    giveCallIds(result.chat.toolCalls, number);
    tools::ToolRound round;
    round.number = number;
    round.status = result.chat.status;
    round.text = result.chat.text;
    round.reasoning = result.chat.reasoning;
    round.reasoningBlocks = result.chat.reasoningBlocks;
    round.serverTools = result.chat.serverTools;
    round.finishReason = result.chat.finishReason;
    round.usage = result.chat.usage;
    round.metrics = result.metrics;
    round.startMs = m_roundStartMs;
    round.cost = result.cost;
    for (const ToolCall &call : result.chat.toolCalls)
        round.calls.append(tools::checkToolCall(call, m_spec.tools));

    const bool callsToAnswer =
        !m_spec.tools.isEmpty() && result.chat.status == ResultStatus::Ok && !round.calls.isEmpty();
    if (!callsToAnswer) {
        for (tools::ToolCallTrace &trace : round.calls)
            trace.source = tools::ResultSource::Skipped;
        // With tools in play every turn has a trace, if only of one round that answered.
        if (!m_spec.tools.isEmpty() || !m_rounds.isEmpty() || !round.calls.isEmpty() || !round.serverTools.isEmpty())
            m_rounds.append(round);
        finishLoop(result);
        return;
    }
    if (number >= m_spec.maxToolRounds) {
        for (tools::ToolCallTrace &trace : round.calls)
            trace.source = tools::ResultSource::Skipped;
        m_rounds.append(round);
        result.toolRoundLimitReached = true;
        result.chat.status = ResultStatus::Truncated;
        finishLoop(result);
        return;
    }
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (tools::ToolCallTrace &trace : round.calls)
        tools::answerToolCall(trace, m_spec.tools, now);
    m_rounds.append(round);
    m_lastRound = result;
    setPhase(Phase::AwaitingToolResults);
    checkpointRounds(); // a turn that waits for the user may wait long: its trace is on disk
    Q_EMIT roundFinished(number);
    runServerCalls();
    afterAnswer();
}

void LaneRun::runServerCalls()
{
    QList<tools::ToolCallTrace> &calls = m_rounds.last().calls;
    const int round = m_rounds.last().number;
    for (int i = 0; i < calls.size(); ++i) {
        tools::ToolCallTrace &trace = calls[i];
        if (!tools::isReadyToRun(trace, m_spec.tools))
            continue;
        if (!m_spec.external) {
            tools::answerFromServer(trace, std::unexpected(tr("No MCP server is connected for %1.").arg(trace.server)));
            continue;
        }
        const tools::ToolDefinition *definition = m_spec.tools.find(trace.call.name);
        trace.running = true;
        QPointer<LaneRun> self(this);
        m_serverCalls.insert(
            i, m_spec.external->call(definition->result.server, definition->result.remoteName, trace.arguments,
                                     [self, round, i](const std::expected<tools::ExternalResult, QString> &answer) {
                                         if (!self || self->m_phase != Phase::AwaitingToolResults ||
                                             self->m_rounds.isEmpty() || self->m_rounds.last().number != round ||
                                             !self->m_serverCalls.contains(i))
                                             return; // stopped, or the round is over
                                         self->m_serverCalls.remove(i);
                                         tools::answerFromServer(self->m_rounds.last().calls[i], answer);
                                         self->checkpointRounds();
                                         Q_EMIT self->roundFinished(round);
                                         self->afterAnswer();
                                     }));
    }
}

void LaneRun::afterAnswer()
{
    if (m_phase != Phase::AwaitingToolResults)
        return;
    const QList<tools::ToolCallTrace> &calls = m_rounds.last().calls;
    if (tools::allAnswered(calls)) {
        continueLoop();
        return;
    }
    const bool needsUser = std::any_of(calls.begin(), calls.end(), [](const tools::ToolCallTrace &trace) {
        return trace.source == tools::ResultSource::Pending && !trace.running;
    });
    if (needsUser)
        Q_EMIT toolCallsPending();
}

bool LaneRun::answerToolCall(const QString &callId, const QString &result, bool isError)
{
    if (m_phase != Phase::AwaitingToolResults || m_rounds.isEmpty())
        return false;
    QList<tools::ToolCallTrace> &calls = m_rounds.last().calls;
    auto it = std::find_if(calls.begin(), calls.end(), [&](const tools::ToolCallTrace &trace) {
        return trace.call.id == callId && trace.source == tools::ResultSource::Pending && !trace.running &&
               trace.approval == tools::Approval::NotNeeded && trace.server.isEmpty();
    });
    if (it == calls.end())
        return false;
    tools::answerFromUser(*it, result, isError);
    checkpointRounds();
    Q_EMIT roundFinished(m_rounds.last().number);
    afterAnswer();
    return true;
}

bool LaneRun::approveToolCall(const QString &callId, bool approve)
{
    if (m_phase != Phase::AwaitingToolResults || m_rounds.isEmpty())
        return false;
    QList<tools::ToolCallTrace> &calls = m_rounds.last().calls;
    auto it = std::find_if(calls.begin(), calls.end(), [&](const tools::ToolCallTrace &trace) {
        return trace.call.id == callId && trace.approval == tools::Approval::Asked;
    });
    if (it == calls.end())
        return false;
    tools::decideApproval(*it, approve);
    if (approve)
        runServerCalls();
    checkpointRounds();
    Q_EMIT roundFinished(m_rounds.last().number);
    afterAnswer();
    return true;
}

void LaneRun::continueLoop()
{
    const tools::ToolRound &round = m_rounds.last();
    m_messages += toolTurnMessages(round);
    m_earlierText = joinRoundParts({m_earlierText, round.text});
    m_earlierReasoning = joinRoundParts({m_earlierReasoning, round.reasoning});
    startRound();
}

void LaneRun::finishLoop(const LaneResult &lastRound)
{
    LaneResult result = lastRound;
    result.toolRounds = m_rounds;
    mergeRounds(result, m_rounds);
    if (!m_spec.config.responseSchema.isEmpty() && result.chat.status == ResultStatus::Ok) {
        const QString answer = m_rounds.isEmpty() ? result.chat.text : m_rounds.last().text;
        result.structuredOutput = tools::checkStructuredOutput(answer, m_spec.config.responseSchema);
    }
    (void)m_engine.saveCalibration(); // only accuracy is lost when it cannot be written
    finish(result);
}

void LaneRun::finish(const LaneResult &result)
{
    if (m_phase == Phase::Finished)
        return;
    m_checkpointTimer.stop();
    m_result = result;
    if (m_spec.answerId) {
        if (history::HistoryStore *store = m_engine.history()) {
            history::AnswerRecord record = answerRecordFor(m_result, answerStateFor(m_result.chat.status));
            record.id = m_spec.answerId;
            if (auto saved = store->finishAnswer(record); !saved)
                Q_EMIT historyFailed(saved.error());
        }
    }
    setPhase(Phase::Finished);
    Q_EMIT finished();
}

} // namespace versus
