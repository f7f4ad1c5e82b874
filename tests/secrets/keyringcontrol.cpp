// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyringcontrol.h"

#include <QDBusArgument>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#include <QDBusObjectPath>
#include <QDBusReply>
#include <QDBusVariant>

#include <csignal>

namespace KeyringControl {

namespace {
const QString kService = QStringLiteral("org.freedesktop.secrets");
const QString kServicePath = QStringLiteral("/org/freedesktop/secrets");
const QString kLoginPath = QStringLiteral("/org/freedesktop/secrets/collection/login");

QDBusMessage call(const QString &path, const QString &interface, const QString &method, const QVariantList &args)
{
    QDBusMessage message = QDBusMessage::createMethodCall(kService, path, interface, method);
    message.setArguments(args);
    return QDBusConnection::sessionBus().call(message, QDBus::Block, 5000);
}
} // namespace

bool keyringTestsDisabled()
{
    return qEnvironmentVariable("VERSUS_NO_KEYRING_TESTS") == u"1";
}

QString problemWithTestKeyring()
{
    const QString howTo = QStringLiteral(
        " Run the tests on a throw-away keyring: dbus-run-session -- sh tests/support/with-keyring.sh ctest "
        "--output-on-failure (script/test does), or set VERSUS_NO_KEYRING_TESTS=1 to skip keychain tests on "
        "purpose.");
    if (qEnvironmentVariable("VERSUS_TEST_KEYRING") != u"1")
        return QStringLiteral("Not running under tests/support/with-keyring.sh (VERSUS_TEST_KEYRING is not 1), so "
                              "there may be no keyring or it may be yours.") +
               howTo;
    if (!QDBusConnection::sessionBus().isConnected())
        return QStringLiteral("No D-Bus session bus.") + howTo;
    if (secretServicePid() == 0)
        return QStringLiteral("No Secret Service (org.freedesktop.secrets) on the session bus.") + howTo;
    if (isLoginLocked())
        return QStringLiteral("The login keyring is locked.") + howTo;
    return QString();
}

bool isLoginLocked()
{
    const QDBusMessage reply =
        call(kLoginPath, QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"),
             {QStringLiteral("org.freedesktop.Secret.Collection"), QStringLiteral("Locked")});
    if (reply.type() != QDBusMessage::ReplyMessage || reply.arguments().isEmpty())
        return true;
    return reply.arguments().constFirst().value<QDBusVariant>().variant().toBool();
}

bool lockLogin()
{
    const QDBusMessage reply =
        call(kServicePath, QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("Lock"),
             {QVariant::fromValue(QList<QDBusObjectPath>{QDBusObjectPath(kLoginPath)})});
    return reply.type() == QDBusMessage::ReplyMessage && isLoginLocked();
}

bool unlockLogin()
{
    // A Secret Service session belongs to the connection that opened it: both calls go
    // through the same (shared) session-bus connection.
    const QDBusMessage opened =
        call(kServicePath, QStringLiteral("org.freedesktop.Secret.Service"), QStringLiteral("OpenSession"),
             {QStringLiteral("plain"), QVariant::fromValue(QDBusVariant(QString()))});
    if (opened.type() != QDBusMessage::ReplyMessage || opened.arguments().size() != 2)
        return false;
    const auto session = opened.arguments().at(1).value<QDBusObjectPath>();

    QDBusArgument secret;
    secret.beginStructure();
    secret << session << QByteArray() << qgetenv("VERSUS_TEST_KEYRING_PASSWORD") << QStringLiteral("text/plain");
    secret.endStructure();
    const QDBusMessage reply =
        call(kServicePath, QStringLiteral("org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface"),
             QStringLiteral("UnlockWithMasterPassword"),
             {QVariant::fromValue(QDBusObjectPath(kLoginPath)), QVariant::fromValue(secret)});
    call(session.path(), QStringLiteral("org.freedesktop.Secret.Session"), QStringLiteral("Close"), {});
    return reply.type() == QDBusMessage::ReplyMessage && !isLoginLocked();
}

pid_t secretServicePid()
{
    QDBusConnectionInterface *bus = QDBusConnection::sessionBus().interface();
    if (!bus)
        return 0;
    const QDBusReply<uint> pid = bus->servicePid(kService);
    return pid.isValid() ? pid_t(pid.value()) : 0;
}

ProcessPause::ProcessPause(pid_t pid)
    : m_pid(pid)
{
    if (m_pid > 0)
        ::kill(m_pid, SIGSTOP);
}

ProcessPause::~ProcessPause()
{
    resume();
}

void ProcessPause::resume()
{
    if (m_pid > 0)
        ::kill(m_pid, SIGCONT);
    m_pid = 0;
}

} // namespace KeyringControl
