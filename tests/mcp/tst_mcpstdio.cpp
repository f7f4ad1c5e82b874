// SPDX-License-Identifier: GPL-3.0-or-later
// MCP over stdio against versus-test-mcp, a real child process: start, tools (paginated),
// calls, errors, crash, garbage, cancel, timeout, list_changed, version negotiation, server
// requests, stop and the destructor (no process left behind), and the Hub's tool names.
#include "mcp/hub.h"
#include "mcptesthelpers.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTemporaryDir>

#include <csignal>
#include <sys/types.h>

using namespace Qt::StringLiterals;
using namespace versus::mcp;
using namespace versus::test;

namespace {

bool processGone(qint64 pid)
{
    return ::kill(pid_t(pid), 0) != 0 && errno == ESRCH;
}

const QStringList kTools{u"add"_s,  u"echo"_s,    u"slow"_s,        u"crash"_s,
                         u"fail"_s, u"garbage"_s, u"ping_client"_s, u"expire_session"_s};

QStringList names(const QList<Tool> &tools)
{
    QStringList out;
    for (const Tool &tool : tools)
        out.append(tool.name);
    return out;
}

} // namespace

class TestMcpStdio : public QObject {
    Q_OBJECT

private slots:
    void init();
    void startsAndLists_data();
    void startsAndLists();
    void calls();
    void toolErrors();
    void crash();
    void garbage();
    void cancel();
    void timeout();
    void listChanged();
    void missingCommand();
    void protocolVersions_data();
    void protocolVersions();
    void serverRequests();
    void stderrTail();
    void environmentAndDirectory();
    void stopEndsProcess();
    void destructorEndsProcess();
    void callWhenNotReady();
    void hubNames();

private:
    QTemporaryDir m_dir;
    QString m_log;
    QNetworkAccessManager m_network;
};

void TestMcpStdio::init()
{
    m_log = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u".log"_s);
    QFile::remove(m_log);
}

void TestMcpStdio::startsAndLists_data()
{
    QTest::addColumn<int>("pageSize");
    QTest::addColumn<int>("listRequests");
    QTest::newRow("one page") << 0 << 1;
    QTest::newRow("pages of 3") << 3 << 3;
    QTest::newRow("pages of 1") << 1 << 8;
}

void TestMcpStdio::startsAndLists()
{
    QFETCH(int, pageSize);
    QFETCH(int, listRequests);
    Client client(testServerConfig({u"--page-size"_s, QString::number(pageSize), u"--log"_s, m_log}), &m_network);
    QSignalSpy states(&client, &Client::stateChanged);
    QSignalSpy toolsChanged(&client, &Client::toolsChanged);
    QCOMPARE(client.stateText(), u"not running"_s);
    client.start();
    QCOMPARE(client.state(), Client::State::Starting);
    QTRY_COMPARE(client.state(), Client::State::Ready);
    QCOMPARE(states.size(), 2);
    QCOMPARE(toolsChanged.size(), 1);
    QCOMPARE(names(client.tools()), kTools);
    QCOMPARE(client.stateText(), u"running, 8 tools"_s);
    QCOMPARE(client.protocolVersion(), u"2025-06-18"_s);
    QCOMPARE(client.serverName(), u"versus-test-mcp"_s);
    const Tool add = client.tools().constFirst();
    QCOMPARE(add.server, u"test"_s);
    QCOMPARE(add.description, u"Adds two numbers"_s);
    QCOMPARE(add.inputSchema.value(u"required"_s).toArray().size(), 2);

    const QList<QJsonObject> log = readLog(m_log);
    QCOMPARE(log.value(0).value(u"method"_s).toString(), u"initialize"_s);
    const QJsonObject params = log.value(0).value(u"params"_s).toObject();
    QCOMPARE(params.value(u"protocolVersion"_s).toString(), u"2025-06-18"_s);
    QCOMPARE(params.value(u"clientInfo"_s).toObject().value(u"name"_s).toString(), u"versus"_s);
    QCOMPARE(log.value(1).value(u"method"_s).toString(), u"notifications/initialized"_s);
    int lists = 0;
    for (const QJsonObject &line : log)
        lists += line.value(u"method"_s).toString() == u"tools/list";
    QCOMPARE(lists, listRequests);
}

void TestMcpStdio::calls()
{
    Client client(testServerConfig({}), &m_network);
    client.start();
    QTRY_COMPARE(client.state(), Client::State::Ready);
    const auto add = call(client, u"add"_s, {{u"a"_s, 2}, {u"b"_s, 3}});
    QVERIFY2(add, qPrintable(errorOf(add)));
    QVERIFY(!add->isError);
    QCOMPARE(add->text, u"5"_s);
    QCOMPARE(add->structured.toObject(), (QJsonObject{{u"sum"_s, 5}}));
    QCOMPARE(add->content.size(), 1);
    const auto echo = call(client, u"echo"_s, {{u"text"_s, u"héllo\nworld"_s}});
    QVERIFY2(echo, qPrintable(errorOf(echo)));
    QCOMPARE(echo->text, u"héllo\nworld"_s);
    QVERIFY(echo->structured.isUndefined());
}

void TestMcpStdio::toolErrors()
{
    Client client(testServerConfig({}), &m_network);
    client.start();
    QTRY_COMPARE(client.state(), Client::State::Ready);
    const auto fail = call(client, u"fail"_s);
    QVERIFY2(fail, qPrintable(errorOf(fail)));
    QVERIFY(fail->isError);
    QCOMPARE(fail->text, u"the tool failed on purpose"_s);
    const auto unknown = call(client, u"nope"_s);
    QVERIFY(!unknown);
    QCOMPARE(unknown.error(), u"the MCP server test could not run nope: Unknown tool: nope (code -32602)"_s);
    QCOMPARE(client.state(), Client::State::Ready);
}

void TestMcpStdio::crash()
{
    Client client(testServerConfig({}), &m_network);
    client.start();
    QTRY_COMPARE(client.state(), Client::State::Ready);
    const qint64 pid = client.processId();
    QVERIFY(pid > 0);
    const auto pending = startCall(client, u"slow"_s, {{u"ms"_s, 5000}});
    const auto crashed = call(client, u"crash"_s);
    QVERIFY(!crashed);
    QCOMPARE(crashed.error(), u"the MCP server test crashed (exit code 3): fatal: crash tool called"_s);
    QCOMPARE(client.state(), Client::State::Crashed);
    QCOMPARE(client.stateText(), u"crashed (exit code 3): fatal: crash tool called"_s);
    QVERIFY(client.stderrTail().contains(u"fatal: crash tool called"_s));
    QCOMPARE(pending->calls, 1);
    QCOMPARE(pending->last.error(), crashed.error());
    QTRY_VERIFY(processGone(pid));

    // It starts again afresh.
    client.start();
    QTRY_COMPARE(client.state(), Client::State::Ready);
    QVERIFY(client.stderrTail().isEmpty());
}

void TestMcpStdio::garbage()
{
    Client client(testServerConfig({}), &m_network);
    client.start();
    QTRY_COMPARE(client.state(), Client::State::Ready);
    const qint64 pid = client.processId();
    const auto result = call(client, u"garbage"_s);
    QVERIFY(!result);
    QCOMPARE(result.error(), u"the MCP server test broke the protocol: not JSON: this is not JSON {"_s);
    QCOMPARE(client.state(), Client::State::ProtocolError);
    QCOMPARE(client.stateText(), u"protocol error: not JSON: this is not JSON {"_s);
    QTRY_VERIFY(processGone(pid));
}

void TestMcpStdio::cancel()
{
    Client client(testServerConfig({u"--log"_s, m_log}), &m_network);
    client.start();
    QTRY_COMPARE(client.state(), Client::State::Ready);
    quint64 handle = 0;
    const auto slow = startCall(client, u"slow"_s, {{u"ms"_s, 1500}}, &handle);
    QTest::qWait(100);
    QCOMPARE(slow->calls, 0);
    client.cancel(handle, u"the user stopped"_s);
    QCOMPARE(slow->calls, 1);
    QCOMPARE(slow->last.error(), u"cancelled"_s);
    client.cancel(handle, u"again"_s); // nothing more
    const auto serverSawCancel = [&] {
        for (const QJsonObject &line : readLog(m_log))
            if (line.value(u"method"_s).toString() == u"notifications/cancelled")
                return line.value(u"params"_s).toObject() ==
                       QJsonObject{{u"requestId"_s, qint64(handle)}, {u"reason"_s, u"the user stopped"_s}};
        return false;
    };
    QTRY_VERIFY(serverSawCancel());
    QTest::qWait(1700); // the server never answers a cancelled call; done() stays at one run
    QCOMPARE(slow->calls, 1);
    const auto add = call(client, u"add"_s, {{u"a"_s, 1}, {u"b"_s, 1}});
    QVERIFY2(add, qPrintable(errorOf(add)));
}

void TestMcpStdio::timeout()
{
    ServerConfig config = testServerConfig({u"--log"_s, m_log});
    config.timeoutMs = 300;
    Client client(config, &m_network);
    client.start();
    QTRY_COMPARE(client.state(), Client::State::Ready);
    quint64 handle = 0;
    const auto slow = startCall(client, u"slow"_s, {{u"ms"_s, 5000}}, &handle);
    QVERIFY(waitFor(slow, 3000));
    QCOMPARE(slow->last.error(), u"timed out after 0.3 s"_s);
    QCOMPARE(client.state(), Client::State::Ready);
    const auto serverSawCancel = [&] {
        for (const QJsonObject &line : readLog(m_log))
            if (line.value(u"method"_s).toString() == u"notifications/cancelled")
                return line.value(u"params"_s).toObject().value(u"requestId"_s).toInteger() == qint64(handle);
        return false;
    };
    QTRY_VERIFY(serverSawCancel());
}

void TestMcpStdio::listChanged()
{
    Client client(testServerConfig({u"--list-changed-after-ms"_s, u"200"_s, u"--page-size"_s, u"4"_s}), &m_network);
    QSignalSpy toolsChanged(&client, &Client::toolsChanged);
    client.start();
    QTRY_COMPARE(client.state(), Client::State::Ready);
    QTRY_COMPARE(toolsChanged.size(), 2);
    QCOMPARE(names(client.tools()), kTools + QStringList{u"late"_s});
    QCOMPARE(client.stateText(), u"running, 9 tools"_s);
    const auto late = call(client, u"late"_s);
    QVERIFY2(late, qPrintable(errorOf(late)));
    QCOMPARE(late->text, u"late"_s);
}

void TestMcpStdio::missingCommand()
{
    ServerConfig config = testServerConfig({});
    config.command = m_dir.filePath(u"no-such-server"_s);
    Client client(config, &m_network);
    QSignalSpy states(&client, &Client::stateChanged);
    client.start();
    QTRY_COMPARE(client.state(), Client::State::NotRunning);
    QVERIFY2(client.stateText().startsWith(u"not running: could not start \""_s + config.command + u"\": "_s),
             qPrintable(client.stateText()));
    QVERIFY2(client.stateText().contains(u"No such file or directory"_s), qPrintable(client.stateText()));
    QCOMPARE(client.processId(), 0);
}

void TestMcpStdio::protocolVersions_data()
{
    QTest::addColumn<QString>("answered");
    QTest::addColumn<bool>("accepted");
    QTest::newRow("2025-03-26") << u"2025-03-26"_s << true;
    QTest::newRow("2024-11-05") << u"2024-11-05"_s << true;
    QTest::newRow("future") << u"2099-01-01"_s << false;
    QTest::newRow("ancient") << u"2023-01-01"_s << false;
}

void TestMcpStdio::protocolVersions()
{
    QFETCH(QString, answered);
    QFETCH(bool, accepted);
    Client client(testServerConfig({u"--protocol"_s, answered}), &m_network);
    client.start();
    QTRY_VERIFY(client.state() != Client::State::Starting);
    if (accepted) {
        QCOMPARE(client.state(), Client::State::Ready);
        QCOMPARE(client.protocolVersion(), answered);
    } else {
        QCOMPARE(client.state(), Client::State::ProtocolError);
        QCOMPARE(client.stateText(),
                 u"protocol error: the server speaks protocol version \"%1\"; Versus speaks 2025-06-18, 2025-03-26, "
                 "2024-11-05"_s.arg(answered));
        QVERIFY(client.tools().isEmpty());
    }
}

void TestMcpStdio::serverRequests()
{
    Client client(testServerConfig({u"--log"_s, m_log}), &m_network);
    client.start();
    QTRY_COMPARE(client.state(), Client::State::Ready);
    const auto result = call(client, u"ping_client"_s);
    QVERIFY2(result, qPrintable(errorOf(result)));
    QCOMPARE(result->text, u"ping: {}; sampling: error -32601"_s);
    bool sawPingAnswer = false;
    for (const QJsonObject &line : readLog(m_log))
        sawPingAnswer |= line.value(u"id"_s).toString().startsWith(u"ping:"_s) &&
                         line.value(u"result"_s).toObject().isEmpty() && line.contains(u"result"_s);
    QVERIFY(sawPingAnswer);
}

void TestMcpStdio::stderrTail()
{
    Client client(testServerConfig({u"--stderr-lines"_s, u"30"_s}), &m_network);
    client.start();
    QTRY_COMPARE(client.state(), Client::State::Ready);
    QTRY_COMPARE(client.stderrTail().size(), 20);
    QTRY_COMPARE(client.stderrTail().constLast(), u"stderr line 30"_s);
    QCOMPARE(client.stderrTail().constFirst(), u"stderr line 11"_s);
}

void TestMcpStdio::environmentAndDirectory()
{
    ServerConfig config = testServerConfig({});
    config.command = u"/bin/sh"_s;
    config.args = {u"-c"_s, u"echo \"var=$VERSUS_MCP_TEST_VAR dir=$(pwd)\" >&2; exec \"$0\""_s,
                   QStringLiteral(VERSUS_TEST_MCP_PATH)};
    config.env = {{u"VERSUS_MCP_TEST_VAR"_s, u"hello there"_s}};
    config.cwd = m_dir.path();
    Client client(config, &m_network);
    client.start();
    QTRY_COMPARE(client.state(), Client::State::Ready);
    QTRY_COMPARE(client.stderrTail(), QStringList{u"var=hello there dir="_s + m_dir.path()});
}

void TestMcpStdio::stopEndsProcess()
{
    Client client(testServerConfig({}), &m_network);
    client.start();
    QTRY_COMPARE(client.state(), Client::State::Ready);
    const qint64 pid = client.processId();
    QVERIFY(pid > 0);
    QVERIFY(!processGone(pid));
    const auto pending = startCall(client, u"slow"_s, {{u"ms"_s, 5000}});
    client.stop();
    QCOMPARE(client.state(), Client::State::Stopped);
    QCOMPARE(client.stateText(), u"stopped"_s);
    QCOMPARE(pending->calls, 1);
    QCOMPARE(pending->last.error(), u"the MCP server test was stopped"_s);
    QTRY_VERIFY_WITH_TIMEOUT(processGone(pid), 4000); // reaped: not even a zombie
    client.stop();
    QCOMPARE(client.state(), Client::State::Stopped);
}

void TestMcpStdio::destructorEndsProcess()
{
    auto client = std::make_unique<Client>(testServerConfig({}), &m_network);
    client->start();
    QTRY_COMPARE(client->state(), Client::State::Ready);
    const qint64 pid = client->processId();
    QVERIFY(pid > 0);
    const auto pending = startCall(*client, u"slow"_s, {{u"ms"_s, 5000}});
    client.reset();
    QVERIFY(processGone(pid)); // synchronously: the destructor waited
    QCOMPARE(pending->calls, 1);
}

void TestMcpStdio::callWhenNotReady()
{
    Client client(testServerConfig({}), &m_network);
    const auto early = startCall(client, u"add"_s, {});
    QCOMPARE(early->calls, 0); // never from inside callTool()
    QVERIFY(waitFor(early));
    QCOMPARE(early->last.error(), u"the MCP server test is not ready (not running)"_s);
}

void TestMcpStdio::hubNames()
{
    ServerConfig alpha = testServerConfig({}, u"alpha"_s);
    ServerConfig beta = testServerConfig({u"--list-changed-after-ms"_s, u"0"_s}, u"beta team"_s);
    ServerConfig off = testServerConfig({}, u"off"_s);
    off.enabled = false;
    Hub hub({alpha, beta, off}, &m_network);
    hub.start();
    QTRY_VERIFY(hub.client(u"alpha"_s)->state() == Client::State::Ready &&
                hub.client(u"beta team"_s)->state() == Client::State::Ready &&
                hub.client(u"beta team"_s)->tools().size() == 9);
    QCOMPARE(hub.client(u"off"_s)->state(), Client::State::NotRunning);
    const QList<ExposedTool> tools = hub.tools();
    QCOMPARE(tools.size(), 17);
    QStringList exposed;
    for (const ExposedTool &tool : tools)
        exposed.append(tool.name);
    QVERIFY(exposed.contains(u"alpha__add"_s));
    QVERIFY(exposed.contains(u"beta_team__add"_s));
    QVERIFY(exposed.contains(u"late"_s)); // offered once: its own name
    const auto found = hub.findTool(u"beta_team__echo"_s);
    QVERIFY(found);
    QCOMPARE(found->client, hub.client(u"beta team"_s));
    QCOMPARE(found->tool.name, u"echo"_s);
    QVERIFY(!hub.findTool(u"add"_s));

    QCOMPARE(Hub::sanitizedName(u"a.b c/d"_s), u"a_b_c_d"_s);
    QCOMPARE(Hub::sanitizedName(QString(80, u'x')).size(), 64);
    QCOMPARE(Hub::sanitizedName(QString()), u"_"_s);

    const qint64 pid = hub.client(u"alpha"_s)->processId();
    hub.stopAll();
    QCOMPARE(hub.client(u"alpha"_s)->state(), Client::State::Stopped);
    QVERIFY(hub.tools().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(processGone(pid), 4000);
}

QTEST_GUILESS_MAIN(TestMcpStdio)
#include "tst_mcpstdio.moc"
