// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/historystore.h"
#include "metrics/tokenestimator.h"
#include "net/proxysettings.h"
#include "pricing/pricecatalog.h"
#include "providers/chatstream.h"
#include "providers/providerregistry.h"

#include <QString>

#include <memory>
#include <optional>

class QNetworkAccessManager;

namespace versus {

class KeyResolver;
class KeyStore;

/// How an Engine is put together. The defaults are the app's and the CLI's; tests replace
/// the key store, the history path and the user's files.
struct EngineOptions {
    /// Not owned; null = the OS keychain (KeychainStore), owned by the engine.
    KeyStore *keyStore = nullptr;
    /// Open the history store (HistoryStore::defaultPath() when historyPath is empty).
    bool history = true;
    QString historyPath;
    /// Read the user's pricing.json, the cached model lists' prices and the token-estimator
    /// calibration; off = bundled prices only, calibration in memory (the user's providers.json
    /// is read either way).
    bool userFiles = true;
    /// A QNAM of the caller's (tests that set a proxy); null = one owned by the engine.
    QNetworkAccessManager *network = nullptr;
};

/// The one composition object of Versus, built once by app/gui/main.cpp, by versus-cli and by
/// tests: the thread's QNetworkAccessManager, the provider registry, the price catalog
/// (bundled, then prices from cached model lists, then the user's overrides — loaded once, so
/// `versus-cli pricing` shows exactly the table `chat` charges with), the token estimator,
/// the key store and resolver, and the history store.
namespace mcp {
class Hub;
class HubTools;
} // namespace mcp

class Engine {
public:
    explicit Engine(EngineOptions options = {});
    ~Engine();
    Engine(const Engine &) = delete;
    Engine &operator=(const Engine &) = delete;

    QNetworkAccessManager &network() { return *m_network; }
    const ProviderRegistry &registry() const { return *m_registry; }
    const PriceCatalog &prices() const { return m_prices; }
    TokenEstimator &estimator() { return *m_estimator; }
    const TokenEstimator &estimator() const { return *m_estimator; }
    KeyStore &keyStore() { return *m_keyStore; }
    KeyResolver &keyResolver() { return *m_keyResolver; }

    /// The history, or null when it is off or could not be opened (see historyError()).
    history::HistoryStore *history() { return m_history && m_history->isOpen() ? m_history.get() : nullptr; }
    /// What opening the history found (a corrupt file moved aside, interrupted answers).
    const std::optional<history::OpenReport> &historyReport() const { return m_historyReport; }
    /// Why the history could not be opened, when it could not.
    const std::optional<history::HistoryError> &historyError() const { return m_historyError; }
    /// Opens the history at @p path, replacing the one open (tests; "start again").
    void openHistory(const QString &path = QString());

    /// Reads the catalogs again after Settings changed the user's providers.json: new custom
    /// endpoints can be used at once (registry().generation() grows; see ProviderRegistry::reload).
    void reloadProviders();
    /// Reads the user's price overrides again after Settings changed pricing.json; the next
    /// cost is computed with them. Returns the file's problems.
    QList<PriceError> reloadPriceOverrides(const QString &path = PriceCatalog::defaultOverridePath());
    /// Routes the engine's requests as @p settings say (Settings → General → Proxy).
    void setProxy(const net::ProxySettings &settings);

    /// Problems met while loading the catalogs (the rest loaded), for a warning line or tooltip.
    QList<CatalogProblem> catalogProblems() const { return m_registry->problems(); }
    QList<PriceError> priceProblems() const { return m_prices.errors(); }
    /// Why the token-estimate calibration could not be read (it starts over), when it could not.
    const QString &calibrationProblem() const { return m_calibrationProblem; }

    /// Timeouts and retries of chat streams (the estimator member is set per request).
    TransportOptions transport;
    /// How often a streaming answer is saved to the history (about once a second; tests and
    /// the crash test go faster).
    int checkpointIntervalMs = 1000;

    /// Reads the MCP servers of @p configPath (mcp::defaultConfigPath() when empty) and starts
    /// the enabled ones in the background (an HTTP server's bearer token read from the keychain
    /// first). An error text, and no servers, when the file does not read (or, with
    /// @p mustExist — a file named on the command line — does not exist; otherwise a missing
    /// file is no servers). Again: the servers
    /// running are stopped and the file read anew.
    std::expected<void, QString> loadMcp(const QString &configPath = QString(), bool mustExist = false);
    /// Ends the MCP servers now (bounded waits: stdin closed, then SIGTERM, then SIGKILL), so
    /// that none outlives a process about to exit; calls in flight end with an error.
    void stopMcp();
    /// The MCP servers, null before loadMcp().
    mcp::Hub *mcpHub() { return m_mcpHub.get(); }
    /// Their tools for the tool loop (Comparison::setExternalTools): one object from the first
    /// loadMcp() on, following the servers when the configuration is read again; null before.
    mcp::HubTools *mcpTools() { return m_mcpTools.get(); }

    /// Saves the estimator's calibration; an error text when it could not be written.
    std::expected<void, QString> saveCalibration();

private:
    EngineOptions m_options;
    std::unique_ptr<QNetworkAccessManager> m_ownNetwork;
    QNetworkAccessManager *m_network = nullptr;
    std::unique_ptr<ProviderRegistry> m_registry;
    PriceCatalog m_prices;
    std::unique_ptr<TokenEstimator> m_estimator;
    std::unique_ptr<KeyStore> m_ownKeyStore;
    KeyStore *m_keyStore = nullptr;
    std::unique_ptr<KeyResolver> m_keyResolver;
    std::unique_ptr<history::HistoryStore> m_history;
    std::optional<history::OpenReport> m_historyReport;
    std::optional<history::HistoryError> m_historyError;
    QString m_calibrationProblem;
    // The tools after the hub: destroyed first, while the servers still run.
    std::unique_ptr<mcp::Hub> m_mcpHub;
    std::unique_ptr<mcp::HubTools> m_mcpTools;
};

} // namespace versus
