// SPDX-License-Identifier: GPL-3.0-or-later
#include "providers/modellistkeycheck.h"

#include "providers/modellistjob.h"

#include <QCoreApplication>
#include <QPointer>

namespace versus::net {

KeyCheckResult keyCheckResultFrom(const std::expected<QList<ModelInfo>, ChatError> &result)
{
    KeyCheckResult check;
    if (result) {
        check.outcome = KeyCheckResult::Outcome::Valid;
        check.httpStatus = 200;
        check.detail =
            QCoreApplication::translate("versus::net", "%n model(s) available", nullptr, int(result->size()));
        return check;
    }
    const ChatError &error = result.error();
    check.httpStatus = error.httpStatus;
    check.detail = error.message;
    check.outcome =
        error.kind == ErrorKind::Auth ? KeyCheckResult::Outcome::Invalid : KeyCheckResult::Outcome::Unreachable;
    return check;
}

KeyCheck modelListKeyCheck(QNetworkAccessManager &network, const ProviderRegistry &registry)
{
    return [&network, &registry](const KeyedProvider &keyed, const ApiKey &key, QObject *context,
                                 std::function<void(KeyCheckResult)> done) {
        const Provider *provider = registry.find(keyed.id);
        if (!provider || !provider->buildModelsCall(effectiveBaseUrl(provider->info()))) {
            KeyCheckResult result;
            result.detail =
                QCoreApplication::translate("versus::net",
                                            "%1 has no model list to check a key against; send a chat to try the key.")
                    .arg(keyed.displayName);
            QMetaObject::invokeMethod(
                context, [done = std::move(done), result] { done(result); }, Qt::QueuedConnection);
            return;
        }
        auto *job = new ModelListJob(network, *provider, key, effectiveBaseUrl(provider->info()), 20'000, context);
        QObject::connect(job, &ModelListJob::finished, context, [job, done = std::move(done)] {
            done(keyCheckResultFrom(job->result()));
            job->deleteLater();
        });
        job->start();
    };
}

} // namespace versus::net
