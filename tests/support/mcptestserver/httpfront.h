// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "testserver.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QObject>
#include <QPointer>
#include <QSet>

class QTcpServer;
class QTcpSocket;

namespace versus::test {

/// MCP's Streamable HTTP for versus-test-mcp: POST one JSON-RPC message, answered with JSON
/// or (--sse) an event stream; Mcp-Session-Id from initialize on; DELETE ends a session.
/// Every connection serves one request and is closed.
class HttpFront : public QObject {
    Q_OBJECT
public:
    HttpFront(McpTestServer *server, QObject *parent = nullptr);
    /// Listens on 127.0.0.1:@p port and prints "listening on PORT" on stdout.
    bool listen(quint16 port);

private:
    struct Request {
        QByteArray method;
        QByteArray path;
        QMap<QByteArray, QByteArray> headers; // names lower-cased
        QByteArray body;
    };
    void onReadyRead(QTcpSocket *socket);
    void serve(QTcpSocket *socket, const Request &request);
    void logRequest(const Request &request);
    static void reply(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &body,
                      const QByteArray &extraHeaders = {});

    McpTestServer *m_server;
    QTcpServer *m_listener;
    QSet<QByteArray> m_sessions;
    QList<QByteArray> m_queued; // unsolicited messages for the next event stream
    int m_nextSession = 1;
};

} // namespace versus::test
