// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QDialog;
class QWidget;

namespace versus {
class Engine;
} // namespace versus

// The window's secondary dialogs, built on demand; the window keeps and shows them.
namespace versus::ui {

/// Settings → Providers & Keys ("providerKeysDialog"): a ProviderKeysPage for every provider
/// of @p engine that needs a key, with a key check that lists the provider's models.
QDialog *createProviderKeysDialog(Engine &engine, QWidget *parent);
/// Shows the Providers & Keys @p dialog again with the keys read anew, and the entry of
/// @p providerId focused when given.
void raiseProviderKeysDialog(QDialog *dialog, bool refresh, const QString &providerId);
/// Settings → MCP servers ("mcpServersDialog"): an McpServersPage over the servers of
/// mcp::defaultConfigPath() (loaded into @p engine when it has none yet).
QDialog *createMcpServersDialog(Engine &engine, QWidget *parent);
/// Shows the MCP servers @p dialog again, the servers shown anew when @p refresh.
void raiseMcpServersDialog(QDialog *dialog, bool refresh);
/// Help → Metrics ("metricsHelp"): how every figure is measured or estimated.
QDialog *createMetricsHelpDialog(QWidget *parent);
/// Help → About ("aboutBox"), opened window-modal; it deletes itself when closed.
void openAboutBox(QWidget *parent);

} // namespace versus::ui
