// SPDX-License-Identifier: GPL-3.0-or-later
// The Gemini dialect: its stream (whole GenerateContentResponses) split at every byte offset,
// also with Gemini's own CRLF separators; the non-streamed JSON array; HTTP errors by status
// name; the request as the loopback server received it (no key in the request line, the
// x-goog-api-key header, the body's shape with a tool turn, a thought signature sent back and
// an image); and the model list followed across pages.
#include "fixture.h"
#include "providers/chatstream.h"
#include "providers/geminiprovider.h"
#include "providers/geministreamdecoder.h"
#include "providers/modellistjob.h"
#include "providers/providerregistry.h"
#include "scriptedserver.h"
#include "splitdecode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>

using namespace versus;
using namespace versus::test;

namespace {

const QByteArray kKey = QByteArrayLiteral("AIzaCANARY-gemini-0123456789abcdefXYZ");

QString nullableString(const QJsonValue &value)
{
    return value.isNull() ? QString() : value.toString();
}

std::optional<qint64> nullableInt(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<qint64>(value.toInteger()) : std::nullopt;
}

// Whether @p d is what @p expected (a fixture's .expected.json) describes; says what differs.
bool matches(const Decoded &d, const QJsonObject &expected, const QByteArray &how)
{
    bool ok = true;
    const auto expect = [&](bool condition, const QByteArray &what) {
        if (!condition && ok) {
            qWarning("[%s] %s", how.constData(), what.constData());
            ok = false;
        }
    };
    expect(d.result.text == expected.value(u"text").toString(), "text: " + d.result.text.toUtf8());
    expect(d.result.reasoning == expected.value(u"reasoning").toString(), "reasoning: " + d.result.reasoning.toUtf8());
    const QJsonArray calls = expected.value(u"tool_calls").toArray();
    expect(d.result.toolCalls.size() == calls.size(), "tool call count");
    for (qsizetype i = 0; ok && i < calls.size(); ++i) {
        const QJsonObject want = calls.at(i).toObject();
        const ToolCall &got = d.result.toolCalls.at(i);
        expect(got.index == i, "tool call index");
        expect(got.id == want.value(u"id").toString(), "tool call id: " + got.id.toUtf8());
        expect(got.name == want.value(u"name").toString(), "tool call name");
        expect(got.arguments == want.value(u"arguments").toString(), "arguments: " + got.arguments.toUtf8());
    }
    expect(d.result.finishReason.value_or(QString()) == nullableString(expected.value(u"finish_reason")),
           "finish reason: " + d.result.finishReason.value_or(QString()).toUtf8());
    expect(!d.done, "Gemini has no end marker");
    const QString status = expected.value(u"status").toString();
    const QJsonValue usage = expected.value(u"usage");
    if (usage.isObject()) {
        const QJsonObject u = usage.toObject();
        expect(d.result.usage.promptTokens == nullableInt(u.value(u"prompt_tokens")), "prompt tokens");
        expect(d.result.usage.completionTokens == nullableInt(u.value(u"completion_tokens")), "completion tokens");
        expect(d.result.usage.reasoningTokens == nullableInt(u.value(u"reasoning_tokens")), "reasoning tokens");
        expect(d.result.usage.cachedPromptTokens == nullableInt(u.value(u"cached_prompt_tokens")), "cached tokens");
    }
    const QJsonValue error = expected.value(u"error");
    // A truncated stream's error is ChatStream's; the decoder itself reports none.
    const bool decoderError = error.isObject() && status == u"error";
    expect(decoderError == d.error.has_value(), "error presence");
    if (decoderError && d.error) {
        const QJsonObject e = error.toObject();
        expect(errorKindName(d.error->kind) == e.value(u"kind").toString(),
               "error kind: " + errorKindName(d.error->kind).toUtf8());
        expect(d.error->message.contains(e.value(u"message_contains").toString()),
               "error message: " + d.error->message.toUtf8());
    }
    if (status == u"truncated")
        expect(!d.result.finishReason, "a cut stream has no finish");
    return ok;
}

QJsonObject parsedBody(const HttpCall &call)
{
    return QJsonDocument::fromJson(call.body).object();
}

} // namespace

class TestGemini : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void catalogEntry();
    void fixtureStreams_data();
    void fixtureStreams();
    void signaturesKept();
    void idsAreStablePerResponse();
    void usageLastWins();
    void finishReasons_data();
    void finishReasons();
    void completeBody_data();
    void completeBody();
    void malformedEvent();
    void httpErrors_data();
    void httpErrors();
    void httpErrorShapes_data();
    void httpErrorShapes();
    void thinkingBudget_data();
    void thinkingBudget();
    void modelPath_data();
    void modelPath();
    void toolChoice_data();
    void toolChoice();
    void requestOverLoopback();
    void streamOverLoopback_data();
    void streamOverLoopback();
    void modelListPages();
    void modelListPageCap();

private:
    const GeminiProvider &gemini() const;
    std::unique_ptr<ProviderRegistry> m_registry;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestGemini::initTestCase()
{
    m_registry = ProviderRegistry::createDefault();
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy);
}

const GeminiProvider &TestGemini::gemini() const
{
    const auto *provider = dynamic_cast<const GeminiProvider *>(m_registry->find(QStringLiteral("gemini")));
    Q_ASSERT(provider);
    return *provider;
}

void TestGemini::catalogEntry()
{
    for (const CatalogProblem &problem : m_registry->problems())
        qWarning() << problem.toString();
    QVERIFY(m_registry->problems().isEmpty());
    const Provider *provider = m_registry->find(QStringLiteral("gemini"));
    QVERIFY(provider);
    QVERIFY(dynamic_cast<const GeminiProvider *>(provider));
    const ProviderInfo &info = provider->info();
    QCOMPARE(info.dialect, QStringLiteral("gemini"));
    QCOMPARE(info.displayName, QStringLiteral("Google Gemini"));
    QCOMPARE(info.auth, AuthStyle::XGoogApiKey);
    QCOMPARE(info.keyEnvVar, QStringLiteral("GEMINI_API_KEY"));
    QCOMPARE(info.defaultBaseUrl, QUrl(QStringLiteral("https://generativelanguage.googleapis.com/v1beta")));
    QCOMPARE(info.modelsPath, QStringLiteral("/models"));
    QCOMPARE(info.capabilities.functionCalls, std::optional<bool>(true));
    QCOMPARE(info.capabilities.reasoning, std::optional<bool>(true));
    QCOMPARE(info.capabilities.structuredOutput, std::optional<bool>(true));
    for (const QString &effort : info.reasoningEfforts)
        QVERIFY2(GeminiProvider::thinkingBudget(effort), qPrintable(effort)); // every listed effort has a budget
    for (const char *id : {"gemini-2.5-pro", "gemini-2.5-flash", "gemini-2.5-flash-lite"})
        QVERIFY2(info.findModel(QString::fromLatin1(id)), id);
}

void TestGemini::fixtureStreams_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("crlf");
    const QStringList names = fixtureNames(QStringLiteral("gemini"));
    QVERIFY(names.size() >= 10);
    for (const QString &name : names) {
        const Fixture fixture = loadFixture(QStringLiteral("gemini"), name);
        if (fixture.response.status != 200)
            continue;
        QTest::addRow("%s", qPrintable(name)) << name << false;
        QTest::addRow("%s crlf", qPrintable(name)) << name << true;
    }
}

// Every 200 fixture decodes to its expectation whole, byte by byte and cut in two at every
// offset; Gemini separates its events with CRLF, so each also runs with CRLF line endings.
void TestGemini::fixtureStreams()
{
    QFETCH(QString, name);
    QFETCH(bool, crlf);
    const Fixture fixture =
        loadFixture(QStringLiteral("gemini"), name,
                    crlf ? ScriptedResponse::BodyLineEndings::Crlf : ScriptedResponse::BodyLineEndings::AsIs);
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error));
    const QByteArray body = fixture.body();
    QCOMPARE(body.contains("\r\n"), crlf);
    QVERIFY(matches(decodeSplit<GeminiStreamDecoder>(body, {}), fixture.expected, "whole"));
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < body.size(); ++i)
        everyByte << i;
    QVERIFY(matches(decodeSplit<GeminiStreamDecoder>(body, everyByte), fixture.expected, "byte by byte"));
    for (qsizetype cut = 1; cut < body.size(); ++cut)
        QVERIFY(matches(decodeSplit<GeminiStreamDecoder>(body, {cut}), fixture.expected,
                        "cut at " + QByteArray::number(cut)));
}

// The thoughtSignature of a function-call part stays with that call; a call without one has none.
void TestGemini::signaturesKept()
{
    const Fixture one = loadFixture(QStringLiteral("gemini"), QStringLiteral("function_call"));
    QVERIFY(one.isValid());
    const Decoded single = decodeSplit<GeminiStreamDecoder>(one.body(), {});
    QCOMPARE(single.result.toolCalls.size(), 1);
    QVERIFY(single.result.toolCalls.at(0).signature.startsWith(u"CiQBcsjafDq1+8kVdR2hX0mNbT7eGqf3oZ/"));
    QVERIFY(one.body().contains(single.result.toolCalls.at(0).signature.toUtf8()));

    const Fixture two = loadFixture(QStringLiteral("gemini"), QStringLiteral("two_calls"));
    QVERIFY(two.isValid());
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < two.body().size(); ++i)
        everyByte << i;
    const Decoded parallel = decodeSplit<GeminiStreamDecoder>(two.body(), everyByte);
    QCOMPARE(parallel.result.toolCalls.size(), 3);
    QCOMPARE(parallel.result.toolCalls.at(0).signature,
             QStringLiteral("CiIBcsjafM0tq2d7Ui6f1Bv4XwR3nZkG5yHpL8aSeTo9JcQ="));
    QVERIFY(parallel.result.toolCalls.at(1).signature.isEmpty());
    QVERIFY(parallel.result.toolCalls.at(2).signature.isEmpty());
}

// The same stream gives the same ids; a new response (a new decoder) counts from 0 again,
// and an id Gemini sends itself is kept.
void TestGemini::idsAreStablePerResponse()
{
    const QByteArray body =
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"functionCall\":{\"name\":\"a\",\"args\":"
        "{\"x\":1}}},{\"functionCall\":{\"id\":\"fc-7\",\"name\":\"b\",\"args\":{}}}]},"
        "\"finishReason\":\"STOP\"}]}\n\n";
    const Decoded first = decodeSplit<GeminiStreamDecoder>(body, {});
    const Decoded again = decodeSplit<GeminiStreamDecoder>(body, {17, 40});
    QCOMPARE(first.result.toolCalls.size(), 2);
    QCOMPARE(first.result.toolCalls, again.result.toolCalls);
    QCOMPARE(first.result.toolCalls.at(0).id, QStringLiteral("call_0"));
    QCOMPARE(first.result.toolCalls.at(1).id, QStringLiteral("fc-7"));
    QCOMPARE(first.result.toolCalls.at(1).index, 1);
    QCOMPARE(first.result.finishReason, std::optional<QString>(QStringLiteral("tool_calls")));
}

void TestGemini::usageLastWins()
{
    const QByteArray body =
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\"}]}}],\"usageMetadata\":{\"promptTokenCount\":"
        "5,\"candidatesTokenCount\":1,\"totalTokenCount\":6}}\n\n"
        "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"b\"}]},\"finishReason\":\"STOP\"}],"
        "\"usageMetadata\":{\"promptTokenCount\":5,\"candidatesTokenCount\":2,\"thoughtsTokenCount\":3,"
        "\"totalTokenCount\":10}}\n\n";
    const Decoded d = decodeSplit<GeminiStreamDecoder>(body, {});
    QCOMPARE(d.result.text, QStringLiteral("ab"));
    QCOMPARE(d.result.usage.promptTokens, std::optional<qint64>(5));
    QCOMPARE(d.result.usage.completionTokens, std::optional<qint64>(5)); // 2 candidates + 3 thoughts
    QCOMPARE(d.result.usage.reasoningTokens, std::optional<qint64>(3));
    QCOMPARE(d.result.usage.totalTokens, std::optional<qint64>(10));
    QCOMPARE(d.result.usage.cachedPromptTokens, std::optional<qint64>());
}

void TestGemini::finishReasons_data()
{
    QTest::addColumn<QString>("reason");
    QTest::addColumn<QString>("finish");    // normalized
    QTest::addColumn<QString>("errorKind"); // empty: the answer is complete
    QTest::addRow("stop") << QStringLiteral("STOP") << QStringLiteral("stop") << QString();
    QTest::addRow("max tokens") << QStringLiteral("MAX_TOKENS") << QStringLiteral("length") << QString();
    for (const char *filter : {"SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII"})
        QTest::addRow("%s", filter) << QString::fromLatin1(filter) << QStringLiteral("content_filter")
                                    << QStringLiteral("bad_request");
    QTest::addRow("malformed function call") << QStringLiteral("MALFORMED_FUNCTION_CALL")
                                             << QStringLiteral("malformed_function_call") << QStringLiteral("stream");
    QTest::addRow("other") << QStringLiteral("OTHER") << QStringLiteral("other") << QString();
}

// Each finishReason: the normalized finish, and for a filter or a broken call an error that
// names Gemini's reason and carries its finishMessage; the text before it is kept.
void TestGemini::finishReasons()
{
    QFETCH(QString, reason);
    QFETCH(QString, finish);
    QFETCH(QString, errorKind);
    const QByteArray body = "data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"partial\"}]}}]}\n\n"
                            "data: {\"candidates\":[{\"content\":{\"parts\":[]},\"finishReason\":\"" +
                            reason.toLatin1() + "\",\"finishMessage\":\"Gemini's own detail.\"}]}\n\n";
    const Decoded d = decodeSplit<GeminiStreamDecoder>(body, {});
    QCOMPARE(d.result.text, QStringLiteral("partial"));
    QCOMPARE(d.result.finishReason, std::optional<QString>(finish));
    QCOMPARE(d.error.has_value(), !errorKind.isEmpty());
    if (d.error) {
        QCOMPARE(errorKindName(d.error->kind), errorKind);
        QVERIFY2(d.error->message.contains(reason), qPrintable(d.error->message));
        QVERIFY2(d.error->message.contains(u"Gemini's own detail."), qPrintable(d.error->message));
        QCOMPARE(d.error->code, reason);
    }
}

void TestGemini::completeBody_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("finish");
    QTest::addColumn<QString>("errorKind");
    QTest::addRow("array without alt=sse")
        << QByteArray("[{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hel\"}],\"role\":\"model\"}}]},\n"
                      "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"lo\"}],\"role\":\"model\"},"
                      "\"finishReason\":\"STOP\"}],\"usageMetadata\":{\"promptTokenCount\":2,"
                      "\"candidatesTokenCount\":1,\"totalTokenCount\":3}}]")
        << QStringLiteral("Hello") << QStringLiteral("stop") << QString();
    QTest::addRow("one generateContent answer")
        << QByteArray("{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"Hi\"}]},\"finishReason\":"
                      "\"MAX_TOKENS\"}]}")
        << QStringLiteral("Hi") << QStringLiteral("length") << QString();
    QTest::addRow("array with an error")
        << QByteArray("[{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted\",\"status\":"
                      "\"RESOURCE_EXHAUSTED\"}}]")
        << QString() << QString() << QStringLiteral("rate_limit");
    QTest::addRow("not JSON") << QByteArray("<html>proxy</html>") << QString() << QString() << QStringLiteral("stream");
    QTest::addRow("empty array") << QByteArray("[]") << QString() << QString() << QStringLiteral("stream");
}

void TestGemini::completeBody()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    QFETCH(QString, finish);
    QFETCH(QString, errorKind);
    StreamPipeline pipeline(std::make_unique<GeminiStreamDecoder>());
    pipeline.feedComplete(body);
    QCOMPARE(pipeline.result().text, text);
    QCOMPARE(pipeline.result().finishReason.value_or(QString()), finish);
    QCOMPARE(pipeline.error().has_value(), !errorKind.isEmpty());
    if (pipeline.error())
        QCOMPARE(errorKindName(pipeline.error()->kind), errorKind);
}

void TestGemini::malformedEvent()
{
    const Decoded d =
        decodeSplit<GeminiStreamDecoder>("data: {\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\"}]}}]}"
                                         "\n\ndata: {not json\n\n",
                                         {});
    QCOMPARE(d.result.text, QStringLiteral("a"));
    QVERIFY(d.error);
    QCOMPARE(d.error->kind, ErrorKind::Stream);
    QVERIFY(d.error->message.contains(u"malformed"));
}

void TestGemini::httpErrors_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : fixtureNames(QStringLiteral("gemini"))) {
        if (loadFixture(QStringLiteral("gemini"), name).response.status != 200)
            QTest::addRow("%s", qPrintable(name)) << name;
    }
}

// Each error fixture through errorFromHttp: the kind by status name, Gemini's message, the retry hint.
void TestGemini::httpErrors()
{
    QFETCH(QString, name);
    const Fixture fixture = loadFixture(QStringLiteral("gemini"), name);
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error));
    const QJsonObject want = fixture.expected.value(u"error").toObject();
    const ChatError error = gemini().errorFromHttp(fixture.response.status, fixture.body(), fixture.response.headers);
    QCOMPARE(errorKindName(error.kind), want.value(u"kind").toString());
    QCOMPARE(error.httpStatus, fixture.response.status);
    QVERIFY2(error.message.contains(want.value(u"message_contains").toString()), qPrintable(error.message));
    QCOMPARE(error.retryAfterS.has_value(), want.contains(u"retry_after_s"));
    if (error.retryAfterS)
        QCOMPARE(*error.retryAfterS, want.value(u"retry_after_s").toDouble());
    QVERIFY(!error.code.isEmpty());
}

void TestGemini::httpErrorShapes_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::addColumn<double>("retryAfter"); // < 0: none
    QTest::addRow("array of one error")
        << 400
        << QByteArray("[{\"error\":{\"code\":400,\"message\":\"Invalid JSON payload received.\",\"status\":"
                      "\"INVALID_ARGUMENT\"}}]")
        << QStringLiteral("bad_request") << QStringLiteral("Invalid JSON payload received.") << -1.0;
    QTest::addRow("unauthenticated") << 401
                                     << QByteArray("{\"error\":{\"code\":401,\"message\":\"Request had invalid "
                                                   "authentication credentials.\",\"status\":\"UNAUTHENTICATED\"}}")
                                     << QStringLiteral("auth") << QStringLiteral("invalid authentication") << -1.0;
    QTest::addRow("failed precondition")
        << 400
        << QByteArray("{\"error\":{\"code\":400,\"message\":\"User location is not supported for the API use.\","
                      "\"status\":\"FAILED_PRECONDITION\"}}")
        << QStringLiteral("bad_request") << QStringLiteral("User location") << -1.0;
    QTest::addRow("deadline exceeded")
        << 504
        << QByteArray("{\"error\":{\"code\":504,\"message\":\"Deadline expired before operation could complete.\","
                      "\"status\":\"DEADLINE_EXCEEDED\"}}")
        << QStringLiteral("timeout") << QStringLiteral("Deadline expired") << -1.0;
    QTest::addRow("billing without retry info is quota")
        << 429
        << QByteArray("{\"error\":{\"code\":429,\"message\":\"Your prepayment credits are depleted. Please go to AI "
                      "Studio to manage your project and billing.\",\"status\":\"RESOURCE_EXHAUSTED\"}}")
        << QStringLiteral("quota") << QStringLiteral("prepayment credits") << -1.0;
    QTest::addRow("retry delay in milliseconds")
        << 429
        << QByteArray("{\"error\":{\"code\":429,\"message\":\"Resource has been exhausted.\",\"status\":"
                      "\"RESOURCE_EXHAUSTED\",\"details\":[{\"@type\":\"type.googleapis.com/google.rpc.RetryInfo\","
                      "\"retryDelay\":\"1.5s\"}]}}")
        << QStringLiteral("rate_limit") << QStringLiteral("exhausted") << 1.5;
    QTest::addRow("proxy page") << 502 << QByteArray("<html><body>Bad gateway</body></html>")
                                << QStringLiteral("server") << QStringLiteral("502") << -1.0;
}

void TestGemini::httpErrorShapes()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, kind);
    QFETCH(QString, message);
    QFETCH(double, retryAfter);
    const ChatError error = gemini().errorFromHttp(status, body, {});
    QCOMPARE(errorKindName(error.kind), kind);
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
    QCOMPARE(error.httpStatus, status);
    if (retryAfter < 0)
        QVERIFY(!error.retryAfterS);
    else
        QCOMPARE(error.retryAfterS, std::optional<double>(retryAfter));
}

void TestGemini::thinkingBudget_data()
{
    QTest::addColumn<QString>("effort");
    QTest::addColumn<int>("budget"); // -2: no thinkingBudget sent
    QTest::addColumn<bool>("includeThoughts");
    QTest::addRow("not set") << QString() << -2 << true;
    QTest::addRow("none") << QStringLiteral("none") << 0 << false;
    QTest::addRow("low") << QStringLiteral("low") << 1024 << true;
    QTest::addRow("medium") << QStringLiteral("medium") << 8192 << true;
    QTest::addRow("high") << QStringLiteral("high") << 24576 << true;
    QTest::addRow("dynamic") << QStringLiteral("dynamic") << -1 << true;
}

void TestGemini::thinkingBudget()
{
    QFETCH(QString, effort);
    QFETCH(int, budget);
    QFETCH(bool, includeThoughts);
    ChatRequest request;
    request.providerId = QStringLiteral("gemini");
    request.config.model = QStringLiteral("gemini-2.5-flash");
    request.config.reasoningEffort = effort;
    request.messages.append(ChatMessage::user(QStringLiteral("hi")));
    QVERIFY(gemini().validate(request).isEmpty());
    const QJsonObject thinking = parsedBody(gemini().buildChatCall(request, gemini().info().defaultBaseUrl))
                                     .value(u"generationConfig")
                                     .toObject()
                                     .value(u"thinkingConfig")
                                     .toObject();
    QCOMPARE(thinking.value(u"includeThoughts").toBool(), includeThoughts);
    QCOMPARE(thinking.contains(u"thinkingBudget"), budget != -2);
    if (budget != -2)
        QCOMPARE(thinking.value(u"thinkingBudget").toInt(), budget);

    request.config.reasoningEffort = QStringLiteral("extreme");
    QVERIFY(!gemini().validate(request).isEmpty()); // a word the catalog does not list is refused
}

void TestGemini::modelPath_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("model");
    QTest::addColumn<QByteArray>("encodedUrl");
    QTest::addRow("plain id") << QStringLiteral("https://generativelanguage.googleapis.com/v1beta")
                              << QStringLiteral("gemini-2.5-flash")
                              << QByteArray("https://generativelanguage.googleapis.com/v1beta/models/"
                                            "gemini-2.5-flash:streamGenerateContent?alt=sse");
    QTest::addRow("models/ prefix and trailing slash")
        << QStringLiteral("https://generativelanguage.googleapis.com/v1beta/")
        << QStringLiteral("models/gemini-2.5-pro")
        << QByteArray("https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-pro:streamGenerateContent"
                      "?alt=sse");
    QTest::addRow("unsafe characters encoded")
        << QStringLiteral("http://127.0.0.1:9/gw") << QStringLiteral("my model/../x?key=1#f")
        << QByteArray("http://127.0.0.1:9/gw/models/my%20model%2F..%2Fx%3Fkey%3D1%23f:streamGenerateContent?alt=sse");
}

void TestGemini::modelPath()
{
    QFETCH(QString, base);
    QFETCH(QString, model);
    QFETCH(QByteArray, encodedUrl);
    ChatRequest request;
    request.config.model = model;
    request.messages.append(ChatMessage::user(QStringLiteral("hi")));
    const HttpCall call = gemini().buildChatCall(request, QUrl(base));
    QCOMPARE(call.url.toEncoded(), encodedUrl);
    QCOMPARE(call.auth, AuthStyle::XGoogApiKey);
}

void TestGemini::toolChoice_data()
{
    QTest::addColumn<QJsonValue>("choice");
    QTest::addColumn<QString>("mode"); // empty: no toolConfig
    QTest::addColumn<QString>("allowed");
    QTest::addRow("unset") << QJsonValue(QJsonValue::Undefined) << QString() << QString();
    QTest::addRow("auto") << QJsonValue(QStringLiteral("auto")) << QStringLiteral("AUTO") << QString();
    QTest::addRow("none") << QJsonValue(QStringLiteral("none")) << QStringLiteral("NONE") << QString();
    QTest::addRow("required") << QJsonValue(QStringLiteral("required")) << QStringLiteral("ANY") << QString();
    QTest::addRow("forced function") << QJsonValue(QJsonObject{
                                            {QStringLiteral("type"), QStringLiteral("function")},
                                            {QStringLiteral("function"),
                                             QJsonObject{{QStringLiteral("name"), QStringLiteral("calc")}}}})
                                     << QStringLiteral("ANY") << QStringLiteral("calc");
}

void TestGemini::toolChoice()
{
    QFETCH(QJsonValue, choice);
    QFETCH(QString, mode);
    QFETCH(QString, allowed);
    ChatRequest request;
    request.config.model = QStringLiteral("gemini-2.5-flash");
    request.config.tools = QJsonArray{
        QJsonObject{{QStringLiteral("type"), QStringLiteral("function")},
                    {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), QStringLiteral("calc")}}}}};
    request.config.toolChoice = choice;
    request.messages.append(ChatMessage::user(QStringLiteral("hi")));
    const QJsonObject body = parsedBody(gemini().buildChatCall(request, gemini().info().defaultBaseUrl));
    QCOMPARE(body.contains(u"toolConfig"), !mode.isEmpty());
    const QJsonObject config = body.value(u"toolConfig").toObject().value(u"functionCallingConfig").toObject();
    QCOMPARE(config.value(u"mode").toString(), mode);
    QCOMPARE(config.value(u"allowedFunctionNames").toArray().first().toString(), allowed);
}

// The whole request as the loopback server saw it: no key anywhere in the request line, the
// key in x-goog-api-key only, the streaming path, and the body's shape for a conversation with
// a system prompt, an image, a tool round (calls with their signature, results in one content).
void TestGemini::requestOverLoopback()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    const Fixture fixture = loadFixture(QStringLiteral("gemini"), QStringLiteral("text"));
    QVERIFY(fixture.isValid());
    server.route("POST", "/v1beta/models/gemini-2.5-flash:streamGenerateContent", fixture.response);

    ChatRequest request;
    request.providerId = QStringLiteral("gemini");
    ProviderConfig &config = request.config;
    config.model = QStringLiteral("gemini-2.5-flash");
    config.systemPrompt = QStringLiteral("Be brief.");
    config.temperature = 0.5;
    config.topP = 0.9;
    config.maxTokens = 512;
    config.seed = 42;
    config.stop = {QStringLiteral("END")};
    config.reasoningEffort = QStringLiteral("low");
    config.tools = QJsonArray{QJsonObject{
        {QStringLiteral("type"), QStringLiteral("function")},
        {QStringLiteral("function"),
         QJsonObject{{QStringLiteral("name"), QStringLiteral("get_weather")},
                     {QStringLiteral("description"), QStringLiteral("Weather for a city")},
                     {QStringLiteral("parameters"),
                      QJsonObject{{QStringLiteral("type"), QStringLiteral("object")},
                                  {QStringLiteral("properties"),
                                   QJsonObject{{QStringLiteral("city"),
                                                QJsonObject{{QStringLiteral("type"), QStringLiteral("string")}}}}},
                                  {QStringLiteral("additionalProperties"), false}}}}}}};
    config.toolChoice = QStringLiteral("auto");
    config.responseSchema = QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}};

    ImageInput image;
    image.mimeType = QStringLiteral("image/png");
    image.data = QByteArray("\x89PNG\r\n\x1a\nfake", 12);
    image.fileName = QStringLiteral("map.png");
    request.messages.append(ChatMessage::user(QStringLiteral("Weather where the map points?"), {image}));
    ChatMessage system;
    system.role = Role::System;
    system.content = QStringLiteral("Use metric units.");
    request.messages.append(system);
    ChatMessage assistant = ChatMessage::assistant(QStringLiteral("Looking it up."), QStringLiteral("thinking"));
    ToolCall paris;
    paris.index = 0;
    paris.id = QStringLiteral("call_0");
    paris.name = QStringLiteral("get_weather");
    paris.arguments = QStringLiteral("{\"city\":\"Paris\"}");
    paris.signature = QStringLiteral("SIG-paris==");
    ToolCall lyon = paris;
    lyon.index = 1;
    lyon.id = QStringLiteral("call_1");
    lyon.arguments = QStringLiteral("{\"city\":\"Lyon\"}");
    lyon.signature.clear();
    assistant.toolCalls = {paris, lyon};
    request.messages.append(assistant);
    ChatMessage parisResult;
    parisResult.role = Role::Tool;
    parisResult.toolCallId = QStringLiteral("call_0");
    parisResult.name = QStringLiteral("get_weather");
    parisResult.content = QStringLiteral("{\"temp_c\":21}");
    request.messages.append(parisResult);
    ChatMessage lyonResult = parisResult;
    lyonResult.toolCallId = QStringLiteral("call_1");
    lyonResult.name.clear(); // found through the call's id
    lyonResult.content = QStringLiteral("sunny");
    request.messages.append(lyonResult);

    QVERIFY(gemini().validate(request).isEmpty());
    TransportOptions options;
    options.retry.maxRetries = 0;
    ChatStream stream(*m_network, gemini(), request, ApiKey::fromUtf8(kKey), server.url("/v1beta"), options);
    QSignalSpy finished(&stream, &ChatStream::finished);
    stream.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(stream.result().status, ResultStatus::Ok);
    QCOMPARE(stream.result().text, QStringLiteral("The Rhine rises in the Swiss Alps and flows into the North Sea."));

    QCOMPARE(server.requestCount(), 1);
    const RecordedRequest sent = server.request(0);
    QCOMPARE(sent.method, QByteArray("POST"));
    QCOMPARE(sent.path, QByteArray("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"));
    QVERIFY(!sent.path.contains(kKey));
    QVERIFY(!sent.path.contains("key="));
    QCOMPARE(sent.header("x-goog-api-key"), kKey);
    QVERIFY(!sent.hasHeader("Authorization"));
    QVERIFY(!sent.hasHeader("x-api-key"));
    QVERIFY(!sent.body.contains(kKey));

    const QJsonObject body = sent.json();
    QCOMPARE(body.value(u"systemInstruction").toObject().value(u"parts").toArray().first().toObject().value(u"text"),
             QJsonValue(QStringLiteral("Be brief.\n\nUse metric units.")));
    const QJsonObject generation = body.value(u"generationConfig").toObject();
    QCOMPARE(generation.value(u"temperature").toDouble(), 0.5);
    QCOMPARE(generation.value(u"topP").toDouble(), 0.9);
    QCOMPARE(generation.value(u"maxOutputTokens").toInt(), 512);
    QCOMPARE(generation.value(u"seed").toInt(), 42);
    QCOMPARE(generation.value(u"stopSequences").toArray(), QJsonArray{QStringLiteral("END")});
    QCOMPARE(generation.value(u"responseMimeType").toString(), QStringLiteral("application/json"));
    QCOMPARE(generation.value(u"responseJsonSchema").toObject(), config.responseSchema);
    QCOMPARE(generation.value(u"thinkingConfig").toObject(),
             (QJsonObject{{QStringLiteral("includeThoughts"), true}, {QStringLiteral("thinkingBudget"), 1024}}));
    const QJsonObject declaration =
        body.value(u"tools").toArray().first().toObject().value(u"functionDeclarations").toArray().first().toObject();
    QCOMPARE(declaration.value(u"name").toString(), QStringLiteral("get_weather"));
    QCOMPARE(declaration.value(u"description").toString(), QStringLiteral("Weather for a city"));
    QCOMPARE(declaration.value(u"parametersJsonSchema").toObject().value(u"additionalProperties"), QJsonValue(false));
    QCOMPARE(body.value(u"toolConfig").toObject().value(u"functionCallingConfig").toObject().value(u"mode").toString(),
             QStringLiteral("AUTO"));

    const QJsonArray contents = body.value(u"contents").toArray();
    QCOMPARE(contents.size(), 3); // user (image + text), model (text + 2 calls), user (2 results)
    const QJsonObject user = contents.at(0).toObject();
    QCOMPARE(user.value(u"role").toString(), QStringLiteral("user"));
    const QJsonArray userParts = user.value(u"parts").toArray();
    QCOMPARE(userParts.size(), 2);
    const QJsonObject inlineData = userParts.at(0).toObject().value(u"inline_data").toObject();
    QCOMPARE(inlineData.value(u"mime_type").toString(), QStringLiteral("image/png"));
    QCOMPARE(QByteArray::fromBase64(inlineData.value(u"data").toString().toLatin1()), image.data);
    QCOMPARE(userParts.at(1).toObject().value(u"text").toString(), QStringLiteral("Weather where the map points?"));

    const QJsonObject model = contents.at(1).toObject();
    QCOMPARE(model.value(u"role").toString(), QStringLiteral("model"));
    const QJsonArray modelParts = model.value(u"parts").toArray();
    QCOMPARE(modelParts.size(), 3);
    QCOMPARE(modelParts.at(0).toObject().value(u"text").toString(), QStringLiteral("Looking it up."));
    const QJsonObject parisPart = modelParts.at(1).toObject();
    QCOMPARE(parisPart.value(u"functionCall").toObject(),
             (QJsonObject{{QStringLiteral("name"), QStringLiteral("get_weather")},
                          {QStringLiteral("args"), QJsonObject{{QStringLiteral("city"), QStringLiteral("Paris")}}}}));
    QCOMPARE(parisPart.value(u"thoughtSignature").toString(), QStringLiteral("SIG-paris=="));
    QVERIFY(!modelParts.at(2).toObject().contains(u"thoughtSignature"));
    QCOMPARE(modelParts.at(2).toObject().value(u"functionCall").toObject().value(u"args").toObject().value(u"city"),
             QJsonValue(QStringLiteral("Lyon")));

    const QJsonObject results = contents.at(2).toObject();
    QCOMPARE(results.value(u"role").toString(), QStringLiteral("user"));
    const QJsonArray resultParts = results.value(u"parts").toArray();
    QCOMPARE(resultParts.size(), 2);
    QCOMPARE(resultParts.at(0).toObject().value(u"functionResponse").toObject(),
             (QJsonObject{{QStringLiteral("name"), QStringLiteral("get_weather")},
                          {QStringLiteral("response"), QJsonObject{{QStringLiteral("temp_c"), 21}}}}));
    QCOMPARE(
        resultParts.at(1).toObject().value(u"functionResponse").toObject(),
        (QJsonObject{{QStringLiteral("name"), QStringLiteral("get_weather")},
                     {QStringLiteral("response"), QJsonObject{{QStringLiteral("result"), QStringLiteral("sunny")}}}}));
}

void TestGemini::streamOverLoopback_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("delivery"); // 0 whole, 1 byte by byte, 2 one write per event
    for (const QString &name : fixtureNames(QStringLiteral("gemini"))) {
        QTest::addRow("%s whole", qPrintable(name)) << name << 0;
        QTest::addRow("%s bytewise", qPrintable(name)) << name << 1;
        QTest::addRow("%s per-event", qPrintable(name)) << name << 2;
    }
}

// Every fixture through ChatStream over a real socket: status (a clean end after a finish is
// complete, a cut body truncated), text, calls, finish and the error's kind and status.
void TestGemini::streamOverLoopback()
{
    QFETCH(QString, name);
    QFETCH(int, delivery);
    const Fixture fixture = loadFixture(QStringLiteral("gemini"), name, ScriptedResponse::BodyLineEndings::Crlf);
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error));
    ScriptedResponse response = fixture.response;
    if (delivery == 1)
        response.splitBodyEvery(1);
    else if (delivery == 2)
        response.splitBodyAtEvents();
    ScriptedServer server;
    QVERIFY(server.listen());
    server.route("POST", "/v1beta/models/gemini-2.5-flash:streamGenerateContent", response);
    ChatRequest request;
    request.providerId = QStringLiteral("gemini");
    request.config.model = QStringLiteral("gemini-2.5-flash");
    request.messages.append(ChatMessage::user(QStringLiteral("hi")));
    TransportOptions options;
    options.retry.maxRetries = 0;
    ChatStream stream(*m_network, gemini(), request, ApiKey::fromUtf8(kKey), server.url("/v1beta"), options);
    QSignalSpy finished(&stream, &ChatStream::finished);
    stream.start();
    QVERIFY(finished.wait(20000));
    QCOMPARE(finished.size(), 1);

    const QJsonObject want = fixture.expected;
    const ChatResult &got = stream.result();
    QCOMPARE(resultStatusName(got.status), want.value(u"status").toString());
    QCOMPARE(got.text, want.value(u"text").toString());
    QCOMPARE(got.reasoning, want.value(u"reasoning").toString());
    QCOMPARE(got.toolCalls.size(), want.value(u"tool_calls").toArray().size());
    QCOMPARE(got.finishReason.value_or(QString()), nullableString(want.value(u"finish_reason")));
    const QJsonValue error = want.value(u"error");
    QCOMPARE(got.error.has_value(), error.isObject());
    if (got.error) {
        QCOMPARE(errorKindName(got.error->kind), error.toObject().value(u"kind").toString());
        QCOMPARE(got.error->httpStatus, error.toObject().value(u"http_status").toInt());
        QVERIFY2(got.error->message.contains(error.toObject().value(u"message_contains").toString()),
                 qPrintable(got.error->message));
        QVERIFY(!got.error->message.contains(QString::fromLatin1(kKey)));
    }
    QVERIFY(!server.request(0).path.contains(kKey));
}

// Two pages (the second asked for with the first's nextPageToken), concatenated; a model
// that cannot generateContent is left out; ids lose their models/ prefix.
void TestGemini::modelListPages()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    const auto page = [](const QByteArray &json) { return ScriptedResponse::json(200, json); };
    server.enqueue(page(R"({"models":[
        {"name":"models/gemini-2.5-flash","displayName":"Gemini 2.5 Flash","inputTokenLimit":1048576,
         "outputTokenLimit":65536,"supportedGenerationMethods":["generateContent","countTokens","createCachedContent"],
         "thinking":true},
        {"name":"models/text-embedding-004","displayName":"Text Embedding 004","inputTokenLimit":2048,
         "outputTokenLimit":1,"supportedGenerationMethods":["embedContent"]}],
        "nextPageToken":"Chxtb2RlbHMv+Z2VtaW5p/LTIuNS1wcm8="})"));
    server.enqueue(page(R"({"models":[
        {"name":"models/gemini-2.5-pro","displayName":"Gemini 2.5 Pro","inputTokenLimit":1048576,
         "outputTokenLimit":65536,"supportedGenerationMethods":["generateContent","countTokens"]},
        {"name":"models/gemini-2.5-flash","displayName":"Gemini 2.5 Flash","supportedGenerationMethods":
         ["generateContent"]}]})"));

    ModelListJob job(*m_network, gemini(), ApiKey::fromUtf8(kKey), server.url("/v1beta"));
    QSignalSpy finished(&job, &ModelListJob::finished);
    job.start();
    QVERIFY(finished.wait(20000));
    QVERIFY2(job.result().has_value(), qPrintable(job.result().error().message));
    const QList<ModelInfo> &models = *job.result();
    QCOMPARE(models.size(), 2);
    QCOMPARE(models.at(0).id, QStringLiteral("gemini-2.5-flash"));
    QCOMPARE(models.at(0).displayName, QStringLiteral("Gemini 2.5 Flash"));
    QCOMPARE(models.at(0).contextWindow, std::optional<qint64>(1048576));
    QCOMPARE(models.at(0).maxOutputTokens, std::optional<qint64>(65536));
    QCOMPARE(models.at(1).id, QStringLiteral("gemini-2.5-pro"));

    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(server.request(0).path, QByteArray("/v1beta/models?pageSize=1000"));
    QCOMPARE(server.request(1).path,
             QByteArray("/v1beta/models?pageSize=1000&pageToken=Chxtb2RlbHMv%2BZ2VtaW5p%2FLTIuNS1wcm8%3D"));
    for (int i = 0; i < 2; ++i) {
        QCOMPARE(server.request(i).method, QByteArray("GET"));
        QCOMPARE(server.request(i).header("x-goog-api-key"), kKey);
        QVERIFY(!server.request(i).path.contains(kKey));
    }
}

// A server that always names a next page: the job stops after kMaxPages and keeps what it got.
void TestGemini::modelListPageCap()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.route("GET", "/v1beta/models", ScriptedResponse::json(200, R"({"models":[{"name":"models/gemini-2.5-flash",
                     "supportedGenerationMethods":["generateContent"]}], "nextPageToken":"again"})"));
    ModelListJob job(*m_network, gemini(), ApiKey::fromUtf8(kKey), server.url("/v1beta"));
    QSignalSpy finished(&job, &ModelListJob::finished);
    job.start();
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.size(), 1);
    QVERIFY(job.result().has_value());
    QCOMPARE(job.result()->size(), 1);
    QCOMPARE(server.requestCount(), ModelListJob::kMaxPages);
}

QTEST_GUILESS_MAIN(TestGemini)
#include "tst_gemini.moc"
