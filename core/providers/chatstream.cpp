// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/chatstream.h"

#include "net/networkerror.h"
#include "net/ratelimitheaders.h"
#include "net/requestauthorizer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

namespace versus {

namespace {

bool startsLikeSse(QByteArrayView bytes)
{
    const QByteArrayView t = bytes.trimmed();
    return t.startsWith("data:") || t.startsWith(":") || t.startsWith("event:") || t.startsWith("id:") ||
           t.startsWith("retry:") || t.startsWith("\xEF\xBB\xBF");
}
} // namespace

ChatStream::ChatStream(QNetworkAccessManager &network, const Provider &provider, ChatRequest request, ApiKey key,
                       QUrl baseUrl, TransportOptions options, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_provider(provider)
    , m_request(std::move(request))
    , m_key(std::move(key))
    , m_baseUrl(std::move(baseUrl))
    , m_options(std::move(options))
    , m_pipeline(m_provider.createDecoder(), &m_timeline, m_options.sseLimits)
{
    m_firstByteTimer.setSingleShot(true);
    m_idleTimer.setSingleShot(true);
    m_retryTimer.setSingleShot(true);
    connect(&m_firstByteTimer, &QTimer::timeout, this, [this] { onTimeout(Abort::FirstByteTimeout); });
    connect(&m_idleTimer, &QTimer::timeout, this, [this] { onTimeout(Abort::IdleTimeout); });
    connect(&m_retryTimer, &QTimer::timeout, this, &ChatStream::sendAttempt);
}

ChatStream::~ChatStream()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        delete m_reply;
    }
    m_key.clear();
}

void ChatStream::setClock(StreamTimeline::Clock clock)
{
    m_timeline = StreamTimeline(std::move(clock));
}

StreamMetrics ChatStream::metrics() const
{
    return m_timeline.metrics(result().usage, result().server);
}

void ChatStream::start()
{
    if (m_started)
        return;
    m_started = true;

    QStringList problems = m_provider.validate(m_request);
    if (m_provider.info().keyRequired && m_key.isEmpty()) {
        problems << tr("No API key for %1. Set %2 or store one with \"versus-cli keys set %3\" "
                       "(or in Settings → Providers & Keys).")
                        .arg(m_provider.info().displayName, m_provider.info().keyEnvVar, m_provider.id());
    }
    if (!problems.isEmpty()) {
        finishWith(ResultStatus::Error, ChatError::make(ErrorKind::Config, problems.join(u' ')));
        return;
    }
    m_call = m_provider.buildChatCall(m_request, m_baseUrl);
    sendAttempt();
}

void ChatStream::sendAttempt()
{
    if (m_finished)
        return;
    auto built =
        net::RequestAuthorizer::build(m_call.url, m_call.auth, m_key,
                                      m_call.method == "GET" ? net::RequestAuthorizer::Redirects::SameOriginByQt
                                                             : net::RequestAuthorizer::Redirects::Manual);
    if (!built) {
        finishWith(ResultStatus::Error, ChatError::make(ErrorKind::Config, built.error()));
        return;
    }
    QNetworkRequest request = *built;
    for (const auto &[name, value] : std::as_const(m_call.headers))
        request.setRawHeader(name, value);

    // A retry starts from scratch: nothing of a failed attempt was shown as an answer.
    m_pipeline = StreamPipeline(m_provider.createDecoder(), &m_timeline, m_options.sseLimits);
    m_headers.clear();
    m_body.clear();
    m_httpStatus = 0;
    m_bodyKind = BodyKind::Unknown;
    m_abort = Abort::None;
    m_streamError.reset();
    m_headersHandled = false;
    m_bodyStarted = false;

    m_sentAtUtc = QDateTime::currentDateTimeUtc();
    if (m_options.estimator)
        m_timeline.setEstimateFactor(
            m_options.estimator->completionFactor(m_provider.id(), m_request.config.model).value);
    m_timeline.start();
    if (m_call.method == "GET")
        m_reply = m_network.get(request);
    else
        m_reply = m_network.sendCustomRequest(request, m_call.method, m_call.body);
    m_reply->setParent(this);
    ++m_attempt;
    connect(m_reply, &QNetworkReply::readyRead, this, &ChatStream::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ChatStream::onReplyFinished);
    // TLS errors are never ignored: the reply fails with SslHandshakeFailedError.
    m_firstByteTimer.start(m_options.firstByteTimeoutMs);
}

void ChatStream::cancel()
{
    if (m_finished)
        return;
    if (!m_started || m_retryTimer.isActive() || !m_reply) {
        m_retryTimer.stop();
        finishWith(ResultStatus::Cancelled, ChatError::make(ErrorKind::Cancelled, tr("Stopped by you.")));
        return;
    }
    m_abort = Abort::Cancelled;
    m_reply->abort(); // finished() follows synchronously or from the event loop
}

void ChatStream::onTimeout(Abort why)
{
    if (m_finished || !m_reply)
        return;
    m_abort = why;
    m_reply->abort();
}

void ChatStream::handleHeaders(QNetworkReply *reply)
{
    if (m_headersHandled)
        return;
    m_headersHandled = true;
    m_httpStatus = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    m_headers = reply->rawHeaderPairs();
    m_pipeline.result().rateLimit = net::parseRateLimit(m_headers);
    if (m_httpStatus < 200 || m_httpStatus >= 300) {
        m_bodyKind = BodyKind::Error;
        return;
    }
    const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
    if (contentType.contains("event-stream"))
        m_bodyKind = BodyKind::Sse;
    else if (contentType.contains("json"))
        m_bodyKind = BodyKind::Json;
    else if (!contentType.isEmpty() && !contentType.startsWith("text/plain"))
        m_bodyKind = BodyKind::Error; // an HTML proxy or captive-portal page, most likely
    // else: decided by the first bytes
}

void ChatStream::onReadyRead()
{
    if (m_finished || !m_reply)
        return;
    handleHeaders(m_reply);
    const QByteArray bytes = m_reply->readAll();
    if (bytes.isEmpty())
        return;
    m_firstByteTimer.stop();
    m_idleTimer.start(m_options.idleTimeoutMs);
    consume(bytes);
}

void ChatStream::consume(const QByteArray &bytes)
{
    if (m_bodyKind == BodyKind::Unknown) {
        // No useful content type: look at the body itself.
        m_bodyKind = startsLikeSse(QByteArray(m_body + bytes)) ? BodyKind::Sse : BodyKind::Json;
    }
    if (m_bodyKind == BodyKind::Sse) {
        m_bodyStarted = true;
        processSse(bytes);
        return;
    }
    if (m_body.size() < m_options.maxErrorBodyBytes)
        m_body.append(bytes.left(m_options.maxErrorBodyBytes - m_body.size()));
    if (m_bodyKind == BodyKind::Json)
        m_bodyStarted = true;
}

void ChatStream::processSse(const QByteArray &bytes)
{
    if (m_pipeline.feed(bytes, [this](const ChatDelta &delta) { return emitDelta(delta); }))
        return;
    if (m_finished) // a receiver cancelled or the job was finished from a slot
        return;
    if (const auto &error = m_pipeline.error()) {
        stopForStreamError(*error);
        return;
    }
    if (const auto limit = m_pipeline.limitError()) {
        stopForStreamError(ChatError::make(
            ErrorKind::Stream, *limit == sse::SseError::EventTooLarge
                                   ? tr("One event of the stream is larger than %1 MiB; the answer was stopped.")
                                         .arg(m_options.sseLimits.maxEventBytes / (1024 * 1024))
                                   : tr("The answer is larger than %1 MiB; it was stopped.")
                                         .arg(m_options.sseLimits.maxStreamBytes / (1024 * 1024))));
    }
}

bool ChatStream::emitDelta(const ChatDelta &delta)
{
    Q_EMIT deltaReceived(delta);
    return !m_finished;
}

void ChatStream::stopForStreamError(ChatError error)
{
    if (m_streamError)
        return;
    m_streamError = std::move(error);
    m_abort = Abort::StreamError;
    stopReply();
}

void ChatStream::stopReply()
{
    if (m_reply && m_reply->isRunning())
        m_reply->abort(); // onReplyFinished does the rest
}

bool ChatStream::maybeRetry(const ChatError &error, bool retryable)
{
    if (m_bodyStarted || m_abort == Abort::Cancelled)
        return false;
    const auto delay = m_options.retry.delayBeforeRetry(m_attempt - 1, retryable, m_headers);
    if (!delay)
        return false;
    Q_EMIT retrying(m_attempt, *delay, error);
    if (m_finished)
        return true;
    m_retryTimer.start(int(*delay * 1000));
    return true;
}

void ChatStream::onReplyFinished()
{
    if (m_finished || !m_reply)
        return;
    m_firstByteTimer.stop();
    m_idleTimer.stop();
    QNetworkReply *reply = m_reply;
    m_reply.clear();
    reply->deleteLater();

    const QNetworkReply::NetworkError code = reply->error();
    handleHeaders(reply);
    if (m_abort == Abort::None) {
        // Whatever arrived with the end of the reply.
        const QByteArray rest = reply->readAll();
        if (!rest.isEmpty())
            consume(rest);
        if (m_finished)
            return;
    }

    switch (m_abort) {
    case Abort::Cancelled:
        finishWith(ResultStatus::Cancelled, ChatError::make(ErrorKind::Cancelled, tr("Stopped by you.")));
        return;
    case Abort::FirstByteTimeout: {
        const ChatError error = ChatError::make(ErrorKind::Timeout, tr("%1 did not start answering within %2 s.")
                                                                        .arg(m_provider.info().displayName)
                                                                        .arg(m_options.firstByteTimeoutMs / 1000.0));
        if (!maybeRetry(error, true))
            finishWith(ResultStatus::Error, error);
        return;
    }
    case Abort::IdleTimeout:
        finishWith(ResultStatus::Error,
                   ChatError::make(ErrorKind::Timeout, tr("%1 stopped sending for %2 s; the partial answer is kept.")
                                                           .arg(m_provider.info().displayName)
                                                           .arg(m_options.idleTimeoutMs / 1000.0)));
        return;
    case Abort::StreamError:
        finishWith(ResultStatus::Error, m_streamError);
        return;
    case Abort::None:
        break;
    }

    if (m_httpStatus >= 300 && m_httpStatus < 400) {
        // Follow a redirect within the same origin by sending the same request again; never
        // to another origin, where the key would go along.
        const QUrl target = m_call.url.resolved(reply->header(QNetworkRequest::LocationHeader).toUrl());
        if (target.isValid() && net::isSameOrigin(target, m_call.url) && m_redirects < 5) {
            ++m_redirects;
            m_call.url = target;
            --m_attempt; // not a retry
            sendAttempt();
            return;
        }
        finishWith(ResultStatus::Error,
                   net::errorFromNetwork(net::isSameOrigin(target, m_call.url) ? QNetworkReply::TooManyRedirectsError
                                                                               : QNetworkReply::InsecureRedirectError,
                                         m_provider.peer(), m_call.url));
        return;
    }
    if (m_httpStatus >= 400 || (m_httpStatus == 0 && code == QNetworkReply::NoError)) {
        ChatError error = m_provider.errorFromHttp(m_httpStatus, m_body, m_headers);
        if (!maybeRetry(error, net::RetryPolicy::isRetryableStatus(m_httpStatus)))
            finishWith(ResultStatus::Error, error);
        return;
    }
    if (code != QNetworkReply::NoError && m_httpStatus == 0) {
        const ChatError error = net::errorFromNetwork(code, m_provider.peer(), m_call.url);
        const bool retryable = net::isRetryableNetworkError(code) &&
                               !(m_provider.info().local && code == QNetworkReply::ConnectionRefusedError);
        if (!maybeRetry(error, retryable))
            finishWith(ResultStatus::Error, error);
        return;
    }
    if (code != QNetworkReply::NoError) {
        // The connection broke while the answer was streaming.
        ChatError error = net::errorFromNetwork(code, m_provider.peer(), m_call.url);
        if (code == QNetworkReply::RemoteHostClosedError)
            error.message = tr("%1 closed the connection in the middle of the answer; the partial answer is kept.")
                                .arg(m_provider.info().displayName);
        finishWith(ResultStatus::Error, error);
        return;
    }

    // 2xx and the body ended normally.
    if (m_bodyKind == BodyKind::Error) {
        const QString type = reply->header(QNetworkRequest::ContentTypeHeader).toString();
        finishWith(
            ResultStatus::Error,
            ChatError::make(ErrorKind::Stream,
                            tr("%1 answered with \"%2\" content instead of a stream; a proxy or login page may be "
                               "in the way. Check the base URL.")
                                .arg(m_provider.info().displayName, type),
                            m_httpStatus));
        return;
    }
    if (m_bodyKind == BodyKind::Json || (m_bodyKind == BodyKind::Unknown && !m_body.isEmpty())) {
        m_pipeline.feedComplete(m_body, [this](const ChatDelta &delta) { return emitDelta(delta); });
        if (m_finished)
            return;
        if (m_pipeline.error()) {
            ChatError error = *m_pipeline.error();
            error.httpStatus = m_httpStatus;
            finishWith(ResultStatus::Error, error);
        } else {
            finishWith(ResultStatus::Ok, std::nullopt);
        }
        return;
    }
    const bool pendingEvent = m_pipeline.finish();
    if (m_pipeline.sawDone() || m_pipeline.accumulator().sawFinish()) {
        finishWith(ResultStatus::Ok, std::nullopt);
        return;
    }
    Q_UNUSED(pendingEvent);
    finishWith(ResultStatus::Truncated,
               ChatError::make(ErrorKind::Stream,
                               m_pipeline.accumulator().sawTokens()
                                   ? tr("The answer was cut off: the stream ended without its end marker. The partial "
                                        "answer is kept.")
                                   : tr("The stream ended before anything was generated."),
                               m_httpStatus));
}

void ChatStream::finalizeUsage()
{
    Usage &usage = m_pipeline.result().usage;
    CharCounts promptChars = TokenEstimator::countChars(m_request.config.systemPrompt);
    for (const ChatMessage &message : std::as_const(m_request.messages))
        promptChars += TokenEstimator::countChars(message.content);
    const QString providerId = m_provider.id();
    const QString model = m_request.config.model;
    if (usage.completionTokens && !usage.estimated) {
        // Images count as prompt tokens the characters do not show: such a prompt teaches
        // nothing about the model's characters per token (its completion still does).
        const bool images = std::any_of(m_request.messages.cbegin(), m_request.messages.cend(),
                                        [](const ChatMessage &message) { return !message.images.isEmpty(); });
        if (m_options.estimator)
            m_options.estimator->calibrate(providerId, model, usage, m_timeline.generatedChars(),
                                           images ? CharCounts() : promptChars);
        return;
    }
    if (!m_pipeline.accumulator().sawTokens())
        return;
    // The provider sent no usage (or lost it): estimate, and say so.
    const TokenEstimator uncalibrated;
    const TokenEstimator &estimator = m_options.estimator ? *m_options.estimator : uncalibrated;
    Usage estimated =
        estimator.estimate(providerId, model, m_timeline.generatedChars(), m_timeline.reasoningChars(), promptChars);
    if (usage.promptTokens)
        estimated.promptTokens = usage.promptTokens;
    if (usage.cachedPromptTokens)
        estimated.cachedPromptTokens = usage.cachedPromptTokens;
    if (usage.cacheWriteTokens)
        estimated.cacheWriteTokens = usage.cacheWriteTokens;
    usage = estimated;
}

void ChatStream::finishWith(ResultStatus status, std::optional<ChatError> error)
{
    if (m_finished)
        return;
    m_finished = true;
    m_firstByteTimer.stop();
    m_idleTimer.stop();
    m_retryTimer.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply.clear();
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    finalizeUsage();
    ChatResult &result = m_pipeline.result();
    result.status = status;
    if (error && error->httpStatus == 0)
        error->httpStatus = m_httpStatus;
    result.error = std::move(error);
    Q_EMIT finished();
}

} // namespace versus
