// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secrets/keyresult.h"

#include <QObject>
#include <QPointer>

#include <functional>

namespace versus {

/// Where API keys are kept: one entry per provider id.
///
/// Every operation is asynchronous and answers with one KeyResult through @p callback,
/// exactly once, never before the call returns, and only while @p context is alive (the
/// callback is dropped when @p context is destroyed first), like a connect() with a context.
///
/// Results by operation:
/// - read: Stored (with the key) or NotStored, else a failure status;
/// - write: Stored, else a failure status;
/// - remove: NotStored (removed, or there was nothing to remove), else a failure status.
class KeyStore : public QObject {
    Q_OBJECT
public:
    using Callback = std::function<void(KeyResult)>;

    explicit KeyStore(QObject *parent = nullptr);
    ~KeyStore() override;

    virtual void read(const QString &providerId, QObject *context, Callback callback) = 0;
    virtual void write(const QString &providerId, const ApiKey &key, QObject *context, Callback callback) = 0;
    virtual void remove(const QString &providerId, QObject *context, Callback callback) = 0;

    /// Queues @p callback with @p result on @p context's thread, dropped if @p context dies.
    static void deliver(QObject *context, Callback callback, KeyResult result);

Q_SIGNALS:
    /// A write or remove for @p providerId succeeded (caches should forget that key).
    void keyChanged(const QString &providerId);
};

} // namespace versus
