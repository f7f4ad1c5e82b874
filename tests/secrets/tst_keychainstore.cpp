// SPDX-License-Identifier: GPL-3.0-or-later
// The QtKeychain store against a real gnome-keyring on a private D-Bus session
// (tests/support/with-keyring.sh). These tests lock and unlock that keyring and pause its
// daemon, so they refuse to run anywhere else.
#include "fakesecretservice.h"
#include "keyringcontrol.h"
#include "keytestsupport.h"
#include "secrets/keychainstore.h"
#include "secrets/keyresolver.h"

#include <QCryptographicHash>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <qt6keychain/keychain.h>

using namespace versus;
using namespace std::chrono_literals;

namespace {

const QString kService = QStringLiteral("versus-test");

ApiKey key(const char *text)
{
    return ApiKey::fromUtf8(QByteArray(text));
}

QByteArray fileHash(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return QByteArray();
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha256);
}

/// Unlocks the login keyring when the test ends, whatever happened.
struct UnlockAtExit {
    ~UnlockAtExit()
    {
        if (KeyringControl::isLoginLocked())
            KeyringControl::unlockLogin();
    }
};

struct ProbeResult {
    QStringList statuses; // one per operation, in order
    QStringList messages;
    QString output;
    QString status() const { return statuses.value(0); }
    QString message() const { return messages.value(0); }
};

/// A session bus of our own with no service files: nothing on it provides
/// org.freedesktop.secrets unless a test puts something there.
class PrivateBus {
public:
    explicit PrivateBus(const QString &dir)
    {
        QFile config(dir + QStringLiteral("/bus.conf"));
        if (!config.open(QIODevice::WriteOnly))
            return;
        config.write("<!DOCTYPE busconfig PUBLIC \"-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN\"\n"
                     " \"http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd\">\n"
                     "<busconfig><type>session</type><listen>unix:dir=" +
                     dir.toUtf8() +
                     "</listen><auth>EXTERNAL</auth>"
                     "<policy context=\"default\"><allow send_destination=\"*\" eavesdrop=\"true\"/>"
                     "<allow eavesdrop=\"true\"/><allow own=\"*\"/></policy></busconfig>\n");
        config.close();
        m_daemon.start(QStringLiteral("dbus-daemon"),
                       {QStringLiteral("--config-file=") + config.fileName(), QStringLiteral("--nofork"),
                        QStringLiteral("--print-address=1")});
        if (!m_daemon.waitForStarted())
            return;
        while (!m_daemon.canReadLine() && m_daemon.waitForReadyRead(10000)) {
        }
        m_address = QString::fromUtf8(m_daemon.readLine()).trimmed();
    }
    ~PrivateBus()
    {
        if (m_daemon.state() != QProcess::NotRunning) {
            m_daemon.terminate();
            m_daemon.waitForFinished();
        }
    }
    PrivateBus(const PrivateBus &) = delete;
    PrivateBus &operator=(const PrivateBus &) = delete;

    QString address() const { return m_address; }

private:
    QProcess m_daemon;
    QString m_address;
};

/// The environment of a child that must not find the test keyring (nor a display).
QProcessEnvironment isolatedEnvironment(const QString &runtimeDir)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("DISPLAY"));
    env.remove(QStringLiteral("WAYLAND_DISPLAY"));
    env.remove(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"));
    env.insert(QStringLiteral("XDG_RUNTIME_DIR"), runtimeDir);
    return env;
}

} // namespace

class tst_KeychainStore : public QObject {
    Q_OBJECT

private:
    KeychainStore::Options options(bool probe = true) const
    {
        KeychainStore::Options o;
        o.service = kService;
        o.registryPath = m_dir.filePath(QStringLiteral("keychain-entries.ini"));
        o.probeLockState = probe;
        return o;
    }

    QByteArray registryText() const
    {
        QFile file(m_dir.filePath(QStringLiteral("keychain-entries.ini")));
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    /// Runs keystoreprobe (one KeychainStore operation in a child process) in @p env.
    ProbeResult runProbe(const QProcessEnvironment &env, const QStringList &args, const QByteArray &input = {})
    {
        QProcess probe;
        probe.setProcessEnvironment(env);
        probe.start(QStringLiteral(VERSUS_KEYSTOREPROBE),
                    QStringList{QStringLiteral("--registry"), m_dir.filePath(QStringLiteral("probe.ini")),
                                QStringLiteral("--service"), kService} +
                        args);
        probe.write(input);
        probe.closeWriteChannel();
        ProbeResult result;
        if (!probe.waitForFinished(30000)) {
            probe.kill();
            probe.waitForFinished();
            return result;
        }
        result.output = QString::fromUtf8(probe.readAllStandardOutput());
        const QStringList lines = result.output.split(u'\n');
        for (const QString &line : lines) {
            if (line.startsWith(u"status="))
                result.statuses.append(line.mid(7));
            else if (line.startsWith(u"message="))
                result.messages.append(line.mid(8));
        }
        return result;
    }

    QTemporaryDir m_dir;

private Q_SLOTS:
    void initTestCase()
    {
        if (KeyringControl::keyringTestsDisabled())
            QSKIP("VERSUS_NO_KEYRING_TESTS=1: the real-keychain tests were skipped on purpose.");
        const QString problem = KeyringControl::problemWithTestKeyring();
        if (!problem.isEmpty())
            QFAIL(qPrintable(problem));
        QVERIFY(m_dir.isValid());
    }

    void cleanup()
    {
        // Leave the keyring unlocked and without our entries for the next test.
        if (KeyringControl::isLoginLocked())
            QVERIFY(KeyringControl::unlockLogin());
        KeychainStore store(options());
        const QStringList ids{QStringLiteral("groq"), QStringLiteral("openai"), QStringLiteral("together"),
                              QStringLiteral("mistral")};
        for (const QString &id : ids)
            removeKey(store, id);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("provider");
        QTest::addColumn<QByteArray>("secret");
        QTest::addColumn<QString>("masked");
        QTest::addRow("groq") << QStringLiteral("groq") << QByteArray("gsk_0123456789abcdefghij1a2b")
                              << QStringLiteral("gsk_…1a2b");
        QTest::addRow("openai project key")
            << QStringLiteral("openai") << QByteArray("sk-proj-" + QByteArray(120, 'x') + "Z9y8")
            << QStringLiteral("sk-…Z9y8");
        QTest::addRow("no prefix") << QStringLiteral("together") << QByteArray("0123456789abcdef0123456789abcdef")
                                   << QStringLiteral("…cdef");
    }

    void roundTrip()
    {
        QFETCH(QString, provider);
        QFETCH(QByteArray, secret);
        QFETCH(QString, masked);
        KeychainStore store(options());
        QSignalSpy changed(&store, &KeyStore::keyChanged);

        auto before = readKey(store, provider);
        QVERIFY(before);
        QCOMPARE(before->status, KeyStatus::NotStored);
        QVERIFY(!registryText().contains(provider.toUtf8()));

        auto written = writeKey(store, provider, ApiKey::fromUtf8(secret));
        QVERIFY(written);
        QCOMPARE(written->status, KeyStatus::Stored);
        QCOMPARE(changed.size(), 1);
        QCOMPARE(changed.at(0).at(0).toString(), provider);
        // The registry holds the provider's name, never the key.
        const QByteArray registry = registryText();
        QVERIFY(registry.contains(provider.toUtf8()));
        QVERIFY(!registry.contains(secret));

        // A second store (as in another process) reads it back.
        KeychainStore other(options());
        auto read = readKey(other, provider);
        QVERIFY(read);
        QCOMPARE(read->status, KeyStatus::Stored);
        QCOMPARE(read->source, KeySource::Keychain);
        QVERIFY(read->key.sameKeyAs(ApiKey::fromUtf8(secret)));
        QCOMPARE(read->key.redacted(), masked);

        auto removed = removeKey(store, provider);
        QVERIFY(removed);
        QCOMPARE(removed->status, KeyStatus::NotStored);
        QCOMPARE(changed.size(), 2);
        QVERIFY(!registryText().contains(provider.toUtf8()));

        auto after = readKey(other, provider);
        QVERIFY(after);
        QCOMPARE(after->status, KeyStatus::NotStored);
        QVERIFY(after->key.isEmpty());
    }

    void writeReplacesTheKey()
    {
        KeychainStore store(options());
        QCOMPARE(writeKey(store, QStringLiteral("groq"), key("gsk_first_key_0000000001"))->status, KeyStatus::Stored);
        QCOMPARE(writeKey(store, QStringLiteral("groq"), key("gsk_second_key_000000002"))->status, KeyStatus::Stored);
        auto read = readKey(store, QStringLiteral("groq"));
        QVERIFY(read);
        QVERIFY(read->key.sameKeyAs(key("gsk_second_key_000000002")));
    }

    void providersAreSeparateEntries()
    {
        KeychainStore store(options());
        QCOMPARE(writeKey(store, QStringLiteral("groq"), key("gsk_groq_key_000000000001"))->status, KeyStatus::Stored);
        QCOMPARE(writeKey(store, QStringLiteral("openai"), key("sk-openai-key-00000000002"))->status,
                 KeyStatus::Stored);
        QCOMPARE(removeKey(store, QStringLiteral("groq"))->status, KeyStatus::NotStored);
        auto openai = readKey(store, QStringLiteral("openai"));
        QVERIFY(openai);
        QCOMPARE(openai->status, KeyStatus::Stored);
        QVERIFY(openai->key.sameKeyAs(key("sk-openai-key-00000000002")));
        QCOMPARE(readKey(store, QStringLiteral("groq"))->status, KeyStatus::NotStored);
    }

    void lockedKeyringIsReportedAsLocked_data()
    {
        QTest::addColumn<bool>("probe");
        QTest::addRow("registry and Secret Service probe") << true;
        QTest::addRow("registry alone") << false;
    }

    void lockedKeyringIsReportedAsLocked()
    {
        QFETCH(bool, probe);
        UnlockAtExit unlockAtExit;
        KeychainStore store(options(probe));
        const ApiKey stored = key("gsk_locked_test_key_00001a2b");
        QCOMPARE(writeKey(store, QStringLiteral("groq"), stored)->status, KeyStatus::Stored);

        QVERIFY(KeyringControl::lockLogin());
        QSignalSpy changed(&store, &KeyStore::keyChanged);

        // The backend answers "no such entry"; the store knows better.
        auto read = readKey(store, QStringLiteral("groq"));
        QVERIFY(read);
        QCOMPARE(read->status, KeyStatus::Locked);
        QVERIFY(read->key.isEmpty());
        QCOMPARE(keyStatusLabel(read->status), QStringLiteral("keyring locked"));

        // A provider that never had a key is still "missing", not "locked".
        auto never = readKey(store, QStringLiteral("mistral"));
        QVERIFY(never);
        QCOMPARE(never->status, KeyStatus::NotStored);

        auto write = writeKey(store, QStringLiteral("groq"), key("gsk_replacement_key_0000000"));
        QVERIFY(write);
        QCOMPARE(write->status, KeyStatus::Locked);

        if (probe) {
            // Without the probe a removal cannot tell that the keyring only pretends to
            // delete; with it, the store refuses instead of claiming success.
            auto remove = removeKey(store, QStringLiteral("groq"));
            QVERIFY(remove);
            QCOMPARE(remove->status, KeyStatus::Locked);
        }
        QCOMPARE(changed.size(), 0);

        QVERIFY(KeyringControl::unlockLogin());
        auto again = readKey(store, QStringLiteral("groq"));
        QVERIFY(again);
        QCOMPARE(again->status, KeyStatus::Stored);
        QVERIFY(again->key.sameKeyAs(stored));
    }

    void entryRemovedElsewhereIsNotStored()
    {
        // Our registry says "stored", but the entry was deleted by another program while
        // the keyring was unlocked: that is "missing", and the registry forgets the name.
        KeychainStore store(options());
        QCOMPARE(writeKey(store, QStringLiteral("groq"), key("gsk_removed_elsewhere_0001"))->status, KeyStatus::Stored);
        KeychainStore::Options elsewhere = options();
        elsewhere.registryPath = m_dir.filePath(QStringLiteral("elsewhere.ini"));
        KeychainStore otherProgram(elsewhere);
        QCOMPARE(removeKey(otherProgram, QStringLiteral("groq"))->status, KeyStatus::NotStored);

        auto read = readKey(store, QStringLiteral("groq"));
        QVERIFY(read);
        QCOMPARE(read->status, KeyStatus::NotStored);
        QVERIFY(!store.rememberedProviders().contains(QStringLiteral("groq")));
    }

    void noKeychainService_data()
    {
        QTest::addColumn<QString>("bus");
        QTest::addColumn<QString>("operation");
        QTest::addRow("bus without Secret Service, read") << QStringLiteral("empty") << QStringLiteral("read");
        QTest::addRow("bus without Secret Service, write") << QStringLiteral("empty") << QStringLiteral("write");
        QTest::addRow("bus without Secret Service, remove") << QStringLiteral("empty") << QStringLiteral("remove");
        QTest::addRow("no session bus, read") << QStringLiteral("none") << QStringLiteral("read");
        QTest::addRow("no session bus, write") << QStringLiteral("none") << QStringLiteral("write");
    }

    void noKeychainService()
    {
        QFETCH(QString, bus);
        QFETCH(QString, operation);
        QTemporaryDir runtimeDir;
        QVERIFY(runtimeDir.isValid());
        QProcessEnvironment env = isolatedEnvironment(runtimeDir.path());
        std::unique_ptr<PrivateBus> privateBus;
        if (bus == u"empty") {
            privateBus = std::make_unique<PrivateBus>(runtimeDir.path());
            QVERIFY2(!privateBus->address().isEmpty(), "dbus-daemon is needed (package dbus-daemon)");
            env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), privateBus->address());
        }

        const ProbeResult result =
            runProbe(env, {operation, QStringLiteral("groq")},
                     operation == u"write" ? QByteArray("gsk_no_backend_key_000001\n") : QByteArray());
        QVERIFY2(result.statuses.size() == 1, qPrintable(result.output));
        QCOMPARE(result.status(), QStringLiteral("no_backend"));
        KeyResult expected;
        expected.status = KeyStatus::NoBackend;
        QCOMPARE(result.message(), keyStatusMessage(expected));
        QVERIFY(result.message().contains(QStringLiteral("gnome-keyring")));
    }

    void jobThatNeverFinishesDoesNotBlockLaterJobs()
    {
        // A Secret Service that never answers the first search: the operation is "not
        // responding" after the watchdog, and the next operation still reaches the service
        // (QtKeychain's global queue was freed) and gets its answer, while the first call
        // stays unanswered for good.
        QTemporaryDir runtimeDir;
        QVERIFY(runtimeDir.isValid());
        PrivateBus bus(runtimeDir.path());
        QVERIFY2(!bus.address().isEmpty(), "dbus-daemon is needed (package dbus-daemon)");
        FakeSecretService service;
        QVERIFY(service.serveOn(bus.address()));

        QProcessEnvironment env = isolatedEnvironment(runtimeDir.path());
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), bus.address());
        QProcess probe;
        probe.setProcessEnvironment(env);
        probe.start(QStringLiteral(VERSUS_KEYSTOREPROBE),
                    {QStringLiteral("--registry"), runtimeDir.filePath(QStringLiteral("probe.ini")),
                     QStringLiteral("--watchdog-ms"), QStringLiteral("500"), QStringLiteral("read"),
                     QStringLiteral("groq"), QStringLiteral("read"), QStringLiteral("openai")});
        QVERIFY(probe.waitForStarted());
        probe.closeWriteChannel();
        // The fake answers from this thread: keep the event loop running while we wait.
        QTRY_VERIFY_WITH_TIMEOUT(probe.state() == QProcess::NotRunning, 20000);
        const QString output = QString::fromUtf8(probe.readAllStandardOutput());
        const QString why = output + QStringLiteral("\ncalls: ") + service.calls().join(u' ');
        QStringList statuses;
        for (const QString &line : output.split(u'\n')) {
            if (line.startsWith(u"status="))
                statuses.append(line.mid(7));
        }
        QVERIFY2(statuses.size() == 2, qPrintable(why));
        QCOMPARE(statuses.at(0), QStringLiteral("not_responding"));
        QCOMPARE(statuses.at(1), QStringLiteral("not_stored"));
        QVERIFY2(service.searchCount() >= 2, qPrintable(why));
    }

    void stuckKeychainIsNotRespondingAndLaterJobsRun()
    {
        KeychainStore::Options o = options();
        o.watchdog = 500ms;
        KeychainStore store(o);
        const ApiKey stored = key("gsk_stuck_daemon_key_0001a2b");
        QCOMPARE(writeKey(store, QStringLiteral("groq"), stored)->status, KeyStatus::Stored);

        const pid_t daemon = KeyringControl::secretServicePid();
        QVERIFY(daemon > 0);
        KeyringControl::ProcessPause pause(daemon);

        // Two operations: the running one hangs, the waiting one must not wait its turn.
        QObject context;
        std::optional<KeyResult> first;
        std::optional<KeyResult> second;
        store.read(QStringLiteral("groq"), &context, [&first](KeyResult r) { first = std::move(r); });
        store.read(QStringLiteral("openai"), &context, [&second](KeyResult r) { second = std::move(r); });
        QTRY_VERIFY_WITH_TIMEOUT(first.has_value(), 10000);
        QCOMPARE(first->status, KeyStatus::NotResponding);
        QTRY_VERIFY_WITH_TIMEOUT(second.has_value(), 10000);
        QCOMPARE(second->status, KeyStatus::NotResponding);
        QCOMPARE(keyStatusLabel(first->status), QStringLiteral("keychain not responding"));

        // The daemon comes back: the abandoned job's late answer must do no harm, and new
        // jobs run (QtKeychain's global queue is not blocked).
        pause.resume();
        auto later = readKey(store, QStringLiteral("groq"));
        QVERIFY(later);
        QCOMPARE(later->status, KeyStatus::Stored);
        QVERIFY(later->key.sameKeyAs(stored));

        // And a store that knows nothing of the stuck job works too.
        KeychainStore fresh(options());
        auto freshRead = readKey(fresh, QStringLiteral("groq"));
        QVERIFY(freshRead);
        QCOMPARE(freshRead->status, KeyStatus::Stored);
        QTest::qWait(200); // let late D-Bus answers arrive while everything is alive
    }

    void callbackIsDroppedWhenContextIsGone()
    {
        KeychainStore store(options());
        bool called = false;
        {
            QObject context;
            store.read(QStringLiteral("groq"), &context, [&called](KeyResult) { called = true; });
        }
        // The next operation completes after the first one would have.
        auto next = readKey(store, QStringLiteral("openai"));
        QVERIFY(next);
        QVERIFY(!called);
    }

    void canaryKeyIsOnlyInTheKeyring()
    {
        // Default registry location (under the throw-away HOME), its own service name.
        KeychainStore::Options o;
        o.service = QStringLiteral("versus-canary");
        KeychainStore store(o);
        KeyResolver resolver(&store);
        const QByteArray canary = "vs-canary-" + QUuid::createUuid().toString(QUuid::Id128).toLatin1() + "-do-not-leak";
        const QString provider = QStringLiteral("canaryprovider");

        const QString dataHome = QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation);
        QDir keyrings(dataHome + QStringLiteral("/keyrings"));
        const QStringList keyringFiles = keyrings.entryList({QStringLiteral("*.keyring")}, QDir::Files);
        QVERIFY2(!keyringFiles.isEmpty(), qPrintable(QStringLiteral("no keyring file in ") + keyrings.path()));
        const QString keyringFile = keyrings.filePath(keyringFiles.constFirst());
        const QByteArray keyringBefore = fileHash(keyringFile);

        QCOMPARE(writeKey(store, provider, ApiKey::fromUtf8(canary))->status, KeyStatus::Stored);
        auto resolved = awaitResult([&](QObject *context, KeyStore::Callback done) {
            resolver.resolve(provider, QStringLiteral("VERSUS_CANARY_UNSET_API_KEY"), context, std::move(done));
        });
        QVERIFY(resolved);
        QCOMPARE(resolved->source, KeySource::Keychain);
        QVERIFY(resolved->key.sameKeyAs(ApiKey::fromUtf8(canary)));
        // The keyring saved it (encrypted) to its file.
        QTRY_VERIFY_WITH_TIMEOUT(fileHash(keyringFile) != keyringBefore, 10000);

        QStringList roots{QDir::homePath()};
        const char *const xdgVariables[] = {"XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME",
                                            "XDG_RUNTIME_DIR"};
        for (const char *name : xdgVariables) {
            const QString dir = qEnvironmentVariable(name);
            if (!dir.isEmpty() && !dir.startsWith(QDir::homePath() + u'/'))
                roots.append(dir);
        }
        const QByteArray forms[] = {canary, canary.toBase64(), canary.toHex()};
        int scanned = 0;
        bool sawRegistry = false;
        for (const QString &root : std::as_const(roots)) {
            QDirIterator it(root, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System,
                            QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString path = it.next();
                QFile file(path);
                if (!it.fileInfo().isFile() || it.fileInfo().size() > 64 * 1024 * 1024 ||
                    !file.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray bytes = file.readAll();
                ++scanned;
                for (const QByteArray &form : forms)
                    QVERIFY2(!bytes.contains(form), qPrintable(QStringLiteral("the key is readable in ") + path));
                if (path == StoredKeyRegistry::defaultFilePath())
                    sawRegistry = bytes.contains(provider.toUtf8());
            }
        }
        QVERIFY(scanned > 0);
        QVERIFY2(sawRegistry, "the registry file (provider names) should be among the scanned files");

        QCOMPARE(removeKey(store, provider)->status, KeyStatus::NotStored);
    }
};

QTEST_GUILESS_MAIN(tst_KeychainStore)
#include "tst_keychainstore.moc"
