// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "mcp/mcpconfig.h"
#include "secrets/apikey.h"

#include <QDialog>
#include <QStringList>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QSpinBox;
class QFormLayout;

namespace versus::ui {

/// Add or edit one MCP server (Settings → MCP servers): name, transport, for stdio the
/// command, its arguments (one per line, taken as they are: no quoting), environment
/// (KEY=VALUE lines) and working folder; for HTTP the URL, plain headers ("Name: value"
/// lines) and a bearer token that goes to the keychain, never into the file; enabled and
/// the request timeout. Checked as typed; Save stays disabled while something is wrong.
///
/// Save does not close the dialog: it emits saveRequested() and the page answers with
/// finishSave(), which closes it, or shows why it could not save and keeps what was typed.
///
/// Widgets are named "mcpName", "mcpTransport", "mcpCommand", "mcpArgs", "mcpEnv", "mcpCwd",
/// "mcpUrl", "mcpHeaders", "mcpBearer", "mcpForgetBearer", "mcpEnabled", "mcpTimeout",
/// "mcpEditorError" and "mcpSave".
class McpServerEditor : public QDialog {
    Q_OBJECT
public:
    /// @p server is the server edited (a default one for a new server, @p isNew true);
    /// @p takenNames are the other servers' names.
    McpServerEditor(const mcp::ServerConfig &server, bool isNew, const QStringList &takenNames,
                    QWidget *parent = nullptr);
    ~McpServerEditor() override;

    /// The server's name before editing; empty for a new one.
    QString originalName() const { return m_isNew ? QString() : m_original.name; }
    const mcp::ServerConfig &original() const { return m_original; }
    /// The server as typed; bearerFromKeychain as it was (the page decides it).
    mcp::ServerConfig server() const;
    /// The bearer token typed (empty: keep the stored one, if any).
    ApiKey bearerToken() const;
    /// "Remove the stored token" is ticked.
    bool forgetBearerToken() const;
    /// Why the server cannot be saved as typed; empty when it can.
    QString problem() const;

public Q_SLOTS:
    /// The page's answer to saveRequested(): empty @p error closes the dialog; else @p error
    /// is shown and the dialog stays open with everything typed.
    void finishSave(const QString &error);

Q_SIGNALS:
    /// Save was pressed with a valid server.
    void saveRequested();

private:
    void showTransportRows();
    void validate();
    void requestSave();

    mcp::ServerConfig m_original;
    bool m_isNew;
    QStringList m_takenNames;
    bool m_saving = false;

    QLineEdit *m_name;
    QComboBox *m_transport;
    QFormLayout *m_form;
    QLineEdit *m_command;
    QPlainTextEdit *m_args;
    QPlainTextEdit *m_env;
    QLineEdit *m_cwd;
    QLineEdit *m_url;
    QPlainTextEdit *m_headers;
    QLineEdit *m_bearer;
    QCheckBox *m_forgetBearer;
    QCheckBox *m_enabled;
    QSpinBox *m_timeout;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace versus::ui
