// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/keyresolver.h"

#include "secrets/keyinput.h"

namespace versus {

KeyResolver::KeyResolver(KeyStore *store, QObject *parent)
    : QObject(parent)
    , m_store(store)
{
    Q_ASSERT(store);
    connect(store, &KeyStore::keyChanged, this, &KeyResolver::forget);
}

KeyResult KeyResolver::fromEnvironment(const QString &envVar)
{
    KeyResult result;
    if (envVar.isEmpty())
        return result;
    QByteArray value = qgetenv(envVar.toLocal8Bit().constData());
    if (value.trimmed().isEmpty()) {
        wipeBytes(value);
        return result;
    }
    auto key = parseKeyInput(std::move(value), KeyInputTrim::Surrounding);
    if (!key) {
        result.status = KeyStatus::OtherError;
        result.detail =
            tr("The environment variable %1 is set but does not hold a valid key: %2").arg(envVar, key.error());
        return result;
    }
    result.status = KeyStatus::Stored;
    result.key = std::move(*key);
    result.source = KeySource::Environment;
    return result;
}

void KeyResolver::resolve(const QString &providerId, const QString &envVar, QObject *context,
                          KeyStore::Callback callback)
{
    KeyResult fromEnv = fromEnvironment(envVar);
    if (fromEnv.status != KeyStatus::NotStored)
        return KeyStore::deliver(context, std::move(callback), std::move(fromEnv));

    const auto cached = m_cache.constFind(providerId);
    if (cached != m_cache.constEnd()) {
        KeyResult result;
        result.status = KeyStatus::Stored;
        result.key = *cached;
        result.source = KeySource::Keychain;
        return KeyStore::deliver(context, std::move(callback), std::move(result));
    }

    QList<Waiter> &waiters = m_waiting[providerId];
    waiters.append(Waiter{context, std::move(callback)});
    if (waiters.size() > 1)
        return; // a read is already on its way
    const quint64 generation = m_generation.value(providerId);
    m_store->read(providerId, this, [this, providerId, generation](KeyResult result) {
        readFinished(providerId, generation, std::move(result));
    });
}

void KeyResolver::readFinished(const QString &providerId, quint64 generation, KeyResult result)
{
    // A forget() while the read was under way means the key may have changed since.
    if (result.hasKey() && generation == m_generation.value(providerId))
        m_cache.insert(providerId, result.key);
    if (result.hasKey())
        result.source = KeySource::Keychain;
    const QList<Waiter> waiters = m_waiting.take(providerId);
    for (const Waiter &waiter : waiters)
        KeyStore::deliver(waiter.context, waiter.callback, result);
}

void KeyResolver::forget(const QString &providerId)
{
    if (auto it = m_cache.find(providerId); it != m_cache.end()) {
        it->clear();
        m_cache.erase(it);
    }
    ++m_generation[providerId];
}

void KeyResolver::forgetAll()
{
    for (auto it = m_cache.begin(); it != m_cache.end(); ++it) {
        it->clear();
        ++m_generation[it.key()];
    }
    m_cache.clear();
    // Reads under way must not refill the cache either.
    for (auto it = m_waiting.cbegin(); it != m_waiting.cend(); ++it)
        ++m_generation[it.key()];
}

} // namespace versus
