// SPDX-License-Identifier: GPL-3.0-or-later
#include "secrets/keychainstore.h"

#include <QByteArray>
#include <qt6keychain/keychain.h>

#if VERSUS_SECRET_SERVICE_PROBE
#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCallWatcher>
#include <QDBusPendingReply>
#include <QDBusVariant>
#endif

namespace versus {

namespace {

void wipe(QString &text)
{
    if (text.isEmpty())
        return;
    if (text.isDetached()) {
        volatile char16_t *p = reinterpret_cast<char16_t *>(text.data());
        for (qsizetype i = 0; i < text.size(); ++i)
            p[i] = 0;
    }
    text.clear();
}

// QtKeychain reports a missing Secret Service or session bus as OtherError with the
// D-Bus error text; these are the words libsecret/GDBus and QtDBus use for them.
bool looksLikeNoBackend(const QString &message)
{
    static const char *const markers[] = {
        "org.freedesktop.secrets", // "The name org.freedesktop.secrets was not provided by any .service files"
        "ServiceUnknown",          "Cannot autolaunch D-Bus", "Could not connect",
        "D-Bus is not running",    "No keychain service",
    };
    for (const char *marker : markers) {
        if (message.contains(QLatin1String(marker), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

KeyResult result(KeyStatus status, QString detail = QString())
{
    KeyResult r;
    r.status = status;
    r.detail = std::move(detail);
    return r;
}

} // namespace

KeychainStore::KeychainStore(QObject *parent)
    : KeychainStore(Options(), parent)
{
}

KeychainStore::KeychainStore(Options options, QObject *parent)
    : KeyStore(parent)
    , m_options(std::move(options))
    , m_registry(m_options.registryPath)
{
    m_watchdog.setSingleShot(true);
    m_watchdog.setInterval(m_options.watchdog);
    connect(&m_watchdog, &QTimer::timeout, this, &KeychainStore::timedOut);
}

KeychainStore::~KeychainStore()
{
    // An unfinished job must outlive us: the backend still holds a pointer to it.
    abandonJob();
}

QStringList KeychainStore::rememberedProviders()
{
    return m_registry.providers(m_options.service);
}

void KeychainStore::read(const QString &providerId, QObject *context, Callback callback)
{
    enqueue(Kind::Read, providerId, ApiKey(), context, std::move(callback));
}

void KeychainStore::write(const QString &providerId, const ApiKey &key, QObject *context, Callback callback)
{
    if (key.isEmpty()) {
        deliver(context, std::move(callback), result(KeyStatus::OtherError, tr("An empty key cannot be stored.")));
        return;
    }
    enqueue(Kind::Write, providerId, key, context, std::move(callback));
}

void KeychainStore::remove(const QString &providerId, QObject *context, Callback callback)
{
    enqueue(Kind::Remove, providerId, ApiKey(), context, std::move(callback));
}

void KeychainStore::enqueue(Kind kind, const QString &providerId, ApiKey key, QObject *context, Callback callback)
{
    Q_ASSERT(context);
    if (providerId.isEmpty()) {
        deliver(context, std::move(callback), result(KeyStatus::OtherError, tr("No provider id was given.")));
        return;
    }
    m_queue.push_back(Operation{kind, providerId, std::move(key), context, std::move(callback)});
    if (!m_current)
        startNext();
}

void KeychainStore::startNext()
{
    while (!m_current && !m_queue.empty()) {
        Operation next = std::move(m_queue.front());
        m_queue.pop_front();
        if (!next.context)
            continue; // nobody is waiting for it any more
        m_current = std::move(next);
        m_watchdog.start();
        switch (m_current->kind) {
        case Kind::Read:
            startRead();
            break;
        case Kind::Write:
            startWrite();
            break;
        case Kind::Remove:
            startRemove();
            break;
        }
    }
}

void KeychainStore::runJob(QKeychain::Job *job, std::function<void(QKeychain::Job *)> onFinished)
{
    job->setAutoDelete(false);
    job->setInsecureFallback(false);
    job->setKey(m_current->providerId);
    m_job = job;
    connect(job, &QKeychain::Job::finished, this, [this, onFinished = std::move(onFinished)](QKeychain::Job *finished) {
        disconnect(finished, nullptr, this, nullptr);
        m_job = nullptr;
        finished->deleteLater();
        onFinished(finished);
    });
    job->start();
}

void KeychainStore::startRead()
{
    auto *job = new QKeychain::ReadPasswordJob(m_options.service);
    runJob(job, [this](QKeychain::Job *finished) {
        const QString &id = m_current->providerId;
        if (finished->error() == QKeychain::NoError) {
            KeyResult r;
            QByteArray bytes = static_cast<QKeychain::ReadPasswordJob *>(finished)->binaryData();
            if (bytes.isEmpty())
                return finish(r);
            r.status = KeyStatus::Stored;
            r.source = KeySource::Keychain;
            r.key = ApiKey::fromUtf8(std::move(bytes));
            m_registry.add(m_options.service, id); // e.g. stored by another program version
            return finish(std::move(r));
        }
        if (finished->error() != QKeychain::EntryNotFound)
            return finish(failureOf(finished));
        if (!m_registry.contains(m_options.service, id))
            return finish(result(KeyStatus::NotStored));
        // A key was stored: either the keyring is locked or the entry was removed elsewhere.
        const QString detail = finished->errorString();
        probeLockState([this, detail](LockAnswer locked) {
            if (locked == false) {
                m_registry.remove(m_options.service, m_current->providerId);
                return finish(result(KeyStatus::NotStored));
            }
            finish(result(KeyStatus::Locked, detail));
        });
    });
}

void KeychainStore::startWrite()
{
    auto *job = new QKeychain::WritePasswordJob(m_options.service);
    // Text, not binary: the keyring then shows the key as users expect (not base64).
    QString text = QString::fromUtf8(m_current->key.reveal({}));
    job->setTextData(text);
    wipe(text);
    m_current->key.clear();
    runJob(job, [this](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError) {
            m_registry.add(m_options.service, m_current->providerId);
            Q_EMIT keyChanged(m_current->providerId);
            KeyResult r = result(KeyStatus::Stored);
            r.source = KeySource::Keychain;
            return finish(std::move(r));
        }
        if (finished->error() != QKeychain::AccessDenied)
            return finish(failureOf(finished));
        // libsecret reports a locked collection as "access denied".
        const QString detail = finished->errorString();
        probeLockState([this, detail](LockAnswer locked) {
            finish(result(locked == false ? KeyStatus::AccessDenied : KeyStatus::Locked, detail));
        });
    });
}

void KeychainStore::startRemove()
{
    // A locked keyring "deletes" successfully while the entry survives: ask first.
    probeLockState([this](LockAnswer locked) {
        if (locked == true)
            return finish(result(KeyStatus::Locked));
        runDelete();
    });
}

void KeychainStore::runDelete()
{
    auto *job = new QKeychain::DeletePasswordJob(m_options.service);
    runJob(job, [this](QKeychain::Job *finished) {
        if (finished->error() == QKeychain::NoError || finished->error() == QKeychain::EntryNotFound) {
            m_registry.remove(m_options.service, m_current->providerId);
            Q_EMIT keyChanged(m_current->providerId);
            return finish(result(KeyStatus::NotStored));
        }
        finish(failureOf(finished));
    });
}

KeyResult KeychainStore::failureOf(const QKeychain::Job *job) const
{
    const QString detail = job->errorString();
    switch (job->error()) {
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
        return result(KeyStatus::NotStored);
    case QKeychain::AccessDeniedByUser:
        return result(KeyStatus::AccessDenied, detail);
    case QKeychain::AccessDenied:
        // libsecret: the collection is locked; macOS: interaction not allowed (locked).
        return result(KeyStatus::Locked, detail);
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return result(KeyStatus::NoBackend, detail);
    case QKeychain::CouldNotDeleteEntry:
        return result(KeyStatus::OtherError, detail);
    case QKeychain::OtherError:
        break;
    }
    return result(looksLikeNoBackend(detail) ? KeyStatus::NoBackend : KeyStatus::OtherError, detail);
}

void KeychainStore::probeLockState(std::function<void(LockAnswer)> onAnswer)
{
#if VERSUS_SECRET_SERVICE_PROBE
    if (m_options.probeLockState) {
        QDBusConnection bus = QDBusConnection::sessionBus();
        if (bus.isConnected()) {
            QDBusMessage message = QDBusMessage::createMethodCall(
                QStringLiteral("org.freedesktop.secrets"), QStringLiteral("/org/freedesktop/secrets/aliases/default"),
                QStringLiteral("org.freedesktop.DBus.Properties"), QStringLiteral("Get"));
            message << QStringLiteral("org.freedesktop.Secret.Collection") << QStringLiteral("Locked");
            auto *watcher = new QDBusPendingCallWatcher(bus.asyncCall(message, int(m_options.watchdog.count())), this);
            m_probe = watcher;
            connect(watcher, &QDBusPendingCallWatcher::finished, this,
                    [this, onAnswer = std::move(onAnswer)](QDBusPendingCallWatcher *call) {
                        call->deleteLater();
                        m_probe = nullptr;
                        const QDBusPendingReply<QDBusVariant> reply = *call;
                        if (reply.isError() || reply.value().variant().typeId() != QMetaType::Bool)
                            return onAnswer(std::nullopt);
                        onAnswer(reply.value().variant().toBool());
                    });
            return;
        }
    }
#endif
    onAnswer(std::nullopt);
}

void KeychainStore::finish(KeyResult r)
{
    m_watchdog.stop();
    if (!m_current)
        return;
    Operation done = std::move(*m_current);
    m_current.reset();
    deliver(done.context, std::move(done.callback), std::move(r));
    startNext();
}

void KeychainStore::timedOut()
{
    if (!m_current)
        return;
    abandonJob();
    delete m_probe.data();
    // The operations queued behind a stuck one would each wait for the watchdog in turn;
    // answer them now. Operations started from here on get a fresh chance.
    std::deque<Operation> waiting;
    waiting.swap(m_queue);
    Operation stuck = std::move(*m_current);
    m_current.reset();
    deliver(stuck.context, std::move(stuck.callback), result(KeyStatus::NotResponding));
    for (Operation &op : waiting)
        deliver(op.context, std::move(op.callback), result(KeyStatus::NotResponding));
}

void KeychainStore::abandonJob()
{
    QKeychain::Job *job = m_job.data();
    m_job = nullptr;
    if (!job)
        return;
    disconnect(job, nullptr, this, nullptr);
    job->setParent(nullptr);
    job->setAutoDelete(false);
    // Finishing it frees QtKeychain's global queue; deleting it now would leave the
    // backend (libsecret keeps a raw pointer) calling into freed memory when it answers.
    job->emitFinishedWithError(QKeychain::OtherError, tr("The keychain did not answer in time."));
    QObject::connect(job, &QKeychain::Job::finished, job, [job] { job->deleteLater(); });
}

} // namespace versus
