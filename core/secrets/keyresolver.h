// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secrets/keystore.h"

#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

namespace versus {

/// Finds the key for a request: the provider's environment variable (GROQ_API_KEY, ...)
/// when it is set, else the key store. Keys read from the store are kept in memory for the
/// session (never written anywhere else) until forget() or the store reports a change.
class KeyResolver : public QObject {
    Q_OBJECT
public:
    explicit KeyResolver(KeyStore *store, QObject *parent = nullptr);

    /// Answers through @p callback (as KeyStore does) with status Stored and source
    /// Environment or Keychain, NotStored when neither has a key, or the store's failure.
    /// A set but malformed environment variable is an OtherError (it is not skipped).
    /// Concurrent resolves of one provider share a single store read.
    void resolve(const QString &providerId, const QString &envVar, QObject *context, KeyStore::Callback callback);

    /// Drops the cached key of @p providerId (the next resolve reads the store again).
    void forget(const QString &providerId);
    void forgetAll();
    bool isCached(const QString &providerId) const { return m_cache.contains(providerId); }

    /// The key in environment variable @p envVar: Stored (source Environment), NotStored
    /// when the variable is unset or empty, OtherError when it does not hold a valid key.
    static KeyResult fromEnvironment(const QString &envVar);

private:
    struct Waiter {
        QPointer<QObject> context;
        KeyStore::Callback callback;
    };
    void readFinished(const QString &providerId, quint64 generation, KeyResult result);

    KeyStore *m_store;
    QHash<QString, ApiKey> m_cache;
    QHash<QString, QList<Waiter>> m_waiting;
    QHash<QString, quint64> m_generation;
};

} // namespace versus
