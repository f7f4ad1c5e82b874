// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mcp/mcptypes.h"

#include <QByteArrayView>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <expected>
#include <optional>

/// JSON-RPC 2.0 messages as MCP uses them, and the MCP result shapes. Pure functions.
namespace versus::mcp::jsonrpc {

enum ErrorCode {
    ParseError = -32700,
    InvalidRequest = -32600,
    MethodNotFound = -32601,
    InvalidParams = -32602,
    InternalError = -32603,
};

QJsonObject request(qint64 id, const QString &method, const QJsonObject &params = {});
QJsonObject notification(const QString &method, const QJsonObject &params = {});
QJsonObject response(const QJsonValue &id, const QJsonObject &result);
QJsonObject errorResponse(const QJsonValue &id, int code, const QString &message);

enum class Kind { Request, Notification, Response, Invalid };
/// What @p message is; Invalid when it lacks "jsonrpc": "2.0" or is neither a request, a
/// notification nor a response with "result" or "error".
Kind kindOf(const QJsonObject &message);

/// Parses one transport frame (a stdio line, an HTTP body, an SSE event's data): a message
/// or a batch (array) of them. The error quotes @p text cut to 200 characters.
std::expected<QList<QJsonObject>, QString> parseFrame(QByteArrayView text);

/// @p text as UTF-8, cut to @p max characters with "…" when longer.
QString cut(QByteArrayView text, qsizetype max = 200);

/// The id of a response as the integer Versus gave it, if it is one.
std::optional<qint64> integerId(const QJsonValue &id);

/// "message (code N)" from a JSON-RPC error object.
QString describeError(const QJsonObject &error);

/// A tool from tools/list; nothing when it has no name.
std::optional<Tool> toolFromJson(const QString &server, const QJsonObject &object);

/// A tools/call result.
CallResult callResultFromJson(const QJsonObject &result);

} // namespace versus::mcp::jsonrpc
