// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QListWidget;
class QStackedWidget;

namespace versus {
class Engine;
}

namespace versus::ui {

class AppSettings;
class CustomEndpointsPage;
class GeneralPage;
class McpServersPage;
class PricesPage;
class ProviderKeysPage;

/// Settings ("settingsDialog"): a list of pages on the left ("settingsPages"), the page on
/// the right. The window keeps one and opens it at a page from the Settings menu, a lane's
/// "Add key…" or the welcome view. Pages save as they change; the dialog passes on what the
/// window must follow (providers, prices, theme, send key).
class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    enum class Page { General, ProviderKeys, CustomEndpoints, Prices, McpServers };

    /// @p engine and @p settings must outlive the dialog.
    SettingsDialog(Engine &engine, AppSettings &settings, QWidget *parent = nullptr);

    void showPage(Page page);
    Page currentPage() const;
    /// Reads the keys and MCP servers anew (the dialog is opened again).
    void refresh();

    GeneralPage *generalPage() const { return m_general; }
    ProviderKeysPage *providerKeysPage() const { return m_keys; }
    CustomEndpointsPage *customEndpointsPage() const { return m_endpoints; }
    PricesPage *pricesPage() const { return m_prices; }
    McpServersPage *mcpServersPage() const { return m_mcp; }

Q_SIGNALS:
    /// Custom endpoints changed; the engine's providers are reloaded.
    void providersChanged();
    /// A price override changed; the engine's prices are reloaded.
    void pricesChanged();
    void themeChanged(const QString &theme);
    void sendKeyChanged(const QString &key);

private:
    ProviderKeysPage *makeKeysPage();
    void rebuildKeysPage();

    Engine &m_engine;
    QListWidget *m_list;
    QStackedWidget *m_stack;
    GeneralPage *m_general;
    ProviderKeysPage *m_keys;
    CustomEndpointsPage *m_endpoints;
    PricesPage *m_prices;
    McpServersPage *m_mcp;
};

} // namespace versus::ui
