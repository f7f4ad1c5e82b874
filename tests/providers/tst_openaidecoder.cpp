// SPDX-License-Identifier: GPL-3.0-or-later
// The OpenAI-compatible decoder over every service's recorded stream shape, with the
// stream split at every byte offset on its way through the SSE parser.
#include "chat/chatjson.h"
#include "fixture.h"
#include "providers/openaistreamdecoder.h"
#include "providers/providerregistry.h"
#include "splitdecode.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace versus;
using versus::test::Decoded;
using versus::test::decodeSplit;
using versus::test::Fixture;
using versus::test::loadFixture;

namespace {

QByteArray sseBody(std::initializer_list<const char *> payloads, bool done = true)
{
    QByteArray body;
    for (const char *p : payloads)
        body += QByteArray("data: ") + p + "\n\n";
    if (done)
        body += "data: [DONE]\n\n";
    return body;
}

} // namespace

class TestOpenAiDecoder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shapes_data();
    void shapes();
    void toolCallIdsKept();
    void groqServerTiming();
    void openRouterProviderCost();
    void completeJsonBody();
    void executedTools_data();
    void executedTools();
    void executedToolsInCompleteBody();
};

void TestOpenAiDecoder::shapes_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("reasoning");
    QTest::addColumn<QString>("toolCalls"); // "name(args)|name(args)"
    QTest::addColumn<QString>("finish");
    QTest::addColumn<QString>("usage"); // "prompt/completion/reasoning/cached", -1 absent
    QTest::addColumn<bool>("done");
    QTest::addColumn<QString>("errorKind"); // empty: none

    QTest::addRow("groq reasoning + x_groq and top-level usage")
        << sseBody(
               {R"({"id":"c1","object":"chat.completion.chunk","model":"openai/gpt-oss-120b","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}],"x_groq":{"id":"req_1"}})",
                R"({"id":"c1","choices":[{"index":0,"delta":{"reasoning":"The user "},"finish_reason":null}]})",
                R"({"id":"c1","choices":[{"index":0,"delta":{"reasoning":"says hi."},"finish_reason":null}]})",
                R"({"id":"c1","choices":[{"index":0,"delta":{"content":"Hello"},"finish_reason":null}]})",
                R"({"id":"c1","choices":[{"index":0,"delta":{"content":" there!"},"finish_reason":null}]})",
                R"({"id":"c1","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"x_groq":{"id":"req_1","usage":{"queue_time":0.041520249,"prompt_tokens":75,"prompt_time":0.010407901,"completion_tokens":21,"completion_time":0.046601227,"total_tokens":96,"total_time":0.057009128,"completion_tokens_details":{"reasoning_tokens":9}}},"usage":{"queue_time":0.041520249,"prompt_tokens":75,"prompt_time":0.010407901,"completion_tokens":21,"completion_time":0.046601227,"total_tokens":96,"total_time":0.057009128,"completion_tokens_details":{"reasoning_tokens":9}}})"})
        << QStringLiteral("Hello there!") << QStringLiteral("The user says hi.") << QString() << QStringLiteral("stop")
        << QStringLiteral("75/21/9/-1") << true << QString();

    QTest::addRow("together eos, huge seed, usage on finish chunk")
        << sseBody(
               {R"({"id":"8b4","object":"chat.completion.chunk","created":1723834621,"choices":[{"index":0,"text":"AB","logprobs":null,"finish_reason":null,"seed":null,"delta":{"token_id":4444,"role":"assistant","content":"AB","tool_calls":null}}],"model":"meta-llama/Llama-3.3-70B-Instruct-Turbo","usage":null})",
                R"({"id":"8b4","object":"chat.completion.chunk","created":1723834621,"choices":[{"index":0,"text":"C","logprobs":null,"finish_reason":"eos","seed":2039908639335532000,"delta":{"token_id":128009,"role":"assistant","content":"C","tool_calls":null}}],"model":"meta-llama/Llama-3.3-70B-Instruct-Turbo","usage":{"prompt_tokens":12,"completion_tokens":27,"total_tokens":39}})"})
        << QStringLiteral("ABC") << QString() << QString() << QStringLiteral("stop") << QStringLiteral("12/27/-1/-1")
        << true << QString();

    QTest::addRow("deepseek keep-alive, reasoning_content, cache usage")
        << (QByteArray(": keep-alive\n\n: keep-alive\n\n") +
            sseBody(
                {R"({"id":"6e7","object":"chat.completion.chunk","model":"deepseek-v4-flash","choices":[{"index":0,"delta":{"role":"assistant","content":null,"reasoning_content":"Think"},"finish_reason":null}]})",
                 R"({"id":"6e7","choices":[{"index":0,"delta":{"content":null,"reasoning_content":"ing."},"finish_reason":null}]})",
                 R"({"id":"6e7","choices":[{"index":0,"delta":{"content":"Привет","reasoning_content":null},"finish_reason":null}]})",
                 R"({"id":"6e7","choices":[{"index":0,"delta":{"content":"","reasoning_content":null},"logprobs":null,"finish_reason":"stop"}],"usage":{"prompt_tokens":374,"completion_tokens":61,"total_tokens":435,"prompt_tokens_details":{"cached_tokens":256},"completion_tokens_details":{"reasoning_tokens":17},"prompt_cache_hit_tokens":256,"prompt_cache_miss_tokens":118}})"}))
        << QStringLiteral("Привет") << QStringLiteral("Thinking.") << QString() << QStringLiteral("stop")
        << QStringLiteral("374/61/17/256") << true << QString();

    QTest::addRow("openai parallel tool calls by index, usage-only last chunk")
        << sseBody(
               {R"({"id":"x","choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"get_weather","arguments":""}}]},"finish_reason":null}],"obfuscation":"abc"})",
                R"({"id":"x","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"id":"call_b","type":"function","function":{"name":"get_time","arguments":""}}]},"finish_reason":null}]})",
                R"({"id":"x","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\"city\": \"Pa"}}]},"finish_reason":null}]})",
                R"({"id":"x","choices":[{"index":0,"delta":{"tool_calls":[{"index":1,"function":{"arguments":"{}"}}]},"finish_reason":null}]})",
                R"({"id":"x","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"ris\"}"}}]},"finish_reason":null}]})",
                R"({"id":"x","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]})",
                R"({"id":"x","choices":[],"usage":{"prompt_tokens":80,"completion_tokens":30,"total_tokens":110,"prompt_tokens_details":{"cached_tokens":0}}})"})
        << QString() << QString() << QStringLiteral(R"(get_weather({"city": "Paris"})|get_time({}))")
        << QStringLiteral("tool_calls") << QStringLiteral("80/30/-1/0") << true << QString();

    QTest::addRow("mistral array content with thinking, tool calls without index")
        << sseBody(
               {R"({"id":"m","model":"magistral-medium-latest","choices":[{"index":0,"delta":{"role":"assistant","content":[{"type":"thinking","thinking":[{"type":"text","text":"Let me see"}]}]},"finish_reason":null}]})",
                R"({"id":"m","choices":[{"index":0,"delta":{"content":[{"type":"text","text":"Calling."}]},"finish_reason":null}]})",
                R"({"id":"m","choices":[{"index":0,"delta":{"tool_calls":[{"id":"AbC123xyz","function":{"name":"add","arguments":"{\"a\": 1}"}}]},"finish_reason":null}]})",
                R"({"id":"m","choices":[{"index":0,"delta":{"tool_calls":[{"id":"DeF456uvw","function":{"name":"mul","arguments":"{\"b\": 2}"}}]},"finish_reason":"tool_calls"}],"usage":{"prompt_tokens":20,"total_tokens":52,"completion_tokens":32}})"})
        << QStringLiteral("Calling.") << QStringLiteral("Let me see")
        << QStringLiteral(R"(add({"a": 1})|mul({"b": 2}))") << QStringLiteral("tool_calls")
        << QStringLiteral("20/32/-1/-1") << true << QString();

    QTest::addRow("openrouter comment, reasoning, cost, then mid-stream error")
        << (QByteArray(": OPENROUTER PROCESSING\n\n") +
            sseBody(
                {R"({"id":"gen-1","model":"openai/gpt-oss-120b","choices":[{"index":0,"delta":{"role":"assistant","content":"","reasoning":"Hm"},"finish_reason":null}]})",
                 R"({"id":"gen-1","choices":[{"index":0,"delta":{"content":"Partial"},"finish_reason":null}]})",
                 R"({"id":"gen-1","object":"chat.completion.chunk","error":{"code":502,"message":"Provider disconnected"},"choices":[{"index":0,"delta":{"content":""},"finish_reason":"error"}]})"},
                false))
        << QStringLiteral("Partial") << QStringLiteral("Hm") << QString() << QStringLiteral("error")
        << QStringLiteral("-1/-1/-1/-1") << false << QStringLiteral("server");

    QTest::addRow("llama.cpp timings")
        << sseBody(
               {R"({"choices":[{"index":0,"delta":{"content":"Hi"},"finish_reason":null}],"model":"qwen"})",
                R"({"choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"usage":{"prompt_tokens":5,"completion_tokens":2,"total_tokens":7},"timings":{"prompt_n":5,"prompt_ms":12.5,"predicted_n":2,"predicted_ms":40.0,"predicted_per_second":50.0}})"})
        << QStringLiteral("Hi") << QString() << QString() << QStringLiteral("stop") << QStringLiteral("5/2/-1/-1")
        << true << QString();

    QTest::addRow("error data event at 200")
        << sseBody(
               {R"({"error":{"message":"Rate limit reached","type":"rate_limit_error","code":"rate_limit_exceeded"}})"},
               false)
        << QString() << QString() << QString() << QString() << QStringLiteral("-1/-1/-1/-1") << false
        << QStringLiteral("stream");

    QTest::addRow("malformed chunk") << sseBody({R"({"id":"c","choices":[{"index":0,"delta":{"content":"ok"}}]})",
                                                 R"({"id":"c","choices":[{)"},
                                                false)
                                     << QStringLiteral("ok") << QString() << QString() << QString()
                                     << QStringLiteral("-1/-1/-1/-1") << false << QStringLiteral("stream");

    QTest::addRow("data after DONE")
        << (sseBody({R"({"id":"c","choices":[{"index":0,"delta":{"content":"ok"},"finish_reason":"stop"}]})"}) +
            QByteArray(R"(data: {"id":"c","choices":[{"index":0,"delta":{"content":"late"}}]})") + "\n\n")
        << QStringLiteral("ok") << QString() << QString() << QStringLiteral("stop") << QStringLiteral("-1/-1/-1/-1")
        << true << QStringLiteral("stream");

    QTest::addRow("DONE without space, CRLF framing")
        << QByteArray("data:{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\\n\\nb\"},\"finish_reason\":"
                      "\"length\"}]}\r\n\r\ndata:[DONE]\r\n\r\n")
        << QStringLiteral("a\n\nb") << QString() << QString() << QStringLiteral("length")
        << QStringLiteral("-1/-1/-1/-1") << true << QString();
}

void TestOpenAiDecoder::shapes()
{
    QFETCH(QByteArray, body);
    QFETCH(QString, text);
    QFETCH(QString, reasoning);
    QFETCH(QString, toolCalls);
    QFETCH(QString, finish);
    QFETCH(QString, usage);
    QFETCH(bool, done);
    QFETCH(QString, errorKind);

    auto check = [&](const Decoded &d, const QString &how) {
        const QByteArray where = how.toUtf8();
        QVERIFY2(d.result.text == text, QByteArray(where + " text: " + d.result.text.toUtf8()).constData());
        QVERIFY2(d.result.reasoning == reasoning,
                 QByteArray(where + " reasoning: " + d.result.reasoning.toUtf8()).constData());
        QStringList calls;
        for (const ToolCall &call : d.result.toolCalls)
            calls << call.name + u'(' + call.arguments + u')';
        QVERIFY2(calls.join(u'|') == toolCalls,
                 QByteArray(where + " tool calls: " + calls.join(u'|').toUtf8()).constData());
        QVERIFY2(d.result.finishReason.value_or(QString()) == finish, where.constData());
        auto n = [](const std::optional<qint64> &v) { return v ? QString::number(*v) : QStringLiteral("-1"); };
        const Usage &u = d.result.usage;
        const QString gotUsage =
            QStringList{n(u.promptTokens), n(u.completionTokens), n(u.reasoningTokens), n(u.cachedPromptTokens)}.join(
                u'/');
        QVERIFY2(gotUsage == usage, QByteArray(where + " usage: " + gotUsage.toUtf8()).constData());
        QVERIFY2(d.done == done, where.constData());
        QVERIFY2((d.error ? errorKindName(d.error->kind) : QString()) == errorKind, where.constData());
    };

    check(decodeSplit<OpenAiStreamDecoder>(body, {}), QStringLiteral("whole"));
    for (qsizetype cut = 1; cut < body.size(); ++cut) {
        check(decodeSplit<OpenAiStreamDecoder>(body, {cut}), QStringLiteral("split at %1").arg(cut));
        if (QTest::currentTestFailed())
            return;
    }
}

void TestOpenAiDecoder::toolCallIdsKept()
{
    const QByteArray body = sseBody(
        {R"({"choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"id":"call_a","type":"function","function":{"name":"f","arguments":"{}"}}]},"finish_reason":"tool_calls"}]})"});
    const Decoded d = decodeSplit<OpenAiStreamDecoder>(body, {});
    QCOMPARE(d.result.toolCalls.size(), 1);
    QCOMPARE(d.result.toolCalls.first().id, QStringLiteral("call_a"));
}

void TestOpenAiDecoder::groqServerTiming()
{
    const QByteArray body = sseBody(
        {R"({"choices":[{"index":0,"delta":{"content":"x"},"finish_reason":"stop"}],"x_groq":{"usage":{"queue_time":0.041520249,"prompt_tokens":210,"prompt_time":0.010407901,"completion_tokens":15,"completion_time":0.046601227,"total_tokens":225,"total_time":0.057009128}}})"});
    const Decoded d = decodeSplit<OpenAiStreamDecoder>(body, {});
    QVERIFY(d.result.server);
    QVERIFY(qAbs(*d.result.server->queueMs - 41.520249) < 1e-6);
    QVERIFY(qAbs(*d.result.server->promptMs - 10.407901) < 1e-6);
    QVERIFY(qAbs(*d.result.server->completionMs - 46.601227) < 1e-6);
}

void TestOpenAiDecoder::openRouterProviderCost()
{
    const QByteArray body = sseBody(
        {R"({"choices":[{"index":0,"delta":{"content":"x"},"finish_reason":"stop"}],"usage":{"prompt_tokens":10,"completion_tokens":1,"total_tokens":11,"cost":0.0000123}})"});
    const Decoded d = decodeSplit<OpenAiStreamDecoder>(body, {});
    QVERIFY(d.result.providerCostUsd);
    QCOMPARE(*d.result.providerCostUsd, 0.0000123);
}

void TestOpenAiDecoder::completeJsonBody()
{
    OpenAiStreamDecoder decoder;
    StreamDecoder::Output out;
    decoder.decodeComplete(
        R"({"id":"c","choices":[{"index":0,"message":{"role":"assistant","content":"Whole"},"finish_reason":"stop"}],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}})",
        out);
    QVERIFY(out.done);
    QVERIFY(!out.error);
    QCOMPARE(out.deltas.size(), 1);
    QCOMPARE(out.deltas.first().text, QStringLiteral("Whole"));

    StreamDecoder::Output errorOut;
    decoder.decodeComplete(R"({"error":{"message":"Invalid API Key","code":"invalid_api_key"}})", errorOut);
    QVERIFY(errorOut.error);
    QCOMPARE(errorOut.error->message, QStringLiteral("Invalid API Key"));
}

// Groq's built-in tools: what ran on Groq's servers arrives in executed_tools and becomes
// ChatResult::serverTools, never a tool call. Shapes beyond PROVIDERS.md are inferred (see
// each row); tests/fixtures/groq/executed_tools is the recorded-shape stream.
void TestOpenAiDecoder::executedTools_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QByteArray>("serverTools"); // JSON text of serverToolsToJson() of the result
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("finish");

    const Fixture fixture = loadFixture(QStringLiteral("groq"), QStringLiteral("executed_tools"));
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error));
    QTest::addRow("fixture: gpt-oss browser_search, output null then text")
        << fixture.body()
        << QJsonDocument(fixture.expected.value(u"server_tools").toArray()).toJson(QJsonDocument::Compact)
        << fixture.expected.value(u"text").toString() << QStringLiteral("stop");

    // Inferred: code_interpreter reported as "python" with its code as JSON arguments; a second
    // tool at index 1 starts before the first is done.
    QTest::addRow("gpt-oss code_interpreter, two tools interleaved")
        << sseBody(
               {R"({"id":"c2","model":"openai/gpt-oss-20b","choices":[{"index":0,"delta":{"role":"assistant","content":null},"finish_reason":null}]})",
                R"({"id":"c2","choices":[{"index":0,"delta":{"executed_tools":[{"index":0,"type":"python","arguments":"{\"code\":\"print(2**100)\"}","output":null}]},"finish_reason":null}]})",
                R"({"id":"c2","choices":[{"index":0,"delta":{"executed_tools":[{"index":1,"type":"python","arguments":"{\"code\":\"print(3**3)\"}","output":null}]},"finish_reason":null}]})",
                R"({"id":"c2","choices":[{"index":0,"delta":{"executed_tools":[{"index":1,"type":"python","arguments":"{\"code\":\"print(3**3)\"}","output":"27\n"}]},"finish_reason":null}]})",
                R"({"id":"c2","choices":[{"index":0,"delta":{"executed_tools":[{"index":0,"type":"python","output":"1267650600228229401496703205376\n"}]},"finish_reason":null}]})",
                R"({"id":"c2","choices":[{"index":0,"delta":{"content":"2^100 = 1267650600228229401496703205376; 3^3 = 27."},"finish_reason":"stop"}]})"})
        << QByteArray(
               R"([{"id":"executed-0","name":"python","arguments":"{\"code\":\"print(2**100)\"}","output":"1267650600228229401496703205376\n","finished":true,"failed":false,"error":""},)"
               R"({"id":"executed-1","name":"python","arguments":"{\"code\":\"print(3**3)\"}","output":"27\n","finished":true,"failed":false,"error":""}])")
        << QStringLiteral("2^100 = 1267650600228229401496703205376; 3^3 = 27.") << QStringLiteral("stop");

    // Inferred groq/compound shape: tools arrive whole (type "search" / "visit" / "python"), a
    // search with an empty output and its hits in search_results, arguments as an object.
    QTest::addRow("groq/compound search with search_results, then python")
        << sseBody(
               {R"({"id":"c3","model":"groq/compound","choices":[{"index":0,"delta":{"role":"assistant","reasoning":"Searching for the population."},"finish_reason":null}],"x_groq":{"id":"req_c3"}})",
                R"({"id":"c3","choices":[{"index":0,"delta":{"executed_tools":[{"index":0,"type":"search","arguments":{"query":"population of Lyon 2026"},"output":"","search_results":{"results":[{"title":"Lyon","url":"https://fr.example/lyon","content":"Lyon has 522,250 inhabitants.","score":0.91}]}}]},"finish_reason":null}]})",
                R"({"id":"c3","choices":[{"index":0,"delta":{"executed_tools":[{"index":1,"type":"python","arguments":"{\"code\":\"522250/1000\"}","output":"522.25"}]},"finish_reason":null}]})",
                R"({"id":"c3","choices":[{"index":0,"delta":{"content":"About 522 thousand people."},"finish_reason":null}]})",
                R"({"id":"c3","choices":[{"index":0,"delta":{},"finish_reason":"stop"}],"x_groq":{"id":"req_c3","usage":{"prompt_tokens":900,"completion_tokens":40,"total_tokens":940}}})"})
        << QByteArray(
               R"([{"id":"executed-0","name":"search","arguments":"{\"query\":\"population of Lyon 2026\"}","output":"{\"results\":[{\"content\":\"Lyon has 522,250 inhabitants.\",\"score\":0.91,\"title\":\"Lyon\",\"url\":\"https://fr.example/lyon\"}]}","finished":true,"failed":false,"error":""},)"
               R"({"id":"executed-1","name":"python","arguments":"{\"code\":\"522250/1000\"}","output":"522.25","finished":true,"failed":false,"error":""}])")
        << QStringLiteral("About 522 thousand people.") << QStringLiteral("stop");

    // Inferred: the last chunk carries the whole message (with executed_tools) beside an
    // empty delta; its entries merge with the streamed ones by id.
    QTest::addRow("final chunk with message.executed_tools")
        << sseBody(
               {R"({"id":"c4","model":"groq/compound-mini","choices":[{"index":0,"delta":{"executed_tools":[{"index":0,"type":"visit","arguments":"{\"url\":\"https://groq.com\"}","output":null}]},"finish_reason":null}]})",
                R"({"id":"c4","choices":[{"index":0,"delta":{"content":"Groq makes LPUs."},"finish_reason":null}]})",
                R"({"id":"c4","choices":[{"index":0,"delta":{},"message":{"role":"assistant","executed_tools":[{"index":0,"type":"visit","arguments":"{\"url\":\"https://groq.com\"}","output":"Groq is fast AI inference."}]},"finish_reason":"stop"}]})"})
        << QByteArray(
               R"([{"id":"executed-0","name":"visit","arguments":"{\"url\":\"https://groq.com\"}","output":"Groq is fast AI inference.","finished":true,"failed":false,"error":""}])")
        << QStringLiteral("Groq makes LPUs.") << QStringLiteral("stop");

    QTest::addRow("final non-delta chunk with message.executed_tools")
        << sseBody(
               {R"({"id":"c5","choices":[{"index":0,"message":{"role":"assistant","content":"Done.","executed_tools":[{"index":0,"type":"browser_search","arguments":"{\"query\":\"x\"}","output":"hits"}]},"finish_reason":"stop"}]})"})
        << QByteArray(
               R"([{"id":"executed-0","name":"browser_search","arguments":"{\"query\":\"x\"}","output":"hits","finished":true,"failed":false,"error":""}])")
        << QStringLiteral("Done.") << QStringLiteral("stop");

    // Inferred: an item with its own id keeps it; one with an error is failed and finished.
    QTest::addRow("own ids, a failed tool, still running at the end")
        << sseBody(
               {R"({"id":"c6","choices":[{"index":0,"delta":{"executed_tools":[{"id":"et_1","index":0,"type":"browser_search","arguments":"{\"query\":\"a\"}","output":null},{"index":1,"type":"code_interpreter","arguments":"{\"code\":\"1/0\"}","output":null}]},"finish_reason":null}]})",
                R"({"id":"c6","choices":[{"index":0,"delta":{"executed_tools":[{"index":1,"type":"code_interpreter","error":{"message":"ZeroDivisionError: division by zero"}}]},"finish_reason":null}]})",
                R"({"id":"c6","choices":[{"index":0,"delta":{"content":"Partial."},"finish_reason":"length"}]})"})
        << QByteArray(
               R"([{"id":"et_1","name":"browser_search","arguments":"{\"query\":\"a\"}","output":"","finished":false,"failed":false,"error":""},)"
               R"({"id":"executed-1","name":"code_interpreter","arguments":"{\"code\":\"1/0\"}","output":"","finished":true,"failed":true,"error":"ZeroDivisionError: division by zero"}])")
        << QStringLiteral("Partial.") << QStringLiteral("length");
}

void TestOpenAiDecoder::executedTools()
{
    QFETCH(QByteArray, body);
    QFETCH(QByteArray, serverTools);
    QFETCH(QString, text);
    QFETCH(QString, finish);

    const Decoded whole = decodeSplit<OpenAiStreamDecoder>(body, {});
    const QJsonArray got = serverToolsToJson(whole.result.serverTools);
    QVERIFY2(got == QJsonDocument::fromJson(serverTools).array(), QJsonDocument(got).toJson().constData());
    QCOMPARE(whole.result.text, text);
    QCOMPARE(whole.result.finishReason, std::optional<QString>(finish));
    QVERIFY(whole.result.toolCalls.isEmpty()); // never a call for Versus to answer
    QVERIFY(!whole.error);
    QVERIFY(whole.done);
    for (qsizetype cut = 1; cut < body.size(); ++cut) {
        const Decoded split = decodeSplit<OpenAiStreamDecoder>(body, {cut});
        QVERIFY2(split.result == whole.result, qPrintable(QStringLiteral("split at %1").arg(cut)));
        QVERIFY2(split.done == whole.done && split.error == whole.error,
                 qPrintable(QStringLiteral("split at %1").arg(cut)));
    }
}

void TestOpenAiDecoder::executedToolsInCompleteBody()
{
    // A non-streamed groq/compound answer (inferred shape): message.executed_tools beside the content.
    OpenAiStreamDecoder decoder;
    StreamDecoder::Output out;
    decoder.decodeComplete(
        R"({"id":"c","model":"groq/compound","choices":[{"index":0,"message":{"role":"assistant","content":"It is 21 °C.","executed_tools":[{"index":0,"type":"search","arguments":"{\"query\":\"weather Paris\"}","output":"Paris: 21 °C, sunny"}]},"finish_reason":"stop"}]})",
        out);
    QVERIFY(out.done);
    QVERIFY(!out.error);
    QCOMPARE(out.deltas.size(), 1);
    const ServerToolCall expected{QStringLiteral("executed-0"),
                                  QStringLiteral("search"),
                                  QStringLiteral(R"({"query":"weather Paris"})"),
                                  QString::fromUtf8("Paris: 21 °C, sunny"),
                                  true,
                                  false,
                                  {}};
    QCOMPARE(out.deltas.first().serverTools, QList<ServerToolCall>{expected});
    QCOMPARE(out.deltas.first().text, QString::fromUtf8("It is 21 °C."));
}

QTEST_GUILESS_MAIN(TestOpenAiDecoder)
#include "tst_openaidecoder.moc"
