// SPDX-License-Identifier: GPL-3.0-or-later
// The welcome view's probe of local model servers, against real loopback sockets: one server
// answering its model list like Ollama, one port refusing, one server that never answers.
#include "providers/localserverprobe.h"
#include "scriptedserver.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>

using namespace versus;
using namespace versus::test;

namespace {

const QByteArray kOllamaList =
    "{\"object\":\"list\",\"data\":[{\"id\":\"llama3:8b\",\"object\":\"model\",\"owned_by\":\"library\"},\n"
    "                                "
    "{\"id\":\"nomic-embed-text:latest\",\"object\":\"model\",\"type\":\"embeddings\"},\n"
    "                                {\"id\":\"qwen3:4b\",\"object\":\"model\",\"owned_by\":\"library\"}]}";

void pointAt(const QString &provider, const QUrl &url)
{
    qputenv(baseUrlEnvVar(provider).toLatin1().constData(), url.toString().toUtf8());
}

} // namespace

class tst_LocalServerProbe : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup()
    {
        for (const char *id : {"ollama", "llamacpp", "lmstudio"})
            qunsetenv(baseUrlEnvVar(QLatin1String(id)).toLatin1().constData());
    }

    void findsTheServersThatAnswer()
    {
        ScriptedServer ollama;
        QVERIFY(ollama.listen());
        ollama.route("GET", "/ollama/v1/models", ScriptedResponse::json(200, kOllamaList));
        ScriptedServer silent; // accepts, never answers: the short timeout ends it
        QVERIFY(silent.listen());
        silent.route("GET", "/v1/models", ScriptedResponse::raw().stall());
        pointAt(QStringLiteral("ollama"), ollama.url("/ollama/v1"));
        pointAt(QStringLiteral("llamacpp"), QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(closedLoopbackPort())));
        pointAt(QStringLiteral("lmstudio"), silent.url("/v1"));

        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        const auto registry = ProviderRegistry::createDefault();
        LocalServerProbe probe(network, *registry);
        QSignalSpy found(&probe, &LocalServerProbe::found);
        QSignalSpy finished(&probe, &LocalServerProbe::finished);
        QElapsedTimer clock;
        clock.start();
        probe.start(400);
        QVERIFY(probe.isRunning()); // in the background: start() returned before any answer
        QVERIFY(finished.wait(5000));
        QVERIFY2(clock.elapsed() < 3000, "the silent server held the probe past its timeout");
        QCOMPARE(finished.size(), 1);
        QCOMPARE(found.size(), 1);
        const LocalServer server = probe.servers().value(0);
        QCOMPARE(server.providerId, QStringLiteral("ollama"));
        QCOMPARE(server.name, QStringLiteral("Ollama"));
        QCOMPARE(server.baseUrl, ollama.url("/ollama/v1"));
        // The model the list says is an embedding model is not offered for a chat lane.
        QCOMPARE(server.models, (QStringList{QStringLiteral("llama3:8b"), QStringLiteral("qwen3:4b")}));
        QCOMPARE(ollama.requestCount(), 1);
        QCOMPARE(silent.requestCount(), 1);
    }

    void againForgetsTheEarlierAnswers()
    {
        auto ollama = std::make_unique<ScriptedServer>();
        QVERIFY(ollama->listen());
        ollama->route("GET", "/v1/models", ScriptedResponse::json(200, kOllamaList));
        pointAt(QStringLiteral("ollama"), ollama->url("/v1"));
        const QUrl closed(QStringLiteral("http://127.0.0.1:%1/v1").arg(closedLoopbackPort()));
        pointAt(QStringLiteral("llamacpp"), closed);
        pointAt(QStringLiteral("lmstudio"), closed);
        QNetworkAccessManager network;
        network.setProxy(QNetworkProxy::NoProxy);
        const auto registry = ProviderRegistry::createDefault();
        LocalServerProbe probe(network, *registry);
        QSignalSpy finished(&probe, &LocalServerProbe::finished);
        probe.start(1000);
        QVERIFY(finished.wait(5000));
        QCOMPARE(probe.servers().size(), 1);

        ollama.reset(); // Ollama was quit meanwhile: its port refuses, its connections are reset
        probe.start(1000);
        QVERIFY(probe.servers().isEmpty());
        QVERIFY(finished.wait(5000));
        QCOMPARE(finished.size(), 2);
        QVERIFY(probe.servers().isEmpty());
    }
};

QTEST_GUILESS_MAIN(tst_LocalServerProbe)
#include "tst_localserverprobe.moc"
