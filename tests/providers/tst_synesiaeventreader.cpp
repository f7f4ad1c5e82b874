// SPDX-License-Identifier: GPL-3.0-or-later
// The Synesia decoder's fast path (SynesiaEventReader, simdjson On-Demand) against its general
// path (Qt's JSON parser): every recorded Synesia fixture split at every byte offset, and
// hand-made events, must give the same deltas, error and end marker both ways; the fast path
// must take the text and reasoning events of the recorded answers and decline what it leaves
// to the general path.
#include "fastpathoutcome.h"
#include "fixture.h"
#include "providers/streampipeline.h"
#include "providers/synesiastreamdecoder.h"

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
    return test::decodeWithPath<SynesiaStreamDecoder, &SynesiaStreamDecoder::fastEvents>(body, fast, std::move(cuts));
}

} // namespace

class TestSynesiaEventReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fixturesSplit_data();
    void fixturesSplit();
    void events_data();
    void events();
};

void TestSynesiaEventReader::fixturesSplit_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : test::fixtureNames(QStringLiteral("synesia")))
        QTest::newRow(qPrintable(name)) << name;
    QVERIFY(test::fixtureNames(QStringLiteral("synesia")).size() >= 6); // the fixtures were found
}

void TestSynesiaEventReader::fixturesSplit()
{
    QFETCH(QString, name);
    const Fixture fixture = loadFixture(QStringLiteral("synesia"), name);
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error));
    const QByteArray body = fixture.body();

    const Outcome fastWhole = decode(body, true);
    compareOutcomes(fastWhole, decode(body, false), "whole");
    // Every event of a recorded answer but the rare ones (done, error, internal_tool.*) is read
    // by the fast path.
    qint64 rare = 0;
    for (const QByteArray &line : body.split('\n')) {
        rare +=
            line.startsWith("data:") && (line.contains("\"type\":\"done\"") || line.contains("\"type\":\"error\"") ||
                                         line.contains("\"type\":\"internal_tool."));
    }
    if (fastWhole.events > 0) {
        QVERIFY(fastWhole.fastEvents > 0);
        QCOMPARE(fastWhole.fastEvents, fastWhole.events - rare);
    }

    for (qsizetype cut = 1; cut < body.size(); ++cut) {
        compareOutcomes(decode(body, true, {cut}), decode(body, false, {cut}), "split at " + QByteArray::number(cut));
        if (QTest::currentTestFailed())
            return;
    }
}

void TestSynesiaEventReader::events_data()
{
    QTest::addColumn<QByteArray>("event");
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("fast");

    auto row = [&](const char *name, const char *data, bool fast, const QByteArray &event = {}) {
        QTest::newRow(name) << event << QByteArray(data) << fast;
    };
    row("text.delta", R"({"type":"text.delta","block_id":"txt_1","delta":" is"})", true);
    row("chunk, content", R"({"type":"chunk","content":"old"})", true);
    row("reasoning.delta, text", R"({"type":"reasoning.delta","text":"hm"})", true);
    row("delta before content", R"({"type":"text.delta","content":"c","delta":"d","text":"t"})", true);
    row("first string wins", R"({"type":"text.delta","delta":5,"text":"t","content":"c"})", true);
    row("no string", R"({"type":"text.delta","delta":null,"content":{"a":1}})", true);
    row("start", R"({"type":"start","round_id":"rnd_1"})", true);
    row("tool_block.start", R"({"type":"tool_block.start","block_id":"tb"})", true);
    row("unknown type", R"({"type":"something.new","delta":"x"})", true);
    row("type not a string", R"({"type":1,"delta":"x"})", true);
    row("no type", R"({"delta":"x"})", true);
    row("escapes", R"({"type":"text.delta","delta":"a\"b\\n\u00e9\/"})", true);
    row("raw UTF-8", "{\"type\":\"text.delta\",\"delta\":\"h\xc3\xa9llo \xf0\x9f\x8c\x8d\"}", true);
    row("nested unknown fields", R"({"a":{"b":[1,-2.5e3,true,false,null,{"c":"d"}]},"type":"text.delta","delta":"x"})",
        true);
    row("done", R"({"type":"done","complete":true,"usage":{"input_tokens":3,"output_tokens":4},"model":"m"})", false);
    row("end", R"({"type":"end"})", false);
    row("error", R"({"type":"error","error":{"message":"over capacity","code":"provider_error"}})", false);
    row("error by event name", R"({"message":"slow down"})", false, "error");
    row("internal tool", R"({"type":"internal_tool.start","tool_call_id":"t1","name":"now","arguments":{}})", false);
    row("repeated key", R"({"type":"text.delta","delta":"a","delta":"b"})", false);
    row("repeated type", R"({"type":"text.delta","type":"done","delta":"a"})", false);
    row("garbage after the object", R"({"type":"text.delta","delta":"a"} x)", false);
    row("unclosed", R"({"type":"text.delta","delta":"a")", false);
    row("bad literal in an unread field", R"({"x":fals,"type":"text.delta","delta":"a"})", false);
    row("lone surrogate", R"({"type":"text.delta","delta":"\ud800"})", false);
    row("surrogate pair", R"({"type":"text.delta","delta":"\ud83c\udf0d"})", false);
    row("raw control byte", "{\"type\":\"text.delta\",\"delta\":\"a\tb\"}", false);
    row("invalid UTF-8", "{\"type\":\"text.delta\",\"delta\":\"\xc0\xaf\"}", false);
    row("array", R"(["text.delta"])", false);
}

void TestSynesiaEventReader::events()
{
    QFETCH(QByteArray, event);
    QFETCH(QByteArray, data);
    QFETCH(bool, fast);
    QByteArray body = "data: "
                      R"({"type":"text.delta","delta":"before"})"
                      "\n\n";
    if (!event.isEmpty())
        body += "event: " + event + '\n';
    body += "data: " + data + "\n\n";
    // A plain event after: the decoder goes on the same way after either path.
    body += "data: "
            R"({"type":"reasoning.delta","delta":"after"})"
            "\n\n";

    const Outcome f = decode(body, true);
    const Outcome g = decode(body, false);
    compareOutcomes(f, g, "event");
    const QByteArray counts =
        describe(f) + " - events " + QByteArray::number(f.events) + ", fast " + QByteArray::number(f.fastEvents);
    // The fast path reads all of them, or all but the row's one event; after an error the
    // pipeline stops, after the end the decoder reads nothing.
    const qint64 read = (g.error || g.done) ? 2 : 3;
    QVERIFY2(f.fastEvents == read - (fast ? 0 : 1), counts.constData());
}

QTEST_GUILESS_MAIN(TestSynesiaEventReader)
#include "tst_synesiaeventreader.moc"
