// SPDX-License-Identifier: GPL-3.0-or-later
// The Anthropic decoder's fast path (AnthropicEventReader, simdjson On-Demand) against its
// general path (Qt's JSON parser): every recorded Anthropic fixture split at every byte offset,
// and hand-made events, must give the same deltas, error and end marker both ways; the fast
// path must take every event of the recorded answers and decline what it leaves to the general
// path.
#include "fastpathoutcome.h"
#include "fixture.h"
#include "providers/anthropicstreamdecoder.h"
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
    return test::decodeWithPath<AnthropicStreamDecoder, &AnthropicStreamDecoder::fastEvents>(body, fast,
                                                                                             std::move(cuts));
}

} // namespace

class TestAnthropicEventReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fixturesSplit_data();
    void fixturesSplit();
    void events_data();
    void events();
};

void TestAnthropicEventReader::fixturesSplit_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : test::fixtureNames(QStringLiteral("anthropic")))
        QTest::newRow(qPrintable(name)) << name;
    QVERIFY(test::fixtureNames(QStringLiteral("anthropic")).size() >= 12); // the fixtures were found
}

void TestAnthropicEventReader::fixturesSplit()
{
    QFETCH(QString, name);
    const Fixture fixture = loadFixture(QStringLiteral("anthropic"), name);
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error));
    const QByteArray body = fixture.body();

    const Outcome fastWhole = decode(body, true);
    compareOutcomes(fastWhole, decode(body, false), "whole");
    // Every event of a recorded answer is read by the fast path; the mid-stream error event is
    // left to the general path.
    if (fixture.expected.value(u"status").toString() == u"ok") {
        QVERIFY(fastWhole.events > 3);
        QCOMPARE(fastWhole.fastEvents, fastWhole.events);
    } else if (name == u"midstream_overloaded") {
        QVERIFY(fastWhole.fastEvents > 0);
        QVERIFY(fastWhole.error.has_value());
    }

    for (qsizetype cut = 1; cut < body.size(); ++cut) {
        compareOutcomes(decode(body, true, {cut}), decode(body, false, {cut}), "split at " + QByteArray::number(cut));
        if (QTest::currentTestFailed())
            return;
    }
}

void TestAnthropicEventReader::events_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("fast");

    auto row = [&](const char *name, const char *data, bool fast, const QByteArray &event = {}) {
        QTest::newRow(name) << event << QByteArray(data) << fast;
    };
    row("message_start",
        R"({"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude","content":[],"stop_reason":null,"usage":{"input_tokens":10,"cache_creation_input_tokens":2,"cache_read_input_tokens":3,"output_tokens":1,"service_tier":"standard"}}})",
        true);
    row("message_start, fields in another order",
        R"({"message":{"usage":{"output_tokens":1,"input_tokens":4},"model":"m","id":"x"},"type":"message_start"})",
        true);
    row("message_start, empty usage", R"({"type":"message_start","message":{"id":"a","usage":{}}})", true);
    row("message_start, usage not an object", R"({"type":"message_start","message":{"id":"a","usage":[1]}})", true);
    row("message_start, message not an object", R"({"type":"message_start","message":"m"})", true);
    row("text block", R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":"Hi"}})", true);
    row("text delta on the started block",
        R"({"type":"content_block_start","index":1,"content_block":{"type":"text","text":""}})"
        "\n\ndata: "
        R"({"type":"content_block_delta","index":1,"delta":{"type":"text_delta","text":"a\"b\\n\u00e9\/"}})",
        true);
    row("delta without a block", R"({"type":"content_block_delta","index":3,"delta":{"type":"text_delta","text":"x"}})",
        true);
    row("thinking block with signature",
        R"({"type":"content_block_start","index":0,"content_block":{"type":"thinking","thinking":"hm","signature":"s"}})"
        "\n\ndata: "
        R"({"type":"content_block_delta","index":0,"delta":{"type":"signature_delta","signature":"t"}})"
        "\n\ndata: "
        R"({"type":"content_block_stop","index":0})",
        true);
    row("redacted thinking",
        R"({"type":"content_block_start","index":0,"content_block":{"type":"redacted_thinking","data":"abc"}})"
        "\n\ndata: "
        R"({"type":"content_block_stop","index":0})",
        true);
    row("tool use, streamed input",
        R"({"type":"content_block_start","index":2,"content_block":{"type":"tool_use","id":"t1","name":"f","input":{}}})"
        "\n\ndata: "
        R"({"type":"content_block_delta","index":2,"delta":{"type":"input_json_delta","partial_json":"{\"a\":"}})"
        "\n\ndata: "
        R"({"type":"content_block_stop","index":2})",
        true);
    row("tool use without input",
        R"({"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"t1","name":"f","input":{}}})"
        "\n\ndata: "
        R"({"index":0,"type":"content_block_stop"})",
        true);
    row("tool use, input not an object",
        R"({"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"t","name":"f","input":"x"}})",
        true);
    row("message_delta",
        R"({"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":42}})",
        true);
    row("message_delta, stop reason not a string", R"({"type":"message_delta","delta":{"stop_reason":3},"usage":{}})",
        true);
    row("ping", R"({"type": "ping"})", true);
    row("type from the event name", R"({"index":0,"content_block":{"type":"text","text":"named"}})", true,
        "content_block_start");
    row("type not a string", R"({"type":5,"index":0,"content_block":{"type":"text","text":"x"}})", true,
        "content_block_start");
    row("unknown event", R"({"type":"something_new","delta":{"text":"x"}})", true);
    row("index not a number",
        R"({"type":"content_block_start","index":"1","content_block":{"type":"text","text":"x"}})", true);
    row("negative index", R"({"type":"content_block_start","index":-4,"content_block":{"type":"text","text":"x"}})",
        true);
    row("raw UTF-8",
        "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"h\xc3\xa9llo "
        "\xf0\x9f\x8c\x8d\"}}",
        true);
    row("nested unknown fields",
        R"({"a":{"b":[1,-2.5e3,true,false,null,{"c":"d"}]},"type":"content_block_start","content_block":{"type":"text","text":"x","citations":[]}})",
        true);
    row("message_stop", R"({"type":"message_stop"})", true);
    row("float index", R"({"type":"content_block_start","index":1.0,"content_block":{"type":"text","text":"x"}})",
        false);
    row("index beyond int",
        R"({"type":"content_block_start","index":4294967296,"content_block":{"type":"text","text":"x"}})", false);
    row("exponent count", R"({"type":"message_delta","usage":{"output_tokens":1e3}})", false);
    row("fractional count", R"({"type":"message_delta","usage":{"output_tokens":2.5}})", false);
    row("count beyond 64 bits", R"({"type":"message_delta","usage":{"output_tokens":18446744073709551615}})", false);
    row("whole input",
        R"({"type":"content_block_start","index":0,"content_block":{"type":"tool_use","input":{"a":1}}})", false);
    row("repeated key", R"({"type":"content_block_start","content_block":{"type":"text","text":"a","text":"b"}})",
        false);
    row("repeated top-level key", R"({"type":"ping","type":"message_stop"})", false);
    row("garbage after the object", R"({"type":"ping"} x)", false);
    row("second object", R"({"type":"ping"}{"type":"ping"})", false);
    row("unclosed", R"({"type":"content_block_start","content_block":{"type":"text")", false);
    row("bad literal in an unread field", R"({"x":nul,"type":"ping"})", false);
    row("bad number in an unread field", R"({"x":01,"type":"ping"})", false);
    row("missing comma", R"({"a":1 "type":"ping"})", false);
    row("lone surrogate", R"({"type":"content_block_start","content_block":{"type":"text","text":"\ud800"}})", false);
    row("surrogate pair", R"({"type":"content_block_start","content_block":{"type":"text","text":"\ud83c\udf0d"}})",
        false);
    row("raw control byte",
        "{\"type\":\"content_block_start\",\"content_block\":{\"type\":\"text\",\"text\":\"a\tb\"}}", false);
    row("invalid UTF-8",
        "{\"type\":\"content_block_start\",\"content_block\":{\"type\":\"text\",\"text\":\"a\xc3(b\"}}", false);
    row("error event", R"({"type":"error","error":{"type":"overloaded_error","message":"Overloaded"}})", false);
    row("error object in another event", R"({"type":"ping","error":{"type":"api_error","message":"x"}})", false);
    row("error by event name", R"({"error":{"type":"rate_limit_error","message":"slow down"}})", false, "error");
    row("array", R"([1,2])", false);
    row("string", R"("text")", false);
    const QByteArray deep = QByteArray(70, '[') + QByteArray(70, ']');
    QTest::newRow("deep nesting") << QByteArray() << QByteArray("{\"x\":" + deep + R"(,"type":"ping"})") << false;
}

void TestAnthropicEventReader::events()
{
    QFETCH(QByteArray, event);
    QFETCH(QByteArray, data);
    QFETCH(bool, fast);
    // A text block is open before, so deltas and stops have something to act on.
    QByteArray body = "data: "
                      R"({"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}})"
                      "\n\n";
    if (!event.isEmpty())
        body += "event: " + event + '\n';
    body += "data: " + data + "\n\n";
    // A plain event after: the decoder goes on the same way after either path.
    body += "data: "
            R"({"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"after"}})"
            "\n\n";

    const Outcome f = decode(body, true);
    const Outcome g = decode(body, false);
    compareOutcomes(f, g, "event");
    const QByteArray counts =
        describe(f) + " - events " + QByteArray::number(f.events) + ", fast " + QByteArray::number(f.fastEvents);
    // The fast path reads all of them, or all but the row's one event; after message_stop the
    // decoder reads nothing.
    QVERIFY2(f.fastEvents == f.events - (fast ? 0 : 1) - (g.done ? 1 : 0), counts.constData());
}

QTEST_GUILESS_MAIN(TestAnthropicEventReader)
#include "tst_anthropiceventreader.moc"
