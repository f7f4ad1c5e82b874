// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace versus::test {

/// What a versus-cli process printed and returned.
struct CliRun {
    int exitCode = -1;
    QByteArray out;
    QString err;
    qint64 elapsedMs = 0;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

/// The environment of a CLI run in a private home: no key variables, base URL overrides,
/// proxies or XDG paths of the machine's; HOME and XDG_{CONFIG,CACHE,DATA}_HOME under @p home
/// (config/, cache/, data/); no proxy. @p extra is added last (a null value removes a name).
QProcessEnvironment privateCliEnvironment(const QString &home, const QMap<QString, QString> &extra = {});

/// Runs @p program with @p arguments and @p environment (in @p workingDirectory when given),
/// waiting by spinning the event loop (a loopback server in the test answers from it), at
/// most @p timeoutMs. False, with a warning, when it did not finish or crashed.
bool runCliProcess(const QString &program, const QStringList &arguments, const QProcessEnvironment &environment,
                   CliRun &run, int timeoutMs = 60'000, const QString &workingDirectory = QString());

} // namespace versus::test
