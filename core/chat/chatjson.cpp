// SPDX-License-Identifier: GPL-3.0-or-later
#include "chat/chatjson.h"

#include <QJsonDocument>

#include <cmath>

namespace versus {

namespace {
QJsonValue number(const std::optional<qint64> &value)
{
    return value ? QJsonValue(*value) : QJsonValue(QJsonValue::Null);
}

std::optional<qint64> optionalInt(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<qint64>(value.toInteger()) : std::nullopt;
}

std::optional<double> optionalDouble(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}
} // namespace

QJsonValue roundedJson(const std::optional<double> &value)
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

Usage usageFromJson(const QJsonObject &object)
{
    Usage usage;
    usage.promptTokens = optionalInt(object.value(u"prompt_tokens"));
    usage.completionTokens = optionalInt(object.value(u"completion_tokens"));
    usage.reasoningTokens = optionalInt(object.value(u"reasoning_tokens"));
    usage.cachedPromptTokens = optionalInt(object.value(u"cached_prompt_tokens"));
    usage.estimated = object.value(u"source").toString() == u"estimated";
    return usage;
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
        {QStringLiteral("reset_requests_s"), roundedJson(r.resetRequestsS)},
        {QStringLiteral("reset_tokens_s"), roundedJson(r.resetTokensS)},
    };
}

QJsonValue chatErrorToJson(const std::optional<ChatError> &error)
{
    if (!error)
        return QJsonValue::Null;
    return QJsonObject{
        {QStringLiteral("kind"), errorKindName(error->kind)},
        {QStringLiteral("http_status"),
         error->httpStatus ? QJsonValue(error->httpStatus) : QJsonValue(QJsonValue::Null)},
        {QStringLiteral("message"), error->message},
        {QStringLiteral("code"), error->code.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(error->code)},
        {QStringLiteral("retry_after_s"), roundedJson(error->retryAfterS)},
    };
}

std::optional<ChatError> chatErrorFromJson(const QJsonObject &object)
{
    const auto kind = errorKindFromName(object.value(u"kind").toString());
    if (!kind)
        return std::nullopt;
    ChatError error = ChatError::make(*kind, object.value(u"message").toString(), object.value(u"http_status").toInt());
    error.code = object.value(u"code").toString();
    error.retryAfterS = optionalDouble(object.value(u"retry_after_s"));
    return error;
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

QList<ToolCall> toolCallsFromJson(const QJsonArray &array)
{
    QList<ToolCall> calls;
    for (const QJsonValue &value : array) {
        const QJsonObject object = value.toObject();
        calls.append(ToolCall{int(calls.size()), object.value(u"id").toString(), object.value(u"name").toString(),
                              object.value(u"arguments").toString()});
    }
    return calls;
}

} // namespace versus
