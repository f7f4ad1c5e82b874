// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusVirtualObject>
#include <QList>
#include <QStringList>

/// Just enough of the Secret Service (org.freedesktop.secrets) on a private bus for
/// libsecret to open a session and search for items. Its first search is never answered,
/// like a keyring daemon that hangs; the later ones find nothing.
class FakeSecretService : public QDBusVirtualObject {
    Q_OBJECT
public:
    explicit FakeSecretService(QObject *parent = nullptr);
    ~FakeSecretService() override;

    /// Connects to the bus at @p address and takes the name org.freedesktop.secrets.
    bool serveOn(const QString &address);

    int searchCount() const { return m_searches; }
    /// The methods called so far ("Interface.Member"), for failure messages.
    QStringList calls() const { return m_calls; }

    QString introspect(const QString &path) const override;
    bool handleMessage(const QDBusMessage &message, const QDBusConnection &connection) override;

private:
    QString m_connectionName;
    QStringList m_calls;
    QList<QDBusMessage> m_unanswered;
    int m_searches = 0;
};
