// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonObject>
#include <QObject>
#include <QString>

namespace versus::mcp {

/// How JSON-RPC messages travel to one server and back (stdio or Streamable HTTP). It
/// knows no MCP method beyond what the transport itself needs; the Client does the rest.
/// Never blocks the event loop.
class Transport : public QObject {
    Q_OBJECT
public:
    enum class Failure {
        NotStarted,     ///< the process could not start / the server cannot be reached
        Crashed,        ///< the process ended while in use
        Protocol,       ///< the server sent something that is not JSON-RPC
        SessionExpired, ///< HTTP 404 for the session id
    };
    using QObject::QObject;

    /// Starts the process / does nothing for HTTP; emits opened() or failed().
    virtual void open() = 0;
    /// Sends a request, a notification or a response.
    virtual void send(const QJsonObject &message) = 0;
    /// The caller gave up on request @p id (timeout, cancel): stop waiting for its answer.
    virtual void abandon(qint64 id) { Q_UNUSED(id) }
    /// The protocol version agreed by initialize (HTTP sends it on every later request).
    virtual void setProtocolVersion(const QString &version) { Q_UNUSED(version) }
    /// Ends the connection politely, then firmly; emits closed() once done. No signal but
    /// closed() after this.
    virtual void close() = 0;
    /// Process id (stdio) while running, else 0.
    virtual qint64 processId() const { return 0; }

Q_SIGNALS:
    void opened();
    void messageReceived(const QJsonObject &message);
    /// Request @p id got no answer because of the transport (HTTP status, network error).
    void requestFailed(qint64 id, const QString &reason);
    void failed(versus::mcp::Transport::Failure failure, const QString &reason);
    void stderrLine(const QString &line);
    void closed();
};

} // namespace versus::mcp
