// SPDX-License-Identifier: GPL-3.0-or-later
// StreamTimeline against schedules replayed on a fake clock: every figure is checked against
// the formula in docs/metrics.md and, for the speed, against the schedule's ground truth.
#include "metrics/metricdocs.h"
#include "metrics/metricsjson.h"
#include "metrics/percentile.h"
#include "metrics/streamtimeline.h"
#include "metrics/tokenestimator.h"

#include <QJsonObject>
#include <QTest>

#include <cmath>

using namespace versus;

namespace {

constexpr double kNone = -1; // "figure absent" in data tables
constexpr double kTolerance = 0.02;

// One token of Latin text by the default estimate (4 characters per token).
const QString kToken = QStringLiteral("abcd");

class FakeClock {
public:
    StreamTimeline::Clock clock()
    {
        return [this] { return m_ns; };
    }
    void setMs(double ms) { m_ns = qint64(std::llround(ms * 1e6)); }

private:
    qint64 m_ns = 0;
};

struct Read {
    double atMs = 0;
    QList<ChatDelta> deltas;
};

ChatDelta answer(int tokens = 1)
{
    ChatDelta d;
    d.text = kToken.repeated(tokens);
    return d;
}

ChatDelta reasoning(int tokens = 1)
{
    ChatDelta d;
    d.reasoning = kToken.repeated(tokens);
    return d;
}

ChatDelta toolFragment(bool first)
{
    ChatDelta d;
    ToolCallFragment f;
    if (first) { // the first fragment of a call: id and name, no arguments yet
        f.id = QStringLiteral("call_1");
        f.name = QStringLiteral("get_weather");
    } else {
        f.argumentsDelta = kToken;
    }
    d.toolCalls.append(f);
    return d;
}

ChatDelta finish()
{
    ChatDelta d;
    d.finishReason = QStringLiteral("stop");
    return d;
}

ChatDelta usageOnly(qint64 completionTokens)
{
    ChatDelta d;
    Usage u;
    u.promptTokens = 12;
    u.completionTokens = completionTokens;
    d.usage = u;
    return d;
}

// Schedule notation for the data tables: reads separated by spaces, each "ms:events", one
// letter per event decoded from that read: a = answer token, r = reasoning token,
// T = first tool-call fragment (id + name), t = tool-call arguments, e = empty delta (role
// only), f = finish reason only, u = usage only; "ms:" alone is a read without events
// (an SSE comment / keep-alive).
QList<Read> parseSchedule(const QString &schedule)
{
    QList<Read> reads;
    const QStringList items = schedule.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &item : items) {
        const qsizetype colon = item.indexOf(QLatin1Char(':'));
        Q_ASSERT(colon > 0);
        Read read;
        read.atMs = item.left(colon).toDouble();
        for (const QChar event : item.mid(colon + 1)) {
            switch (event.unicode()) {
            case u'a':
                read.deltas.append(answer());
                break;
            case u'r':
                read.deltas.append(reasoning());
                break;
            case u'T':
                read.deltas.append(toolFragment(true));
                break;
            case u't':
                read.deltas.append(toolFragment(false));
                break;
            case u'e':
                read.deltas.append(ChatDelta{});
                break;
            case u'f':
                read.deltas.append(finish());
                break;
            case u'u':
                read.deltas.append(usageOnly(0));
                break;
            default:
                qFatal("unknown event in schedule");
            }
        }
        reads.append(read);
    }
    return reads;
}

// Replays @p reads on @p timeline (t0 at 0 ms) up to and including @p untilMs.
void replay(FakeClock &clock, StreamTimeline &timeline, const QList<Read> &reads, double untilMs = 1e12)
{
    clock.setMs(0);
    timeline.start();
    for (const Read &read : reads) {
        if (read.atMs > untilMs)
            break;
        clock.setMs(read.atMs);
        timeline.recordChunk(120);
        for (const ChatDelta &delta : read.deltas)
            timeline.recordDelta(delta);
    }
    clock.setMs(std::min(untilMs, reads.isEmpty() ? 0.0 : reads.last().atMs));
}

void compareOptional(const std::optional<double> &actual, double expected, const char *what)
{
    if (expected == kNone) {
        QVERIFY2(
            !actual,
            qPrintable(QStringLiteral("%1 should be absent, is %2").arg(QLatin1String(what)).arg(actual.value_or(0))));
    } else {
        QVERIFY2(actual, qPrintable(QStringLiteral("%1 is absent").arg(QLatin1String(what))));
        QCOMPARE(*actual, expected);
    }
}

double relativeError(double value, double truth)
{
    return std::abs(value - truth) / truth;
}

} // namespace

class TestStreamTimeline : public QObject {
    Q_OBJECT

private slots:
    void fidelity_data();
    void fidelity();
    void timestamps_data();
    void timestamps();
    void interChunkLatency_data();
    void interChunkLatency();
    void percentileMethod_data();
    void percentileMethod();
    void serverTiming_data();
    void serverTiming();
    void noServerTiming();
    void speedNeedsTwoTokensAndADuration_data();
    void speedNeedsTwoTokensAndADuration();
    void usageSourceDecidesEstimatedFlag_data();
    void usageSourceDecidesEstimatedFlag();
    void estimateFactor();
    void estimatedUsageSplitsReasoning();
    void startClearsEarlierRecords();
    void recordsBeforeStartAreIgnored();
    void deltaWithoutReadIsStamped();
    void liveTokensPerS_data();
    void liveTokensPerS();
    void jsonKeysMatchDocs();
    void benchmarkRecording();
};

// The acceptance schedule: first token at 300 ms, then a read every `interval` ms; the ground
// truth decode speed is tokensPerRead / interval. The formula must give (N − 1)/(t_last − t_first)
// exactly and agree with the ground truth within 2 %. N / e2e (LLMPerf) and N / (t_last − t_first)
// would both fail the exact comparison, and N / e2e misses the 2 % band by far.
void TestStreamTimeline::fidelity_data()
{
    QTest::addColumn<double>("firstMs");
    QTest::addColumn<double>("intervalMs");
    QTest::addColumn<int>("reads");
    QTest::addColumn<int>("tokensPerRead");
    QTest::addColumn<int>("eventsPerRead");
    QTest::addColumn<bool>("withUsage");

    QTest::addRow("1 token per read, usage 200") << 300.0 << 5.0 << 200 << 1 << 1 << true;
    QTest::addRow("4 tokens per read, usage 200") << 300.0 << 20.0 << 50 << 4 << 1 << true;
    QTest::addRow("4 tokens per read as 4 events") << 300.0 << 20.0 << 50 << 4 << 4 << true;
    QTest::addRow("no usage, 1 token per read") << 300.0 << 5.0 << 200 << 1 << 1 << false;
    QTest::addRow("no usage, 4 tokens per read") << 300.0 << 20.0 << 50 << 4 << 2 << false;
    QTest::addRow("slow first token, 3 per read") << 2500.0 << 12.0 << 100 << 3 << 3 << true;
}

void TestStreamTimeline::fidelity()
{
    QFETCH(double, firstMs);
    QFETCH(double, intervalMs);
    QFETCH(int, reads);
    QFETCH(int, tokensPerRead);
    QFETCH(int, eventsPerRead);
    QFETCH(bool, withUsage);
    QCOMPARE(tokensPerRead % eventsPerRead, 0);

    const qint64 n = qint64(reads) * tokensPerRead;
    QList<Read> schedule;
    schedule.append(Read{firstMs - 100, {ChatDelta{}}}); // role-only chunk: not a token
    for (int i = 0; i < reads; ++i) {
        Read read{firstMs + i * intervalMs, {}};
        for (int e = 0; e < eventsPerRead; ++e)
            read.deltas.append(answer(tokensPerRead / eventsPerRead));
        schedule.append(read);
        if (i == reads / 2) // an SSE keep-alive between two reads
            schedule.append(Read{firstMs + (i + 0.5) * intervalMs, {}});
    }
    const double lastMs = firstMs + (reads - 1) * intervalMs;
    schedule.append(Read{lastMs + 3, {finish()}});
    if (withUsage)
        schedule.append(Read{lastMs + 40, {usageOnly(n)}});

    FakeClock clock;
    StreamTimeline timeline(clock.clock());
    replay(clock, timeline, schedule);
    Usage usage;
    if (withUsage)
        usage.completionTokens = n;
    const StreamMetrics m = timeline.metrics(usage);

    QVERIFY(m.ttftMs);
    QCOMPARE(*m.ttftMs, firstMs);
    QCOMPARE(m.ttfatMs, m.ttftMs);
    QVERIFY(m.e2eMs);
    QCOMPARE(*m.e2eMs, lastMs); // the finish and usage-only chunks do not count
    QCOMPARE(m.chunks, qint64(reads));
    QCOMPARE(m.completionTokens, std::optional<qint64>(n));
    QCOMPARE(m.estimated, !withUsage);
    QVERIFY(!m.reasoningMs);

    // The formula, exactly: (N − 1) / (t_last − t_first).
    QVERIFY(m.outputTokensPerS);
    const double formula = double(n - 1) / ((lastMs - firstMs) / 1000.0);
    QCOMPARE(*m.outputTokensPerS, formula);

    // The schedule's ground truth, within 2 %.
    const double truth = tokensPerRead * 1000.0 / intervalMs;
    QVERIFY2(relativeError(*m.outputTokensPerS, truth) <= kTolerance,
             qPrintable(QStringLiteral("%1 tok/s vs schedule %2 tok/s").arg(*m.outputTokensPerS).arg(truth)));
    // This schedule tells the definitions apart: LLMPerf's N / e2e is far from the truth.
    QVERIFY(relativeError(double(n) / (lastMs / 1000.0), truth) > kTolerance);

    // Every gap between token-bearing reads is one interval.
    QCOMPARE(m.itlP50Ms, std::optional<double>(intervalMs));
    QCOMPARE(m.itlP95Ms, std::optional<double>(intervalMs));
}

void TestStreamTimeline::timestamps_data()
{
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<double>("ttft");
    QTest::addColumn<double>("ttfat");
    QTest::addColumn<double>("e2e");
    QTest::addColumn<double>("reasoningMs");
    QTest::addColumn<qint64>("chunks");

    QTest::addRow("reasoning then answer") << QStringLiteral("20:e 100:r 110:r 120:r 190:r 400:a 410:a 420:af 500:u")
                                           << 100.0 << 400.0 << 420.0 << 300.0 << qint64(7);
    QTest::addRow("reasoning then tool call")
        << QStringLiteral("100:r 150:r 250:T 260:t 270:tf") << 100.0 << kNone << 270.0 << 150.0 << qint64(5);
    QTest::addRow("reasoning only, no answer")
        << QStringLiteral("100:r 130:r 190:r 200:f") << 100.0 << kNone << 190.0 << 90.0 << qint64(3);
    QTest::addRow("no reasoning") << QStringLiteral("200:a 210:a") << 200.0 << 200.0 << 210.0 << kNone << qint64(2);
    QTest::addRow("reasoning and answer in one read")
        << QStringLiteral("100:r 150:ra 160:a") << 100.0 << 150.0 << 160.0 << 50.0 << qint64(3);
    QTest::addRow("tool-call fragments only")
        << QStringLiteral("50:e 120:T 130:t 140:t 145:f 150:u") << 120.0 << kNone << 140.0 << kNone << qint64(3);
    QTest::addRow("usage-only trailing chunk excluded from e2e")
        << QStringLiteral("100:a 200:a 300:f 900:u") << 100.0 << 100.0 << 200.0 << kNone << qint64(2);
    QTest::addRow("role-only and keep-alive reads do not start ttft")
        << QStringLiteral("50:e 80: 100:a 130:a") << 100.0 << 100.0 << 130.0 << kNone << qint64(2);
    QTest::addRow("several events in one read share its timestamp")
        << QStringLiteral("100:aaa 150:aa") << 100.0 << 100.0 << 150.0 << kNone << qint64(2);
    QTest::addRow("nothing generated") << QStringLiteral("50:e 60:f 70:u") << kNone << kNone << kNone << kNone
                                       << qint64(0);
    QTest::addRow("no reads") << QStringLiteral("") << kNone << kNone << kNone << kNone << qint64(0);
}

void TestStreamTimeline::timestamps()
{
    QFETCH(QString, schedule);
    QFETCH(double, ttft);
    QFETCH(double, ttfat);
    QFETCH(double, e2e);
    QFETCH(double, reasoningMs);
    QFETCH(qint64, chunks);

    FakeClock clock;
    StreamTimeline timeline(clock.clock());
    const QList<Read> reads = parseSchedule(schedule);
    replay(clock, timeline, reads);
    const StreamMetrics m = timeline.metrics(Usage{});

    compareOptional(m.ttftMs, ttft, "ttft");
    compareOptional(m.ttfatMs, ttfat, "ttfat");
    compareOptional(m.e2eMs, e2e, "e2e");
    compareOptional(m.reasoningMs, reasoningMs, "reasoning time");
    QCOMPARE(m.chunks, chunks);
    QCOMPARE(qint64(timeline.tokenChunkCount()), chunks);
    QCOMPARE(timeline.chunkCount(), reads.size());
}

// ITL percentiles from a timeline whose reads are spaced by a known gap list. Expected values
// by linear interpolation (h = (n − 1)·p); nearest-rank would give the value in brackets.
void TestStreamTimeline::interChunkLatency_data()
{
    QTest::addColumn<QList<double>>("gaps");
    QTest::addColumn<double>("p50");
    QTest::addColumn<double>("p95");

    QTest::addRow("four gaps") << QList<double>{10, 20, 30, 40} << 25.0 << 38.5; // [20] [40]
    QTest::addRow("four gaps, out of order") << QList<double>{40, 10, 30, 20} << 25.0 << 38.5;
    QTest::addRow("one long stall in twenty") << (QList<double>(19, 5.0) << 100.0) << 5.0 << 9.75; // [5] [5]
    QTest::addRow("single gap") << QList<double>{7} << 7.0 << 7.0;
    QTest::addRow("no gap (one read)") << QList<double>{} << kNone << kNone;
}

void TestStreamTimeline::interChunkLatency()
{
    QFETCH(QList<double>, gaps);
    QFETCH(double, p50);
    QFETCH(double, p95);

    FakeClock clock;
    StreamTimeline timeline(clock.clock());
    QList<Read> reads{{200, {answer()}}};
    for (double gap : gaps) {
        reads.append(Read{reads.last().atMs + gap / 2, {}}); // a keep-alive inside the gap
        reads.append(Read{reads.last().atMs + gap / 2, {answer()}});
    }
    replay(clock, timeline, reads);
    const StreamMetrics m = timeline.metrics(Usage{});
    compareOptional(m.itlP50Ms, p50, "itl p50");
    compareOptional(m.itlP95Ms, p95, "itl p95");
}

void TestStreamTimeline::percentileMethod_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("p");
    QTest::addColumn<double>("expected");

    QTest::addRow("median of even count interpolates") << QList<double>{1, 2, 3, 4} << 0.5 << 2.5;
    QTest::addRow("median of odd count") << QList<double>{3, 1, 2} << 0.5 << 2.0;
    QTest::addRow("p95 of 1..100") << [] {
        QList<double> v;
        for (int i = 1; i <= 100; ++i)
            v.append(i);
        return v;
    }() << 0.95 << 95.05;
    QTest::addRow("p0 is the minimum") << QList<double>{5, 9, 1} << 0.0 << 1.0;
    QTest::addRow("p100 is the maximum") << QList<double>{5, 9, 1} << 1.0 << 9.0;
    QTest::addRow("empty") << QList<double>{} << 0.5 << kNone;
}

void TestStreamTimeline::percentileMethod()
{
    QFETCH(QList<double>, values);
    QFETCH(double, p);
    QFETCH(double, expected);
    compareOptional(percentile(values, p), expected, "percentile");
}

void TestStreamTimeline::serverTiming_data()
{
    QTest::addColumn<double>("queueMs");
    QTest::addColumn<double>("promptMs");
    QTest::addColumn<double>("completionMs");
    QTest::addColumn<double>("reportedSpeed");
    QTest::addColumn<qint64>("predictedTokens"); // -1 = not reported
    QTest::addColumn<qint64>("usageTokens");     // -1 = no usage
    QTest::addColumn<bool>("usageEstimated");
    QTest::addColumn<double>("serverSpeed");
    QTest::addColumn<double>("networkGateway");

    // Client ttft is 180 ms in every row.
    // Groq's x_groq.usage (seconds, converted by the decoder): queue_time 0.041520249,
    // prompt_time 0.010407901, completion_time 0.046601227, completion_tokens 15.
    QTest::addRow("groq x_groq.usage") << 41.520249 << 10.407901 << 46.601227 << kNone << qint64(-1) << qint64(15)
                                       << false << 15 / (46.601227 / 1000) << 180 - (41.520249 + 10.407901);
    QTest::addRow("llama.cpp reports its own speed")
        << kNone << 12.5 << 800.0 << 61.2 << qint64(49) << qint64(49) << false << 61.2 << kNone;
    QTest::addRow("llama.cpp predicted_n without speed")
        << kNone << 12.5 << 800.0 << kNone << qint64(49) << qint64(-1) << false << 49 / 0.8 << kNone;
    QTest::addRow("estimated usage never makes a server speed")
        << 5.0 << 10.0 << 500.0 << kNone << qint64(-1) << qint64(40) << true << kNone << 165.0;
    QTest::addRow("no completion time") << 3.0 << 7.0 << kNone << kNone << qint64(-1) << qint64(20) << false << kNone
                                        << 170.0;
    QTest::addRow("queue only: no network+gateway")
        << 3.0 << kNone << 100.0 << kNone << qint64(-1) << qint64(20) << false << 200.0 << kNone;
}

void TestStreamTimeline::serverTiming()
{
    QFETCH(double, queueMs);
    QFETCH(double, promptMs);
    QFETCH(double, completionMs);
    QFETCH(double, reportedSpeed);
    QFETCH(qint64, predictedTokens);
    QFETCH(qint64, usageTokens);
    QFETCH(bool, usageEstimated);
    QFETCH(double, serverSpeed);
    QFETCH(double, networkGateway);

    auto opt = [](double v) { return v == kNone ? std::nullopt : std::optional<double>(v); };
    ServerTiming reported;
    reported.queueMs = opt(queueMs);
    reported.promptMs = opt(promptMs);
    reported.completionMs = opt(completionMs);
    reported.outputTokensPerS = opt(reportedSpeed);
    if (predictedTokens >= 0)
        reported.predictedTokens = predictedTokens;
    Usage usage;
    if (usageTokens >= 0)
        usage.completionTokens = usageTokens;
    usage.estimated = usageEstimated;

    FakeClock clock;
    StreamTimeline timeline(clock.clock());
    replay(clock, timeline, parseSchedule(QStringLiteral("180:a 190:a 200:a")));
    const StreamMetrics m = timeline.metrics(usage, reported);

    QVERIFY(m.server);
    // Reported figures pass through untouched.
    QCOMPARE(m.server->queueMs, reported.queueMs);
    QCOMPARE(m.server->promptMs, reported.promptMs);
    QCOMPARE(m.server->completionMs, reported.completionMs);
    QCOMPARE(m.server->predictedTokens, reported.predictedTokens);
    compareOptional(m.server->outputTokensPerS, serverSpeed, "server tokens/s");
    compareOptional(m.networkGatewayMs, networkGateway, "network + gateway");
    // Client measurements are not touched by server figures.
    QCOMPARE(m.ttftMs, std::optional<double>(180));
}

void TestStreamTimeline::noServerTiming()
{
    FakeClock clock;
    StreamTimeline timeline(clock.clock());
    replay(clock, timeline, parseSchedule(QStringLiteral("180:a 190:a")));
    Usage usage;
    usage.completionTokens = 2;
    const StreamMetrics m = timeline.metrics(usage);
    QVERIFY(!m.server);
    QVERIFY(!m.networkGatewayMs);
    QVERIFY(m.outputTokensPerS);
}

void TestStreamTimeline::speedNeedsTwoTokensAndADuration_data()
{
    QTest::addColumn<QString>("schedule");
    QTest::addColumn<qint64>("usageTokens");
    QTest::addColumn<double>("speed");

    QTest::addRow("all tokens in one read") << QStringLiteral("100:aaaa") << qint64(4) << kNone;
    QTest::addRow("one token") << QStringLiteral("100:a 200:") << qint64(1) << kNone;
    QTest::addRow("two tokens, two reads") << QStringLiteral("100:a 200:a") << qint64(2) << 1 / 0.1;
    QTest::addRow("usage counts more than the reads carried")
        << QStringLiteral("100:a 300:a") << qint64(41) << 40 / 0.2;
}

void TestStreamTimeline::speedNeedsTwoTokensAndADuration()
{
    QFETCH(QString, schedule);
    QFETCH(qint64, usageTokens);
    QFETCH(double, speed);

    FakeClock clock;
    StreamTimeline timeline(clock.clock());
    replay(clock, timeline, parseSchedule(schedule));
    Usage usage;
    usage.completionTokens = usageTokens;
    compareOptional(timeline.metrics(usage).outputTokensPerS, speed, "tokens/s");
}

void TestStreamTimeline::usageSourceDecidesEstimatedFlag_data()
{
    QTest::addColumn<qint64>("usageTokens"); // -1 = no completion count
    QTest::addColumn<bool>("usageEstimated");
    QTest::addColumn<qint64>("expectedTokens");
    QTest::addColumn<bool>("expectedEstimated");

    // The schedule carries 10 tokens of text (40 characters).
    QTest::addRow("provider usage") << qint64(12) << false << qint64(12) << false;
    QTest::addRow("usage estimated by the caller") << qint64(11) << true << qint64(11) << true;
    QTest::addRow("no usage: the timeline estimates") << qint64(-1) << false << qint64(10) << true;
    QTest::addRow("reported 0 while text streamed") << qint64(0) << false << qint64(10) << true;
}

void TestStreamTimeline::usageSourceDecidesEstimatedFlag()
{
    QFETCH(qint64, usageTokens);
    QFETCH(bool, usageEstimated);
    QFETCH(qint64, expectedTokens);
    QFETCH(bool, expectedEstimated);

    FakeClock clock;
    StreamTimeline timeline(clock.clock());
    replay(clock, timeline, parseSchedule(QStringLiteral("100:aaaaa 200:aaaaa")));
    Usage usage;
    if (usageTokens >= 0)
        usage.completionTokens = usageTokens;
    usage.estimated = usageEstimated;
    const StreamMetrics m = timeline.metrics(usage);
    QCOMPARE(m.completionTokens, std::optional<qint64>(expectedTokens));
    QCOMPARE(m.estimated, expectedEstimated);
    QCOMPARE(m.outputTokensPerS, std::optional<double>((expectedTokens - 1) / 0.1));
    QCOMPARE(metricsToJson(m).value(QStringLiteral("tokens_source")).toString(),
             expectedEstimated ? QStringLiteral("estimated") : QStringLiteral("provider"));
}

void TestStreamTimeline::estimateFactor()
{
    FakeClock clock;
    StreamTimeline timeline(clock.clock());
    timeline.setEstimateFactor(1.5);
    replay(clock, timeline, parseSchedule(QStringLiteral("100:aaaaaaaaaa 200:aaaaaaaaaa")));
    const StreamMetrics m = timeline.metrics(Usage{});
    QCOMPARE(m.completionTokens, std::optional<qint64>(30)); // 1.5 · 80/4
    QVERIFY(m.estimated);
    timeline.setEstimateFactor(-2); // nonsense is refused
    QCOMPARE(timeline.estimateFactor(), 1.5);
}

void TestStreamTimeline::estimatedUsageSplitsReasoning()
{
    FakeClock clock;
    StreamTimeline timeline(clock.clock());
    replay(clock, timeline, parseSchedule(QStringLiteral("100:rrr 200:aaaaaaa 210:Tt")));
    const Usage usage = timeline.estimatedUsage();
    QVERIFY(usage.estimated);
    const double toolTokens = TokenEstimator::baseTokens(u"get_weather") + 1; // name + "abcd"
    QCOMPARE(usage.completionTokens, std::optional<qint64>(qRound64(3 + 7 + toolTokens)));
    QCOMPARE(usage.reasoningTokens, std::optional<qint64>(3));
    QCOMPARE(timeline.reasoningChars(), (CharCounts{12, 0, 0}));
    QVERIFY(!usage.promptTokens);
}

void TestStreamTimeline::startClearsEarlierRecords()
{
    FakeClock clock;
    StreamTimeline timeline(clock.clock());
    replay(clock, timeline, parseSchedule(QStringLiteral("100:r 200:a 300:a")));
    // A retry: start over at 1000 ms.
    clock.setMs(1000);
    timeline.start();
    clock.setMs(1250);
    timeline.recordChunk(10);
    timeline.recordDelta(answer());
    const StreamMetrics m = timeline.metrics(Usage{});
    QCOMPARE(m.ttftMs, std::optional<double>(250));
    QCOMPARE(m.chunks, qint64(1));
    QVERIFY(!m.reasoningMs);
    QCOMPARE(timeline.totalBytes(), qint64(10));
    QCOMPARE(timeline.generatedChars(), (CharCounts{4, 0, 0}));
}

void TestStreamTimeline::recordsBeforeStartAreIgnored()
{
    FakeClock clock;
    StreamTimeline timeline(clock.clock());
    clock.setMs(50);
    timeline.recordChunk(10);
    timeline.recordDelta(answer());
    QVERIFY(!timeline.started());
    QCOMPARE(timeline.chunkCount(), 0);
    const StreamMetrics m = timeline.metrics(Usage{});
    QVERIFY(!m.ttftMs);
    QVERIFY(!m.completionTokens);
    QVERIFY(!timeline.liveTokensPerS());
}

void TestStreamTimeline::deltaWithoutReadIsStamped()
{
    FakeClock clock;
    StreamTimeline timeline(clock.clock());
    timeline.start();
    clock.setMs(70);
    timeline.recordDelta(answer());
    QCOMPARE(timeline.chunkCount(), 1);
    QCOMPARE(timeline.metrics(Usage{}).ttftMs, std::optional<double>(70));
}

// A steady stream of one-token reads every 5 ms (200 tok/s) from 300 ms to 4295 ms, observed
// at `nowMs`: the live speed counts the estimated tokens of reads in (t_a, now] over now − t_a.
void TestStreamTimeline::liveTokensPerS_data()
{
    QTest::addColumn<double>("nowMs");
    QTest::addColumn<double>("factor");
    QTest::addColumn<double>("expected");

    QTest::addRow("before the first token") << 200.0 << 1.0 << kNone;
    QTest::addRow("at the first token") << 300.0 << 1.0 << kNone;
    QTest::addRow("window not yet full") << 800.0 << 1.0 << 200.0;
    QTest::addRow("full window") << 3300.0 << 1.0 << 200.0;
    QTest::addRow("between reads") << 3302.5 << 1.0 << 200.0;
    QTest::addRow("calibrated factor") << 3300.0 << 2.0 << 400.0;
    QTest::addRow("stalled one second") << 5295.0 << 1.0 << 100.0;
    QTest::addRow("stalled longer than the window") << 7000.0 << 1.0 << 0.0;
}

void TestStreamTimeline::liveTokensPerS()
{
    QFETCH(double, nowMs);
    QFETCH(double, factor);
    QFETCH(double, expected);

    QList<Read> reads;
    for (int i = 0; i < 800; ++i)
        reads.append(Read{300 + i * 5.0, {answer()}});
    FakeClock clock;
    StreamTimeline timeline(clock.clock());
    timeline.setEstimateFactor(factor);
    replay(clock, timeline, reads, nowMs);
    clock.setMs(nowMs);
    compareOptional(timeline.liveTokensPerS(2000), expected, "live tokens/s");
}

// The JSON keys the CLI prints are the ones the docs and tooltips name.
void TestStreamTimeline::jsonKeysMatchDocs()
{
    StreamMetrics m;
    m.server = ServerTiming{};
    const QJsonObject json = metricsToJson(m);
    const QJsonObject server = json.value(QStringLiteral("server")).toObject();
    QVERIFY(json.value(QStringLiteral("ttft_ms")).isNull());
    QCOMPARE(json.value(QStringLiteral("chunks")).toInt(-1), 0);
    int checked = 0;
    for (MetricId id : kAllMetricIds) {
        const QString key = metricJsonKey(id);
        if (key.startsWith(QLatin1String("server."))) {
            QVERIFY2(server.contains(key.mid(7)), qPrintable(key));
            ++checked;
        } else if (id != MetricId::LiveTokensPerS && id != MetricId::EstimatedTokens &&
                   id != MetricId::ProviderCost) { // not part of the metrics object
            QVERIFY2(json.contains(key), qPrintable(key));
            ++checked;
        }
    }
    QCOMPARE(checked, 13);
}

// Prints the cost of recording one read with one delta; no assertion on time.
void TestStreamTimeline::benchmarkRecording()
{
    const ChatDelta delta = answer(3);
    StreamTimeline timeline;
    QBENCHMARK
    {
        timeline.start();
        for (int i = 0; i < 1000; ++i) {
            timeline.recordChunk(200);
            timeline.recordDelta(delta);
        }
    }
    QCOMPARE(timeline.chunkCount(), 1000);
}

QTEST_GUILESS_MAIN(TestStreamTimeline)
#include "tst_streamtimeline.moc"
