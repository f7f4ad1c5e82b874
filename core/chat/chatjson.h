// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "chat/chattypes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>

namespace versus {

// The members of a lane result (ARCHITECTURE.md) that are chat values, both ways: the CLI
// and exports write them, the history stores them and reads them back.

/// A JSON number, or null when absent or not finite; rounded to two decimals (ms and rates:
/// more digits would only be noise).
QJsonValue roundedJson(const std::optional<double> &value);
/// A JSON number as an integer; nothing for anything else (absent, null, text).
std::optional<qint64> jsonInteger(const QJsonValue &value);
/// The integer member @p key of @p object (jsonInteger()), as stream decoders read counts.
std::optional<qint64> intField(const QJsonObject &object, QStringView key);

/// {"prompt_tokens", "completion_tokens", "reasoning_tokens", "cached_prompt_tokens",
/// "source": "provider|estimated"}; null when nothing was counted.
QJsonValue usageToJson(const Usage &usage);
Usage usageFromJson(const QJsonObject &object);

/// limit_*, remaining_*, reset_*_s; null when no header was sent.
QJsonValue rateLimitToJson(const RateLimit &rateLimit);

/// {"kind", "http_status", "message", "code", "retry_after_s"}; null when there is no error.
QJsonValue chatErrorToJson(const std::optional<ChatError> &error);
/// Nothing for an empty object or an unknown kind.
std::optional<ChatError> chatErrorFromJson(const QJsonObject &object);

/// [{"id", "name", "arguments" (raw text), "valid_json", "schema_errors"}].
QJsonArray toolCallsToJson(const QList<ToolCall> &calls);
QList<ToolCall> toolCallsFromJson(const QJsonArray &array);

/// A value a provider reported, as text: a string as it is, an object, array, number or
/// boolean as compact JSON text, null or nothing as an empty string.
QString reportedText(const QJsonValue &value);

/// Tools the provider ran itself: [{"id", "name", "arguments", "output" (texts as reported),
/// "finished", "failed", "error"}].
QJsonArray serverToolsToJson(const QList<ServerToolCall> &tools);
/// Entries that are not objects are skipped; missing members read as empty or false.
QList<ServerToolCall> serverToolsFromJson(const QJsonArray &array);

} // namespace versus
