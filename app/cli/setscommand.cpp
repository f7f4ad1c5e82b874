// SPDX-License-Identifier: GPL-3.0-or-later
// versus-cli sets list [--json], and the lanes of compare --set NAME: the model sets the app
// saves (Model sets → Save current lanes as set…) in $XDG_CONFIG_HOME/versus/modelsets.json.
#include "clisupport.h"
#include "commands.h"
#include "compare/modelsets.h"
#include "comparisonrun.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace versus::cli {

namespace {

const QString kUsage = QStringLiteral("versus-cli sets list [--json]");

QString setNames(const QList<ModelSet> &sets)
{
    QStringList names;
    for (const ModelSet &set : sets)
        names << set.name;
    return names.join(u", ");
}

} // namespace

std::expected<QList<RunOptions::Lane>, QString> readSetLanes(const QString &name)
{
    const ModelSetFile file;
    const auto sets = file.read();
    if (!sets)
        return std::unexpected(QStringLiteral("--set %1: %2").arg(name, sets.error()));
    const auto found = std::find_if(sets->cbegin(), sets->cend(), [&](const ModelSet &set) {
        return set.name.compare(name, Qt::CaseInsensitive) == 0;
    });
    if (found == sets->cend())
        return std::unexpected(
            sets->isEmpty()
                ? QStringLiteral("--set %1: there are no saved model sets (%2)").arg(name, file.path())
                : QStringLiteral("--set %1: no model set has that name; the sets are: %2").arg(name, setNames(*sets)));
    QList<RunOptions::Lane> lanes;
    for (const ModelSetLane &lane : found->lanes) {
        RunOptions::Lane spec{lane.target, lane.parameters, {}};
        if (!lane.tools.isEmpty()) {
            auto tools = tools::ToolSet::fromJson(QJsonDocument(lane.tools).toJson());
            if (!tools)
                return std::unexpected(
                    QStringLiteral("--set %1, lane %2: %3").arg(name, lane.target.toString(), tools.error()));
            for (const tools::ToolDefinition &tool : tools->tools()) {
                if (tool.result.kind == tools::ToolResultSpec::Kind::Ask)
                    return std::unexpected(QStringLiteral("--set %1, lane %2: the tool \"%3\" asks for your answer, "
                                                          "which only the app can do")
                                               .arg(name, lane.target.toString(), tool.name));
            }
            spec.tools = *tools;
        }
        lanes << spec;
    }
    return lanes;
}

void runSets(CommandContext &context, Done done)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("List the model sets saved in the app (Model sets menu); compare --set NAME runs one."));
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON document.")});
    parser.addPositionalArgument(QStringLiteral("list"), QStringLiteral("List the saved model sets."));
    if (auto exit = parseArguments(context, parser, kUsage))
        return done(*exit);
    const QStringList positional = parser.positionalArguments();
    if (positional != QStringList{QStringLiteral("list")}) {
        context.err << "versus-cli sets: "
                    << (positional.isEmpty() ? QStringLiteral("missing subcommand (list)")
                                             : QStringLiteral("unknown subcommand '%1'").arg(positional.join(u' ')))
                    << "\nUsage: " << kUsage << '\n';
        return done(ExitUsage);
    }
    const ModelSetFile file;
    const auto sets = file.read();
    if (!sets) {
        context.err << "versus-cli sets: " << sets.error() << '\n';
        return done(ExitFailure);
    }
    if (parser.isSet(QStringLiteral("json"))) {
        QJsonArray array;
        for (const ModelSet &set : *sets)
            array.append(ModelSetFile::toJson(set));
        context.out << QJsonDocument(QJsonObject{{QStringLiteral("sets"), array}}).toJson(QJsonDocument::Indented);
        return done(ExitOk);
    }
    if (sets->isEmpty()) {
        context.out << "No model sets saved (" << file.path() << ").\n";
        return done(ExitOk);
    }
    for (const ModelSet &set : *sets) {
        QStringList targets;
        for (const ModelSetLane &lane : set.lanes)
            targets << lane.target.toString();
        context.out << set.name << ": " << targets.join(u", ") << '\n';
    }
    done(ExitOk);
}

} // namespace versus::cli
