// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/httptransport.h"

#include "mcp/jsonrpc.h"
#include "mcp/mcplog.h"
#include "net/networkerror.h"
#include "net/requestauthorizer.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace versus::mcp {

namespace {
const QByteArray kSessionHeader = QByteArrayLiteral("Mcp-Session-Id");
const QByteArray kVersionHeader = QByteArrayLiteral("MCP-Protocol-Version");
constexpr int kDeleteTimeoutMs = 2000;

bool isAuthorization(const QByteArray &name)
{
    return name.compare("Authorization", Qt::CaseInsensitive) == 0;
}
} // namespace

HttpTransport::HttpTransport(ServerConfig config, QNetworkAccessManager *network, ApiKey bearerToken, QObject *parent)
    : Transport(parent)
    , m_config(std::move(config))
    , m_network(network)
    , m_token(std::move(bearerToken))
{
}

HttpTransport::~HttpTransport()
{
    dropAll();
    if (!m_closing && !m_sessionId.isEmpty())
        sendDelete(true);
}

void HttpTransport::open()
{
    // Nothing to connect: the first POST (initialize) finds out whether the server is there.
    QMetaObject::invokeMethod(this, &Transport::opened, Qt::QueuedConnection);
}

std::expected<QNetworkRequest, QString> HttpTransport::buildRequest() const
{
    // A literal "Authorization: Bearer X" from the file goes through the authorizer too,
    // so the same rules (no key over plain http to another machine) apply to it.
    ApiKey key = m_token;
    RawHeaders plain;
    for (const auto &[name, value] : m_config.headers) {
        if (isAuthorization(name)) {
            if (key.isEmpty() && value.startsWith("Bearer ")) {
                key = ApiKey::fromUtf8(value.mid(7).trimmed());
                continue;
            }
            if (!m_token.isEmpty())
                continue;
        }
        plain.append({name, value});
    }
    auto request = net::RequestAuthorizer::build(m_config.url, key.isEmpty() ? AuthStyle::None : AuthStyle::Bearer, key,
                                                 net::RequestAuthorizer::Redirects::Manual);
    if (!request)
        return request;
    for (const auto &[name, value] : std::as_const(plain))
        request->setRawHeader(name, value);
    request->setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    request->setRawHeader(QByteArrayLiteral("Accept"), QByteArrayLiteral("application/json, text/event-stream"));
    if (!m_sessionId.isEmpty())
        request->setRawHeader(kSessionHeader, m_sessionId);
    if (!m_protocolVersion.isEmpty())
        request->setRawHeader(kVersionHeader, m_protocolVersion.toUtf8());
    return request;
}

void HttpTransport::send(const QJsonObject &message)
{
    if (m_closing || m_failed)
        return;
    auto exchange = std::make_shared<Exchange>();
    if (jsonrpc::kindOf(message) == jsonrpc::Kind::Request) {
        exchange->id = jsonrpc::integerId(message.value(u"id"_s)).value_or(-1);
        exchange->initialize = message.value(u"method"_s).toString() == u"initialize";
    }
    auto request = buildRequest();
    if (!request) {
        requestEnded(*exchange, request.error());
        return;
    }
    exchange->sentSession = !m_sessionId.isEmpty();
    QNetworkReply *reply = m_network->post(*request, QJsonDocument(message).toJson(QJsonDocument::Compact));
    m_exchanges.insert(reply, exchange);
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, reply] { onHeaders(reply); });
    connect(reply, &QIODevice::readyRead, this, [this, reply] { onReadyRead(reply); });
    connect(reply, &QNetworkReply::finished, this, [this, reply] { onFinished(reply); });
    qCDebug(lcMcp) << "POST" << net::displayUrl(m_config.url) << "request id" << exchange->id;
}

void HttpTransport::abandon(qint64 id)
{
    for (auto it = m_exchanges.begin(); it != m_exchanges.end(); ++it) {
        if (it.value()->id != id)
            continue;
        QNetworkReply *reply = it.key();
        m_exchanges.erase(it);
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
        return;
    }
}

void HttpTransport::setProtocolVersion(const QString &version)
{
    m_protocolVersion = version;
}

void HttpTransport::dropAll()
{
    const auto replies = m_exchanges.keys();
    m_exchanges.clear();
    for (QNetworkReply *reply : replies) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void HttpTransport::close()
{
    if (m_closing)
        return;
    m_closing = true;
    dropAll();
    if (m_sessionId.isEmpty() || m_failed) {
        QMetaObject::invokeMethod(this, &Transport::closed, Qt::QueuedConnection);
        return;
    }
    sendDelete(false);
}

void HttpTransport::sendDelete(bool detached)
{
    auto request = buildRequest();
    if (!request) {
        if (!detached)
            QMetaObject::invokeMethod(this, &Transport::closed, Qt::QueuedConnection);
        return;
    }
    QNetworkReply *reply = m_network->deleteResource(*request);
    connect(reply, &QNetworkReply::finished, reply, &QObject::deleteLater);
    QTimer::singleShot(kDeleteTimeoutMs, reply, [reply] { reply->abort(); });
    if (!detached)
        connect(reply, &QNetworkReply::finished, this, &Transport::closed);
}

void HttpTransport::onHeaders(QNetworkReply *reply)
{
    const auto found = m_exchanges.constFind(reply);
    if (found == m_exchanges.cend() || found.value()->headersSeen)
        return;
    Exchange &exchange = *found.value();
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 0)
        return;
    exchange.headersSeen = true;
    const QByteArray contentType = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
    exchange.sse = status == 200 && contentType.startsWith("text/event-stream");
    const QByteArray session = reply->rawHeader(kSessionHeader);
    if (!session.isEmpty() && (exchange.initialize || m_sessionId.isEmpty()) && status / 100 == 2)
        m_sessionId = session;
}

bool HttpTransport::deliver(QNetworkReply *reply, QByteArrayView frame)
{
    auto messages = jsonrpc::parseFrame(frame);
    if (!messages) {
        fail(Failure::Protocol, messages.error());
        return false;
    }
    const qint64 id = m_exchanges.value(reply)->id;
    const QPointer<HttpTransport> self(this);
    for (const QJsonObject &message : std::as_const(*messages)) {
        if (id >= 0 && jsonrpc::kindOf(message) == jsonrpc::Kind::Response &&
            jsonrpc::integerId(message.value(u"id"_s)) == id)
            m_exchanges.value(reply)->answered = true;
        Q_EMIT messageReceived(message);
        if (!self || !m_exchanges.contains(reply) || m_failed)
            return false;
    }
    return true;
}

void HttpTransport::onReadyRead(QNetworkReply *reply)
{
    onHeaders(reply);
    const auto found = m_exchanges.constFind(reply);
    if (found == m_exchanges.cend())
        return;
    const std::shared_ptr<Exchange> exchange = found.value();
    if (!exchange->sse) {
        exchange->body += reply->readAll();
        if (exchange->body.size() > kMaxBodyBytes)
            fail(Failure::Protocol, u"an answer longer than %1 MiB"_s.arg(kMaxBodyBytes / (1024 * 1024)));
        return;
    }
    QList<sse::SseEvent> events;
    const bool ok = exchange->parser.feed(reply->readAll(), events);
    for (const sse::SseEvent &event : std::as_const(events)) {
        if (event.data.trimmed().isEmpty() || (!event.type.isEmpty() && event.type != "message"))
            continue;
        if (!deliver(reply, event.data))
            return;
    }
    if (!ok)
        fail(Failure::Protocol, u"an event longer than 16 MiB"_s);
}

void HttpTransport::requestEnded(const Exchange &exchange, const QString &reason)
{
    if (exchange.id >= 0) {
        Q_EMIT requestFailed(exchange.id, reason);
    } else {
        qCWarning(lcMcp) << "MCP server" << m_config.name << "did not take a notification:" << reason;
    }
}

void HttpTransport::onFinished(QNetworkReply *reply)
{
    onReadyRead(reply);
    const auto found = m_exchanges.constFind(reply);
    if (found == m_exchanges.cend())
        return;
    const std::shared_ptr<Exchange> exchange = found.value();
    m_exchanges.erase(found);
    reply->deleteLater();

    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QString server = u"the MCP server %1"_s.arg(m_config.name);
    if (status == 0) {
        const net::Peer peer{server, net::isLoopbackHost(m_config.url.host())};
        requestEnded(*exchange, net::errorFromNetwork(reply->error(), peer, m_config.url).message);
        return;
    }
    if (status == 404 && exchange->sentSession) {
        // The id itself stays out of messages: some servers treat it as a credential.
        fail(Failure::SessionExpired, u"session expired (HTTP 404 for the session)"_s);
        return;
    }
    if (status == 401 || status == 403) {
        requestEnded(*exchange, u"%1 refused the request (HTTP %2): %3"_s.arg(server).arg(status).arg(
                                    m_token.isEmpty() && !m_config.bearerFromKeychain
                                        ? u"it needs a token; put \"Authorization\": \"Bearer ${keychain}\" in its "
                                          "headers and store the token in the keychain as %1"_s.arg(
                                              keychainEntryName(m_config.name))
                                        : u"check the token stored as %1"_s.arg(keychainEntryName(m_config.name))));
        return;
    }
    if (status / 100 == 3) {
        requestEnded(*exchange, u"%1 redirected the request (HTTP %2); MCP requests are not redirected, put the "
                                "final address in the configuration"_s.arg(server)
                                    .arg(status));
        return;
    }
    if (status >= 400) {
        const QString body = jsonrpc::cut(exchange->body);
        requestEnded(*exchange, u"%1 answered HTTP %2%3"_s.arg(server).arg(status).arg(
                                    body.isEmpty() ? QString() : u": "_s + body));
        return;
    }
    if (exchange->sse) {
        exchange->parser.finish();
    } else if (!exchange->body.trimmed().isEmpty()) {
        const QByteArray type = reply->header(QNetworkRequest::ContentTypeHeader).toByteArray().toLower();
        if (!type.startsWith("application/json") && !type.isEmpty()) {
            fail(Failure::Protocol,
                 u"an answer of type %1 (expected JSON or an event stream)"_s.arg(QString::fromUtf8(type)));
            return;
        }
        m_exchanges.insert(reply, exchange); // deliver() looks it up
        const QPointer<HttpTransport> self(this);
        const bool ok = deliver(reply, exchange->body);
        if (!self)
            return;
        m_exchanges.remove(reply);
        if (!ok)
            return;
    }
    if (exchange->id >= 0 && !exchange->answered)
        requestEnded(*exchange, status == 202 ? u"%1 accepted the request but sent no answer"_s.arg(server)
                                              : u"%1 ended its answer without a result"_s.arg(server));
}

void HttpTransport::fail(Failure failure, const QString &reason)
{
    if (m_failed)
        return;
    m_failed = true;
    dropAll();
    Q_EMIT failed(failure, reason);
}

} // namespace versus::mcp
