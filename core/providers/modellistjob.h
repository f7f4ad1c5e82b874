// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/provider.h"
#include "secrets/apikey.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>

#include <expected>

class QNetworkAccessManager;
class QNetworkReply;

namespace versus {

/// Fetches a provider's live model list (`GET {base}/models` for OpenAI-compatible
/// services) and parses it with Provider::parseModels, entries completed from the catalog.
/// A paginated list is followed page by page (Provider::nextModelsCall, at most kMaxPages)
/// and the pages concatenated; the timeout applies to each page.
///
/// finished() fires exactly once, also for a provider without a list endpoint, a missing
/// key (both Config errors, nothing sent), a timeout and cancel(). Errors are typed like a
/// chat's: HTTP errors through Provider::errorFromHttp, transport errors through
/// net::errorFromNetwork (e.g. "Ollama is not running on localhost:11434"). The job owns
/// its QNetworkReply.
class ModelListJob : public QObject {
    Q_OBJECT
public:
    using Result = std::expected<QList<ModelInfo>, ChatError>;

    ModelListJob(QNetworkAccessManager &network, const Provider &provider, ApiKey key, QUrl baseUrl,
                 int timeoutMs = 30'000, QObject *parent = nullptr);
    ~ModelListJob() override;

    /// Sends the request; finished() may come before this returns (nothing to send).
    void start();
    /// Stops the request; finished() follows with a Cancelled error.
    void cancel();

    bool isFinished() const { return m_finished; }
    const Result &result() const { return m_result; }
    /// When the answer arrived (UTC); invalid until the job succeeded.
    QDateTime fetchedAtUtc() const { return m_fetchedAtUtc; }
    const Provider &provider() const { return m_provider; }

    /// Largest model list accepted (OpenRouter's, the largest known, is a few MiB).
    static constexpr qsizetype kMaxBodyBytes = 32 * 1024 * 1024;
    /// Pages of a paginated list (Provider::nextModelsCall) fetched at most: a server that
    /// always names a next page must not keep the job going for ever.
    static constexpr int kMaxPages = 50;

Q_SIGNALS:
    void finished();

private:
    enum class Abort { None, Cancelled, Timeout, TooLarge };
    void onReadyRead();
    void onReplyFinished();
    /// Sends @p call; false when it could not be sent (finished() has come with the error).
    bool send(const HttpCall &call);
    void finishWith(Result result);

    QNetworkAccessManager &m_network;
    const Provider &m_provider;
    ApiKey m_key;
    QUrl m_baseUrl;
    QUrl m_url;
    int m_timeoutMs;
    QPointer<QNetworkReply> m_reply;
    QTimer m_timer;
    QByteArray m_body;
    QList<ModelInfo> m_models; ///< pages received so far
    int m_pages = 0;
    Abort m_abort = Abort::None;
    Result m_result;
    QDateTime m_fetchedAtUtc;
    bool m_started = false;
    bool m_finished = false;
};

} // namespace versus
