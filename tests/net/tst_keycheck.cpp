// SPDX-License-Identifier: GPL-3.0-or-later
// `keys test`: a key is checked against the provider's model list over a real socket.
#include "providers/modellistkeycheck.h"
#include "scriptedserver.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QProcess>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace versus;
using namespace versus::test;

namespace {
const QByteArray kKey = QByteArrayLiteral("gsk_keycheck_canary_0123456789");
const QByteArray kModels = QByteArrayLiteral(
    R"({"object":"list","data":[{"id":"openai/gpt-oss-120b","object":"model","context_window":131072},{"id":"openai/gpt-oss-20b","object":"model"}]})");
} // namespace

class TestKeyCheck : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void outcomes_data();
    void outcomes();
    void unreachable();
    void cli_data();
    void cli();

private:
    KeyCheckResult check(const QUrl &baseUrl);
    std::unique_ptr<ProviderRegistry> m_registry;
    QNetworkAccessManager m_network;
};

void TestKeyCheck::initTestCase()
{
    m_registry = ProviderRegistry::createDefault();
    m_network.setProxy(QNetworkProxy::NoProxy);
}

void TestKeyCheck::cleanup()
{
    qunsetenv("VERSUS_GROQ_BASE_URL");
}

KeyCheckResult TestKeyCheck::check(const QUrl &baseUrl)
{
    qputenv("VERSUS_GROQ_BASE_URL", baseUrl.toEncoded());
    const KeyCheck keyCheck = net::modelListKeyCheck(m_network, *m_registry);
    KeyCheckResult result;
    bool called = false;
    QObject context;
    keyCheck(KeyedProvider{QStringLiteral("groq"), QStringLiteral("Groq"), QStringLiteral("GROQ_API_KEY"), true},
             ApiKey::fromUtf8(kKey), &context, [&](KeyCheckResult r) {
                 result = r;
                 called = true;
             });
    if (!QTest::qWaitFor([&] { return called; }, 30000))
        called = false;
    if (!called)
        result.detail = QStringLiteral("(the check never answered)");
    return result;
}

void TestKeyCheck::outcomes_data()
{
    QTest::addColumn<ScriptedResponse>("response");
    QTest::addColumn<int>("outcome");
    QTest::addColumn<QString>("detail");
    QTest::addRow("valid") << ScriptedResponse::json(200, kModels) << int(KeyCheckResult::Outcome::Valid)
                           << QStringLiteral("2 model");
    QTest::addRow("invalid") << ScriptedResponse::json(401, R"({"error":{"message":"Invalid API Key"}})")
                             << int(KeyCheckResult::Outcome::Invalid) << QStringLiteral("Invalid API Key");
    QTest::addRow("forbidden") << ScriptedResponse::json(403, R"({"error":{"message":"Key disabled"}})")
                               << int(KeyCheckResult::Outcome::Invalid) << QStringLiteral("Key disabled");
    QTest::addRow("server error says nothing about the key")
        << ScriptedResponse::json(500, R"({"error":{"message":"boom"}})") << int(KeyCheckResult::Outcome::Unreachable)
        << QStringLiteral("boom");
}

void TestKeyCheck::outcomes()
{
    QFETCH(ScriptedResponse, response);
    QFETCH(int, outcome);
    QFETCH(QString, detail);
    ScriptedServer server;
    QVERIFY(server.listen());
    server.route("GET", "/openai/v1/models", response);
    const KeyCheckResult result = check(server.url("/openai/v1"));
    QCOMPARE(int(result.outcome), outcome);
    QVERIFY2(result.detail.contains(detail), qPrintable(result.detail));
    QVERIFY(server.requestCount() >= 1);
    QCOMPARE(server.lastRequest().header("authorization"), QByteArray("Bearer " + kKey));
    QVERIFY(!result.detail.contains(QString::fromLatin1(kKey)));
}

void TestKeyCheck::unreachable()
{
    const quint16 port = closedLoopbackPort();
    const KeyCheckResult result = check(QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port)));
    QCOMPARE(result.outcome, KeyCheckResult::Outcome::Unreachable);
    QCOMPARE(result.httpStatus, 0);
}

void TestKeyCheck::cli_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    QTest::addRow("valid") << 200 << 0 << QStringLiteral("valid");
    QTest::addRow("invalid") << 401 << 1 << QStringLiteral("invalid");
}

void TestKeyCheck::cli()
{
    QFETCH(int, status);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    ScriptedServer server;
    QVERIFY(server.listen());
    server.route("GET", "/openai/v1/models",
                 status == 200 ? ScriptedResponse::json(200, kModels)
                               : ScriptedResponse::json(status, R"({"error":{"message":"Invalid API Key"}})"));
    QTemporaryDir home;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("HOME"), home.path());
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), home.path() + QStringLiteral("/config"));
    env.insert(QStringLiteral("XDG_DATA_HOME"), home.path() + QStringLiteral("/data"));
    env.insert(QStringLiteral("XDG_CACHE_HOME"), home.path() + QStringLiteral("/cache"));
    env.insert(QStringLiteral("GROQ_API_KEY"), QString::fromLatin1(kKey));
    env.insert(QStringLiteral("VERSUS_GROQ_BASE_URL"), server.url("/openai/v1").toString());
    env.insert(QStringLiteral("no_proxy"), QStringLiteral("*"));
    env.remove(QStringLiteral("http_proxy"));
    QProcess process;
    process.setProcessEnvironment(env);
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(VERSUS_CLI), {QStringLiteral("keys"), QStringLiteral("test"), QStringLiteral("groq")});
    QVERIFY(finished.wait(30000)); // the server answers from this event loop meanwhile
    const QString all =
        QString::fromUtf8(process.readAllStandardOutput()) + QString::fromUtf8(process.readAllStandardError());
    QCOMPARE(process.exitCode(), exitCode);
    QVERIFY2(all.contains(says, Qt::CaseInsensitive), qPrintable(all));
    QVERIFY(!all.contains(QString::fromLatin1(kKey)));
    QVERIFY(all.contains(u"gsk_…6789"));
}

QTEST_GUILESS_MAIN(TestKeyCheck)
#include "tst_keycheck.moc"
