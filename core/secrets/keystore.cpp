// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/keystore.h"

namespace versus {

KeyStore::KeyStore(QObject *parent)
    : QObject(parent)
{
}

KeyStore::~KeyStore() = default;

void KeyStore::deliver(QObject *context, Callback callback, KeyResult result)
{
    if (!context || !callback)
        return;
    QMetaObject::invokeMethod(
        context,
        [callback = std::move(callback), result = std::move(result)]() mutable { callback(std::move(result)); },
        Qt::QueuedConnection);
}

} // namespace versus
