// SPDX-License-Identifier: GPL-3.0-or-later
// BenchRunner against the loopback server with a real history: concurrency per target is real
// (the server sees exactly that many requests at once and the wall time shows it), warm-up
// requests come first and are not samples, a failing target does not stop the other, and
// cancel() drops the requests in flight and keeps (and stores) what finished.
#include "bench/benchrunner.h"
#include "bench/benchstore.h"
#include "comparisonharness.h"
#include "pacedstream.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

#include <memory>

using namespace versus;
using namespace versus::bench;
using namespace versus::test;

namespace {

/// An answer of @p pieces chunks whose last event is written @p lastMs after the request.
ScriptedResponse pacedAnswer(int pieces, int firstMs, int lastMs)
{
    QList<QByteArray> payloads;
    for (int i = 0; i < pieces; ++i)
        payloads << openAiContentChunk(i == 0 ? QStringLiteral("Hello") : QStringLiteral(" more"));
    payloads << openAiFinishChunk(pieces, 9);
    return pacedSse(payloads, firstMs, (lastMs - firstMs) / int(payloads.size() - 1));
}

/// Counts the requests the server is serving at once.
struct InFlight {
    int now = 0;
    int most = 0;
    void attach(ScriptedServer &server, QObject *context)
    {
        QObject::connect(&server, &ScriptedServer::requestReceived, context,
                         [this](int) { most = std::max(most, ++now); });
        QObject::connect(&server, &ScriptedServer::responseFinished, context, [this](int) { --now; });
    }
};

BenchSpec specFor(QList<Target> targets, int runs, int concurrency, QStringList prompts = {QStringLiteral("Hi")})
{
    BenchSpec spec;
    spec.targets = std::move(targets);
    spec.prompts.name = QStringLiteral("test");
    spec.prompts.prompts = std::move(prompts);
    spec.runs = runs;
    spec.concurrency = concurrency;
    return spec;
}

} // namespace

class tst_BenchRunner : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void concurrencyIsReal();
    void warmupComesFirstAndIsNotASample();
    void failingTargetDoesNotStopTheOther();
    void cancelKeepsTheFinishedSamples();
    void destroyedWhileRunningEndsTheStoredBenchmark();
};

void tst_BenchRunner::concurrencyIsReal()
{
    Harness h;
    // Each stream's last event is written 1 s after its request (absolute offsets from the
    // request: a busy machine can delay events, never pack them closer).
    h.server.route("POST", Harness::chatPath(kGroq), pacedAnswer(10, 50, 1000));
    InFlight inFlight;
    inFlight.attach(h.server, this);

    BenchRunner runner(*h.engine, specFor({kGroq}, 8, 4));
    QSignalSpy finished(&runner, &BenchRunner::finished);
    QElapsedTimer clock;
    clock.start();
    runner.start();
    QVERIFY(finished.wait(15000));
    const qint64 elapsed = clock.elapsed();
    qInfo("8 runs of a 1 s stream at concurrency 4 took %lld ms", elapsed);

    QCOMPARE(runner.samples().size(), 8);
    for (const BenchSample &sample : runner.samples())
        QCOMPARE(sample.result.chat.status, ResultStatus::Ok);
    QCOMPARE(h.server.requestCount(), 8);
    // Never more than 4 at once, and 4 at once at some point.
    QCOMPARE(inFlight.most, 4);
    // Why this window is safe: with at most 4 requests at once (checked above) 8 requests of at
    // least 1 s each need at least 2 s, so the lower bound only guards the clock; one at a time
    // would take 8 s and two at a time 4 s, so anything under 3.5 s proves 4 ran side by side,
    // while leaving 1.5 s for a loaded machine (2 cores shared with other builds).
    QVERIFY2(elapsed >= 1800 && elapsed <= 3500, qPrintable(QString::number(elapsed)));

    // Stored as it ran: the benchmark and its 8 samples.
    const auto stored = loadBench(*h.engine->history(), runner.benchId());
    QVERIFY(stored);
    QCOMPARE(stored->state, history::BenchRecord::State::Finished);
    QCOMPARE(stored->samples.size(), 8);
    const QList<TargetSummary> summary = runner.summary();
    QCOMPARE(summary.size(), 1);
    QCOMPARE(summary.at(0).count, 8);
    QCOMPARE(summary.at(0).succeeded, 8);
    // The last content chunk is written at 50 + 9 × 95 = 905 ms (the finish chunk at 1000 ms
    // carries no token): no e2e can be shorter.
    QVERIFY2(summary.at(0).e2eMs->min >= 903, qPrintable(QString::number(summary.at(0).e2eMs->min)));
}

void tst_BenchRunner::warmupComesFirstAndIsNotASample()
{
    Harness h;
    h.server.route("POST", Harness::chatPath(kGroq), pacedAnswer(3, 20, 200));
    // Two warm-ups at concurrency 2 run side by side; the measured requests wait for both.
    BenchSpec withWarmup = specFor({kGroq}, 2, 2, {QStringLiteral("First"), QStringLiteral("Second")});
    withWarmup.warmup = 2;
    BenchRunner warm(*h.engine, withWarmup);
    QList<QString> events;
    connect(&warm, &BenchRunner::warmupFinished, this,
            [&](int target) { events << QStringLiteral("warmup %1").arg(target); });
    connect(&h.server, &ScriptedServer::requestReceived, this, [&](int) { events << QStringLiteral("request"); });
    QSignalSpy progress(&warm, &BenchRunner::progress);
    QSignalSpy finished(&warm, &BenchRunner::finished);
    warm.start();
    QVERIFY(finished.wait(15000));
    QCOMPARE(events, (QStringList{QStringLiteral("request"), QStringLiteral("request"), QStringLiteral("warmup 0"),
                                  QStringLiteral("warmup 0"), QStringLiteral("request"), QStringLiteral("request"),
                                  QStringLiteral("request"), QStringLiteral("request")}));
    QCOMPARE(warm.totalRequests(), 4);
    QCOMPARE(warm.samples().size(), 4);
    QCOMPARE(h.server.requestCount(), 6);
    // The warm-up sends the first prompt; the samples are prompt × run.
    QVERIFY(h.server.request(0).body.contains("First"));
    QList<std::pair<int, int>> plan;
    for (const BenchSample &sample : warm.samples())
        plan << std::pair{sample.promptIndex, sample.runIndex};
    std::sort(plan.begin(), plan.end());
    QCOMPARE(plan, (QList<std::pair<int, int>>{{0, 0}, {0, 1}, {1, 0}, {1, 1}}));
    QCOMPARE(progress.last().at(0).toInt(), 4);
    QCOMPARE(progress.last().at(1).toInt(), 4);
    QCOMPARE(loadBench(*h.engine->history(), warm.benchId())->samples.size(), 4); // warm-ups not stored
}

void tst_BenchRunner::failingTargetDoesNotStopTheOther()
{
    Harness h;
    h.server.route("POST", Harness::chatPath(kGroq), pacedAnswer(3, 20, 100));
    h.server.route(
        "POST", Harness::chatPath(kTogether),
        ScriptedResponse::json(500, R"({"error":{"message":"The server had an error","type":"server_error"}})"));
    BenchRunner runner(*h.engine, specFor({kGroq, kTogether}, 3, 2));
    QSignalSpy finished(&runner, &BenchRunner::finished);
    runner.start();
    QVERIFY(finished.wait(15000));
    QVERIFY(!runner.wasCancelled());
    QCOMPARE(runner.samples().size(), 6);
    const QList<TargetSummary> summary = runner.summary();
    QCOMPARE(summary.at(0).succeeded, 3);
    QCOMPARE(summary.at(1).count, 3);
    QCOMPARE(summary.at(1).succeeded, 0);
    QCOMPARE(summary.at(1).errors, (QMap<QString, int>{{QStringLiteral("server"), 3}}));
    for (const BenchSample &sample : runner.samples()) {
        if (sample.targetIndex == 1)
            QCOMPARE(sample.result.chat.error->message, QStringLiteral("The server had an error"));
    }
}

void tst_BenchRunner::cancelKeepsTheFinishedSamples()
{
    Harness h;
    h.server.route("POST", Harness::chatPath(kGroq), pacedAnswer(5, 20, 400));
    BenchRunner runner(*h.engine, specFor({kGroq}, 5, 1));
    // Cancel while the third request streams: two samples are done, the third is dropped.
    connect(&h.server, &ScriptedServer::requestReceived, this, [&](int index) {
        if (index == 2)
            QTimer::singleShot(100, &runner, [&] { runner.cancel(); });
    });
    QSignalSpy finished(&runner, &BenchRunner::finished);
    runner.start();
    QVERIFY(finished.wait(15000));
    QCOMPARE(finished.size(), 1);
    QVERIFY(runner.wasCancelled());
    QVERIFY(runner.isFinished());
    QCOMPARE(runner.samples().size(), 2);
    QCOMPARE(h.server.requestCount(), 3); // nothing new started after cancel()
    for (const BenchSample &sample : runner.samples())
        QCOMPARE(sample.result.chat.status, ResultStatus::Ok);
    const auto stored = loadBench(*h.engine->history(), runner.benchId());
    QVERIFY(stored);
    QCOMPARE(stored->state, history::BenchRecord::State::Cancelled);
    QCOMPARE(stored->samples.size(), 2);
    QTest::qWait(600); // nothing arrives late
    QCOMPARE(runner.samples().size(), 2);
    QCOMPARE(finished.size(), 1);
}

void tst_BenchRunner::destroyedWhileRunningEndsTheStoredBenchmark()
{
    // The window (or Versus) closing while a benchmark runs: the stored benchmark must not stay
    // "running" (shown as running in another Versus, undeletable) until the next start.
    Harness h;
    h.server.route("POST", Harness::chatPath(kGroq), pacedAnswer(5, 20, 400));
    qint64 id = 0;
    {
        auto runner = std::make_unique<BenchRunner>(*h.engine, specFor({kGroq}, 5, 1));
        QSignalSpy sample(runner.get(), &BenchRunner::sampleFinished);
        runner->start();
        id = runner->benchId();
        QVERIFY(id > 0);
        QVERIFY(sample.wait(15000));
        QVERIFY(runner->isRunning());
    }
    const auto stored = loadBench(*h.engine->history(), id);
    QVERIFY(stored);
    QCOMPARE(stored->state, history::BenchRecord::State::Cancelled);
    QCOMPARE(stored->samples.size(), 1);
}

QTEST_GUILESS_MAIN(tst_BenchRunner)
#include "tst_benchrunner.moc"
