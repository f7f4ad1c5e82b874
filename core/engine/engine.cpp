// SPDX-License-Identifier: GPL-3.0-or-later
#include "engine/engine.h"

#include "mcp/hub.h"
#include "mcp/hubtools.h"
#include "providers/modellistcache.h"
#include "providers/modellistprices.h"
#include "secrets/keychainstore.h"
#include "secrets/keyresolver.h"

#include <QFileInfo>
#include <QNetworkAccessManager>
#include <QPointer>

namespace versus {

Engine::Engine(EngineOptions options)
    : m_options(std::move(options))
{
    if (m_options.network) {
        m_network = m_options.network;
    } else {
        m_ownNetwork = std::make_unique<QNetworkAccessManager>();
        m_network = m_ownNetwork.get();
    }

    m_registry = ProviderRegistry::createDefault();

    m_prices.loadBundled();
    if (m_options.userFiles) {
        const ModelListCache modelLists;
        for (const Provider *provider : m_registry->providers())
            applyCachedListPrices(m_prices, *provider, modelLists); // OpenRouter and Together state prices
        m_prices.loadOverrides();
    }

    m_estimator = m_options.userFiles ? std::make_unique<TokenEstimator>(TokenEstimator::defaultCalibrationPath())
                                      : std::make_unique<TokenEstimator>();
    if (m_options.userFiles) {
        // A bad calibration file only costs accuracy, and the next save replaces it.
        if (auto loaded = m_estimator->load(); !loaded)
            m_calibrationProblem = loaded.error();
    }

    if (m_options.keyStore) {
        m_keyStore = m_options.keyStore;
    } else {
        m_ownKeyStore = std::make_unique<KeychainStore>();
        m_keyStore = m_ownKeyStore.get();
    }
    m_keyResolver = std::make_unique<KeyResolver>(m_keyStore);

    if (m_options.history)
        openHistory(m_options.historyPath);
}

Engine::~Engine() = default;

void Engine::reloadProviders()
{
    m_registry->reload();
}

QList<PriceError> Engine::reloadPriceOverrides(const QString &path)
{
    return m_prices.loadOverrides(path);
}

void Engine::setProxy(const net::ProxySettings &settings)
{
    net::applyProxy(*m_network, settings);
}

void Engine::stopMcp()
{
    if (m_mcpTools)
        m_mcpTools->setHub(nullptr);
    m_mcpHub.reset();
}

std::expected<void, QString> Engine::loadMcp(const QString &configPath, bool mustExist)
{
    if (!m_mcpTools)
        m_mcpTools = std::make_unique<mcp::HubTools>(); // one for the engine's life: runs hold it
    m_mcpTools->setHub(nullptr);
    m_mcpHub.reset(); // its servers stop; calls in flight end with an error the model reads
    // A file named on the command line must be there; the user's own may not exist yet.
    if (mustExist && !QFileInfo::exists(configPath))
        return std::unexpected(QStringLiteral("the MCP configuration %1 does not exist").arg(configPath));
    auto servers = mcp::readConfigFile(configPath.isEmpty() ? mcp::defaultConfigPath() : configPath);
    if (!servers)
        return std::unexpected(servers.error());
    m_mcpHub = std::make_unique<mcp::Hub>(*servers, m_network);
    m_mcpTools->setHub(m_mcpHub.get());
    for (mcp::Client *client : m_mcpHub->clients()) {
        const mcp::ServerConfig &config = client->config();
        if (!config.enabled)
            continue;
        if (!config.bearerFromKeychain) {
            client->start();
            continue;
        }
        // The token first; without one the server answers 401 and says so.
        QPointer<mcp::Client> guarded(client);
        m_keyResolver->resolve(mcp::keychainEntryName(config.name), QString(), client, [guarded](KeyResult key) {
            if (!guarded)
                return;
            if (key.hasKey())
                guarded->setBearerToken(std::move(key.key));
            guarded->start();
        });
    }
    return {};
}

void Engine::openHistory(const QString &path)
{
    m_history = std::make_unique<history::HistoryStore>();
    m_historyReport.reset();
    m_historyError.reset();
    auto opened = m_history->open(path.isEmpty() ? history::HistoryStore::defaultPath() : path);
    if (opened)
        m_historyReport = *opened;
    else
        m_historyError = opened.error();
}

std::expected<void, QString> Engine::saveCalibration()
{
    if (!m_options.userFiles)
        return {};
    return m_estimator->save();
}

} // namespace versus
