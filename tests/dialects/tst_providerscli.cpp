// SPDX-License-Identifier: GPL-3.0-or-later
// The built versus-cli end to end against the loopback server: every provider's recorded-shape
// fixtures through `chat --json`, a provider that exists only as a user catalog entry, `models`
// against every list shape with its cache, an unreachable local server, and Synesia refusing
// tools before anything is sent.
//
// Each run gets a private HOME and XDG folders, fake keys instead of the real *_API_KEY
// variables and no proxy. The CLI is started with QProcess and awaited with QSignalSpy::wait,
// so the server (which lives in this test's event loop) answers while the CLI runs.
#include "clirun.h"
#include "fixture.h"
#include "scriptedserver.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace versus::test;

namespace {

using Run = CliRun;

struct ProviderSetup {
    QString model;
    QString basePath;    ///< the --base-url path on the loopback server
    QString requestPath; ///< where the chat request must arrive
    QString auth;        ///< "bearer", "x-api-key", "x-goog-api-key" or "none"
    bool streamOptions = false;
};

ProviderSetup setupFor(const QString &provider)
{
    const QString chat = QStringLiteral("/v1/chat/completions");
    if (provider == u"synesia")
        return {QStringLiteral("groq/gpt-oss-120b"), QStringLiteral("/"), QStringLiteral("/v1/llm-exec/round/stream"),
                QStringLiteral("x-api-key"), false};
    if (provider == u"anthropic")
        return {QStringLiteral("claude-sonnet-4-5"), QStringLiteral("/"), QStringLiteral("/v1/messages"),
                QStringLiteral("x-api-key"), false};
    if (provider == u"gemini")
        return {QStringLiteral("gemini-2.5-flash"), QStringLiteral("/v1beta"),
                QStringLiteral("/v1beta/models/gemini-2.5-flash:streamGenerateContent"),
                QStringLiteral("x-goog-api-key"), false};
    if (provider == u"openai")
        return {QStringLiteral("gpt-4o-mini"), QStringLiteral("/v1"), chat, QStringLiteral("bearer"), true};
    if (provider == u"openrouter")
        return {QStringLiteral("openai/gpt-oss-120b"), QStringLiteral("/api/v1"), QStringLiteral("/api") + chat,
                QStringLiteral("bearer"), true};
    if (provider == u"mistral")
        return {QStringLiteral("mistral-small-latest"), QStringLiteral("/v1"), chat, QStringLiteral("bearer"), false};
    if (provider == u"ollama")
        return {QStringLiteral("llama3.2:3b"), QStringLiteral("/v1"), chat, QStringLiteral("none"), true};
    if (provider == u"llamacpp")
        return {QStringLiteral("local-model"), QStringLiteral("/v1"), chat, QStringLiteral("none"), true};
    if (provider == u"lmstudio")
        return {QStringLiteral("qwen2.5-7b-instruct"), QStringLiteral("/v1"), chat, QStringLiteral("none"), true};
    if (provider == u"groq")
        return {QStringLiteral("openai/gpt-oss-120b"), QStringLiteral("/openai/v1"), QStringLiteral("/openai") + chat,
                QStringLiteral("bearer"), true};
    if (provider == u"together")
        return {QStringLiteral("openai/gpt-oss-120b"), QStringLiteral("/v1"), chat, QStringLiteral("bearer"), false};
    if (provider == u"deepseek")
        return {QStringLiteral("deepseek-flash"), QStringLiteral(""), QStringLiteral("/chat/completions"),
                QStringLiteral("bearer"), true};
    return {};
}

QByteArray fakeKey(const QString &provider)
{
    return "test-" + provider.toLatin1() + "-key-0001";
}

QString keyVariable(const QString &provider)
{
    QString name = provider.toUpper();
    for (QChar &c : name) {
        if (!c.isLetterOrNumber())
            c = u'_';
    }
    return name + QStringLiteral("_API_KEY");
}

bool nearlyEqual(const QJsonValue &a, const QJsonValue &b)
{
    if (a.isDouble() && b.isDouble())
        return std::abs(a.toDouble() - b.toDouble()) <= 0.0051 + 1e-9 * std::abs(b.toDouble());
    return a == b;
}

QString show(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}

QJsonObject findById(const QJsonArray &array, const QString &id)
{
    for (const QJsonValue &value : array) {
        if (value.toObject().value(u"id").toString() == id)
            return value.toObject();
    }
    return {};
}

QByteArray modelList(const QString &shape)
{
    QFile file(QStringLiteral(VERSUS_TEST_DATA_DIR "/data/models_%1.json").arg(shape));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

} // namespace

class TestProvidersCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void fixtures_data();
    void fixtures();
    void catalogOnlyProvider();
    void anthropicCostAndMetrics();
    void providersListsCapabilities();
    void versionNamesQtAndQtKeychain();
    void providersTextMarksEveryCapability();
    void synesiaToolsRefusedBeforeSending();
    void localServerNotRunning_data();
    void localServerNotRunning();
    void models_data();
    void models();
    void modelsReadableText();
    void modelsAllShowsNonChat();
    void modelsHttpError();
    void modelsSynesiaFromCatalog();
    void modelsCachedWithoutCache();
    void laneResultSchema();

private:
    bool runCli(const QStringList &arguments, Run &run, const QMap<QString, QString> &extraEnv = {});
    QProcessEnvironment environment(const QMap<QString, QString> &extraEnv) const;
    void writeUserCatalog(const QByteArray &json);
    void compareLane(const QJsonObject &lane, const QJsonObject &expected);

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ScriptedServer> m_server;
};

void TestProvidersCli::initTestCase()
{
    QVERIFY2(QFile::exists(QStringLiteral(VERSUS_CLI_PATH)), VERSUS_CLI_PATH);
}

void TestProvidersCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    for (const char *dir : {"config", "cache", "data"})
        QVERIFY(QDir(m_home->path()).mkpath(QString::fromLatin1(dir)));
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
}

void TestProvidersCli::cleanup()
{
    m_server.reset();
    m_home.reset();
}

QProcessEnvironment TestProvidersCli::environment(const QMap<QString, QString> &extraEnv) const
{
    QMap<QString, QString> extra;
    for (const char *provider :
         {"synesia", "anthropic", "gemini", "openai", "openrouter", "mistral", "groq", "together", "deepseek"}) {
        const QString id = QString::fromLatin1(provider);
        extra.insert(keyVariable(id), QString::fromLatin1(fakeKey(id)));
    }
    for (auto it = extraEnv.begin(); it != extraEnv.end(); ++it)
        extra.insert(it.key(), it.value());
    return privateCliEnvironment(m_home->path(), extra);
}

bool TestProvidersCli::runCli(const QStringList &arguments, Run &run, const QMap<QString, QString> &extraEnv)
{
    return runCliProcess(QStringLiteral(VERSUS_CLI_PATH), arguments, environment(extraEnv), run);
}

void TestProvidersCli::writeUserCatalog(const QByteArray &json)
{
    const QString dir = m_home->filePath(QStringLiteral("config/versus"));
    QVERIFY(QDir().mkpath(dir));
    QFile file(dir + QStringLiteral("/providers.json"));
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    QCOMPARE(file.write(json), json.size());
}

// The lane result against a fixture's .expected.json (see tests/support/fixture.h); extra
// members some fixtures carry: "provider_cost_usd", usage "source", server "output_tokens_per_s".
void TestProvidersCli::compareLane(const QJsonObject &lane, const QJsonObject &expected)
{
    const QString status = expected.value(u"status").toString();
    QCOMPARE(lane.value(u"status").toString(), status);
    QCOMPARE(lane.value(u"text").toString(), expected.value(u"text").toString());
    QCOMPARE(lane.value(u"reasoning").toString(), expected.value(u"reasoning").toString());
    QCOMPARE(lane.value(u"finish_reason"), expected.value(u"finish_reason"));

    const QJsonArray calls = lane.value(u"tool_calls").toArray();
    const QJsonArray expectedCalls = expected.value(u"tool_calls").toArray();
    QCOMPARE(calls.size(), expectedCalls.size());
    for (qsizetype i = 0; i < calls.size(); ++i) {
        const QJsonObject call = calls.at(i).toObject();
        const QJsonObject want = expectedCalls.at(i).toObject();
        for (const char16_t *key : {u"id", u"name", u"arguments"})
            QCOMPARE(call.value(key).toString(), want.value(key).toString());
        QCOMPARE(call.value(u"valid_json").toBool(), true);
    }

    const QJsonValue usage = lane.value(u"usage");
    const QJsonValue expectedUsage = expected.value(u"usage");
    if (expectedUsage.isObject() && expectedUsage.toObject().value(u"source").toString() == u"estimated") {
        QCOMPARE(usage.toObject().value(u"source").toString(), QStringLiteral("estimated"));
        QVERIFY(usage.toObject().value(u"completion_tokens").toInteger() > 0);
    } else if (expectedUsage.isObject()) {
        QCOMPARE(usage.toObject().value(u"source").toString(), QStringLiteral("provider"));
        const QJsonObject want = expectedUsage.toObject();
        for (auto it = want.begin(); it != want.end(); ++it)
            QVERIFY2(usage.toObject().value(it.key()) == it.value(),
                     qPrintable(it.key() + u": " + show(usage.toObject().value(it.key()))));
    } else {
        // Nothing reported: nothing at all, or Versus' estimate for a partial answer.
        QVERIFY2(usage.isNull() || usage.toObject().value(u"source").toString() == u"estimated",
                 qPrintable(show(usage)));
    }

    const QJsonValue server = lane.value(u"metrics").toObject().value(u"server");
    if (expected.value(u"server").isObject()) {
        QVERIFY(server.isObject());
        const QJsonObject want = expected.value(u"server").toObject();
        for (auto it = want.begin(); it != want.end(); ++it)
            QVERIFY2(nearlyEqual(server.toObject().value(it.key()), it.value()),
                     qPrintable(it.key() + u": " + show(server.toObject().value(it.key()))));
    } else {
        QVERIFY2(server.isNull(), qPrintable(show(server)));
    }

    const QJsonValue rateLimit = lane.value(u"rate_limit");
    if (expected.value(u"rate_limit").isObject()) {
        QVERIFY(rateLimit.isObject());
        const QJsonObject want = expected.value(u"rate_limit").toObject();
        for (auto it = want.begin(); it != want.end(); ++it)
            QVERIFY2(nearlyEqual(rateLimit.toObject().value(it.key()), it.value()),
                     qPrintable(it.key() + u": " + show(rateLimit.toObject().value(it.key()))));
    } else {
        QVERIFY2(rateLimit.isNull(), qPrintable(show(rateLimit)));
    }

    if (expected.contains(u"provider_cost_usd"))
        QVERIFY(nearlyEqual(lane.value(u"provider_cost_usd"), expected.value(u"provider_cost_usd")));

    const QJsonValue error = lane.value(u"error");
    if (expected.value(u"error").isObject()) {
        QVERIFY(error.isObject());
        const QJsonObject want = expected.value(u"error").toObject();
        QCOMPARE(error.toObject().value(u"kind").toString(), want.value(u"kind").toString());
        QCOMPARE(error.toObject().value(u"http_status").toInt(), want.value(u"http_status").toInt());
        const QString message = error.toObject().value(u"message").toString();
        QVERIFY2(message.contains(want.value(u"message_contains").toString()), qPrintable(message));
        if (want.contains(u"retry_after_s"))
            QVERIFY(nearlyEqual(error.toObject().value(u"retry_after_s"), want.value(u"retry_after_s")));
    } else {
        QVERIFY2(error.isNull(), qPrintable(show(error)));
    }
}

void TestProvidersCli::fixtures_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("name");
    for (const char *provider : {"groq", "together", "deepseek", "synesia", "anthropic", "gemini", "openai",
                                 "openrouter", "mistral", "ollama", "llamacpp", "lmstudio"}) {
        const QString id = QString::fromLatin1(provider);
        const QStringList names = fixtureNames(id);
        QVERIFY2(!names.isEmpty(), provider);
        for (const QString &name : names)
            QTest::addRow("%s/%s", provider, qPrintable(name)) << id << name;
    }
}

void TestProvidersCli::fixtures()
{
    QFETCH(QString, provider);
    QFETCH(QString, name);
    const Fixture fixture = loadFixture(provider, name);
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error));
    const ProviderSetup setup = setupFor(provider);
    // Routed, so that every attempt (ChatStream retries 429 and 5xx) gets the same answer. A
    // recorded retry-after of seconds is shortened so the two retries do not slow the suite;
    // tst_chatstream checks the recorded value itself.
    ScriptedResponse response = fixture.response;
    QJsonObject expected = fixture.expected;
    if (response.header("retry-after").toDouble() > 1) {
        response.setHeader("retry-after", "0.01");
        QJsonObject error = expected.value(u"error").toObject();
        error.insert(QStringLiteral("retry_after_s"), 0.01);
        expected.insert(QStringLiteral("error"), error);
    }
    m_server->route("POST", setup.requestPath.toLatin1(), response);

    Run run;
    QVERIFY(runCli({QStringLiteral("chat"), QStringLiteral("-t"), provider + u':' + setup.model,
                    QStringLiteral("--base-url"), m_server->url(setup.basePath).toString(), QStringLiteral("--json"),
                    QStringLiteral("--timeout"), QStringLiteral("10"), QStringLiteral("hi")},
                   run));
    const bool ok = expected.value(u"status").toString() == u"ok";
    QVERIFY2(run.exitCode == (ok ? 0 : 1), qPrintable(run.err));
    QJsonParseError parseError{};
    const QJsonObject lane = QJsonDocument::fromJson(run.out, &parseError).object();
    QVERIFY2(parseError.error == QJsonParseError::NoError, run.out.constData());
    QCOMPARE(lane.value(u"provider").toString(), provider);
    QCOMPARE(lane.value(u"model").toString(), setup.model);
    compareLane(lane, expected);
    if (QTest::currentTestFailed())
        return;

    // What the server received.
    const int status = fixture.response.status;
    const bool retried = status == 429 || status == 408 || status >= 500;
    QCOMPARE(m_server->requestCount(), retried ? 3 : 1);
    const RecordedRequest request = m_server->request(0);
    QCOMPARE(request.method, QByteArray("POST"));
    QCOMPARE(request.pathWithoutQuery(), setup.requestPath.toLatin1());
    QVERIFY(request.header("Content-Type").startsWith("application/json"));
    if (setup.auth == u"bearer") {
        QCOMPARE(request.header("Authorization"), "Bearer " + fakeKey(provider));
        QVERIFY(!request.hasHeader("x-api-key"));
    } else if (setup.auth == u"x-api-key") {
        QCOMPARE(request.header("x-api-key"), fakeKey(provider));
        QVERIFY(!request.hasHeader("Authorization"));
    } else if (setup.auth == u"x-goog-api-key") {
        QCOMPARE(request.header("x-goog-api-key"), fakeKey(provider));
        QVERIFY(!request.hasHeader("Authorization"));
        QVERIFY(!request.hasHeader("x-api-key"));
        QCOMPARE(request.path, setup.requestPath.toLatin1() + "?alt=sse"); // and no key in the request line
    } else {
        QVERIFY(!request.hasHeader("Authorization"));
        QVERIFY(!request.hasHeader("x-api-key"));
    }
    const QJsonObject body = request.json();
    if (provider == u"gemini") {
        const QJsonArray contents = body.value(u"contents").toArray();
        QCOMPARE(contents.size(), 1);
        QCOMPARE(contents.first()[u"role"].toString(), QStringLiteral("user"));
        QCOMPARE(contents.first()[u"parts"][0][u"text"].toString(), QStringLiteral("hi"));
        QVERIFY(!body.contains(u"tools"));
        return;
    }
    QCOMPARE(body.value(u"model").toString(), setup.model);
    const QJsonArray messages = body.value(u"messages").toArray();
    QCOMPARE(messages.last().toObject().value(u"role").toString(), QStringLiteral("user"));
    if (provider == u"anthropic") { // content blocks, system and max_tokens at the top level
        QCOMPARE(messages.last().toObject().value(u"content").toArray(),
                 (QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("text")},
                                         {QStringLiteral("text"), QStringLiteral("hi")}}}));
        QCOMPARE(request.header("anthropic-version"), QByteArray("2023-06-01"));
        QCOMPARE(body.value(u"max_tokens").toInteger(), qint64(64000));
    } else {
        QCOMPARE(messages.last().toObject().value(u"content").toString(), QStringLiteral("hi"));
    }
    if (provider == u"synesia") {
        QCOMPARE(body.value(u"config").toObject().value(u"max_loops").toInt(), 10);
        QVERIFY(!body.contains(u"stream"));
        QVERIFY(!body.contains(u"tools"));
    } else {
        QCOMPARE(body.value(u"stream").toBool(), true);
        QCOMPARE(body.value(u"stream_options").toObject().value(u"include_usage").toBool(), setup.streamOptions);
    }
}

// An Anthropic answer with cache reads and writes, through VERSUS_ANTHROPIC_BASE_URL: the usage
// keeps both counts, the cost bills each at its own price, the metrics are measured.
void TestProvidersCli::anthropicCostAndMetrics()
{
    const Fixture fixture = loadFixture(QStringLiteral("anthropic"), QStringLiteral("cache_usage"));
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error));
    ScriptedResponse response = fixture.response;
    response.splitBodyAtEvents();
    m_server->route("POST", "/gateway/v1/messages", response);
    Run run;
    QVERIFY(runCli({QStringLiteral("chat"), QStringLiteral("-t"), QStringLiteral("anthropic:claude-sonnet-4-5"),
                    QStringLiteral("--json"), QStringLiteral("--system"), QStringLiteral("Quote the contract."),
                    QStringLiteral("What is the notice period?")},
                   run, {{QStringLiteral("VERSUS_ANTHROPIC_BASE_URL"), m_server->url("/gateway/v1").toString()}}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject lane = run.json();
    QCOMPARE(lane.value(u"target").toString(), QStringLiteral("anthropic:claude-sonnet-4-5"));
    QCOMPARE(lane.value(u"status").toString(), QStringLiteral("ok"));
    QCOMPARE(lane.value(u"finish_reason").toString(), QStringLiteral("length"));
    QCOMPARE(lane.value(u"text").toString(), fixture.expected.value(u"text").toString());
    const QJsonObject usage = lane.value(u"usage").toObject();
    QCOMPARE(usage.value(u"prompt_tokens").toInteger(), qint64(12300));
    QCOMPARE(usage.value(u"cached_prompt_tokens").toInteger(), qint64(10240));
    QCOMPARE(usage.value(u"cache_write_tokens").toInteger(), qint64(2048));
    QCOMPARE(usage.value(u"completion_tokens").toInteger(), qint64(85));
    QCOMPARE(usage.value(u"source").toString(), QStringLiteral("provider"));

    // Sonnet 4.5: $3 input, $0.30 cache read, $3.75 cache write, $15 output per million tokens.
    // 12 misses = 36 µ$, 10240 read = 3072 µ$, 2048 written = 7680 µ$, 85 out = 1275 µ$.
    const QJsonObject cost = lane.value(u"cost").toObject();
    QVERIFY2(!cost.isEmpty(), qPrintable(show(lane.value(u"cost"))));
    QCOMPARE(qRound64(cost.value(u"cached_input_usd").toDouble() * 1e6), qint64(3072));
    QCOMPARE(qRound64(cost.value(u"cache_write_usd").toDouble() * 1e6), qint64(7680));
    QCOMPARE(qRound64(cost.value(u"input_usd").toDouble() * 1e6), qint64(36 + 3072 + 7680));
    QCOMPARE(qRound64(cost.value(u"output_usd").toDouble() * 1e6), qint64(1275));
    QCOMPARE(qRound64(cost.value(u"total_usd").toDouble() * 1e6), qint64(36 + 3072 + 7680 + 1275));
    QCOMPARE(cost.value(u"estimated").toBool(), false);
    QVERIFY(cost.value(u"price_source").toString().contains(u"claude.com"));

    const QJsonObject metrics = lane.value(u"metrics").toObject();
    QVERIFY(metrics.value(u"ttft_ms").toDouble() > 0);
    QVERIFY(metrics.value(u"e2e_ms").toDouble() >= metrics.value(u"ttft_ms").toDouble());
    QVERIFY(metrics.value(u"chunks").toInt() >= 1); // reads may coalesce the events
    QVERIFY(metrics.value(u"server").isNull());

    QCOMPARE(m_server->requestCount(), 1);
    const QJsonObject body = m_server->request(0).json();
    QCOMPARE(body.value(u"system").toString(), QStringLiteral("Quote the contract."));
    QCOMPARE(m_server->request(0).header("x-api-key"), fakeKey(QStringLiteral("anthropic")));
}

void TestProvidersCli::catalogOnlyProvider()
{
    const Fixture fixture = loadFixture(QStringLiteral("custom"), QStringLiteral("text"));
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error));
    m_server->route("POST", "/proxy/v1/chat/completions", fixture.response);
    const QString base = m_server->url("/proxy/v1").toString();
    writeUserCatalog(QStringLiteral(R"({"providers": [
  {"id": "myproxy", "name": "My Proxy", "base_url": "%1", "key_env": "MYPROXY_TOKEN",
   "models": [{"id": "some-model", "name": "Some Model", "capabilities": {"function_calls": false}}]},
  {"id": "broken", "name": "Broken", "base_url": "ftp://files.example/v1"},
  {"id": "lan-box", "name": "LAN box", "base_url": "%1", "local": true}
]})")
                         .arg(base)
                         .toUtf8());
    const QString userFile = m_home->filePath(QStringLiteral("config/versus/providers.json"));

    Run run;
    QVERIFY(runCli({QStringLiteral("chat"), QStringLiteral("-t"), QStringLiteral("myproxy:some-model"),
                    QStringLiteral("--json"), QStringLiteral("hi")},
                   run, {{QStringLiteral("MYPROXY_TOKEN"), QStringLiteral("proxy-token-1234")}}));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject lane = run.json();
    QCOMPARE(lane.value(u"target").toString(), QStringLiteral("myproxy:some-model"));
    compareLane(lane, fixture.expected);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(m_server->requestCount(), 1);
    QCOMPARE(m_server->request(0).header("Authorization"), QByteArray("Bearer proxy-token-1234"));
    QCOMPARE(m_server->request(0).json().value(u"model").toString(), QStringLiteral("some-model"));
    // The malformed entry is reported with file, entry and reason; the good ones still work.
    QVERIFY2(run.err.contains(userFile), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"providers[1] (broken)"), qPrintable(run.err));
    QVERIFY2(run.err.contains(u"base_url"), qPrintable(run.err));

    // The catalog's capabilities are enforced for it too: nothing is sent.
    const QString toolsPath = m_home->filePath(QStringLiteral("tools.json"));
    QFile tools(toolsPath);
    QVERIFY(tools.open(QIODevice::WriteOnly));
    tools.write(R"([{"type": "function", "function": {"name": "get_weather", "parameters": {"type": "object"}},
                     "result": {"mock": {"temp_c": 21}}}])");
    tools.close();
    Run refused;
    QVERIFY(runCli({QStringLiteral("chat"), QStringLiteral("-t"), QStringLiteral("myproxy:some-model"),
                    QStringLiteral("--tools"), toolsPath, QStringLiteral("--json"), QStringLiteral("hi")},
                   refused, {{QStringLiteral("MYPROXY_TOKEN"), QStringLiteral("proxy-token-1234")}}));
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(refused.json().value(u"error").toObject().value(u"kind").toString(), QStringLiteral("config"));
    QCOMPARE(m_server->requestCount(), 1);

    // A keyless local entry: no key, no auth header.
    Run local;
    QVERIFY(runCli({QStringLiteral("chat"), QStringLiteral("-t"), QStringLiteral("lan-box:any-model"),
                    QStringLiteral("--json"), QStringLiteral("hi")},
                   local));
    QVERIFY2(local.exitCode == 0, qPrintable(local.err));
    QCOMPARE(local.json().value(u"text").toString(), fixture.expected.value(u"text").toString());
    QCOMPARE(m_server->requestCount(), 2);
    QVERIFY(!m_server->request(1).hasHeader("Authorization"));

    Run providers;
    QVERIFY(runCli({QStringLiteral("providers"), QStringLiteral("--json")}, providers,
                   {{QStringLiteral("MYPROXY_TOKEN"), QStringLiteral("proxy-token-1234")}}));
    QCOMPARE(providers.exitCode, 0);
    const QJsonObject doc = providers.json();
    const QJsonObject myproxy = findById(doc.value(u"providers").toArray(), QStringLiteral("myproxy"));
    QCOMPARE(myproxy.value(u"origin").toString(), QStringLiteral("user"));
    QCOMPARE(myproxy.value(u"dialect").toString(), QStringLiteral("openai"));
    QCOMPARE(myproxy.value(u"base_url").toString(), base);
    QCOMPARE(myproxy.value(u"key_env").toString(), QStringLiteral("MYPROXY_TOKEN"));
    QCOMPARE(myproxy.value(u"key_status").toString(), QStringLiteral("env"));
    const QJsonObject model = myproxy.value(u"models").toArray().first().toObject();
    QCOMPARE(model.value(u"capabilities").toObject().value(u"function_calls"), QJsonValue(false));
    QVERIFY(findById(doc.value(u"providers").toArray(), QStringLiteral("broken")).isEmpty());
    QCOMPARE(findById(doc.value(u"providers").toArray(), QStringLiteral("lan-box")).value(u"key_required"),
             QJsonValue(false));
    const QJsonArray problems = doc.value(u"problems").toArray();
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().toString().contains(u"providers[1] (broken)"));
}

void TestProvidersCli::providersListsCapabilities()
{
    Run run;
    QVERIFY(runCli({QStringLiteral("providers"), QStringLiteral("--json")}, run));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QJsonArray providers = run.json().value(u"providers").toArray();
    for (const char *id :
         {"synesia", "openai", "openrouter", "mistral", "ollama", "llamacpp", "lmstudio", "groq", "together"})
        QVERIFY2(!findById(providers, QString::fromLatin1(id)).isEmpty(), id);
    const QJsonObject synesia = findById(providers, QStringLiteral("synesia"));
    QCOMPARE(synesia.value(u"dialect").toString(), QStringLiteral("synesia"));
    QCOMPARE(synesia.value(u"key_env").toString(), QStringLiteral("SYNESIA_API_KEY"));
    QCOMPARE(synesia.value(u"key_status").toString(), QStringLiteral("env"));
    const QJsonObject caps = synesia.value(u"capabilities").toObject();
    QCOMPARE(caps.value(u"streaming"), QJsonValue(true));
    QCOMPARE(caps.value(u"function_calls"), QJsonValue(false));
    QCOMPARE(caps.value(u"structured_output"), QJsonValue(false));
    for (const QJsonValue &model : synesia.value(u"models").toArray())
        QCOMPARE(model.toObject().value(u"capabilities").toObject().value(u"function_calls"), QJsonValue(false));
    for (const char *id : {"ollama", "llamacpp", "lmstudio"}) {
        const QJsonObject local = findById(providers, QString::fromLatin1(id));
        QCOMPARE(local.value(u"local"), QJsonValue(true));
        QCOMPARE(local.value(u"key_status").toString(), QStringLiteral("not_needed"));
        QVERIFY(local.value(u"base_url").toString().startsWith(u"http://localhost:"));
    }
}

// --version: the release, the Qt this process runs on (qVersion(), the same library the CLI
// loads) and the QtKeychain the build found (its CMake package's version, passed to this test
// apart from the one core compiles in).
void TestProvidersCli::versionNamesQtAndQtKeychain()
{
    Run run;
    QVERIFY(runCli({QStringLiteral("--version")}, run));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.err.isEmpty(), qPrintable(run.err));
    const QString expected = QStringLiteral("versus-cli " VERSUS_VERSION " (Qt ") + QString::fromLatin1(qVersion()) +
                             QStringLiteral(", QtKeychain " VERSUS_EXPECTED_QTKEYCHAIN_VERSION ")\n");
    QCOMPARE(QString::fromUtf8(run.out), expected);
    QVERIFY(!QStringLiteral(VERSUS_EXPECTED_QTKEYCHAIN_VERSION).isEmpty());
}

// The text listing marks each model's six capabilities (S F R B J V, '-' without, '?' unknown):
// one character each, nothing else (the image mark once read past the end of its table).
void TestProvidersCli::providersTextMarksEveryCapability()
{
    Run run;
    QVERIFY(runCli({QStringLiteral("providers")}, run));
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(!run.out.contains('\0'), run.out.constData());
    static const QRegularExpression modelLine(QStringLiteral(R"(^  (\S{6})  \S)"));
    static const QRegularExpression marks(QStringLiteral(R"(^[S?-][F?-][R?-][B?-][J?-][V?-]$)"));
    int models = 0;
    bool seesImages = false;
    const QStringList lines = QString::fromUtf8(run.out).split(u'\n');
    for (const QString &line : lines) {
        const QRegularExpressionMatch match = modelLine.match(line);
        if (!match.hasMatch())
            continue;
        ++models;
        QVERIFY2(marks.match(match.captured(1)).hasMatch(), qPrintable(line));
        seesImages = seesImages || match.captured(1).endsWith(u'V');
    }
    QVERIFY2(models > 20, qPrintable(QString::fromUtf8(run.out)));
    QVERIFY(seesImages); // the catalog has models that see images (gpt-4o-mini, Gemini…)
}

void TestProvidersCli::synesiaToolsRefusedBeforeSending()
{
    m_server->route("POST", "/v1/llm-exec/round/stream",
                    loadFixture(QStringLiteral("synesia"), QStringLiteral("text")).response);
    const QString toolsPath = m_home->filePath(QStringLiteral("tools.json"));
    QFile tools(toolsPath);
    QVERIFY(tools.open(QIODevice::WriteOnly));
    tools.write(R"([{"type": "function", "function": {"name": "get_weather", "description": "Weather of a city",
      "parameters": {"type": "object", "properties": {"city": {"type": "string"}}}}, "result": {"mock": {"temp": 21}}}])");
    tools.close();

    for (const bool json : {true, false}) {
        QStringList arguments{QStringLiteral("chat"),
                              QStringLiteral("-t"),
                              QStringLiteral("synesia:groq/gpt-oss-120b"),
                              QStringLiteral("--base-url"),
                              m_server->url("/").toString(),
                              QStringLiteral("--tools"),
                              toolsPath};
        if (json)
            arguments << QStringLiteral("--json");
        arguments << QStringLiteral("hi");
        Run run;
        QVERIFY(runCli(arguments, run));
        QCOMPARE(run.exitCode, 1);
        if (json) {
            const QJsonObject error = run.json().value(u"error").toObject();
            QCOMPARE(error.value(u"kind").toString(), QStringLiteral("config"));
            QVERIFY2(error.value(u"message").toString().contains(u"function calls"),
                     qPrintable(error.value(u"message").toString()));
            QCOMPARE(run.json().value(u"status").toString(), QStringLiteral("error"));
        } else {
            QVERIFY2(run.err.contains(u"config") && run.err.contains(u"function calls"), qPrintable(run.err));
        }
    }
    QTest::qWait(100);
    QCOMPARE(m_server->requestCount(), 0);
    QCOMPARE(m_server->connectionsAccepted(), 0);

    // The same request without tools goes through.
    Run plain;
    QVERIFY(runCli({QStringLiteral("chat"), QStringLiteral("-t"), QStringLiteral("synesia:groq/gpt-oss-120b"),
                    QStringLiteral("--base-url"), m_server->url("/").toString(), QStringLiteral("hi")},
                   plain));
    QVERIFY2(plain.exitCode == 0, qPrintable(plain.err));
    QVERIFY(plain.out.startsWith("Bonjour !"));
    QCOMPARE(m_server->requestCount(), 1);
}

void TestProvidersCli::localServerNotRunning_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("command");
    QTest::addRow("ollama models") << "ollama"
                                   << "Ollama"
                                   << "models";
    QTest::addRow("ollama chat") << "ollama"
                                 << "Ollama"
                                 << "chat";
    QTest::addRow("llama.cpp models") << "llamacpp"
                                      << "llama.cpp"
                                      << "models";
    QTest::addRow("lm studio chat") << "lmstudio"
                                    << "LM Studio"
                                    << "chat";
}

void TestProvidersCli::localServerNotRunning()
{
    QFETCH(QString, provider);
    QFETCH(QString, name);
    QFETCH(QString, command);
    const quint16 port = closedLoopbackPort();
    const QMap<QString, QString> env{{QStringLiteral("VERSUS_%1_BASE_URL").arg(provider.toUpper()),
                                      QStringLiteral("http://127.0.0.1:%1/v1").arg(port)}};
    const QStringList arguments = command == u"models"
                                      ? QStringList{QStringLiteral("models"), provider}
                                      : QStringList{QStringLiteral("chat"), QStringLiteral("-t"),
                                                    provider + QStringLiteral(":some-model"), QStringLiteral("hi")};
    const QString friendly = QStringLiteral("%1 is not running on 127.0.0.1:%2").arg(name).arg(port);
    Run run;
    QVERIFY(runCli(arguments, run, env));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(friendly), qPrintable(run.err));
    QVERIFY2(!run.err.contains(u"retry"), qPrintable(run.err)); // a stopped local server is not retried

    QStringList jsonArguments = arguments;
    jsonArguments.insert(command == u"chat" ? jsonArguments.size() - 1 : jsonArguments.size(),
                         QStringLiteral("--json"));
    Run json;
    QVERIFY(runCli(jsonArguments, json, env));
    QCOMPARE(json.exitCode, 1);
    const QJsonObject error = json.json().value(u"error").toObject();
    QCOMPARE(error.value(u"kind").toString(), QStringLiteral("network"));
    QVERIFY2(error.value(u"message").toString().contains(friendly), qPrintable(error.value(u"message").toString()));
}

void TestProvidersCli::models_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("shape");
    QTest::addColumn<QString>("basePath");
    QTest::addColumn<int>("shown");
    QTest::addColumn<int>("hidden");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QByteArray>("expected"); // members the model's JSON must have (enforced capabilities)
    QTest::addColumn<bool>("keyed");

    QTest::addRow("openai data") << "openai"
                                 << "openai"
                                 << "/v1" << 5 << 0 << "o4-mini" << QByteArray(R"({
        "name": "o4-mini", "context_window": 200000, "max_output_tokens": 100000, "pricing": null,
        "capabilities": {"streaming": true, "function_calls": true, "reasoning": true, "builtin_tools": false,
                         "structured_output": true}})")
                                 << true;
    QTest::addRow("together bare array") << "together"
                                         << "together"
                                         << "/v1" << 3 << 2 << "openai/gpt-oss-120b" << QByteArray(R"({
        "context_window": 131072, "type": "chat", "owned_by": "OpenAI",
        "pricing": {"input_per_mtok": 0.15, "output_per_mtok": 0.6, "cached_input_per_mtok": null},
        "capabilities": {"function_calls": true, "reasoning": true, "structured_output": true, "builtin_tools": false}})")
                                         << true;
    QTest::addRow("groq features") << "groq"
                                   << "groq"
                                   << "/openai/v1" << 3 << 0 << "qwen/qwen3-next-80b" << QByteArray(R"({
        "context_window": 262144, "max_output_tokens": 32768,
        "capabilities": {"streaming": true, "function_calls": true, "reasoning": false, "structured_output": false}})")
                                   << true;
    QTest::addRow("openrouter string prices") << "openrouter"
                                              << "openrouter"
                                              << "/api/v1" << 3 << 0 << "openai/gpt-oss-120b" << QByteArray(R"({
        "name": "GPT-OSS 120B", "context_window": 131072, "max_output_tokens": 32768,
        "pricing": {"input_per_mtok": 0.15, "output_per_mtok": 0.6, "cached_input_per_mtok": 0.075},
        "capabilities": {"function_calls": true, "reasoning": true, "builtin_tools": false}})")
                                              << true;
    QTest::addRow("llama.cpp single model")
        << "llamacpp"
        << "llamacpp"
        << "/v1" << 1 << 0 << "Qwen3-4B-Instruct-2507-Q4_K_M.gguf" << QByteArray(R"({
        "context_window": 262144, "owned_by": "llamacpp",
        "capabilities": {"streaming": true, "function_calls": null, "reasoning": null}})")
        << false;
    QTest::addRow("ollama") << "ollama"
                            << "ollama"
                            << "/v1" << 3 << 0 << "gpt-oss:20b"
                            << QByteArray(R"({"owned_by": "library", "capabilities": {"streaming": true}})") << false;
}

// A live list in every shape: parsed, merged with the catalog, cached; then read back offline.
void TestProvidersCli::models()
{
    QFETCH(QString, provider);
    QFETCH(QString, shape);
    QFETCH(QString, basePath);
    QFETCH(int, shown);
    QFETCH(int, hidden);
    QFETCH(QString, model);
    QFETCH(QByteArray, expected);
    QFETCH(bool, keyed);
    m_server->route("GET", (basePath + QStringLiteral("/models")).toLatin1(),
                    ScriptedResponse::json(200, modelList(shape)));

    Run run;
    QVERIFY(runCli({QStringLiteral("models"), provider, QStringLiteral("--base-url"),
                    m_server->url(basePath).toString(), QStringLiteral("--json")},
                   run));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject doc = run.json();
    QCOMPARE(doc.value(u"provider").toString(), provider);
    QCOMPARE(doc.value(u"source").toString(), QStringLiteral("live"));
    QVERIFY(doc.value(u"error").isNull());
    const QDateTime fetchedAt = QDateTime::fromString(doc.value(u"fetched_at").toString(), Qt::ISODate);
    QVERIFY(fetchedAt.isValid());
    QVERIFY(qAbs(fetchedAt.secsTo(QDateTime::currentDateTimeUtc())) < 600);
    const QJsonArray models = doc.value(u"models").toArray();
    QCOMPARE(models.size(), shown);
    QCOMPARE(doc.value(u"hidden_non_chat").toInt(), hidden);
    for (qsizetype i = 1; i < models.size(); ++i) // sorted by id
        QVERIFY(models.at(i - 1).toObject().value(u"id").toString().compare(
                    models.at(i).toObject().value(u"id").toString(), Qt::CaseInsensitive) < 0);
    for (const QJsonValue &value : models) {
        const QJsonObject entry = value.toObject();
        for (const char16_t *key :
             {u"id", u"name", u"context_window", u"max_output_tokens", u"capabilities", u"pricing"})
            QVERIFY2(entry.contains(key), qPrintable(QString::fromUtf16(key)));
    }
    const QJsonObject entry = findById(models, model);
    QVERIFY2(!entry.isEmpty(), qPrintable(model));
    const QJsonObject want = QJsonDocument::fromJson(expected).object();
    QVERIFY(!want.isEmpty());
    for (auto it = want.begin(); it != want.end(); ++it) {
        if (it.value().isObject()) {
            const QJsonObject sub = it.value().toObject();
            for (auto s = sub.begin(); s != sub.end(); ++s)
                QVERIFY2(entry.value(it.key()).toObject().value(s.key()) == s.value(),
                         qPrintable(it.key() + u'.' + s.key() + u": " +
                                    show(entry.value(it.key()).toObject().value(s.key()))));
        } else {
            QVERIFY2(entry.value(it.key()) == it.value(), qPrintable(it.key() + u": " + show(entry.value(it.key()))));
        }
    }

    QCOMPARE(m_server->requestCount(), 1);
    const RecordedRequest request = m_server->request(0);
    QCOMPARE(request.method, QByteArray("GET"));
    if (keyed)
        QCOMPARE(request.header("Authorization"), "Bearer " + fakeKey(provider));
    else
        QVERIFY(!request.hasHeader("Authorization"));

    // Cached with its time; --cached reads it back without sending anything.
    const QString cacheFile = m_home->filePath(QStringLiteral("cache/versus/models/%1.json").arg(provider));
    QVERIFY2(QFile::exists(cacheFile), qPrintable(cacheFile));
    m_server->stopListening();
    Run cached;
    QVERIFY(runCli({QStringLiteral("models"), provider, QStringLiteral("--cached"), QStringLiteral("--json")}, cached));
    QVERIFY2(cached.exitCode == 0, qPrintable(cached.err));
    const QJsonObject cachedDoc = cached.json();
    QCOMPARE(cachedDoc.value(u"source").toString(), QStringLiteral("cache"));
    QCOMPARE(cachedDoc.value(u"fetched_at"), doc.value(u"fetched_at"));
    QVERIFY(cachedDoc.value(u"age_s").toInteger(-1) >= 0);
    QCOMPARE(cachedDoc.value(u"models").toArray(), models);
    QCOMPARE(m_server->requestCount(), 1);
}

void TestProvidersCli::modelsReadableText()
{
    m_server->route("GET", "/api/v1/models", ScriptedResponse::json(200, modelList(QStringLiteral("openrouter"))));
    Run run;
    QVERIFY(runCli({QStringLiteral("models"), QStringLiteral("openrouter"), QStringLiteral("--base-url"),
                    m_server->url("/api/v1").toString()},
                   run));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QString out = QString::fromUtf8(run.out);
    QVERIFY2(out.startsWith(u"OpenRouter: 3 models (live, fetched "), qPrintable(out));
    QVERIFY2(out.contains(u"openai/gpt-oss-120b") && out.contains(u"$0.15 in / $0.60 out per Mtok"), qPrintable(out));
    // Enforced capabilities: the live list says tools but no reasoning or structured output.
    QVERIFY2(out.contains(u"SF---  mistralai/mistral-small-3.2-24b-instruct"), qPrintable(out));

    Run cached;
    QVERIFY(runCli({QStringLiteral("models"), QStringLiteral("openrouter"), QStringLiteral("--cached")}, cached));
    QCOMPARE(cached.exitCode, 0);
    const QString cachedOut = QString::fromUtf8(cached.out);
    QVERIFY2(cachedOut.startsWith(u"OpenRouter: 3 models (cached, fetched ") && cachedOut.contains(u" s ago)"),
             qPrintable(cachedOut));
}

void TestProvidersCli::modelsAllShowsNonChat()
{
    m_server->route("GET", "/v1/models", ScriptedResponse::json(200, modelList(QStringLiteral("together"))));
    Run run;
    QVERIFY(runCli({QStringLiteral("models"), QStringLiteral("together"), QStringLiteral("--base-url"),
                    m_server->url("/v1").toString(), QStringLiteral("--all"), QStringLiteral("--json")},
                   run));
    QCOMPARE(run.exitCode, 0);
    const QJsonArray models = run.json().value(u"models").toArray();
    QCOMPARE(models.size(), 5);
    QCOMPARE(findById(models, QStringLiteral("BAAI/bge-large-en-v1.5")).value(u"type").toString(),
             QStringLiteral("embedding"));
    QCOMPARE(run.json().value(u"hidden_non_chat").toInt(), 0);
}

void TestProvidersCli::modelsHttpError()
{
    m_server->route(
        "GET", "/v1/models",
        ScriptedResponse::json(
            401, R"({"error":{"message":"Invalid API Key","type":"invalid_request_error","code":"invalid_api_key"}})"));
    Run run;
    QVERIFY(runCli({QStringLiteral("models"), QStringLiteral("groq"), QStringLiteral("--base-url"),
                    m_server->url("/v1").toString(), QStringLiteral("--json")},
                   run));
    QCOMPARE(run.exitCode, 1);
    const QJsonObject error = run.json().value(u"error").toObject();
    QCOMPARE(error.value(u"kind").toString(), QStringLiteral("auth"));
    QCOMPARE(error.value(u"http_status").toInt(), 401);
    QCOMPARE(error.value(u"message").toString(), QStringLiteral("Invalid API Key"));
    QVERIFY2(run.err.contains(u"Authentication failed") && run.err.contains(u"GROQ_API_KEY"), qPrintable(run.err));
    QVERIFY(!run.err.contains(QString::fromLatin1(fakeKey(QStringLiteral("groq")))));
    // A failed fetch leaves no cache behind.
    QVERIFY(!QFile::exists(m_home->filePath(QStringLiteral("cache/versus/models/groq.json"))));
}

void TestProvidersCli::modelsSynesiaFromCatalog()
{
    Run run;
    QVERIFY(runCli({QStringLiteral("models"), QStringLiteral("synesia"), QStringLiteral("--base-url"),
                    m_server->url("/").toString(), QStringLiteral("--json")},
                   run));
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QJsonObject doc = run.json();
    QCOMPARE(doc.value(u"source").toString(), QStringLiteral("catalog"));
    QVERIFY(doc.value(u"fetched_at").isNull());
    QVERIFY(doc.value(u"note").toString().contains(u"no model list endpoint"));
    const QJsonObject oss = findById(doc.value(u"models").toArray(), QStringLiteral("groq/gpt-oss-120b"));
    QVERIFY(!oss.isEmpty());
    QCOMPARE(oss.value(u"capabilities").toObject().value(u"function_calls"), QJsonValue(false));
    QCOMPARE(m_server->requestCount(), 0);

    Run text;
    QVERIFY(runCli({QStringLiteral("models"), QStringLiteral("synesia")}, text));
    QCOMPARE(text.exitCode, 0);
    QVERIFY(text.out.contains("no model list endpoint"));
    QVERIFY(text.out.contains("groq/gpt-oss-120b"));
}

void TestProvidersCli::modelsCachedWithoutCache()
{
    Run run;
    QVERIFY(runCli({QStringLiteral("models"), QStringLiteral("mistral"), QStringLiteral("--cached")}, run));
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains(u"No model list of Mistral is cached yet"), qPrintable(run.err));

    Run usage;
    QVERIFY(runCli({QStringLiteral("models")}, usage));
    QCOMPARE(usage.exitCode, 2);
    Run unknown;
    QVERIFY(runCli({QStringLiteral("models"), QStringLiteral("nosuch")}, unknown));
    QCOMPARE(unknown.exitCode, 2);
    QVERIFY(unknown.err.contains(u"unknown provider"));
}

// The lane result of ARCHITECTURE.md member by member, for a Groq-shaped stream: usage,
// metrics with the provider's own timing block, cost from the bundled price, rate limits.
void TestProvidersCli::laneResultSchema()
{
    const Fixture fixture = loadFixture(QStringLiteral("groq"), QStringLiteral("text"));
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error));
    // One write per event, 5 ms apart: a decode speed needs time between the first and last token.
    m_server->route("POST", "/openai/v1/chat/completions", ScriptedResponse(fixture.response).splitBodyAtEvents(5));
    Run run;
    QVERIFY(runCli({QStringLiteral("chat"), QStringLiteral("-t"), QStringLiteral("groq:openai/gpt-oss-120b"),
                    QStringLiteral("--base-url"), m_server->url("/openai/v1").toString(), QStringLiteral("--json"),
                    QStringLiteral("hi")},
                   run));
    QCOMPARE(run.exitCode, 0);
    const QJsonObject lane = QJsonDocument::fromJson(run.out).object();

    auto expectType = [&](const QJsonObject &object, const char *key, QJsonValue::Type type) {
        const QJsonValue value = object.value(QLatin1StringView(key));
        QVERIFY2(value.type() == type, key);
    };
    using T = QJsonValue::Type;
    for (const char *key : {"target", "provider", "model", "status", "text", "reasoning", "finish_reason"})
        expectType(lane, key, T::String);
    for (const char *key : {"tool_calls", "tool_rounds"})
        expectType(lane, key, T::Array);
    for (const char *key : {"usage", "metrics", "cost", "rate_limit"})
        expectType(lane, key, T::Object);
    expectType(lane, "error", T::Null);
    QCOMPARE(lane.value(u"target").toString(), QStringLiteral("groq:openai/gpt-oss-120b"));

    const QJsonObject usage = lane.value(u"usage").toObject();
    QCOMPARE(usage.value(u"prompt_tokens").toInt(), 48);
    QCOMPARE(usage.value(u"completion_tokens").toInt(), 10);
    QVERIFY(usage.contains(u"reasoning_tokens") && usage.contains(u"cached_prompt_tokens"));
    QCOMPARE(usage.value(u"source").toString(), QStringLiteral("provider"));

    const QJsonObject metrics = lane.value(u"metrics").toObject();
    for (const char *key : {"ttft_ms", "ttfat_ms", "e2e_ms", "output_tokens_per_s", "chunks"})
        expectType(metrics, key, T::Double);
    for (const char *key : {"itl_ms_p50", "itl_ms_p95"})
        QVERIFY2(metrics.contains(QLatin1StringView(key)), key);
    const QJsonObject server = metrics.value(u"server").toObject();
    QVERIFY(qAbs(server.value(u"queue_ms").toDouble() - 41.520249) < 1e-6);
    for (const char *key : {"prompt_ms", "completion_ms", "output_tokens_per_s"})
        expectType(server, key, T::Double);
    // Groq's own decode speed: completion_tokens / completion_time.
    QVERIFY(qAbs(server.value(u"output_tokens_per_s").toDouble() -
                 10.0 / (server.value(u"completion_ms").toDouble() / 1000.0)) < 0.01);

    // openai/gpt-oss-120b on Groq: 0.15 USD/Mtok in, 0.60 out (resources/pricing.json).
    // 48 × 0.15 = 7.2 µ$ → 7 µ$; 10 × 0.60 = 6 µ$.
    const QJsonObject cost = lane.value(u"cost").toObject();
    QCOMPARE(cost.value(u"input_usd").toDouble(), 0.000007);
    QCOMPARE(cost.value(u"output_usd").toDouble(), 0.000006);
    QCOMPARE(cost.value(u"total_usd").toDouble(), 0.000013);
    QCOMPARE(cost.value(u"estimated").toBool(), false);
    QVERIFY(cost.value(u"price_source").toString().startsWith(u"https://"));
    QVERIFY(QDate::fromString(cost.value(u"price_as_of").toString(), Qt::ISODate).isValid());

    const QJsonObject rate = lane.value(u"rate_limit").toObject();
    for (const char *key : {"remaining_requests", "remaining_tokens", "reset_requests_s", "reset_tokens_s"})
        expectType(rate, key, T::Double);
    QCOMPARE(rate.value(u"reset_requests_s").toDouble(), 179.56);
}

QTEST_GUILESS_MAIN(TestProvidersCli)
#include "tst_providerscli.moc"
