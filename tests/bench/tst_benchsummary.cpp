// SPDX-License-Identifier: GPL-3.0-or-later
// summarize(): percentiles (type 7) over the successful samples only, errors counted by kind,
// the estimated flag of decode speed, token and cost totals over every sample, unpriced ones.
#include "bench/benchsummary.h"

#include <QTest>

using namespace versus;
using namespace versus::bench;

namespace {

BenchSample ok(int target, double ttftMs, std::optional<double> tokensPerS = std::nullopt, bool estimated = false,
               qint64 promptTokens = 0, qint64 completionTokens = 0, std::optional<qint64> costMicroUsd = std::nullopt)
{
    BenchSample sample;
    sample.targetIndex = target;
    sample.result.chat.status = ResultStatus::Ok;
    sample.result.metrics.ttftMs = ttftMs;
    sample.result.metrics.ttfatMs = ttftMs + 10;
    sample.result.metrics.e2eMs = ttftMs + 1000;
    sample.result.metrics.outputTokensPerS = tokensPerS;
    sample.result.metrics.estimated = estimated;
    if (promptTokens || completionTokens) {
        sample.result.chat.usage.promptTokens = promptTokens;
        sample.result.chat.usage.completionTokens = completionTokens;
    }
    if (costMicroUsd) {
        CostBreakdown cost;
        cost.totalMicroUsd = *costMicroUsd;
        cost.outputMicroUsd = *costMicroUsd;
        cost.estimated = estimated;
        sample.result.cost = cost;
        sample.result.priced = true;
    }
    return sample;
}

BenchSample failed(int target, ErrorKind kind)
{
    BenchSample sample;
    sample.targetIndex = target;
    sample.result.chat.status = ResultStatus::Error;
    ChatError error;
    error.kind = kind;
    error.httpStatus = 500;
    error.message = QStringLiteral("boom");
    sample.result.chat.error = error;
    // A failed request's figures must not reach the distributions.
    sample.result.metrics.ttftMs = 99999;
    return sample;
}

using Stats = QList<double>; // p50, p95, p99, min, max, mean; empty = no distribution

Stats stats(const std::optional<Distribution> &d)
{
    return d ? Stats{d->p50, d->p95, d->p99, d->min, d->max, d->mean} : Stats{};
}

} // namespace

class tst_BenchSummary : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void summary_data();
    void summary();
    void oneSummaryPerTargetInOrder();
    void costKnownOnlyWithAPricedSample_data();
    void costKnownOnlyWithAPricedSample();
    void definitionsNoteNamesTheDefinitions();
};

void tst_BenchSummary::summary_data()
{
    QTest::addColumn<QList<BenchSample>>("samples");
    QTest::addColumn<int>("count");
    QTest::addColumn<int>("succeeded");
    QTest::addColumn<QMap<QString, int>>("errors");
    QTest::addColumn<Stats>("ttft");
    QTest::addColumn<Stats>("speed");
    QTest::addColumn<bool>("speedEstimated");
    QTest::addColumn<qint64>("totalTokens");
    QTest::addColumn<qint64>("totalCost");
    QTest::addColumn<bool>("costEstimated");
    QTest::addColumn<int>("unpriced");

    // Type 7: h = (n − 1)·p; 5 values → p95 at h = 3.8 → 400 + 0.8·100, p99 at 3.96.
    QTest::newRow("percentiles of five") << QList<BenchSample>{ok(0, 300), ok(0, 100), ok(0, 500), ok(0, 200),
                                                               ok(0, 400)}
                                         << 5 << 5 << QMap<QString, int>{} << Stats{300, 480, 496, 100, 500, 300}
                                         << Stats{} << false << qint64(0) << qint64(0) << false << 0;
    QTest::newRow("one sample") << QList<BenchSample>{ok(0, 250, 40.0)} << 1 << 1 << QMap<QString, int>{}
                                << Stats{250, 250, 250, 250, 250, 250} << Stats{40, 40, 40, 40, 40, 40} << false
                                << qint64(0) << qint64(0) << false << 0;
    QTest::newRow("errors by kind, distributions of the successful only")
        << QList<BenchSample>{ok(0, 100),
                              failed(0, ErrorKind::Auth),
                              ok(0, 200),
                              failed(0, ErrorKind::Server),
                              failed(0, ErrorKind::Server),
                              ok(0, 300)}
        << 6 << 3 << QMap<QString, int>{{QStringLiteral("auth"), 1}, {QStringLiteral("server"), 2}}
        << Stats{200, 290, 298, 100, 300, 200} << Stats{} << false << qint64(0) << qint64(0) << false << 0;
    QTest::newRow("every request failed")
        << QList<BenchSample>{failed(0, ErrorKind::RateLimit), failed(0, ErrorKind::RateLimit)} << 2 << 0
        << QMap<QString, int>{{QStringLiteral("rate_limit"), 2}} << Stats{} << Stats{} << false << qint64(0)
        << qint64(0) << false << 0;
    QTest::newRow("estimated decode speed")
        << QList<BenchSample>{ok(0, 100, 50.0), ok(0, 100, 70.0, true)} << 2 << 2 << QMap<QString, int>{}
        << Stats{100, 100, 100, 100, 100, 100} << Stats{60, 69, 69.8, 50, 70, 60} << true << qint64(0) << qint64(0)
        << false << 0;
    QTest::newRow("token and cost totals")
        << QList<BenchSample>{ok(0, 100, 10.0, false, 10, 20, 1500), ok(0, 100, 10.0, false, 12, 30, 2500),
                              ok(0, 100, 10.0, true, 8, 5, 1)}
        << 3 << 3 << QMap<QString, int>{} << Stats{100, 100, 100, 100, 100, 100} << Stats{10, 10, 10, 10, 10, 10}
        << true << qint64(10 + 20 + 12 + 30 + 8 + 5) << qint64(4001) << true << 0;
    QTest::newRow("unpriced samples are left out of the total")
        << QList<BenchSample>{ok(0, 100, std::nullopt, false, 10, 20, 700), ok(0, 100, std::nullopt, false, 10, 20)}
        << 2 << 2 << QMap<QString, int>{} << Stats{100, 100, 100, 100, 100, 100} << Stats{} << false << qint64(60)
        << qint64(700) << false << 1;
    QTest::newRow("other targets' samples are not counted")
        << QList<BenchSample>{ok(1, 5), ok(0, 100), failed(1, ErrorKind::Auth)} << 1 << 1 << QMap<QString, int>{}
        << Stats{100, 100, 100, 100, 100, 100} << Stats{} << false << qint64(0) << qint64(0) << false << 0;
}

void tst_BenchSummary::summary()
{
    QFETCH(QList<BenchSample>, samples);
    const QList<TargetSummary> list = summarize({QStringLiteral("groq:a"), QStringLiteral("together:b")}, samples);
    QCOMPARE(list.size(), 2);
    const TargetSummary &s = list.at(0);
    QCOMPARE(s.target, QStringLiteral("groq:a"));
    QTEST(s.count, "count");
    QTEST(s.succeeded, "succeeded");
    QTEST(s.errors, "errors");
    QFETCH(Stats, ttft);
    const Stats gotTtft = stats(s.ttftMs);
    QCOMPARE(gotTtft.size(), ttft.size());
    for (qsizetype i = 0; i < ttft.size(); ++i)
        QVERIFY2(qAbs(gotTtft.at(i) - ttft.at(i)) < 1e-9, qPrintable(QString::number(gotTtft.at(i))));
    QFETCH(Stats, speed);
    const Stats gotSpeed = stats(s.outputTokensPerS);
    QCOMPARE(gotSpeed.size(), speed.size());
    for (qsizetype i = 0; i < speed.size(); ++i)
        QVERIFY2(qAbs(gotSpeed.at(i) - speed.at(i)) < 1e-9, qPrintable(QString::number(gotSpeed.at(i))));
    if (s.outputTokensPerS)
        QTEST(s.outputTokensPerS->estimated, "speedEstimated");
    if (s.ttftMs) {
        QCOMPARE(s.ttftMs->count, s.succeeded);
        QVERIFY(!s.ttftMs->estimated);
        QCOMPARE(s.e2eMs->p50, s.ttftMs->p50 + 1000); // the e2e figures come from the same samples
    }
    QTEST(s.totalTokens, "totalTokens");
    QTEST(s.totalCostMicroUsd, "totalCost");
    QTEST(s.costEstimated, "costEstimated");
    QTEST(s.unpricedSamples, "unpriced");
}

void tst_BenchSummary::costKnownOnlyWithAPricedSample_data()
{
    QTest::addColumn<QList<BenchSample>>("samples");
    QTest::addColumn<int>("priced");
    QTest::addColumn<bool>("known");
    // A model priced at $0 (a free tier) is a known cost of $0, not an unknown one.
    QTest::newRow("a $0 price beside an unpriced sample")
        << QList<BenchSample>{ok(0, 100, std::nullopt, false, 10, 20, 0), ok(0, 100, std::nullopt, false, 10, 20)} << 1
        << true;
    QTest::newRow("only unpriced samples")
        << QList<BenchSample>{ok(0, 100, std::nullopt, false, 10, 20), ok(0, 100, std::nullopt, false, 10, 20)} << 0
        << false;
    QTest::newRow("every request failed before a token")
        << QList<BenchSample>{failed(0, ErrorKind::Auth)} << 0 << false;
}

void tst_BenchSummary::costKnownOnlyWithAPricedSample()
{
    QFETCH(QList<BenchSample>, samples);
    const TargetSummary s = summarize({QStringLiteral("groq:a")}, samples).at(0);
    QTEST(s.pricedSamples, "priced");
    QTEST(s.costKnown(), "known");
}

void tst_BenchSummary::oneSummaryPerTargetInOrder()
{
    const QList<TargetSummary> list =
        summarize({QStringLiteral("a:1"), QStringLiteral("b:2"), QStringLiteral("c:3")}, {ok(2, 100), ok(0, 50)});
    QCOMPARE(list.size(), 3);
    QCOMPARE(list.at(1).target, QStringLiteral("b:2"));
    QCOMPARE(list.at(1).count, 0); // a target without samples is still listed
    QVERIFY(!list.at(1).ttftMs);
    QCOMPARE(list.at(2).ttftMs->p50, 100.0);
    QCOMPARE(list.at(0).ttftMs->p50, 50.0);
}

void tst_BenchSummary::definitionsNoteNamesTheDefinitions()
{
    const QString note = definitionsNote();
    for (const char *word : {"type 7", "ttft_ms", "ttfat_ms", "e2e_ms", "output_tokens_per_s", "LLMPerf",
                             "Artificial Analysis", "successful"})
        QVERIFY2(note.contains(QLatin1String(word)), word);
}

QTEST_GUILESS_MAIN(tst_BenchSummary)
#include "tst_benchsummary.moc"
