// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/toolrounds.h"

using namespace Qt::StringLiterals;

namespace versus {

namespace {

std::optional<qint64> sum(const QList<tools::ToolRound> &rounds, std::optional<qint64> Usage::*field)
{
    qint64 total = 0;
    for (const tools::ToolRound &round : rounds) {
        if (!(round.usage.*field))
            return std::nullopt;
        total += *(round.usage.*field);
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
    for (qsizetype i = 0; i < calls.size(); ++i) {
        if (calls[i].id.isEmpty())
            calls[i].id = u"call_%1_%2"_s.arg(round).arg(i);
    }
}

QList<ChatMessage> toolTurnMessages(const tools::ToolRound &round)
{
    ChatMessage assistant;
    assistant.role = Role::Assistant;
    assistant.content = round.text;
    assistant.reasoning = round.reasoning;
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

    Usage usage;
    usage.promptTokens = sum(rounds, &Usage::promptTokens);
    usage.completionTokens = sum(rounds, &Usage::completionTokens);
    usage.reasoningTokens = sum(rounds, &Usage::reasoningTokens);
    usage.cachedPromptTokens = sum(rounds, &Usage::cachedPromptTokens);
    usage.totalTokens = sum(rounds, &Usage::totalTokens);
    usage.estimated =
        std::any_of(rounds.begin(), rounds.end(), [](const tools::ToolRound &round) { return round.usage.estimated; });
    chat.usage = usage;

    std::optional<CostBreakdown> cost = rounds.first().cost;
    for (qsizetype i = 1; cost && i < rounds.size(); ++i) {
        const std::optional<CostBreakdown> &next = rounds.at(i).cost;
        if (!next) {
            cost.reset();
            break;
        }
        cost->inputMicroUsd += next->inputMicroUsd;
        cost->cachedInputMicroUsd += next->cachedInputMicroUsd;
        cost->outputMicroUsd += next->outputMicroUsd;
        cost->totalMicroUsd += next->totalMicroUsd;
        cost->estimated = cost->estimated || next->estimated;
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
