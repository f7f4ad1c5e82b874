// SPDX-License-Identifier: GPL-3.0-or-later
// What the Settings and welcome-view tests share: a composition root of their own (config
// folder, settings file, history, keys) and a scripted OpenAI-compatible answer.
#pragma once

#include "appsettings.h"
#include "composer.h"
#include "engine/engine.h"
#include "mainwindow.h"
#include "scriptedserver.h"
#include "secrets/memorykeystore.h"

#include <QAction>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

namespace versus::test {

using namespace versus::ui;

inline const Target kGroqTarget{QStringLiteral("groq"), QStringLiteral("openai/gpt-oss-120b")};

inline QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

/// An OpenAI-compatible streamed answer of @p text with usage @p prompt → @p completion.
inline ScriptedResponse answer(const QString &text, int prompt = 20, int completion = 3)
{
    const auto choice = [](const QJsonObject &delta, const QJsonValue &finish) {
        return QJsonArray{QJsonObject{
            {QStringLiteral("index"), 0}, {QStringLiteral("delta"), delta}, {QStringLiteral("finish_reason"), finish}}};
    };
    return ScriptedResponse::sseData(
        {compact({{QStringLiteral("id"), QStringLiteral("c1")},
                  {QStringLiteral("choices"), choice({{QStringLiteral("content"), text}}, QJsonValue())}}),
         compact({{QStringLiteral("id"), QStringLiteral("c1")},
                  {QStringLiteral("choices"), choice({}, QStringLiteral("stop"))}}),
         compact({{QStringLiteral("id"), QStringLiteral("c1")},
                  {QStringLiteral("choices"), QJsonArray()},
                  {QStringLiteral("usage"), QJsonObject{{QStringLiteral("prompt_tokens"), prompt},
                                                        {QStringLiteral("completion_tokens"), completion},
                                                        {QStringLiteral("total_tokens"), prompt + completion}}}})});
}

inline void setBaseUrl(const QString &provider, const QUrl &url)
{
    qputenv(baseUrlEnvVar(provider).toLatin1().constData(), url.toString().toUtf8());
}

inline QUrl closedUrl()
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(closedLoopbackPort()));
}

/// The composition root of one test: its own config folder, settings file, history, keys.
struct Harness {
    QTemporaryDir dir;
    QNetworkAccessManager network;
    MemoryKeyStore keys;
    std::unique_ptr<Engine> engine;
    AppSettings settings{std::make_unique<QSettings>(dir.filePath(QStringLiteral("versus.ini")), QSettings::IniFormat)};

    Harness()
    {
        qputenv("XDG_CONFIG_HOME", dir.filePath(QStringLiteral("config")).toUtf8());
        network.setProxy(QNetworkProxy::NoProxy);
        EngineOptions options;
        options.keyStore = &keys;
        options.network = &network;
        options.userFiles = false;
        options.historyPath = dir.filePath(QStringLiteral("history.sqlite"));
        engine = std::make_unique<Engine>(options);
        engine->transport.retry.maxRetries = 0;
    }

    AppServices services()
    {
        AppServices s;
        s.engine = engine.get();
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

    std::unique_ptr<MainWindow> openWindow()
    {
        auto window = std::make_unique<MainWindow>(services());
        window->show();
        window->activateWindow();
        if (!QTest::qWaitForWindowExposed(window.get()))
            qWarning("window not exposed");
        return window;
    }
};

template<typename W>
W *part(QWidget *parent, const char *name)
{
    auto *widget = parent->findChild<W *>(QLatin1String(name));
    if (!widget)
        qWarning("no %s", name);
    return widget;
}

inline void typeAndSend(MainWindow &window, const QString &prompt)
{
    QTest::keyClicks(window.composer()->editor(), prompt);
    QTest::mouseClick(window.composer()->sendButton(), Qt::LeftButton);
}

inline QAction *action(MainWindow &window, const char *name)
{
    return window.findChild<QAction *>(QLatin1String(name));
}

} // namespace versus::test
