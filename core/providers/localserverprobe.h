// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "providers/providerregistry.h"

#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

namespace versus {

class ModelListJob;

/// A model server running on this machine, found by LocalServerProbe.
struct LocalServer {
    QString providerId;
    QString name;
    QUrl baseUrl;
    QStringList models; ///< chat models, as the server lists them
    friend bool operator==(const LocalServer &, const LocalServer &) = default;
};

/// Asks every local provider of the catalog (Ollama, llama.cpp, LM Studio: "local": true) for
/// its model list at its base URL (VERSUS_<ID>_BASE_URL overrides it), all at once and with a
/// short timeout, so the welcome view can offer what is running. Asynchronous: found() for
/// each server that answers with a list, finished() once, when every request has ended.
class LocalServerProbe : public QObject {
    Q_OBJECT
public:
    /// @p network and @p registry must outlive the probe.
    LocalServerProbe(QNetworkAccessManager &network, const ProviderRegistry &registry, QObject *parent = nullptr);
    ~LocalServerProbe() override;

    /// Starts the requests (again: the earlier ones are cancelled and the list emptied).
    void start(int timeoutMs = 1500);
    bool isRunning() const { return m_pending > 0; }
    const QList<LocalServer> &servers() const { return m_servers; }

Q_SIGNALS:
    void found(const versus::LocalServer &server);
    void finished();

private:
    void onJobFinished(ModelListJob *job);

    QNetworkAccessManager &m_network;
    const ProviderRegistry &m_registry;
    QList<QPointer<ModelListJob>> m_jobs;
    QList<LocalServer> m_servers;
    int m_pending = 0;
};

} // namespace versus
