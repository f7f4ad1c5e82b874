// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QPainterPath>
#include <QWidget>

#include <optional>

namespace versus::ui {

/// A lane's output speed over the time its answer streamed, drawn as a small line in its
/// footer (objectName "sparkline"). Samples come from the lane's ~33 ms flush; they are
/// bucketed to kBucketMs (the last sample of a bucket is its value) and only a closed bucket
/// changes the drawing, so a streaming lane repaints this at most ~4 times a second. At most
/// kMaxBuckets are kept: when full, neighbours are merged (each bucket then spans twice the time).
/// The line stays after the answer ends; clear() starts the next answer's. The tooltip says the
/// lowest, highest and last speed.
class Sparkline : public QWidget {
    Q_OBJECT
public:
    static constexpr double kBucketMs = 250;
    static constexpr int kMaxBuckets = 120;

    explicit Sparkline(QWidget *parent = nullptr);

    void clear();
    /// @p elapsedMs since the answer's request was sent (it may start again from 0 in the next
    /// tool round: the line goes on); nothing while no speed is known yet.
    void addSample(double elapsedMs, std::optional<double> tokensPerS);
    /// Closes the open bucket (the answer ended): its sample joins the line.
    void finish();

    /// The closed buckets' speeds, oldest first.
    const QList<double> &values() const { return m_values; }
    /// How long one bucket lasts now (kBucketMs, doubled at each merge).
    double bucketMs() const { return m_bucketMs; }
    /// How many times it was painted (for tests and the rendering benchmark).
    int paintCount() const { return m_paints; }
    QString summary() const;

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;
    bool event(QEvent *event) override;

private:
    void append(double value);
    void changed();

    QList<double> m_values;
    double m_bucketMs = kBucketMs;
    double m_offsetMs = 0;        ///< elapsed time of the rounds before this one
    double m_lastElapsed = 0;     ///< of the previous sample, in this round
    qint64 m_openBucket = -1;     ///< index of the bucket samples go to now; -1: none
    std::optional<double> m_open; ///< its latest sample
    double m_max = 0;
    QPainterPath m_path; ///< built when the values or the size change, not at every paint
    bool m_pathStale = true;
    int m_paints = 0;
};

} // namespace versus::ui
