// SPDX-License-Identifier: GPL-3.0-or-later
#include "versioninfo.h"

#include <QtGlobal>

#ifndef VERSUS_QTKEYCHAIN_VERSION
#error "core/engine/CMakeLists.txt passes VERSUS_QTKEYCHAIN_VERSION from find_package(Qt6Keychain)"
#endif

namespace versus {

QString qtKeychainVersion()
{
    return QStringLiteral(VERSUS_QTKEYCHAIN_VERSION);
}

QString versionLine(QStringView program)
{
    return program.toString() + u' ' + QStringLiteral(VERSUS_VERSION) + u" (Qt " + QString::fromLatin1(qVersion()) +
           u", QtKeychain " + qtKeychainVersion() + u')';
}

} // namespace versus
