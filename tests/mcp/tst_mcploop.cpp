// SPDX-License-Identifier: GPL-3.0-or-later
// MCP tools in the tool loop, end to end: versus-cli (and a Comparison in-process) against the
// scripted loopback provider and real versus-test-mcp servers over stdio and Streamable HTTP.
// The model calls an MCP tool and answers with its result; a tool error and a crash become
// results the model can read; the CLI offers only allowed tools and refuses clearly when none
// is; stopping a lane cancels the call on the server; no server process outlives the CLI.
#include "clirun.h"
#include "compare/comparison.h"
#include "engine/engine.h"
#include "mcp/hub.h"
#include "mcp/hubtools.h"
#include "mcptesthelpers.h"
#include "openaichunks.h"
#include "scriptedserver.h"
#include "secrets/memorykeystore.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

using namespace versus;
using namespace versus::test;
using namespace Qt::StringLiterals;

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray callChunk(const QList<std::tuple<QString, QString, QString>> &calls)
{
    QJsonArray array;
    for (int i = 0; i < calls.size(); ++i) {
        const auto &[id, name, arguments] = calls.at(i);
        array.append(QJsonObject{{u"index"_s, i},
                                 {u"id"_s, id},
                                 {u"type"_s, u"function"_s},
                                 {u"function"_s, QJsonObject{{u"name"_s, name}, {u"arguments"_s, arguments}}}});
    }
    return compact({{u"id"_s, u"c"_s},
                    {u"choices"_s, QJsonArray{QJsonObject{{u"index"_s, 0},
                                                          {u"delta"_s, QJsonObject{{u"tool_calls"_s, array}}},
                                                          {u"finish_reason"_s, QJsonValue::Null}}}}});
}

QByteArray toolCallsFinish()
{
    return compact(
        {{u"id"_s, u"c"_s},
         {u"choices"_s,
          QJsonArray{QJsonObject{{u"index"_s, 0}, {u"delta"_s, QJsonObject()}, {u"finish_reason"_s, u"tool_calls"_s}}}},
         {u"usage"_s, QJsonObject{{u"prompt_tokens"_s, 40}, {u"completion_tokens"_s, 9}}}});
}

ScriptedResponse calling(const QList<std::tuple<QString, QString, QString>> &calls)
{
    return ScriptedResponse::sseData({callChunk(calls), toolCallsFinish()});
}

ScriptedResponse answer(const QString &text)
{
    return ScriptedResponse::sseData({openAiContentChunk(text), openAiFinishChunk(4, 60)});
}

QJsonArray messagesOf(const RecordedRequest &request)
{
    return QJsonDocument::fromJson(request.body).object()[u"messages"_s].toArray();
}

/// Processes whose command line contains @p marker (a unique path given to the server).
int processesWith(const QString &marker)
{
    int count = 0;
    const QStringList pids = QDir(u"/proc"_s).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &pid : pids) {
        QFile cmdline(u"/proc/%1/cmdline"_s.arg(pid));
        if (cmdline.open(QIODevice::ReadOnly) && cmdline.readAll().contains(marker.toUtf8()))
            ++count;
    }
    return count;
}

} // namespace

class tst_McpLoop : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void modelCallsAnMcpToolAndUsesItsResult_data();
    void modelCallsAnMcpToolAndUsesItsResult();
    void toolErrorAndCrashAreReadableResults();
    void onlyAllowedToolsAreOffered();
    void aServerThatFailsIsAWarning();
    void stoppingTheLaneCancelsTheCall();
    void serversGetNoKeysAndNeverOutliveTheCli();
    void usageErrors();

private:
    CliRun run(const QStringList &arguments);
    QString writeConfig(const QJsonObject &servers);
    QJsonObject stdioServer(const QStringList &extra = {}) const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ScriptedServer> m_provider;
    QString m_log;
};

void tst_McpLoop::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_provider = std::make_unique<ScriptedServer>();
    QVERIFY(m_provider->listen());
    m_log = m_home->filePath(u"mcp-server.log"_s);
}

void tst_McpLoop::cleanup()
{
    m_provider.reset();
    m_home.reset();
}

CliRun tst_McpLoop::run(const QStringList &arguments)
{
    const QMap<QString, QString> extra{
        {u"GROQ_API_KEY"_s, u"gsk_mcp_loop_test_key_0001"_s},
        {u"VERSUS_GROQ_BASE_URL"_s, m_provider->url(u"/groq/v1"_s).toString()},
    };
    CliRun result;
    if (!runCliProcess(QStringLiteral(VERSUS_CLI_PATH), arguments, privateCliEnvironment(m_home->path(), extra),
                       result))
        result.exitCode = -1;
    return result;
}

QString tst_McpLoop::writeConfig(const QJsonObject &servers)
{
    const QString path = m_home->filePath(u"mcp.json"_s);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        qFatal("cannot write %s", qPrintable(path));
    file.write(QJsonDocument(QJsonObject{{u"mcpServers"_s, servers}}).toJson());
    return path;
}

QJsonObject tst_McpLoop::stdioServer(const QStringList &extra) const
{
    return QJsonObject{{u"command"_s, QStringLiteral(VERSUS_TEST_MCP_PATH)},
                       {u"args"_s, QJsonArray::fromStringList(QStringList{u"--log"_s, m_log} + extra)}};
}

void tst_McpLoop::modelCallsAnMcpToolAndUsesItsResult_data()
{
    QTest::addColumn<QString>("transport");
    QTest::newRow("stdio") << u"stdio"_s;
    QTest::newRow("streamable HTTP") << u"http"_s;
    QTest::newRow("streamable HTTP, SSE answers") << u"sse"_s;
}

void tst_McpLoop::modelCallsAnMcpToolAndUsesItsResult()
{
    QFETCH(QString, transport);
    std::unique_ptr<HttpTestServer> http;
    QJsonObject server = stdioServer();
    if (transport != u"stdio") {
        QStringList arguments{u"--log"_s, m_log};
        if (transport == u"sse")
            arguments << u"--sse"_s;
        http = std::make_unique<HttpTestServer>();
        QVERIFY(http->start(arguments));
        server = QJsonObject{{u"url"_s, http->url().toString()}};
    }
    const QString config = writeConfig({{u"calc"_s, server}});
    m_provider->enqueue(calling({{u"m1"_s, u"add"_s, u"{\"a\": 2, \"b\": 3}"_s}}));
    m_provider->enqueue(answer(u"2 + 3 = 5"_s));

    const CliRun result = run({u"chat"_s, u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--mcp-config"_s, config,
                               u"--allow-tool"_s, u"add"_s, u"--json"_s, u"--no-history"_s, u"2+3?"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(m_provider->requestCount(), 2);
    // The MCP tool was offered with its server's schema, and only the allowed one.
    const QJsonArray offered = QJsonDocument::fromJson(m_provider->request(0).body).object()[u"tools"_s].toArray();
    QCOMPARE(offered.size(), 1);
    QCOMPARE(offered.at(0)[u"function"_s][u"name"_s].toString(), u"add"_s);
    QVERIFY(offered.at(0)[u"function"_s][u"parameters"_s][u"properties"_s].toObject().contains(u"a"_s));
    // Its structured result went back to the model.
    const QJsonArray sent = messagesOf(m_provider->request(1));
    QCOMPARE(sent.at(2)[u"tool_call_id"_s].toString(), u"m1"_s);
    QCOMPARE(QJsonDocument::fromJson(sent.at(2)[u"content"_s].toString().toUtf8()).object(),
             QJsonObject({{u"sum"_s, 5}}));
    const QJsonObject call = result.json()[u"tool_rounds"_s].toArray().at(0)[u"calls"_s].toArray().at(0).toObject();
    QCOMPARE(call[u"result_source"_s].toString(), u"mcp"_s);
    QCOMPARE(call[u"server"_s].toString(), u"calc"_s);
    QCOMPARE(result.json()[u"text"_s].toString(), u"2 + 3 = 5"_s);
    // The server saw the call, and no provider key.
    const QList<QJsonObject> log = readLog(m_log);
    QVERIFY(std::any_of(log.begin(), log.end(), [](const QJsonObject &line) {
        return logMessage(line)[u"method"_s].toString() == u"tools/call"_s;
    }));
    QFile raw(m_log);
    QVERIFY(raw.open(QIODevice::ReadOnly));
    QVERIFY(!raw.readAll().contains("gsk_mcp_loop_test_key"));
    if (transport == u"stdio")
        QCOMPARE(processesWith(m_log), 0); // the server did not outlive the CLI
}

void tst_McpLoop::toolErrorAndCrashAreReadableResults()
{
    const QString config = writeConfig({{u"t"_s, stdioServer()}});
    m_provider->enqueue(calling({{u"f1"_s, u"fail"_s, u"{}"_s}, {u"c1"_s, u"crash"_s, u"{}"_s}}));
    m_provider->enqueue(answer(u"Both tools failed."_s));
    const CliRun result = run({u"chat"_s, u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--mcp-config"_s, config,
                               u"--allow-all-tools"_s, u"--json"_s, u"--no-history"_s, u"Try them"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(m_provider->requestCount(), 2); // the loop went on with the errors
    const QJsonArray sent = messagesOf(m_provider->request(1));
    const QString failed = sent.at(2)[u"content"_s].toString();
    const QString crashed = sent.at(3)[u"content"_s].toString();
    QVERIFY2(failed.contains(u"\"error\""_s) && failed.contains(u"the tool failed on purpose"_s), qPrintable(failed));
    QVERIFY2(crashed.contains(u"\"error\""_s) && crashed.contains(u"crashed"_s), qPrintable(crashed));
    const QJsonArray calls = result.json()[u"tool_rounds"_s].toArray().at(0)[u"calls"_s].toArray();
    QVERIFY(calls.at(0)[u"is_error"_s].toBool());
    QVERIFY(calls.at(1)[u"is_error"_s].toBool());
    QCOMPARE(processesWith(m_log), 0);
}

void tst_McpLoop::onlyAllowedToolsAreOffered()
{
    QJsonObject server = stdioServer();
    server.insert(u"alwaysAllow"_s, QJsonArray{u"echo"_s});
    const QString config = writeConfig({{u"t"_s, server}});
    // Allowed by the file alone: only echo is offered.
    m_provider->enqueue(answer(u"ok"_s));
    CliRun result = run({u"chat"_s, u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--mcp-config"_s, config, u"--json"_s,
                         u"--no-history"_s, u"hi"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QJsonArray offered = QJsonDocument::fromJson(m_provider->request(0).body).object()[u"tools"_s].toArray();
    QCOMPARE(offered.size(), 1);
    QCOMPARE(offered.at(0)[u"function"_s][u"name"_s].toString(), u"echo"_s);

    // Nothing allowed: refused before anything is sent, saying how to allow.
    const QString bare = writeConfig({{u"t"_s, stdioServer()}});
    result =
        run({u"chat"_s, u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--mcp-config"_s, bare, u"--no-history"_s, u"hi"_s});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(u"--allow-tool"_s) && result.err.contains(u"cannot ask"_s), qPrintable(result.err));
    result = run({u"chat"_s, u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--mcp-config"_s, bare, u"--allow-tool"_s,
                  u"nope"_s, u"--no-history"_s, u"hi"_s});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(u"no running MCP server offers it"_s), qPrintable(result.err));
    result = run({u"chat"_s, u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--allow-all-tools"_s, u"hi"_s});
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.err.contains(u"need --mcp-config"_s));
    QCOMPARE(m_provider->requestCount(), 1);
    QCOMPARE(processesWith(m_log), 0);
}

void tst_McpLoop::aServerThatFailsIsAWarning()
{
    QJsonObject servers{{u"good"_s, stdioServer()},
                        {u"gone"_s, QJsonObject{{u"command"_s, m_home->filePath(u"no-such-server"_s)}}}};
    const QString config = writeConfig(servers);
    m_provider->enqueue(answer(u"fine"_s));
    const CliRun result = run({u"chat"_s, u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--mcp-config"_s, config,
                               u"--allow-all-tools"_s, u"--no-history"_s, u"hi"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY2(result.err.contains(u"MCP server gone is not running: could not start"_s), qPrintable(result.err));
    QCOMPARE(QJsonDocument::fromJson(m_provider->request(0).body).object()[u"tools"_s].toArray().size(), 8);

    // mcp list shows both, and says one does not run.
    const CliRun list = run({u"mcp"_s, u"list"_s, u"--mcp-config"_s, config, u"--json"_s});
    QCOMPARE(list.exitCode, 1);
    const QJsonArray listed = list.json()[u"servers"_s].toArray();
    QCOMPARE(listed.size(), 2);
    QCOMPARE(listed.at(0)[u"name"_s].toString(), u"gone"_s);
    QCOMPARE(listed.at(0)[u"state"_s].toString(), u"not_running"_s);
    QCOMPARE(listed.at(1)[u"state"_s].toString(), u"running"_s);
    QCOMPARE(listed.at(1)[u"tools"_s].toArray().size(), 8);
    QCOMPARE(processesWith(m_log), 0);
}

void tst_McpLoop::stoppingTheLaneCancelsTheCall()
{
    QStandardPaths::setTestModeEnabled(true);
    QJsonObject server = stdioServer();
    server.insert(u"alwaysAllow"_s, QJsonArray{u"slow"_s});
    const QString config = writeConfig({{u"t"_s, server}});
    m_provider->enqueue(calling({{u"s1"_s, u"slow"_s, u"{\"ms\": 20000}"_s}}));
    qputenv("VERSUS_GROQ_BASE_URL", m_provider->url(u"/groq/v1"_s).toString().toUtf8());
    qputenv("GROQ_API_KEY", "gsk_mcp_loop_test_key_0002");
    QNetworkAccessManager network;
    network.setProxy(QNetworkProxy::NoProxy);
    MemoryKeyStore keys;
    EngineOptions options;
    options.keyStore = &keys;
    options.network = &network;
    options.userFiles = false;
    options.history = false;
    qint64 pid = 0;
    const auto logHas = [this](const QString &method) {
        const QList<QJsonObject> lines = readLog(m_log);
        return std::any_of(lines.begin(), lines.end(),
                           [&](const QJsonObject &line) { return logMessage(line)[u"method"_s].toString() == method; });
    };
    {
        Engine engine(options);
        QVERIFY(engine.loadMcp(config));
        mcp::Client *client = engine.mcpHub()->clients().first();
        QTRY_COMPARE(client->state(), mcp::Client::State::Ready);
        pid = client->processId();
        Comparison comparison(engine);
        comparison.setExternalTools(engine.mcpTools());
        ComparisonLane *lane = comparison.addLane(Target{u"groq"_s, u"openai/gpt-oss-120b"_s});
        QVERIFY(comparison.send(u"Take your time"_s));
        // The call is on the server (the log has it), then the lane is stopped.
        QTRY_VERIFY(logHas(u"tools/call"_s));
        QSignalSpy done(&comparison, &Comparison::turnFinished);
        comparison.stop(lane);
        QVERIFY(done.count() == 1 || done.wait(5000));
        const LaneTurn &turn = lane->conversation()->turn(0);
        QCOMPARE(turn.state, history::AnswerState::Cancelled);
        QCOMPARE(turn.result.toolRounds.at(0).calls.at(0).source, tools::ResultSource::Skipped);
        QTRY_VERIFY(logHas(u"notifications/cancelled"_s));
        QCOMPARE(m_provider->requestCount(), 1);
    }
    // The engine is gone, and the server with it.
    QVERIFY(pid > 0);
    QVERIFY(::kill(pid_t(pid), 0) != 0);
    qunsetenv("VERSUS_GROQ_BASE_URL");
    qunsetenv("GROQ_API_KEY");
}

void tst_McpLoop::serversGetNoKeysAndNeverOutliveTheCli()
{
    // A server that ignores the end of its input and SIGTERM: only the bounded stop's SIGKILL
    // ends it. Its environment is logged: the provider key of the CLI's must not be in it.
    QJsonObject server = stdioServer({u"--stubborn"_s, u"--log-environment"_s});
    server.insert(u"env"_s, QJsonObject{{u"MY_SETTING"_s, u"on"_s}});
    const QString config = writeConfig({{u"t"_s, server}});
    m_provider->enqueue(answer(u"ok"_s));
    CliRun result = run({u"chat"_s, u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--mcp-config"_s, config,
                         u"--allow-all-tools"_s, u"--no-history"_s, u"hi"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(processesWith(m_log), 0);
    const QList<QJsonObject> log = readLog(m_log);
    const auto environment =
        std::find_if(log.begin(), log.end(), [](const QJsonObject &line) { return line.contains(u"environment"_s); });
    QVERIFY(environment != log.end());
    const QJsonObject variables = (*environment)[u"environment"_s].toObject();
    QCOMPARE(variables[u"MY_SETTING"_s].toString(), u"on"_s); // the config's own
    QVERIFY(variables.contains(u"PATH"_s));
    for (const QString &name : variables.keys())
        QVERIFY2(!name.endsWith(u"_API_KEY"_s) && !name.startsWith(u"VERSUS_"_s), qPrintable(name));

    result = run({u"mcp"_s, u"list"_s, u"--mcp-config"_s, config});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(processesWith(m_log), 0);
}

void tst_McpLoop::usageErrors()
{
    // A configuration named on purpose must exist.
    CliRun result = run({u"chat"_s, u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--mcp-config"_s,
                         m_home->filePath(u"typo.json"_s), u"--allow-all-tools"_s, u"hi"_s});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(u"does not exist"_s), qPrintable(result.err));
    result = run({u"mcp"_s, u"list"_s, u"--mcp-config"_s, m_home->filePath(u"typo.json"_s)});
    QCOMPARE(result.exitCode, 2);
    // Two servers offer "add": which one is allowed must be said.
    const QString config = writeConfig({{u"one"_s, stdioServer()}, {u"two"_s, stdioServer()}});
    result = run({u"chat"_s, u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--mcp-config"_s, config, u"--allow-tool"_s,
                  u"add"_s, u"--no-history"_s, u"hi"_s});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(u"one__add or two__add"_s), qPrintable(result.err));
    QCOMPARE(m_provider->requestCount(), 0);
    QCOMPARE(processesWith(m_log), 0);
}

QTEST_GUILESS_MAIN(tst_McpLoop)
#include "tst_mcploop.moc"
