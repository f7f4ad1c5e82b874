// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>

class QBarCategoryAxis;
class QBoxPlotSeries;
class QValueAxis;

namespace versus::ui {

/// One box per target for one figure of a benchmark (TTFT, decode speed): the box spans the
/// 25th to the 75th percentile, the line in it is the median (p50), the whiskers reach the 5th
/// and the 95th percentile — of the answered requests only. Coloured from the application's
/// palette (light and dark) like the scoreboard's charts, never animated.
class BenchBoxChart : public QChartView {
    Q_OBJECT
public:
    struct Box {
        QString target;
        int count = 0; ///< values behind the box; 0: no box
        double p5 = 0, p25 = 0, p50 = 0, p75 = 0, p95 = 0;
    };

    BenchBoxChart(const QString &title, const QString &axisFormat, QWidget *parent = nullptr);

    /// One box per target, from @p values (any order) of each.
    void setValues(const QStringList &targets, const QList<QList<double>> &values);
    const QList<Box> &boxes() const { return m_boxes; }

private:
    void retint();

    QBoxPlotSeries *m_series;
    QBarCategoryAxis *m_categories;
    QValueAxis *m_axis;
    QList<Box> m_boxes;
};

} // namespace versus::ui
