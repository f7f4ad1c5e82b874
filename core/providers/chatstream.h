// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "metrics/streamtimeline.h"
#include "metrics/tokenestimator.h"
#include "net/retrypolicy.h"
#include "providers/provider.h"
#include "providers/streampipeline.h"
#include "secrets/apikey.h"
#include "sse/sseparser.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

class QNetworkAccessManager;
class QNetworkReply;

namespace versus {

struct TransportOptions {
    int firstByteTimeoutMs = 60'000; ///< connect + until the first byte of the answer
    int idleTimeoutMs = 90'000;      ///< longest silence while streaming (keep-alive comments count)
    qsizetype maxErrorBodyBytes = 256 * 1024;
    net::RetryPolicy retry;
    sse::SseLimits sseLimits;
    /// Learns chars-per-token from answers that report usage and estimates usage for those
    /// that do not. Not owned; may be null (the uncalibrated estimate is used then).
    TokenEstimator *estimator = nullptr;
};

/// One streamed chat completion: a job that sends the request, retries it while nothing
/// has streamed yet, and runs the body through a StreamPipeline (SSE, the provider's
/// dialect, the timeline and the ChatResult).
///
/// Signals: deltaReceived() for every decoded delta, retrying() before each retry, and
/// finished() exactly once, whatever happens (success, error, timeout, cancel). The partial
/// answer is kept in result() in every case. The job owns its QNetworkReply.
class ChatStream : public QObject {
    Q_OBJECT
public:
    ChatStream(QNetworkAccessManager &network, const Provider &provider, ChatRequest request, ApiKey key, QUrl baseUrl,
               TransportOptions options = {}, QObject *parent = nullptr);
    ~ChatStream() override;

    /// Validates the request (a Config error and nothing sent when it is invalid) and sends it.
    void start();
    /// Stops the request; finished() follows with status Cancelled and the partial answer.
    void cancel();

    bool isFinished() const { return m_finished; }
    const ChatResult &result() const { return m_pipeline.result(); }
    const StreamTimeline &timeline() const { return m_timeline; }
    StreamMetrics metrics() const;
    const ChatRequest &request() const { return m_request; }
    const Provider &provider() const { return m_provider; }
    /// Wall-clock time the (last) attempt was sent; prices in force then apply.
    QDateTime sentAtUtc() const { return m_sentAtUtc; }
    int attempts() const { return m_attempt; }

    /// The clock of the timeline, for tests.
    void setClock(StreamTimeline::Clock clock);

Q_SIGNALS:
    void deltaReceived(const versus::ChatDelta &delta);
    void retrying(int retryNumber, double delaySeconds, const versus::ChatError &reason);
    void finished();

private:
    enum class BodyKind { Unknown, Sse, Json, Error };
    enum class Abort { None, Cancelled, FirstByteTimeout, IdleTimeout, StreamError };

    void sendAttempt();
    void onReadyRead();
    void onReplyFinished();
    void onTimeout(Abort why);
    void handleHeaders(QNetworkReply *reply);
    void consume(const QByteArray &bytes);
    void processSse(const QByteArray &bytes);
    bool emitDelta(const ChatDelta &delta);
    void stopForStreamError(ChatError error);
    bool maybeRetry(const ChatError &error, bool retryable);
    void finishWith(ResultStatus status, std::optional<ChatError> error);
    void finalizeUsage();
    void stopReply();

    QNetworkAccessManager &m_network;
    const Provider &m_provider;
    ChatRequest m_request;
    ApiKey m_key;
    QUrl m_baseUrl;
    TransportOptions m_options;
    HttpCall m_call;

    QPointer<QNetworkReply> m_reply;
    QTimer m_firstByteTimer;
    QTimer m_idleTimer;
    QTimer m_retryTimer;
    StreamTimeline m_timeline;
    StreamPipeline m_pipeline; // runs on m_timeline; a new one for every attempt
    RawHeaders m_headers;
    QByteArray m_body; // non-SSE bodies (errors, plain JSON), capped
    QDateTime m_sentAtUtc;
    int m_httpStatus = 0;
    int m_attempt = 0;
    int m_redirects = 0;
    BodyKind m_bodyKind = BodyKind::Unknown;
    Abort m_abort = Abort::None;
    std::optional<ChatError> m_streamError;
    bool m_headersHandled = false;
    bool m_bodyStarted = false;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace versus
