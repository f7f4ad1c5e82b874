// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/stdiotransport.h"

#include "mcp/jsonrpc.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QProcessEnvironment>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace versus::mcp {

namespace {
constexpr int kGraceMs = 1000;     // after stdin is closed, before SIGTERM
constexpr int kTerminateMs = 2000; // after SIGTERM, before SIGKILL
} // namespace

StdioTransport::StdioTransport(ServerConfig config, QObject *parent)
    : Transport(parent)
    , m_config(std::move(config))
{
}

StdioTransport::~StdioTransport()
{
    if (!m_process || m_process->state() == QProcess::NotRunning)
        return;
    // Bounded cleanup: the only waits in this library.
    m_process->disconnect(this);
    m_process->closeWriteChannel();
    if (!m_process->waitForFinished(kGraceMs)) {
        m_process->terminate();
        if (!m_process->waitForFinished(kTerminateMs)) {
            m_process->kill();
            m_process->waitForFinished(kGraceMs);
        }
    }
}

void StdioTransport::open()
{
    m_process = new QProcess(this);
    // Only what a program needs to run (as the MCP SDKs do), then the config's own "env": the
    // process's environment holds provider keys (GROQ_API_KEY, ...) that are not the server's.
    const QProcessEnvironment system = QProcessEnvironment::systemEnvironment();
    QProcessEnvironment environment;
    for (const QString &name : system.keys()) {
        static const QStringList kept{u"PATH"_s,
                                      u"HOME"_s,
                                      u"USER"_s,
                                      u"LOGNAME"_s,
                                      u"SHELL"_s,
                                      u"TERM"_s,
                                      u"LANG"_s,
                                      u"LANGUAGE"_s,
                                      u"TMPDIR"_s,
                                      u"TZ"_s,
                                      u"DISPLAY"_s,
                                      u"WAYLAND_DISPLAY"_s,
                                      u"XDG_RUNTIME_DIR"_s,
                                      u"XDG_CONFIG_HOME"_s,
                                      u"XDG_DATA_HOME"_s,
                                      u"XDG_CACHE_HOME"_s,
                                      u"DBUS_SESSION_BUS_ADDRESS"_s};
        if (kept.contains(name) || name.startsWith(u"LC_"))
            environment.insert(name, system.value(name));
    }
    for (auto it = m_config.env.cbegin(); it != m_config.env.cend(); ++it)
        environment.insert(it.key(), it.value());
    m_process->setProcessEnvironment(environment);
    if (!m_config.cwd.isEmpty())
        m_process->setWorkingDirectory(m_config.cwd);
    m_process->setProgram(m_config.command);
    m_process->setArguments(m_config.args);
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    connect(m_process, &QProcess::started, this, &Transport::opened);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &StdioTransport::readStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, [this] { readStderr(false); });
    connect(m_process, &QProcess::finished, this, &StdioTransport::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &StdioTransport::onError);
    m_process->start(QIODevice::ReadWrite);
}

void StdioTransport::send(const QJsonObject &message)
{
    if (!m_process || m_process->state() != QProcess::Running || m_closing)
        return;
    m_process->write(QJsonDocument(message).toJson(QJsonDocument::Compact) + '\n');
}

qint64 StdioTransport::processId() const
{
    return m_process && m_process->state() != QProcess::NotRunning ? m_process->processId() : 0;
}

void StdioTransport::close()
{
    if (m_closing)
        return;
    m_closing = true;
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        m_done = true;
        QMetaObject::invokeMethod(this, &Transport::closed, Qt::QueuedConnection);
        return;
    }
    // Politely (the server sees EOF), then SIGTERM, then SIGKILL; onFinished() says closed.
    m_process->closeWriteChannel();
    m_escalation = new QTimer(this);
    m_escalation->setSingleShot(true);
    connect(m_escalation, &QTimer::timeout, this, [this, terminated = false]() mutable {
        if (!terminated) {
            terminated = true;
            m_process->terminate();
            m_escalation->start(kTerminateMs);
        } else {
            m_process->kill();
        }
    });
    m_escalation->start(kGraceMs);
}

void StdioTransport::readStdout()
{
    m_stdout += m_process->readAllStandardOutput();
    qsizetype start = 0;
    while (!m_done) {
        const qsizetype end = m_stdout.indexOf('\n', start);
        if (end < 0)
            break;
        const QByteArrayView line = QByteArrayView(m_stdout).sliced(start, end - start).trimmed();
        start = end + 1;
        if (line.isEmpty())
            continue;
        if (line.size() > kMaxLineBytes) {
            protocolError(u"a message longer than %1 MiB"_s.arg(kMaxLineBytes / (1024 * 1024)));
            return;
        }
        auto messages = jsonrpc::parseFrame(line);
        if (!messages) {
            protocolError(messages.error());
            return;
        }
        for (const QJsonObject &message : std::as_const(*messages))
            Q_EMIT messageReceived(message);
    }
    m_stdout.remove(0, start);
    if (!m_done && m_stdout.size() > kMaxLineBytes)
        protocolError(u"a message longer than %1 MiB"_s.arg(kMaxLineBytes / (1024 * 1024)));
}

void StdioTransport::readStderr(bool flush)
{
    m_stderr += m_process->readAllStandardError();
    qsizetype end;
    while ((end = m_stderr.indexOf('\n')) >= 0 || (flush && !m_stderr.isEmpty())) {
        const QByteArray line = end >= 0 ? m_stderr.left(end) : m_stderr;
        m_stderr.remove(0, end >= 0 ? end + 1 : m_stderr.size());
        const QString text = QString::fromUtf8(line).trimmed();
        if (text.isEmpty())
            continue;
        Q_EMIT stderrLine(text);
    }
    // A server that never ends its stderr lines must not grow this buffer forever.
    if (m_stderr.size() > 64 * 1024) {
        m_stderr.truncate(0);
    }
}

void StdioTransport::protocolError(const QString &reason)
{
    if (m_done)
        return;
    m_done = true;
    Q_EMIT failed(Failure::Protocol, reason);
}

void StdioTransport::onFinished(int exitCode, QProcess::ExitStatus status)
{
    readStdout();
    readStderr(true);
    if (m_escalation)
        m_escalation->stop();
    if (m_closing) {
        m_done = true;
        Q_EMIT closed(); // also after a failure: the process is gone now
        return;
    }
    if (m_done)
        return;
    m_done = true;
    // stderrLine() already carried the last words; the client adds them.
    Q_EMIT failed(Failure::Crashed, status == QProcess::CrashExit
                                        ? QCoreApplication::translate("versus::mcp", "killed by a signal")
                                        : QCoreApplication::translate("versus::mcp", "exit code %1").arg(exitCode));
}

void StdioTransport::onError(QProcess::ProcessError error)
{
    if (error != QProcess::FailedToStart || m_done)
        return;
    m_done = true;
    Q_EMIT failed(Failure::NotStarted, u"could not start \"%1\": %2"_s.arg(m_config.command, m_process->errorString()));
}

} // namespace versus::mcp
