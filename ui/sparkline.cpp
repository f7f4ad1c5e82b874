// SPDX-License-Identifier: GPL-3.0-or-later
#include "sparkline.h"

#include "metricsfooter.h"

#include <QEvent>
#include <QHelpEvent>
#include <QPainter>
#include <QToolTip>

#include <algorithm>

namespace versus::ui {

Sparkline::Sparkline(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("sparkline"));
    setAttribute(Qt::WA_OpaquePaintEvent, false);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    setMinimumWidth(40);
    hide(); // until there is a line to draw
}

QSize Sparkline::sizeHint() const
{
    return {120, qMax(14, fontMetrics().height() - 2)};
}

void Sparkline::clear()
{
    m_values.clear();
    m_bucketMs = kBucketMs;
    m_offsetMs = 0;
    m_lastElapsed = 0;
    m_openBucket = -1;
    m_open.reset();
    m_max = 0;
    changed();
}

void Sparkline::addSample(double elapsedMs, std::optional<double> tokensPerS)
{
    if (elapsedMs < m_lastElapsed) // a new round of the tool loop: its clock starts again
        m_offsetMs += m_lastElapsed;
    m_lastElapsed = elapsedMs;
    if (!tokensPerS)
        return;
    const auto bucket = qint64((m_offsetMs + elapsedMs) / m_bucketMs);
    if (bucket != m_openBucket && m_open) {
        append(*m_open);
        changed();
    }
    m_openBucket = bucket;
    m_open = tokensPerS;
}

void Sparkline::finish()
{
    if (!m_open)
        return;
    append(*m_open);
    m_open.reset();
    m_openBucket = -1;
    changed();
}

void Sparkline::append(double value)
{
    m_values.append(value);
    m_max = std::max(m_max, value);
    if (m_values.size() < kMaxBuckets)
        return;
    // Full: half as many buckets, each twice as long; memory stays bounded however long the answer.
    QList<double> merged;
    merged.reserve(kMaxBuckets / 2 + 1);
    for (qsizetype i = 0; i + 1 < m_values.size(); i += 2)
        merged.append((m_values[i] + m_values[i + 1]) / 2);
    if (m_values.size() % 2)
        merged.append(m_values.last());
    m_values = std::move(merged);
    m_bucketMs *= 2;
    m_openBucket = -1;
}

void Sparkline::changed()
{
    m_pathStale = true;
    if (const bool drawn = m_values.size() >= 2; isHidden() == drawn)
        setVisible(drawn);
    update();
}

QString Sparkline::summary() const
{
    if (m_values.isEmpty())
        return QString();
    const auto [low, high] = std::minmax_element(m_values.cbegin(), m_values.cend());
    return tr("Output speed while the answer streamed (every %1):\nlowest %2, highest %3, last %4")
        .arg(MetricsFooter::formatDuration(m_bucketMs), MetricsFooter::formatRate(*low),
             MetricsFooter::formatRate(*high), MetricsFooter::formatRate(m_values.last()));
}

bool Sparkline::event(QEvent *event)
{
    // Written when asked for, not at every sample.
    if (event->type() == QEvent::ToolTip) {
        QToolTip::showText(static_cast<QHelpEvent *>(event)->globalPos(), summary(), this);
        return true;
    }
    return QWidget::event(event);
}

void Sparkline::resizeEvent(QResizeEvent *event)
{
    m_pathStale = true;
    QWidget::resizeEvent(event);
}

void Sparkline::paintEvent(QPaintEvent *)
{
    ++m_paints;
    if (m_values.size() < 2)
        return;
    const QRectF area = QRectF(rect()).adjusted(1, 1.5, -1, -1.5);
    if (m_pathStale) {
        m_path.clear();
        const double step = area.width() / double(m_values.size() - 1);
        const double top = m_max > 0 ? m_max : 1;
        for (qsizetype i = 0; i < m_values.size(); ++i) {
            const QPointF point(area.left() + step * double(i), area.bottom() - area.height() * m_values[i] / top);
            if (i == 0)
                m_path.moveTo(point);
            else
                m_path.lineTo(point);
        }
        m_pathStale = false;
    }
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor line = palette().color(QPalette::Highlight);
    QColor fill = line;
    fill.setAlphaF(0.18f);
    QPainterPath under = m_path;
    under.lineTo(area.right(), area.bottom());
    under.lineTo(area.left(), area.bottom());
    under.closeSubpath();
    painter.fillPath(under, fill);
    painter.setPen(QPen(line, 1.2));
    painter.drawPath(m_path);
}

} // namespace versus::ui
