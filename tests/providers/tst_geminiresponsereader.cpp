// SPDX-License-Identifier: GPL-3.0-or-later
// The Gemini decoder's fast path (GeminiResponseReader, simdjson On-Demand) against its general
// path (Qt's JSON parser): every recorded Gemini fixture split at every byte offset, and
// hand-made responses, must give the same deltas, error and end both ways; the fast path must
// take the events of the recorded answers (all but function calls with arguments) and decline
// what it leaves to the general path.
#include "fastpathoutcome.h"
#include "fixture.h"
#include "providers/geministreamdecoder.h"
#include "providers/streampipeline.h"

#include <QRegularExpression>
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
    return test::decodeWithPath<GeminiStreamDecoder, &GeminiStreamDecoder::fastEvents>(body, fast, std::move(cuts));
}

} // namespace

class TestGeminiResponseReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fixturesSplit_data();
    void fixturesSplit();
    void responses_data();
    void responses();
};

void TestGeminiResponseReader::fixturesSplit_data()
{
    QTest::addColumn<QString>("name");
    for (const QString &name : test::fixtureNames(QStringLiteral("gemini")))
        QTest::newRow(qPrintable(name)) << name;
    QVERIFY(test::fixtureNames(QStringLiteral("gemini")).size() >= 15); // the fixtures were found
}

void TestGeminiResponseReader::fixturesSplit()
{
    QFETCH(QString, name);
    const Fixture fixture = loadFixture(QStringLiteral("gemini"), name);
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error));
    const QByteArray body = fixture.body();

    const Outcome fastWhole = decode(body, true);
    compareOutcomes(fastWhole, decode(body, false), "whole");
    // Every event of a recorded answer is read by the fast path but those with a function call
    // with arguments (the general path re-serializes them).
    qint64 withArguments = 0;
    for (const QByteArray &line : body.split('\n'))
        withArguments +=
            line.startsWith("data:") &&
            QRegularExpression(QStringLiteral("\"args\":\\{[^}]")).match(QString::fromUtf8(line)).hasMatch();
    const QString status = fixture.expected.value(u"status").toString();
    if (status == u"ok" || status == u"truncated") {
        QVERIFY(fastWhole.events > 0);
        QCOMPARE(fastWhole.fastEvents, fastWhole.events - withArguments);
    } else if (name == u"error_midstream" || name == u"safety") {
        QVERIFY(fastWhole.fastEvents > 0);
        QVERIFY(fastWhole.error.has_value());
    }

    for (qsizetype cut = 1; cut < body.size(); ++cut) {
        compareOutcomes(decode(body, true, {cut}), decode(body, false, {cut}), "split at " + QByteArray::number(cut));
        if (QTest::currentTestFailed())
            return;
    }
}

void TestGeminiResponseReader::responses_data()
{
    QTest::addColumn<QByteArray>("data");
    QTest::addColumn<bool>("fast");

    auto row = [&](const char *name, const char *data, bool fast) { QTest::newRow(name) << QByteArray(data) << fast; };
    row("text",
        R"({"candidates":[{"content":{"parts":[{"text":"Hello"}],"role":"model"},"index":0}],"usageMetadata":{"promptTokenCount":5,"candidatesTokenCount":1,"totalTokenCount":6,"promptTokensDetails":[{"modality":"TEXT","tokenCount":5}]},"modelVersion":"gemini-2.5-flash","responseId":"r1"})",
        true);
    row("thought and text parts",
        R"({"candidates":[{"content":{"parts":[{"text":"hm","thought":true},{"thought":false,"text":"a"},{"text":"b","thought":1}]}}]})",
        true);
    row("thoughts and cache counts",
        R"({"usageMetadata":{"thoughtsTokenCount":4,"cachedContentTokenCount":2,"promptTokenCount":9}})", true);
    row("usage not an object", R"({"usageMetadata":[1],"responseId":"x"})", true);
    row("empty usage", R"({"usageMetadata":{},"modelVersion":"m"})", true);
    row("other part kinds",
        R"({"candidates":[{"content":{"parts":[{"inlineData":{"mimeType":"image/png","data":"AA=="}},{"text":5},{"executableCode":{"code":"x"}},7,{"text":"ok"}]}}]})",
        true);
    row("function call without arguments",
        R"({"candidates":[{"content":{"parts":[{"functionCall":{"name":"now","args":{}},"thoughtSignature":"sig"}]},"finishReason":"STOP"}]})",
        true);
    row("function call with an id, args not an object",
        R"({"candidates":[{"content":{"parts":[{"functionCall":{"id":"c9","name":"f","args":"x"},"text":"ignored"}]}}]})",
        true);
    row("functionCall not an object", R"({"candidates":[{"content":{"parts":[{"functionCall":1,"text":"t"}]}}]})",
        true);
    row("second candidate ignored",
        R"({"candidates":[{"content":{"parts":[{"text":"a"}]}},{"content":{"parts":[{"text":"b"}]},"finishReason":"SAFETY"}]})",
        true);
    row("first candidate not an object", R"({"candidates":[1,{"content":{"parts":[{"text":"b"}]}}]})", true);
    row("finish reasons", R"({"candidates":[{"content":{"parts":[]},"finishReason":"MAX_TOKENS"}]})", true);
    row("unspecified finish", R"({"candidates":[{"finishReason":"FINISH_REASON_UNSPECIFIED"}]})", true);
    row("other finish", R"({"candidates":[{"finishReason":"OTHER"}]})", true);
    row("filter finish with message",
        R"({"candidates":[{"content":{"parts":[{"text":"partial"}]},"finishReason":"SAFETY","finishMessage":"Blocked."}]})",
        true);
    row("broken call finish", R"({"candidates":[{"finishReason":"MALFORMED_FUNCTION_CALL"}]})", true);
    row("blocked prompt",
        R"({"promptFeedback":{"blockReason":"SAFETY","blockReasonMessage":"Not allowed.","safetyRatings":[]},"usageMetadata":{"promptTokenCount":3}})",
        true);
    row("block reason with candidates",
        R"({"promptFeedback":{"blockReason":"OTHER"},"candidates":[{"content":{"parts":[{"text":"x"}]}}]})", true);
    row("block reason, empty candidates", R"({"promptFeedback":{"blockReason":"OTHER"},"candidates":[]})", true);
    row("error not an object", R"({"error":"x","candidates":[{"content":{"parts":[{"text":"y"}]}}]})", true);
    row("escapes in keys and text", R"({"c\u0061ndidates":[{"content":{"parts":[{"text":"a\"b\\n\u00e9\/"}]}}]})",
        true);
    row("raw UTF-8", "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"h\xc3\xa9llo \xf0\x9f\x8c\x8d\"}]}}]}",
        true);
    row("nested unknown fields",
        R"({"a":{"b":[1,-2.5e3,true,false,null,{"c":"d"}]},"candidates":[{"safetyRatings":[{"p":0.1}],"content":{"parts":[{"text":"x"}]}}]})",
        true);
    row("function call with arguments",
        R"({"candidates":[{"content":{"parts":[{"functionCall":{"name":"f","args":{"b":1,"a":[true]}}}]}}]})", false);
    row("error object", R"({"error":{"code":429,"message":"Resource exhausted","status":"RESOURCE_EXHAUSTED"}})",
        false);
    row("fractional count", R"({"usageMetadata":{"promptTokenCount":2.5}})", false);
    row("exponent count", R"({"usageMetadata":{"totalTokenCount":1e2}})", false);
    row("repeated key", R"({"candidates":[{"content":{"parts":[{"text":"a","text":"b"}]}}]})", false);
    row("repeated top-level key", R"({"responseId":"a","responseId":"b"})", false);
    row("garbage after the object", R"({"responseId":"a"} x)", false);
    row("second object", R"({"a":1}{"b":2})", false);
    row("unclosed", R"({"candidates":[{"content":{"parts":[{"text":"a"}]}})", false);
    row("bad literal in an unread field", R"({"x":tru,"responseId":"a"})", false);
    row("bad number in an unread field", R"({"x":-01,"responseId":"a"})", false);
    row("missing comma", R"({"a":1 "responseId":"a"})", false);
    row("lone surrogate", R"({"candidates":[{"content":{"parts":[{"text":"\udc00"}]}}]})", false);
    row("surrogate pair", R"({"candidates":[{"content":{"parts":[{"text":"\ud83c\udf0d"}]}}]})", false);
    row("raw control byte", "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\nb\"}]}}]}", false);
    row("invalid UTF-8", "{\"candidates\":[{\"content\":{\"parts\":[{\"text\":\"a\xff\"}]}}]}", false);
    row("array", R"([{"responseId":"a"}])", false);
    row("number", R"(12)", false);
    const QByteArray deep = QByteArray(70, '{').replace("{", "{\"a\":") + "1" + QByteArray(70, '}');
    QTest::newRow("deep nesting") << QByteArray("{\"x\":" + deep + R"(,"responseId":"a"})") << false;
}

void TestGeminiResponseReader::responses()
{
    QFETCH(QByteArray, data);
    QFETCH(bool, fast);
    QByteArray body = "data: "
                      R"({"candidates":[{"content":{"parts":[{"text":"before"}]}}],"responseId":"r"})"
                      "\n\n";
    body += "data: " + data + "\n\n";
    // A plain response after: the decoder goes on the same way after either path.
    body += "data: "
            R"({"candidates":[{"content":{"parts":[{"text":"after"}]},"finishReason":"STOP"}]})"
            "\n\n";

    const Outcome f = decode(body, true);
    const Outcome g = decode(body, false);
    compareOutcomes(f, g, "response");
    const QByteArray counts =
        describe(f) + " - events " + QByteArray::number(f.events) + ", fast " + QByteArray::number(f.fastEvents);
    // The fast path reads all of them, or all but the row's one response; after an error the
    // decoder reads nothing (the pipeline stops there).
    const qint64 read = g.error ? 2 : 3;
    QVERIFY2(f.fastEvents == read - (fast ? 0 : 1), counts.constData());
}

QTEST_GUILESS_MAIN(TestGeminiResponseReader)
#include "tst_geminiresponsereader.moc"
