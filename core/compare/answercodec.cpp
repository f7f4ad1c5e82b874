// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/answercodec.h"

#include "chat/chatjson.h"
#include "metrics/metricsjson.h"

#include <QJsonArray>

namespace versus {

using history::AnswerState;

AnswerState answerStateFor(ResultStatus status)
{
    switch (status) {
    case ResultStatus::Ok:
        return AnswerState::Complete;
    case ResultStatus::Error:
        return AnswerState::Error;
    case ResultStatus::Cancelled:
        return AnswerState::Cancelled;
    case ResultStatus::Truncated:
        return AnswerState::Truncated;
    }
    return AnswerState::Error;
}

ResultStatus resultStatusFor(AnswerState state)
{
    switch (state) {
    case AnswerState::Complete:
        return ResultStatus::Ok;
    case AnswerState::Error:
        return ResultStatus::Error;
    case AnswerState::Cancelled:
        return ResultStatus::Cancelled;
    case AnswerState::Streaming:
    case AnswerState::Truncated:
    case AnswerState::Interrupted:
        return ResultStatus::Truncated;
    }
    return ResultStatus::Error;
}

history::AnswerRecord answerRecordFor(const LaneResult &result, AnswerState state)
{
    const ChatResult &chat = result.chat;
    history::AnswerRecord record;
    record.state = state;
    record.text = chat.text;
    record.reasoning = chat.reasoning;
    record.toolCalls = toolCallsToJson(chat.toolCalls);
    record.toolRounds = tools::toolRoundsToJson(result.toolRounds);
    if (result.toolRoundLimitReached && !record.toolRounds.isEmpty()) {
        QJsonObject last = record.toolRounds.last().toObject();
        last.insert(u"limit_reached", true);
        record.toolRounds.replace(record.toolRounds.size() - 1, last);
    }
    if (result.structuredOutput)
        record.structuredOutput = tools::structuredOutputToJson(*result.structuredOutput);
    record.finishReason = chat.finishReason.value_or(QString());
    record.usage = usageToJson(chat.usage).toObject();
    if (chat.usage.totalTokens && !record.usage.isEmpty())
        record.usage.insert(u"total_tokens", *chat.usage.totalTokens);
    record.metrics = metricsToJson(result.metrics);
    if (result.metrics.completionTokens)
        record.metrics.insert(u"completion_tokens", *result.metrics.completionTokens);
    record.cost = costToExactJson(result.cost).toObject();
    if (!record.cost.isEmpty() || result.priced)
        record.cost.insert(u"priced", result.priced);
    if (chat.providerCostUsd)
        record.cost.insert(u"provider_cost_usd", *chat.providerCostUsd);
    record.error = chatErrorToJson(chat.error).toObject();
    record.finishedAt = QDateTime::currentDateTimeUtc();
    return record;
}

LaneResult laneResultFromRecord(const history::AnswerRecord &answer, const history::LaneRecord &lane)
{
    LaneResult result;
    result.provider = lane.provider;
    result.model = lane.model;
    result.target = lane.provider + u':' + lane.model;
    ChatResult &chat = result.chat;
    chat.status = resultStatusFor(answer.state);
    chat.text = answer.text;
    chat.reasoning = answer.reasoning;
    chat.toolCalls = toolCallsFromJson(answer.toolCalls);
    result.toolRounds = tools::toolRoundsFromJson(answer.toolRounds);
    result.toolRoundLimitReached =
        !answer.toolRounds.isEmpty() && answer.toolRounds.last().toObject().value(u"limit_reached").toBool();
    result.structuredOutput = tools::structuredOutputFromJson(answer.structuredOutput);
    if (!answer.finishReason.isEmpty())
        chat.finishReason = answer.finishReason;
    chat.usage = usageFromJson(answer.usage);
    if (answer.usage.value(u"total_tokens").isDouble())
        chat.usage.totalTokens = answer.usage.value(u"total_tokens").toInteger();
    chat.error = chatErrorFromJson(answer.error);
    if (answer.cost.value(u"provider_cost_usd").isDouble())
        chat.providerCostUsd = answer.cost.value(u"provider_cost_usd").toDouble();
    result.metrics = metricsFromJson(answer.metrics);
    result.cost = answer.cost.value(u"total_usd").isDouble() ? costFromJson(answer.cost) : std::nullopt;
    result.priced = answer.cost.value(u"priced").toBool();
    result.sentAt = answer.startedAt;
    return result;
}

QJsonObject parametersToJson(const ProviderConfig &config)
{
    QJsonObject object;
    if (!config.systemPrompt.isEmpty())
        object.insert(u"system", config.systemPrompt);
    if (config.temperature)
        object.insert(u"temperature", *config.temperature);
    if (config.topP)
        object.insert(u"top_p", *config.topP);
    if (config.maxTokens)
        object.insert(u"max_tokens", *config.maxTokens);
    if (config.seed)
        object.insert(u"seed", *config.seed);
    if (!config.stop.isEmpty())
        object.insert(u"stop", QJsonArray::fromStringList(config.stop));
    if (!config.serviceTier.isEmpty())
        object.insert(u"service_tier", config.serviceTier);
    if (!config.reasoningEffort.isEmpty())
        object.insert(u"reasoning_effort", config.reasoningEffort);
    if (config.parallelToolCalls)
        object.insert(u"parallel_tool_calls", *config.parallelToolCalls);
    if (!config.toolChoice.isUndefined() && !config.toolChoice.isNull())
        object.insert(u"tool_choice", config.toolChoice);
    if (!config.responseSchema.isEmpty())
        object.insert(u"response_schema", config.responseSchema);
    if (!config.serverTools.isEmpty())
        object.insert(u"server_tools", QJsonArray::fromStringList(config.serverTools));
    return object;
}

ProviderConfig parametersFromJson(const QJsonObject &object)
{
    ProviderConfig config;
    config.systemPrompt = object.value(u"system").toString();
    if (object.value(u"temperature").isDouble())
        config.temperature = object.value(u"temperature").toDouble();
    if (object.value(u"top_p").isDouble())
        config.topP = object.value(u"top_p").toDouble();
    if (object.value(u"max_tokens").isDouble())
        config.maxTokens = object.value(u"max_tokens").toInteger();
    if (object.value(u"seed").isDouble())
        config.seed = object.value(u"seed").toInteger();
    for (const QJsonValue &stop : object.value(u"stop").toArray())
        config.stop << stop.toString();
    config.serviceTier = object.value(u"service_tier").toString();
    config.reasoningEffort = object.value(u"reasoning_effort").toString();
    if (object.value(u"parallel_tool_calls").isBool())
        config.parallelToolCalls = object.value(u"parallel_tool_calls").toBool();
    if (object.contains(u"tool_choice"))
        config.toolChoice = object.value(u"tool_choice");
    config.responseSchema = object.value(u"response_schema").toObject();
    for (const QJsonValue &name : object.value(u"server_tools").toArray())
        config.serverTools << name.toString();
    return config;
}

} // namespace versus
