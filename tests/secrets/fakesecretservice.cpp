// SPDX-License-Identifier: GPL-3.0-or-later
#include "fakesecretservice.h"

#include <QDBusObjectPath>
#include <QDBusVariant>
#include <QUuid>

FakeSecretService::FakeSecretService(QObject *parent)
    : QDBusVirtualObject(parent)
{
}

FakeSecretService::~FakeSecretService()
{
    if (!m_connectionName.isEmpty()) {
        QDBusConnection connection(m_connectionName);
        connection.unregisterObject(QStringLiteral("/org/freedesktop/secrets"), QDBusConnection::UnregisterTree);
        QDBusConnection::disconnectFromBus(m_connectionName);
    }
}

bool FakeSecretService::serveOn(const QString &address)
{
    m_connectionName = QStringLiteral("fake-secret-service-") + QUuid::createUuid().toString(QUuid::Id128);
    QDBusConnection connection = QDBusConnection::connectToBus(address, m_connectionName);
    return connection.isConnected() &&
           connection.registerVirtualObject(QStringLiteral("/org/freedesktop/secrets"), this,
                                            QDBusConnection::SubPath) &&
           connection.registerService(QStringLiteral("org.freedesktop.secrets"));
}

QString FakeSecretService::introspect(const QString &) const
{
    return QString();
}

bool FakeSecretService::handleMessage(const QDBusMessage &message, const QDBusConnection &connection)
{
    const QString interface = message.interface();
    const QString member = message.member();
    m_calls.append(interface + u'.' + member);

    if (interface == u"org.freedesktop.DBus.Properties" && member == u"GetAll") {
        QVariantMap properties;
        properties.insert(QStringLiteral("Collections"), QVariant::fromValue(QList<QDBusObjectPath>()));
        return connection.send(message.createReply(QVariant(properties)));
    }
    if (interface == u"org.freedesktop.Secret.Service" && member == u"OpenSession") {
        if (message.arguments().value(0).toString() != u"plain")
            return connection.send(message.createErrorReply(QStringLiteral("org.freedesktop.DBus.Error.NotSupported"),
                                                            QStringLiteral("only plain")));
        return connection.send(message.createReply(
            {QVariant::fromValue(QDBusVariant(QString())),
             QVariant::fromValue(QDBusObjectPath(QStringLiteral("/org/freedesktop/secrets/session/1")))}));
    }
    if (interface == u"org.freedesktop.Secret.Service" && member == u"SearchItems") {
        if (++m_searches == 1) {
            // Keep the call and never answer it.
            message.setDelayedReply(true);
            m_unanswered.append(message);
            return true;
        }
        return connection.send(message.createReply(
            {QVariant::fromValue(QList<QDBusObjectPath>()), QVariant::fromValue(QList<QDBusObjectPath>())}));
    }
    return connection.send(message.createErrorReply(QStringLiteral("org.freedesktop.DBus.Error.UnknownMethod"),
                                                    QStringLiteral("not in this fake")));
}
