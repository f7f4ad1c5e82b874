// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mcp/mcpconfig.h"

#include <QList>
#include <QPointer>
#include <QString>
#include <QWidget>

#include <functional>

class QCheckBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;

namespace versus {
class Engine;
namespace mcp {
class Client;
class Hub;
} // namespace mcp
} // namespace versus

namespace versus::ui {

class McpServerEditor;

/// Settings page "MCP servers": the servers of the engine's hub with their transport, live
/// state and tool count; Add / Edit / Remove (McpServerEditor), Start / Stop / Test of the
/// selected server, and its details: state, protocol version, the last stderr lines, and
/// its tools with their description, input schema and an "Always allow" box each.
///
/// Changes are written to the configuration file (atomically; the folder is created 0700 when
/// missing) and the servers are then loaded anew from it (Engine::loadMcp), except "Always
/// allow", which takes effect without a restart. Bearer tokens go to the keychain entry
/// "mcp:<name>" through the engine's key store, never into the file.
///
/// Widgets are named "mcpServerList", "addMcpServer", "editMcpServer", "removeMcpServer",
/// "startMcpServer", "stopMcpServer", "testMcpServer", "mcpMessage", "mcpServerDetails",
/// "mcpStderr", "mcpTestResult", "mcpToolList", "mcpToolDescription", "mcpToolSchema" and
/// "alwaysAllow_<tool>"; the confirmation of Remove is "confirmRemoveMcpServer".
class McpServersPage : public QWidget {
    Q_OBJECT
public:
    /// Loads the servers of @p configPath (mcp::defaultConfigPath() when empty) into
    /// @p engine when it has none yet; otherwise the engine's servers are taken to be
    /// that file's. @p engine must outlive the page.
    explicit McpServersPage(Engine &engine, const QString &configPath = QString(), QWidget *parent = nullptr);
    ~McpServersPage() override;

    QString configPath() const { return m_path; }
    /// The editor open now (Add or Edit), or null.
    McpServerEditor *editor() const;
    /// The server selected in the list, or null.
    mcp::Client *selectedClient() const;
    /// Selects the server named @p name.
    void selectServer(const QString &name);

public Q_SLOTS:
    /// Loads the servers when the engine has none (the file could not be read before) and
    /// shows every server again.
    void refresh();
    void addServer();
    void editServer();
    void removeServer();
    void startServer();
    void stopServer();
    void testServer();

Q_SIGNALS:
    /// The engine's hub was replaced (Engine::loadMcp): holders of mcpHub()/mcpTools() must
    /// take the new ones.
    void serversReloaded();

private:
    void attachHub();
    void rebuildList();
    void updateRows();
    void updateRow(QTreeWidgetItem *item);
    void updateButtons();
    void updateDetails();
    void rebuildTools(mcp::Client *client);
    void showSchema();
    void showMessage(const QString &text, bool problem);
    void onStateChanged(mcp::Client *client);

    void openEditor(const mcp::ServerConfig &server, bool isNew);
    void saveFromEditor();
    void moveToken(const QString &oldName, const QString &newName, std::function<void()> done);
    void forgetToken(const QString &name);
    void saveServers(const QList<mcp::ServerConfig> &servers, const std::function<void(QString error)> &done);
    void setAlwaysAllow(const QString &server, const QString &tool, bool allow, QCheckBox *box);
    QList<mcp::ServerConfig> configs() const;
    /// Writes @p servers to the file; an error text when it could not.
    QString writeFile(const QList<mcp::ServerConfig> &servers) const;

    Engine &m_engine;
    QString m_path;
    QPointer<mcp::Hub> m_hub;
    QString m_loadError;
    QString m_testing; // the server whose Test runs
    QString m_toolsShownFor;
    QPointer<McpServerEditor> m_editor;

    QTreeWidget *m_list;
    QPushButton *m_add;
    QPushButton *m_edit;
    QPushButton *m_remove;
    QPushButton *m_start;
    QPushButton *m_stop;
    QPushButton *m_test;
    QLabel *m_message;
    QLabel *m_details;
    QLabel *m_stderrLabel;
    QPlainTextEdit *m_stderr;
    QLabel *m_testResult;
    QTreeWidget *m_tools;
    QLabel *m_toolDescription;
    QPlainTextEdit *m_schema;
};

} // namespace versus::ui
