// SPDX-License-Identifier: GPL-3.0-or-later
// KeyResolver, MemoryKeyStore and the status words, without a keychain.
#include "keytestsupport.h"
#include "secrets/keyresolver.h"
#include "secrets/memorykeystore.h"

#include <QSignalSpy>
#include <QTest>

using namespace versus;

namespace {
const QString kEnv = QStringLiteral("VERSUS_TEST_RESOLVER_API_KEY");

ApiKey key(const char *text)
{
    return ApiKey::fromUtf8(QByteArray(text));
}

std::optional<KeyResult> resolveKey(KeyResolver &resolver, const QString &id, const QString &env = kEnv)
{
    return awaitResult(
        [&](QObject *context, KeyStore::Callback done) { resolver.resolve(id, env, context, std::move(done)); });
}
} // namespace

class tst_KeyResolver : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { qunsetenv(kEnv.toLatin1().constData()); }

    void cleanup() { qunsetenv(kEnv.toLatin1().constData()); }

    void memoryStoreAnswersAsynchronously()
    {
        MemoryKeyStore store;
        QObject context;
        bool answered = false;
        store.read(QStringLiteral("groq"), &context, [&answered](KeyResult) { answered = true; });
        QVERIFY(!answered); // never inside the call
        QTRY_VERIFY(answered);
    }

    void memoryStoreRoundTrip()
    {
        MemoryKeyStore store;
        QSignalSpy changed(&store, &KeyStore::keyChanged);
        QCOMPARE(readKey(store, QStringLiteral("groq"))->status, KeyStatus::NotStored);
        QCOMPARE(writeKey(store, QStringLiteral("groq"), key("gsk_memory_key_00000001"))->status, KeyStatus::Stored);
        QCOMPARE(changed.size(), 1);
        auto read = readKey(store, QStringLiteral("groq"));
        QCOMPARE(read->status, KeyStatus::Stored);
        QCOMPARE(read->source, KeySource::Keychain);
        QVERIFY(read->key.sameKeyAs(key("gsk_memory_key_00000001")));
        QCOMPARE(removeKey(store, QStringLiteral("groq"))->status, KeyStatus::NotStored);
        QCOMPARE(changed.size(), 2);
        QVERIFY(!store.contains(QStringLiteral("groq")));
    }

    void memoryStoreFailure_data()
    {
        QTest::addColumn<KeyStatus>("status");
        QTest::addRow("locked") << KeyStatus::Locked;
        QTest::addRow("no backend") << KeyStatus::NoBackend;
        QTest::addRow("not responding") << KeyStatus::NotResponding;
    }

    void memoryStoreFailure()
    {
        QFETCH(KeyStatus, status);
        MemoryKeyStore store;
        QCOMPARE(writeKey(store, QStringLiteral("groq"), key("gsk_memory_key_00000001"))->status, KeyStatus::Stored);
        store.setFailure(status, QStringLiteral("backend words"));
        auto read = readKey(store, QStringLiteral("groq"));
        QCOMPARE(read->status, status);
        QVERIFY(read->key.isEmpty());
        QCOMPARE(read->detail, QStringLiteral("backend words"));
        QCOMPARE(removeKey(store, QStringLiteral("groq"))->status, status);
        store.setFailure(std::nullopt);
        QCOMPARE(readKey(store, QStringLiteral("groq"))->status, KeyStatus::Stored); // nothing changed
    }

    void environmentWins()
    {
        MemoryKeyStore store;
        writeKey(store, QStringLiteral("groq"), key("gsk_keychain_key_000001"));
        KeyResolver resolver(&store);
        qputenv(kEnv.toLatin1().constData(), "gsk_environment_key_0001\n");
        const int before = store.operationCount();
        auto resolved = resolveKey(resolver, QStringLiteral("groq"));
        QVERIFY(resolved);
        QCOMPARE(resolved->status, KeyStatus::Stored);
        QCOMPARE(resolved->source, KeySource::Environment);
        QVERIFY(resolved->key.sameKeyAs(key("gsk_environment_key_0001")));
        QCOMPARE(store.operationCount(), before); // the keychain was not asked
    }

    void emptyEnvironmentFallsBackToKeychain()
    {
        MemoryKeyStore store;
        writeKey(store, QStringLiteral("groq"), key("gsk_keychain_key_000001"));
        KeyResolver resolver(&store);
        qputenv(kEnv.toLatin1().constData(), "  ");
        auto resolved = resolveKey(resolver, QStringLiteral("groq"));
        QCOMPARE(resolved->source, KeySource::Keychain);
        QVERIFY(resolved->key.sameKeyAs(key("gsk_keychain_key_000001")));
    }

    void malformedEnvironmentIsAnError()
    {
        MemoryKeyStore store;
        writeKey(store, QStringLiteral("groq"), key("gsk_keychain_key_000001"));
        KeyResolver resolver(&store);
        qputenv(kEnv.toLatin1().constData(), "gsk_two keys");
        auto resolved = resolveKey(resolver, QStringLiteral("groq"));
        QCOMPARE(resolved->status, KeyStatus::OtherError);
        QVERIFY(resolved->detail.contains(kEnv));
        QVERIFY(!resolved->detail.contains(QStringLiteral("gsk_two")));
        QVERIFY(resolved->key.isEmpty());
    }

    void keychainKeyIsCachedForTheSession()
    {
        MemoryKeyStore store;
        writeKey(store, QStringLiteral("groq"), key("gsk_keychain_key_000001"));
        KeyResolver resolver(&store);
        const int before = store.operationCount();
        QCOMPARE(resolveKey(resolver, QStringLiteral("groq"))->source, KeySource::Keychain);
        QCOMPARE(store.operationCount(), before + 1);
        QVERIFY(resolver.isCached(QStringLiteral("groq")));
        auto again = resolveKey(resolver, QStringLiteral("groq"));
        QVERIFY(again->key.sameKeyAs(key("gsk_keychain_key_000001")));
        QCOMPARE(store.operationCount(), before + 1);

        resolver.forget(QStringLiteral("groq"));
        QVERIFY(!resolver.isCached(QStringLiteral("groq")));
        resolveKey(resolver, QStringLiteral("groq"));
        QCOMPARE(store.operationCount(), before + 2);
    }

    void concurrentResolvesShareOneRead()
    {
        MemoryKeyStore store;
        writeKey(store, QStringLiteral("groq"), key("gsk_keychain_key_000001"));
        KeyResolver resolver(&store);
        const int before = store.operationCount();
        QObject context;
        int answers = 0;
        for (int i = 0; i < 3; ++i) {
            resolver.resolve(QStringLiteral("groq"), kEnv, &context, [&answers](KeyResult r) {
                if (r.hasKey() && r.source == KeySource::Keychain)
                    ++answers;
            });
        }
        QTRY_COMPARE(answers, 3);
        QCOMPARE(store.operationCount(), before + 1);
    }

    void changedKeyIsForgotten()
    {
        MemoryKeyStore store;
        writeKey(store, QStringLiteral("groq"), key("gsk_old_key_0000000001"));
        KeyResolver resolver(&store);
        resolveKey(resolver, QStringLiteral("groq"));
        QVERIFY(resolver.isCached(QStringLiteral("groq")));
        writeKey(store, QStringLiteral("groq"), key("gsk_new_key_0000000002"));
        QTRY_VERIFY(!resolver.isCached(QStringLiteral("groq")));
        QVERIFY(resolveKey(resolver, QStringLiteral("groq"))->key.sameKeyAs(key("gsk_new_key_0000000002")));
        removeKey(store, QStringLiteral("groq"));
        QTRY_VERIFY(!resolver.isCached(QStringLiteral("groq")));
        QCOMPARE(resolveKey(resolver, QStringLiteral("groq"))->status, KeyStatus::NotStored);
    }

    void forgetDuringReadDoesNotCacheStaleKey()
    {
        MemoryKeyStore store;
        writeKey(store, QStringLiteral("groq"), key("gsk_old_key_0000000001"));
        KeyResolver resolver(&store);
        QObject context;
        bool answered = false;
        resolver.resolve(QStringLiteral("groq"), kEnv, &context, [&answered](KeyResult) { answered = true; });
        resolver.forget(QStringLiteral("groq"));
        QTRY_VERIFY(answered);
        QVERIFY(!resolver.isCached(QStringLiteral("groq")));
    }

    void failuresAreNotCached()
    {
        MemoryKeyStore store;
        writeKey(store, QStringLiteral("groq"), key("gsk_keychain_key_000001"));
        store.setFailure(KeyStatus::Locked);
        KeyResolver resolver(&store);
        auto locked = resolveKey(resolver, QStringLiteral("groq"));
        QCOMPARE(locked->status, KeyStatus::Locked);
        QCOMPARE(locked->source, KeySource::None);
        store.setFailure(std::nullopt);
        auto unlocked = resolveKey(resolver, QStringLiteral("groq"));
        QCOMPARE(unlocked->status, KeyStatus::Stored);
    }

    void statusWords_data()
    {
        QTest::addColumn<KeyStatus>("status");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("advice"); // part of the user message
        QTest::addRow("stored") << KeyStatus::Stored << QStringLiteral("stored") << QStringLiteral("stored")
                                << QStringLiteral("stored");
        QTest::addRow("missing") << KeyStatus::NotStored << QStringLiteral("missing") << QStringLiteral("not_stored")
                                 << QStringLiteral("No key");
        QTest::addRow("locked") << KeyStatus::Locked << QStringLiteral("keyring locked") << QStringLiteral("locked")
                                << QStringLiteral("Unlock");
        QTest::addRow("denied") << KeyStatus::AccessDenied << QStringLiteral("access denied")
                                << QStringLiteral("access_denied") << QStringLiteral("Allow");
        QTest::addRow("no backend") << KeyStatus::NoBackend << QStringLiteral("no keychain service")
                                    << QStringLiteral("no_backend") << QStringLiteral("Install and start");
        QTest::addRow("not responding") << KeyStatus::NotResponding << QStringLiteral("keychain not responding")
                                        << QStringLiteral("not_responding") << QStringLiteral("did not answer");
        QTest::addRow("other") << KeyStatus::OtherError << QStringLiteral("keychain error") << QStringLiteral("error")
                               << QStringLiteral("backend words");
    }

    void statusWords()
    {
        QFETCH(KeyStatus, status);
        QFETCH(QString, label);
        QFETCH(QString, id);
        QFETCH(QString, advice);
        KeyResult result;
        result.status = status;
        result.detail = QStringLiteral("backend words");
        QCOMPARE(keyStatusLabel(status), label);
        QCOMPARE(keyStatusId(status), id);
        QVERIFY2(keyStatusMessage(result).contains(advice), qPrintable(keyStatusMessage(result)));
    }
};

QTEST_GUILESS_MAIN(tst_KeyResolver)
#include "tst_keyresolver.moc"
