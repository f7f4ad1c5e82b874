// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/localserverprobe.h"

#include "providers/modellistjob.h"

namespace versus {

LocalServerProbe::LocalServerProbe(QNetworkAccessManager &network, const ProviderRegistry &registry, QObject *parent)
    : QObject(parent)
    , m_network(network)
    , m_registry(registry)
{
}

LocalServerProbe::~LocalServerProbe()
{
    for (const QPointer<ModelListJob> &job : std::as_const(m_jobs)) {
        if (job)
            job->disconnect(this);
    }
}

void LocalServerProbe::start(int timeoutMs)
{
    for (const QPointer<ModelListJob> &job : std::as_const(m_jobs)) {
        if (job) {
            job->disconnect(this);
            job->cancel();
            job->deleteLater();
        }
    }
    m_jobs.clear();
    m_servers.clear();
    m_pending = 0;
    QList<ModelListJob *> started;
    for (const Provider *provider : m_registry.providers()) {
        const ProviderInfo &info = provider->info();
        if (!info.local || info.keyRequired || info.modelsPath.isEmpty())
            continue;
        auto *job = new ModelListJob(m_network, *provider, ApiKey(), effectiveBaseUrl(info), timeoutMs, this);
        connect(job, &ModelListJob::finished, this, [this, job] { onJobFinished(job); });
        m_jobs << job;
        started << job;
        ++m_pending;
    }
    if (started.isEmpty()) {
        Q_EMIT finished();
        return;
    }
    for (ModelListJob *job : started)
        job->start();
}

void LocalServerProbe::onJobFinished(ModelListJob *job)
{
    job->deleteLater();
    if (job->result()) {
        const ProviderInfo &info = job->provider().info();
        LocalServer server{info.id, info.displayName, effectiveBaseUrl(info), {}};
        for (const ModelInfo &model : *job->result()) {
            if (isChatModel(model))
                server.models << model.id;
        }
        m_servers << server;
        Q_EMIT found(server);
    }
    if (--m_pending == 0)
        Q_EMIT finished();
}

} // namespace versus
