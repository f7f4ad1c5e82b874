// SPDX-License-Identifier: GPL-3.0-or-later
// The bench documents: the JSON shape (runs with their place in the plan, one summary per
// target, the definitions, bench_id only when stored), and CSV cells a spreadsheet would run as
// formulas guarded.
#include "bench/benchexport.h"

#include <QJsonArray>
#include <QTest>

using namespace versus;
using namespace versus::bench;

namespace {

BenchSpec twoTargets(const QString &secondModel)
{
    BenchSpec spec;
    spec.targets = {Target{QStringLiteral("groq"), QStringLiteral("m1")},
                    Target{QStringLiteral("ollama"), secondModel}};
    spec.prompts.name = QStringLiteral("short");
    spec.prompts.prompts = {QStringLiteral("a"), QStringLiteral("b")};
    spec.runs = 1;
    return spec;
}

BenchSample sample(int target, int prompt, bool ok)
{
    BenchSample s;
    s.targetIndex = target;
    s.promptIndex = prompt;
    s.result.target = target == 0 ? QStringLiteral("groq:m1") : QStringLiteral("ollama:x");
    s.result.chat.status = ok ? ResultStatus::Ok : ResultStatus::Error;
    if (ok) {
        s.result.metrics.ttftMs = 100 + prompt;
        s.result.metrics.e2eMs = 400;
    } else {
        ChatError error;
        error.kind = ErrorKind::Server;
        error.message = QStringLiteral("overloaded");
        s.result.chat.error = error;
    }
    return s;
}

} // namespace

class tst_BenchExport : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void jsonDocument();
    void csvGuardsFormulas_data();
    void csvGuardsFormulas();
};

void tst_BenchExport::jsonDocument()
{
    const BenchSpec spec = twoTargets(QStringLiteral("x"));
    const QList<BenchSample> samples{sample(0, 0, true), sample(0, 1, true), sample(1, 0, false)};
    const QJsonObject unsaved = benchToJson(spec, samples, 0, false);
    QVERIFY(!unsaved.contains(QStringLiteral("bench_id")));
    QCOMPARE(unsaved.value(u"cancelled").toBool(), false);
    QCOMPARE(unsaved.value(u"definitions").toString(), definitionsNote());
    const QJsonArray runs = unsaved.value(u"runs").toArray();
    QCOMPARE(runs.size(), 3);
    QCOMPARE(runs.at(1)[u"prompt_index"].toInt(), 1);
    QCOMPARE(runs.at(1)[u"run_index"].toInt(), 0);
    QCOMPARE(runs.at(2)[u"error"][u"kind"].toString(), QStringLiteral("server"));
    const QJsonArray summary = unsaved.value(u"summary").toArray();
    QCOMPARE(summary.size(), 2);
    QCOMPARE(summary.at(0)[u"ttft_ms"][u"p50"].toDouble(), 100.5);
    QCOMPARE(summary.at(0)[u"ttft_ms"][u"max"].toDouble(), 101.0);
    QVERIFY(summary.at(0)[u"ttfat_ms"].isNull()); // no sample had the figure
    QCOMPARE(summary.at(1)[u"errors"].toObject(), (QJsonObject{{QStringLiteral("server"), 1}}));
    QVERIFY(summary.at(1)[u"ttft_ms"].isNull());
    const QJsonObject stored = benchToJson(spec, samples, 17, true);
    QCOMPARE(stored.value(u"bench_id").toInteger(), 17);
    QCOMPARE(stored.value(u"cancelled").toBool(), true);
}

void tst_BenchExport::csvGuardsFormulas_data()
{
    QTest::addColumn<QString>("model");
    QTest::addColumn<QString>("cell");
    QTest::newRow("plain") << QStringLiteral("llama3") << QStringLiteral("ollama:llama3");
    QTest::newRow("comma quoted") << QStringLiteral("a,b") << QStringLiteral("\"ollama:a,b\"");
    QTest::newRow("quote doubled") << QStringLiteral("a\"b") << QStringLiteral("\"ollama:a\"\"b\"");
}

void tst_BenchExport::csvGuardsFormulas()
{
    QFETCH(QString, model);
    QFETCH(QString, cell);
    const BenchSpec spec = twoTargets(model);
    const QString csv = QString::fromUtf8(benchSamplesToCsv(spec, {sample(1, 0, false)}));
    const QStringList lines = csv.split(QStringLiteral("\r\n"));
    QCOMPARE(lines.size(), 3); // header, one row, the empty rest after the last CRLF
    QVERIFY2(lines.at(1).startsWith(cell + u','), qPrintable(lines.at(1)));
    QVERIFY(lines.at(1).contains(QStringLiteral(",error,server,")));

    // A target's name that a spreadsheet would run as a formula is made text.
    TargetSummary evil;
    evil.target = QStringLiteral("=HYPERLINK(\"http://x\")");
    evil.count = 1;
    const QString summaryCsv = QString::fromUtf8(benchSummaryToCsv({evil}));
    QVERIFY2(
        summaryCsv.split(QStringLiteral("\r\n")).at(1).startsWith(QStringLiteral("\"'=HYPERLINK(\"\"http://x\"\")\"")),
        qPrintable(summaryCsv));
    QVERIFY(summaryCsv.startsWith(QStringLiteral("target,count,succeeded,errors,ttft_ms_p50,")));
}

QTEST_GUILESS_MAIN(tst_BenchExport)
#include "tst_benchexport.moc"
