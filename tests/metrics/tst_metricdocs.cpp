// SPDX-License-Identifier: GPL-3.0-or-later
// The tooltip texts in code and docs/metrics.md must say the same thing.
#include "metrics/metricdocs.h"

#include <QFile>
#include <QSet>
#include <QTest>

using namespace versus;

Q_DECLARE_METATYPE(versus::MetricId)

class TestMetricDocs : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void formulaIsInDocs_data();
    void formulaIsInDocs();
    void tooltipShowsFormulaAndOrigin_data();
    void tooltipShowsFormulaAndOrigin();
    void namesAndKeysAreUnique();
    void originsMatchDocs_data();
    void originsMatchDocs();

private:
    void everyMetric_data();
    QString m_docs;
};

void TestMetricDocs::initTestCase()
{
    QFile file(QStringLiteral(VERSUS_SOURCE_DIR "/docs/metrics.md"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    m_docs = QString::fromUtf8(file.readAll());
    QVERIFY(!m_docs.isEmpty());
}

void TestMetricDocs::everyMetric_data()
{
    QTest::addColumn<MetricId>("id");
    for (MetricId id : kAllMetricIds)
        QTest::addRow("%s", qPrintable(metricJsonKey(id))) << id;
}

void TestMetricDocs::formulaIsInDocs_data()
{
    everyMetric_data();
}

void TestMetricDocs::formulaIsInDocs()
{
    QFETCH(MetricId, id);
    const QString formula = metricFormula(id);
    QVERIFY(formula.contains(QLatin1String(" = ")));
    // Verbatim, as a code span, so the docs and the tooltip cannot drift apart.
    QVERIFY2(m_docs.contains(u'`' + formula + u'`'), qPrintable(formula));
    QVERIFY2(m_docs.contains(u'`' + metricJsonKey(id) + u'`'), qPrintable(metricJsonKey(id)));
}

void TestMetricDocs::tooltipShowsFormulaAndOrigin_data()
{
    everyMetric_data();
}

void TestMetricDocs::tooltipShowsFormulaAndOrigin()
{
    QFETCH(MetricId, id);
    const QString tooltip = metricTooltip(id);
    const QStringList lines = tooltip.split(u'\n');
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines.at(0), metricName(id));
    QCOMPARE(lines.at(1), metricFormula(id));
    QCOMPARE(lines.at(2), metricDescription(id));
    QVERIFY(lines.at(3).endsWith(metricOriginName(metricOrigin(id))));
    QVERIFY(!metricDescription(id).isEmpty());
}

void TestMetricDocs::namesAndKeysAreUnique()
{
    QSet<QString> names;
    QSet<QString> keys;
    QSet<QString> formulas;
    for (MetricId id : kAllMetricIds) {
        names.insert(metricName(id));
        keys.insert(metricJsonKey(id));
        formulas.insert(metricFormula(id));
    }
    QCOMPARE(names.size(), qsizetype(kAllMetricIds.size()));
    QCOMPARE(keys.size(), qsizetype(kAllMetricIds.size()));
    QCOMPARE(formulas.size(), qsizetype(kAllMetricIds.size()));
}

// The docs' figure table gives each figure's origin in words: the code must agree.
void TestMetricDocs::originsMatchDocs_data()
{
    everyMetric_data();
}

void TestMetricDocs::originsMatchDocs()
{
    QFETCH(MetricId, id);
    const QString formula = u'`' + metricFormula(id) + u'`';
    const qsizetype at = m_docs.indexOf(u"| " + formula + u" | ");
    QVERIFY2(at >= 0, qPrintable(formula));
    const qsizetype start = at + formula.size() + 5;
    const QString origin = m_docs.mid(start, m_docs.indexOf(u'\n', start) - start);
    QVERIFY2(origin.startsWith(metricOriginName(metricOrigin(id))), qPrintable(origin));
}

QTEST_GUILESS_MAIN(TestMetricDocs)
#include "tst_metricdocs.moc"
