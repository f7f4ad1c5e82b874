// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "tools/toolset.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

#include <expected>
#include <functional>

namespace versus::tools {

/// What a tool server answered (an MCP tools/call result).
struct ExternalResult {
    bool isError = false;  ///< the tool itself reports a failure
    QString text;          ///< its text content, joined
    QJsonValue structured; ///< its structured content, when it gave some
};

/// Tools that a server runs (MCP): how the tool loop calls them without knowing the protocol.
/// Implementations outlive every run that uses them.
class ExternalTools {
public:
    using Done = std::function<void(std::expected<ExternalResult, QString>)>;
    virtual ~ExternalTools() = default;
    /// The tools offered now (ToolResultSpec::Kind::Mcp definitions, "approved" when always
    /// allowed), by every running server but those in @p excludedServers.
    virtual QList<ToolDefinition> tools(const QStringList &excludedServers) const = 0;
    /// Calls @p tool of @p server; @p done runs exactly once, later (never from inside call()),
    /// with the result or the words of what went wrong (not running, crashed, timed out, ...).
    /// Returns a handle for cancel().
    virtual quint64 call(const QString &server, const QString &tool, const QJsonObject &arguments, Done done) = 0;
    /// Gives up a call (the lane was stopped): the server is told; done() still runs once,
    /// later, with an error.
    virtual void cancel(quint64 handle) = 0;
};

} // namespace versus::tools
