// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mcp/mcpconfig.h"
#include "mcp/mcptypes.h"
#include "secrets/apikey.h"

#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>

#include <expected>
#include <functional>
#include <map>

class QNetworkAccessManager;
class QTimer;

namespace versus::mcp {

class Transport;

/// One MCP server: starts it (stdio) or connects to it (Streamable HTTP), runs the
/// initialize handshake, lists its tools and calls them. Never blocks the event loop.
class Client : public QObject {
    Q_OBJECT
public:
    enum class State { NotRunning, Starting, Ready, Crashed, ProtocolError, TimedOut, Stopped };
    Q_ENUM(State)

    /// @p network is used for HTTP servers only and must outlive the client.
    Client(ServerConfig config, QNetworkAccessManager *network, QObject *parent = nullptr);
    /// Stops the server (bounded waits: no zombie processes); pending calls end with an error.
    ~Client() override;

    /// The bearer token of an HTTP server with bearerFromKeychain (set before start()).
    void setBearerToken(ApiKey token);
    /// Spawns/connects; initialize (offers the newest supported protocol version, accepts the
    /// server's when supported), notifications/initialized, tools/list (all pages). Ready when
    /// done. Starting again after an end (crash, stop, ...) starts afresh.
    void start();
    /// stdio: closes stdin, waits ~1 s, terminates, kills after ~2 s more; http: DELETEs the
    /// session if one was given. Pending calls end with an error.
    void stop();

    State state() const { return m_state; }
    /// Words for people: "running, 4 tools", "crashed (exit code 1): <last stderr line>",
    /// "protocol error: ...", "timed out after 60 s", "not running", "not running: <reason>".
    QString stateText() const;
    /// Why the client is not running, crashed or broke the protocol; empty otherwise.
    QString detail() const { return m_detail; }
    /// The last ~20 stderr lines (stdio); also logged to the "versus.mcp" category.
    QStringList stderrTail() const { return m_stderrTail; }
    const QList<Tool> &tools() const { return m_tools; }
    QString protocolVersion() const { return m_protocolVersion; }
    QString serverName() const { return m_serverName; }
    const ServerConfig &config() const { return m_config; }
    /// Replaces the config's "alwaysAllow" (the app's settings page, after saving the file):
    /// it takes effect on the next tool call, without restarting the server.
    void setAlwaysAllow(const QStringList &tools) { m_config.alwaysAllow = tools; }
    /// The server process while it runs (stdio), else 0.
    qint64 processId() const;

    using CallDone = std::function<void(std::expected<CallResult, QString>)>;
    /// Calls a tool; @p done runs exactly once, never from inside this call (on the result,
    /// a JSON-RPC error, timeout, crash, stop, cancel, or the client's destruction).
    /// Returns a handle for cancel().
    quint64 callTool(const QString &tool, const QJsonObject &arguments, CallDone done);
    /// Sends notifications/cancelled {requestId, reason}; done() runs with the error "cancelled".
    /// Nothing happens when the call already ended.
    void cancel(quint64 handle, const QString &reason);

Q_SIGNALS:
    void stateChanged(versus::mcp::Client::State state);
    /// After tools/list (again after notifications/tools/list_changed).
    void toolsChanged();

private:
    struct Failure {
        enum Kind { Rpc, Transport, Timeout, Ended } kind;
        QString text;
    };
    using Reply = std::function<void(std::expected<QJsonValue, Failure>)>;
    struct Pending {
        QString method;
        Reply reply;
        QTimer *timer = nullptr;
    };

    qint64 request(const QString &method, const QJsonObject &params, Reply reply);
    void finish(qint64 id, std::expected<QJsonValue, Failure> outcome);
    void failAll(const QString &reason);
    void onOpened();
    void onInitialized(const QJsonObject &result);
    void listTools(const QString &cursor, QList<Tool> collected, int page);
    void onMessage(const QJsonObject &message);
    void onTransportFailed(int failure, const QString &reason);
    void onStderrLine(const QString &line);
    void startupFailed(const Failure &failure, const QString &what);
    void setState(State state, const QString &detail = QString());
    void endTransport();
    QString seconds() const;

    ServerConfig m_config;
    QNetworkAccessManager *m_network;
    ApiKey m_token;
    Transport *m_transport = nullptr;
    State m_state = State::NotRunning;
    QString m_detail;      // the words after the state's name
    QString m_crashOutput; // a crashed server's last line of standard error
    QList<Tool> m_tools;
    QString m_protocolVersion;
    QString m_serverName;
    QStringList m_stderrTail;
    std::map<qint64, Pending> m_pending;
    qint64 m_nextId = 1;
    bool m_listing = false;
    bool m_listAgain = false;
};

} // namespace versus::mcp
