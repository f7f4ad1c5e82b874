// SPDX-License-Identifier: GPL-3.0-or-later
#include "tooloutput.h"

namespace versus::cli {

namespace {

/// Long arguments and results are cut for the terminal; --json keeps them whole.
QString shortened(const QString &text, qsizetype limit = 160)
{
    const QString flat = text.simplified();
    return flat.size() <= limit ? flat : flat.left(limit - 1) + QStringLiteral("…");
}

} // namespace

QStringList roundLines(const tools::ToolRound &round)
{
    QStringList lines;
    for (const ServerToolCall &call : round.serverTools) {
        QString line = QStringLiteral("⇢ %1 (run by the provider) %2").arg(call.name, shortened(call.arguments));
        if (call.failed)
            line += QStringLiteral(" failed: ") + shortened(call.error);
        else if (!call.output.isEmpty())
            line += QStringLiteral(" = ") + shortened(call.output);
        lines << line;
    }
    for (const tools::ToolCallTrace &trace : round.calls) {
        QString line = QStringLiteral("→ %1 %2").arg(trace.call.name, shortened(trace.call.arguments));
        if (!trace.knownTool)
            line += QStringLiteral("  [unknown tool]");
        else if (!trace.validJson)
            line += QStringLiteral("  [invalid JSON: %1]").arg(trace.jsonError);
        for (const tools::SchemaError &error : trace.schemaErrors)
            line += QStringLiteral("  [%1]").arg(tools::formatSchemaError(error));
        switch (trace.source) {
        case tools::ResultSource::Pending:
        case tools::ResultSource::Skipped:
            line += QStringLiteral(" (not answered)");
            break;
        default:
            line += (trace.isError ? QStringLiteral(" = error ") : QStringLiteral(" = ")) + shortened(trace.result);
            break;
        }
        lines << line;
    }
    return lines;
}

QStringList toolSummaryLines(const LaneResult &result)
{
    if (result.toolRounds.isEmpty())
        return {};
    const tools::ToolStats stats = tools::toolStats(result.toolRounds);
    QString line = QStringLiteral("tools: %1 round%2, %3 call%4")
                       .arg(stats.rounds)
                       .arg(stats.rounds == 1 ? QString() : QStringLiteral("s"))
                       .arg(stats.calls)
                       .arg(stats.calls == 1 ? QString() : QStringLiteral("s"));
    if (stats.invalidCalls)
        line += QStringLiteral(", %1 invalid").arg(stats.invalidCalls);
    if (stats.serverCalls)
        line += QStringLiteral(", %1 run by the provider").arg(stats.serverCalls);
    QStringList lines{line};
    if (result.toolRoundLimitReached)
        lines << QStringLiteral("stopped: the model still called tools after %1 rounds, the limit "
                                "(raise it with --max-tool-rounds); the answer is incomplete")
                     .arg(stats.rounds);
    return lines;
}

QStringList structuredOutputLines(const LaneResult &result)
{
    if (!result.structuredOutput)
        return {};
    const tools::StructuredOutputCheck &check = *result.structuredOutput;
    if (check.valid)
        return {QStringLiteral("structured output: valid")};
    QStringList lines{QStringLiteral("structured output: INVALID")};
    if (!check.jsonError.isEmpty())
        lines << QStringLiteral("  ") + check.jsonError;
    for (const tools::SchemaError &error : check.errors)
        lines << QStringLiteral("  ") + tools::formatSchemaError(error);
    return lines;
}

} // namespace versus::cli
