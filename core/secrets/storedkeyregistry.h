// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QSettings>
#include <QStringList>

namespace versus {

/// The ids of the providers whose key was stored in the keychain — names only, never a
/// value. A locked keyring answers "no such entry" for a stored key; remembering which keys
/// exist is how KeychainStore tells "keyring locked" from "no key".
class StoredKeyRegistry {
public:
    /// @p filePath: an INI file; empty means the default,
    /// $XDG_CONFIG_HOME/versus/keychain-entries.ini.
    explicit StoredKeyRegistry(const QString &filePath = QString());

    static QString defaultFilePath();

    QString filePath() const { return m_settings.fileName(); }
    bool contains(const QString &service, const QString &providerId);
    void add(const QString &service, const QString &providerId);
    void remove(const QString &service, const QString &providerId);
    /// Re-reads the file first, so another process's changes are seen.
    QStringList providers(const QString &service);

private:
    void save(const QString &service, QStringList providers);

    QSettings m_settings;
};

} // namespace versus
