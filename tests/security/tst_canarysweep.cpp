// SPDX-License-Identifier: GPL-3.0-or-later
// The canary sweep: a scripted session with a canary key through the real versus-cli, the
// real keychain and a loopback provider — a successful chat, 401, 429, 500, a TLS failure, the
// key stored, listed, tested and used from the keychain, prices, model lists, the token
// calibration, key registry and history written, a comparison, the history shown, searched and
// exported in every format — then the canary must appear in no file under the
// session's HOME and XDG folders and in no line the program printed (stdout or stderr, where
// every log line goes). Only the auth header sent to the provider (Authorization, Gemini's
// x-goog-api-key) may carry it.
#include "../secrets/keyringcontrol.h"
#include "fixture.h"
#include "openaichunks.h"
#include "scriptedserver.h"

#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRandomGenerator>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace versus::test;

namespace {

struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestCanarySweep : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void sweep();

private:
    Run cli(const QStringList &args, const QByteArray &input = {}, bool keyInEnvironment = false);
    void expectNoCanaryIn(const Run &run, const char *what);

    QTemporaryDir m_home;
    QByteArray m_canary;
    QUrl m_baseUrl;
    QStringList m_transcript;
};

void TestCanarySweep::initTestCase()
{
    if (KeyringControl::keyringTestsDisabled())
        QSKIP("VERSUS_NO_KEYRING_TESTS=1: the canary sweep needs the throw-away keyring (skipped, not passed)");
    const QString problem = KeyringControl::problemWithTestKeyring();
    QVERIFY2(problem.isEmpty(), qPrintable(problem));
    QVERIFY(m_home.isValid());
    m_canary = "gsk_CANARY_" + QByteArray::number(QRandomGenerator::global()->generate64(), 36) + "Zq9";
}

Run TestCanarySweep::cli(const QStringList &args, const QByteArray &input, bool keyInEnvironment)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (const QString &name : env.keys()) {
        if (name.endsWith(u"_API_KEY") || name.startsWith(u"VERSUS_") || name.endsWith(u"_proxy", Qt::CaseInsensitive))
            env.remove(name);
    }
    env.insert(QStringLiteral("HOME"), m_home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_home.path() + QStringLiteral("/.config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), m_home.path() + QStringLiteral("/.local/share"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), m_home.path() + QStringLiteral("/.cache"));
    env.insert(QStringLiteral("XDG_STATE_HOME"), m_home.path() + QStringLiteral("/.local/state"));
    env.insert(QStringLiteral("no_proxy"), QStringLiteral("*"));
    env.insert(QStringLiteral("VERSUS_GROQ_BASE_URL"), m_baseUrl.toString());
    env.insert(QStringLiteral("VERSUS_GEMINI_BASE_URL"),
               m_baseUrl.resolved(QUrl(QStringLiteral("/v1beta"))).toString());
    // Every category of Qt logging on, so that a key in any debug line would show.
    env.insert(QStringLiteral("QT_LOGGING_RULES"), QStringLiteral("versus.*=true"));
    if (keyInEnvironment)
        env.insert(QStringLiteral("GROQ_API_KEY"), QString::fromLatin1(m_canary));
    QProcess process;
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(VERSUS_CLI), args);
    process.write(input);
    process.closeWriteChannel();
    Run run;
    if (!finished.wait(60000)) { // the loopback server answers from this event loop meanwhile
        process.kill();
        process.waitForFinished();
        return run;
    }
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = process.readAllStandardError();
    m_transcript << args.join(u' ') + QStringLiteral(" → %1").arg(run.exitCode);
    return run;
}

void TestCanarySweep::expectNoCanaryIn(const Run &run, const char *what)
{
    QVERIFY2(run.exitCode >= 0, what);
    QVERIFY2(!run.out.contains(m_canary), what);
    QVERIFY2(!run.err.contains(m_canary), what);
    // Nor most of it: a key cut in two or half-masked is still a leak.
    QVERIFY2(!run.out.contains(m_canary.mid(4, 12)) && !run.err.contains(m_canary.mid(4, 12)), what);
}

void TestCanarySweep::sweep()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    m_baseUrl = server.url("/openai/v1");
    const Fixture text = loadFixture(QStringLiteral("groq"), QStringLiteral("text"));
    const Fixture unauthorized = loadFixture(QStringLiteral("groq"), QStringLiteral("error_401"));
    const Fixture serverError = loadFixture(QStringLiteral("groq"), QStringLiteral("error_500"));
    QVERIFY(text.isValid() && unauthorized.isValid() && serverError.isValid());
    const QByteArray chatPath = "/openai/v1/chat/completions";
    const QStringList chat{QStringLiteral("chat"), QStringLiteral("-t"), QStringLiteral("groq:openai/gpt-oss-120b"),
                           QStringLiteral("--timeout"), QStringLiteral("5")};
    const QStringList chatJson = chat + QStringList{QStringLiteral("--json")};

    // The key goes into the keychain, and everything after uses it from there.
    Run run = cli({QStringLiteral("keys"), QStringLiteral("set"), QStringLiteral("groq")}, m_canary + '\n');
    QCOMPARE(run.exitCode, 0);
    expectNoCanaryIn(run, "keys set");
    for (const QStringList &args :
         {QStringList{QStringLiteral("keys"), QStringLiteral("list")},
          QStringList{QStringLiteral("keys"), QStringLiteral("list"), QStringLiteral("--json")},
          QStringList{QStringLiteral("providers"), QStringLiteral("--json")}, QStringList{QStringLiteral("pricing")}}) {
        run = cli(args);
        QCOMPARE(run.exitCode, 0);
        expectNoCanaryIn(run, qPrintable(args.join(u' ')));
    }

    // A successful chat, for people and as JSON, with the key from the keychain and from the environment.
    server.route("POST", chatPath, text.response);
    for (bool env : {false, true}) {
        run = cli(chat + QStringList{QStringLiteral("hi")}, {}, env);
        QCOMPARE(run.exitCode, 0);
        QVERIFY(run.out.contains("Hello there"));
        expectNoCanaryIn(run, "chat ok");
        run = cli(chatJson + QStringList{QStringLiteral("hi")}, {}, env);
        QCOMPARE(run.exitCode, 0);
        expectNoCanaryIn(run, "chat ok --json");
    }
    QCOMPARE(server.lastRequest().header("authorization"), QByteArray("Bearer " + m_canary));

    // 401, 429 (retried, then given up), 500 (retried, then given up).
    const QList<std::pair<const char *, ScriptedResponse>> failures{
        {"401", unauthorized.response},
        {"429",
         ScriptedResponse::json(429, R"({"error":{"message":"Rate limit reached"}})", {{"retry-after-ms", "5"}})},
        {"500", ScriptedResponse(serverError.response).setHeader("retry-after-ms", "5")},
    };
    for (const auto &[name, response] : failures) {
        server.clearRoutes();
        server.route("POST", chatPath, response);
        run = cli(chat + QStringList{QStringLiteral("hi")});
        QCOMPARE(run.exitCode, 1);
        expectNoCanaryIn(run, name);
        run = cli(chatJson + QStringList{QStringLiteral("hi")});
        QCOMPARE(run.exitCode, 1);
        expectNoCanaryIn(run, name);
    }

    // Model list and key check against the provider.
    server.route("GET", "/openai/v1/models", ScriptedResponse::json(200, R"({"data":[{"id":"openai/gpt-oss-120b"}]})"));
    run = cli({QStringLiteral("models"), QStringLiteral("groq"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    expectNoCanaryIn(run, "models");
    run = cli({QStringLiteral("keys"), QStringLiteral("test"), QStringLiteral("groq")});
    QCOMPARE(run.exitCode, 0);
    expectNoCanaryIn(run, "keys test");

    // A TLS failure: a peer that answers the handshake with plain text.
    NotTlsPeer peer;
    QVERIFY(peer.isListening());
    const QUrl tlsUrl = peer.httpsUrl(QStringLiteral("/openai/v1"));
    run = cli(chatJson + QStringList{QStringLiteral("--base-url"), tlsUrl.toString(), QStringLiteral("hi")});
    QCOMPARE(run.exitCode, 1);
    QVERIFY(run.out.contains("\"tls\""));
    expectNoCanaryIn(run, "tls");

    // A comparison, and the history it and every chat above were saved to, shown, searched and
    // exported in every format.
    server.clearRoutes();
    server.route("POST", chatPath, text.response);
    run = cli({QStringLiteral("compare"), QStringLiteral("-t"), QStringLiteral("groq:openai/gpt-oss-120b"),
               QStringLiteral("-t"), QStringLiteral("groq:llama-3.3-70b-versatile"), QStringLiteral("--json"),
               QStringLiteral("compare these")});
    QCOMPARE(run.exitCode, 0);
    expectNoCanaryIn(run, "compare");
    const QString conversation =
        QString::number(QJsonDocument::fromJson(run.out).object().value(u"conversation_id").toInteger());
    QVERIFY(conversation.toLongLong() > 0);
    for (const QStringList &args :
         {QStringList{QStringLiteral("history"), QStringLiteral("list"), QStringLiteral("--json")},
          QStringList{QStringLiteral("history"), QStringLiteral("show"), conversation},
          QStringList{QStringLiteral("history"), QStringLiteral("show"), conversation, QStringLiteral("--json")},
          QStringList{QStringLiteral("history"), QStringLiteral("search"), QStringLiteral("Hello"),
                      QStringLiteral("--json")}}) {
        run = cli(args);
        QCOMPARE(run.exitCode, 0);
        expectNoCanaryIn(run, qPrintable(args.join(u' ')));
    }
    for (const char *format : {"md", "json", "csv"}) {
        const QString out = m_home.filePath(QStringLiteral("export.") + QLatin1String(format));
        run = cli({QStringLiteral("history"), QStringLiteral("export"), conversation, QStringLiteral("--format"),
                   QLatin1String(format), QStringLiteral("--out"), out});
        QCOMPARE(run.exitCode, 0);
        expectNoCanaryIn(run, format);
        QVERIFY(QFile::exists(out));
    }

    // An MCP server as a tool source: the model calls its echo tool, the CLI's MCP log is on
    // (QT_LOGGING_RULES above), and the server logs every message it gets into the home (so
    // the sweep below reads it): no provider key may travel to it or be logged about it.
    const QString mcpLog = m_home.filePath(QStringLiteral("mcp-traffic.log"));
    const QString mcpConfig = m_home.filePath(QStringLiteral("mcp.json"));
    {
        QFile config(mcpConfig);
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write(
            QJsonDocument(
                QJsonObject{{QStringLiteral("mcpServers"),
                             QJsonObject{{QStringLiteral("t"),
                                          QJsonObject{{QStringLiteral("command"), QStringLiteral(VERSUS_TEST_MCP_PATH)},
                                                      {QStringLiteral("args"),
                                                       QJsonArray{QStringLiteral("--log"), mcpLog}}}}}}})
                .toJson());
    }
    server.clearRoutes();
    server.enqueue(ScriptedResponse::sseData(
        {R"({"id":"c","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"e1","type":"function","function":{"name":"echo","arguments":"{\"text\":\"hi\"}"}}]},"finish_reason":null}]})",
         R"({"id":"c","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":9,"completion_tokens":3,"total_tokens":12}})"}));
    server.enqueue(text.response);
    run = cli(chatJson + QStringList{QStringLiteral("--mcp-config"), mcpConfig, QStringLiteral("--allow-tool"),
                                     QStringLiteral("echo"), QStringLiteral("hi")});
    QCOMPARE(run.exitCode, 0);
    expectNoCanaryIn(run, "chat with an MCP tool");
    QVERIFY2(run.err.contains("versus.mcp"), run.err.constData()); // the MCP log was printed and swept
    QFile traffic(mcpLog);
    QVERIFY(traffic.open(QIODevice::ReadOnly));
    QVERIFY(traffic.readAll().contains("tools/call"));

    // Gemini takes its key in x-goog-api-key: a chat, a rejected key, the paginated model list
    // and the key check send it there and nowhere else (never as ?key= in a request line).
    const Fixture geminiText = loadFixture(QStringLiteral("gemini"), QStringLiteral("text"));
    const Fixture geminiBadKey = loadFixture(QStringLiteral("gemini"), QStringLiteral("error_400_api_key_invalid"));
    QVERIFY(geminiText.isValid() && geminiBadKey.isValid());
    run = cli({QStringLiteral("keys"), QStringLiteral("set"), QStringLiteral("gemini")}, m_canary + '\n');
    QCOMPARE(run.exitCode, 0);
    server.clearRoutes();
    const qsizetype geminiFrom = server.requestCount();
    const QStringList geminiChat{QStringLiteral("chat"), QStringLiteral("-t"),
                                 QStringLiteral("gemini:gemini-2.5-flash"), QStringLiteral("--json"),
                                 QStringLiteral("hi")};
    server.enqueue(geminiText.response);
    run = cli(geminiChat);
    QCOMPARE(run.exitCode, 0);
    expectNoCanaryIn(run, "gemini chat");
    server.enqueue(geminiBadKey.response);
    run = cli(geminiChat);
    QCOMPARE(run.exitCode, 1);
    expectNoCanaryIn(run, "gemini chat with a rejected key");
    server.enqueue(ScriptedResponse::json(
        200, R"({"models":[{"name":"models/gemini-2.5-flash","supportedGenerationMethods":["generateContent"]}],
                 "nextPageToken":"page2"})"));
    server.enqueue(ScriptedResponse::json(
        200, R"({"models":[{"name":"models/gemini-2.5-pro","supportedGenerationMethods":["generateContent"]}]})"));
    run = cli({QStringLiteral("models"), QStringLiteral("gemini"), QStringLiteral("--json")});
    QCOMPARE(run.exitCode, 0);
    expectNoCanaryIn(run, "gemini models");
    QCOMPARE(server.requestCount(), geminiFrom + 4);
    for (qsizetype i = geminiFrom; i < server.requestCount(); ++i) {
        const RecordedRequest request = server.request(i);
        QVERIFY2(request.path.startsWith("/v1beta/models"), request.path.constData());
        QVERIFY2(!request.path.contains(m_canary) && !request.path.contains("key="), request.path.constData());
        QCOMPARE(request.header("x-goog-api-key"), m_canary);
        QVERIFY(!request.hasHeader("Authorization"));
        QVERIFY(!request.body.contains(m_canary));
    }
    run = cli({QStringLiteral("keys"), QStringLiteral("delete"), QStringLiteral("gemini")});
    QCOMPARE(run.exitCode, 0);

    // Deleting the key leaves no trace either.
    run = cli({QStringLiteral("keys"), QStringLiteral("delete"), QStringLiteral("groq")});
    QCOMPARE(run.exitCode, 0);
    expectNoCanaryIn(run, "keys delete");

    // Every file the session wrote: settings, key registry, calibration, model cache, ...
    int files = 0;
    QStringList written;
    QDirIterator it(m_home.path(), QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
        const QByteArray bytes = file.readAll();
        QVERIFY2(!bytes.contains(m_canary), qPrintable(QStringLiteral("the key is in %1").arg(path)));
        QVERIFY2(!bytes.contains(m_canary.mid(4, 12)),
                 qPrintable(QStringLiteral("part of the key is in %1").arg(path)));
        written << path.mid(m_home.path().size());
        ++files;
    }
    qInfo("swept %d files: %s", files, qPrintable(written.join(QStringLiteral(", "))));
    // The sweep looked at what the session really writes (the sweep must not pass on nothing).
    QVERIFY2(written.contains(QStringLiteral("/.config/versus/keychain-entries.ini")), qPrintable(written.join(u' ')));
    QVERIFY2(written.contains(QStringLiteral("/.local/share/versus/token-calibration.json")),
             qPrintable(written.join(u' ')));
    QVERIFY2(written.contains(QStringLiteral("/.cache/versus/models/groq.json")), qPrintable(written.join(u' ')));
    QVERIFY2(written.contains(QStringLiteral("/.cache/versus/models/gemini.json")), qPrintable(written.join(u' ')));
    QVERIFY2(written.contains(QStringLiteral("/.local/share/versus/history.sqlite")), qPrintable(written.join(u' ')));
    QVERIFY2(written.contains(QStringLiteral("/mcp-traffic.log")), qPrintable(written.join(u' ')));
    for (const char *format : {"md", "json", "csv"})
        QVERIFY2(written.contains(QStringLiteral("/export.") + QLatin1String(format)), qPrintable(written.join(u' ')));
}

QTEST_GUILESS_MAIN(TestCanarySweep)
#include "tst_canarysweep.moc"
