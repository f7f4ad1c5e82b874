// SPDX-License-Identifier: GPL-3.0-or-later
#include "clisupport.h"
#include "commands.h"
#include "comparisonrun.h"

namespace versus::cli {

namespace {

const QString kChatUsage = QStringLiteral("versus-cli chat -t PROVIDER:MODEL [options] PROMPT|-");
const QString kCompareUsage =
    QStringLiteral("versus-cli compare -t P:M -t P:M ... | --set NAME [-t P:M ...] [options] PROMPT|-");

void runComparison(CommandContext &context, Done done, bool chat)
{
    const QString &usage = chat ? kChatUsage : kCompareUsage;
    const QString name = chat ? QStringLiteral("chat") : QStringLiteral("compare");
    QCommandLineParser parser;
    parser.setApplicationDescription(
        chat ? QStringLiteral("Send one prompt to one provider:model and stream the answer.")
             : QStringLiteral("Send one prompt to several provider:model lanes at once and compare them: a live "
                              "status line per lane, then a table (best of each column marked)."));
    addRunOptions(parser);
    if (!chat) {
        addVerdictOptions(parser);
        parser.addOption(
            {QStringLiteral("set"),
             QStringLiteral("Start with the lanes of this saved model set (see versus-cli sets list), each "
                            "with its own parameters and tools; -t adds lanes."),
             QStringLiteral("NAME")});
        addJudgeOptions(parser);
    }
    if (auto exit = parseArguments(context, parser, usage))
        return done(*exit);

    auto usageError = [&](const QString &message) {
        context.err << "versus-cli " << name << ": " << message << "\nUsage: " << usage << '\n';
        done(ExitUsage);
    };
    auto options = readRunOptions(context, parser);
    if (!options)
        return usageError(options.error());
    if (!chat) {
        if (auto judged = readJudgeOptions(parser, *options); !judged)
            return usageError(judged.error());
    }
    if (chat && options->targets.size() != 1)
        return usageError(QStringLiteral("give exactly one -t PROVIDER:MODEL (use compare for several)"));
    if (!chat && parser.isSet(QStringLiteral("set"))) {
        auto lanes = readSetLanes(parser.value(QStringLiteral("set")));
        if (!lanes)
            return usageError(lanes.error());
        options->setLanes = *lanes;
    }
    if (const qsizetype lanes = options->setLanes.size() + options->targets.size();
        !chat && (lanes == 0 || lanes > Comparison::kMaxLanes))
        return usageError(options->setLanes.isEmpty()
                              ? QStringLiteral("give 1 to %1 -t PROVIDER:MODEL").arg(Comparison::kMaxLanes)
                              : QStringLiteral("the set has %1 lanes and -t adds %2: at most %3 in all")
                                    .arg(options->setLanes.size())
                                    .arg(options->targets.size())
                                    .arg(Comparison::kMaxLanes));
    if (!chat) {
        if (auto verdicts = readVerdictOptions(parser, *options); !verdicts)
            return usageError(verdicts.error());
    }
    options->output = chat ? RunOptions::Output::StreamOneLane : RunOptions::Output::Table;

    auto *run = new ComparisonRun(context, std::move(done), std::move(*options));
    run->start();
}

} // namespace

void runChat(CommandContext &context, Done done)
{
    runComparison(context, std::move(done), true);
}

void runCompare(CommandContext &context, Done done)
{
    runComparison(context, std::move(done), false);
}

} // namespace versus::cli
