// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/laneresult.h"
#include "history/historyrecords.h"
#include "providers/chatstream.h"
#include "providers/providerregistry.h"
#include "secrets/keyresult.h"
#include "tools/externaltools.h"
#include "tools/toolset.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <optional>

namespace versus {

class Engine;

/// What one lane sends for one turn.
struct LaneRunSpec {
    Target target;
    ProviderConfig config;       ///< parameters; config.model is set from target.model
    QList<ChatMessage> messages; ///< the lane's conversation so far and the new prompt
    QUrl baseUrl;                ///< override (--base-url); empty = VERSUS_<ID>_BASE_URL, else the catalog's
    qint64 answerId = 0;         ///< the history answer to checkpoint and finish; 0 = not saved
    /// The lane's function tools; empty = none. Their definitions are sent (config.tools)
    /// and their calls answered by the tool loop.
    tools::ToolSet tools;
    int maxToolRounds = 8; ///< requests in one turn at most, the first included
    /// Runs the MCP tools among @p tools; must outlive the run. Null: such calls fail readably.
    tools::ExternalTools *external = nullptr;
};

/// One lane's turn: resolves the key (environment, then keychain), streams the request
/// through a ChatStream, checkpoints the answer into the history about once a second, then
/// computes metrics and cost, updates the token estimator and saves the final answer.
/// With tools, a round that ends in function calls is checked call by call, answered (built-in,
/// mock, or the user through answerToolCall()) and followed by the next round, up to
/// LaneRunSpec::maxToolRounds; rounds() is the trace.
/// finished() fires exactly once, whatever happens; result() holds the partial answer in
/// every case. A request that cannot be sent (unknown provider, no model, no key, an invalid
/// parameter) finishes with a Config error and nothing sent.
class LaneRun : public QObject {
    Q_OBJECT
public:
    enum class Phase { Idle, ResolvingKey, Streaming, AwaitingToolResults, Finished };

    LaneRun(Engine &engine, LaneRunSpec spec, QObject *parent = nullptr);
    ~LaneRun() override;

    void start();
    /// Stops the turn; finished() follows with status Cancelled and the partial answer.
    void cancel();
    /// The user's result for a pending "ask" call of the current round (AwaitingToolResults);
    /// the next round starts once every call has one. False when no such call is waiting.
    bool answerToolCall(const QString &callId, const QString &result, bool isError = false);
    /// The user's decision on a call of the current round that asks for approval (MCP tools);
    /// approved, it runs. False when no such call is waiting.
    bool approveToolCall(const QString &callId, bool approve);

    Phase phase() const { return m_phase; }
    bool isFinished() const { return m_phase == Phase::Finished; }
    const LaneRunSpec &spec() const { return m_spec; }
    const LaneResult &result() const { return m_result; }
    /// The stream while it runs (live timeline figures); null before the key is resolved.
    const ChatStream *stream() const { return m_stream; }
    /// Set when the turn was not sent because the key is missing or unreadable.
    const std::optional<KeyResult> &keyProblem() const { return m_keyProblem; }
    /// The rounds finished so far (and, while AwaitingToolResults, the one waiting).
    const QList<tools::ToolRound> &rounds() const { return m_rounds; }
    /// What finished rounds said, joined (the streaming round's text follows it).
    const QString &earlierText() const { return m_earlierText; }
    const QString &earlierReasoning() const { return m_earlierReasoning; }

Q_SIGNALS:
    void phaseChanged(versus::LaneRun::Phase phase);
    void deltaReceived(const versus::ChatDelta &delta);
    void retrying(int retryNumber, double delaySeconds, const versus::ChatError &reason);
    void finished();
    /// A round ended (its calls checked and, where Versus can, answered): rounds().last().
    void roundFinished(int number);
    /// Calls of the current round wait for the user: an answer (answerToolCall()) or an
    /// approval (approveToolCall()).
    void toolCallsPending();
    /// A new round's request is about to be sent: text streams again from earlierText().
    void roundStarted(int number);
    /// What the answer held so far is on disk: @p textLength characters of text.
    void checkpointed(qint64 answerId, qsizetype textLength);
    /// A checkpoint or the final save failed; the answer in memory (and on screen) is intact.
    void historyFailed(const versus::history::HistoryError &error);

private:
    void startStream(ApiKey key);
    void startRound();
    void checkpoint();
    /// Saves the text so far and the trace (a round ended).
    void checkpointRounds();
    void onStreamFinished();
    void continueLoop();
    /// Starts the MCP calls of the current round that may run; goes on when all are answered.
    void runServerCalls();
    void afterAnswer();
    void finishLoop(const LaneResult &lastRound);
    void finish(const LaneResult &result);
    void setPhase(Phase phase);

    Engine &m_engine;
    LaneRunSpec m_spec;
    const Provider *m_provider = nullptr;
    Phase m_phase = Phase::Idle;
    QPointer<ChatStream> m_stream;
    QTimer m_checkpointTimer;
    qsizetype m_checkpointedText = -1;
    qsizetype m_checkpointedReasoning = -1;
    LaneResult m_result;
    std::optional<KeyResult> m_keyProblem;
    bool m_historyBroken = false;
    ApiKey m_key;                  ///< kept for the next rounds of a tool loop
    QList<ChatMessage> m_messages; ///< the next request's messages (grows with each round)
    QList<tools::ToolRound> m_rounds;
    QString m_earlierText; ///< finished rounds' text, joined
    QString m_earlierReasoning;
    QElapsedTimer m_loopClock; ///< from the first request of the turn
    double m_roundStartMs = 0;
    LaneResult m_lastRound;            ///< while AwaitingToolResults: the round's stream result
    QHash<int, quint64> m_serverCalls; ///< call index in the current round -> ExternalTools handle
};

} // namespace versus
