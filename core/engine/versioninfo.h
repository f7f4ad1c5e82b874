// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>
#include <QStringView>

namespace versus {

/// The QtKeychain version Versus was built against, from its CMake package
/// (Qt6Keychain_VERSION); QtKeychain has no run-time version call.
QString qtKeychainVersion();

/// What `versus --version` and `versus-cli --version` print: "PROGRAM 0.1.0 (Qt 6.4.2,
/// QtKeychain 0.13.2)", with the Qt of the running process (qVersion()), which is the one
/// a bug report needs when the package was built against another.
QString versionLine(QStringView program);

} // namespace versus
