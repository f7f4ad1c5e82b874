// SPDX-License-Identifier: GPL-3.0-or-later
// MCP over Streamable HTTP against versus-test-mcp --http on loopback, with JSON answers
// and with event streams (--sse): calls, the session id and protocol version on later
// requests, bearer tokens (present in the server's log, never printed), 401, an expired
// session, cancel and timeout, server requests on a stream, DELETE on stop.
#include "mcptesthelpers.h"

#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;
using namespace versus::mcp;
using namespace versus::test;

namespace {

const QByteArray kToken = "test-token-7f3a9c";

ServerConfig httpConfig(const HttpTestServer &server, const QString &name = u"web"_s)
{
    ServerConfig config;
    config.name = name;
    config.transport = ServerConfig::Transport::Http;
    config.url = server.url();
    config.timeoutMs = 10000;
    return config;
}

QJsonObject headersOf(const QJsonObject &line)
{
    return line.value(u"headers"_s).toObject();
}

} // namespace

class TestMcpHttp : public QObject {
    Q_OBJECT

private slots:
    void init();
    void calls_data();
    void calls();
    void bearer_data();
    void bearer();
    void missingToken();
    void sessionExpired_data();
    void sessionExpired();
    void cancelAndTimeout_data();
    void cancelAndTimeout();
    void serverRequestsOnStream();
    void stopDeletesSession();
    void unreachable();
    void garbageAnswer();

private:
    void addModes();
    QTemporaryDir m_dir;
    QString m_log;
    QNetworkAccessManager m_network;
};

void TestMcpHttp::init()
{
    m_log = m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + u"-"_s +
                           QString::fromLatin1(QTest::currentDataTag()) + u".log"_s);
    QFile::remove(m_log);
}

void TestMcpHttp::addModes()
{
    QTest::addColumn<QStringList>("mode");
    QTest::newRow("json") << QStringList();
    QTest::newRow("sse") << QStringList{u"--sse"_s};
}

void TestMcpHttp::calls_data()
{
    addModes();
}

void TestMcpHttp::calls()
{
    QFETCH(QStringList, mode);
    HttpTestServer server;
    QVERIFY(server.start(mode + QStringList{u"--log"_s, m_log, u"--page-size"_s, u"3"_s}));
    ServerConfig config = httpConfig(server);
    config.headers = {{"X-Team", "blue"}};
    Client client(config, &m_network);
    client.start();
    QTRY_COMPARE(client.state(), Client::State::Ready);
    QCOMPARE(client.tools().size(), 8);
    QCOMPARE(client.protocolVersion(), u"2025-06-18"_s);

    const auto add = call(client, u"add"_s, {{u"a"_s, 2}, {u"b"_s, 3}});
    QVERIFY2(add, qPrintable(errorOf(add)));
    QCOMPARE(add->text, u"5"_s);
    QCOMPARE(add->structured.toObject(), (QJsonObject{{u"sum"_s, 5}}));
    const auto echo = call(client, u"echo"_s, {{u"text"_s, u"ünïcode"_s}});
    QVERIFY2(echo, qPrintable(errorOf(echo)));
    QCOMPARE(echo->text, u"ünïcode"_s);
    const auto fail = call(client, u"fail"_s);
    QVERIFY2(fail, qPrintable(errorOf(fail)));
    QVERIFY(fail->isError);

    const QList<QJsonObject> log = readLog(m_log);
    QVERIFY(log.size() >= 7); // initialize, initialized, 3 pages, 3 calls
    const QJsonObject first = headersOf(log.constFirst());
    QCOMPARE(logMessage(log.constFirst()).value(u"method"_s).toString(), u"initialize"_s);
    QVERIFY(!first.contains(u"mcp-session-id"_s));
    QCOMPARE(first.value(u"accept"_s).toString(), u"application/json, text/event-stream"_s);
    QCOMPARE(first.value(u"content-type"_s).toString(), u"application/json"_s);
    QCOMPARE(first.value(u"x-team"_s).toString(), u"blue"_s);
    QVERIFY(!first.contains(u"authorization"_s));
    const QString session = headersOf(log.at(1)).value(u"mcp-session-id"_s).toString();
    QVERIFY(!session.isEmpty());
    for (qsizetype i = 1; i < log.size(); ++i) {
        QCOMPARE(log.at(i).value(u"http"_s).toString(), u"POST"_s);
        QCOMPARE(headersOf(log.at(i)).value(u"mcp-session-id"_s).toString(), session);
        QCOMPARE(headersOf(log.at(i)).value(u"mcp-protocol-version"_s).toString(), u"2025-06-18"_s);
    }
}

void TestMcpHttp::bearer_data()
{
    addModes();
}

void TestMcpHttp::bearer()
{
    QFETCH(QStringList, mode);
    HttpTestServer server;
    QVERIFY(server.start(mode + QStringList{u"--log"_s, m_log, u"--require-bearer"_s, QString::fromUtf8(kToken)}));
    ServerConfig config = httpConfig(server);
    config.bearerFromKeychain = true;
    Client client(config, &m_network);
    client.setBearerToken(versus::ApiKey::fromUtf8(kToken));
    client.start();
    QTRY_COMPARE(client.state(), Client::State::Ready);
    QVERIFY(call(client, u"echo"_s, {{u"text"_s, u"x"_s}}));
    const QList<QJsonObject> log = readLog(m_log);
    QVERIFY(!log.isEmpty());
    for (const QJsonObject &line : log) // the server logs "matches", never the token
        QCOMPARE(headersOf(line).value(u"authorization"_s).toString(), u"matches"_s);
}

void TestMcpHttp::missingToken()
{
    HttpTestServer server;
    QVERIFY(server.start({u"--require-bearer"_s, QString::fromUtf8(kToken)}));
    ServerConfig config = httpConfig(server, u"locked"_s);
    Client client(config, &m_network);
    client.start();
    QTRY_COMPARE(client.state(), Client::State::NotRunning);
    QCOMPARE(client.stateText(),
             u"not running: the MCP server locked refused the request (HTTP 401): it needs a token; put "
             "\"Authorization\": \"Bearer ${keychain}\" in its headers and store the token in the keychain as "
             "mcp:locked"_s);

    config.bearerFromKeychain = true; // a wrong token
    Client wrong(config, &m_network);
    wrong.setBearerToken(versus::ApiKey::fromUtf8("not-the-token"));
    wrong.start();
    QTRY_COMPARE(wrong.state(), Client::State::NotRunning);
    QCOMPARE(wrong.stateText(),
             u"not running: the MCP server locked refused the request (HTTP 401): check the token stored as "
             "mcp:locked"_s);
}

void TestMcpHttp::sessionExpired_data()
{
    addModes();
}

void TestMcpHttp::sessionExpired()
{
    QFETCH(QStringList, mode);
    HttpTestServer server;
    QVERIFY(server.start(mode));
    Client client(httpConfig(server), &m_network);
    client.start();
    QTRY_COMPARE(client.state(), Client::State::Ready);
    QVERIFY(call(client, u"expire_session"_s));
    const auto after = call(client, u"add"_s, {{u"a"_s, 1}, {u"b"_s, 2}});
    QVERIFY(!after);
    QVERIFY2(after.error().startsWith(u"the MCP server web broke the protocol: session expired (HTTP 404"_s),
             qPrintable(after.error()));
    QCOMPARE(client.state(), Client::State::ProtocolError);
    QVERIFY2(client.stateText().startsWith(u"protocol error: session expired"_s), qPrintable(client.stateText()));
}

void TestMcpHttp::cancelAndTimeout_data()
{
    addModes();
}

void TestMcpHttp::cancelAndTimeout()
{
    QFETCH(QStringList, mode);
    HttpTestServer server;
    QVERIFY(server.start(mode + QStringList{u"--log"_s, m_log}));
    ServerConfig config = httpConfig(server);
    config.timeoutMs = 400;
    Client client(config, &m_network);
    client.start();
    QTRY_COMPARE(client.state(), Client::State::Ready);

    quint64 handle = 0;
    const auto cancelled = startCall(client, u"slow"_s, {{u"ms"_s, 300}}, &handle);
    QTest::qWait(50);
    client.cancel(handle, u"no longer needed"_s);
    QCOMPARE(cancelled->calls, 1);
    QCOMPARE(cancelled->last.error(), u"cancelled"_s);

    quint64 slowHandle = 0;
    const auto slow = startCall(client, u"slow"_s, {{u"ms"_s, 5000}}, &slowHandle);
    QVERIFY(waitFor(slow, 3000));
    QCOMPARE(slow->last.error(), u"timed out after 0.4 s"_s);
    QTest::qWait(400);
    QCOMPARE(cancelled->calls, 1);
    QCOMPARE(slow->calls, 1);
    QCOMPARE(client.state(), Client::State::Ready);

    QList<qint64> cancelledIds;
    const auto bothCancelled = [&] {
        cancelledIds.clear();
        for (const QJsonObject &line : readLog(m_log))
            if (logMessage(line).value(u"method"_s).toString() == u"notifications/cancelled")
                cancelledIds.append(logMessage(line).value(u"params"_s).toObject().value(u"requestId"_s).toInteger());
        return cancelledIds.size() == 2;
    };
    QTRY_VERIFY(bothCancelled());
    QCOMPARE(cancelledIds, (QList<qint64>{qint64(handle), qint64(slowHandle)}));
}

void TestMcpHttp::serverRequestsOnStream()
{
    HttpTestServer server;
    QVERIFY(server.start({u"--sse"_s, u"--log"_s, m_log}));
    Client client(httpConfig(server), &m_network);
    client.start();
    QTRY_COMPARE(client.state(), Client::State::Ready);
    const auto result = call(client, u"ping_client"_s);
    QVERIFY2(result, qPrintable(errorOf(result)));
    QCOMPARE(result->text, u"ping: {}; sampling: error -32601"_s);
}

void TestMcpHttp::stopDeletesSession()
{
    HttpTestServer server;
    QVERIFY(server.start({u"--log"_s, m_log}));
    Client client(httpConfig(server), &m_network);
    client.start();
    QTRY_COMPARE(client.state(), Client::State::Ready);
    client.stop();
    QCOMPARE(client.state(), Client::State::Stopped);
    QTRY_VERIFY(!readLog(m_log).isEmpty() && readLog(m_log).constLast().value(u"http"_s).toString() == u"DELETE"_s);
    const QList<QJsonObject> log = readLog(m_log);
    QCOMPARE(headersOf(log.constLast()).value(u"mcp-session-id"_s), headersOf(log.at(1)).value(u"mcp-session-id"_s));

    // The destructor alone ends the session too.
    {
        Client other(httpConfig(server), &m_network);
        other.start();
        QTRY_COMPARE(other.state(), Client::State::Ready);
    }
    QTRY_COMPARE(readLog(m_log).constLast().value(u"http"_s).toString(), u"DELETE"_s);
}

void TestMcpHttp::unreachable()
{
    QTcpServer closed;
    QVERIFY(closed.listen(QHostAddress::LocalHost));
    const quint16 port = closed.serverPort();
    closed.close();
    ServerConfig config;
    config.name = u"gone"_s;
    config.transport = ServerConfig::Transport::Http;
    config.url = QUrl(u"http://127.0.0.1:%1/mcp"_s.arg(port));
    Client client(config, &m_network);
    client.start();
    QTRY_COMPARE(client.state(), Client::State::NotRunning);
    QVERIFY2(client.stateText().startsWith(u"not running: "_s), qPrintable(client.stateText()));
    QVERIFY2(client.stateText().contains(u"gone"_s), qPrintable(client.stateText()));

    config.url = QUrl(u"http://mcp.example.com/mcp"_s); // a token over plain http elsewhere: refused
    Client refused(config, &m_network);
    refused.setBearerToken(versus::ApiKey::fromUtf8(kToken));
    refused.start();
    QTRY_COMPARE(refused.state(), Client::State::NotRunning);
    QVERIFY2(refused.stateText().contains(u"unencrypted http://"_s), qPrintable(refused.stateText()));
}

void TestMcpHttp::garbageAnswer()
{
    HttpTestServer server;
    QVERIFY(server.start({}));
    Client client(httpConfig(server), &m_network);
    client.start();
    QTRY_COMPARE(client.state(), Client::State::Ready);
    const auto result = call(client, u"garbage"_s);
    QVERIFY(!result);
    QCOMPARE(result.error(), u"the MCP server web broke the protocol: not JSON: this is not JSON {"_s);
    QCOMPARE(client.state(), Client::State::ProtocolError);
}

QTEST_GUILESS_MAIN(TestMcpHttp)
#include "tst_mcphttp.moc"
