// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mcp/hub.h"
#include "tools/externaltools.h"

#include <QPointer>
#include <QSet>

#include <map>
#include <memory>

namespace versus::mcp {

/// The hub's tools as the tool loop sees them (tools::ExternalTools): each running server's
/// tools under their exposed names, "always allowed" when the server's "alwaysAllow" lists
/// them or the policy below says so, and calls routed to the server that offers them.
class HubTools : public tools::ExternalTools {
public:
    /// @p hub (may be null: no tools) must outlive its use here; see setHub().
    explicit HubTools(Hub *hub = nullptr);
    /// The servers change (the configuration was read again): calls go to @p hub from now on;
    /// calls in flight on the old one end when its clients do. Runs keep this object.
    void setHub(Hub *hub) { m_hub = hub; }
    Hub *hub() const { return m_hub; }

    /// versus-cli: only the tools allowed are offered (it cannot ask), all of them with
    /// @p allowAll, else those named in @p allowed (exposed or server names) or in a server's
    /// "alwaysAllow". The window asks instead: every tool is offered (the default).
    void setOfferOnlyAllowed(bool onlyAllowed, bool allowAll = false, const QStringList &allowed = {});

    /// Every tool of the running servers with whether it would be offered.
    struct Listed {
        ExposedTool tool;
        bool allowed = false;
    };
    QList<Listed> listed() const;

    QList<tools::ToolDefinition> tools(const QStringList &excludedServers) const override;
    quint64 call(const QString &server, const QString &tool, const QJsonObject &arguments, Done done) override;
    void cancel(quint64 handle) override;

private:
    bool isAllowed(const ExposedTool &tool) const;

    QPointer<Hub> m_hub;
    bool m_onlyAllowed = false;
    bool m_allowAll = false;
    QSet<QString> m_allowed;
    struct Call {
        QPointer<Client> client;
        quint64 handle = 0;
    };
    /// Shared with the calls' completions, which may run after this object is gone (a client
    /// ending its calls as the hub is destroyed).
    std::shared_ptr<std::map<quint64, Call>> m_calls = std::make_shared<std::map<quint64, Call>>();
    quint64 m_next = 1;
};

} // namespace versus::mcp
