// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "secrets/keystore.h"
#include "secrets/storedkeyregistry.h"

#include <QPointer>
#include <QTimer>

#include <chrono>
#include <deque>
#include <optional>

namespace QKeychain {
class Job;
}

namespace versus {

/// The KeyStore of the operating system's keychain, through QtKeychain: one entry per
/// provider id under one service ("versus"), never the insecure plaintext fallback.
///
/// QtKeychain runs every job of the process through one global queue, so a job that never
/// finishes would block all later ones. Operations therefore run one at a time under a
/// watchdog: an operation that takes longer answers NotResponding, its job is abandoned
/// (finished on QtKeychain's side so its queue moves on, and deleted only when the backend
/// calls back at last), and so do the operations that were waiting behind it. Later
/// operations run normally. Use one KeychainStore per process.
///
/// A locked keyring does not say so: a stored key reads as "no entry", a write is "access
/// denied", a removal "succeeds" while the entry survives. The store remembers which
/// providers have a stored key (names only, in a StoredKeyRegistry) and, on Linux, asks the
/// Secret Service whether the default collection is locked, to report Locked instead.
class KeychainStore : public KeyStore {
    Q_OBJECT
public:
    struct Options {
        QString service = QStringLiteral("versus");
        std::chrono::milliseconds watchdog = std::chrono::seconds(10);
        /// Where the names of stored keys are remembered; empty for the default file.
        QString registryPath;
        /// Ask the Secret Service (D-Bus) whether the collection is locked, where there is one.
        bool probeLockState = true;
    };

    explicit KeychainStore(QObject *parent = nullptr);
    explicit KeychainStore(Options options, QObject *parent = nullptr);
    ~KeychainStore() override;

    void read(const QString &providerId, QObject *context, Callback callback) override;
    void write(const QString &providerId, const ApiKey &key, QObject *context, Callback callback) override;
    void remove(const QString &providerId, QObject *context, Callback callback) override;

    const Options &options() const { return m_options; }
    /// The providers believed to have a stored key (from the registry; no keychain access).
    QStringList rememberedProviders();

private:
    enum class Kind { Read, Write, Remove };
    struct Operation {
        Kind kind = Kind::Read;
        QString providerId;
        ApiKey key;
        QPointer<QObject> context;
        Callback callback;
    };
    using LockAnswer = std::optional<bool>; // true locked, false unlocked, nullopt unknown

    void enqueue(Kind kind, const QString &providerId, ApiKey key, QObject *context, Callback callback);
    void startNext();
    void startRead();
    void startWrite();
    void startRemove();
    void runDelete();
    void runJob(QKeychain::Job *job, std::function<void(QKeychain::Job *)> onFinished);
    void probeLockState(std::function<void(LockAnswer)> onAnswer);
    void finish(KeyResult result);
    void timedOut();
    void abandonJob();
    KeyResult failureOf(const QKeychain::Job *job) const;

    Options m_options;
    StoredKeyRegistry m_registry;
    std::deque<Operation> m_queue;
    std::optional<Operation> m_current;
    QPointer<QKeychain::Job> m_job;
    QPointer<QObject> m_probe;
    QTimer m_watchdog;
};

} // namespace versus
