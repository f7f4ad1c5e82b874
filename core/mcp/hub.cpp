// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/hub.h"

#include <QHash>
#include <QSet>

using namespace Qt::StringLiterals;

namespace versus::mcp {

namespace {
constexpr qsizetype kMaxToolName = 64;
} // namespace

Hub::Hub(const QList<ServerConfig> &servers, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
{
    for (const ServerConfig &config : servers) {
        auto *client = new Client(config, network, this);
        connect(client, &Client::toolsChanged, this, &Hub::toolsChanged);
        connect(client, &Client::stateChanged, this, &Hub::toolsChanged);
        m_clients.append(client);
    }
}

Hub::~Hub()
{
    // Every server is told first (stdin closed), so that they end side by side; then each
    // Client's destructor waits for its own, bounded.
    for (Client *client : std::as_const(m_clients))
        client->stop();
    qDeleteAll(std::exchange(m_clients, {}));
}

void Hub::start()
{
    for (Client *client : std::as_const(m_clients))
        if (client->config().enabled)
            client->start();
}

void Hub::stopAll()
{
    for (Client *client : std::as_const(m_clients))
        client->stop();
}

Client *Hub::client(const QString &serverName) const
{
    for (Client *client : m_clients)
        if (client->config().name == serverName)
            return client;
    return nullptr;
}

void Hub::setBearerToken(const QString &serverName, ApiKey token)
{
    if (Client *found = client(serverName))
        found->setBearerToken(std::move(token));
}

QString Hub::sanitizedName(const QString &name)
{
    QString out;
    out.reserve(std::min(name.size(), kMaxToolName));
    for (const QChar c : name) {
        if (out.size() == kMaxToolName)
            break;
        const bool ok =
            (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || (c >= u'0' && c <= u'9') || c == u'_' || c == u'-';
        out.append(ok ? c : u'_');
    }
    return out.isEmpty() ? u"_"_s : out;
}

QList<ExposedTool> Hub::tools() const
{
    QHash<QString, int> offers; // tool name -> servers that offer it
    for (const Client *client : m_clients)
        if (client->state() == Client::State::Ready)
            for (const Tool &tool : client->tools())
                ++offers[tool.name];

    QList<ExposedTool> exposed;
    QSet<QString> taken;
    for (Client *client : m_clients) {
        if (client->state() != Client::State::Ready)
            continue;
        for (const Tool &tool : client->tools()) {
            QString name =
                sanitizedName(offers.value(tool.name) > 1 ? client->config().name + u"__"_s + tool.name : tool.name);
            // Sanitizing or cutting may still make two names equal: number the later ones.
            for (int n = 2; taken.contains(name); ++n) {
                const QString suffix = u"_%1"_s.arg(n);
                name = name.left(kMaxToolName - suffix.size()) + suffix;
            }
            taken.insert(name);
            exposed.append({name, client, tool});
        }
    }
    return exposed;
}

std::optional<ExposedTool> Hub::findTool(const QString &exposedName) const
{
    const QList<ExposedTool> all = tools();
    for (const ExposedTool &tool : all)
        if (tool.name == exposedName)
            return tool;
    return std::nullopt;
}

} // namespace versus::mcp
