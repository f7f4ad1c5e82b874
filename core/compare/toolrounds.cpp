// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/toolrounds.h"

#include <QSet>

using namespace Qt::StringLiterals;

namespace versus {

namespace {

/// A field's total over @p rounds; nothing when one of them lacks it.
std::optional<qint64> sum(const QList<const tools::ToolRound *> &rounds, std::optional<qint64> Usage::*field)
{
    if (rounds.isEmpty())
        return std::nullopt;
    qint64 total = 0;
    for (const tools::ToolRound *round : rounds) {
        if (!(round->usage.*field))
            return std::nullopt;
        total += *(round->usage.*field);
    }
    return total;
}

std::optional<double> offsetBy(const std::optional<double> &value, double offset)
{
    return value ? std::optional<double>(*value + offset) : std::nullopt;
}

} // namespace

QString joinRoundParts(const QStringList &parts)
{
    QStringList kept;
    for (const QString &part : parts) {
        if (!part.trimmed().isEmpty())
            kept << part;
    }
    return kept.join(u"\n\n"_s);
}

void giveCallIds(QList<ToolCall> &calls, int round)
{
    QSet<QString> seen;
    for (qsizetype i = 0; i < calls.size(); ++i) {
        // A missing id, or one the round used already (results would be ambiguous).
        if (calls[i].id.isEmpty() || seen.contains(calls[i].id))
            calls[i].id = u"call_%1_%2"_s.arg(round).arg(i);
        seen.insert(calls[i].id);
    }
}

QList<ChatMessage> toolTurnMessages(const tools::ToolRound &round)
{
    ChatMessage assistant;
    assistant.role = Role::Assistant;
    assistant.content = round.text;
    assistant.reasoning = round.reasoning;
    assistant.reasoningBlocks = round.reasoningBlocks;
    QList<ChatMessage> messages;
    for (const tools::ToolCallTrace &trace : round.calls)
        assistant.toolCalls.append(trace.call);
    messages.append(assistant);
    for (const tools::ToolCallTrace &trace : round.calls) {
        ChatMessage result;
        result.role = Role::Tool;
        result.toolCallId = trace.call.id;
        result.name = trace.call.name;
        result.content = trace.result;
        messages.append(result);
    }
    return messages;
}

void mergeRounds(LaneResult &result, const QList<tools::ToolRound> &rounds)
{
    if (rounds.size() < 2)
        return; // one round: the stream's own figures are the turn's
    QStringList texts;
    QStringList reasonings;
    for (const tools::ToolRound &round : rounds) {
        texts << round.text;
        reasonings << round.reasoning;
    }
    ChatResult &chat = result.chat;
    chat.text = joinRoundParts(texts);
    chat.reasoning = joinRoundParts(reasonings);

    // A round that counted nothing (refused, failed or stopped before its first token) adds
    // nothing; it must not hide what the other rounds used and cost.
    QList<const tools::ToolRound *> counted;
    for (const tools::ToolRound &round : rounds) {
        if (!round.usage.isEmpty())
            counted.append(&round);
    }
    Usage usage;
    usage.promptTokens = sum(counted, &Usage::promptTokens);
    usage.completionTokens = sum(counted, &Usage::completionTokens);
    usage.reasoningTokens = sum(counted, &Usage::reasoningTokens);
    usage.cachedPromptTokens = sum(counted, &Usage::cachedPromptTokens);
    usage.cacheWriteTokens = sum(counted, &Usage::cacheWriteTokens);
    usage.totalTokens = sum(counted, &Usage::totalTokens);
    usage.estimated = std::any_of(counted.begin(), counted.end(),
                                  [](const tools::ToolRound *round) { return round->usage.estimated; });
    chat.usage = usage;

    // Every counted round priced, or no cost at all (an unpriced round is not free).
    std::optional<CostBreakdown> cost;
    for (const tools::ToolRound *round : counted) {
        if (!round->cost) {
            cost.reset();
            break;
        }
        if (!cost) {
            cost = round->cost;
            continue;
        }
        cost->inputMicroUsd += round->cost->inputMicroUsd;
        cost->cachedInputMicroUsd += round->cost->cachedInputMicroUsd;
        cost->cacheWriteMicroUsd += round->cost->cacheWriteMicroUsd;
        cost->outputMicroUsd += round->cost->outputMicroUsd;
        cost->totalMicroUsd += round->cost->totalMicroUsd;
        cost->estimated = cost->estimated || round->cost->estimated;
    }
    result.cost = cost;

    const tools::ToolRound &first = rounds.first();
    const tools::ToolRound &last = rounds.last();
    StreamMetrics metrics = last.metrics;
    metrics.ttftMs = first.metrics.ttftMs;
    metrics.ttfatMs.reset();
    for (const tools::ToolRound &round : rounds) {
        if (round.metrics.ttfatMs) {
            metrics.ttfatMs = offsetBy(round.metrics.ttfatMs, round.startMs);
            break;
        }
    }
    metrics.e2eMs = offsetBy(last.metrics.e2eMs, last.startMs);
    metrics.reasoningMs = first.metrics.reasoningMs;
    metrics.networkGatewayMs = first.metrics.networkGatewayMs;
    metrics.chunks = 0;
    for (const tools::ToolRound &round : rounds)
        metrics.chunks += round.metrics.chunks;
    result.metrics = metrics;
}

} // namespace versus
