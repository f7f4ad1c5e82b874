// SPDX-License-Identifier: GPL-3.0-or-later
#include "clirun.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QElapsedTimer>
#include <QProcess>
#include <QSignalSpy>

namespace versus::test {

QProcessEnvironment privateCliEnvironment(const QString &home, const QMap<QString, QString> &extra)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    const QStringList names = env.keys();
    for (const QString &name : names) {
        const QString lower = name.toLower();
        if (name.endsWith(u"_API_KEY") || (name.startsWith(u"VERSUS_") && name.endsWith(u"_BASE_URL")) ||
            lower == u"http_proxy" || lower == u"https_proxy" || lower == u"all_proxy" || name.startsWith(u"XDG_"))
            env.remove(name);
    }
    env.insert(QStringLiteral("no_proxy"), QStringLiteral("*"));
    env.insert(QStringLiteral("NO_PROXY"), QStringLiteral("*"));
    env.insert(QStringLiteral("HOME"), home);
    const QDir dir(home);
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), dir.filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), dir.filePath(QStringLiteral("cache")));
    env.insert(QStringLiteral("XDG_DATA_HOME"), dir.filePath(QStringLiteral("data")));
    for (auto it = extra.begin(); it != extra.end(); ++it) {
        if (it.value().isNull())
            env.remove(it.key());
        else
            env.insert(it.key(), it.value());
    }
    return env;
}

bool runCliProcess(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
                   CliRun &run, int timeoutMs, const QString &workingDirectory)
{
    QProcess process;
    process.setProcessEnvironment(environment);
    if (!workingDirectory.isEmpty())
        process.setWorkingDirectory(workingDirectory);
    QSignalSpy finished(&process, &QProcess::finished);
    QElapsedTimer clock;
    clock.start();
    process.start(program, arguments);
    process.closeWriteChannel();
    // The loopback server answers from this event loop: wait by spinning it, never block it.
    const QDeadlineTimer deadline(timeoutMs);
    while (finished.isEmpty() && process.state() != QProcess::NotRunning && !deadline.hasExpired())
        finished.wait(100);
    run.elapsedMs = clock.elapsed();
    if (process.state() != QProcess::NotRunning) {
        qWarning("versus-cli %s did not finish", qPrintable(arguments.join(u' ')));
        process.kill();
        process.waitForFinished(5000);
        return false;
    }
    if (process.exitStatus() != QProcess::NormalExit) {
        qWarning("versus-cli crashed: %s", qPrintable(process.errorString()));
        return false;
    }
    run.exitCode = process.exitCode();
    run.out = process.readAllStandardOutput();
    run.err = QString::fromUtf8(process.readAllStandardError());
    return true;
}

} // namespace versus::test
