// SPDX-License-Identifier: GPL-3.0-or-later
// Shared by the MCP suites: configs for versus-test-mcp, waiting for a call's result by
// spinning the event loop, the test server's log, and the server as an HTTP process.
#pragma once

#include "mcp/client.h"
#include "mcp/mcpconfig.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <memory>
#include <optional>

namespace versus::test {

inline mcp::ServerConfig testServerConfig(const QStringList &arguments, const QString &name = QStringLiteral("test"))
{
    mcp::ServerConfig config;
    config.name = name;
    config.command = QStringLiteral(VERSUS_TEST_MCP_PATH);
    config.args = arguments;
    config.timeoutMs = 10000;
    return config;
}

/// The error of @p result, or nothing when it holds a value (QVERIFY2 evaluates its message).
template<typename T>
QString errorOf(const std::expected<T, QString> &result)
{
    return result ? QString() : result.error();
}

/// What a call's done() received and how often it ran.
struct CallOutcome {
    int calls = 0;
    std::expected<mcp::CallResult, QString> last = std::unexpected(QString());
};

/// Starts a call whose outcome lands in the returned object.
inline std::shared_ptr<CallOutcome> startCall(mcp::Client &client, const QString &tool, const QJsonObject &arguments,
                                              quint64 *handle = nullptr)
{
    auto outcome = std::make_shared<CallOutcome>();
    const quint64 h = client.callTool(tool, arguments, [outcome](std::expected<mcp::CallResult, QString> result) {
        ++outcome->calls;
        outcome->last = std::move(result);
    });
    if (handle)
        *handle = h;
    return outcome;
}

/// Spins the event loop until @p outcome has a result (at most @p timeoutMs).
inline bool waitFor(const std::shared_ptr<CallOutcome> &outcome, int timeoutMs = 10000)
{
    const QDeadlineTimer deadline(timeoutMs);
    while (outcome->calls == 0 && !deadline.hasExpired())
        QTest::qWait(5);
    return outcome->calls > 0;
}

inline std::expected<mcp::CallResult, QString> call(mcp::Client &client, const QString &tool,
                                                    const QJsonObject &arguments = {})
{
    const auto outcome = startCall(client, tool, arguments);
    if (!waitFor(outcome))
        return std::unexpected(QStringLiteral("no answer in time"));
    return outcome->last;
}

/// Every line of the test server's --log file as JSON.
inline QList<QJsonObject> readLog(const QString &path)
{
    QFile file(path);
    QList<QJsonObject> lines;
    if (!file.open(QIODevice::ReadOnly))
        return lines;
    while (!file.atEnd()) {
        const QByteArray line = file.readLine().trimmed();
        if (!line.isEmpty())
            lines.append(QJsonDocument::fromJson(line).object());
    }
    return lines;
}

/// The JSON-RPC message of a log line (stdio lines are the message; HTTP ones carry it).
inline QJsonObject logMessage(const QJsonObject &line)
{
    return line.contains(QStringLiteral("http")) ? line.value(QStringLiteral("message")).toObject() : line;
}

/// versus-test-mcp --http 0 as a child process; killed by the destructor.
class HttpTestServer {
public:
    bool start(const QStringList &arguments)
    {
        m_process.setProgram(QStringLiteral(VERSUS_TEST_MCP_PATH));
        m_process.setArguments(QStringList{QStringLiteral("--http"), QStringLiteral("0")} + arguments);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted(5000))
            return false;
        const QDeadlineTimer deadline(5000);
        while (!m_process.canReadLine() && !deadline.hasExpired())
            m_process.waitForReadyRead(100);
        const QByteArray line = m_process.readLine().trimmed();
        if (!line.startsWith("listening on "))
            return false;
        m_port = quint16(line.mid(13).toUInt());
        return m_port != 0;
    }
    ~HttpTestServer()
    {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
    QUrl url() const { return QUrl(QStringLiteral("http://127.0.0.1:%1/mcp").arg(m_port)); }
    quint16 port() const { return m_port; }

private:
    QProcess m_process;
    quint16 m_port = 0;
};

} // namespace versus::test
