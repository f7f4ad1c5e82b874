// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/keycheck.h"

#include <QCoreApplication>

namespace versus {

QString keyCheckMessage(const KeyCheckResult &result)
{
    QString text;
    switch (result.outcome) {
    case KeyCheckResult::Outcome::Valid:
        return QCoreApplication::translate("KeyCheck", "valid: the provider accepted the key");
    case KeyCheckResult::Outcome::Invalid:
        text = result.httpStatus > 0
                   ? QCoreApplication::translate("KeyCheck", "invalid: the provider refused the key (HTTP %1)")
                         .arg(result.httpStatus)
                   : QCoreApplication::translate("KeyCheck", "invalid: the provider refused the key");
        break;
    case KeyCheckResult::Outcome::Unreachable:
        text = result.httpStatus > 0
                   ? QCoreApplication::translate("KeyCheck", "provider unreachable (HTTP %1)").arg(result.httpStatus)
                   : QCoreApplication::translate("KeyCheck", "provider unreachable");
        break;
    }
    if (!result.detail.isEmpty())
        text += QStringLiteral(": ") + result.detail;
    return text;
}

} // namespace versus
