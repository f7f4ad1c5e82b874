// SPDX-License-Identifier: GPL-3.0-or-later
#include "export/laneresultjson.h"

#include "chat/chatjson.h"
#include "metrics/metricsjson.h"

namespace versus {

QJsonObject laneResultToJson(const LaneResult &lane)
{
    const ChatResult &chat = lane.chat;
    return QJsonObject{
        {QStringLiteral("target"), lane.target},
        {QStringLiteral("provider"), lane.provider},
        {QStringLiteral("model"), lane.model},
        {QStringLiteral("status"), resultStatusName(chat.status)},
        {QStringLiteral("text"), chat.text},
        {QStringLiteral("reasoning"), chat.reasoning},
        {QStringLiteral("tool_calls"), toolCallsToJson(chat.toolCalls)},
        {QStringLiteral("tool_rounds"), lane.toolRounds},
        {QStringLiteral("finish_reason"),
         chat.finishReason ? QJsonValue(*chat.finishReason) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("usage"), usageToJson(chat.usage)},
        {QStringLiteral("metrics"), metricsToJson(lane.metrics)},
        {QStringLiteral("cost"), costToJson(lane.cost)},
        {QStringLiteral("provider_cost_usd"),
         chat.providerCostUsd ? QJsonValue(*chat.providerCostUsd) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("rate_limit"), rateLimitToJson(chat.rateLimit)},
        {QStringLiteral("error"), chatErrorToJson(chat.error)},
    };
}

} // namespace versus
