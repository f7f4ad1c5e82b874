// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mcp/mcpconfig.h"
#include "mcp/transport.h"

#include <QByteArray>
#include <QProcess>

class QTimer;

namespace versus::mcp {

/// An MCP server as a child process: newline-delimited JSON-RPC on stdin/stdout, stderr
/// read line by line. The destructor ends the process (bounded waits: no zombies).
class StdioTransport : public Transport {
    Q_OBJECT
public:
    /// Longest stdout line accepted; a longer one is a protocol error.
    static constexpr qsizetype kMaxLineBytes = 16 * 1024 * 1024;

    explicit StdioTransport(ServerConfig config, QObject *parent = nullptr);
    ~StdioTransport() override;

    void open() override;
    void send(const QJsonObject &message) override;
    void close() override;
    qint64 processId() const override;

private:
    void readStdout();
    void readStderr(bool flush);
    void onFinished(int exitCode, QProcess::ExitStatus status);
    void onError(QProcess::ProcessError error);
    void protocolError(const QString &reason);

    ServerConfig m_config;
    QProcess *m_process = nullptr;
    QTimer *m_escalation = nullptr;
    QByteArray m_stdout;
    QByteArray m_stderr;
    bool m_closing = false;
    bool m_done = false; // failed() or closed() was emitted
};

} // namespace versus::mcp
