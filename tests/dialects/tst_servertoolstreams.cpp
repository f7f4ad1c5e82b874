// SPDX-License-Identifier: GPL-3.0-or-later
// Server-side tools in the dialects: Synesia's internal_tool.* events and every recorded-shape
// fixture that expects "server_tools", decoded whole and split at every byte offset; then the
// same fixtures end to end, a ChatStream over real loopback HTTP against the scripted server.
#include "chat/chatjson.h"
#include "fixture.h"
#include "providers/chatstream.h"
#include "providers/openaistreamdecoder.h"
#include "providers/providerregistry.h"
#include "providers/synesiastreamdecoder.h"
#include "scriptedserver.h"
#include "splitdecode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>

#include <memory>

using namespace versus;
using namespace versus::test;

namespace {

QByteArray events(std::initializer_list<const char *> payloads)
{
    QByteArray body;
    for (const char *payload : payloads)
        body += QByteArray("data: ") + payload + "\n\n";
    return body;
}

QString show(const QJsonArray &array)
{
    return QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Compact));
}

template<class Decoder>
Decoded decodeWhole(const QByteArray &body)
{
    return decodeSplit<Decoder>(body, {});
}

// Decodes @p body whole and split at every offset; every split must give the whole result.
template<class Decoder>
bool decodesAlikeAtEveryCut(const QByteArray &body, Decoded &whole)
{
    whole = decodeWhole<Decoder>(body);
    for (qsizetype cut = 1; cut < body.size(); ++cut) {
        const Decoded split = decodeSplit<Decoder>(body, {cut});
        if (!(split.result == whole.result) || split.done != whole.done || split.error != whole.error) {
            qWarning("split at %lld differs: %s", static_cast<long long>(cut),
                     qPrintable(show(serverToolsToJson(split.result.serverTools))));
            return false;
        }
    }
    return true;
}

struct Route {
    QString model;
    QByteArray basePath;    ///< the base URL path on the loopback server
    QByteArray requestPath; ///< where the chat request arrives
};

Route routeFor(const QString &provider)
{
    if (provider == u"synesia")
        return {QStringLiteral("groq/gpt-oss-120b"), "/", "/v1/llm-exec/round/stream"};
    return {QStringLiteral("openai/gpt-oss-120b"), "/openai/v1", "/openai/v1/chat/completions"};
}

} // namespace

class TestServerToolStreams : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void synesiaEvents_data();
    void synesiaEvents();
    void fixturesDecoded_data();
    void fixturesDecoded();
    void fixturesOverHttp_data();
    void fixturesOverHttp();

private:
    std::unique_ptr<ProviderRegistry> m_registry;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestServerToolStreams::initTestCase()
{
    m_registry = ProviderRegistry::createDefault();
    QVERIFY(m_registry->problems().isEmpty());
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy);
}

void TestServerToolStreams::synesiaEvents_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("serverTools"); // JSON text of serverToolsToJson() of the result
    QTest::addColumn<QString>("text");

    QTest::addRow("start, done")
        << events(
               {R"({"type":"internal_tool.start","tool_call_id":"fc_1","name":"current_time","arguments":{"timezone":"Europe/Paris"}})",
                R"({"type":"internal_tool.done","tool_call_id":"fc_1","name":"current_time","result":"15:02"})",
                R"({"type":"text.delta","delta":"It is 15:02."})", R"({"type":"done"})"})
        << QByteArray(
               R"([{"id":"fc_1","name":"current_time","arguments":"{\"timezone\":\"Europe/Paris\"}","output":"15:02","finished":true,"failed":false,"error":""}])")
        << QStringLiteral("It is 15:02.");
    QTest::addRow("start, error, done: one failed entry")
        << events(
               {R"({"type":"internal_tool.start","tool_call_id":"fc_1","name":"tim","arguments":{"value":"x"}})",
                R"({"type":"internal_tool.error","tool_call_id":"fc_1","name":"tim","error":"Invalid tool results"})",
                R"({"type":"internal_tool.done","tool_call_id":"fc_1","name":"tim","result":"failed"})",
                R"({"type":"text.delta","delta":"Tim could not be reached."})", R"({"type":"done"})"})
        << QByteArray(
               R"([{"id":"fc_1","name":"tim","arguments":"{\"value\":\"x\"}","output":"failed","finished":true,"failed":true,"error":"Invalid tool results"}])")
        << QStringLiteral("Tim could not be reached.");
    QTest::addRow("error object, no done")
        << events(
               {R"({"type":"internal_tool.start","tool_call_id":"fc_2","tool_name":"search","input":"weather"})",
                R"({"type":"internal_tool.error","tool_call_id":"fc_2","error":{"message":"quota exceeded","code":"429"}})",
                R"({"type":"done"})"})
        << QByteArray(
               R"([{"id":"fc_2","name":"search","arguments":"weather","output":"","finished":true,"failed":true,"error":"quota exceeded"}])")
        << QString();
    QTest::addRow("other field names, object output, two tools interleaved")
        << events({R"({"type":"internal_tool.start","id":"a","toolName":"fetch","args":{"url":"https://a.example"}})",
                   R"({"type":"internal_tool.start","id":"b","tool_name":"calc","input":{"expr":"6*7"}})",
                   R"({"type":"internal_tool.done","id":"b","output":{"value":42}})",
                   R"({"type":"internal_tool.done","id":"a","output":"<html>…</html>"})",
                   R"({"type":"text.delta","delta":"42"})", R"({"type":"done"})"})
        << QByteArray(
               R"([{"id":"a","name":"fetch","arguments":"{\"url\":\"https://a.example\"}","output":"<html>…</html>","finished":true,"failed":false,"error":""},)"
               R"({"id":"b","name":"calc","arguments":"{\"expr\":\"6*7\"}","output":"{\"value\":42}","finished":true,"failed":false,"error":""}])")
        << QStringLiteral("42");
    QTest::addRow("no ids: each start opens an entry, what follows belongs to it")
        << events({R"({"type":"internal_tool.start","name":"first"})", R"({"type":"internal_tool.done","result":"1"})",
                   R"({"type":"internal_tool.start","name":"second"})",
                   R"({"type":"internal_tool.error","message":"broke"})", R"({"type":"done"})"})
        << QByteArray(
               R"([{"id":"internal-1","name":"first","arguments":"","output":"1","finished":true,"failed":false,"error":""},)"
               R"({"id":"internal-2","name":"second","arguments":"","output":"","finished":true,"failed":true,"error":"broke"}])")
        << QString();
    QTest::addRow("still running when the round ends; unknown stage ignored")
        << events({R"({"type":"internal_tool.start","tool_call_id":"fc_3","name":"slow"})",
                   R"({"type":"internal_tool.progress","tool_call_id":"fc_3","name":"other"})", R"({"type":"done"})"})
        << QByteArray(
               R"([{"id":"fc_3","name":"slow","arguments":"","output":"","finished":false,"failed":false,"error":""}])")
        << QString();
}

void TestServerToolStreams::synesiaEvents()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, serverTools);
    QFETCH(QString, text);
    Decoded whole;
    QVERIFY(decodesAlikeAtEveryCut<SynesiaStreamDecoder>(body, whole));
    const QJsonArray got = serverToolsToJson(whole.result.serverTools);
    QVERIFY2(got == QJsonDocument::fromJson(serverTools).array(), qPrintable(show(got)));
    QCOMPARE(whole.result.text, text);
    QVERIFY(whole.result.toolCalls.isEmpty());
    QVERIFY(whole.done);
    QVERIFY(!whole.error); // a tool's failure is not the answer's
    QCOMPARE(whole.result.finishReason, std::optional<QString>(QStringLiteral("stop")));
}

// Every Groq and Synesia fixture whose expectation names its server tools.
static void addServerToolFixtures()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("name");
    int count = 0;
    for (const QString &provider : {QStringLiteral("groq"), QStringLiteral("synesia")}) {
        for (const QString &name : fixtureNames(provider)) {
            if (!loadFixture(provider, name).expected.contains(u"server_tools"))
                continue;
            QTest::addRow("%s/%s", qPrintable(provider), qPrintable(name)) << provider << name;
            ++count;
        }
    }
    QVERIFY(count >= 3);
}

void TestServerToolStreams::fixturesDecoded_data()
{
    addServerToolFixtures();
}

void TestServerToolStreams::fixturesDecoded()
{
    QFETCH(QString, provider);
    QFETCH(QString, name);
    const Fixture fixture = loadFixture(provider, name);
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error));
    Decoded whole;
    if (provider == u"synesia")
        QVERIFY(decodesAlikeAtEveryCut<SynesiaStreamDecoder>(fixture.body(), whole));
    else
        QVERIFY(decodesAlikeAtEveryCut<OpenAiStreamDecoder>(fixture.body(), whole));
    const QJsonArray got = serverToolsToJson(whole.result.serverTools);
    QVERIFY2(got == fixture.expected.value(u"server_tools").toArray(), qPrintable(show(got)));
    QCOMPARE(whole.result.text, fixture.expected.value(u"text").toString());
    QVERIFY(whole.result.toolCalls.isEmpty());
}

void TestServerToolStreams::fixturesOverHttp_data()
{
    addServerToolFixtures();
}

// The fixture served by the loopback server to a real ChatStream: the result's server tools
// are the expected ones, and the live deltas carried them as they came. For Groq the request
// switches browser_search on, and it goes out as a tool of its own.
void TestServerToolStreams::fixturesOverHttp()
{
    QFETCH(QString, provider);
    QFETCH(QString, name);
    const Fixture fixture = loadFixture(provider, name);
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error));
    const Route route = routeFor(provider);
    ScriptedResponse response = fixture.response;
    response.splitBodyAtEvents();
    ScriptedServer server;
    QVERIFY(server.listen());
    server.route("POST", route.requestPath, response);

    ChatRequest request;
    request.providerId = provider;
    request.config.model = route.model;
    if (provider == u"groq")
        request.config.serverTools = QStringList{QStringLiteral("browser_search")};
    request.messages.append(ChatMessage::user(QStringLiteral("What is new?")));
    const Provider *chosen = m_registry->find(provider);
    QVERIFY(chosen);
    TransportOptions options;
    options.retry.maxRetries = 0;
    ChatStream stream(*m_network, *chosen, request, ApiKey::fromUtf8("test-key-0001"),
                      server.url(QString::fromLatin1(route.basePath)), options);
    QList<ServerToolCall> live;
    connect(&stream, &ChatStream::deltaReceived, this, [&](const ChatDelta &delta) {
        for (const ServerToolCall &tool : delta.serverTools)
            mergeServerToolCall(live, tool);
    });
    QSignalSpy finished(&stream, &ChatStream::finished);
    stream.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.size(), 1);

    const ChatResult &result = stream.result();
    QVERIFY2(!result.error, result.error ? qPrintable(result.error->message) : "");
    QCOMPARE(result.status, ResultStatus::Ok);
    QCOMPARE(result.text, fixture.expected.value(u"text").toString());
    QVERIFY(result.toolCalls.isEmpty());
    const QJsonArray got = serverToolsToJson(result.serverTools);
    QVERIFY2(got == fixture.expected.value(u"server_tools").toArray(), qPrintable(show(got)));
    QCOMPARE(live, result.serverTools);

    QCOMPARE(server.requestCount(), 1);
    const QJsonObject body = server.request(0).json();
    if (provider == u"groq")
        QCOMPARE(body.value(u"tools").toArray(),
                 (QJsonArray{QJsonObject{{QStringLiteral("type"), QStringLiteral("browser_search")}}}));
    else
        QVERIFY(!body.contains(u"tools")); // Synesia runs its tools unasked
}

QTEST_GUILESS_MAIN(TestServerToolStreams)
#include "tst_servertoolstreams.moc"
