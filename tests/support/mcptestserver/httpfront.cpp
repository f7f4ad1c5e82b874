// SPDX-License-Identifier: GPL-3.0-or-later
#include "httpfront.h"

#include <QJsonDocument>
#include <QTcpServer>
#include <QTcpSocket>
#include <QUuid>

#include <cstdio>

using namespace Qt::StringLiterals;

namespace versus::test {

namespace {
const char kBuffer[] = "mcp_buffer";
} // namespace

HttpFront::HttpFront(McpTestServer *server, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_listener(new QTcpServer(this))
{
    connect(m_listener, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = m_listener->nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
            connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
        }
    });
    connect(m_server, &McpTestServer::expireSessions, this, [this] { m_sessions.clear(); });
    m_server->setNotifier([this](const QByteArray &frame, bool) { m_queued.append(frame); });
}

bool HttpFront::listen(quint16 port)
{
    if (!m_listener->listen(QHostAddress::LocalHost, port))
        return false;
    std::printf("listening on %d\n", int(m_listener->serverPort()));
    std::fflush(stdout);
    return true;
}

void HttpFront::onReadyRead(QTcpSocket *socket)
{
    QByteArray buffer = socket->property(kBuffer).toByteArray() + socket->readAll();
    socket->setProperty(kBuffer, buffer);
    const qsizetype headerEnd = buffer.indexOf("\r\n\r\n");
    if (headerEnd < 0 || socket->property("mcp_served").toBool())
        return;
    Request request;
    const QList<QByteArray> lines = buffer.left(headerEnd).split('\n');
    const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
    request.method = first.value(0);
    request.path = first.value(1);
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines.at(i).indexOf(':');
        if (colon > 0)
            request.headers.insert(lines.at(i).left(colon).trimmed().toLower(), lines.at(i).mid(colon + 1).trimmed());
    }
    const qsizetype length = request.headers.value("content-length", "0").toLongLong();
    if (buffer.size() < headerEnd + 4 + length)
        return;
    request.body = buffer.mid(headerEnd + 4, length);
    socket->setProperty("mcp_served", true);
    serve(socket, request);
}

void HttpFront::logRequest(const Request &request)
{
    QJsonObject headers;
    for (auto it = request.headers.cbegin(); it != request.headers.cend(); ++it) {
        QString value = QString::fromUtf8(it.value());
        if (it.key() == "authorization") // the token itself never reaches the log
            value = it.value() == "Bearer " + m_server->options().requireBearer ? u"matches"_s : u"differs"_s;
        headers.insert(QString::fromUtf8(it.key()), value);
    }
    QJsonObject line{{u"http"_s, QString::fromUtf8(request.method)}, {u"headers"_s, headers}};
    const QJsonDocument body = QJsonDocument::fromJson(request.body);
    if (body.isObject())
        line.insert(u"message"_s, body.object());
    else if (!request.body.isEmpty())
        line.insert(u"body"_s, QString::fromUtf8(request.body));
    m_server->log(compact(line));
}

void HttpFront::reply(QTcpSocket *socket, int status, const QByteArray &reason, const QByteArray &body,
                      const QByteArray &extraHeaders)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(status) + ' ' + reason + "\r\n";
    if (!body.isEmpty())
        head += "Content-Type: application/json\r\n";
    head += "Content-Length: " + QByteArray::number(body.size()) + "\r\nConnection: close\r\n" + extraHeaders + "\r\n";
    socket->write(head + body);
    socket->disconnectFromHost();
}

void HttpFront::serve(QTcpSocket *socket, const Request &request)
{
    logRequest(request);
    const QByteArray &token = m_server->options().requireBearer;
    if (!token.isEmpty() && request.headers.value("authorization") != "Bearer " + token) {
        reply(socket, 401, "Unauthorized", R"({"error":"a bearer token is required"})", "WWW-Authenticate: Bearer\r\n");
        return;
    }
    const QByteArray session = request.headers.value("mcp-session-id");
    if (request.method == "DELETE") {
        const bool known = m_sessions.remove(session);
        reply(socket, known ? 200 : 404, known ? "OK" : "Not Found", {});
        return;
    }
    if (request.method != "POST") {
        reply(socket, 405, "Method Not Allowed", {}, "Allow: POST, DELETE\r\n");
        return;
    }
    const QJsonObject message = QJsonDocument::fromJson(request.body).object();
    const QString method = message.value(u"method"_s).toString();
    QByteArray sessionHeader;
    if (method == u"initialize") {
        const QByteArray id =
            QUuid::createUuid().toByteArray(QUuid::WithoutBraces) + '-' + QByteArray::number(m_nextSession++);
        m_sessions.insert(id);
        sessionHeader = "Mcp-Session-Id: " + id + "\r\n";
    } else if (!m_sessions.contains(session)) {
        if (session.isEmpty())
            reply(socket, 400, "Bad Request", R"({"error":"Mcp-Session-Id missing"})");
        else
            reply(socket, 404, "Not Found", R"({"error":"no such session"})");
        return;
    }
    if (message.isEmpty()) {
        reply(socket, 400, "Bad Request", R"({"error":"not a JSON object"})");
        return;
    }
    if (!message.contains(u"id"_s) || method.isEmpty()) { // notification or response
        m_server->handle(message, {}, false);
        reply(socket, 202, "Accepted", {});
        return;
    }
    const QPointer<QTcpSocket> target(socket);
    if (!m_server->options().sse) {
        m_server->handle(
            message,
            [target, sessionHeader](const QByteArray &frame, bool final) {
                if (target && final)
                    reply(target, 200, "OK", frame, sessionHeader);
            },
            false);
        return;
    }
    socket->write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                  "Connection: close\r\n" +
                  sessionHeader + "\r\n");
    const auto event = [target](const QByteArray &frame) {
        if (target)
            target->write("event: message\ndata: " + frame + "\n\n");
    };
    for (const QByteArray &queued : std::exchange(m_queued, {}))
        event(queued);
    m_server->handle(
        message,
        [target, event](const QByteArray &frame, bool final) {
            event(frame);
            if (target && final)
                target->disconnectFromHost();
        },
        true);
}

} // namespace versus::test
