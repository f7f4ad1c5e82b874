// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QString>
#include <QTcpServer>

namespace versus::test {

/// One OpenAI-style `chat.completion.chunk` carrying @p text as delta.content (JSON, compact).
QByteArray openAiContentChunk(const QString &text);
/// The finish chunk (`finish_reason: "stop"`), with usage when @p completionTokens > 0.
QByteArray openAiFinishChunk(int completionTokens = 0, int promptTokens = 10);

/// A loopback peer that answers whatever arrives — a TLS ClientHello included — with a
/// plain-text HTTP error and closes: what a plain-HTTP port or a broken proxy does to a
/// client that expects TLS. The handshake fails; nothing can be ignored into success.
class NotTlsPeer : public QTcpServer {
public:
    explicit NotTlsPeer(QObject *parent = nullptr);
    /// https://127.0.0.1:PORT + @p path
    QUrl httpsUrl(const QString &path) const;
};

} // namespace versus::test
