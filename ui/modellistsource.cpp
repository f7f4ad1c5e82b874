// SPDX-License-Identifier: GPL-3.0-or-later
#include "modellistsource.h"

#include "engine/engine.h"
#include "providers/modelchoices.h"
#include "providers/modellistjob.h"
#include "secrets/keyresolver.h"

namespace versus::ui {

ModelListSource::ModelListSource(Engine &engine, QString cacheDirectory, QObject *parent)
    : QObject(parent)
    , m_engine(engine)
    , m_cache(std::move(cacheDirectory))
{
}

ModelListSource::Entry &ModelListSource::entry(const QString &providerId)
{
    Entry &e = m_entries[providerId];
    if (!e.cacheRead) {
        e.cacheRead = true;
        // A damaged or unreadable cache file is as good as none: the catalog's models are offered.
        if (auto cached = m_cache.read(providerId); cached && cached->has_value()) {
            e.list = **cached;
            e.origin = Origin::Cache;
        }
    }
    return e;
}

QList<ModelInfo> ModelListSource::models(const Provider &provider)
{
    const Entry &e = entry(provider.id());
    if (e.list && !e.list->models.isEmpty())
        return modelChoices(provider.info(), e.list->models);
    return modelChoices(provider.info(), std::nullopt);
}

ModelListSource::Origin ModelListSource::origin(const QString &providerId) const
{
    const auto it = m_entries.constFind(providerId);
    return it == m_entries.cend() || !it->list || it->list->models.isEmpty() ? Origin::Catalog : it->origin;
}

QDateTime ModelListSource::fetchedAtUtc(const QString &providerId) const
{
    const auto it = m_entries.constFind(providerId);
    return it == m_entries.cend() || !it->list ? QDateTime() : it->list->fetchedAtUtc;
}

QString ModelListSource::problem(const QString &providerId) const
{
    return m_entries.value(providerId).problem;
}

bool ModelListSource::isRefreshing(const QString &providerId) const
{
    const auto it = m_entries.constFind(providerId);
    return it != m_entries.cend() && (it->job || it->keyLookup);
}

void ModelListSource::refresh(const Provider &provider)
{
    const QString id = provider.id();
    Entry &e = entry(id);
    if (e.job || e.keyLookup)
        return;
    if (e.lastSuccessUtc.isValid() && e.lastSuccessUtc.secsTo(QDateTime::currentDateTimeUtc()) < kFreshSeconds)
        return;
    if (!provider.buildModelsCall(effectiveBaseUrl(provider.info())))
        return; // no list endpoint: the catalog's models are all there is
    e.keyLookup = true;
    m_engine.keyResolver().resolve(id, provider.info().keyEnvVar, this, [this, id](KeyResult result) {
        Entry &current = entry(id);
        current.keyLookup = false;
        const Provider *p = m_engine.registry().find(id);
        if (!p)
            return;
        if (p->info().keyRequired && !result.hasKey()) {
            current.problem = tr("No key for %1: the catalog's models are shown.").arg(p->info().displayName);
            Q_EMIT modelsChanged(id);
            return;
        }
        start(*p, std::move(result.key));
    });
}

void ModelListSource::start(const Provider &provider, ApiKey key)
{
    const QString id = provider.id();
    auto *job =
        new ModelListJob(m_engine.network(), provider, std::move(key), effectiveBaseUrl(provider.info()), 30'000, this);
    entry(id).job = job;
    connect(job, &ModelListJob::finished, this, [this, id, job] { onFinished(id, job); });
    job->start();
}

void ModelListSource::onFinished(const QString &providerId, ModelListJob *job)
{
    job->deleteLater();
    Entry &e = entry(providerId);
    e.job = nullptr;
    if (!job->result()) {
        e.problem = job->result().error().message;
        Q_EMIT modelsChanged(providerId);
        return;
    }
    e.problem.clear();
    e.list = ModelList{providerId, job->fetchedAtUtc(), *job->result()};
    e.origin = Origin::Live;
    e.lastSuccessUtc = QDateTime::currentDateTimeUtc();
    // Offline next time, the list fetched now is offered; a cache that cannot be written only loses that.
    if (auto written = m_cache.write(*e.list); !written)
        qWarning("The model list of %s was not cached: %s", qPrintable(providerId), qPrintable(written.error()));
    Q_EMIT modelsChanged(providerId);
}

} // namespace versus::ui
