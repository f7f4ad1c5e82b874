// SPDX-License-Identifier: GPL-3.0-or-later
#include "scriptedserver.h"

#include "scriptedconnection.h"

#include <QTcpServer>
#include <QTcpSocket>

namespace versus::test {

ScriptedServer::ScriptedServer(QObject *parent)
    : QObject(parent)
    , m_tcpServer(new QTcpServer(this))
{
    connect(m_tcpServer, &QTcpServer::newConnection, this, &ScriptedServer::onNewConnection);
}

ScriptedServer::~ScriptedServer()
{
    m_tcpServer->close();
    // Drop connections silently: no signal may reach a half-destroyed server.
    for (ScriptedConnection *connection : std::as_const(m_connections))
        connection->shutdown();
}

bool ScriptedServer::listen()
{
    return m_tcpServer->listen(QHostAddress::LocalHost, 0);
}

void ScriptedServer::stopListening()
{
    m_tcpServer->close();
}

bool ScriptedServer::isListening() const
{
    return m_tcpServer->isListening();
}

quint16 ScriptedServer::port() const
{
    return m_tcpServer->serverPort();
}

QUrl ScriptedServer::url(const QString &path) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(port()).arg(path));
}

void ScriptedServer::enqueue(const ScriptedResponse &response)
{
    m_queue.enqueue(response);
}

void ScriptedServer::route(const QByteArray &method, const QByteArray &path, const ScriptedResponse &response)
{
    for (Route &existing : m_routes) {
        if (existing.method == method && existing.path == path) {
            existing.response = response;
            return;
        }
    }
    m_routes.append({method, path, response});
}

void ScriptedServer::clearRoutes()
{
    m_routes.clear();
}

void ScriptedServer::abortAllConnections()
{
    const QList<ScriptedConnection *> connections = m_connections;
    for (ScriptedConnection *connection : connections) {
        const int id = connection->id();
        connection->shutdown();
        connection->deleteLater();
        m_connections.removeOne(connection);
        emit connectionClosed(id);
    }
}

std::pair<int, ScriptedResponse> ScriptedServer::takeResponse(const RecordedRequest &request)
{
    m_requests.append(request);
    const int index = int(m_requests.size() - 1);
    emit requestReceived(index); // a slot may still script the answer to this request

    for (const Route &route : std::as_const(m_routes)) {
        if (!route.method.isEmpty() && route.method != request.method)
            continue;
        const bool match =
            route.path.contains('?') ? route.path == request.path : route.path == request.pathWithoutQuery();
        if (match)
            return {index, route.response};
    }
    if (!m_queue.isEmpty())
        return {index, m_queue.dequeue()};

    QByteArray target = request.method + ' ' + request.pathWithoutQuery();
    target.replace('"', "'").replace('\\', '/');
    return {index, ScriptedResponse::json(404, R"({"error":{"message":"ScriptedServer: no response scripted for )" +
                                                   target + R"(","type":"not_found","code":"no_scripted_response"}})")};
}

void ScriptedServer::onNewConnection()
{
    while (QTcpSocket *socket = m_tcpServer->nextPendingConnection()) {
        const int id = m_nextConnectionId++;
        auto *connection = new ScriptedConnection(id, socket, this);
        m_connections.append(connection);
        connect(connection, &ScriptedConnection::responseFinished, this, &ScriptedServer::responseFinished);
        connect(connection, &ScriptedConnection::closed, this, [this, connection](int closedId) {
            m_connections.removeOne(connection);
            emit connectionClosed(closedId);
        });
        emit connectionOpened(id);
    }
}

quint16 closedLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost))
        return 1;
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

} // namespace versus::test
