// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/hubtools.h"

#include <QTimer>

namespace versus::mcp {

HubTools::HubTools(Hub *hub)
    : m_hub(hub)
{
}

void HubTools::setOfferOnlyAllowed(bool onlyAllowed, bool allowAll, const QStringList &allowed)
{
    m_onlyAllowed = onlyAllowed;
    m_allowAll = allowAll;
    m_allowed = QSet<QString>(allowed.begin(), allowed.end());
}

bool HubTools::isAllowed(const ExposedTool &tool) const
{
    if (m_allowAll || m_allowed.contains(tool.name) || m_allowed.contains(tool.tool.name))
        return true;
    return tool.client && tool.client->config().alwaysAllow.contains(tool.tool.name);
}

QList<HubTools::Listed> HubTools::listed() const
{
    QList<Listed> list;
    if (!m_hub)
        return list;
    for (const ExposedTool &tool : m_hub->tools())
        list.append(Listed{tool, isAllowed(tool)});
    return list;
}

QList<tools::ToolDefinition> HubTools::tools(const QStringList &excludedServers) const
{
    QList<tools::ToolDefinition> definitions;
    if (!m_hub)
        return definitions;
    for (const ExposedTool &exposed : m_hub->tools()) {
        if (excludedServers.contains(exposed.tool.server))
            continue;
        const bool allowed = isAllowed(exposed);
        if (m_onlyAllowed && !allowed)
            continue;
        tools::ToolDefinition definition;
        definition.name = exposed.name;
        definition.description = exposed.tool.description;
        definition.parameters = exposed.tool.inputSchema;
        QJsonObject function{{QStringLiteral("name"), exposed.name},
                             {QStringLiteral("parameters"), exposed.tool.inputSchema}};
        if (!exposed.tool.description.isEmpty())
            function.insert(QStringLiteral("description"), exposed.tool.description);
        definition.wire =
            QJsonObject{{QStringLiteral("type"), QStringLiteral("function")}, {QStringLiteral("function"), function}};
        definition.result.kind = tools::ToolResultSpec::Kind::Mcp;
        definition.result.server = exposed.tool.server;
        definition.result.remoteName = exposed.tool.name;
        definition.result.approved = allowed;
        definitions.append(definition);
    }
    return definitions;
}

quint64 HubTools::call(const QString &server, const QString &tool, const QJsonObject &arguments, Done done)
{
    const quint64 handle = m_next++;
    Client *client = m_hub ? m_hub->client(server) : nullptr;
    if (!client || client->state() != Client::State::Ready) {
        // Readable by the model, never from inside call().
        const QString why = client ? QStringLiteral("the MCP server %1 is %2").arg(server, client->stateText())
                                   : QStringLiteral("there is no MCP server %1").arg(server);
        QTimer::singleShot(0, [done = std::move(done), why] { done(std::unexpected(why)); });
        return handle;
    }
    (*m_calls)[handle] = Call{client, 0};
    const std::weak_ptr<std::map<quint64, Call>> calls = m_calls;
    const quint64 clientHandle = client->callTool(
        tool, arguments, [calls, handle, done = std::move(done)](std::expected<CallResult, QString> result) {
            if (const auto live = calls.lock())
                live->erase(handle);
            if (!result) {
                done(std::unexpected(result.error()));
                return;
            }
            tools::ExternalResult answer;
            answer.isError = result->isError;
            answer.text = result->text;
            if (result->structured.isObject() || result->structured.isArray())
                answer.structured = result->structured;
            done(answer);
        });
    if (const auto it = m_calls->find(handle); it != m_calls->end())
        it->second.handle = clientHandle;
    return handle;
}

void HubTools::cancel(quint64 handle)
{
    const auto it = m_calls->find(handle);
    if (it == m_calls->end())
        return;
    if (Client *client = it->second.client)
        client->cancel(it->second.handle, QStringLiteral("the user stopped the answer"));
}

} // namespace versus::mcp
