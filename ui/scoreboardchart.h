// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QChartView>

#include <optional>

class QBarCategoryAxis;
class QBarSet;
class QHorizontalBarSeries;
class QValueAxis;

namespace versus::ui {

/// One horizontal bar per lane for one figure of the scoreboard (TTFT, speed, cost), the first
/// lane on top, each lane labelled with its name and its value written out, coloured from the
/// application's palette (light and dark) and never animated: it is redrawn as answers arrive.
class ScoreboardChart : public QChartView {
    Q_OBJECT
public:
    struct Bar {
        QString lane;
        std::optional<double> value; ///< none: no bar (an error, not sent, still streaming)
        QString text;                ///< the value as the table writes it
    };

    explicit ScoreboardChart(const QString &title, QWidget *parent = nullptr);

    /// Replaces the bars; @p axisFormat is the printf format of the value axis ("%.0f").
    void setBars(const QList<Bar> &bars, const QString &axisFormat = QStringLiteral("%.0f"));
    /// The bars shown now, in lane order (first lane on top).
    const QList<Bar> &bars() const { return m_bars; }
    /// The category labels, top first.
    QStringList labels() const;

private:
    void retint();

    QHorizontalBarSeries *m_series;
    QBarSet *m_set;
    QBarCategoryAxis *m_categories;
    QValueAxis *m_axis;
    QList<Bar> m_bars;
};

} // namespace versus::ui
