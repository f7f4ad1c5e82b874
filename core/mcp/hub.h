// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mcp/client.h"
#include "mcp/mcpconfig.h"

#include <QList>
#include <QObject>
#include <QString>

#include <optional>

class QNetworkAccessManager;

namespace versus::mcp {

/// A tool as a model sees it: the name it is called by, and who answers it.
struct ExposedTool {
    QString name; ///< the tool's own name, or "<server>__<tool>" when two servers offer it
    Client *client = nullptr;
    Tool tool;
};

/// The MCP servers of a configuration: one Client each, and the tools they offer under
/// names that are unique and valid for providers (^[a-zA-Z0-9_-]{1,64}$).
class Hub : public QObject {
    Q_OBJECT
public:
    /// @p network must outlive the hub.
    Hub(const QList<ServerConfig> &servers, QNetworkAccessManager *network, QObject *parent = nullptr);
    ~Hub() override;

    /// Starts every enabled server (disabled ones stay NotRunning).
    void start();
    void stopAll();

    QList<Client *> clients() const { return m_clients; }
    Client *client(const QString &serverName) const;
    /// The bearer token of a server with bearerFromKeychain (before start()).
    void setBearerToken(const QString &serverName, ApiKey token);

    /// The tools of every Ready server, in config order, with their exposed names.
    QList<ExposedTool> tools() const;
    std::optional<ExposedTool> findTool(const QString &exposedName) const;

    /// @p name with every character outside [a-zA-Z0-9_-] as '_', cut to 64 characters;
    /// "_" for an empty name.
    static QString sanitizedName(const QString &name);

Q_SIGNALS:
    /// A server's tools or state changed: tools() may differ.
    void toolsChanged();

private:
    QList<Client *> m_clients;
};

} // namespace versus::mcp
