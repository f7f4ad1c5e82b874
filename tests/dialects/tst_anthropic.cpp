// SPDX-License-Identifier: GPL-3.0-or-later
// The Anthropic dialect's answers: its named-event stream split at every byte offset, event
// shapes and mid-stream errors by error type, a non-streamed body, and HTTP errors. Requests
// are in tst_anthropicrequests.cpp.
#include "chat/responseaccumulator.h"
#include "fixture.h"
#include "providers/anthropicprovider.h"
#include "providers/anthropicstreamdecoder.h"
#include "providers/providerregistry.h"
#include "splitdecode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace versus;
using namespace versus::test;
using namespace Qt::StringLiterals;

namespace {

std::optional<qint64> nullableInt(const QJsonValue &value)
{
    return value.isDouble() ? std::optional<qint64>(value.toInteger()) : std::nullopt;
}

} // namespace

class TestAnthropic : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void catalogEntry();
    void fixtureStreams_data();
    void fixtureStreams();
    void eventShapes_data();
    void eventShapes();
    void completeJsonAnswer();
    void httpErrors_data();
    void httpErrors();

private:
    const Provider &anthropic() const { return *m_registry->find(QStringLiteral("anthropic")); }
    std::unique_ptr<ProviderRegistry> m_registry;
};

void TestAnthropic::initTestCase()
{
    m_registry = ProviderRegistry::createDefault();
    for (const CatalogProblem &problem : m_registry->problems())
        qWarning() << problem.toString();
    QVERIFY(m_registry->problems().isEmpty());
    QVERIFY(m_registry->find(QStringLiteral("anthropic")));
}

void TestAnthropic::catalogEntry()
{
    const Provider &provider = anthropic();
    QVERIFY(dynamic_cast<const AnthropicProvider *>(&provider));
    const ProviderInfo &info = provider.info();
    QCOMPARE(info.dialect, QStringLiteral("anthropic"));
    QCOMPARE(info.auth, AuthStyle::XApiKey);
    QCOMPARE(info.keyEnvVar, QStringLiteral("ANTHROPIC_API_KEY"));
    QCOMPARE(info.defaultBaseUrl, QUrl(QStringLiteral("https://api.anthropic.com")));
    QCOMPARE(info.capabilities.functionCalls, std::optional<bool>(true));
    QCOMPARE(info.capabilities.reasoning, std::optional<bool>(true));
    QCOMPARE(info.capabilities.structuredOutput, std::optional<bool>(false));
    QCOMPARE(info.reasoningEfforts, (QStringList{u"low"_s, u"medium"_s, u"high"_s}));
    for (const QString &effort : info.reasoningEfforts)
        QVERIFY(AnthropicProvider::thinkingBudget(effort).value_or(0) >= 1024);
    for (const char *id : {"claude-opus-4-5", "claude-sonnet-4-5", "claude-haiku-4-5"}) {
        const ModelInfo *model = info.findModel(QString::fromLatin1(id));
        QVERIFY2(model && model->maxOutputTokens && model->contextWindow, id);
    }
}

void TestAnthropic::fixtureStreams_data()
{
    QTest::addColumn<QString>("name");
    const QStringList names = fixtureNames(QStringLiteral("anthropic"));
    QVERIFY(names.size() >= 10);
    for (const QString &name : names) {
        if (loadFixture(QStringLiteral("anthropic"), name).response.status == 200)
            QTest::addRow("%s", qPrintable(name)) << name;
    }
}

// Every 200 fixture decodes to its expectation whole, byte by byte and cut in two at every offset.
void TestAnthropic::fixtureStreams()
{
    QFETCH(QString, name);
    const Fixture fixture = loadFixture(QStringLiteral("anthropic"), name);
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error));
    const QJsonObject expected = fixture.expected;
    const QByteArray body = fixture.body();

    QList<ToolCall> calls;
    for (const QJsonValue &value : expected.value(u"tool_calls").toArray()) {
        const QJsonObject call = value.toObject();
        ToolCall tool;
        tool.index = int(calls.size());
        tool.id = call.value(u"id").toString();
        tool.name = call.value(u"name").toString();
        tool.arguments = call.value(u"arguments").toString();
        calls << tool;
    }
    QList<ReasoningBlock> blocks;
    for (const QJsonValue &value : expected.value(u"reasoning_blocks").toArray()) {
        const QJsonObject block = value.toObject();
        ReasoningBlock reasoning;
        reasoning.text = block.value(u"text").toString();
        reasoning.signature = block.value(u"signature").toString();
        reasoning.redactedData = block.value(u"redacted_data").toString();
        blocks << reasoning;
    }

    const auto check = [&](const Decoded &d, const QByteArray &how) -> bool {
        bool ok = true;
        const auto expect = [&](bool condition, const QByteArray &what) {
            if (!condition && ok) {
                qWarning("[%s] %s", how.constData(), what.constData());
                ok = false;
            }
        };
        expect(d.result.text == expected.value(u"text").toString(), "text: " + d.result.text.toUtf8());
        expect(d.result.reasoning == expected.value(u"reasoning").toString(), "reasoning");
        expect(d.result.toolCalls == calls, "tool calls");
        expect(d.result.reasoningBlocks == blocks, "reasoning blocks");
        const QJsonValue finish = expected.value(u"finish_reason");
        expect(d.result.finishReason == (finish.isNull() ? std::nullopt : std::optional(finish.toString())),
               "finish reason");
        expect(d.done == (expected.value(u"status").toString() == u"ok"), "done marker");
        expect(d.eventsAfterDone == 0, "events after done");
        const QJsonObject usage = expected.value(u"usage").toObject();
        if (!usage.isEmpty()) {
            expect(d.result.usage.promptTokens == nullableInt(usage.value(u"prompt_tokens")), "prompt tokens");
            expect(d.result.usage.completionTokens == nullableInt(usage.value(u"completion_tokens")), "completion");
            expect(d.result.usage.cachedPromptTokens == nullableInt(usage.value(u"cached_prompt_tokens")), "cached");
            expect(d.result.usage.cacheWriteTokens == nullableInt(usage.value(u"cache_write_tokens")), "cache write");
            expect(!d.result.usage.reasoningTokens, "reasoning tokens are not reported");
        }
        const QJsonObject error = expected.value(u"error").toObject();
        expect(error.isEmpty() != d.error.has_value(), "error presence");
        if (!error.isEmpty() && d.error) {
            expect(errorKindName(d.error->kind) == error.value(u"kind").toString(), "error kind");
            expect(d.error->message.contains(error.value(u"message_contains").toString()), "error message");
        }
        return ok;
    };

    QVERIFY(check(decodeSplit<AnthropicStreamDecoder>(body, {}), "whole"));
    QList<qsizetype> everyByte;
    for (qsizetype i = 1; i < body.size(); ++i)
        everyByte << i;
    QVERIFY(check(decodeSplit<AnthropicStreamDecoder>(body, everyByte), "byte by byte"));
    for (qsizetype cut = 1; cut < body.size(); ++cut)
        QVERIFY2(check(decodeSplit<AnthropicStreamDecoder>(body, {cut}), "cut at " + QByteArray::number(cut)),
                 qPrintable(name));
}

void TestAnthropic::eventShapes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("finish"); // empty: none
    QTest::addColumn<QString>("errorKind");
    QTest::addColumn<QString>("errorText");

    const auto stopWith = [](const char *reason) -> QByteArray {
        return QByteArray("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                          "\"content_block\":{\"type\":\"text\",\"text\":\"ok\"}}\n\nevent: message_delta\ndata: "
                          "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"") +
               reason +
               "\"},\"usage\":{\"output_tokens\":3}}\n\nevent: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    };
    QTest::addRow("end_turn") << stopWith("end_turn") << u"ok"_s << u"stop"_s << QString() << QString();
    QTest::addRow("stop_sequence") << stopWith("stop_sequence") << u"ok"_s << u"stop"_s << QString() << QString();
    QTest::addRow("max_tokens") << stopWith("max_tokens") << u"ok"_s << u"length"_s << QString() << QString();
    QTest::addRow("tool_use") << stopWith("tool_use") << u"ok"_s << u"tool_calls"_s << QString() << QString();
    QTest::addRow("refusal") << stopWith("refusal") << u"ok"_s << u"content_filter"_s << QString() << QString();
    QTest::addRow("pause_turn kept") << stopWith("pause_turn") << u"ok"_s << u"pause_turn"_s << QString() << QString();

    const auto errorOf = [](const char *type, const char *message) -> QByteArray {
        return QByteArray("event: error\ndata: {\"type\":\"error\",\"error\":{\"type\":\"") + type +
               "\",\"message\":\"" + message + "\"}}\n\n";
    };
    QTest::addRow("overloaded") << errorOf("overloaded_error", "Overloaded") << QString() << QString() << u"server"_s
                                << u"Overloaded"_s;
    QTest::addRow("rate limit") << errorOf("rate_limit_error", "Slow down") << QString() << QString() << u"rate_limit"_s
                                << u"Slow down"_s;
    QTest::addRow("authentication") << errorOf("authentication_error", "invalid x-api-key") << QString() << QString()
                                    << u"auth"_s << u"invalid x-api-key"_s;
    QTest::addRow("permission") << errorOf("permission_error", "no access") << QString() << QString() << u"auth"_s
                                << u"no access"_s;
    QTest::addRow("invalid request") << errorOf("invalid_request_error", "messages: roles must alternate") << QString()
                                     << QString() << u"bad_request"_s << u"roles must alternate"_s;
    QTest::addRow("not found") << errorOf("not_found_error", "model: x") << QString() << QString() << u"not_found"_s
                               << u"model: x"_s;
    QTest::addRow("api error") << errorOf("api_error", "Internal server error") << QString() << QString() << u"server"_s
                               << u"Internal server error"_s;
    QTest::addRow("request too large") << errorOf("request_too_large", "Request exceeds the maximum size") << QString()
                                       << QString() << u"bad_request"_s << u"maximum size"_s;
    QTest::addRow("unknown error type") << errorOf("new_error", "Something new") << QString() << QString()
                                        << u"stream"_s << u"Something new"_s;
    QTest::addRow("malformed event")
        << QByteArray("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
                      "\"content_block\":{\"type\":\"text\",\"text\":\"x\"}}\n\nevent: ping\ndata: {\"type\n\n")
        << u"x"_s << QString() << u"stream"_s << u"malformed"_s;
    QTest::addRow("unknown events and deltas skipped")
        << QByteArray(
               "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,"
               "\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\nevent: content_block_delta\ndata: "
               "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"citations_delta\"}}\n\n"
               "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":7,\"delta\":"
               "{\"type\":\"text_delta\",\"text\":\"orphan\"}}\n\nevent: brand_new\ndata: {\"type\":"
               "\"brand_new\"}\n\nevent: content_block_delta\ndata: {\"type\":\"content_block_delta\","
               "\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"Gr\xc3\xbc\xc3\x9f \xf0\x9f\x91\x8b\"}}"
               "\r\n\r\nevent: message_stop\r\ndata: {\"type\":\"message_stop\"}\r\n\r\n")
        << QString::fromUtf8("Grüß 👋") << QString() << QString() << QString();
}

void TestAnthropic::eventShapes()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    QFETCH(QString, finish);
    QFETCH(QString, errorKind);
    QFETCH(QString, errorText);
    for (qsizetype cut = 0; cut < body.size(); ++cut) {
        const Decoded d =
            decodeSplit<AnthropicStreamDecoder>(body, cut > 0 ? QList<qsizetype>{cut} : QList<qsizetype>{});
        const QByteArray where = "cut at " + QByteArray::number(cut);
        QVERIFY2(d.result.text == text, where.constData());
        QVERIFY2(d.result.finishReason.value_or(QString()) == finish, where.constData());
        QVERIFY2(d.error.has_value() == !errorKind.isEmpty(), where.constData());
        if (d.error) {
            QCOMPARE(errorKindName(d.error->kind), errorKind);
            QVERIFY2(d.error->message.contains(errorText), qPrintable(d.error->message));
        }
    }
}

void TestAnthropic::completeJsonAnswer()
{
    AnthropicStreamDecoder decoder;
    StreamDecoder::Output out;
    decoder.decodeComplete(
        R"({"id":"msg_1","type":"message","role":"assistant","model":"claude-haiku-4-5","content":[
            {"type":"thinking","thinking":"Check the map.","signature":"sig-1"},
            {"type":"text","text":"Let me look."},
            {"type":"tool_use","id":"toolu_1","name":"get_weather","input":{"location":"Paris"}}],
            "stop_reason":"tool_use","usage":{"input_tokens":10,"cache_read_input_tokens":5,
            "cache_creation_input_tokens":0,"output_tokens":20}})",
        out);
    QVERIFY(!out.error);
    QVERIFY(out.done);
    ResponseAccumulator accumulator;
    for (const ChatDelta &delta : std::as_const(out.deltas))
        accumulator.add(delta);
    const ChatResult &result = accumulator.result();
    QCOMPARE(result.text, QStringLiteral("Let me look."));
    QCOMPARE(result.reasoning, QStringLiteral("Check the map."));
    QCOMPARE(result.reasoningBlocks.size(), 1);
    QCOMPARE(result.reasoningBlocks.first().signature, QStringLiteral("sig-1"));
    QCOMPARE(result.toolCalls.size(), 1);
    QCOMPARE(result.toolCalls.first().arguments, QStringLiteral(R"({"location":"Paris"})"));
    QCOMPARE(result.finishReason, std::optional<QString>(QStringLiteral("tool_calls")));
    QCOMPARE(result.usage.promptTokens, std::optional<qint64>(15));
    QCOMPARE(result.usage.cachedPromptTokens, std::optional<qint64>(5));
    QCOMPARE(result.usage.completionTokens, std::optional<qint64>(20));
    QCOMPARE(result.model, QStringLiteral("claude-haiku-4-5"));

    AnthropicStreamDecoder errorDecoder;
    StreamDecoder::Output errorOut;
    errorDecoder.decodeComplete(R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})",
                                errorOut);
    QVERIFY(errorOut.error);
    QCOMPARE(errorOut.error->kind, ErrorKind::Server);
    QCOMPARE(errorOut.error->message, QStringLiteral("Overloaded"));
    AnthropicStreamDecoder htmlDecoder;
    StreamDecoder::Output htmlOut;
    htmlDecoder.decodeComplete("<html>gateway</html>", htmlOut);
    QVERIFY(htmlOut.error);
    QCOMPARE(htmlOut.error->kind, ErrorKind::Stream);
}

void TestAnthropic::httpErrors_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : fixtureNames(QStringLiteral("anthropic"))) {
        if (loadFixture(QStringLiteral("anthropic"), name).response.status != 200)
            QTest::addRow("%s", qPrintable(name)) << name;
    }
}

// Each HTTP error fixture: the kind its error type says, the provider's words, retry-after.
void TestAnthropic::httpErrors()
{
    QFETCH(QString, name);
    const Fixture fixture = loadFixture(QStringLiteral("anthropic"), name);
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error));
    const QJsonObject want = fixture.expected.value(u"error").toObject();
    const ChatError error =
        anthropic().errorFromHttp(fixture.response.status, fixture.body(), fixture.response.headers);
    QCOMPARE(errorKindName(error.kind), want.value(u"kind").toString());
    QCOMPARE(error.httpStatus, want.value(u"http_status").toInt());
    QVERIFY2(error.message.contains(want.value(u"message_contains").toString()), qPrintable(error.message));
    QVERIFY(!error.code.isEmpty());
    QCOMPARE(error.retryAfterS.has_value(), want.contains(u"retry_after_s"));
    if (error.retryAfterS)
        QCOMPARE(*error.retryAfterS, want.value(u"retry_after_s").toDouble());
}

QTEST_GUILESS_MAIN(TestAnthropic)
#include "tst_anthropic.moc"
