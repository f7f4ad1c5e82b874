// SPDX-License-Identifier: GPL-3.0-or-later
// The Synesia dialect: its event stream split at every byte offset on its way through the
// SSE parser, the LLM Exec request body, its HTTP and stream errors and the capability checks.
#include "fixture.h"
#include "providers/providerregistry.h"
#include "providers/synesiaprovider.h"
#include "providers/synesiastreamdecoder.h"
#include "splitdecode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace versus;
using namespace versus::test;

namespace {

QString nullableString(const QJsonValue &value)
{
    return value.isNull() ? QString() : value.toString();
}

std::optional<qint64> nullableInt(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<qint64>(value.toInteger()) : std::nullopt;
}

ChatRequest requestFor(const QString &model)
{
    ChatRequest request;
    request.providerId = QStringLiteral("synesia");
    request.config.model = model;
    request.messages.append(ChatMessage::user(QStringLiteral("hi")));
    return request;
}

const Provider &synesia(const ProviderRegistry &registry)
{
    const Provider *provider = registry.find(QStringLiteral("synesia"));
    Q_ASSERT(provider);
    return *provider;
}

} // namespace

class TestSynesia : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void catalogEntry();
    void fixtureStreams_data();
    void fixtureStreams();
    void eventShapes_data();
    void eventShapes();
    void usageNamingStyles_data();
    void usageNamingStyles();
    void completeJsonAnswer();
    void requestBody();
    void requestBodyWithImages();
    void baseUrlWithOrWithoutV1_data();
    void baseUrlWithOrWithoutV1();
    void httpErrors_data();
    void httpErrors();
    void capabilitiesEnforced_data();
    void capabilitiesEnforced();
    void noModelListEndpoint();
};

void TestSynesia::catalogEntry()
{
    auto registry = ProviderRegistry::createDefault();
    for (const CatalogProblem &problem : registry->problems())
        qWarning() << problem.toString();
    QVERIFY(registry->problems().isEmpty());
    const Provider *provider = registry->find(QStringLiteral("synesia"));
    QVERIFY(provider);
    QVERIFY(dynamic_cast<const SynesiaProvider *>(provider));
    const ProviderInfo &info = provider->info();
    QCOMPARE(info.dialect, QStringLiteral("synesia"));
    QCOMPARE(info.auth, AuthStyle::XApiKey);
    QCOMPARE(info.keyEnvVar, QStringLiteral("SYNESIA_API_KEY"));
    QVERIFY(info.keyRequired);
    QCOMPARE(info.defaultBaseUrl.scheme(), QStringLiteral("https"));
    QVERIFY(info.modelsPath.isEmpty());
    QCOMPARE(info.capabilities.streaming, std::optional<bool>(true));
    QCOMPARE(info.capabilities.functionCalls, std::optional<bool>(false));
    QCOMPARE(info.capabilities.structuredOutput, std::optional<bool>(false));
    QVERIFY(info.findModel(QStringLiteral("groq/gpt-oss-120b")));
    for (const ModelInfo &model : info.models)
        QVERIFY2(model.id.contains(u'/'), qPrintable(model.id)); // vendor/model slugs
}

void TestSynesia::fixtureStreams_data()
{
    QTest::addColumn<QString>("name");
    const QStringList names = fixtureNames(QStringLiteral("synesia"));
    QVERIFY(names.size() >= 4);
    for (const QString &name : names) {
        const Fixture fixture = loadFixture(QStringLiteral("synesia"), name);
        if (fixture.response.status == 200)
            QTest::addRow("%s", qPrintable(name)) << name;
    }
}

// Every 200 fixture decodes to its expectation whole, byte by byte and cut in two at every offset.
void TestSynesia::fixtureStreams()
{
    QFETCH(QString, name);
    const Fixture fixture = loadFixture(QStringLiteral("synesia"), name);
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error));
    const QJsonObject expected = fixture.expected;
    const QByteArray body = fixture.body();
    const QString status = expected.value(u"status").toString();

    const auto check = [&](const Decoded &d, const QByteArray &how) -> bool {
        const QByteArray where = "[" + how + "] ";
        bool ok = true;
        const auto expect = [&](bool condition, const QByteArray &what) {
            if (!condition && ok) {
                qWarning("%s%s", where.constData(), what.constData());
                ok = false;
            }
        };
        expect(d.result.text == expected.value(u"text").toString(), "text: " + d.result.text.toUtf8());
        expect(d.result.reasoning == expected.value(u"reasoning").toString(),
               "reasoning: " + d.result.reasoning.toUtf8());
        expect(d.result.toolCalls.isEmpty(), "tool calls");
        expect(d.result.finishReason.value_or(QString()) == nullableString(expected.value(u"finish_reason")),
               "finish reason");
        expect(d.done == (status == u"ok"), "done marker");
        expect(d.eventsAfterDone == 0, "events after done");
        const QJsonValue usage = expected.value(u"usage");
        if (usage.isObject()) {
            const QJsonObject u = usage.toObject();
            expect(d.result.usage.promptTokens == nullableInt(u.value(u"prompt_tokens")), "prompt tokens");
            expect(d.result.usage.completionTokens == nullableInt(u.value(u"completion_tokens")), "completion tokens");
            expect(d.result.usage.reasoningTokens == nullableInt(u.value(u"reasoning_tokens")), "reasoning tokens");
            expect(d.result.usage.cachedPromptTokens == nullableInt(u.value(u"cached_prompt_tokens")), "cached tokens");
        } else {
            expect(d.result.usage.isEmpty(), "usage");
        }
        const QJsonValue error = expected.value(u"error");
        expect(error.isObject() == d.error.has_value(), "error presence");
        if (error.isObject() && d.error) {
            const QJsonObject e = error.toObject();
            expect(errorKindName(d.error->kind) == e.value(u"kind").toString(), "error kind");
            expect(d.error->message.contains(e.value(u"message_contains").toString()),
                   "error message: " + d.error->message.toUtf8());
        }
        return ok;
    };

    QVERIFY(check(decodeSplit<SynesiaStreamDecoder>(body, {}), "whole"));
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < body.size(); ++i)
        everyByte << i;
    QVERIFY(check(decodeSplit<SynesiaStreamDecoder>(body, everyByte), "byte by byte"));
    for (qsizetype cut = 1; cut < body.size(); ++cut)
        QVERIFY2(check(decodeSplit<SynesiaStreamDecoder>(body, {cut}), "cut at " + QByteArray::number(cut)),
                 qPrintable(name));
}

void TestSynesia::eventShapes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reasoning");
    QTest::addColumn<bool>("done");
    QTest::addColumn<QString>("errorKind"); // empty: none
    QTest::addColumn<QString>("errorText");

    QTest::addRow("older chunk and end events")
        << QByteArray("data: {\"type\":\"start\"}\n\ndata: {\"type\":\"chunk\",\"content\":\"Old \"}\n\n"
                      "data: {\"type\":\"chunk\",\"content\":\"format\"}\n\ndata: {\"type\":\"end\",\"usage\":"
                      "{\"prompt_tokens\":3,\"completion_tokens\":2}}\n\n")
        << QStringLiteral("Old format") << QString() << true << QString() << QString();
    QTest::addRow("internal tool error does not stop the round")
        << QByteArray(
               "data: {\"type\":\"internal_tool.start\",\"tool_call_id\":\"fc_1\",\"name\":\"tim\",\"arguments\":"
               "{\"value\":\"x\"}}\n\ndata: {\"type\":\"internal_tool.error\",\"tool_call_id\":\"fc_1\",\"name\":"
               "\"tim\",\"error\":\"Invalid tool results\"}\n\ndata: {\"type\":\"internal_tool.done\","
               "\"tool_call_id\":\"fc_1\",\"name\":\"tim\",\"result\":\"failed\"}\n\ndata: {\"type\":"
               "\"text.delta\",\"delta\":\"Tim could not be reached.\"}\n\ndata: {\"type\":\"done\","
               "\"complete\":true}\n\n")
        << QStringLiteral("Tim could not be reached.") << QString() << true << QString() << QString();
    QTest::addRow("unknown event types are skipped")
        << QByteArray("data: {\"type\":\"annotation.added\",\"x\":1}\n\ndata: {\"type\":\"text.delta\",\"delta\":"
                      "\"ok\"}\n\n: keep-alive\n\ndata: {\"type\":\"done\"}\n\n")
        << QStringLiteral("ok") << QString() << true << QString() << QString();
    QTest::addRow("events after done are ignored")
        << QByteArray("data: {\"type\":\"text.delta\",\"delta\":\"a\"}\n\ndata: {\"type\":\"done\"}\n\ndata: "
                      "{\"type\":\"text.delta\",\"delta\":\"late\"}\n\ndata: [DONE]\n\n")
        << QStringLiteral("a") << QString() << true << QString() << QString();
    QTest::addRow("error event with plain text and numeric code")
        << QByteArray("data: {\"type\":\"reasoning.delta\",\"delta\":\"hm\"}\n\ndata: {\"type\":\"error\",\"error\":"
                      "{\"message\":\"Too many requests\",\"code\":429}}\n\n")
        << QString() << QStringLiteral("hm") << false << QStringLiteral("rate_limit")
        << QStringLiteral("Too many requests");
    QTest::addRow("error as a string") << QByteArray(
                                              "data: {\"type\":\"error\",\"error\":\"Model groq/x not found\"}\n\n")
                                       << QString() << QString() << false << QStringLiteral("stream")
                                       << QStringLiteral("Model groq/x not found");
    QTest::addRow("named SSE error event without type")
        << QByteArray("event: error\ndata: {\"message\":\"overloaded\"}\n\n") << QString() << QString() << false
        << QStringLiteral("stream") << QStringLiteral("overloaded");
    QTest::addRow("malformed event") << QByteArray(
                                            "data: {\"type\":\"text.delta\",\"delta\":\"x\"}\n\ndata: {\"type\n\n")
                                     << QStringLiteral("x") << QString() << false << QStringLiteral("stream")
                                     << QStringLiteral("malformed");
    QTest::addRow("CRLF framing and UTF-8 split")
        << QByteArray("data: {\"type\":\"text.delta\",\"delta\":\"Gr\xc3\xbc\xc3\x9f \xf0\x9f\x91\x8b\"}\r\n\r\n"
                      "data: {\"type\":\"done\"}\r\n\r\n")
        << QString::fromUtf8("Grüß 👋") << QString() << true << QString() << QString();
}

void TestSynesia::eventShapes()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    QFETCH(QString, reasoning);
    QFETCH(bool, done);
    QFETCH(QString, errorKind);
    QFETCH(QString, errorText);
    for (qsizetype cut = 0; cut < body.size(); ++cut) {
        const Decoded d = decodeSplit<SynesiaStreamDecoder>(body, cut > 0 ? QList<qsizetype>{cut} : QList<qsizetype>{});
        const QByteArray where = "cut at " + QByteArray::number(cut);
        QVERIFY2(d.result.text == text, where.constData());
        QVERIFY2(d.result.reasoning == reasoning, where.constData());
        QVERIFY2(d.done == done, where.constData());
        QVERIFY2(d.error.has_value() == !errorKind.isEmpty(), where.constData());
        if (d.error) {
            QCOMPARE(errorKindName(d.error->kind), errorKind);
            QVERIFY2(d.error->message.contains(errorText), qPrintable(d.error->message));
        }
        if (done)
            QCOMPARE(d.result.finishReason, std::optional<QString>(QStringLiteral("stop")));
    }
}

void TestSynesia::usageNamingStyles_data()
{
    QTest::addColumn<QByteArray>("usage");
    QTest::addColumn<QString>("expected"); // prompt/completion/reasoning/cached, -1 absent
    QTest::addRow("synesia names")
        << QByteArray(R"({"input_tokens":40,"output_tokens":12,"cached_input_tokens":8,"reasoning_output_tokens":5})")
        << QStringLiteral("40/12/5/8");
    QTest::addRow("openai names")
        << QByteArray(
               R"({"prompt_tokens":40,"completion_tokens":12,"total_tokens":52,"prompt_tokens_details":{"cached_tokens":8},"completion_tokens_details":{"reasoning_tokens":5}})")
        << QStringLiteral("40/12/5/8");
    QTest::addRow("responses-style details")
        << QByteArray(
               R"({"input_tokens":40,"output_tokens":12,"input_tokens_details":{"cached_tokens":8},"output_tokens_details":{"reasoning_tokens":5}})")
        << QStringLiteral("40/12/5/8");
    QTest::addRow("partial") << QByteArray(R"({"output_tokens":7})") << QStringLiteral("-1/7/-1/-1");
    QTest::addRow("not numbers") << QByteArray(R"({"input_tokens":"40","output_tokens":null})")
                                 << QStringLiteral("-1/-1/-1/-1");
}

void TestSynesia::usageNamingStyles()
{
    QFETCH(QByteArray, usage);
    QFETCH(QString, expected);
    const Decoded d = decodeSplit<SynesiaStreamDecoder>(
        "data: {\"type\":\"text.delta\",\"delta\":\"x\"}\n\ndata: {\"type\":\"done\",\"usage\":" + usage + "}\n\n", {});
    const Usage &u = d.result.usage;
    const auto n = [](const std::optional<qint64> &v) { return v ? QString::number(*v) : QStringLiteral("-1"); };
    QCOMPARE(QStringList({n(u.promptTokens), n(u.completionTokens), n(u.reasoningTokens), n(u.cachedPromptTokens)})
                 .join(u'/'),
             expected);
    QVERIFY(d.done);
}

void TestSynesia::completeJsonAnswer()
{
    SynesiaStreamDecoder decoder;
    StreamDecoder::Output out;
    decoder.decodeComplete(
        R"({"message":{"role":"assistant","content":"Paris.","reasoning":"Capital of France."},"usage":{"prompt_tokens":9,"completion_tokens":4,"total_tokens":13},"finish_reason":"stop"})",
        out);
    QVERIFY(!out.error);
    QVERIFY(out.done);
    QCOMPARE(out.deltas.size(), 1);
    QCOMPARE(out.deltas.first().text, QStringLiteral("Paris."));
    QCOMPARE(out.deltas.first().reasoning, QStringLiteral("Capital of France."));
    QCOMPARE(out.deltas.first().usage->completionTokens, std::optional<qint64>(4));

    SynesiaStreamDecoder errorDecoder;
    StreamDecoder::Output errorOut;
    errorDecoder.decodeComplete(R"({"error":"Callable tim must have a description","statusCode":400})", errorOut);
    QVERIFY(errorOut.error);
    QVERIFY(errorOut.error->message.contains(u"must have a description"));

    SynesiaStreamDecoder htmlDecoder;
    StreamDecoder::Output htmlOut;
    htmlDecoder.decodeComplete("<html>login</html>", htmlOut);
    QVERIFY(htmlOut.error);
    QCOMPARE(htmlOut.error->kind, ErrorKind::Stream);
}

void TestSynesia::requestBody()
{
    auto registry = ProviderRegistry::createDefault();
    ChatRequest request = requestFor(QStringLiteral("groq/gpt-oss-120b"));
    request.config.systemPrompt = QStringLiteral("Be brief.");
    request.config.temperature = 0.7;
    request.config.maxTokens = 1000;
    request.config.topP = 0.9;
    request.config.reasoningEffort = QStringLiteral("medium");
    request.config.parallelToolCalls = true;
    request.messages.append(ChatMessage::assistant(QStringLiteral("Hello!")));
    request.messages.append(ChatMessage::user(QStringLiteral("And now?")));
    QVERIFY(synesia(*registry).validate(request).isEmpty());

    const HttpCall call = synesia(*registry).buildChatCall(request, QUrl(QStringLiteral("https://api.synesia.ai")));
    QCOMPARE(call.method, QByteArray("POST"));
    QCOMPARE(call.url, QUrl(QStringLiteral("https://api.synesia.ai/v1/llm-exec/round/stream")));
    QCOMPARE(call.auth, AuthStyle::XApiKey);
    for (const auto &[name, value] : call.headers) {
        QVERIFY(name.compare("x-api-key", Qt::CaseInsensitive) != 0);
        QVERIFY(name.compare("authorization", Qt::CaseInsensitive) != 0);
    }
    const QJsonObject body = QJsonDocument::fromJson(call.body).object();
    QCOMPARE(body.value(u"model").toString(), QStringLiteral("groq/gpt-oss-120b"));
    QCOMPARE(body.value(u"instructions").toString(), QStringLiteral("Be brief."));
    const QJsonArray messages = body.value(u"messages").toArray();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(0).toObject(), QJsonObject({{QStringLiteral("role"), QStringLiteral("user")},
                                                     {QStringLiteral("content"), QStringLiteral("hi")}}));
    QCOMPARE(messages.at(1).toObject().value(u"role").toString(), QStringLiteral("assistant"));
    QCOMPARE(messages.at(2).toObject().value(u"content").toString(), QStringLiteral("And now?"));
    for (const QJsonValue &m : messages)
        QVERIFY(m.toObject().value(u"role").toString() != u"system");
    const QJsonObject llmConfig = body.value(u"llmConfig").toObject();
    QCOMPARE(llmConfig.value(u"temperature").toDouble(), 0.7);
    QCOMPARE(llmConfig.value(u"max_completion_tokens").toInt(), 1000);
    QCOMPARE(llmConfig.value(u"top_p").toDouble(), 0.9);
    QCOMPARE(llmConfig.value(u"reasoning_effort").toString(), QStringLiteral("medium"));
    QCOMPARE(llmConfig.value(u"parallel_tool_calls").toBool(), true);
    QCOMPARE(body.value(u"config").toObject().value(u"max_loops").toInt(), SynesiaProvider::kMaxLoops);
    // Nothing of the OpenAI dialect leaks in.
    for (const char16_t *key : {u"stream", u"stream_options", u"tools", u"max_tokens", u"temperature"})
        QVERIFY2(!body.contains(key), qPrintable(QString::fromUtf16(key)));

    // Without parameters: no llmConfig at all, and no instructions.
    const QJsonObject plain =
        QJsonDocument::fromJson(synesia(*registry)
                                    .buildChatCall(requestFor(QStringLiteral("openai/gpt-4o-mini")),
                                                   QUrl(QStringLiteral("https://api.synesia.ai")))
                                    .body)
            .object();
    QVERIFY(!plain.contains(u"llmConfig"));
    QVERIFY(!plain.contains(u"instructions"));
}

void TestSynesia::requestBodyWithImages()
{
    // The shape is inferred (no public reference documents it): the user message's
    // metadata.imageInputs holds the images as data URLs, in order; a message without images
    // has no metadata.
    auto registry = ProviderRegistry::createDefault();
    ImageInput png;
    png.mimeType = QStringLiteral("image/png");
    png.data = QByteArray("\x89PNG\r\n\x1a\nfirst", 13);
    ImageInput jpeg;
    jpeg.mimeType = QStringLiteral("image/jpeg");
    jpeg.data = QByteArray("\xff\xd8\xffsecond", 9);
    ChatRequest request = requestFor(QStringLiteral("openai/gpt-4o-mini"));
    request.messages = {ChatMessage::user(QStringLiteral("What is this?"), {png, jpeg}),
                        ChatMessage::assistant(QStringLiteral("Two pictures.")),
                        ChatMessage::user(QStringLiteral("Thanks"))};
    QVERIFY(synesia(*registry).validate(request).isEmpty());
    const QJsonArray messages =
        QJsonDocument::fromJson(
            synesia(*registry).buildChatCall(request, QUrl(QStringLiteral("https://s.example"))).body)
            .object()
            .value(u"messages")
            .toArray();
    QCOMPARE(messages.size(), 3);
    const QJsonObject first = messages.at(0).toObject();
    QCOMPARE(first.value(u"content").toString(), QStringLiteral("What is this?"));
    QCOMPARE(
        first.value(u"metadata").toObject().value(u"imageInputs").toArray(),
        (QJsonArray{QString(QStringLiteral("data:image/png;base64,") + QString::fromLatin1(png.data.toBase64())),
                    QString(QStringLiteral("data:image/jpeg;base64,") + QString::fromLatin1(jpeg.data.toBase64()))}));
    QVERIFY(!messages.at(2).toObject().contains(u"metadata"));
    // A model the catalog marks blind is refused before sending.
    request.config.model = QStringLiteral("groq/gpt-oss-120b");
    QVERIFY(synesia(*registry).validate(request).join(u' ').contains(QStringLiteral("images")));
}

void TestSynesia::baseUrlWithOrWithoutV1_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("url");
    QTest::addRow("bare") << QStringLiteral("https://api.synesia.ai")
                          << QStringLiteral("https://api.synesia.ai/v1/llm-exec/round/stream");
    QTest::addRow("slash") << QStringLiteral("https://api.synesia.ai/")
                           << QStringLiteral("https://api.synesia.ai/v1/llm-exec/round/stream");
    QTest::addRow("with v1") << QStringLiteral("https://api.synesia.ai/v1/")
                             << QStringLiteral("https://api.synesia.ai/v1/llm-exec/round/stream");
    QTest::addRow("gateway prefix") << QStringLiteral("http://127.0.0.1:8123/synesia")
                                    << QStringLiteral("http://127.0.0.1:8123/synesia/v1/llm-exec/round/stream");
}

void TestSynesia::baseUrlWithOrWithoutV1()
{
    QFETCH(QString, base);
    QFETCH(QString, url);
    auto registry = ProviderRegistry::createDefault();
    QCOMPARE(synesia(*registry).buildChatCall(requestFor(QStringLiteral("groq/gpt-oss-120b")), QUrl(base)).url,
             QUrl(url));
}

void TestSynesia::httpErrors_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("message");
    QTest::addRow("401 fixture") << 401 << loadFixture(QStringLiteral("synesia"), QStringLiteral("error_401")).body()
                                 << QStringLiteral("auth") << QStringLiteral("Invalid authorization format");
    QTest::addRow("404 model") << 404 << QByteArray(R"({"error":"Model groq/unknown not found","statusCode":404})")
                               << QStringLiteral("not_found") << QStringLiteral("Model groq/unknown not found");
    QTest::addRow("400 validation") << 400
                                    << QByteArray(
                                           R"({"error":"messages must contain at least 1 item","statusCode":400})")
                                    << QStringLiteral("bad_request") << QStringLiteral("at least 1 item");
    QTest::addRow("429") << 429 << QByteArray(R"({"error":"Too many requests","statusCode":429})")
                         << QStringLiteral("rate_limit") << QStringLiteral("Too many requests");
    QTest::addRow("502 html") << 502 << QByteArray("<html><body>Application failed to respond</body></html>")
                              << QStringLiteral("server") << QStringLiteral("Synesia");
}

void TestSynesia::httpErrors()
{
    QFETCH(int, status);
    QFETCH(QByteArray, body);
    QFETCH(QString, kind);
    QFETCH(QString, message);
    auto registry = ProviderRegistry::createDefault();
    const ChatError error = synesia(*registry).errorFromHttp(status, body, {});
    QCOMPARE(errorKindName(error.kind), kind);
    QCOMPARE(error.httpStatus, status);
    QVERIFY2(error.message.contains(message), qPrintable(error.message));
}

void TestSynesia::capabilitiesEnforced_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("change");
    QTest::addColumn<QString>("problem"); // empty: valid
    QTest::addRow("plain") << QStringLiteral("groq/gpt-oss-120b") << QString() << QString();
    QTest::addRow("any slug") << QStringLiteral("mistral/mistral-large") << QString() << QString();
    QTest::addRow("tools") << QStringLiteral("groq/gpt-oss-120b") << QStringLiteral("tools")
                           << QStringLiteral("function calls");
    QTest::addRow("tools, unknown model") << QStringLiteral("someone/new-model") << QStringLiteral("tools")
                                          << QStringLiteral("Synesia does not support function calls");
    QTest::addRow("schema") << QStringLiteral("groq/gpt-oss-120b") << QStringLiteral("schema")
                            << QStringLiteral("structured output");
    QTest::addRow("reasoning on a model without")
        << QStringLiteral("openai/gpt-4o-mini") << QStringLiteral("effort") << QStringLiteral("reasoning");
    QTest::addRow("reasoning") << QStringLiteral("groq/gpt-oss-120b") << QStringLiteral("effort") << QString();
    QTest::addRow("stop") << QStringLiteral("groq/gpt-oss-120b") << QStringLiteral("stop")
                          << QStringLiteral("stop sequences");
    QTest::addRow("seed") << QStringLiteral("groq/gpt-oss-120b") << QStringLiteral("seed") << QStringLiteral("seed");
    QTest::addRow("tier") << QStringLiteral("groq/gpt-oss-120b") << QStringLiteral("tier")
                          << QStringLiteral("no service tiers");
    QTest::addRow("server tools: Synesia runs its own unasked")
        << QStringLiteral("groq/gpt-oss-120b") << QStringLiteral("server")
        << QStringLiteral("Synesia does not support built-in tools");
}

void TestSynesia::capabilitiesEnforced()
{
    QFETCH(QString, model);
    QFETCH(QString, change);
    QFETCH(QString, problem);
    auto registry = ProviderRegistry::createDefault();
    ChatRequest request = requestFor(model);
    if (change == u"tools")
        request.config.tools = QJsonArray{QJsonObject{
            {QStringLiteral("type"), QStringLiteral("function")},
            {QStringLiteral("function"), QJsonObject{{QStringLiteral("name"), QStringLiteral("get_weather")}}}}};
    else if (change == u"schema")
        request.config.responseSchema = QJsonObject{{QStringLiteral("type"), QStringLiteral("object")}};
    else if (change == u"effort")
        request.config.reasoningEffort = QStringLiteral("high");
    else if (change == u"stop")
        request.config.stop = QStringList{QStringLiteral("END")};
    else if (change == u"seed")
        request.config.seed = 7;
    else if (change == u"tier")
        request.config.serviceTier = QStringLiteral("flex");
    else if (change == u"server")
        request.config.serverTools = QStringList{QStringLiteral("browser_search")};
    const QString problems = synesia(*registry).validate(request).join(u' ');
    if (problem.isEmpty())
        QVERIFY2(problems.isEmpty(), qPrintable(problems));
    else
        QVERIFY2(problems.contains(problem), qPrintable(problems));
}

void TestSynesia::noModelListEndpoint()
{
    auto registry = ProviderRegistry::createDefault();
    QVERIFY(!synesia(*registry).buildModelsCall(QUrl(QStringLiteral("https://api.synesia.ai"))));
}

QTEST_GUILESS_MAIN(TestSynesia)
#include "tst_synesia.moc"
