// SPDX-License-Identifier: GPL-3.0-or-later
// What the window tests share: the loopback server's OpenAI-compatible chunks, and a harness
// that makes what the composition root makes (private settings, memory keys, a history file).
#pragma once

#include "appservices.h"
#include "appsettings.h"
#include "engine/engine.h"
#include "providers/providerinfo.h"
#include "scriptedserver.h"
#include "secrets/memorykeystore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace versus::test {

using ui::AppServices;
using ui::AppSettings;

const QString kGroq = QStringLiteral("groq");
const QString kTogether = QStringLiteral("together");
const Target kGroqTarget{kGroq, QStringLiteral("openai/gpt-oss-120b")};
const Target kTogetherTarget{kTogether, QStringLiteral("openai/gpt-oss-120b")};

inline QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

inline QByteArray deltaChunk(const QString &field, const QString &text)
{
    return compact(
        {{QStringLiteral("id"), QStringLiteral("c1")},
         {QStringLiteral("choices"), QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                                            {QStringLiteral("delta"), QJsonObject{{field, text}}},
                                                            {QStringLiteral("finish_reason"), QJsonValue()}}}}});
}

inline QByteArray textChunk(const QString &text)
{
    return deltaChunk(QStringLiteral("content"), text);
}

inline QByteArray finishChunk()
{
    return compact({{QStringLiteral("id"), QStringLiteral("c1")},
                    {QStringLiteral("choices"),
                     QJsonArray{QJsonObject{{QStringLiteral("index"), 0},
                                            {QStringLiteral("delta"), QJsonObject{}},
                                            {QStringLiteral("finish_reason"), QStringLiteral("stop")}}}}});
}

inline QByteArray usageChunk(int prompt, int completion)
{
    return compact({{QStringLiteral("id"), QStringLiteral("c1")},
                    {QStringLiteral("choices"), QJsonArray{}},
                    {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), prompt},
                                                          {QStringLiteral("completion_tokens"), completion},
                                                          {QStringLiteral("total_tokens"), prompt + completion}}}});
}

/// An answer made of @p pieces, then finish and usage, one event every @p gapMs.
inline ScriptedResponse answer(const QStringList &pieces, int gapMs = 0)
{
    QList<QByteArray> payloads;
    for (const QString &piece : pieces)
        payloads << textChunk(piece);
    payloads << finishChunk() << usageChunk(20, int(pieces.size()));
    return ScriptedResponse::sseData(payloads, gapMs);
}

inline QByteArray chatPath(const QString &provider)
{
    return '/' + provider.toUtf8() + "/v1/chat/completions";
}

inline QByteArray baseUrlVar(const QString &provider)
{
    return baseUrlEnvVar(provider).toLatin1();
}

/// Everything the composition root makes, for one test: a private settings file, a memory
/// key store, the bundled catalogs and one network access manager without proxy.
struct Harness {
    QTemporaryDir dir;
    QNetworkAccessManager network;
    MemoryKeyStore keys;
    Engine engine{engineOptions()};
    AppSettings settings{std::make_unique<QSettings>(dir.filePath(QStringLiteral("versus.ini")), QSettings::IniFormat)};

    EngineOptions engineOptions()
    {
        network.setProxy(QNetworkProxy::NoProxy);
        EngineOptions options;
        options.keyStore = &keys;
        options.network = &network;
        options.userFiles = false; // bundled catalogs, calibration in memory
        options.historyPath = dir.filePath(QStringLiteral("history.sqlite"));
        return options;
    }

    Harness() { engine.transport.retry.maxRetries = 0; }

    AppServices services()
    {
        AppServices s;
        s.engine = &engine;
        s.settings = &settings;
        return s;
    }

    bool storeKey(const QString &provider, const char *key)
    {
        QObject context;
        bool done = false;
        keys.write(provider, ApiKey::fromUtf8(QByteArray(key)), &context, [&done](KeyResult) { done = true; });
        return QTest::qWaitFor([&done] { return done; }, 5000);
    }
};

} // namespace versus::test
