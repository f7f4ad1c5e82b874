// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchchart.h"

#include "metrics/percentile.h"
#include "theme.h"

#include <QBarCategoryAxis>
#include <QBoxPlotSeries>
#include <QBoxSet>
#include <QChart>
#include <QLocale>
#include <QValueAxis>

#include <algorithm>

namespace versus::ui {

namespace {

QString shortName(const QString &name)
{
    constexpr int kMax = 26;
    if (name.size() <= kMax)
        return name;
    return name.left(11) + u'…' + name.right(kMax - 12);
}

} // namespace

BenchBoxChart::BenchBoxChart(const QString &title, const QString &axisFormat, QWidget *parent)
    : QChartView(parent)
    , m_series(new QBoxPlotSeries)
    , m_categories(new QBarCategoryAxis)
    , m_axis(new QValueAxis)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation); // redrawn as requests finish
    chart->legend()->hide();
    chart->setMargins(QMargins(2, 2, 8, 2));
    chart->setBackgroundRoundness(0);
    chart->setLocalizeNumbers(true); // axis labels in the window's language: "1,5" in French
    chart->setLocale(QLocale());
    m_series->setBoxWidth(0.4);
    chart->addSeries(m_series);
    chart->addAxis(m_categories, Qt::AlignBottom);
    chart->addAxis(m_axis, Qt::AlignLeft);
    m_series->attachAxis(m_categories);
    m_series->attachAxis(m_axis);
    m_axis->setLabelFormat(axisFormat);
    m_axis->setTickCount(4);
    m_axis->setRange(0, 1);
    setChart(chart);
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(240, 180);
    setToolTip(tr("Box: 25th to 75th percentile; line: median (p50); whiskers: 5th and 95th percentile of the "
                  "answered requests"));
    followPalette(this, [this] { retint(); });
}

void BenchBoxChart::setValues(const QStringList &targets, const QList<QList<double>> &values)
{
    m_boxes.clear();
    m_series->clear();
    QStringList categories;
    double max = 0;
    for (int i = 0; i < targets.size(); ++i) {
        Box box;
        box.target = targets.at(i);
        const QList<double> list = values.value(i);
        box.count = int(list.size());
        QString label = shortName(box.target);
        while (categories.contains(label))
            label += u' ';
        categories << label;
        auto *set = new QBoxSet(label);
        if (box.count > 0) {
            box.p5 = *percentile(list, 0.05);
            box.p25 = *percentile(list, 0.25);
            box.p50 = *percentile(list, 0.50);
            box.p75 = *percentile(list, 0.75);
            box.p95 = *percentile(list, 0.95);
            set->setValue(QBoxSet::LowerExtreme, box.p5);
            set->setValue(QBoxSet::LowerQuartile, box.p25);
            set->setValue(QBoxSet::Median, box.p50);
            set->setValue(QBoxSet::UpperQuartile, box.p75);
            set->setValue(QBoxSet::UpperExtreme, box.p95);
            max = std::max(max, box.p95);
        } else {
            // No answered request: an invisible, flat box (an empty QBoxSet would span the whole axis).
            for (int at = QBoxSet::LowerExtreme; at <= QBoxSet::UpperExtreme; ++at)
                set->setValue(at, 0);
        }
        m_series->append(set);
        m_boxes << box;
    }
    m_categories->clear();
    m_categories->append(categories);
    m_axis->setTickCount(max > 0 ? 4 : 2); // no value yet: "0 1", not "0 0 1 1"
    m_axis->setRange(0, max > 0 ? max * 1.08 : 1.0);
    if (max > 0)
        m_axis->applyNiceNumbers();
    m_axis->setMin(0);
    retint();
}

void BenchBoxChart::retint()
{
    const QPalette p = palette();
    QChart *c = chart();
    c->setBackgroundBrush(p.color(QPalette::Base));
    c->setBackgroundPen(Qt::NoPen);
    c->setTitleBrush(p.color(QPalette::Text));
    setBackgroundBrush(p.color(QPalette::Base));
    QColor fill = p.color(QPalette::Highlight);
    fill.setAlpha(150);
    m_series->setBrush(fill);
    m_series->setPen(QPen(p.color(QPalette::Text), 1.2));
    const QList<QBoxSet *> sets = m_series->boxSets();
    for (int i = 0; i < sets.size(); ++i) {
        const bool empty = i >= m_boxes.size() || m_boxes.at(i).count == 0;
        sets.at(i)->setBrush(empty ? QBrush(Qt::NoBrush) : QBrush(fill));
        sets.at(i)->setPen(empty ? QPen(Qt::NoPen) : QPen(p.color(QPalette::Text), 1.2));
    }
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_categories), static_cast<QAbstractAxis *>(m_axis)}) {
        axis->setLabelsBrush(p.color(QPalette::Text));
        axis->setLinePenColor(p.color(QPalette::Mid));
        axis->setGridLineColor(p.color(QPalette::Midlight));
    }
    m_categories->setGridLineVisible(false);
}

} // namespace versus::ui
