// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mcp/mcpconfig.h"
#include "mcp/transport.h"
#include "secrets/apikey.h"
#include "sse/sseparser.h"

#include <QHash>
#include <QNetworkRequest>

#include <expected>
#include <memory>

class QNetworkAccessManager;
class QNetworkReply;

namespace versus::mcp {

/// MCP's Streamable HTTP transport: every message is POSTed to the server's URL; the answer
/// is JSON or an SSE stream of messages. Keeps the Mcp-Session-Id from initialize and sends
/// it, with MCP-Protocol-Version, on every later request. The bearer token goes on requests
/// only through net::RequestAuthorizer.
class HttpTransport : public Transport {
    Q_OBJECT
public:
    static constexpr qsizetype kMaxBodyBytes = 16 * 1024 * 1024;

    HttpTransport(ServerConfig config, QNetworkAccessManager *network, ApiKey bearerToken, QObject *parent = nullptr);
    /// Aborts what is in flight; ends the session (DELETE) when close() did not.
    ~HttpTransport() override;

    void open() override;
    void send(const QJsonObject &message) override;
    void abandon(qint64 id) override;
    void setProtocolVersion(const QString &version) override;
    void close() override;

    QByteArray sessionId() const { return m_sessionId; }

private:
    struct Exchange {
        qint64 id = -1; // the request's id; -1 for notifications and responses
        bool initialize = false;
        bool sentSession = false;
        bool sse = false;
        bool answered = false;
        bool headersSeen = false;
        sse::SseParser parser;
        QByteArray body;
    };
    std::expected<QNetworkRequest, QString> buildRequest() const;
    void onHeaders(QNetworkReply *reply);
    void onReadyRead(QNetworkReply *reply);
    void onFinished(QNetworkReply *reply);
    /// Emits the messages of one frame; false when the exchange is gone or the transport failed.
    bool deliver(QNetworkReply *reply, QByteArrayView frame);
    void fail(Failure failure, const QString &reason);
    void requestEnded(const Exchange &exchange, const QString &reason);
    void sendDelete(bool detached);
    void dropAll();

    ServerConfig m_config;
    QNetworkAccessManager *m_network;
    ApiKey m_token;
    QByteArray m_sessionId;
    QString m_protocolVersion;
    QHash<QNetworkReply *, std::shared_ptr<Exchange>> m_exchanges;
    bool m_closing = false;
    bool m_failed = false;
};

} // namespace versus::mcp
