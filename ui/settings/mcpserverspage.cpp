// SPDX-License-Identifier: GPL-3.0-or-later
#include "settings/mcpserverspage.h"

#include "engine/engine.h"
#include "mcp/client.h"
#include "mcp/hub.h"
#include "secrets/keystore.h"
#include "settings/mcpservereditor.h"

#include <QCheckBox>
#include <QColor>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace versus::ui {

namespace {

using Client = mcp::Client;

enum Column { NameColumn, TransportColumn, StateColumn, ToolsColumn };

QPushButton *button(const QString &text, const char *name, const QString &tip, QWidget *parent)
{
    auto *b = new QPushButton(text, parent);
    b->setObjectName(QLatin1String(name));
    b->setToolTip(tip);
    return b;
}

QPlainTextEdit *monospaceBox(const char *name, QWidget *parent)
{
    auto *box = new QPlainTextEdit(parent);
    box->setObjectName(QLatin1String(name));
    box->setReadOnly(true);
    box->setLineWrapMode(QPlainTextEdit::NoWrap);
    box->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    return box;
}

bool failed(const Client *client)
{
    switch (client->state()) {
    case Client::State::Crashed:
    case Client::State::ProtocolError:
    case Client::State::TimedOut:
        return true;
    case Client::State::NotRunning:
        return !client->detail().isEmpty(); // "not running: <reason>"
    default:
        return false;
    }
}

/// @p path with the home folder as "~".
QString shownPath(const QString &path)
{
    const QString home = QDir::homePath() + u'/';
    return QDir::toNativeSeparators(path.startsWith(home) ? u'~' + path.mid(home.size() - 1) : path);
}

bool running(const Client *client)
{
    return client->state() == Client::State::Starting || client->state() == Client::State::Ready;
}

} // namespace

McpServersPage::McpServersPage(Engine &engine, const QString &configPath, QWidget *parent)
    : QWidget(parent)
    , m_engine(engine)
    , m_path(configPath.isEmpty() ? mcp::defaultConfigPath() : configPath)
{
    auto *intro = new QLabel(tr("MCP servers give the models tools to call. They are kept in %1 (the format Claude "
                                "Desktop and Cursor use); bearer tokens stay in the system keychain.")
                                 .arg(shownPath(m_path)),
                             this);
    intro->setWordWrap(true);
    intro->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *left = new QWidget(this);
    m_list = new QTreeWidget(left);
    m_list->setObjectName(QStringLiteral("mcpServerList"));
    m_list->setHeaderLabels({tr("Server"), tr("Transport"), tr("State"), tr("Tools")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(StateColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(TransportColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(ToolsColumn, QHeaderView::ResizeToContents);
    m_add = button(tr("Add…"), "addMcpServer", tr("Add an MCP server"), left);
    m_edit = button(tr("Edit…"), "editMcpServer", tr("Change the selected server"), left);
    m_remove = button(tr("Remove…"), "removeMcpServer", tr("Remove the selected server"), left);
    m_start = button(tr("Start"), "startMcpServer", tr("Start the selected server"), left);
    m_stop = button(tr("Stop"), "stopMcpServer", tr("Stop the selected server"), left);
    m_test = button(tr("Test"), "testMcpServer", tr("Start the selected server afresh and show what it offers"), left);
    m_message = new QLabel(left);
    m_message->setObjectName(QStringLiteral("mcpMessage"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();
    auto *editButtons = new QHBoxLayout;
    for (QPushButton *b : {m_add, m_edit, m_remove})
        editButtons->addWidget(b);
    editButtons->addStretch(1);
    auto *runButtons = new QHBoxLayout;
    for (QPushButton *b : {m_start, m_stop, m_test})
        runButtons->addWidget(b);
    runButtons->addStretch(1);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(m_list, 1);
    leftLayout->addLayout(editButtons);
    leftLayout->addLayout(runButtons);
    leftLayout->addWidget(m_message);

    auto *right = new QWidget(this);
    right->setObjectName(QStringLiteral("mcpDetailsPane"));
    m_details = new QLabel(right);
    m_details->setObjectName(QStringLiteral("mcpServerDetails"));
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::RichText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult = new QLabel(right);
    m_testResult->setObjectName(QStringLiteral("mcpTestResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextFormat(Qt::PlainText);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->hide();
    m_stderrLabel = new QLabel(tr("Last lines on its standard error:"), right);
    m_stderrLabel->hide();
    m_stderr = monospaceBox("mcpStderr", right);
    m_stderr->setAccessibleName(tr("The last lines the server wrote to its standard error"));
    m_stderr->hide();
    m_tools = new QTreeWidget(right);
    m_tools->setObjectName(QStringLiteral("mcpToolList"));
    m_tools->setHeaderLabels({tr("Tool"), tr("Description"), tr("Always allow")});
    m_tools->setRootIsDecorated(false);
    m_tools->setUniformRowHeights(true);
    m_tools->header()->setStretchLastSection(false);
    m_tools->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tools->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_tools->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_toolDescription = new QLabel(right);
    m_toolDescription->setObjectName(QStringLiteral("mcpToolDescription"));
    m_toolDescription->setWordWrap(true);
    m_toolDescription->setTextFormat(Qt::PlainText);
    m_toolDescription->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_schema = monospaceBox("mcpToolSchema", right);
    m_schema->setAccessibleName(tr("Input schema of the selected tool"));
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(m_details);
    rightLayout->addWidget(m_testResult);
    rightLayout->addWidget(m_stderrLabel);
    rightLayout->addWidget(m_stderr);
    rightLayout->addWidget(m_tools, 1);
    rightLayout->addWidget(m_toolDescription);
    rightLayout->addWidget(m_schema, 1);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(right);
    splitter->setStretchFactor(0, 4);
    splitter->setStretchFactor(1, 5);
    splitter->setChildrenCollapsible(false);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(splitter, 1);

    connect(m_add, &QPushButton::clicked, this, &McpServersPage::addServer);
    connect(m_edit, &QPushButton::clicked, this, &McpServersPage::editServer);
    connect(m_remove, &QPushButton::clicked, this, &McpServersPage::removeServer);
    connect(m_start, &QPushButton::clicked, this, &McpServersPage::startServer);
    connect(m_stop, &QPushButton::clicked, this, &McpServersPage::stopServer);
    connect(m_test, &QPushButton::clicked, this, &McpServersPage::testServer);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, [this] {
        m_testResult->hide();
        updateButtons();
        updateDetails();
    });
    connect(m_list, &QTreeWidget::itemDoubleClicked, this, &McpServersPage::editServer);
    connect(m_tools, &QTreeWidget::currentItemChanged, this, &McpServersPage::showSchema);
    refresh();
}

McpServersPage::~McpServersPage() = default;

McpServerEditor *McpServersPage::editor() const
{
    return m_editor;
}

Client *McpServersPage::selectedClient() const
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    if (!m_hub || selected.isEmpty())
        return nullptr;
    return m_hub->client(selected.first()->data(NameColumn, Qt::UserRole).toString());
}

void McpServersPage::selectServer(const QString &name)
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(NameColumn, Qt::UserRole).toString() == name)
            m_list->setCurrentItem(item);
    }
}

void McpServersPage::refresh()
{
    if (!m_engine.mcpHub()) {
        const auto loaded = m_engine.loadMcp(m_path);
        m_loadError = loaded ? QString() : loaded.error();
        if (loaded)
            Q_EMIT serversReloaded();
    }
    attachHub();
    rebuildList();
    if (!m_loadError.isEmpty())
        showMessage(tr("The MCP configuration could not be read, so it cannot be changed here: %1. Fix or move the "
                       "file, then open this page again.")
                        .arg(m_loadError),
                    true);
}

void McpServersPage::attachHub()
{
    mcp::Hub *hub = m_engine.mcpHub();
    if (m_hub == hub)
        return;
    if (m_hub) {
        m_hub->disconnect(this);
        for (Client *client : m_hub->clients())
            client->disconnect(this);
    }
    m_hub = hub;
    m_toolsShownFor.clear();
    if (!hub)
        return;
    connect(hub, &mcp::Hub::toolsChanged, this, [this] {
        updateRows();
        updateButtons();
        updateDetails();
    });
    for (Client *client : hub->clients())
        connect(client, &Client::stateChanged, this, [this, client] { onStateChanged(client); });
}

void McpServersPage::rebuildList()
{
    const QList<QTreeWidgetItem *> selected = m_list->selectedItems();
    const QString keep = selected.isEmpty() ? QString() : selected.first()->data(NameColumn, Qt::UserRole).toString();
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        if (m_hub) {
            for (const Client *client : m_hub->clients()) {
                auto *item = new QTreeWidgetItem(m_list);
                item->setData(NameColumn, Qt::UserRole, client->config().name);
                updateRow(item);
            }
        }
    }
    if (m_list->topLevelItemCount() > 0)
        m_list->setCurrentItem(m_list->topLevelItem(0));
    if (!keep.isEmpty())
        selectServer(keep);
    m_testResult->hide();
    updateButtons();
    updateDetails();
}

void McpServersPage::updateRows()
{
    for (int i = 0; i < m_list->topLevelItemCount(); ++i)
        updateRow(m_list->topLevelItem(i));
}

void McpServersPage::updateRow(QTreeWidgetItem *item)
{
    const Client *client = m_hub ? m_hub->client(item->data(NameColumn, Qt::UserRole).toString()) : nullptr;
    if (!client)
        return;
    const mcp::ServerConfig &config = client->config();
    item->setText(NameColumn, config.name);
    item->setText(TransportColumn, config.transport == mcp::ServerConfig::Transport::Stdio ? tr("stdio") : tr("HTTP"));
    QString state = client->stateText();
    if (!config.enabled && client->state() == Client::State::NotRunning)
        state = tr("%1 (disabled)").arg(state);
    item->setText(StateColumn, state);
    QString tip = state;
    if (!client->stderrTail().isEmpty())
        tip += u'\n' + client->stderrTail().join(u'\n');
    item->setToolTip(StateColumn, tip);
    item->setData(StateColumn, Qt::ForegroundRole, failed(client) ? QVariant(QColor(0xb0, 0x20, 0x20)) : QVariant());
    const bool ready = client->state() == Client::State::Ready;
    item->setText(ToolsColumn, ready ? QString::number(client->tools().size()) : QString());
    item->setTextAlignment(ToolsColumn, Qt::AlignRight | Qt::AlignVCenter);
}

void McpServersPage::updateButtons()
{
    const Client *client = selectedClient();
    m_add->setEnabled(!m_hub.isNull());
    for (QPushButton *b : {m_edit, m_remove, m_test})
        b->setEnabled(client != nullptr);
    m_start->setEnabled(client && !running(client));
    m_stop->setEnabled(client && running(client));
}

void McpServersPage::updateDetails()
{
    Client *client = selectedClient();
    if (!client) {
        m_details->setText(m_hub && m_hub->clients().isEmpty()
                               ? tr("No MCP servers yet. Add one with its command (stdio) or its URL (HTTP).")
                               : QString());
        m_stderr->hide();
        m_stderrLabel->hide();
        rebuildTools(nullptr);
        return;
    }
    const mcp::ServerConfig &config = client->config();
    auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td><b>%1</b>&nbsp;</td><td>%2</td></tr>")
            .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table>");
    html += row(tr("Server:"), config.name);
    html += row(tr("State:"), client->stateText());
    if (config.transport == mcp::ServerConfig::Transport::Stdio)
        html += row(tr("Command:"), QStringList(QStringList{config.command} + config.args).join(u' '));
    else
        html += row(tr("URL:"), config.url.toString() + (config.bearerFromKeychain ? tr(" (bearer token from the "
                                                                                        "keychain)")
                                                                                   : QString()));
    if (!client->protocolVersion().isEmpty())
        html += row(tr("Protocol:"), client->protocolVersion());
    if (!client->serverName().isEmpty())
        html += row(tr("Reports itself as:"), client->serverName());
    html += QStringLiteral("</table>");
    m_details->setText(html);
    const QStringList tail = client->stderrTail();
    const bool showTail = !tail.isEmpty() && (failed(client) || client->state() == Client::State::Ready);
    m_stderrLabel->setVisible(showTail);
    m_stderr->setVisible(showTail);
    if (m_stderr->toPlainText() != tail.join(u'\n')) {
        m_stderr->setPlainText(tail.join(u'\n'));
        // As high as its lines, up to six.
        const int lines = int(std::min<qsizetype>(std::max<qsizetype>(tail.size(), 1), 6));
        m_stderr->setFixedHeight(m_stderr->fontMetrics().lineSpacing() * lines + 2 * m_stderr->frameWidth() + 10);
    }
    rebuildTools(client);
}

void McpServersPage::rebuildTools(Client *client)
{
    QString signature;
    if (client) {
        signature = client->config().name;
        for (const mcp::Tool &tool : client->tools())
            signature += u'\n' + tool.name + u'\t' + tool.description;
    }
    if (signature == m_toolsShownFor && m_tools->topLevelItemCount() > 0)
        return;
    m_toolsShownFor = signature;
    const QString keep = m_tools->currentItem() ? m_tools->currentItem()->text(0) : QString();
    {
        const QSignalBlocker blocker(m_tools);
        m_tools->clear();
    }
    if (client) {
        const QString server = client->config().name;
        for (const mcp::Tool &tool : client->tools()) {
            auto *item = new QTreeWidgetItem(m_tools, {tool.name, tool.description.section(u'\n', 0, 0)});
            item->setToolTip(1, tool.description);
            auto *cell = new QWidget(m_tools); // the box centred under its header
            auto *box = new QCheckBox(cell);
            auto *cellLayout = new QHBoxLayout(cell);
            cellLayout->setContentsMargins(0, 0, 0, 0);
            cellLayout->addWidget(box, 0, Qt::AlignCenter);
            box->setAccessibleName(tr("Always allow %1").arg(tool.name));
            box->setObjectName(QStringLiteral("alwaysAllow_") + tool.name);
            box->setToolTip(tr("Call %1 without asking each time").arg(tool.name));
            box->setChecked(client->config().alwaysAllow.contains(tool.name));
            m_tools->setItemWidget(item, 2, cell);
            connect(box, &QCheckBox::toggled, this,
                    [this, server, name = tool.name, box](bool on) { setAlwaysAllow(server, name, on, box); });
            if (tool.name == keep || !m_tools->currentItem())
                m_tools->setCurrentItem(item);
        }
    }
    showSchema();
}

void McpServersPage::showSchema()
{
    const QTreeWidgetItem *item = m_tools->currentItem();
    const Client *client = selectedClient();
    for (const mcp::Tool &tool : client &&item ? client->tools() : QList<mcp::Tool>()) {
        if (tool.name != item->text(0))
            continue;
        m_toolDescription->setText(tool.title.isEmpty() ? tool.description : tool.title + u'\n' + tool.description);
        m_schema->setPlainText(QString::fromUtf8(QJsonDocument(tool.inputSchema).toJson(QJsonDocument::Indented)));
        return;
    }
    m_toolDescription->setText(client ? tr("No tools: the server is not running.") : QString());
    if (client && client->state() == Client::State::Ready)
        m_toolDescription->setText(tr("The server offers no tools."));
    m_schema->clear();
}

void McpServersPage::showMessage(const QString &text, bool problem)
{
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
    // For style sheets: QLabel[problem="true"] { ... }
    m_message->setProperty("problem", problem);
}

void McpServersPage::onStateChanged(Client *client)
{
    if (client->config().name != m_testing || client->state() == Client::State::Starting)
        return;
    m_testing.clear();
    QString text;
    if (client->state() == Client::State::Ready) {
        QStringList names;
        for (const mcp::Tool &tool : client->tools())
            names.append(tool.name);
        text = tr("Test passed: %1; protocol version %2.").arg(client->stateText(), client->protocolVersion());
        if (!names.isEmpty())
            text += u' ' + tr("Tools: %1.").arg(names.join(QStringLiteral(", ")));
    } else {
        text = tr("Test failed: %1").arg(client->stateText());
    }
    if (selectedClient() == client) {
        m_testResult->setText(text);
        m_testResult->show();
    }
}

void McpServersPage::startServer()
{
    if (Client *client = selectedClient())
        client->start();
}

void McpServersPage::stopServer()
{
    if (Client *client = selectedClient())
        client->stop();
}

void McpServersPage::testServer()
{
    Client *client = selectedClient();
    if (!client)
        return;
    m_testing = client->config().name;
    m_testResult->setText(tr("Testing %1…").arg(m_testing));
    m_testResult->show();
    if (running(client))
        client->stop();
    client->start();
}

} // namespace versus::ui
