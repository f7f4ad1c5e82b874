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

std::optional<double> optionalDouble(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<double>(value.toDouble()) : std::nullopt;
}
} // namespace

std::optional<qint64> jsonInteger(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<qint64>(value.toInteger()) : std::nullopt;
}

std::optional<qint64> intField(const QJsonObject &object, QStringView key)
{
    return jsonInteger(object.value(key));
}

QJsonValue roundedJson(const std::optional<double> &value)
{
    if (!value || !std::isfinite(*value))
        return QJsonValue::Null;
    return std::round(*value * 100.0) / 100.0;
}

QJsonValue usageToJson(const Usage &usage)
{
    if (usage.isEmpty() && !usage.reasoningTokens && !usage.cachedPromptTokens && !usage.cacheWriteTokens)
        return QJsonValue::Null;
    return QJsonObject{
        {QStringLiteral("prompt_tokens"), number(usage.promptTokens)},
        {QStringLiteral("completion_tokens"), number(usage.completionTokens)},
        {QStringLiteral("reasoning_tokens"), number(usage.reasoningTokens)},
        {QStringLiteral("cached_prompt_tokens"), number(usage.cachedPromptTokens)},
        {QStringLiteral("cache_write_tokens"), number(usage.cacheWriteTokens)},
        {QStringLiteral("source"), usage.estimated ? QStringLiteral("estimated") : QStringLiteral("provider")},
    };
}

Usage usageFromJson(const QJsonObject &object)
{
    Usage usage;
    usage.promptTokens = jsonInteger(object.value(u"prompt_tokens"));
    usage.completionTokens = jsonInteger(object.value(u"completion_tokens"));
    usage.reasoningTokens = jsonInteger(object.value(u"reasoning_tokens"));
    usage.cachedPromptTokens = jsonInteger(object.value(u"cached_prompt_tokens"));
    usage.cacheWriteTokens = jsonInteger(object.value(u"cache_write_tokens"));
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
        calls.append(ToolCall{int(calls.size()),
                              object.value(u"id").toString(),
                              object.value(u"name").toString(),
                              object.value(u"arguments").toString(),
                              {}});
    }
    return calls;
}

QString reportedText(const QJsonValue &value)
{
    if (value.isString())
        return value.toString();
    if (value.isObject())
        return QString::fromUtf8(QJsonDocument(value.toObject()).toJson(QJsonDocument::Compact));
    if (value.isArray())
        return QString::fromUtf8(QJsonDocument(value.toArray()).toJson(QJsonDocument::Compact));
    if (value.isBool() || value.isDouble()) {
        // A lone scalar: wrapped in an array to serialize, then unwrapped.
        const QByteArray text = QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact);
        return QString::fromUtf8(text.mid(1, text.size() - 2));
    }
    return QString();
}

QJsonArray serverToolsToJson(const QList<ServerToolCall> &tools)
{
    QJsonArray array;
    for (const ServerToolCall &tool : tools) {
        array.append(QJsonObject{
            {QStringLiteral("id"), tool.id},
            {QStringLiteral("name"), tool.name},
            {QStringLiteral("arguments"), tool.arguments},
            {QStringLiteral("output"), tool.output},
            {QStringLiteral("finished"), tool.finished},
            {QStringLiteral("failed"), tool.failed},
            {QStringLiteral("error"), tool.error},
        });
    }
    return array;
}

QList<ServerToolCall> serverToolsFromJson(const QJsonArray &array)
{
    QList<ServerToolCall> tools;
    for (const QJsonValue &value : array) {
        if (!value.isObject())
            continue;
        const QJsonObject object = value.toObject();
        ServerToolCall tool;
        tool.id = object.value(u"id").toString();
        tool.name = object.value(u"name").toString();
        tool.arguments = object.value(u"arguments").toString();
        tool.output = object.value(u"output").toString();
        tool.finished = object.value(u"finished").toBool();
        tool.failed = object.value(u"failed").toBool();
        tool.error = object.value(u"error").toString();
        tools.append(tool);
    }
    return tools;
}

} // namespace versus
