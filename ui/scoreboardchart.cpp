// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoreboardchart.h"

#include "theme.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QHorizontalBarSeries>
#include <QLocale>
#include <QValueAxis>

#include <algorithm>

namespace versus::ui {

namespace {

/// A lane name short enough for a chart's axis beside its value: the middle of a long name goes.
QString shortName(const QString &name)
{
    constexpr int kMax = 22;
    if (name.size() <= kMax)
        return name;
    return name.left(9) + u'…' + name.right(kMax - 10);
}

} // namespace

ScoreboardChart::ScoreboardChart(const QString &title, QWidget *parent)
    : QChartView(parent)
    , m_series(new QHorizontalBarSeries)
    , m_set(new QBarSet(title))
    , m_categories(new QBarCategoryAxis)
    , m_axis(new QValueAxis)
{
    auto *chart = new QChart;
    chart->setTitle(title);
    chart->setAnimationOptions(QChart::NoAnimation); // redrawn while answers arrive: no motion
    chart->legend()->hide();
    chart->setMargins(QMargins(2, 2, 8, 2));
    chart->setBackgroundRoundness(0);
    chart->setLocalizeNumbers(true); // axis labels in the window's language: "1,5" in French
    chart->setLocale(QLocale());
    m_series->append(m_set);
    m_series->setBarWidth(0.6);
    chart->addSeries(m_series);
    chart->addAxis(m_categories, Qt::AlignLeft);
    chart->addAxis(m_axis, Qt::AlignBottom);
    m_series->attachAxis(m_categories);
    m_series->attachAxis(m_axis);
    m_axis->setTickCount(3);
    m_axis->setMin(0);
    setChart(chart); // the view owns the chart, the chart its series and axes
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(220, 130);
    followPalette(this, [this] { retint(); });
}

QStringList ScoreboardChart::labels() const
{
    QStringList top;
    const QStringList categories = m_categories->categories();
    for (auto it = categories.crbegin(); it != categories.crend(); ++it)
        top << *it;
    return top;
}

void ScoreboardChart::setBars(const QList<Bar> &bars, const QString &axisFormat)
{
    m_bars = bars;
    QStringList categories;
    QList<qreal> values;
    double max = 0;
    // Bottom to top: the category axis starts at the bottom, lanes are read from the top.
    for (auto it = bars.crbegin(); it != bars.crend(); ++it) {
        // The value first: a narrow chart elides the end of a label, and the table has the full name.
        QString label =
            (it->text.isEmpty() ? QStringLiteral("–") : it->text) + QStringLiteral("  ") + shortName(it->lane);
        while (categories.contains(label))
            label += u' '; // same lane name twice: categories must differ
        categories << label;
        values << (it->value ? *it->value : 0.0);
        if (it->value)
            max = std::max(max, *it->value);
    }
    m_set->remove(0, m_set->count());
    m_categories->clear();
    m_categories->append(categories);
    m_set->append(values);
    m_axis->setLabelFormat(axisFormat);
    // No value yet: two ticks, so a whole-number format does not read "0 1 1".
    m_axis->setTickCount(max > 0 ? 3 : 2);
    m_axis->setRange(0, max > 0 ? max * 1.05 : 1.0);
    if (max > 0)
        m_axis->applyNiceNumbers();
    m_axis->setMin(0);
}

void ScoreboardChart::retint()
{
    const QPalette p = palette();
    QChart *c = chart();
    c->setBackgroundBrush(p.color(QPalette::Base));
    c->setBackgroundPen(Qt::NoPen);
    c->setTitleBrush(p.color(QPalette::Text));
    setBackgroundBrush(p.color(QPalette::Base));
    m_set->setColor(p.color(QPalette::Highlight));
    m_set->setBorderColor(p.color(QPalette::Highlight));
    for (QAbstractAxis *axis : {static_cast<QAbstractAxis *>(m_categories), static_cast<QAbstractAxis *>(m_axis)}) {
        axis->setLabelsBrush(p.color(QPalette::Text));
        axis->setLinePenColor(p.color(QPalette::Mid));
        axis->setGridLineColor(p.color(QPalette::Midlight));
    }
    m_categories->setGridLineVisible(false);
}

} // namespace versus::ui
