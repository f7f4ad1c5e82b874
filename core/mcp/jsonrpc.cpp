// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/jsonrpc.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <cmath>

using namespace Qt::StringLiterals;

namespace versus::mcp {

QStringList supportedProtocolVersions()
{
    return {u"2025-06-18"_s, u"2025-03-26"_s, u"2024-11-05"_s};
}

namespace jsonrpc {

QJsonObject request(qint64 id, const QString &method, const QJsonObject &params)
{
    QJsonObject message{{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"method"_s, method}};
    if (!params.isEmpty())
        message.insert(u"params"_s, params);
    return message;
}

QJsonObject notification(const QString &method, const QJsonObject &params)
{
    QJsonObject message{{u"jsonrpc"_s, u"2.0"_s}, {u"method"_s, method}};
    if (!params.isEmpty())
        message.insert(u"params"_s, params);
    return message;
}

QJsonObject response(const QJsonValue &id, const QJsonObject &result)
{
    return {{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"result"_s, result}};
}

QJsonObject errorResponse(const QJsonValue &id, int code, const QString &message)
{
    return {
        {u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}};
}

Kind kindOf(const QJsonObject &message)
{
    if (message.value(u"jsonrpc"_s).toString() != u"2.0")
        return Kind::Invalid;
    const QJsonValue id = message.value(u"id"_s);
    const bool hasId = id.isString() || id.isDouble();
    const QJsonValue method = message.value(u"method"_s);
    if (method.isString())
        return hasId ? Kind::Request : (message.contains(u"id"_s) ? Kind::Invalid : Kind::Notification);
    if (message.contains(u"result"_s) || message.value(u"error"_s).isObject())
        return (hasId || id.isNull()) ? Kind::Response : Kind::Invalid;
    return Kind::Invalid;
}

QString cut(QByteArrayView text, qsizetype max)
{
    const QString all = QString::fromUtf8(text).trimmed();
    return all.size() <= max ? all : all.left(max) + u"…"_s;
}

std::expected<QList<QJsonObject>, QString> parseFrame(QByteArrayView text)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(text.toByteArray(), &error);
    if (error.error != QJsonParseError::NoError)
        return std::unexpected(u"not JSON: %1"_s.arg(cut(text)));
    QList<QJsonObject> messages;
    if (document.isObject()) {
        messages.append(document.object());
    } else {
        const QJsonArray batch = document.array();
        for (const QJsonValue &item : batch) {
            if (!item.isObject())
                return std::unexpected(u"not a JSON-RPC message: %1"_s.arg(cut(text)));
            messages.append(item.toObject());
        }
        if (messages.isEmpty())
            return std::unexpected(u"an empty JSON-RPC batch"_s);
    }
    for (const QJsonObject &message : std::as_const(messages))
        if (kindOf(message) == Kind::Invalid)
            return std::unexpected(u"not a JSON-RPC 2.0 message: %1"_s.arg(cut(text)));
    return messages;
}

std::optional<qint64> integerId(const QJsonValue &id)
{
    if (!id.isDouble())
        return std::nullopt;
    const double value = id.toDouble();
    if (value != std::floor(value) || value < 0 || value > 9e15)
        return std::nullopt;
    return qint64(value);
}

QString describeError(const QJsonObject &error)
{
    QString message = error.value(u"message"_s).toString().trimmed();
    if (message.isEmpty())
        message = u"no message"_s;
    const QJsonValue code = error.value(u"code"_s);
    return code.isDouble() ? u"%1 (code %2)"_s.arg(message).arg(code.toInteger()) : message;
}

std::optional<Tool> toolFromJson(const QString &server, const QJsonObject &object)
{
    const QString name = object.value(u"name"_s).toString();
    if (name.isEmpty())
        return std::nullopt;
    Tool tool;
    tool.server = server;
    tool.name = name;
    tool.title = object.value(u"title"_s).toString();
    if (tool.title.isEmpty())
        tool.title = object.value(u"annotations"_s).toObject().value(u"title"_s).toString();
    tool.description = object.value(u"description"_s).toString();
    tool.inputSchema = object.value(u"inputSchema"_s).toObject();
    if (tool.inputSchema.isEmpty())
        tool.inputSchema = QJsonObject{{u"type"_s, u"object"_s}};
    return tool;
}

namespace {

qsizetype base64Size(const QJsonValue &data)
{
    return QByteArray::fromBase64(data.toString().toLatin1()).size();
}

QString describeContent(const QJsonObject &item)
{
    const QString type = item.value(u"type"_s).toString();
    if (type == u"text")
        return item.value(u"text"_s).toString();
    if (type == u"image" || type == u"audio")
        return u"[%1 %2, %3 bytes]"_s.arg(type, item.value(u"mimeType"_s).toString())
            .arg(base64Size(item.value(u"data"_s)));
    if (type == u"resource_link") {
        const QString name = item.value(u"name"_s).toString();
        const QString uri = item.value(u"uri"_s).toString();
        return name.isEmpty() ? u"[resource link %1]"_s.arg(uri) : u"[resource link %1: %2]"_s.arg(name, uri);
    }
    if (type == u"resource") {
        const QJsonObject resource = item.value(u"resource"_s).toObject();
        const QString uri = resource.value(u"uri"_s).toString();
        if (resource.value(u"text"_s).isString())
            return u"[resource %1]\n"_s.arg(uri) + resource.value(u"text"_s).toString();
        return u"[resource %1 %2, %3 bytes]"_s.arg(uri, resource.value(u"mimeType"_s).toString())
            .arg(base64Size(resource.value(u"blob"_s)));
    }
    return u"[%1 content]"_s.arg(type.isEmpty() ? u"unknown"_s : type);
}

} // namespace

CallResult callResultFromJson(const QJsonObject &result)
{
    CallResult call;
    call.isError = result.value(u"isError"_s).toBool();
    call.content = result.value(u"content"_s).toArray();
    if (result.contains(u"structuredContent"_s))
        call.structured = result.value(u"structuredContent"_s);
    QStringList parts;
    for (const QJsonValue &item : std::as_const(call.content))
        parts.append(describeContent(item.toObject()));
    call.text = parts.join(u'\n');
    if (call.content.isEmpty() && !call.structured.isUndefined() && !call.structured.isNull())
        call.text = QString::fromUtf8(call.structured.isObject()
                                          ? QJsonDocument(call.structured.toObject()).toJson(QJsonDocument::Compact)
                                          : QJsonDocument(call.structured.toArray()).toJson(QJsonDocument::Compact));
    return call;
}

} // namespace jsonrpc
} // namespace versus::mcp
