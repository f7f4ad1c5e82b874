// SPDX-License-Identifier: GPL-3.0-or-later
// The Anthropic dialect's requests, as the loopback server received them from a real
// ChatStream: system prompt at the top level, max_tokens always, the thinking budget, tools
// and tool choice, a tool turn with its signed thinking and merged tool results, image
// blocks; what validate() refuses; base URLs with or without /v1; the paginated model list.
#include "fixture.h"
#include "providers/anthropicprovider.h"
#include "providers/chatstream.h"
#include "providers/modellistjob.h"
#include "providers/providerregistry.h"
#include "scriptedserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QTest>

using namespace versus;
using namespace versus::test;
using namespace Qt::StringLiterals;

namespace {

QString show(const QJsonValue &value)
{
    return QString::fromUtf8(QJsonDocument(QJsonArray{value}).toJson(QJsonDocument::Compact));
}

QJsonValue parse(const char *json)
{
    const QJsonDocument doc = QJsonDocument::fromJson(json);
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

ChatRequest requestFor(const QString &model)
{
    ChatRequest request;
    request.providerId = QStringLiteral("anthropic");
    request.config.model = model;
    request.messages.append(ChatMessage::user(QStringLiteral("hi")));
    return request;
}

QJsonArray weatherTool()
{
    return parse(R"([{"type": "function", "function": {"name": "get_weather", "description": "Weather now",
        "parameters": {"type": "object", "properties": {"location": {"type": "string"}}}}}])")
        .toArray();
}

ToolCall toolCall(int index, const QString &id, const QString &name, const QString &arguments)
{
    ToolCall call;
    call.index = index;
    call.id = id;
    call.name = name;
    call.arguments = arguments;
    return call;
}

ChatMessage toolResult(const QString &id, const QString &name, const QString &content)
{
    ChatMessage message;
    message.role = Role::Tool;
    message.toolCallId = id;
    message.name = name;
    message.content = content;
    return message;
}

} // namespace

class TestAnthropicRequests : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void requestBodies_data();
    void requestBodies();
    void refusedBeforeSending_data();
    void refusedBeforeSending();
    void baseUrlWithOrWithoutV1_data();
    void baseUrlWithOrWithoutV1();
    void modelListPages();

private:
    const Provider &anthropic() const { return *m_registry->find(QStringLiteral("anthropic")); }
    std::unique_ptr<ProviderRegistry> m_registry;
    std::unique_ptr<QNetworkAccessManager> m_network;
};

void TestAnthropicRequests::initTestCase()
{
    m_registry = ProviderRegistry::createDefault();
    QVERIFY(m_registry->problems().isEmpty());
    QVERIFY(m_registry->find(QStringLiteral("anthropic")));
    m_network = std::make_unique<QNetworkAccessManager>();
    m_network->setProxy(QNetworkProxy::NoProxy);
}

void TestAnthropicRequests::requestBodies_data()
{
    QTest::addColumn<ChatRequest>("request");
    QTest::addColumn<QJsonObject>("expected"); // members the body must have, exactly
    QTest::addColumn<QStringList>("absent");   // members it must not have

    {
        ChatRequest request = requestFor(u"claude-sonnet-4-5"_s);
        request.config.systemPrompt = u"Be brief."_s;
        request.config.temperature = 0.3;
        request.config.topP = 0.9;
        request.config.stop = QStringList{u"END"_s};
        ChatMessage system;
        system.role = Role::System;
        system.content = u"Answer in French."_s;
        request.messages.prepend(system);
        QTest::addRow("system top level, max_tokens from the catalog")
            << request
            << parse(R"({"model": "claude-sonnet-4-5", "system": "Be brief.\n\nAnswer in French.", "max_tokens": 64000,
                "stream": true, "temperature": 0.3, "top_p": 0.9, "stop_sequences": ["END"],
                "messages": [{"role": "user", "content": [{"type": "text", "text": "hi"}]}]})")
                   .toObject()
            << QStringList{u"thinking"_s, u"tools"_s, u"tool_choice"_s, u"seed"_s, u"stream_options"_s};
    }
    {
        ChatRequest request = requestFor(u"claude-opus-4-5"_s);
        request.config.reasoningEffort = u"medium"_s;
        request.config.maxTokens = 16000;
        QTest::addRow("thinking budget below the lane's max tokens")
            << request
            << parse(R"({"max_tokens": 16000, "thinking": {"type": "enabled", "budget_tokens": 8192}})").toObject()
            << QStringList{u"temperature"_s, u"system"_s};
    }
    {
        ChatRequest request = requestFor(u"claude-next-unknown"_s);
        request.config.reasoningEffort = u"high"_s;
        QTest::addRow("unknown model: default max tokens raised above the budget")
            << request
            << parse(R"({"max_tokens": 28672, "thinking": {"type": "enabled", "budget_tokens": 24576}})").toObject()
            << QStringList{};
        ChatRequest plain = requestFor(u"claude-next-unknown"_s);
        QTest::addRow("unknown model: documented default max tokens")
            << plain << parse(R"({"max_tokens": 4096})").toObject() << QStringList{u"thinking"_s};
    }
    {
        ChatRequest request = requestFor(u"claude-haiku-4-5"_s);
        request.config.tools = weatherTool();
        request.config.toolChoice = u"required"_s;
        request.config.parallelToolCalls = false;
        QTest::addRow("tools, required choice, no parallel calls")
            << request
            << parse(R"({"tools": [{"name": "get_weather", "description": "Weather now", "input_schema":
                {"type": "object", "properties": {"location": {"type": "string"}}}}],
                "tool_choice": {"type": "any", "disable_parallel_tool_use": true}})")
                   .toObject()
            << QStringList{u"parallel_tool_calls"_s};
        request.config.toolChoice = parse(R"({"type": "function", "function": {"name": "get_weather"}})");
        request.config.parallelToolCalls.reset();
        QTest::addRow("a named tool") << request
                                      << parse(R"({"tool_choice": {"type": "tool", "name": "get_weather"}})").toObject()
                                      << QStringList{};
        request.config.toolChoice = u"none"_s;
        QTest::addRow("no tool") << request << parse(R"({"tool_choice": {"type": "none"}})").toObject()
                                 << QStringList{};
        request.config.toolChoice = u"auto"_s;
        QTest::addRow("auto") << request << parse(R"({"tool_choice": {"type": "auto"}})").toObject() << QStringList{};
        request.config.toolChoice = QJsonValue();
        QTest::addRow("no choice given") << request << QJsonObject() << QStringList{u"tool_choice"_s};
    }
    {
        ChatRequest request = requestFor(u"claude-sonnet-4-5"_s);
        request.config.tools = weatherTool();
        request.config.reasoningEffort = u"low"_s;
        ChatMessage assistant = ChatMessage::assistant(u"Let me check."_s, u"Need the weather."_s);
        ReasoningBlock thinking;
        thinking.text = u"Need the weather."_s;
        thinking.signature = u"sig-abc"_s;
        ReasoningBlock redacted;
        redacted.redactedData = u"opaque-data"_s;
        assistant.reasoningBlocks = {thinking, redacted};
        assistant.toolCalls = {toolCall(0, u"toolu_1"_s, u"get_weather"_s, uR"({"location": "Paris"})"_s),
                               toolCall(1, u"toolu_2"_s, u"get_weather"_s, uR"({"location": "Lyon"})"_s)};
        request.messages.append(assistant);
        request.messages.append(toolResult(u"toolu_1"_s, u"get_weather"_s, uR"({"temp_c": 21})"_s));
        request.messages.append(toolResult(u"toolu_2"_s, u"get_weather"_s, uR"({"temp_c": 19})"_s));
        QTest::addRow("tool turn: signed thinking back, results merged") << request
                                                                         << parse(R"({"messages": [
                {"role": "user", "content": [{"type": "text", "text": "hi"}]},
                {"role": "assistant", "content": [
                    {"type": "thinking", "thinking": "Need the weather.", "signature": "sig-abc"},
                    {"type": "redacted_thinking", "data": "opaque-data"},
                    {"type": "text", "text": "Let me check."},
                    {"type": "tool_use", "id": "toolu_1", "name": "get_weather", "input": {"location": "Paris"}},
                    {"type": "tool_use", "id": "toolu_2", "name": "get_weather", "input": {"location": "Lyon"}}]},
                {"role": "user", "content": [
                    {"type": "tool_result", "tool_use_id": "toolu_1", "content": "{\"temp_c\": 21}"},
                    {"type": "tool_result", "tool_use_id": "toolu_2", "content": "{\"temp_c\": 19}"}]}]})")
                                                                                .toObject()
                                                                         << QStringList{};
    }
    {
        ChatRequest request = requestFor(u"claude-sonnet-4-5"_s);
        ImageInput image;
        image.mimeType = u"image/png"_s;
        image.data = QByteArray("\x89PNG\r\n\x1a\n", 8);
        request.messages.first().images = {image};
        request.messages.append(ChatMessage::user(u"and this?"_s)); // two user messages in a row
        QTest::addRow("image before text, neighbours of one role merged")
            << request
            << parse(R"({"messages": [{"role": "user", "content": [
                {"type": "image", "source": {"type": "base64", "media_type": "image/png", "data": "iVBORw0KGgo="}},
                {"type": "text", "text": "hi"}, {"type": "text", "text": "and this?"}]}]})")
                   .toObject()
            << QStringList{};
    }
}

// Each request goes through a real ChatStream to the loopback server, which answers with the
// text fixture; the body and headers it received are checked.
void TestAnthropicRequests::requestBodies()
{
    QFETCH(ChatRequest, request);
    QFETCH(QJsonObject, expected);
    QFETCH(QStringList, absent);
    QVERIFY2(anthropic().validate(request).isEmpty(), qPrintable(anthropic().validate(request).join(u'\n')));
    const Fixture fixture = loadFixture(u"anthropic"_s, u"text"_s);
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error));
    ScriptedServer server;
    QVERIFY(server.listen());
    server.route("POST", "/v1/messages", fixture.response);
    ChatStream stream(*m_network, anthropic(), request, ApiKey::fromUtf8("sk-ant-test-0001"), server.url("/"));
    QSignalSpy finished(&stream, &ChatStream::finished);
    stream.start();
    QVERIFY(finished.wait(20000));
    QVERIFY2(!stream.result().error, stream.result().error ? qPrintable(stream.result().error->message) : "");
    QCOMPARE(stream.result().text, fixture.expected.value(u"text").toString());

    QCOMPARE(server.requestCount(), 1);
    const RecordedRequest received = server.request(0);
    QCOMPARE(received.header("x-api-key"), QByteArray("sk-ant-test-0001"));
    QVERIFY(!received.hasHeader("Authorization"));
    QCOMPARE(received.header("anthropic-version"), QByteArray("2023-06-01"));
    QVERIFY(received.header("Content-Type").startsWith("application/json"));
    QCOMPARE(received.header("Accept"), QByteArray("text/event-stream"));
    const QJsonObject body = received.json();
    QCOMPARE(body.value(u"model").toString(), request.config.model);
    QVERIFY(body.value(u"max_tokens").toInteger() > 0);
    if (body.contains(u"thinking"))
        QVERIFY(body.value(u"thinking").toObject().value(u"budget_tokens").toInteger() <
                body.value(u"max_tokens").toInteger());
    for (auto it = expected.begin(); it != expected.end(); ++it)
        QVERIFY2(body.value(it.key()) == it.value(), qPrintable(it.key() + u": " + show(body.value(it.key()))));
    for (const QString &key : absent)
        QVERIFY2(!body.contains(key), qPrintable(key));
    // Roles alternate and start with the user, as the API requires.
    const QJsonArray messages = body.value(u"messages").toArray();
    for (qsizetype i = 0; i < messages.size(); ++i)
        QCOMPARE(messages.at(i).toObject().value(u"role").toString(), i % 2 ? u"assistant"_s : u"user"_s);
}

void TestAnthropicRequests::refusedBeforeSending_data()
{
    QTest::addColumn<ChatRequest>("request");
    QTest::addColumn<QString>("problem");
    ChatRequest base = requestFor(u"claude-sonnet-4-5"_s);

    ChatRequest r = base;
    r.config.reasoningEffort = u"high"_s;
    r.config.temperature = 0.5;
    QTest::addRow("temperature with thinking") << r << u"temperature together with thinking"_s;
    r = base;
    r.config.reasoningEffort = u"low"_s;
    r.config.topP = 0.5;
    QTest::addRow("low top-p with thinking") << r << u"top-p between 0.95 and 1"_s;
    r = base;
    r.config.reasoningEffort = u"medium"_s;
    r.config.maxTokens = 8192;
    QTest::addRow("max tokens not above the budget") << r << u"must be above the thinking budget"_s;
    r = base;
    r.config.reasoningEffort = u"low"_s;
    r.config.tools = weatherTool();
    r.config.toolChoice = u"required"_s;
    QTest::addRow("forced tool while thinking") << r << u"cannot be made to call a tool while thinking"_s;
    r = base;
    r.config.seed = 7;
    QTest::addRow("seed") << r << u"does not take a sampling seed"_s;
    r = base;
    r.config.temperature = 1.5;
    QTest::addRow("temperature above 1") << r << u"temperature between 0 and 1"_s;
    r = base;
    r.config.responseSchema = parse(R"({"type": "object"})").toObject();
    QTest::addRow("response schema") << r << u"does not support structured output"_s;
    r = base;
    r.config.reasoningEffort = u"max"_s;
    QTest::addRow("unknown effort") << r << u"does not know the reasoning effort"_s;
    r = requestFor(u"claude-sonnet-5"_s);
    r.config.reasoningEffort = u"low"_s;
    QTest::addRow("no budgeted thinking on Sonnet 5") << r << u"does not support reasoning"_s;
}

void TestAnthropicRequests::refusedBeforeSending()
{
    QFETCH(ChatRequest, request);
    QFETCH(QString, problem);
    const QStringList problems = anthropic().validate(request);
    QVERIFY2(problems.join(u'\n').contains(problem), qPrintable(problems.join(u'\n')));
}

void TestAnthropicRequests::baseUrlWithOrWithoutV1_data()
{
    QTest::addColumn<QString>("base");
    QTest::addColumn<QString>("url");
    QTest::addRow("bare") << u"https://api.anthropic.com"_s << u"https://api.anthropic.com/v1/messages"_s;
    QTest::addRow("slash") << u"https://api.anthropic.com/"_s << u"https://api.anthropic.com/v1/messages"_s;
    QTest::addRow("with v1") << u"https://api.anthropic.com/v1/"_s << u"https://api.anthropic.com/v1/messages"_s;
    QTest::addRow("gateway prefix") << u"http://127.0.0.1:8123/claude"_s
                                    << u"http://127.0.0.1:8123/claude/v1/messages"_s;
}

void TestAnthropicRequests::baseUrlWithOrWithoutV1()
{
    QFETCH(QString, base);
    QFETCH(QString, url);
    const HttpCall call = anthropic().buildChatCall(requestFor(u"claude-haiku-4-5"_s), QUrl(base));
    QCOMPARE(call.url, QUrl(url));
    QCOMPARE(call.auth, AuthStyle::XApiKey);
    for (const auto &[name, value] : call.headers) // the key is net's to add
        QVERIFY(name.compare("x-api-key", Qt::CaseInsensitive) != 0);
}

// Two pages joined: the second asked for with after_id = the first page's last_id.
void TestAnthropicRequests::modelListPages()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    server.enqueue(ScriptedResponse::json(200, R"({"data": [
        {"type": "model", "id": "claude-opus-4-5-20251101", "display_name": "Claude Opus 4.5", "created_at": "2025-11-24T00:00:00Z"},
        {"type": "model", "id": "claude-sonnet-4-5", "display_name": "Claude Sonnet 4.5", "created_at": "2025-09-29T00:00:00Z"}],
        "has_more": true, "first_id": "claude-opus-4-5-20251101", "last_id": "claude-sonnet-4-5"})"));
    server.enqueue(ScriptedResponse::json(200, R"({"data": [
        {"type": "model", "id": "claude-haiku-4-5", "display_name": "Claude Haiku 4.5", "created_at": "2025-10-01T00:00:00Z"}],
        "has_more": false, "first_id": "claude-haiku-4-5", "last_id": "claude-haiku-4-5"})"));
    ModelListJob job(*m_network, anthropic(), ApiKey::fromUtf8("sk-ant-test-0001"), server.url("/v1"));
    QSignalSpy finished(&job, &ModelListJob::finished);
    job.start();
    QVERIFY(finished.wait(10000));
    QVERIFY2(job.result().has_value(), job.result() ? "" : qPrintable(job.result().error().message));
    QStringList ids;
    for (const ModelInfo &model : *job.result())
        ids << model.id;
    QCOMPARE(ids, (QStringList{u"claude-opus-4-5-20251101"_s, u"claude-sonnet-4-5"_s, u"claude-haiku-4-5"_s}));
    QCOMPARE(job.result()->first().displayName, u"Claude Opus 4.5"_s);
    // The catalog completes what the list leaves out.
    QCOMPARE(job.result()->at(1).maxOutputTokens, std::optional<qint64>(64000));

    QCOMPARE(server.requestCount(), 2);
    for (qsizetype i = 0; i < 2; ++i) {
        const RecordedRequest request = server.request(i);
        QCOMPARE(request.method, QByteArray("GET"));
        QCOMPARE(request.pathWithoutQuery(), QByteArray("/v1/models"));
        QCOMPARE(request.header("x-api-key"), QByteArray("sk-ant-test-0001"));
        QCOMPARE(request.header("anthropic-version"), QByteArray("2023-06-01"));
    }
    QVERIFY2(!server.request(0).path.contains("after_id"), server.request(0).path.constData());
    QVERIFY2(server.request(1).path.contains("after_id=claude-sonnet-4-5"), server.request(1).path.constData());
}

QTEST_GUILESS_MAIN(TestAnthropicRequests)
#include "tst_anthropicrequests.moc"
