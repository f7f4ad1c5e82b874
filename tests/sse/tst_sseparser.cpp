// SPDX-License-Identifier: GPL-3.0-or-later
// Cases 1–19 of shared/reference/SSE_CASES.md, one data row each (several rows where a case
// has several facets). Every row is fed as documented, then split at every byte offset (all
// two-chunk splittings), at every pair of offsets for short inputs (three chunks, empty chunks
// included), one byte at a time, and one byte at a time with empty chunks in between. Every
// chunking must give exactly the expected events, error, finish() result and parser state.
#include "sse/sseparser.h"

#include <QElapsedTimer>
#include <QStringList>
#include <QTest>

using namespace Qt::StringLiterals;
using versus::sse::SseError;
using versus::sse::SseEvent;
using versus::sse::SseLimits;
using versus::sse::SseParser;

// Everything observable about one run of the parser over a whole stream.
struct Outcome {
    QList<SseEvent> events;
    SseError error = SseError::None;
    bool pending = false; // what finish() returned
    QByteArray lastEventId;
    std::optional<int> retryMs;
    friend bool operator==(const Outcome &, const Outcome &) = default;

    // Builders for the data table.
    Outcome pendingAtEnd() const
    {
        return with([](Outcome &o) { o.pending = true; });
    }
    Outcome failedWith(SseError e) const // the rest of the stream was not consumed: pending too
    {
        return with([e](Outcome &o) {
            o.error = e;
            o.pending = true;
        });
    }
    Outcome lastId(const QByteArray &id) const
    {
        return with([&id](Outcome &o) { o.lastEventId = id; });
    }
    Outcome retry(int ms) const
    {
        return with([ms](Outcome &o) { o.retryMs = ms; });
    }

private:
    template<typename F>
    Outcome with(F change) const
    {
        Outcome copy = *this;
        change(copy);
        return copy;
    }
};

static Outcome expect(const QList<SseEvent> &events = {})
{
    Outcome o;
    o.events = events;
    return o;
}

Q_DECLARE_METATYPE(Outcome)
Q_DECLARE_METATYPE(versus::sse::SseLimits)

namespace {

QByteArray escaped(QByteArrayView bytes)
{
    QByteArray out;
    for (const char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '\n')
            out += "\\n";
        else if (c == '\r')
            out += "\\r";
        else if (c == '"' || c == '\\')
            out += '\\' + QByteArray(1, c);
        else if (u >= 0x20 && u < 0x7f)
            out += c;
        else
            out += "\\x" + QByteArray::number(u, 16).rightJustified(2, '0');
    }
    return out;
}

const char *errorName(SseError error)
{
    switch (error) {
    case SseError::None:
        return "None";
    case SseError::EventTooLarge:
        return "EventTooLarge";
    case SseError::StreamTooLarge:
        return "StreamTooLarge";
    }
    return "?";
}

SseEvent ev(const QByteArray &data, const QByteArray &type = {}, const QByteArray &id = {})
{
    return SseEvent{type, data, id};
}

// The chunk boundaries ("cuts") to try for an input of n bytes. A cut list {a, b} means the
// chunks [0, a), [a, b), [b, n); equal cuts give empty chunks.
QList<QList<qsizetype>> chunkings(qsizetype n)
{
    constexpr qsizetype kThreeChunkLimit = 96; // O(n²) splittings, O(n) each
    QList<QList<qsizetype>> result;
    for (qsizetype a = 0; a <= n; ++a)
        result.append(QList<qsizetype>{a});
    if (n <= kThreeChunkLimit) {
        for (qsizetype a = 0; a <= n; ++a) {
            for (qsizetype b = a; b <= n; ++b)
                result.append({a, b});
        }
    }
    QList<qsizetype> bytewise;
    QList<qsizetype> bytewiseWithEmpties;
    for (qsizetype a = 1; a < n; ++a) {
        bytewise.append(a);
        bytewiseWithEmpties << a << a;
    }
    result.append(bytewise);
    result.append(bytewiseWithEmpties);
    return result;
}

QByteArray describeCuts(const QList<qsizetype> &cuts)
{
    QByteArray s = "cuts at";
    for (const qsizetype c : cuts)
        s += ' ' + QByteArray::number(c);
    return s;
}

struct Run {
    Outcome outcome;
    QByteArray contractViolation; // empty when feed()/bytesSeen() kept their promises
};

// Feeds @p input in the chunks given by @p cuts and checks, on the way, the contract of
// feed(): it returns false exactly when an error is set, nothing comes out after an error,
// the byte counter and the event size respect the limits.
Run feedInChunks(const QByteArray &input, const QList<qsizetype> &cuts, const SseLimits &limits)
{
    Run run;
    SseParser parser(limits);
    QList<qsizetype> bounds = cuts;
    bounds.prepend(0);
    bounds.append(input.size());
    for (qsizetype k = 0; k + 1 < bounds.size(); ++k) {
        const QByteArrayView chunk = QByteArrayView(input).sliced(bounds[k], bounds[k + 1] - bounds[k]);
        const bool failedBefore = parser.error() != SseError::None;
        const qsizetype eventsBefore = run.outcome.events.size();
        const bool ok = parser.feed(chunk, run.outcome.events);
        if (ok != (parser.error() == SseError::None))
            run.contractViolation += "feed() result disagrees with error(); ";
        if (failedBefore && run.outcome.events.size() != eventsBefore)
            run.contractViolation += "events came out after an error; ";
    }
    if (parser.error() == SseError::None && parser.bytesSeen() != input.size())
        run.contractViolation += "bytesSeen() " + QByteArray::number(parser.bytesSeen()) + " != input size; ";
    if (parser.bytesSeen() > limits.maxStreamBytes)
        run.contractViolation += "bytesSeen() beyond the stream cap; ";
    for (const SseEvent &event : std::as_const(run.outcome.events)) {
        if (event.data.size() > limits.maxEventBytes)
            run.contractViolation += "an event larger than the event cap; ";
    }
    run.outcome.error = parser.error();
    run.outcome.pending = parser.finish();
    run.outcome.lastEventId = parser.lastEventId();
    run.outcome.retryMs = parser.reconnectionTimeMs();
    return run;
}

QList<qsizetype> cutsOf(const QList<QByteArray> &chunks)
{
    QList<qsizetype> cuts;
    qsizetype at = 0;
    for (qsizetype k = 0; k + 1 < chunks.size(); ++k) {
        at += chunks[k].size();
        cuts.append(at);
    }
    return cuts;
}

} // namespace

char *toString(const Outcome &o)
{
    QByteArray s = "events [";
    for (const SseEvent &e : o.events)
        s += "{type \"" + escaped(e.type) + "\" data \"" + escaped(e.data) + "\" id \"" + escaped(e.id) + "\"} ";
    s += "] error " + QByteArray(errorName(o.error)) + (o.pending ? " pending" : " not pending") + " lastEventId \"" +
         escaped(o.lastEventId) + "\" retry " + (o.retryMs ? QByteArray::number(*o.retryMs) : QByteArray("none"));
    return qstrdup(s.constData());
}

class TestSseParser : public QObject {
    Q_OBJECT

private slots:
    void everyChunking_data();
    void everyChunking();
    void typeOrDefault();
    void decodingKeepsInnerBom();
    void feedAfterErrorIsRefused();
    void emptyFeedKeepsPendingCr();
    void throughput();
};

void TestSseParser::everyChunking_data()
{
    QTest::addColumn<QList<QByteArray>>("chunks"); // as documented; the test tries every other chunking too
    QTest::addColumn<SseLimits>("limits");
    QTest::addColumn<Outcome>("expected");
    QTest::addColumn<QStringList>("texts"); // expected text() of each event, when the row is about decoding

    const SseLimits defaults;
    auto row = [&](const char *name, const QList<QByteArray> &chunks, const Outcome &expected,
                   const QStringList &texts = {}, const SseLimits &limits = SseLimits{}) {
        QTest::addRow("%s", name) << chunks << limits << expected << texts;
    };

    // 1–5: line endings and framing.
    row("01 LF", {"data: cow\n", "data: moo\n\n"}, expect({ev("cow\nmoo")}));
    row("02 CR only", {"data: dog\r", "data: bark\r\r"}, expect({ev("dog\nbark")}));
    row("03 CRLF", {"data: sheep\r\n", "data: bleat\r\n\r\n"}, expect({ev("sheep\nbleat")}));
    row("04 CRLF split across chunks", {"data: A\r\n", "data: B\r", "\n", "data: C\r\n", "\n"},
        expect({ev("A\nB\nC")}));
    row("04 CR at chunk end, LF, CR, LF", {"data: x\r", "\n", "\r", "\n"}, expect({ev("x")}));
    row("04 mixed endings", {"data: a\r\ndata: b\rdata: c\n\r\n"}, expect({ev("a\nb\nc")}));
    row("05 CR, CR LF", {"data: one\r", "\r", "\n"}, expect({ev("one")}));
    row("05 CR CR LF then more", {"data: one\r\r\ndata: two\n\n"}, expect({ev("one"), ev("two")}));

    // 6–7: dispatch only at a blank line.
    row("06 unterminated data line", {"data: 5"}, expect().pendingAtEnd());
    row("06 data line without blank line", {"data: 1\n\n", "data: 5\n"}, expect({ev("1")}).pendingAtEnd());
    row("06 event field without blank line", {"data: 1\n\nevent: x\n"}, expect({ev("1")}).pendingAtEnd());
    row("06 id field without blank line", {"data: 1\n\nid: 9\n"}, expect({ev("1")}).pendingAtEnd().lastId("9"));
    row("06 terminated stream is not pending", {"data: 1\n\n"}, expect({ev("1")}));
    row("07 leading blank lines", {"\n\n\r\n\r", "data: x\n\n"}, expect({ev("x")}));
    row("07 only blank lines", {"\n\r\n\r\r\n\n"}, {});
    row("07 empty stream", {""}, {});

    // 8–14: fields.
    row("08 multi-line data", {"event: stock\ndata: YHOO\ndata: +2\ndata: 10\n\n"},
        expect({ev("YHOO\n+2\n10", "stock")}));
    row("09 no space after colon", {"data:test\n\n"}, expect({ev("test")}));
    row("09 only one space removed", {"data:  x\n\n"}, expect({ev(" x")}));
    row("09 a tab is not removed", {"data:\tx\n\n"}, expect({ev("\tx")}));
    row("09 space only", {"data: \n\n"}, expect({ev("")}));
    row("10 bare field names", {"data\ndata\n\n"}, expect({ev("\n")}));
    row("10 empty value still dispatched", {"data:\n\n"}, expect({ev("")}));
    row("11 unknown field ignored", {"foo: bar\ndata: x\n\n"}, expect({ev("x")}));
    row("11 leading space makes an unknown field", {" data: y\n\n"}, {});
    row("11 field names are case-sensitive", {"DATA: z\n\n"}, {});
    row("11 space before colon", {"data : z\n\n"}, {});
    row("12 comments ignored", {": OPENROUTER PROCESSING\n\n", ": keep-", "alive\n", "data: x\n\n"}, expect({ev("x")}));
    row("12 comment inside an event", {"data: a\n: c\ndata: b\n\n"}, expect({ev("a\nb")}));
    row("12 colon inside a value", {"data: a:b\n\n"}, expect({ev("a:b")}));
    row("13 empty event type is the default", {"event:\ndata: x\n\n"}, expect({ev("x")}));
    row("13 event without data dispatches nothing", {"event: ping\n\n"}, {});
    row("13 last event field wins", {"event: a\nevent:\ndata: x\n\nevent: b\nevent: c\ndata: y\n\n"},
        expect({ev("x"), ev("y", "c")}));
    row("13 type does not carry over", {"event: a\n\ndata: x\n\n"}, expect({ev("x")}));
    row("14 id applies to later events", {"id: 7\ndata: a\n\ndata: b\n\n"},
        expect({ev("a", {}, "7"), ev("b", {}, "7")}).lastId("7"));
    row("14 id containing NUL ignored", {"id: 1\ndata: a\n\nid: 2\0x\ndata: b\n\n"_ba},
        expect({ev("a", {}, "1"), ev("b", {}, "1")}).lastId("1"));
    row("14 empty id resets", {"id: 1\n\nid\ndata: c\n\n"}, expect({ev("c")}));
    row("14 retry digits", {"retry: 1500\ndata: x\n\n"}, expect({ev("x")}).retry(1500));
    row("14 retry last one wins", {"retry: 2000\nretry: 300\n\n"}, expect().retry(300));
    row("14 retry zero", {"retry: 0\n\n"}, expect().retry(0));
    row("14 retry non-digits ignored",
        {"retry: 1500\n\nretry: 15x\n\nretry: -1\n\nretry:  7\n\nretry: 1.5\n\nretry:\n\nretry: 99999999999\n\n"},
        expect().retry(1500));

    // 15: the BOM.
    const QByteArray bom = "\xEF\xBB\xBF";
    row("15 BOM at start", {bom + "data: x\n\n"}, expect({ev("x")}));
    row("15 BOM split across chunks",
        {"\xEF", "\xBB",
         "\xBF"
         "data: x\n\n"},
        expect({ev("x")}));
    row("15 BOM then blank line", {bom + "\ndata: x\n\n"}, expect({ev("x")}));
    row("15 BOM alone", {bom}, {});
    row("15 BOM in the middle is content", {"data: a\n\n" + bom + "data: b\n\n"}, expect({ev("a")}));
    row("15 second BOM is content", {bom + bom + "data: b\n\n"}, {});
    row("15 BOM inside data is kept", {"data: " + bom + "z\n\n"}, expect({ev(bom + "z")}), {u"\uFEFFz"_s});
    row("15 partial BOM is content",
        {"\xEF\xBB"
         "data: x\n\n"},
        {});
    row("15 partial BOM then line end",
        {"\xEF"
         "\n"
         "data: y\n\n"},
        expect({ev("y")}));
    row("15 partial BOM at end of stream", {"\xEF\xBB"}, expect().pendingAtEnd());

    // 16–18: bytes and text.
    row("16 Cyrillic split inside characters",
        {"data: \xd0", "\xb8\xd0\xb7\xd0", "\xb2\xd0\xb5\xd1\x81\xd1\x82\xd0\xbd\xd0\xb8", "\n", "\n"},
        expect({ev("\xd0\xb8\xd0\xb7\xd0\xb2\xd0\xb5\xd1\x81\xd1\x82\xd0\xbd\xd0\xb8")}), {u"известни"_s});
    row("16 four-byte emoji split", {"data: \xf0\x9f", "\x92\x99", "\n\n"}, expect({ev("\xf0\x9f\x92\x99")}),
        {u"\U0001F499"_s});
    row("16 multi-byte type and data lines", {"event: \xd0\xbf\ndata: \xd0\xb0\xf0\x9f\x92\x99\ndata: \xd1\x8f\n\n"},
        expect({ev("\xd0\xb0\xf0\x9f\x92\x99\n\xd1\x8f", "\xd0\xbf")}), {u"а\U0001F499\nя"_s});
    row("17 U+2028 is not a line break", {"data: {\"content\":\"\xe2\x80\xa8\"}\n\n"},
        expect({ev("{\"content\":\"\xe2\x80\xa8\"}")}), {u"{\"content\":\"\u2028\"}"_s});
    row("17 U+2029, NEL, VT, FF are not line breaks",
        {"data: a\xe2\x80\xa9"
         "b\xc2\x85"
         "c\x0b\x0c"
         "d\n\n"},
        expect({ev("a\xe2\x80\xa9"
                   "b\xc2\x85"
                   "c\x0b\x0c"
                   "d")}),
        {u"a\u2029b\u0085c\u000b\u000cd"_s});
    row("18 escaped newlines in JSON",
        {R"(data: {"content":"a\n\nb"})"
         "\n\n"},
        expect({ev(R"({"content":"a\n\nb"})")}));

    // 19: caps. After an error the rest of the stream was not consumed, so finish() reports it.
    row("19 event cap exceeded by one line", {"data: 0123456789\n\ndata: 0123456789abcdef\n\n"},
        expect({ev("0123456789")}).failedWith(SseError::EventTooLarge), {},
        SseLimits{.maxEventBytes = 16, .maxStreamBytes = defaults.maxStreamBytes});
    row("19 event cap met exactly", {"data: abc\n\n"}, expect({ev("abc")}), {},
        SseLimits{.maxEventBytes = 9, .maxStreamBytes = defaults.maxStreamBytes});
    row("19 event cap exceeded over several lines", {"data: 12345\ndata: 12345\ndata: 12345\n\n"},
        expect().failedWith(SseError::EventTooLarge), {},
        SseLimits{.maxEventBytes = 20, .maxStreamBytes = defaults.maxStreamBytes});
    row("19 long comment exceeds the cap", {": " + QByteArray(40, 'x') + "\ndata: ok\n\n"},
        expect().failedWith(SseError::EventTooLarge), {},
        SseLimits{.maxEventBytes = 16, .maxStreamBytes = defaults.maxStreamBytes});
    row("19 stream cap exceeded", {"data: a\n\ndata: b\n\n"}, expect({ev("a")}).failedWith(SseError::StreamTooLarge),
        {}, SseLimits{.maxEventBytes = defaults.maxEventBytes, .maxStreamBytes = 12});
    row("19 stream cap met exactly", {"data: a\n\n"}, expect({ev("a")}), {},
        SseLimits{.maxEventBytes = defaults.maxEventBytes, .maxStreamBytes = 9});
    row("19 stream cap one byte short", {"data: a\n\n"}, expect().failedWith(SseError::StreamTooLarge), {},
        SseLimits{.maxEventBytes = defaults.maxEventBytes, .maxStreamBytes = 8});
    row("19 zero stream cap", {"data: a\n\n"}, expect().failedWith(SseError::StreamTooLarge), {},
        SseLimits{.maxEventBytes = defaults.maxEventBytes, .maxStreamBytes = 0});
}

void TestSseParser::everyChunking()
{
    QFETCH(const QList<QByteArray>, chunks);
    QFETCH(const SseLimits, limits);
    QFETCH(const Outcome, expected);
    QFETCH(const QStringList, texts);

    const QByteArray input = chunks.join();
    QList<QList<qsizetype>> all = chunkings(input.size());
    all.prepend(cutsOf(chunks));
    for (const QList<qsizetype> &cuts : std::as_const(all)) {
        const Run run = feedInChunks(input, cuts, limits);
        if (run.outcome != expected || !run.contractViolation.isEmpty())
            qWarning("fed with %s", describeCuts(cuts).constData());
        QVERIFY2(run.contractViolation.isEmpty(), run.contractViolation.constData());
        QCOMPARE(run.outcome, expected);
        if (!texts.isEmpty()) {
            QStringList decoded;
            for (const SseEvent &event : run.outcome.events)
                decoded.append(event.text());
            QCOMPARE(decoded, texts);
        }
    }
}

void TestSseParser::typeOrDefault()
{
    SseParser parser;
    QList<SseEvent> events;
    QVERIFY(parser.feed("event:\ndata: a\n\nevent: \xd0\xbf\ndata: b\n\n", events));
    QCOMPARE(events.size(), qsizetype(2));
    QCOMPARE(events[0].typeOrDefault(), u"message"_s);
    QCOMPARE(events[1].typeOrDefault(), u"п"_s);
}

void TestSseParser::decodingKeepsInnerBom()
{
    // Only the BOM at the start of the stream is dropped; inside a field it is U+FEFF.
    SseParser parser;
    QList<SseEvent> events;
    QVERIFY(parser.feed("\xEF\xBB\xBF"
                        "event: \xEF\xBB\xBF\ndata: \xEF\xBB\xBF"
                        "a\n\n",
                        events));
    QCOMPARE(events.size(), qsizetype(1));
    QCOMPARE(events[0].typeOrDefault(), u"\uFEFF"_s);
    QCOMPARE(events[0].text(), u"\uFEFFa"_s);
}

void TestSseParser::feedAfterErrorIsRefused()
{
    SseParser parser(SseLimits{.maxEventBytes = 8, .maxStreamBytes = 1024});
    QList<SseEvent> events;
    QVERIFY(!parser.feed("data: far too long\n\n", events));
    QCOMPARE(parser.error(), SseError::EventTooLarge);
    QVERIFY(!parser.feed("data: a\n\n", events));
    QVERIFY(events.isEmpty());
    QCOMPARE(parser.error(), SseError::EventTooLarge);
}

void TestSseParser::emptyFeedKeepsPendingCr()
{
    // A CR at the end of one read, then an empty read, then the LF: still one line ending.
    SseParser parser;
    QList<SseEvent> events;
    QVERIFY(parser.feed("data: a\r", events));
    QVERIFY(parser.feed({}, events));
    QVERIFY(parser.feed("\ndata: b\n", events));
    QVERIFY(events.isEmpty());
    QVERIFY(parser.feed("\n", events));
    QCOMPARE(events, QList<SseEvent>{ev("a\nb")});
}

void TestSseParser::throughput()
{
    // An OpenAI-style stream of small chunks, fed in network-sized reads.
    const QByteArray chunk = R"(data: {"id":"chatcmpl-1","object":"chat.completion.chunk","created":1,)"
                             R"("model":"m","choices":[{"index":0,"delta":{"content":" word"},"finish_reason":null}]})"
                             "\n\n"
                             ": keep-alive\r\n\r\n";
    constexpr qsizetype kRepeats = 20000;
    const QByteArray stream = chunk.repeated(kRepeats);
    constexpr qsizetype kRead = 1460;
    qsizetype events = 0;
    QElapsedTimer timer;
    timer.start();
    QBENCHMARK
    {
        SseParser parser;
        QList<SseEvent> out;
        for (qsizetype at = 0; at < stream.size(); at += kRead)
            QVERIFY(parser.feed(QByteArrayView(stream).sliced(at, std::min(kRead, stream.size() - at)), out));
        QVERIFY(!parser.finish());
        events = out.size();
    }
    QCOMPARE(events, kRepeats);
    qInfo("%lld bytes per iteration", static_cast<long long>(stream.size()));
}

QTEST_APPLESS_MAIN(TestSseParser)
#include "tst_sseparser.moc"
