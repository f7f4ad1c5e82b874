// SPDX-License-Identifier: GPL-3.0-or-later
#include "testserver.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>

#include <cstdio>
#include <unistd.h>

using namespace Qt::StringLiterals;

namespace versus::test {

namespace {

const QStringList kKnownVersions{u"2025-06-18"_s, u"2025-03-26"_s, u"2024-11-05"_s};

QJsonObject result(const QJsonValue &id, const QJsonObject &value)
{
    return {{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"result"_s, value}};
}

QJsonObject error(const QJsonValue &id, int code, const QString &message)
{
    return {
        {u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, id}, {u"error"_s, QJsonObject{{u"code"_s, code}, {u"message"_s, message}}}};
}

QJsonObject textResult(const QString &text, bool isError = false)
{
    QJsonObject value{{u"content"_s, QJsonArray{QJsonObject{{u"type"_s, u"text"_s}, {u"text"_s, text}}}}};
    if (isError)
        value.insert(u"isError"_s, true);
    return value;
}

QString key(const QJsonValue &id)
{
    return id.isString() ? u"s:"_s + id.toString() : u"n:"_s + QString::number(id.toInteger());
}

QJsonObject tool(const QString &name, const QString &description, const QJsonObject &properties,
                 const QStringList &required = {})
{
    QJsonObject schema{{u"type"_s, u"object"_s}, {u"properties"_s, properties}};
    if (!required.isEmpty())
        schema.insert(u"required"_s, QJsonArray::fromStringList(required));
    return {{u"name"_s, name}, {u"description"_s, description}, {u"inputSchema"_s, schema}};
}

QJsonObject typed(const QString &type)
{
    return {{u"type"_s, type}};
}

} // namespace

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

McpTestServer::McpTestServer(McpServerOptions options, QObject *parent)
    : QObject(parent)
    , m_options(std::move(options))
{
    if (!m_options.logPath.isEmpty()) {
        m_log.setFileName(m_options.logPath);
        if (!m_log.open(QIODevice::Append | QIODevice::WriteOnly))
            std::fprintf(stderr, "cannot open the log %s\n", qPrintable(m_options.logPath));
    }
}

void McpTestServer::log(const QByteArray &line)
{
    if (!m_log.isOpen())
        return;
    m_log.write(line.trimmed() + '\n');
    m_log.flush();
}

QJsonArray McpTestServer::toolList() const
{
    QJsonArray tools{
        tool(u"add"_s, u"Adds two numbers"_s, {{u"a"_s, typed(u"number"_s)}, {u"b"_s, typed(u"number"_s)}},
             {u"a"_s, u"b"_s}),
        tool(u"echo"_s, u"Says the text back"_s, {{u"text"_s, typed(u"string"_s)}}, {u"text"_s}),
        tool(u"slow"_s, u"Answers after ms milliseconds"_s, {{u"ms"_s, typed(u"integer"_s)}}, {u"ms"_s}),
        tool(u"crash"_s, u"Exits the server with code 3"_s, {}),
        tool(u"fail"_s, u"Always reports an error"_s, {}),
        tool(u"garbage"_s, u"Writes a line that is not JSON"_s, {}),
        tool(u"ping_client"_s, u"Pings the client and sends it an unknown request first"_s, {}),
        tool(u"expire_session"_s, u"Forgets every HTTP session"_s, {}),
    };
    if (m_late)
        tools.append(tool(u"late"_s, u"Added after start"_s, {}));
    return tools;
}

void McpTestServer::handle(const QJsonObject &message, const Sink &sink, bool canStream)
{
    const QString method = message.value(u"method"_s).toString();
    const QJsonValue id = message.value(u"id"_s);
    const QJsonObject params = message.value(u"params"_s).toObject();
    if (method.isEmpty()) {
        onClientResponse(message);
        return;
    }
    if (!message.contains(u"id"_s)) { // notifications
        if (method == u"notifications/cancelled") {
            m_cancelled.insert(key(params.value(u"requestId"_s)));
        } else if (method == u"notifications/initialized" && m_options.listChangedAfterMs >= 0) {
            QTimer::singleShot(m_options.listChangedAfterMs, this, [this] {
                m_late = true;
                if (m_notifier)
                    m_notifier(
                        compact({{u"jsonrpc"_s, u"2.0"_s}, {u"method"_s, u"notifications/tools/list_changed"_s}}),
                        false);
            });
        }
        return;
    }
    if (method == u"initialize") {
        QString version = m_options.protocol;
        if (version.isEmpty()) {
            version = params.value(u"protocolVersion"_s).toString();
            if (!kKnownVersions.contains(version))
                version = kKnownVersions.constFirst();
        }
        sink(compact(result(
                 id, {{u"protocolVersion"_s, version},
                      {u"capabilities"_s, QJsonObject{{u"tools"_s, QJsonObject{{u"listChanged"_s, true}}}}},
                      {u"serverInfo"_s, QJsonObject{{u"name"_s, u"versus-test-mcp"_s}, {u"version"_s, u"1.0"_s}}}})),
             true);
    } else if (method == u"ping") {
        sink(compact(result(id, {})), true);
    } else if (method == u"tools/list") {
        const QJsonArray all = toolList();
        const int start = params.value(u"cursor"_s).toString().toInt();
        const int size = m_options.pageSize > 0 ? m_options.pageSize : int(all.size());
        QJsonObject page{{u"tools"_s, QJsonArray()}};
        QJsonArray tools;
        for (int i = start; i < std::min<int>(start + size, all.size()); ++i)
            tools.append(all.at(i));
        page.insert(u"tools"_s, tools);
        if (start + size < all.size())
            page.insert(u"nextCursor"_s, QString::number(start + size));
        sink(compact(result(id, page)), true);
    } else if (method == u"tools/call") {
        callTool(id, params, sink, canStream);
    } else {
        sink(compact(error(id, -32601, u"Method not found: "_s + method)), true);
    }
}

void McpTestServer::callTool(const QJsonValue &id, const QJsonObject &params, const Sink &sink, bool canStream)
{
    const QString name = params.value(u"name"_s).toString();
    const QJsonObject arguments = params.value(u"arguments"_s).toObject();
    if (name == u"add") {
        const QJsonValue a = arguments.value(u"a"_s), b = arguments.value(u"b"_s);
        if (!a.isDouble() || !b.isDouble()) {
            sink(compact(result(id, textResult(u"a and b must be numbers"_s, true))), true);
            return;
        }
        const double sum = a.toDouble() + b.toDouble();
        QJsonObject value = textResult(QString::number(sum));
        value.insert(u"structuredContent"_s, QJsonObject{{u"sum"_s, sum}});
        sink(compact(result(id, value)), true);
    } else if (name == u"echo") {
        sink(compact(result(id, textResult(arguments.value(u"text"_s).toString()))), true);
    } else if (name == u"slow") {
        const QString waitKey = key(id);
        QTimer::singleShot(arguments.value(u"ms"_s).toInt(), this, [this, id, sink, waitKey] {
            if (m_cancelled.contains(waitKey))
                return; // a cancelled request is never answered
            sink(compact(result(id, textResult(u"done"_s))), true);
        });
    } else if (name == u"crash") {
        static const char kWords[] = "fatal: crash tool called\n";
        [[maybe_unused]] const auto written = ::write(STDERR_FILENO, kWords, sizeof kWords - 1);
        ::_exit(3);
    } else if (name == u"fail") {
        sink(compact(result(id, textResult(u"the tool failed on purpose"_s, true))), true);
    } else if (name == u"garbage") {
        sink(QByteArrayLiteral("this is not JSON {"), true);
    } else if (name == u"ping_client") {
        if (!canStream) {
            sink(compact(result(id, textResult(u"ping_client needs stdio or --sse"_s, true))), true);
            return;
        }
        const QString k = key(id);
        m_pings.insert(k, PingWait{sink, id, {}, {}});
        sink(compact({{u"jsonrpc"_s, u"2.0"_s},
                      {u"method"_s, u"notifications/message"_s},
                      {u"params"_s, QJsonObject{{u"level"_s, u"info"_s}, {u"data"_s, u"about to ping"_s}}}}),
             false);
        sink(compact({{u"jsonrpc"_s, u"2.0"_s}, {u"id"_s, QString(u"ping:"_s + k)}, {u"method"_s, u"ping"_s}}), false);
        sink(compact({{u"jsonrpc"_s, u"2.0"_s},
                      {u"id"_s, QString(u"sample:"_s + k)},
                      {u"method"_s, u"sampling/createMessage"_s},
                      {u"params"_s, QJsonObject()}}),
             false);
    } else if (name == u"expire_session") {
        sink(compact(result(id, textResult(u"sessions forgotten"_s))), true);
        Q_EMIT expireSessions();
    } else if (name == u"late" && m_late) {
        sink(compact(result(id, textResult(u"late"_s))), true);
    } else {
        sink(compact(error(id, -32602, u"Unknown tool: "_s + name)), true);
    }
}

void McpTestServer::onClientResponse(const QJsonObject &message)
{
    const QString id = message.value(u"id"_s).toString();
    const qsizetype colon = id.indexOf(u':');
    const QString k = id.mid(colon + 1);
    const auto found = m_pings.find(k);
    if (colon < 0 || found == m_pings.end())
        return;
    const QString outcome =
        message.contains(u"error"_s)
            ? u"error %1"_s.arg(message.value(u"error"_s).toObject().value(u"code"_s).toInt())
            : QString::fromUtf8(QJsonDocument(message.value(u"result"_s).toObject()).toJson(QJsonDocument::Compact));
    (id.startsWith(u"ping:") ? found->ping : found->sampling) = outcome;
    if (found->ping.isEmpty() || found->sampling.isEmpty())
        return;
    const PingWait wait = *found;
    m_pings.erase(found);
    wait.sink(compact(result(wait.id, textResult(u"ping: %1; sampling: %2"_s.arg(wait.ping, wait.sampling)))), true);
}

} // namespace versus::test
