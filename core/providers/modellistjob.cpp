// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/modellistjob.h"

#include "net/networkerror.h"
#include "net/requestauthorizer.h"

#include <QNetworkAccessManager>
#include <QNetworkReply>

#include <algorithm>

namespace versus {

ModelListJob::ModelListJob(QNetworkAccessManager &network, const Provider &provider, ApiKey key, QUrl baseUrl,
                           int timeoutMs, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_provider(provider)
    , m_key(std::move(key))
    , m_baseUrl(std::move(baseUrl))
    , m_timeoutMs(timeoutMs)
    , m_result(std::unexpected(ChatError::make(ErrorKind::Cancelled, QString())))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        if (m_finished || !m_reply)
            return;
        m_abort = Abort::Timeout;
        m_reply->abort();
    });
}

ModelListJob::~ModelListJob()
{
    if (m_reply) {
        m_reply->disconnect(this);
        m_reply->abort();
        delete m_reply;
    }
    m_key.clear();
}

void ModelListJob::start()
{
    if (m_started)
        return;
    m_started = true;
    const ProviderInfo &info = m_provider.info();
    const std::optional<HttpCall> call = m_provider.buildModelsCall(m_baseUrl);
    if (!call) {
        finishWith(std::unexpected(ChatError::make(
            ErrorKind::Config, tr("%1 has no model list to fetch; use a model id you know.").arg(info.displayName))));
        return;
    }
    if (info.keyRequired && m_key.isEmpty()) {
        finishWith(std::unexpected(ChatError::make(
            ErrorKind::Config, tr("No API key for %1. Set %2 or store one with \"versus-cli keys set %3\" "
                                  "(or in Settings → Providers & Keys).")
                                   .arg(info.displayName, info.keyEnvVar, info.id))));
        return;
    }
    send(*call);
}

bool ModelListJob::send(const HttpCall &call)
{
    m_url = call.url;
    auto built = net::RequestAuthorizer::build(call.url, call.auth, m_key);
    if (!built) {
        finishWith(std::unexpected(ChatError::make(ErrorKind::Config, built.error())));
        return false;
    }
    QNetworkRequest request = *built;
    for (const auto &[name, value] : call.headers)
        request.setRawHeader(name, value);
    m_body.clear();
    ++m_pages;
    m_reply = m_network.get(request);
    m_reply->setParent(this);
    connect(m_reply, &QNetworkReply::readyRead, this, &ModelListJob::onReadyRead);
    connect(m_reply, &QNetworkReply::finished, this, &ModelListJob::onReplyFinished);
    m_timer.start(m_timeoutMs);
    return true;
}

void ModelListJob::cancel()
{
    if (m_finished)
        return;
    if (!m_reply) {
        finishWith(std::unexpected(ChatError::make(ErrorKind::Cancelled, tr("Stopped by you."))));
        return;
    }
    m_abort = Abort::Cancelled;
    m_reply->abort();
}

void ModelListJob::onReadyRead()
{
    if (m_finished || !m_reply)
        return;
    m_body += m_reply->readAll();
    if (m_body.size() > kMaxBodyBytes) {
        m_abort = Abort::TooLarge;
        m_reply->abort();
    }
}

void ModelListJob::onReplyFinished()
{
    if (m_finished || !m_reply)
        return;
    m_timer.stop();
    QNetworkReply *reply = m_reply;
    m_reply.clear();
    reply->deleteLater();
    const ProviderInfo &info = m_provider.info();

    switch (m_abort) {
    case Abort::Cancelled:
        finishWith(std::unexpected(ChatError::make(ErrorKind::Cancelled, tr("Stopped by you."))));
        return;
    case Abort::Timeout:
        finishWith(std::unexpected(ChatError::make(
            ErrorKind::Timeout,
            tr("%1 did not send its model list within %2 s.").arg(info.displayName).arg(m_timeoutMs / 1000.0))));
        return;
    case Abort::TooLarge:
        finishWith(std::unexpected(ChatError::make(ErrorKind::Stream, tr("The model list of %1 is larger than %2 MiB.")
                                                                          .arg(info.displayName)
                                                                          .arg(kMaxBodyBytes / (1024 * 1024)))));
        return;
    case Abort::None:
        break;
    }

    m_body += reply->readAll();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QNetworkReply::NetworkError code = reply->error();
    if (status == 0) {
        const ChatError error =
            code == QNetworkReply::NoError
                ? ChatError::make(ErrorKind::Network, tr("%1 sent no answer.").arg(info.displayName))
                : net::errorFromNetwork(code, m_provider.peer(), m_url);
        finishWith(std::unexpected(error));
        return;
    }
    if (status >= 300 && status < 400) {
        ChatError error = net::errorFromNetwork(QNetworkReply::InsecureRedirectError, m_provider.peer(), m_url);
        error.httpStatus = status;
        finishWith(std::unexpected(error));
        return;
    }
    if (status >= 400) {
        finishWith(std::unexpected(m_provider.errorFromHttp(status, m_body, reply->rawHeaderPairs())));
        return;
    }
    if (code != QNetworkReply::NoError) {
        ChatError error = net::errorFromNetwork(code, m_provider.peer(), m_url);
        error.httpStatus = status;
        finishWith(std::unexpected(error));
        return;
    }
    auto models = m_provider.parseModels(m_body);
    if (!models) {
        finishWith(std::unexpected(ChatError::make(ErrorKind::Stream, models.error(), status)));
        return;
    }
    for (ModelInfo &model : *models) {
        const bool duplicate =
            std::any_of(m_models.cbegin(), m_models.cend(), [&](const ModelInfo &m) { return m.id == model.id; });
        if (!duplicate)
            m_models.append(std::move(model));
    }
    if (m_pages < kMaxPages) {
        if (const std::optional<HttpCall> next = m_provider.nextModelsCall(m_baseUrl, m_body)) {
            send(*next);
            return;
        }
    }
    m_fetchedAtUtc = QDateTime::currentDateTimeUtc();
    finishWith(std::move(m_models));
}

void ModelListJob::finishWith(Result result)
{
    if (m_finished)
        return;
    m_finished = true;
    m_timer.stop();
    if (m_reply) {
        QNetworkReply *reply = m_reply;
        m_reply.clear();
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
    m_body.clear();
    m_result = std::move(result);
    Q_EMIT finished();
}

} // namespace versus
