// SPDX-License-Identifier: GPL-3.0-or-later
// What the Comparison tests share: two OpenAI-compatible targets served by the loopback
// server, an engine on a private history file, and memory keys.
#pragma once

#include "engine/engine.h"
#include "openaichunks.h"
#include "scriptedserver.h"
#include "secrets/memorykeystore.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QTemporaryDir>

#include <memory>

namespace versus::test {

const Target kGroq{QStringLiteral("groq"), QStringLiteral("openai/gpt-oss-120b")};
const Target kTogether{QStringLiteral("together"), QStringLiteral("openai/gpt-oss-120b")};

inline ScriptedResponse answer(const QStringList &pieces, int gapMs = 0)
{
    QList<QByteArray> payloads;
    for (const QString &piece : pieces)
        payloads << openAiContentChunk(piece);
    payloads << openAiFinishChunk(int(pieces.size()), 12);
    return ScriptedResponse::sseData(payloads, gapMs);
}

/// An engine on a private history file, memory keys, and the base URLs of the loopback server.
struct Harness {
    QTemporaryDir dir;
    QNetworkAccessManager network;
    MemoryKeyStore keys;
    ScriptedServer server;
    std::unique_ptr<Engine> engine;

    Harness()
    {
        network.setProxy(QNetworkProxy::NoProxy);
        server.listen();
        for (const Target &target : {kGroq, kTogether}) {
            qputenv(baseUrlEnvVar(target.provider).toLatin1().constData(),
                    server.url(QStringLiteral("/%1/v1").arg(target.provider)).toString().toUtf8());
        }
        qputenv("GROQ_API_KEY", "gsk_test_key_for_comparisons_0001");
        qputenv("TOGETHER_API_KEY", "tgp_test_key_for_comparisons_0002");
        engine = std::make_unique<Engine>(options());
        engine->transport.retry.maxRetries = 0;
    }
    ~Harness()
    {
        for (const Target &target : {kGroq, kTogether})
            qunsetenv(baseUrlEnvVar(target.provider).toLatin1().constData());
        qunsetenv("GROQ_API_KEY");
        qunsetenv("TOGETHER_API_KEY");
    }
    EngineOptions options()
    {
        EngineOptions o;
        o.keyStore = &keys;
        o.network = &network;
        o.userFiles = false;
        o.historyPath = historyPath();
        return o;
    }
    QString historyPath() const { return dir.filePath(QStringLiteral("history.sqlite")); }
    static QByteArray chatPath(const Target &target) { return '/' + target.provider.toUtf8() + "/v1/chat/completions"; }
};

} // namespace versus::test
