// SPDX-License-Identifier: GPL-3.0-or-later
// versus-cli mcp list: starts the MCP servers of a configuration (the user's mcp.json, or
// --mcp-config), waits until each one runs or fails, and shows their state and tools.
#include "clisupport.h"
#include "commands.h"
#include "engine/engine.h"
#include "mcp/hub.h"
#include "mcp/hubtools.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

namespace versus::cli {

namespace {

const QString kUsage = QStringLiteral("versus-cli mcp list [--mcp-config FILE] [--json]");

QString transportText(const mcp::ServerConfig &config)
{
    if (config.transport == mcp::ServerConfig::Transport::Http)
        return QStringLiteral("http ") + config.url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
    return QStringLiteral("stdio ") + QStringList(QStringList{config.command} + config.args).join(u' ');
}

QString stateName(mcp::Client::State state)
{
    switch (state) {
    case mcp::Client::State::NotRunning:
        return QStringLiteral("not_running");
    case mcp::Client::State::Starting:
        return QStringLiteral("starting");
    case mcp::Client::State::Ready:
        return QStringLiteral("running");
    case mcp::Client::State::Crashed:
        return QStringLiteral("crashed");
    case mcp::Client::State::ProtocolError:
        return QStringLiteral("protocol_error");
    case mcp::Client::State::TimedOut:
        return QStringLiteral("timed_out");
    case mcp::Client::State::Stopped:
        return QStringLiteral("stopped");
    }
    return {};
}

/// Lives until every enabled server has started or failed, then prints and ends.
class McpList : public QObject {
public:
    McpList(CommandContext &context, Done done, QString configPath, bool json)
        : m_context(context)
        , m_done(std::move(done))
        , m_configPath(std::move(configPath))
        , m_json(json)
    {
        EngineOptions options;
        options.network = &context.network;
        options.history = false;
        m_engine = std::make_unique<Engine>(options);
    }

    void start()
    {
        if (auto loaded = m_engine->loadMcp(m_configPath, !m_configPath.isEmpty()); !loaded) {
            m_context.err << "versus-cli mcp: " << loaded.error() << '\n';
            return end(ExitUsage);
        }
        for (mcp::Client *client : m_engine->mcpHub()->clients())
            connect(client, &mcp::Client::stateChanged, this, &McpList::check);
        // Servers whose token is read from the keychain start a moment later.
        QTimer::singleShot(0, this, &McpList::check);
    }

private:
    bool settled() const
    {
        for (const mcp::Client *client : m_engine->mcpHub()->clients()) {
            if (!client->config().enabled)
                continue;
            if (client->state() == mcp::Client::State::Starting ||
                (client->state() == mcp::Client::State::NotRunning && client->stateText() == u"not running"))
                return false;
        }
        return true;
    }

    void check()
    {
        if (m_ended || !settled())
            return;
        const QList<mcp::HubTools::Listed> listed = m_engine->mcpTools()->listed();
        bool allRunning = true;
        QJsonArray servers;
        for (const mcp::Client *client : m_engine->mcpHub()->clients()) {
            const mcp::ServerConfig &config = client->config();
            const bool running = client->state() == mcp::Client::State::Ready;
            allRunning = allRunning && (running || !config.enabled);
            QJsonArray tools;
            if (!m_json) {
                m_context.out << config.name << "  (" << transportText(config) << ")  "
                              << (config.enabled ? client->stateText() : QStringLiteral("disabled")) << '\n';
            }
            for (const mcp::HubTools::Listed &tool : listed) {
                if (tool.tool.client != client)
                    continue;
                tools.append(QJsonObject{{QStringLiteral("name"), tool.tool.tool.name},
                                         {QStringLiteral("exposed_name"), tool.tool.name},
                                         {QStringLiteral("description"), tool.tool.tool.description},
                                         {QStringLiteral("input_schema"), tool.tool.tool.inputSchema},
                                         {QStringLiteral("always_allowed"), tool.allowed}});
                if (!m_json) {
                    m_context.out << "  - " << tool.tool.name
                                  << (tool.tool.tool.description.isEmpty()
                                          ? QString()
                                          : QStringLiteral(": ") + tool.tool.tool.description.simplified())
                                  << (tool.allowed ? QStringLiteral("  [always allowed]") : QString()) << '\n';
                }
            }
            if (!m_json && config.enabled && !running) {
                for (const QString &line : client->stderrTail().mid(qMax(0, int(client->stderrTail().size()) - 3)))
                    m_context.out << "    stderr: " << line << '\n';
            }
            servers.append(QJsonObject{
                {QStringLiteral("name"), config.name},
                {QStringLiteral("transport"), config.transport == mcp::ServerConfig::Transport::Http
                                                  ? QStringLiteral("http")
                                                  : QStringLiteral("stdio")},
                {QStringLiteral("enabled"), config.enabled},
                {QStringLiteral("state"), stateName(client->state())},
                {QStringLiteral("state_text"), client->stateText()},
                {QStringLiteral("protocol_version"),
                 client->protocolVersion().isEmpty() ? QJsonValue() : QJsonValue(client->protocolVersion())},
                {QStringLiteral("tools"), tools},
                {QStringLiteral("stderr_tail"), QJsonArray::fromStringList(client->stderrTail())},
            });
        }
        if (m_json)
            writeJson(m_context.out, QJsonDocument(QJsonObject{{QStringLiteral("servers"), servers}}));
        else if (servers.isEmpty())
            m_context.out << "No MCP servers are configured"
                          << (m_configPath.isEmpty() ? QString(QStringLiteral(" (") + mcp::defaultConfigPath() + u')')
                                                     : QString(QStringLiteral(" in ") + m_configPath))
                          << ".\n";
        m_context.out.flush();
        end(allRunning ? ExitOk : ExitFailure);
    }

    void end(int code)
    {
        if (m_ended)
            return;
        m_ended = true;
        // Bounded, so that no server outlives this process; from the event loop, since this
        // may run inside a signal of one of them.
        QTimer::singleShot(0, this, [this, code] {
            m_engine->stopMcp();
            m_done(code);
        });
    }

    CommandContext &m_context;
    Done m_done;
    QString m_configPath;
    bool m_json = false;
    bool m_ended = false;
    std::unique_ptr<Engine> m_engine;
};

} // namespace

void runMcp(CommandContext &context, Done done)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Start the MCP servers of the configuration and list their state and tools (exit 1 when one does not run)."));
    parser.addPositionalArgument(QStringLiteral("list"), QStringLiteral("The subcommand."));
    parser.addOption({QStringLiteral("mcp-config"),
                      QStringLiteral("The configuration file (default: %1).").arg(mcp::defaultConfigPath()),
                      QStringLiteral("FILE")});
    parser.addOption({QStringLiteral("json"), QStringLiteral("Print one JSON document.")});
    if (auto exit = parseArguments(context, parser, kUsage))
        return done(*exit);
    if (parser.positionalArguments() != QStringList{QStringLiteral("list")}) {
        context.err << "versus-cli mcp: the only subcommand is list\nUsage: " << kUsage << '\n';
        return done(ExitUsage);
    }
    auto *list = new McpList(context, std::move(done), parser.value(QStringLiteral("mcp-config")),
                             parser.isSet(QStringLiteral("json")));
    list->start();
}

} // namespace versus::cli
