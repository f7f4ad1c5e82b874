// SPDX-License-Identifier: GPL-3.0-or-later
// The tools side of a Comparison: each lane's own tools, the MCP servers it leaves out, the
// round limit, and what a lane's next turn offers.
#include "compare/comparison.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace versus {

bool Comparison::setLaneTools(ComparisonLane *lane, const tools::ToolSet &tools)
{
    if (!m_lanes.contains(lane) || lane->isBusy())
        return false;
    lane->m_tools = tools;
    saveLanes();
    return true;
}

bool Comparison::setLaneMcpServersOff(ComparisonLane *lane, const QStringList &servers)
{
    if (!m_lanes.contains(lane) || lane->isBusy())
        return false;
    lane->m_mcpServersOff = servers;
    saveLanes();
    return true;
}

tools::ToolSet Comparison::toolsForTurn(const ComparisonLane *lane) const
{
    tools::ToolSet set = lane->tools();
    if (!m_external)
        return set;
    for (tools::ToolDefinition tool : m_external->tools(lane->mcpServersOff())) {
        if (set.add(tool))
            continue;
        // Sanitized like the servers' own clash names: ^[a-zA-Z0-9_-]{1,64}$.
        QString prefixed = tool.result.server + u"__" + tool.name;
        for (QChar &c : prefixed) {
            if (!(c.isLetterOrNumber() && c.unicode() < 128) && c != u'_' && c != u'-')
                c = u'_';
        }
        tool.name = prefixed.left(64);
        QJsonObject function = tool.wire.value(u"function").toObject();
        function.insert(u"name", tool.name);
        tool.wire.insert(u"function", function);
        set.add(tool);
    }
    return set;
}

void Comparison::setMaxToolRounds(int rounds)
{
    rounds = qMax(1, rounds);
    if (rounds == m_maxToolRounds)
        return;
    m_maxToolRounds = rounds;
    saveLanes();
}

void Comparison::writeToolParameters(QJsonObject &parameters, const ComparisonLane *lane) const
{
    if (!lane->tools().isEmpty())
        parameters.insert(u"tools", QJsonDocument::fromJson(lane->tools().toJson()).array());
    if (m_maxToolRounds != kDefaultMaxToolRounds)
        parameters.insert(u"max_tool_rounds", m_maxToolRounds);
    if (!lane->mcpServersOff().isEmpty())
        parameters.insert(u"mcp_off", QJsonArray::fromStringList(lane->mcpServersOff()));
}

void Comparison::readToolParameters(const QJsonObject &parameters, ComparisonLane *lane)
{
    if (const int rounds = parameters.value(u"max_tool_rounds").toInt(); rounds > 0)
        m_maxToolRounds = rounds;
    if (const QJsonValue stored = parameters.value(u"tools"); stored.isArray()) {
        // Written by writeToolParameters(); a set that no longer reads (edited by hand) is left out.
        if (auto tools = tools::ToolSet::fromJson(QJsonDocument(stored.toArray()).toJson()))
            lane->m_tools = *tools;
    }
    for (const QJsonValue &server : parameters.value(u"mcp_off").toArray())
        lane->m_mcpServersOff << server.toString();
}

} // namespace versus
