// SPDX-License-Identifier: GPL-3.0-or-later
// mcp.json: every error it can give, files other clients write (pasted as they are), the
// round trip of writeConfig, the file functions; the JSON-RPC and tools/call result shapes.
#include "mcp/jsonrpc.h"
#include "mcp/mcpconfig.h"

#include <QFile>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace versus::mcp;

namespace {
template<typename T>
QString errorOf(const std::expected<T, QString> &result)
{
    return result ? QString() : result.error();
}
} // namespace

class TestMcpConfig : public QObject {
    Q_OBJECT

private slots:
    void errors_data();
    void errors();
    void claudeDesktop();
    void httpEntries_data();
    void httpEntries();
    void optionalMembers();
    void roundTrip();
    void files();
    void defaultPath();
    void frames_data();
    void frames();
    void callResults();
    void tools();
};

void TestMcpConfig::errors_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("error");
    QTest::newRow("not json") << QByteArray("{\n  \"mcpServers\": {,}\n}")
                              << u"not valid JSON: unterminated object at line 2, column 19"_s;
    QTest::newRow("array") << QByteArray("[]") << u"expected a JSON object {\"mcpServers\": {\"name\": {...}}}"_s;
    QTest::newRow("servers not object") << QByteArray(R"({"mcpServers": []})")
                                        << u"\"mcpServers\" must be an object of servers by name"_s;
    QTest::newRow("empty name") << QByteArray(R"({"mcpServers": {" ": {"command": "x"}}})")
                                << u"a server in \"mcpServers\" has an empty name"_s;
    QTest::newRow("alwaysAllow not a list")
        << QByteArray(R"({"mcpServers": {"a": {"command": "x", "alwaysAllow": "add"}}})")
        << u"server \"a\": \"alwaysAllow\" must be a list of tool names"_s;
    QTest::newRow("entry not object") << QByteArray(R"({"mcpServers": {"a": "npx"}})")
                                      << u"server \"a\": must be an object"_s;
    QTest::newRow("neither") << QByteArray(R"({"mcpServers": {"a": {"args": []}}})")
                             << u"server \"a\": needs \"command\" (a program to start) or \"url\" (a Streamable HTTP "
                                "endpoint)"_s;
    QTest::newRow("both") << QByteArray(R"({"mcpServers": {"a": {"command": "x", "url": "http://h/"}}})")
                          << u"server \"a\": has both \"command\" and \"url\"; keep one"_s;
    QTest::newRow("unknown type") << QByteArray(R"({"mcpServers": {"a": {"type": "ws", "url": "http://h/"}}})")
                                  << u"server \"a\": unknown \"type\" \"ws\" (expected \"stdio\", \"http\", "
                                     "\"streamable-http\" or \"sse\")"_s;
    QTest::newRow("type not string") << QByteArray(R"({"mcpServers": {"a": {"type": 1, "command": "x"}}})")
                                     << u"server \"a\": \"type\" must be a string"_s;
    QTest::newRow("stdio without command")
        << QByteArray(R"({"mcpServers": {"a": {"type": "stdio", "url": "http://h/"}}})")
        << u"server \"a\": \"type\" is \"stdio\" but there is no \"command\""_s;
    QTest::newRow("http without url") << QByteArray(R"({"mcpServers": {"a": {"type": "http", "command": "x"}}})")
                                      << u"server \"a\": \"type\" is \"http\" but there is no \"url\""_s;
    QTest::newRow("empty command") << QByteArray(R"({"mcpServers": {"a": {"command": " "}}})")
                                   << u"server \"a\": \"command\" must be a non-empty string (the program to start)"_s;
    QTest::newRow("args not array") << QByteArray(R"({"mcpServers": {"a": {"command": "x", "args": "-v"}}})")
                                    << u"server \"a\": \"args\" must be an array of strings"_s;
    QTest::newRow("arg not string") << QByteArray(R"({"mcpServers": {"a": {"command": "x", "args": ["-v", 2]}}})")
                                    << u"server \"a\": \"args\" must be an array of strings; item 2 is not a string"_s;
    QTest::newRow("env not object") << QByteArray(R"({"mcpServers": {"a": {"command": "x", "env": ["A=1"]}}})")
                                    << u"server \"a\": \"env\" must be an object of strings (\"NAME\": \"value\")"_s;
    QTest::newRow("env value") << QByteArray(R"({"mcpServers": {"a": {"command": "x", "env": {"PORT": 80}}}})")
                               << u"server \"a\": \"env\" must be an object of strings (\"NAME\": \"value\"); "
                                  "\"PORT\" is not a string"_s;
    QTest::newRow("cwd") << QByteArray(R"({"mcpServers": {"a": {"command": "x", "cwd": true}}})")
                         << u"server \"a\": \"cwd\" must be a string"_s;
    QTest::newRow("bad url") << QByteArray(R"({"mcpServers": {"a": {"url": "ftp://h/"}}})")
                             << u"server \"a\": \"url\" must be an http:// or https:// address"_s;
    QTest::newRow("url not string") << QByteArray(R"({"mcpServers": {"a": {"url": 3}}})")
                                    << u"server \"a\": \"url\" must be an http:// or https:// address"_s;
    QTest::newRow("headers") << QByteArray(R"({"mcpServers": {"a": {"url": "http://h/", "headers": {"X": 1}}}})")
                             << u"server \"a\": \"headers\" must be an object of strings (\"Name\": \"value\"); "
                                "\"X\" is not a string"_s;
    QTest::newRow("placeholder")
        << QByteArray(R"({"mcpServers": {"a": {"url": "http://h/", "headers": {"X-Key": "${env:KEY}"}}}})")
        << u"server \"a\": header \"X-Key\" uses a ${...} placeholder; the only one supported "
           "is \"Authorization\": \"Bearer ${keychain}\" (the token is then read from the "
           "keychain entry \"mcp:a\")"_s;
    QTest::newRow("header name") << QByteArray(
                                        R"({"mcpServers": {"a": {"url": "http://h/", "headers": {"X Y": "1"}}}})")
                                 << u"server \"a\": \"X Y\" is not a valid header name"_s;
    QTest::newRow("disabled") << QByteArray(R"({"mcpServers": {"a": {"command": "x", "disabled": "yes"}}})")
                              << u"server \"a\": \"disabled\" must be true or false"_s;
    QTest::newRow("timeout") << QByteArray(R"({"mcpServers": {"a": {"command": "x", "timeout": 0}}})")
                             << u"server \"a\": \"timeout\" must be a number of seconds above 0 (at most a day)"_s;
    QTest::newRow("timeout text") << QByteArray(R"({"mcpServers": {"a": {"command": "x", "timeout": "60"}}})")
                                  << u"server \"a\": \"timeout\" must be a number of seconds above 0 (at most a day)"_s;
}

void TestMcpConfig::errors()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, error);
    const auto parsed = parseConfig(json);
    QVERIFY(!parsed);
    QCOMPARE(parsed.error(), error);
}

void TestMcpConfig::claudeDesktop()
{
    // As Claude Desktop's documentation shows it, with an unknown member added.
    const QByteArray json = R"({
  "mcpServers": {
    "filesystem": {
      "command": "npx",
      "args": ["-y", "@modelcontextprotocol/server-filesystem", "/home/me/Desktop"],
      "env": {"DEBUG": "1"},
      "alwaysAllow": ["read_file"]
    },
    "git": {"command": "uvx", "args": ["mcp-server-git"], "cwd": "/src", "disabled": true, "timeout": 2.5}
  },
  "globalShortcut": "Ctrl+Space"
})";
    const auto parsed = parseConfig(json);
    QVERIFY2(parsed, qPrintable(errorOf(parsed)));
    QCOMPARE(parsed->size(), 2);
    const ServerConfig &fs = parsed->at(0);
    QCOMPARE(fs.name, u"filesystem"_s);
    QCOMPARE(fs.transport, ServerConfig::Transport::Stdio);
    QCOMPARE(fs.command, u"npx"_s);
    QCOMPARE(fs.args, (QStringList{u"-y"_s, u"@modelcontextprotocol/server-filesystem"_s, u"/home/me/Desktop"_s}));
    QCOMPARE(fs.env.value(u"DEBUG"_s), u"1"_s);
    QVERIFY(fs.enabled);
    QCOMPARE(fs.timeoutMs, 60000);
    const ServerConfig &git = parsed->at(1);
    QCOMPARE(git.cwd, u"/src"_s);
    QVERIFY(!git.enabled);
    QCOMPARE(git.timeoutMs, 2500);
}

void TestMcpConfig::httpEntries_data()
{
    QTest::addColumn<QByteArray>("json");
    // Cursor and VS Code style (no type), Claude Code ("type": "http"), Cherry Studio
    // ("streamableHttp"), older clients ("sse": the same endpoint here).
    QTest::newRow("no type") << QByteArray(R"({"mcpServers": {"remote": {"url": "https://mcp.example.com/mcp"}}})");
    QTest::newRow("http") << QByteArray(
        R"({"mcpServers": {"remote": {"type": "http", "url": "https://mcp.example.com/mcp"}}})");
    QTest::newRow("streamable-http") << QByteArray(
        R"({"mcpServers": {"remote": {"type": "streamable-http", "url": "https://mcp.example.com/mcp"}}})");
    QTest::newRow("streamableHttp") << QByteArray(
        R"({"mcpServers": {"remote": {"type": "streamableHttp", "url": "https://mcp.example.com/mcp"}}})");
    QTest::newRow("sse") << QByteArray(
        R"({"mcpServers": {"remote": {"type": "sse", "url": "https://mcp.example.com/mcp"}}})");
}

void TestMcpConfig::httpEntries()
{
    QFETCH(QByteArray, json);
    const auto parsed = parseConfig(json);
    QVERIFY2(parsed, qPrintable(errorOf(parsed)));
    QCOMPARE(parsed->size(), 1);
    QCOMPARE(parsed->at(0).transport, ServerConfig::Transport::Http);
    QCOMPARE(parsed->at(0).url, QUrl(u"https://mcp.example.com/mcp"_s));
}

void TestMcpConfig::optionalMembers()
{
    const auto parsed = parseConfig(R"({"mcpServers": {"remote": {"url": "https://h/mcp",
        "headers": {"Authorization": "Bearer ${keychain}", "X-Team": "blue"}}}})");
    QVERIFY2(parsed, qPrintable(errorOf(parsed)));
    const ServerConfig &remote = parsed->at(0);
    QVERIFY(remote.bearerFromKeychain);
    QCOMPARE(remote.headers, (versus::RawHeaders{{"X-Team", "blue"}}));
    QCOMPARE(keychainEntryName(remote.name), u"mcp:remote"_s);

    QVERIFY(parseConfig("")->isEmpty());
    QVERIFY(parseConfig("{}")->isEmpty());
    QVERIFY(parseConfig(R"({"mcpServers": {}})")->isEmpty());
}

void TestMcpConfig::roundTrip()
{
    ServerConfig stdio;
    stdio.name = u"local tools"_s;
    stdio.command = u"/usr/bin/tool"_s;
    stdio.args = {u"--flag"_s, u"two words"_s};
    stdio.env = {{u"A"_s, u"1"_s}, {u"B"_s, u"x y"_s}};
    stdio.cwd = u"/tmp"_s;
    stdio.enabled = false;
    stdio.timeoutMs = 300;
    stdio.alwaysAllow = {QStringLiteral("add"), QStringLiteral("echo")};
    ServerConfig http;
    http.name = u"remote"_s;
    http.transport = ServerConfig::Transport::Http;
    http.url = QUrl(u"https://mcp.example.com/mcp?x=1"_s);
    http.headers = {{"X-A", "1"}, {"X-B", "two"}};
    http.bearerFromKeychain = true;
    ServerConfig plain;
    plain.name = u"zz"_s;
    plain.command = u"z"_s;
    const QList<ServerConfig> servers{stdio, http, plain};
    const QByteArray written = writeConfig(servers);
    const auto parsed = parseConfig(written);
    QVERIFY2(parsed, qPrintable(errorOf(parsed)));
    QCOMPARE(*parsed, servers);
    QVERIFY(written.contains("\"Authorization\": \"Bearer ${keychain}\""));
    QVERIFY(!written.contains("\"timeout\": 60"));
    QCOMPARE(writeConfig(*parsed), written);
}

void TestMcpConfig::files()
{
    QTemporaryDir dir;
    const QString missing = dir.filePath(u"none.json"_s);
    QVERIFY(readConfigFile(missing)->isEmpty());

    const QString bad = dir.filePath(u"bad.json"_s);
    QFile file(bad);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"mcpServers": {"a": {}}})");
    file.close();
    const auto error = readConfigFile(bad);
    QVERIFY(!error);
    QVERIFY2(error.error().startsWith(bad + u": server \"a\": needs"_s), qPrintable(error.error()));

    QVERIFY(QFile::setPermissions(bad, QFileDevice::Permissions()));
    if (!QFile(bad).open(QIODevice::ReadOnly)) { // root reads everything
        const auto unreadable = readConfigFile(bad);
        QVERIFY(!unreadable);
        QVERIFY2(unreadable.error().startsWith(bad + u": cannot be read: "_s), qPrintable(unreadable.error()));
    }
}

void TestMcpConfig::defaultPath()
{
    QTemporaryDir dir;
    qputenv("XDG_CONFIG_HOME", dir.path().toUtf8());
    QCOMPARE(defaultConfigPath(), dir.path() + u"/versus/mcp.json"_s);
}

void TestMcpConfig::frames_data()
{
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<int>("messages");
    QTest::addColumn<QString>("error");
    QTest::newRow("request") << QByteArray(R"({"jsonrpc":"2.0","id":1,"method":"ping"})") << 1 << QString();
    QTest::newRow("notification") << QByteArray(R"({"jsonrpc":"2.0","method":"x"})") << 1 << QString();
    QTest::newRow("result") << QByteArray(R"({"jsonrpc":"2.0","id":"a","result":{}})") << 1 << QString();
    QTest::newRow("error") << QByteArray(R"({"jsonrpc":"2.0","id":null,"error":{"code":1}})") << 1 << QString();
    QTest::newRow("batch") << QByteArray(R"([{"jsonrpc":"2.0","method":"x"},{"jsonrpc":"2.0","id":2,"result":1}])") << 2
                           << QString();
    QTest::newRow("text") << QByteArray("hello") << 0 << u"not JSON: hello"_s;
    QTest::newRow("no version") << QByteArray(R"({"id":1,"result":{}})") << 0
                                << u"not a JSON-RPC 2.0 message: {\"id\":1,\"result\":{}}"_s;
    QTest::newRow("neither") << QByteArray(R"({"jsonrpc":"2.0","id":1})") << 0
                             << u"not a JSON-RPC 2.0 message: {\"jsonrpc\":\"2.0\",\"id\":1}"_s;
    QTest::newRow("empty batch") << QByteArray("[]") << 0 << u"an empty JSON-RPC batch"_s;
    QTest::newRow("long") << QByteArray(300, 'x') << 0 << u"not JSON: "_s + QString(200, u'x') + u"…"_s;
}

void TestMcpConfig::frames()
{
    QFETCH(QByteArray, frame);
    QFETCH(int, messages);
    QFETCH(QString, error);
    const auto parsed = jsonrpc::parseFrame(frame);
    if (error.isEmpty()) {
        QVERIFY2(parsed, qPrintable(errorOf(parsed)));
        QCOMPARE(parsed->size(), messages);
    } else {
        QVERIFY(!parsed);
        QCOMPARE(parsed.error(), error);
    }
}

void TestMcpConfig::callResults()
{
    const QJsonObject result = QJsonDocument::fromJson(R"({"isError": true, "content": [
        {"type": "text", "text": "first"},
        {"type": "image", "data": "AAECAw==", "mimeType": "image/png"},
        {"type": "audio", "data": "AAE=", "mimeType": "audio/wav"},
        {"type": "resource_link", "uri": "file:///a.txt", "name": "a"},
        {"type": "resource", "resource": {"uri": "file:///b.txt", "text": "bee"}},
        {"type": "resource", "resource": {"uri": "file:///c.bin", "blob": "AA==", "mimeType": "application/x"}},
        {"type": "hologram"}]})")
                                   .object();
    const CallResult call = jsonrpc::callResultFromJson(result);
    QVERIFY(call.isError);
    QCOMPARE(call.content.size(), 7);
    QCOMPARE(call.text,
             u"first\n[image image/png, 4 bytes]\n[audio audio/wav, 2 bytes]\n[resource link a: file:///a.txt]\n"
             "[resource file:///b.txt]\nbee\n[resource file:///c.bin application/x, 1 bytes]\n"
             "[hologram content]"_s);
    QVERIFY(call.structured.isUndefined());

    const CallResult structured = jsonrpc::callResultFromJson(
        QJsonDocument::fromJson(R"({"content": [], "structuredContent": {"sum": 5}})").object());
    QVERIFY(!structured.isError);
    QCOMPARE(structured.structured.toObject().value(u"sum"_s).toInt(), 5);
    QCOMPARE(structured.text, u"{\"sum\":5}"_s);
}

void TestMcpConfig::tools()
{
    const auto tool = jsonrpc::toolFromJson(
        u"s"_s, QJsonDocument::fromJson(R"({"name": "t", "annotations": {"title": "T"}})").object());
    QVERIFY(tool);
    QCOMPARE(tool->server, u"s"_s);
    QCOMPARE(tool->title, u"T"_s);
    QCOMPARE(tool->inputSchema, (QJsonObject{{u"type"_s, u"object"_s}}));
    QVERIFY(!jsonrpc::toolFromJson(u"s"_s, QJsonObject{{u"description"_s, u"no name"_s}}));
}

QTEST_GUILESS_MAIN(TestMcpConfig)
#include "tst_mcpconfig.moc"
