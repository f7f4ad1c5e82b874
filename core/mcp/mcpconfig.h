// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "net/httpcall.h"

#include <QByteArray>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <expected>

namespace versus::mcp {

/// One MCP server of the configuration file.
struct ServerConfig {
    QString name; ///< the key in "mcpServers"
    enum class Transport { Stdio, Http } transport = Transport::Stdio;
    // stdio
    QString command;
    QStringList args;
    QMap<QString, QString> env; ///< added to the system environment
    QString cwd;                ///< empty: the current directory
    // http (Streamable HTTP)
    QUrl url;
    RawHeaders headers; ///< plain headers, as given in the file
    /// "Authorization": "Bearer ${keychain}" in the file: the token is the keychain entry
    /// keychainEntryName(name), put on requests only through net::RequestAuthorizer.
    bool bearerFromKeychain = false;
    bool enabled = true;     ///< "disabled": true in the file -> false
    int timeoutMs = 60000;   ///< per request ("timeout" in seconds in the file, optional)
    QStringList alwaysAllow; ///< tools called without asking each time ("alwaysAllow"); the rest ask
    friend bool operator==(const ServerConfig &, const ServerConfig &) = default;
};

/// The keychain entry that holds the bearer token of @p serverName: "mcp:<name>".
QString keychainEntryName(const QString &serverName);

/// Reads the {"mcpServers": {"name": {...}}} shape other clients use (Claude Desktop,
/// Cursor, Cherry Studio: paste-compatible). stdio entries have "command" (+ "args", "env",
/// "cwd"); http entries have "url" (+ "headers"; "type": "stdio" | "http" |
/// "streamable-http" | "sse" accepted, "sse" meaning the same endpoint). Optional Versus
/// members: "disabled" (bool), "timeout" (seconds), "alwaysAllow" (tool names, as Cline writes it). Unknown members are
/// ignored. Errors name the server and the problem. Servers come out sorted by name (JSON objects have no order that Qt
/// keeps).
std::expected<QList<ServerConfig>, QString> parseConfig(const QByteArray &json);
/// parseConfig() of a file; a missing file is an empty list; errors name the file.
std::expected<QList<ServerConfig>, QString> readConfigFile(const QString &path);
/// $XDG_CONFIG_HOME/versus/mcp.json
QString defaultConfigPath();
/// The same format back, indented, for the app's editor: parseConfig(writeConfig(s)) == s.
QByteArray writeConfig(const QList<ServerConfig> &servers);

} // namespace versus::mcp
