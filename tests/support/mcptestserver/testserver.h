// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QSet>
#include <QString>

#include <functional>

namespace versus::test {

struct McpServerOptions {
    int pageSize = 0;            ///< tools/list page size; 0: one page
    QString protocol;            ///< the version initialize answers; empty: the client's if known
    int listChangedAfterMs = -1; ///< after notifications/initialized: add "late", send list_changed
    int stderrLines = 0;         ///< lines written to stderr at start
    QString logPath;             ///< every message received, one per line
    QByteArray requireBearer;    ///< HTTP: 401 without "Authorization: Bearer <this>"
    bool sse = false;            ///< HTTP: every answer to a request is an event stream
    int httpPort = -1;           ///< >= 0: Streamable HTTP on 127.0.0.1 (0: any free port)
};

/// The MCP side of versus-test-mcp, independent of the transport. Every message that
/// belongs to the exchange of a request goes to that request's Sink; @c final marks the
/// response that ends it.
class McpTestServer : public QObject {
    Q_OBJECT
public:
    using Sink = std::function<void(const QByteArray &frame, bool final)>;

    explicit McpTestServer(McpServerOptions options, QObject *parent = nullptr);

    /// Handles one message. @p canStream: the sink takes messages before the final one
    /// (stdio, SSE); @p sink may be empty for notifications and responses.
    void handle(const QJsonObject &message, const Sink &sink, bool canStream);
    /// Where unsolicited messages go (stdio: stdout; HTTP: the next event stream).
    void setNotifier(Sink notifier) { m_notifier = std::move(notifier); }
    void log(const QByteArray &line);
    const McpServerOptions &options() const { return m_options; }

Q_SIGNALS:
    /// The expire_session tool was called: forget every HTTP session.
    void expireSessions();

private:
    struct PingWait {
        Sink sink;
        QJsonValue id;
        QString ping;
        QString sampling;
    };
    void callTool(const QJsonValue &id, const QJsonObject &params, const Sink &sink, bool canStream);
    void onClientResponse(const QJsonObject &message);
    QJsonArray toolList() const;

    McpServerOptions m_options;
    QFile m_log;
    Sink m_notifier;
    bool m_late = false;
    QSet<QString> m_cancelled;
    QHash<QString, PingWait> m_pings;
};

QByteArray compact(const QJsonObject &object);

} // namespace versus::test
