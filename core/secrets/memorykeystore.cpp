// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/memorykeystore.h"

namespace versus {

MemoryKeyStore::MemoryKeyStore(QObject *parent)
    : KeyStore(parent)
{
}

void MemoryKeyStore::setFailure(std::optional<KeyStatus> status, const QString &detail)
{
    m_failure = status;
    m_failureDetail = detail;
}

std::optional<KeyResult> MemoryKeyStore::failure() const
{
    if (!m_failure)
        return std::nullopt;
    KeyResult result;
    result.status = *m_failure;
    result.detail = m_failureDetail;
    return result;
}

void MemoryKeyStore::announceChange(const QString &providerId)
{
    // Queued like the keychain's, and ahead of the operation's own callback.
    QMetaObject::invokeMethod(
        this, [this, providerId] { Q_EMIT keyChanged(providerId); }, Qt::QueuedConnection);
}

void MemoryKeyStore::read(const QString &providerId, QObject *context, Callback callback)
{
    ++m_operations;
    if (auto failed = failure())
        return deliver(context, std::move(callback), std::move(*failed));
    KeyResult result;
    const auto it = m_keys.constFind(providerId);
    if (it != m_keys.constEnd()) {
        result.status = KeyStatus::Stored;
        result.key = *it;
        result.source = KeySource::Keychain;
    }
    deliver(context, std::move(callback), std::move(result));
}

void MemoryKeyStore::write(const QString &providerId, const ApiKey &key, QObject *context, Callback callback)
{
    ++m_operations;
    if (auto failed = failure())
        return deliver(context, std::move(callback), std::move(*failed));
    KeyResult result;
    if (providerId.isEmpty() || key.isEmpty()) {
        result.status = KeyStatus::OtherError;
        result.detail = tr("A provider id and a non-empty key are required.");
        return deliver(context, std::move(callback), std::move(result));
    }
    m_keys.insert(providerId, key);
    result.status = KeyStatus::Stored;
    result.source = KeySource::Keychain;
    announceChange(providerId);
    deliver(context, std::move(callback), std::move(result));
}

void MemoryKeyStore::remove(const QString &providerId, QObject *context, Callback callback)
{
    ++m_operations;
    if (auto failed = failure())
        return deliver(context, std::move(callback), std::move(*failed));
    m_keys.remove(providerId);
    announceChange(providerId);
    deliver(context, std::move(callback), KeyResult{});
}

} // namespace versus
