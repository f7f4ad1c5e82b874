// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/keyresult.h"

#include <QCoreApplication>

namespace versus {

QString keyStatusLabel(KeyStatus status)
{
    switch (status) {
    case KeyStatus::Stored:
        return QCoreApplication::translate("KeyStatus", "stored");
    case KeyStatus::NotStored:
        return QCoreApplication::translate("KeyStatus", "missing");
    case KeyStatus::Locked:
        return QCoreApplication::translate("KeyStatus", "keyring locked");
    case KeyStatus::AccessDenied:
        return QCoreApplication::translate("KeyStatus", "access denied");
    case KeyStatus::NoBackend:
        return QCoreApplication::translate("KeyStatus", "no keychain service");
    case KeyStatus::NotResponding:
        return QCoreApplication::translate("KeyStatus", "keychain not responding");
    case KeyStatus::OtherError:
        return QCoreApplication::translate("KeyStatus", "keychain error");
    }
    return QCoreApplication::translate("KeyStatus", "keychain error");
}

QString keyStatusMessage(const KeyResult &result)
{
    switch (result.status) {
    case KeyStatus::Stored:
        return QCoreApplication::translate("KeyStatus", "The key is stored in the system keychain.");
    case KeyStatus::NotStored:
        return QCoreApplication::translate("KeyStatus", "No key is stored in the system keychain.");
    case KeyStatus::Locked:
        return QCoreApplication::translate(
            "KeyStatus", "The keyring is locked, so the stored key cannot be used or changed. Unlock the keyring "
                         "(for example in Passwords and Keys, or by logging in again) and retry.");
    case KeyStatus::AccessDenied:
        return QCoreApplication::translate(
            "KeyStatus", "Access to the keychain was denied. Allow Versus to use the keychain when asked, then retry.");
    case KeyStatus::NoBackend:
        return QCoreApplication::translate(
            "KeyStatus", "No keychain service is running. Install and start gnome-keyring or KWallet (a Secret Service "
                         "provider), then retry. Until then you can set the key in the provider's environment "
                         "variable.");
    case KeyStatus::NotResponding:
        return QCoreApplication::translate(
            "KeyStatus", "The keychain service did not answer in time. It may be waiting for an unlock prompt or be "
                         "stuck; answer the prompt or restart the keyring service, then retry.");
    case KeyStatus::OtherError:
        if (result.detail.isEmpty())
            return QCoreApplication::translate("KeyStatus", "The keychain reported an error.");
        return QCoreApplication::translate("KeyStatus", "The keychain reported an error: %1").arg(result.detail);
    }
    return QCoreApplication::translate("KeyStatus", "The keychain reported an error.");
}

QString keyStatusId(KeyStatus status)
{
    switch (status) {
    case KeyStatus::Stored:
        return QStringLiteral("stored");
    case KeyStatus::NotStored:
        return QStringLiteral("not_stored");
    case KeyStatus::Locked:
        return QStringLiteral("locked");
    case KeyStatus::AccessDenied:
        return QStringLiteral("access_denied");
    case KeyStatus::NoBackend:
        return QStringLiteral("no_backend");
    case KeyStatus::NotResponding:
        return QStringLiteral("not_responding");
    case KeyStatus::OtherError:
        return QStringLiteral("error");
    }
    return QStringLiteral("error");
}

QString keySourceId(KeySource source)
{
    switch (source) {
    case KeySource::Environment:
        return QStringLiteral("env");
    case KeySource::Keychain:
        return QStringLiteral("keychain");
    case KeySource::None:
        return QStringLiteral("none");
    }
    return QStringLiteral("none");
}

} // namespace versus
