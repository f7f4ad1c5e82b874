// SPDX-License-Identifier: GPL-3.0-or-later
#include "mcp/client.h"

#include "mcp/httptransport.h"
#include "mcp/jsonrpc.h"
#include "mcp/mcplog.h"
#include "mcp/stdiotransport.h"

#include <QJsonArray>
#include <QLocale>
#include <QPointer>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace versus::mcp {

Q_LOGGING_CATEGORY(lcMcp, "versus.mcp")

namespace {
constexpr int kStderrTailLines = 20;
constexpr int kMaxToolPages = 1000;
} // namespace

Client::Client(ServerConfig config, QNetworkAccessManager *network, QObject *parent)
    : QObject(parent)
    , m_config(std::move(config))
    , m_network(network)
{
}

Client::~Client()
{
    if (m_transport)
        m_transport->disconnect(this);
    failAll(u"the MCP server %1 was stopped"_s.arg(m_config.name));
    // The transport is a child: its destructor ends the process (bounded) or the session.
}

void Client::setBearerToken(ApiKey token)
{
    m_token = std::move(token);
}

qint64 Client::processId() const
{
    return m_transport ? m_transport->processId() : 0;
}

QString Client::seconds() const
{
    return QString::number(m_config.timeoutMs / 1000.0, 'g', 4);
}

QString Client::stateText() const
{
    switch (m_state) {
    // The window shows these in the interface's language; versus-cli loads no translator and
    // prints the English. A "%n tool(s)" plural would read "(s)" there, hence two sentences.
    case State::NotRunning:
        return m_detail.isEmpty() ? tr("not running") : tr("not running: %1").arg(m_detail);
    case State::Starting:
        return tr("starting");
    case State::Ready:
        return m_tools.size() == 1 ? tr("running, 1 tool") : tr("running, %1 tools").arg(m_tools.size());
    case State::Crashed:
        return m_crashOutput.isEmpty() ? tr("crashed (%1)").arg(m_detail)
                                       //: %2 is the last line the server wrote to its standard error
                                       : tr("crashed (%1): %2").arg(m_detail, m_crashOutput);
    case State::ProtocolError:
        return tr("protocol error: %1").arg(m_detail);
    case State::TimedOut:
        return tr("timed out after %1 s").arg(QLocale().toString(m_config.timeoutMs / 1000.0, 'g', 4));
    case State::Stopped:
        return tr("stopped");
    }
    return {};
}

void Client::setState(State state, const QString &detail)
{
    m_detail = detail;
    m_crashOutput.clear();
    if (m_state == state)
        return;
    m_state = state;
    qCInfo(lcMcp).noquote() << "MCP server" << m_config.name << "-" << stateText();
    Q_EMIT stateChanged(state);
}

void Client::endTransport()
{
    if (!m_transport)
        return;
    Transport *transport = std::exchange(m_transport, nullptr);
    transport->disconnect(this);
    connect(transport, &Transport::closed, transport, &QObject::deleteLater);
    transport->close();
}

void Client::start()
{
    if (m_state == State::Starting || m_state == State::Ready)
        return;
    endTransport();
    m_tools.clear();
    m_protocolVersion.clear();
    m_serverName.clear();
    m_stderrTail.clear();
    m_listing = m_listAgain = false;
    if (m_config.transport == ServerConfig::Transport::Stdio)
        m_transport = new StdioTransport(m_config, this);
    else
        m_transport = new HttpTransport(m_config, m_network, m_token, this);
    connect(m_transport, &Transport::opened, this, &Client::onOpened);
    connect(m_transport, &Transport::messageReceived, this, &Client::onMessage);
    connect(m_transport, &Transport::stderrLine, this, &Client::onStderrLine);
    connect(m_transport, &Transport::requestFailed, this, [this](qint64 id, const QString &reason) {
        finish(id, std::unexpected(Failure{Failure::Transport, reason}));
    });
    connect(m_transport, &Transport::failed, this,
            [this](Transport::Failure failure, const QString &reason) { onTransportFailed(int(failure), reason); });
    setState(State::Starting);
    m_transport->open();
}

void Client::stop()
{
    if (!m_transport)
        return;
    endTransport();
    setState(State::Stopped);
    failAll(u"the MCP server %1 was stopped"_s.arg(m_config.name));
}

void Client::onStderrLine(const QString &line)
{
    qCInfo(lcMcp).noquote() << m_config.name + u":"_s << line;
    m_stderrTail.append(line);
    while (m_stderrTail.size() > kStderrTailLines)
        m_stderrTail.removeFirst();
}

qint64 Client::request(const QString &method, const QJsonObject &params, Reply reply)
{
    const qint64 id = m_nextId++;
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, id] {
        const auto found = m_pending.find(id);
        if (found == m_pending.end())
            return;
        const QString text = u"timed out after %1 s"_s.arg(seconds());
        // initialize must not be cancelled (the spec); anything else is.
        if (m_transport && found->second.method != u"initialize") {
            m_transport->send(
                jsonrpc::notification(u"notifications/cancelled"_s, {{u"requestId"_s, id}, {u"reason"_s, text}}));
            m_transport->abandon(id);
        }
        finish(id, std::unexpected(Failure{Failure::Timeout, text}));
    });
    m_pending.emplace(id, Pending{method, std::move(reply), timer});
    timer->start(m_config.timeoutMs);
    m_transport->send(jsonrpc::request(id, method, params));
    return id;
}

void Client::finish(qint64 id, std::expected<QJsonValue, Failure> outcome)
{
    const auto found = m_pending.find(id);
    if (found == m_pending.end())
        return;
    Pending pending = std::move(found->second);
    m_pending.erase(found);
    delete pending.timer;
    if (pending.reply)
        pending.reply(std::move(outcome));
}

void Client::failAll(const QString &reason)
{
    while (!m_pending.empty())
        finish(m_pending.begin()->first, std::unexpected(Failure{Failure::Ended, reason}));
}

void Client::onOpened()
{
    const QJsonObject params{
        {u"protocolVersion"_s, supportedProtocolVersions().constFirst()},
        {u"capabilities"_s, QJsonObject()},
        {u"clientInfo"_s, QJsonObject{{u"name"_s, u"versus"_s},
                                      {u"title"_s, u"Versus"_s},
                                      {u"version"_s, QStringLiteral(VERSUS_VERSION)}}},
    };
    request(u"initialize"_s, params, [this](std::expected<QJsonValue, Failure> outcome) {
        if (!outcome)
            startupFailed(outcome.error(), u"initialize"_s);
        else
            onInitialized(outcome->toObject());
    });
}

void Client::startupFailed(const Failure &failure, const QString &what)
{
    switch (failure.kind) {
    case Failure::Timeout:
        endTransport();
        setState(State::TimedOut);
        failAll(u"the MCP server %1 did not answer %2 in time"_s.arg(m_config.name, what));
        break;
    case Failure::Rpc:
        endTransport();
        setState(State::ProtocolError, u"%1 failed: %2"_s.arg(what, failure.text));
        failAll(u"the MCP server %1 broke the protocol: %2"_s.arg(m_config.name, m_detail));
        break;
    case Failure::Transport:
        endTransport();
        setState(State::NotRunning, failure.text);
        failAll(failure.text);
        break;
    case Failure::Ended:
        break; // the state already says why
    }
}

void Client::onInitialized(const QJsonObject &result)
{
    const QString version = result.value(u"protocolVersion"_s).toString();
    if (!supportedProtocolVersions().contains(version)) {
        endTransport();
        setState(State::ProtocolError, u"the server speaks protocol version \"%1\"; Versus speaks %2"_s.arg(
                                           version, supportedProtocolVersions().join(u", "_s)));
        failAll(u"the MCP server %1 broke the protocol: %2"_s.arg(m_config.name, m_detail));
        return;
    }
    m_protocolVersion = version;
    m_serverName = result.value(u"serverInfo"_s).toObject().value(u"name"_s).toString();
    m_transport->setProtocolVersion(version);
    m_transport->send(jsonrpc::notification(u"notifications/initialized"_s));
    if (!result.value(u"capabilities"_s).toObject().contains(u"tools"_s)) {
        setState(State::Ready);
        Q_EMIT toolsChanged();
        return;
    }
    listTools(QString(), {}, 1);
}

void Client::listTools(const QString &cursor, QList<Tool> collected, int page)
{
    m_listing = true;
    QJsonObject params;
    if (!cursor.isNull())
        params.insert(u"cursor"_s, cursor);
    request(u"tools/list"_s, params,
            [this, cursor, collected = std::move(collected), page](std::expected<QJsonValue, Failure> outcome) mutable {
                if (!outcome) {
                    m_listing = false;
                    if (m_state == State::Starting)
                        startupFailed(outcome.error(), u"tools/list"_s);
                    else if (outcome.error().kind != Failure::Ended)
                        qCWarning(lcMcp).noquote()
                            << "MCP server" << m_config.name << "- tools/list failed:" << outcome.error().text;
                    return;
                }
                const QJsonObject result = outcome->toObject();
                const QJsonArray tools = result.value(u"tools"_s).toArray();
                for (const QJsonValue &item : tools) {
                    if (auto tool = jsonrpc::toolFromJson(m_config.name, item.toObject()))
                        collected.append(*tool);
                    else
                        qCWarning(lcMcp) << "MCP server" << m_config.name << "listed a tool without a name";
                }
                const QJsonValue next = result.value(u"nextCursor"_s);
                if (next.isString() && !next.toString().isEmpty()) {
                    if (page >= kMaxToolPages || next.toString() == cursor) {
                        m_listing = false;
                        startupFailed(Failure{Failure::Rpc, u"the tool list never ends (page %1)"_s.arg(page)},
                                      u"tools/list"_s);
                        return;
                    }
                    listTools(next.toString(), std::move(collected), page + 1);
                    return;
                }
                m_listing = false;
                m_tools = std::move(collected);
                if (m_state == State::Starting)
                    setState(State::Ready);
                Q_EMIT toolsChanged();
                if (std::exchange(m_listAgain, false) && m_state == State::Ready)
                    listTools(QString(), {}, 1);
            });
}

void Client::onMessage(const QJsonObject &message)
{
    const QJsonValue id = message.value(u"id"_s);
    const QString method = message.value(u"method"_s).toString();
    switch (jsonrpc::kindOf(message)) {
    case jsonrpc::Kind::Response: {
        const auto ours = jsonrpc::integerId(id);
        if (!ours || !m_pending.contains(*ours)) {
            qCDebug(lcMcp) << "MCP server" << m_config.name << "answered a request that is no longer waited for";
            return;
        }
        if (message.contains(u"error"_s))
            finish(*ours, std::unexpected(
                              Failure{Failure::Rpc, jsonrpc::describeError(message.value(u"error"_s).toObject())}));
        else
            finish(*ours, message.value(u"result"_s));
        return;
    }
    case jsonrpc::Kind::Request:
        if (method == u"ping")
            m_transport->send(jsonrpc::response(id, {}));
        else
            m_transport->send(
                jsonrpc::errorResponse(id, jsonrpc::MethodNotFound, u"Method not found: %1"_s.arg(method)));
        return;
    case jsonrpc::Kind::Notification:
        if (method == u"notifications/tools/list_changed") {
            if (m_listing)
                m_listAgain = true; // the list being read may be the old one
            else if (m_state == State::Ready)
                listTools(QString(), {}, 1);
        } else if (method == u"notifications/message") {
            qCInfo(lcMcp).noquote() << m_config.name + u":"_s
                                    << message.value(u"params"_s).toObject().value(u"data"_s).toVariant().toString();
        }
        return;
    case jsonrpc::Kind::Invalid:
        return; // the transports let no invalid message through
    }
}

void Client::onTransportFailed(int failure, const QString &reason)
{
    switch (Transport::Failure(failure)) {
    case Transport::Failure::NotStarted:
        endTransport();
        setState(State::NotRunning, reason);
        failAll(u"the MCP server %1 is not running: %2"_s.arg(m_config.name, reason));
        break;
    case Transport::Failure::Crashed: {
        const QString output = m_stderrTail.isEmpty() ? QString() : m_stderrTail.constLast();
        endTransport();
        setState(State::Crashed, reason);
        m_crashOutput = output;
        failAll(output.isEmpty() ? u"the MCP server %1 crashed (%2)"_s.arg(m_config.name, reason)
                                 : u"the MCP server %1 crashed (%2): %3"_s.arg(m_config.name, reason, output));
        break;
    }
    case Transport::Failure::Protocol:
    case Transport::Failure::SessionExpired:
        endTransport();
        setState(State::ProtocolError, reason);
        failAll(u"the MCP server %1 broke the protocol: %2"_s.arg(m_config.name, reason));
        break;
    }
}

quint64 Client::callTool(const QString &tool, const QJsonObject &arguments, CallDone done)
{
    if (m_state != State::Ready || !m_transport) {
        const quint64 handle = quint64(m_nextId++);
        const QString error = u"the MCP server %1 is not ready (%2)"_s.arg(m_config.name, stateText());
        QMetaObject::invokeMethod(
            this, [done = std::move(done), error] { done(std::unexpected(error)); }, Qt::QueuedConnection);
        return handle;
    }
    const QJsonObject params{{u"name"_s, tool}, {u"arguments"_s, arguments}};
    const QString server = m_config.name;
    const qint64 id = request(
        u"tools/call"_s, params, [done = std::move(done), tool, server](std::expected<QJsonValue, Failure> outcome) {
            if (outcome)
                done(jsonrpc::callResultFromJson(outcome->toObject()));
            else if (outcome.error().kind == Failure::Rpc)
                done(std::unexpected(
                    u"the MCP server %1 could not run %2: %3"_s.arg(server, tool, outcome.error().text)));
            else
                done(std::unexpected(outcome.error().text));
        });
    return quint64(id);
}

void Client::cancel(quint64 handle, const QString &reason)
{
    const qint64 id = qint64(handle);
    const auto found = m_pending.find(id);
    if (found == m_pending.end() || found->second.method != u"tools/call")
        return;
    if (m_transport) {
        QJsonObject params{{u"requestId"_s, id}};
        if (!reason.isEmpty())
            params.insert(u"reason"_s, reason);
        m_transport->send(jsonrpc::notification(u"notifications/cancelled"_s, params));
        m_transport->abandon(id);
    }
    finish(id, std::unexpected(Failure{Failure::Ended, u"cancelled"_s}));
}

} // namespace versus::mcp
