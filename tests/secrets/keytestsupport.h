// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secrets/keystore.h"

#include <QTest>

#include <functional>
#include <optional>

namespace versus {

// Readable QCOMPARE failures.
inline char *toString(KeyStatus status)
{
    return qstrdup(keyStatusId(status).toUtf8().constData());
}

inline char *toString(KeySource source)
{
    return qstrdup(keySourceId(source).toUtf8().constData());
}

/// Starts an asynchronous key operation and waits (event loop running) for its answer.
/// std::nullopt when no answer came within @p timeoutMs.
inline std::optional<KeyResult> awaitResult(const std::function<void(QObject *, KeyStore::Callback)> &start,
                                            int timeoutMs = 20000)
{
    QObject context;
    std::optional<KeyResult> answer;
    start(&context, [&answer](KeyResult result) { answer = std::move(result); });
    if (!QTest::qWaitFor([&answer] { return answer.has_value(); }, timeoutMs))
        return std::nullopt;
    return answer;
}

inline std::optional<KeyResult> readKey(KeyStore &store, const QString &id, int timeoutMs = 20000)
{
    return awaitResult([&](QObject *context, KeyStore::Callback done) { store.read(id, context, std::move(done)); },
                       timeoutMs);
}

inline std::optional<KeyResult> writeKey(KeyStore &store, const QString &id, const ApiKey &key, int timeoutMs = 20000)
{
    return awaitResult(
        [&](QObject *context, KeyStore::Callback done) { store.write(id, key, context, std::move(done)); }, timeoutMs);
}

inline std::optional<KeyResult> removeKey(KeyStore &store, const QString &id, int timeoutMs = 20000)
{
    return awaitResult([&](QObject *context, KeyStore::Callback done) { store.remove(id, context, std::move(done)); },
                       timeoutMs);
}

} // namespace versus
