// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands.h"

namespace versus::cli {

void runChat(CommandContext &context, Done done)
{
    context.err << "versus-cli chat: work in progress\n";
    done(ExitFailure);
}

} // namespace versus::cli
