// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>
#include <QTextStream>

#include <functional>

class QNetworkAccessManager;
class QIODevice;

namespace versus::cli {

class InterruptNotifier;

/// Exit statuses of versus-cli (ARCHITECTURE.md): 0 every lane succeeded, 1 any lane
/// failed (or the command failed), 2 usage error.
enum ExitCode { ExitOk = 0, ExitFailure = 1, ExitUsage = 2 };

/// What a command gets from main(): its arguments (without "versus-cli" and the command
/// name), the three standard streams and the process's one QNetworkAccessManager.
struct CommandContext {
    QStringList arguments;
    QTextStream &out;
    QTextStream &err;
    QIODevice &in;
    QNetworkAccessManager &network;
    InterruptNotifier &interrupt; ///< emits interrupted() on Ctrl-C: stop and print what there is
    bool stdinIsTerminal = false;
    bool stdoutIsTerminal = false;
};

/// A command starts its work and calls @p done exactly once with the exit status,
/// either before returning or later from the event loop. No nested event loops.
using Done = std::function<void(int exitCode)>;
using CommandFunction = void (*)(CommandContext &context, Done done);

struct Command {
    const char *name;
    const char *summary;
    CommandFunction run;
};

} // namespace versus::cli
