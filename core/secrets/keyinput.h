// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secrets/apikey.h"

#include <QByteArray>
#include <QString>

#include <expected>

namespace versus {

/// Turns what a user typed or piped into an ApiKey, or says in words why it is not one.
/// Accepts printable ASCII without whitespace, at most 4096 bytes. @p bytes is consumed and
/// wiped in every case.
///
/// @p trim: Trailing says that exactly one trailing line break ("\n" or "\r\n", as `echo`
/// adds) is dropped; Surrounding drops all leading and trailing whitespace (a pasted key).
enum class KeyInputTrim { Trailing, Surrounding };
std::expected<ApiKey, QString> parseKeyInput(QByteArray &&bytes, KeyInputTrim trim);

/// Overwrites @p bytes in place (when not shared) and empties it.
void wipeBytes(QByteArray &bytes);

} // namespace versus
