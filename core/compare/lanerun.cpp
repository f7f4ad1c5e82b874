// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/lanerun.h"

#include "compare/answercodec.h"
#include "engine/engine.h"
#include "pricing/cost.h"
#include "secrets/keyresolver.h"

namespace versus {

LaneRun::LaneRun(Engine &engine, LaneRunSpec spec, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_spec(std::move(spec))
{
    m_spec.config.model = m_spec.target.model;
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
    TransportOptions options = m_engine.transport;
    options.estimator = &m_engine.estimator();
    ChatRequest request;
    request.providerId = m_provider->id();
    request.config = m_spec.config;
    request.messages = m_spec.messages;
    auto *stream = new ChatStream(m_engine.network(), *m_provider, std::move(request), std::move(key),
                                  effectiveBaseUrl(m_provider->info(), m_spec.baseUrl), options, this);
    m_stream = stream;
    connect(stream, &ChatStream::deltaReceived, this, &LaneRun::deltaReceived);
    connect(stream, &ChatStream::retrying, this, &LaneRun::retrying);
    connect(stream, &ChatStream::finished, this, &LaneRun::onStreamFinished);
    setPhase(Phase::Streaming);
    if (m_spec.answerId)
        m_checkpointTimer.start();
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
    // Text only grows while streaming: its length says whether anything is new.
    if (chat.text.size() == m_checkpointedText && chat.reasoning.size() == m_checkpointedReasoning)
        return;
    if (auto saved = store->checkpointAnswer(m_spec.answerId, chat.text, chat.reasoning); !saved) {
        m_historyBroken = true; // one report per answer; the final save is still tried
        Q_EMIT historyFailed(saved.error());
        return;
    }
    m_checkpointedText = chat.text.size();
    m_checkpointedReasoning = chat.reasoning.size();
    Q_EMIT checkpointed(m_spec.answerId, chat.text.size());
}

void LaneRun::onStreamFinished()
{
    ChatStream *stream = m_stream;
    if (!stream)
        return;
    LaneResult result = m_result;
    result.chat = stream->result();
    result.metrics = stream->metrics();
    result.sentAt = stream->sentAtUtc();
    if (const auto price = m_engine.prices().find(m_spec.target.provider, m_spec.target.model))
        result.cost = computeCost(*price, result.chat.usage, stream->sentAtUtc());
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
