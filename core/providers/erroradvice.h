// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"
#include "providers/providerinfo.h"

namespace versus {

/// What the user can do about @p error, in one sentence (empty when there is nothing to add).
QString errorAdvice(const ChatError &error, const ProviderInfo &provider);

/// A short title for the error kind ("Authentication failed", "Rate limited", ...).
QString errorTitle(ErrorKind kind);

} // namespace versus
