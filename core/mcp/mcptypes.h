// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace versus::mcp {

/// A tool an MCP server offers (tools/list).
struct Tool {
    QString server; ///< ServerConfig::name of the server that offers it
    QString name;   ///< the server's name for it
    QString title;  ///< may be empty
    QString description;
    QJsonObject inputSchema; ///< {"type": "object"} when the server gave none
    friend bool operator==(const Tool &, const Tool &) = default;
};

/// The result of tools/call.
struct CallResult {
    bool isError = false; ///< the tool reported a failure (its text says which)
    /// The text content items joined with LF; other content kinds are described, e.g.
    /// "[image image/png, 1234 bytes]". When there is no content at all but structured
    /// content, its compact JSON.
    QString text;
    QJsonValue structured = QJsonValue(QJsonValue::Undefined); ///< structuredContent; undefined when not sent
    QJsonArray content;                                        ///< the content items as sent
    friend bool operator==(const CallResult &, const CallResult &) = default;
};

/// The protocol versions Versus speaks, newest first; the first one is offered.
QStringList supportedProtocolVersions();

} // namespace versus::mcp
