// SPDX-License-Identifier: GPL-3.0-or-later
// versus-cli: composition root of the headless client. Each command lives in its own
// file; this file only picks the command and wires the process's streams and network.
#include "command.h"
#include "commands.h"
#include "engine/versioninfo.h"
#include "interruptnotifier.h"

#include <QCoreApplication>
#include <QFile>
#include <QLocale>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QTimer>

#include <array>
#include <cstdio>
#include <unistd.h>

using namespace versus::cli;

namespace {

const std::array kCommands{
    Command{"providers", "List the provider catalog, capabilities and key status", &runProviders},
    Command{"models", "List the models a provider offers now (live, cached for offline use)", &runModels},
    Command{"chat", "Send one prompt to one provider:model and stream the answer", &runChat},
    Command{"compare", "Send one prompt to several provider:model lanes and compare them", &runCompare},
    Command{"pricing", "Show the effective price table (bundled + your overrides)", &runPricing},
    Command{"keys", "Store, list, test and delete API keys in the OS keychain", &runKeys},
    Command{"history", "List, show, search, export and delete stored comparisons", &runHistory},
    Command{"mcp", "Start the MCP servers of mcp.json and list their state and tools", &runMcp},
    Command{"vote", "Record your verdict on a stored turn (best lane, tie or all bad)", &runVote},
    Command{"leaderboard", "Rank models by your votes (wins, losses, ties, rating with CI)", &runLeaderboard},
    Command{"sets", "List the model sets saved in the app (compare --set NAME runs one)", &runSets},
    Command{"bench", "Benchmark providers: targets x prompts x runs, latency and speed percentiles", &runBench},
};

void printUsage(QTextStream &stream)
{
    stream << "Usage: versus-cli COMMAND [options]\n\nCommands:\n";
    for (const Command &command : kCommands)
        stream << "  " << QString::fromLatin1(command.name).leftJustified(11) << ' '
               << QString::fromLatin1(command.summary) << '\n';
    stream << "\nRun 'versus-cli COMMAND --help' for a command's options.\n"
              "'versus-cli --version' prints the versions of versus-cli, Qt and QtKeychain.\n";
    stream.flush();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("versus"));
    QCoreApplication::setOrganizationName(QStringLiteral("versus"));
    QCoreApplication::setApplicationVersion(QStringLiteral(VERSUS_VERSION));
    // versus-cli speaks English with the same figures on every system ("2.5 s", not "2,5 s"),
    // so that scripts read one format: core's locale-aware words use the C locale here.
    QLocale::setDefault(QLocale::c());
    // The MCP servers' own stderr and state changes are the log's, not the terminal's: mcp
    // list shows them, failures are warnings. QT_LOGGING_RULES="versus.mcp.info=true" shows all.
    QLoggingCategory::setFilterRules(QStringLiteral("versus.mcp.info=false\nversus.mcp.debug=false"));

    QTextStream out(stdout);
    QTextStream err(stderr);
    QFile in;
    if (!in.open(stdin, QIODevice::ReadOnly)) {
        err << "versus-cli: cannot read standard input\n";
        return ExitFailure;
    }

    QStringList args = QCoreApplication::arguments().mid(1);
    if (args.isEmpty() || args.first() == u"--help" || args.first() == u"-h" || args.first() == u"help") {
        printUsage(args.isEmpty() ? err : out);
        return args.isEmpty() ? ExitUsage : ExitOk;
    }
    if (args.first() == u"--version") {
        out << versus::versionLine(u"versus-cli") << '\n';
        return ExitOk;
    }

    const QString name = args.takeFirst();
    const Command *command = nullptr;
    for (const Command &candidate : kCommands) {
        if (name == QLatin1String(candidate.name))
            command = &candidate;
    }
    if (!command) {
        err << "versus-cli: unknown command '" << name << "'\n\n";
        printUsage(err);
        return ExitUsage;
    }

    QNetworkAccessManager network;
    InterruptNotifier interrupt;
    CommandContext context{
        args, out, err, in, network, interrupt, isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1};
    int exitCode = -1;
    bool finished = false;
    command->run(context, [&](int code) {
        if (finished)
            return;
        finished = true;
        exitCode = code;
        out.flush();
        err.flush();
        // exit() is queued so a command may call done() before the loop runs.
        QTimer::singleShot(0, &app, [code] { QCoreApplication::exit(code); });
    });
    const int loopCode = app.exec();
    out.flush();
    err.flush();
    return finished ? exitCode : loopCode;
}
