// SPDX-License-Identifier: GPL-3.0-or-later
// Model lists: every list shape parsed and completed from the catalog, the on-disk cache, and
// ModelListJob against the loopback server (success, HTTP errors, unreachable local server,
// timeout, cancel, nothing to fetch).
#include "providers/modellistcache.h"
#include "providers/modellistjob.h"
#include "providers/providerregistry.h"
#include "scriptedserver.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

using namespace versus;
using namespace versus::test;

namespace {

QByteArray listFile(const QString &shape)
{
    QFile file(QStringLiteral(VERSUS_TEST_DATA_DIR "/data/models_%1.json").arg(shape));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

/// Every member of @p expected has the same value in @p actual (objects compared member by member).
bool containsAll(const QJsonObject &actual, const QJsonObject &expected, QString &why, const QString &path = {})
{
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        const QString where = path + u'.' + it.key();
        const QJsonValue got = actual.value(it.key());
        if (it.value().isObject() && got.isObject()) {
            if (!containsAll(got.toObject(), it.value().toObject(), why, where))
                return false;
        } else if (got != it.value()) {
            why = where + QStringLiteral(": got ") +
                  QString::fromUtf8(QJsonDocument(QJsonArray{got}).toJson(QJsonDocument::Compact)) +
                  QStringLiteral(", expected ") +
                  QString::fromUtf8(QJsonDocument(QJsonArray{it.value()}).toJson(QJsonDocument::Compact));
            return false;
        }
    }
    return true;
}

} // namespace

class TestModelLists : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void parseShapes_data();
    void parseShapes();
    void exactListedPrices();
    void nonChatModels();
    void notAModelList_data();
    void notAModelList();
    void cacheRoundTrip();
    void cacheMissingAndDamaged();
    void jobFetchesAndParses();
    void jobHttpError();
    void jobLocalServerNotRunning();
    void jobTimeout();
    void jobCancel();
    void jobNothingToFetch();
    void jobNeedsKey();
    void jobBodyIsNotAList();

private:
    std::unique_ptr<ProviderRegistry> m_registry;
    std::unique_ptr<QNetworkAccessManager> m_network;
    std::unique_ptr<ScriptedServer> m_server;
    const Provider &provider(const char *id) const { return *m_registry->find(QString::fromLatin1(id)); }
};

void TestModelLists::initTestCase()
{
    m_registry = ProviderRegistry::createDefault();
    QVERIFY(m_registry->problems().isEmpty());
}

void TestModelLists::init()
{
    m_network = std::make_unique<QNetworkAccessManager>();
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
}

void TestModelLists::cleanup()
{
    m_server.reset();
    m_network.reset();
}

void TestModelLists::parseShapes_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("shape");
    QTest::addColumn<int>("count");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QByteArray>("expected"); // members modelInfoToJson must have

    QTest::addRow("openai data, catalog fills in") << "openai"
                                                   << "openai" << 5 << "gpt-4o-mini" << QByteArray(R"({
        "name": "GPT-4o mini", "context_window": 128000, "max_output_tokens": 16384, "owned_by": "system",
        "pricing": null, "type": null,
        "capabilities": {"function_calls": true, "reasoning": false, "structured_output": true}})");
    QTest::addRow("openai data, unknown model") << "openai"
                                                << "openai" << 5 << "gpt-5.1-mini" << QByteArray(R"({
        "name": "gpt-5.1-mini", "context_window": null, "max_output_tokens": null,
        "capabilities": {"streaming": null, "function_calls": null, "reasoning": null}})");
    QTest::addRow("together bare array with prices")
        << "together"
        << "together" << 5 << "deepseek-ai/DeepSeek-V3.1" << QByteArray(R"({
        "name": "DeepSeek V3.1", "context_window": 131072, "type": "chat", "owned_by": "DeepSeek",
        "pricing": {"input_per_mtok": 0.6, "output_per_mtok": 1.7, "cached_input_per_mtok": null}})");
    QTest::addRow("together, catalog name wins")
        << "together"
        << "together" << 5 << "meta-llama/Llama-3.3-70B-Instruct-Turbo" << QByteArray(R"({
        "name": "Llama 3.3 70B Instruct Turbo", "context_window": 131072,
        "pricing": {"input_per_mtok": 0.88, "output_per_mtok": 0.88},
        "capabilities": {"function_calls": true, "reasoning": false}})");
    QTest::addRow("together embedding") << "together"
                                        << "together" << 5 << "BAAI/bge-large-en-v1.5"
                                        << QByteArray(R"({"type": "embedding", "context_window": 512})");
    QTest::addRow("groq features of a new model") << "groq"
                                                  << "groq" << 3 << "qwen/qwen3-next-80b" << QByteArray(R"({
        "context_window": 262144, "max_output_tokens": 32768, "owned_by": "Alibaba Cloud", "pricing": null,
        "capabilities": {"function_calls": true, "reasoning": false, "structured_output": false, "builtin_tools": null}})");
    QTest::addRow("groq features of a known model") << "groq"
                                                    << "groq" << 3 << "openai/gpt-oss-120b" << QByteArray(R"({
        "name": "GPT-OSS 120B", "context_window": 131072, "max_output_tokens": 65536,
        "capabilities": {"function_calls": true, "reasoning": true, "structured_output": true, "builtin_tools": true}})");
    QTest::addRow("groq, the catalog's no wins")
        << "groq"
        << "groq" << 3 << "groq/compound" << QByteArray(R"({"capabilities": {"function_calls": false}})");
    QTest::addRow("openrouter per-token strings") << "openrouter"
                                                  << "openrouter" << 3 << "openai/gpt-oss-120b" << QByteArray(R"({
        "name": "GPT-OSS 120B", "context_window": 131072, "max_output_tokens": 32768,
        "pricing": {"input_per_mtok": 0.15, "output_per_mtok": 0.6, "cached_input_per_mtok": 0.075},
        "capabilities": {"function_calls": true, "reasoning": true, "structured_output": true}})");
    QTest::addRow("openrouter parameters of another model")
        << "openrouter"
        << "openrouter" << 3 << "mistralai/mistral-small-3.2-24b-instruct" << QByteArray(R"({
        "name": "Mistral Small 3.2", "context_window": 128000, "max_output_tokens": 131072,
        "pricing": {"input_per_mtok": 0.05, "output_per_mtok": 0.1, "cached_input_per_mtok": null},
        "capabilities": {"function_calls": true, "reasoning": false, "structured_output": false, "vision": true}})");
    QTest::addRow("openrouter variable price") << "openrouter"
                                               << "openrouter" << 3 << "openrouter/auto" << QByteArray(R"({
        "name": "Auto Router", "context_window": 2000000, "max_output_tokens": null, "pricing": null,
        "capabilities": {"function_calls": null, "reasoning": null, "vision": false}})");
    QTest::addRow("llama.cpp single model")
        << "llamacpp"
        << "llamacpp" << 1 << "Qwen3-4B-Instruct-2507-Q4_K_M.gguf" << QByteArray(R"({
        "name": "Qwen3-4B-Instruct-2507-Q4_K_M.gguf", "context_window": 262144, "owned_by": "llamacpp",
        "capabilities": {"streaming": null, "function_calls": null}})");
    QTest::addRow("ollama") << "ollama"
                            << "ollama" << 3 << "llama3.2:3b"
                            << QByteArray(R"({"owned_by": "library", "context_window": null, "pricing": null})");
}

void TestModelLists::parseShapes()
{
    QFETCH(QString, provider);
    QFETCH(QString, shape);
    QFETCH(int, count);
    QFETCH(QString, model);
    QFETCH(QByteArray, expected);
    const Provider *p = m_registry->find(provider);
    QVERIFY(p);
    const auto models = p->parseModels(listFile(shape));
    QVERIFY2(models.has_value(), models ? "" : qPrintable(models.error()));
    QCOMPARE(models->size(), count);
    const auto it = std::find_if(models->cbegin(), models->cend(), [&](const ModelInfo &m) { return m.id == model; });
    QVERIFY2(it != models->cend(), qPrintable(model));
    const QJsonObject json = modelInfoToJson(*it); // as listed and completed from the catalog, before enforcement
    QJsonParseError error{};
    const QJsonObject want = QJsonDocument::fromJson(expected, &error).object();
    QCOMPARE(error.error, QJsonParseError::NoError);
    QString why;
    QVERIFY2(containsAll(json, want, why), qPrintable(why));
}

void TestModelLists::exactListedPrices()
{
    // Per-token strings scale exactly (no binary rounding): 0.000000075 USD/token = 75000 micro-USD/Mtok.
    const auto openrouter = provider("openrouter").parseModels(listFile(QStringLiteral("openrouter")));
    QVERIFY(openrouter);
    const ModelInfo &oss = openrouter->first();
    QCOMPARE(oss.pricing->inputMicroPerMtok, std::optional<qint64>(150000));
    QCOMPARE(oss.pricing->outputMicroPerMtok, std::optional<qint64>(600000));
    QCOMPARE(oss.pricing->cachedInputMicroPerMtok, std::optional<qint64>(75000));
    const auto together = provider("together").parseModels(listFile(QStringLiteral("together")));
    QVERIFY(together);
    QCOMPARE(together->first().pricing->inputMicroPerMtok, std::optional<qint64>(880000));
    QCOMPARE(together->at(1).pricing->outputMicroPerMtok, std::optional<qint64>(600000));
}

void TestModelLists::nonChatModels()
{
    const auto together = provider("together").parseModels(listFile(QStringLiteral("together")));
    QVERIFY(together);
    QStringList chat;
    for (const ModelInfo &model : *together) {
        if (isChatModel(model))
            chat << model.id;
    }
    QCOMPARE(chat, QStringList({QStringLiteral("meta-llama/Llama-3.3-70B-Instruct-Turbo"),
                                QStringLiteral("openai/gpt-oss-120b"), QStringLiteral("deepseek-ai/DeepSeek-V3.1")}));
    // llama.cpp's native "models" entries say "type": "model": still a chat model.
    ModelInfo llama;
    llama.type = QStringLiteral("model");
    QVERIFY(isChatModel(llama));
}

void TestModelLists::notAModelList_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addRow("html") << QByteArray("<html>Sign in</html>");
    QTest::addRow("object without list") << QByteArray(R"({"object":"list"})");
    QTest::addRow("data not an array") << QByteArray(R"({"data":3})");
}

void TestModelLists::notAModelList()
{
    QFETCH(QByteArray, body);
    QVERIFY(!provider("openai").parseModels(body).has_value());
}

void TestModelLists::cacheRoundTrip()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const ModelListCache cache(dir.filePath(QStringLiteral("models")));
    const auto models = provider("openrouter").parseModels(listFile(QStringLiteral("openrouter")));
    QVERIFY(models);
    const ModelList list{QStringLiteral("openrouter"), QDateTime(QDate(2026, 11, 25), QTime(9, 30, 15, 250), Qt::UTC),
                         *models};
    QVERIFY(cache.write(list));
    QVERIFY(QFile::exists(dir.filePath(QStringLiteral("models/openrouter.json"))));
    const auto read = cache.read(QStringLiteral("openrouter"));
    QVERIFY(read);
    QVERIFY(read->has_value());
    QCOMPARE(**read, list);

    // Written again: replaced, not appended.
    ModelList shorter = list;
    shorter.models.removeLast();
    QVERIFY(cache.write(shorter));
    QCOMPARE(cache.read(QStringLiteral("openrouter"))->value().models.size(), models->size() - 1);
}

void TestModelLists::cacheMissingAndDamaged()
{
    QTemporaryDir dir;
    const ModelListCache cache(dir.path());
    const auto missing = cache.read(QStringLiteral("groq"));
    QVERIFY(missing);
    QVERIFY(!missing->has_value());

    const auto writeFile = [&](const QString &name, const QByteArray &bytes) {
        QFile file(dir.filePath(name));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(bytes);
    };
    writeFile(QStringLiteral("groq.json"), "{\"schema\": 1, \"provider\": \"groq\", \"mod");
    const auto damaged = cache.read(QStringLiteral("groq"));
    QVERIFY(!damaged);
    QVERIFY2(damaged.error().contains(u"groq.json"), qPrintable(damaged.error()));

    writeFile(QStringLiteral("together.json"),
              R"({"schema": 1, "provider": "groq", "fetched_at": "2026-11-25T09:00:00Z", "models": []})");
    QVERIFY(!cache.read(QStringLiteral("together")));
    writeFile(QStringLiteral("mistral.json"),
              R"({"schema": 99, "provider": "mistral", "fetched_at": "2026-11-25T09:00:00Z", "models": []})");
    QVERIFY(!cache.read(QStringLiteral("mistral")));
}

void TestModelLists::jobFetchesAndParses()
{
    m_server->route("GET", "/openai/v1/models", ScriptedResponse::json(200, listFile(QStringLiteral("groq"))));
    ModelListJob job(*m_network, provider("groq"), ApiKey::fromUtf8("gsk_test_key_1234"), m_server->url("/openai/v1"));
    QSignalSpy finished(&job, &ModelListJob::finished);
    job.start();
    QVERIFY(finished.wait(10000));
    QVERIFY(job.isFinished());
    QVERIFY2(job.result().has_value(), job.result() ? "" : qPrintable(job.result().error().message));
    QCOMPARE(job.result()->size(), 3);
    QVERIFY(job.fetchedAtUtc().isValid());
    QCOMPARE(m_server->requestCount(), 1);
    const RecordedRequest request = m_server->request(0);
    QCOMPARE(request.method, QByteArray("GET"));
    QCOMPARE(request.header("Authorization"), QByteArray("Bearer gsk_test_key_1234"));
    QCOMPARE(request.header("Accept"), QByteArray("application/json"));
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
}

void TestModelLists::jobHttpError()
{
    m_server->route(
        "GET", "/v1/models",
        ScriptedResponse::json(
            401, R"({"error":{"message":"Invalid API Key","type":"invalid_request_error","code":"invalid_api_key"}})"));
    ModelListJob job(*m_network, provider("groq"), ApiKey::fromUtf8("gsk_wrong"), m_server->url("/v1"));
    QSignalSpy finished(&job, &ModelListJob::finished);
    job.start();
    QVERIFY(finished.wait(10000));
    QVERIFY(!job.result());
    QCOMPARE(job.result().error().kind, ErrorKind::Auth);
    QCOMPARE(job.result().error().httpStatus, 401);
    QCOMPARE(job.result().error().message, QStringLiteral("Invalid API Key"));
}

void TestModelLists::jobLocalServerNotRunning()
{
    const quint16 port = closedLoopbackPort();
    ModelListJob job(*m_network, provider("ollama"), ApiKey(),
                     QUrl(QStringLiteral("http://127.0.0.1:%1/v1").arg(port)));
    QSignalSpy finished(&job, &ModelListJob::finished);
    job.start();
    QVERIFY(finished.wait(10000));
    QVERIFY(!job.result());
    QCOMPARE(job.result().error().kind, ErrorKind::Network);
    const QString message = job.result().error().message;
    QVERIFY2(message.contains(QStringLiteral("Ollama is not running on 127.0.0.1:%1").arg(port)), qPrintable(message));
}

void TestModelLists::jobTimeout()
{
    m_server->route("GET", "/v1/models", ScriptedResponse::json(200, "{}").neverRespond());
    ModelListJob job(*m_network, provider("lmstudio"), ApiKey(), m_server->url("/v1"), 300);
    QSignalSpy finished(&job, &ModelListJob::finished);
    job.start();
    QVERIFY(finished.wait(10000));
    QVERIFY(!job.result());
    QCOMPARE(job.result().error().kind, ErrorKind::Timeout);
    QVERIFY(job.result().error().message.contains(u"LM Studio"));
}

void TestModelLists::jobCancel()
{
    m_server->route("GET", "/v1/models", ScriptedResponse::json(200, "{}").neverRespond());
    ModelListJob job(*m_network, provider("llamacpp"), ApiKey(), m_server->url("/v1"));
    QSignalSpy finished(&job, &ModelListJob::finished);
    QSignalSpy received(m_server.get(), &ScriptedServer::requestReceived);
    job.start();
    QVERIFY(received.wait(10000));
    job.cancel();
    QTRY_COMPARE(finished.count(), 1);
    QCOMPARE(job.result().error().kind, ErrorKind::Cancelled);
    job.cancel();
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
}

void TestModelLists::jobNothingToFetch()
{
    ModelListJob job(*m_network, provider("synesia"), ApiKey::fromUtf8("apiKey.25.test"), m_server->url("/"));
    QSignalSpy finished(&job, &ModelListJob::finished);
    job.start();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(job.result().error().kind, ErrorKind::Config);
    QVERIFY(job.result().error().message.contains(u"Synesia"));
    QTest::qWait(50);
    QCOMPARE(m_server->requestCount(), 0);
}

void TestModelLists::jobNeedsKey()
{
    ModelListJob job(*m_network, provider("openai"), ApiKey(), m_server->url("/v1"));
    QSignalSpy finished(&job, &ModelListJob::finished);
    job.start();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(job.result().error().kind, ErrorKind::Config);
    QVERIFY(job.result().error().message.contains(u"OPENAI_API_KEY"));
    QTest::qWait(50);
    QCOMPARE(m_server->requestCount(), 0);
}

void TestModelLists::jobBodyIsNotAList()
{
    m_server->route("GET", "/v1/models", ScriptedResponse::json(200, R"({"status":"loading model"})"));
    ModelListJob job(*m_network, provider("llamacpp"), ApiKey(), m_server->url("/v1"));
    QSignalSpy finished(&job, &ModelListJob::finished);
    job.start();
    QVERIFY(finished.wait(10000));
    QVERIFY(!job.result());
    QCOMPARE(job.result().error().kind, ErrorKind::Stream);
    QCOMPARE(job.result().error().httpStatus, 200);
    // Local servers get no key header even when one is set.
    QVERIFY(!m_server->request(0).hasHeader("Authorization"));
}

QTEST_GUILESS_MAIN(TestModelLists)
#include "tst_modellists.moc"
