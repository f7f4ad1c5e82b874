// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"
#include "providers/providerinfo.h"

namespace versus {

/// Where the advice is read: the command line names versus-cli commands, the app its pages.
enum class AdviceFor { CommandLine, App };

/// What the user can do about @p error, in one sentence (empty when there is nothing to add).
QString errorAdvice(const ChatError &error, const ProviderInfo &provider, AdviceFor audience = AdviceFor::CommandLine);

/// A short title for the error kind ("Authentication failed", "Rate limited", ...).
QString errorTitle(ErrorKind kind);

} // namespace versus
