// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/storedkeyregistry.h"

#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace versus {

namespace {
QString resolvedPath(const QString &filePath)
{
    const QString path = filePath.isEmpty() ? StoredKeyRegistry::defaultFilePath() : filePath;
    QDir().mkpath(QFileInfo(path).absolutePath());
    return path;
}

// One INI group per keychain service; the group name is the service, so the file reads
// [versus] providers=groq, openai
QString groupKey(const QString &service)
{
    return service + QStringLiteral("/providers");
}
} // namespace

StoredKeyRegistry::StoredKeyRegistry(const QString &filePath)
    : m_settings(resolvedPath(filePath), QSettings::IniFormat)
{
}

QString StoredKeyRegistry::defaultFilePath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation) +
           QStringLiteral("/versus/keychain-entries.ini");
}

bool StoredKeyRegistry::contains(const QString &service, const QString &providerId)
{
    return providers(service).contains(providerId);
}

QStringList StoredKeyRegistry::providers(const QString &service)
{
    m_settings.sync();
    return m_settings.value(groupKey(service)).toStringList();
}

void StoredKeyRegistry::add(const QString &service, const QString &providerId)
{
    QStringList names = providers(service);
    if (names.contains(providerId))
        return;
    names.append(providerId);
    save(service, std::move(names));
}

void StoredKeyRegistry::remove(const QString &service, const QString &providerId)
{
    QStringList names = providers(service);
    if (names.removeAll(providerId) == 0)
        return;
    save(service, std::move(names));
}

void StoredKeyRegistry::save(const QString &service, QStringList providers)
{
    providers.sort();
    if (providers.isEmpty())
        m_settings.remove(groupKey(service));
    else
        m_settings.setValue(groupKey(service), providers);
    m_settings.sync();
}

} // namespace versus
