// SPDX-License-Identifier: GPL-3.0-or-later
#include "openaichunks.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpSocket>
#include <QUrl>

namespace versus::test {

namespace {
QByteArray chunkWith(const QJsonObject &delta, const QJsonValue &finishReason, const QJsonObject &usage = {})
{
    QJsonObject chunk{
        {QStringLiteral("id"), QStringLiteral("chatcmpl-test")},
        {QStringLiteral("object"), QStringLiteral("chat.completion.chunk")},
        {QStringLiteral("choices"), QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                                           {QStringLiteral("delta"), delta},
                                                           {QStringLiteral("finish_reason"), finishReason}}}}};
    if (!usage.isEmpty())
        chunk.insert(QStringLiteral("usage"), usage);
    return QJsonDocument(chunk).toJson(QJsonDocument::Compact);
}
} // namespace

QByteArray openAiContentChunk(const QString &text)
{
    return chunkWith(QJsonObject{{QStringLiteral("content"), text}}, QJsonValue());
}

QByteArray openAiFinishChunk(int completionTokens, int promptTokens)
{
    QJsonObject usage;
    if (completionTokens > 0)
        usage = QJsonObject{{QStringLiteral("prompt_tokens"), promptTokens},
                            {QStringLiteral("completion_tokens"), completionTokens},
                            {QStringLiteral("total_tokens"), promptTokens + completionTokens}};
    return chunkWith(QJsonObject{}, QStringLiteral("stop"), usage);
}

NotTlsPeer::NotTlsPeer(QObject *parent)
    : QTcpServer(parent)
{
    listen(QHostAddress::LocalHost);
    connect(this, &QTcpServer::newConnection, this, [this] {
        while (QTcpSocket *socket = nextPendingConnection()) {
            connect(socket, &QTcpSocket::readyRead, socket, [socket] {
                socket->readAll();
                socket->write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n");
                socket->disconnectFromHost();
            });
        }
    });
}

QUrl NotTlsPeer::httpsUrl(const QString &path) const
{
    return QUrl(QStringLiteral("https://127.0.0.1:%1%2").arg(serverPort()).arg(path));
}

} // namespace versus::test
