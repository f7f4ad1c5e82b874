// SPDX-License-Identifier: GPL-3.0-or-later
// The OpenAI-compatible decoder's fast path (OpenAiChunkReader, simdjson On-Demand) against its
// general path (Qt's JSON parser): every recorded OpenAI-compatible fixture split at every byte
// offset, and hand-made chunks, must give the same deltas, error and end marker both ways; the
// fast path must take the recorded text, reasoning and tool-call streams and decline what it
// leaves to the general path.
#include "fastpathoutcome.h"
#include "fixture.h"
#include "providers/openaistreamdecoder.h"
#include "providers/streampipeline.h"

#include <QTest>

#include <memory>

using namespace versus;
using versus::test::Fixture;
using versus::test::loadFixture;

namespace {

using Outcome = test::FastPathOutcome;
using test::compareOutcomes;
using test::describe;

Outcome decode(const QByteArray &body, bool fast, QList<qsizetype> cuts = {})
{
    return test::decodeWithPath<OpenAiStreamDecoder, &OpenAiStreamDecoder::fastChunks>(body, fast, std::move(cuts));
}

// The OpenAI-compatible services among the fixture folders.
const QStringList openAiCompatible = {
    QStringLiteral("custom"),     QStringLiteral("deepseek"), QStringLiteral("groq"),   QStringLiteral("llamacpp"),
    QStringLiteral("lmstudio"),   QStringLiteral("mistral"),  QStringLiteral("ollama"), QStringLiteral("openai"),
    QStringLiteral("openrouter"), QStringLiteral("together")};

} // namespace

class TestOpenAiChunkReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fixturesSplit_data();
    void fixturesSplit();
    void chunks_data();
    void chunks();
};

void TestOpenAiChunkReader::fixturesSplit_data()
{
    QTest::addColumn<QString>("provider");
    QTest::addColumn<QString>("name");
    int rows = 0;
    for (const QString &provider : openAiCompatible) {
        for (const QString &name : test::fixtureNames(provider)) {
            QTest::newRow(qPrintable(provider + u'/' + name)) << provider << name;
            ++rows;
        }
    }
    QVERIFY(rows > 20); // the fixtures were found
}

void TestOpenAiChunkReader::fixturesSplit()
{
    QFETCH(QString, provider);
    QFETCH(QString, name);
    const Fixture fixture = loadFixture(provider, name);
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error));
    const QByteArray body = fixture.body();

    const Outcome fastWhole = decode(body, true);
    compareOutcomes(fastWhole, decode(body, false), "whole");
    // The recorded answers of the common shapes are read by the fast path, every chunk of them
    // (all events but the end marker); the rarer shapes decline.
    const bool plainStream = (name == u"text" || name == u"reasoning" || name == u"tool_call") &&
                             fixture.expected.value(u"status").toString() == u"ok";
    if (plainStream && provider != u"mistral" && provider != u"llamacpp")
        QCOMPARE(fastWhole.fastEvents, fastWhole.events - (fastWhole.done ? 1 : 0));

    for (qsizetype cut = 1; cut < body.size(); ++cut) {
        compareOutcomes(decode(body, true, {cut}), decode(body, false, {cut}), "split at " + QByteArray::number(cut));
        if (QTest::currentTestFailed())
            return;
    }
}

void TestOpenAiChunkReader::chunks_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("fast");

    const QByteArray none;
    auto row = [&](const char *name, const char *data, bool fast, const QByteArray &event = {}) {
        QTest::newRow(name) << event << QByteArray(data) << fast;
    };
    row("text",
        R"({"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":"Hi"},"logprobs":null,"finish_reason":null}]})",
        true);
    row("reasoning, both keys in either order", R"({"choices":[{"delta":{"reasoning_content":"b","reasoning":"a"}}]})",
        true);
    row("tool calls without index",
        R"({"choices":[{"delta":{"tool_calls":[{"id":"x","function":{"name":"f","arguments":"{}"}},{"id":"y","type":"function","function":{"arguments":"{\"a\":1}","name":"g"}}]}}]})",
        true);
    row("tool call with index",
        R"({"choices":[{"delta":{"tool_calls":[{"index":2,"id":null,"function":{"arguments":"{\"q\""}}]}}]})", true);
    row("usage, timing, cost, details",
        R"({"choices":[],"usage":{"prompt_tokens":5,"completion_tokens":7,"total_tokens":12,"queue_time":0.01,"prompt_time":2e-3,"completion_time":0.1,"total_time":1,"cost":0.0012,"prompt_tokens_details":{"cached_tokens":3},"completion_tokens_details":{"reasoning_tokens":2}}})",
        true);
    row("x_groq usage",
        R"({"choices":[{"delta":{},"finish_reason":"stop"}],"x_groq":{"id":"req","usage":{"prompt_tokens":1,"completion_tokens":2,"queue_time":0.5}}})",
        true);
    row("empty usage object hides x_groq's", R"({"usage":{},"x_groq":{"usage":{"prompt_tokens":1}}})", true);
    row("null usage, x_groq's counts", R"({"usage":null,"x_groq":{"usage":{"prompt_tokens":1}}})", true);
    row("DeepSeek cache hits",
        R"({"usage":{"prompt_tokens":10,"prompt_cache_hit_tokens":4,"prompt_tokens_details":null}})", true);
    row("finish reasons normalized", R"({"choices":[{"delta":{"content":""},"finish_reason":"eos"}]})", true);
    row("escapes in keys and text", R"({"ch\u006fices":[{"delta":{"content":"a\"b\\n\u00e9\/"}}]})", true);
    row("raw UTF-8", "{\"choices\":[{\"delta\":{\"content\":\"h\xc3\xa9llo \xf0\x9f\x8c\x8d\"}}]}", true);
    row("other types ignored",
        R"({"id":5,"model":null,"choices":[{"delta":{"content":7,"reasoning":true,"tool_calls":{}},"finish_reason":1}]})",
        true);
    row("delta not an object", R"({"choices":[{"delta":"x","finish_reason":"length"}]})", true);
    row("choices not an array", R"({"choices":{"a":1},"usage":{"prompt_tokens":1}})", true);
    row("first choice only", R"({"choices":[{"delta":{"content":"a"}},{"delta":{"content":"b"}}]})", true);
    row("first choice not an object", R"({"choices":[3,{"delta":{"content":"b"}}]})", true);
    row("negative index", R"({"choices":[{"delta":{"tool_calls":[{"index":-1,"function":{"name":"f"}}]}}]})", true);
    row("nested unknown fields",
        R"({"a":{"b":[1,-2.5e3,true,false,null,{"c":"d"}]},"choices":[{"delta":{"content":"x"}}]})", true);
    row("float index", R"({"choices":[{"delta":{"tool_calls":[{"index":1.0,"function":{"name":"f"}}]}}]})", false);
    row("exponent count", R"({"usage":{"prompt_tokens":1e3}})", false);
    row("count beyond 64 bits", R"({"usage":{"prompt_tokens":18446744073709551615}})", false);
    row("index beyond int", R"({"choices":[{"delta":{"tool_calls":[{"index":4294967296}]}}]})", false);
    row("repeated key", R"({"choices":[{"delta":{"content":"a","content":"b"}}]})", false);
    row("repeated top-level key", R"({"model":"a","model":"b"})", false);
    row("garbage after the object", R"({"choices":[]} x)", false);
    row("second object", R"({"a":1}{"b":2})", false);
    row("unclosed", R"({"choices":[{"delta":{"content":"a"}})", false);
    row("bad literal in an unread field", R"({"logprobs":nul,"choices":[{"delta":{"content":"a"}}]})", false);
    row("bad number in an unread field", R"({"created":01,"choices":[{"delta":{"content":"a"}}]})", false);
    row("missing comma", R"({"a":1 "choices":[]})", false);
    row("lone surrogate", R"({"choices":[{"delta":{"content":"\ud800"}}]})", false);
    row("surrogate pair", R"({"choices":[{"delta":{"content":"\ud83c\udf0d"}}]})", false);
    row("raw control byte", "{\"choices\":[{\"delta\":{\"content\":\"a\tb\"}}]}", false);
    row("invalid UTF-8", "{\"choices\":[{\"delta\":{\"content\":\"a\xc3(b\"}}]}", false);
    row("error object", R"({"error":{"message":"Rate limit reached","code":429}})", false);
    row("x_groq error", R"({"choices":[],"x_groq":{"error":"over capacity"}})", false);
    row("whole message", R"({"choices":[{"message":{"content":"a"}}]})", false);
    row("content parts", R"({"choices":[{"delta":{"content":[{"type":"text","text":"a"}]}}]})", false);
    row("executed tools", R"({"choices":[{"delta":{"executed_tools":[{"index":0,"type":"search","output":"x"}]}}]})",
        false);
    row("parsed arguments",
        R"({"choices":[{"delta":{"tool_calls":[{"index":0,"function":{"name":"f","arguments":{"a":1}}}]}}]})", false);
    row("llama.cpp timings", R"({"choices":[],"timings":{"prompt_ms":1.5,"predicted_n":3}})", false);
    row("array", R"([1,2])", false);
    row("string", R"("text")", false);
    QByteArray deep = QByteArray(70, '[') + QByteArray(70, ']');
    QTest::newRow("deep nesting") << none << QByteArray("{\"x\":" + deep + R"(,"choices":[{"delta":{"content":"a"}}]})")
                                  << false;
    row("error event", R"({"message":"overloaded","code":"server_error"})", false, "error");
}

void TestOpenAiChunkReader::chunks()
{
    QFETCH(QByteArray, event);
    QFETCH(QByteArray, data);
    QFETCH(bool, fast);
    QByteArray body;
    if (!event.isEmpty())
        body += "event: " + event + '\n';
    body += "data: " + data + "\n\n";
    // A second, plain chunk: the decoder goes on the same way after either path.
    body += R"(data: {"choices":[{"delta":{"tool_calls":[{"function":{"name":"after"}}]}}]})"
            "\n\ndata: [DONE]\n\n";

    const Outcome f = decode(body, true);
    const Outcome g = decode(body, false);
    compareOutcomes(f, g, "chunk");
    const bool stopped = g.error.has_value();
    QCOMPARE(f.fastEvents, qint64(fast ? 1 : 0) + (stopped ? 0 : 1));
}

QTEST_GUILESS_MAIN(TestOpenAiChunkReader)
#include "tst_openaichunkreader.moc"
