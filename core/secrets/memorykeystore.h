// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secrets/keystore.h"

#include <QHash>

#include <optional>

namespace versus {

/// A KeyStore in memory, for other code's tests and for sessions without a keychain.
/// It behaves like the keychain (asynchronous answers, keyChanged) and can be told to fail.
class MemoryKeyStore : public KeyStore {
    Q_OBJECT
public:
    explicit MemoryKeyStore(QObject *parent = nullptr);

    void read(const QString &providerId, QObject *context, Callback callback) override;
    void write(const QString &providerId, const ApiKey &key, QObject *context, Callback callback) override;
    void remove(const QString &providerId, QObject *context, Callback callback) override;

    /// While set, every operation fails with @p status (and @p detail) and changes nothing,
    /// e.g. KeyStatus::Locked to act like a locked keyring. std::nullopt ends it.
    void setFailure(std::optional<KeyStatus> status, const QString &detail = QString());

    bool contains(const QString &providerId) const { return m_keys.contains(providerId); }
    int operationCount() const { return m_operations; }

private:
    std::optional<KeyResult> failure() const;
    void announceChange(const QString &providerId);

    QHash<QString, ApiKey> m_keys;
    std::optional<KeyStatus> m_failure;
    QString m_failureDetail;
    int m_operations = 0;
};

} // namespace versus
