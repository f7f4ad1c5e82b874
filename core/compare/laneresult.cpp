// SPDX-License-Identifier: GPL-3.0-or-later
#include "compare/laneresult.h"

#include "metrics/metricsjson.h"

#include <QJsonDocument>

#include <cmath>

namespace versus {

namespace {
QJsonValue number(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

// Milliseconds and rates with two decimals: more digits would only be noise.
QJsonValue rounded(const std::optional<double> &value)
{
    if (!value || !std::isfinite(*value))
        return QJsonValue::Null;
    return std::round(*value * 100.0) / 100.0;
}

QJsonValue usageToJson(const Usage &usage)
{
    if (usage.isEmpty() && !usage.reasoningTokens && !usage.cachedPromptTokens)
        return QJsonValue::Null;
    return QJsonObject{
        {QStringLiteral("prompt_tokens"), number(usage.promptTokens)},
        {QStringLiteral("completion_tokens"), number(usage.completionTokens)},
        {QStringLiteral("reasoning_tokens"), number(usage.reasoningTokens)},
        {QStringLiteral("cached_prompt_tokens"), number(usage.cachedPromptTokens)},
        {QStringLiteral("source"), usage.estimated ? QStringLiteral("estimated") : QStringLiteral("provider")},
    };
}

QJsonValue rateLimitToJson(const RateLimit &r)
{
    if (r.isEmpty())
        return QJsonValue::Null;
    return QJsonObject{
        {QStringLiteral("limit_requests"), number(r.limitRequests)},
        {QStringLiteral("limit_tokens"), number(r.limitTokens)},
        {QStringLiteral("remaining_requests"), number(r.remainingRequests)},
        {QStringLiteral("remaining_tokens"), number(r.remainingTokens)},
        {QStringLiteral("reset_requests_s"), rounded(r.resetRequestsS)},
        {QStringLiteral("reset_tokens_s"), rounded(r.resetTokensS)},
    };
}

QJsonValue errorToJson(const std::optional<ChatError> &error)
{
    if (!error)
        return QJsonValue::Null;
    return QJsonObject{
        {QStringLiteral("kind"), errorKindName(error->kind)},
        {QStringLiteral("http_status"),
         error->httpStatus ? QJsonValue(error->httpStatus) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("message"), error->message},
        {QStringLiteral("code"), error->code.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(error->code)},
        {QStringLiteral("retry_after_s"), rounded(error->retryAfterS)},
    };
}

QJsonArray toolCallsToJson(const QList<ToolCall> &calls)
{
    QJsonArray array;
    for (const ToolCall &call : calls) {
        QJsonParseError parseError{};
        QJsonDocument::fromJson(call.arguments.toUtf8(), &parseError);
        const bool valid = parseError.error == QJsonParseError::NoError;
        array.append(QJsonObject{
            {QStringLiteral("id"), call.id},
            {QStringLiteral("name"), call.name},
            {QStringLiteral("arguments"), call.arguments},
            {QStringLiteral("valid_json"), valid},
            {QStringLiteral("schema_errors"), QJsonArray()},
        });
    }
    return array;
}
} // namespace

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
        {QStringLiteral("cost"), lane.cost},
        {QStringLiteral("provider_cost_usd"),
         chat.providerCostUsd ? QJsonValue(*chat.providerCostUsd) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("rate_limit"), rateLimitToJson(chat.rateLimit)},
        {QStringLiteral("error"), errorToJson(chat.error)},
    };
}

} // namespace versus
