// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/modellistcache.h"
#include "providers/provider.h"
#include "secrets/apikey.h"

#include <QDateTime>
#include <QHash>
#include <QObject>
#include <QPointer>

namespace versus {
class Engine;
class ModelListJob;
} // namespace versus

namespace versus::ui {

/// The models each provider offers, for the lanes' model pickers: the live list fetched in
/// this session, else the one cached on disk (ModelListCache, as "versus-cli models" writes
/// it), else the catalog's (modelChoices()). refresh() fetches the live list in the
/// background (ModelListJob with the provider's key; a list fetched is cached on disk);
/// modelsChanged() says when a provider's list changed or the fetch ended.
class ModelListSource : public QObject {
    Q_OBJECT
public:
    enum class Origin { Catalog, Cache, Live };

    /// @p engine must outlive the source.
    explicit ModelListSource(Engine &engine, QString cacheDirectory = ModelListCache::defaultDirectory(),
                             QObject *parent = nullptr);

    /// The models to offer for @p provider now (chat models, sorted, capabilities enforced).
    QList<ModelInfo> models(const Provider &provider);
    Origin origin(const QString &providerId) const;
    QDateTime fetchedAtUtc(const QString &providerId) const;
    /// Why the last fetch gave no list (no key, the provider's error); empty when it did.
    QString problem(const QString &providerId) const;
    bool isRefreshing(const QString &providerId) const;

    /// Fetches @p provider's live list in the background, unless a fetch is on its way, one
    /// succeeded less than kFreshSeconds ago, or the provider has no list endpoint.
    void refresh(const Provider &provider);

    static constexpr int kFreshSeconds = 5 * 60;

Q_SIGNALS:
    void modelsChanged(const QString &providerId);

private:
    struct Entry {
        bool cacheRead = false;
        std::optional<ModelList> list;
        Origin origin = Origin::Catalog;
        QPointer<ModelListJob> job;
        bool keyLookup = false;
        QDateTime lastSuccessUtc;
        QString problem;
    };
    Entry &entry(const QString &providerId);
    void start(const Provider &provider, ApiKey key);
    void onFinished(const QString &providerId, ModelListJob *job);

    Engine &m_engine;
    ModelListCache m_cache;
    QHash<QString, Entry> m_entries;
};

} // namespace versus::ui
