// SPDX-License-Identifier: GPL-3.0-or-later
#include "appicon.h"

#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace versus::ui {

namespace {

// Paints the drawing of io.github.versus.Versus.svg (a 128×128 view box) into @p rect.
void paintIcon(QPainter &painter, const QRectF &rect)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal side = std::min(rect.width(), rect.height());
    painter.translate(rect.center().x() - side / 2, rect.center().y() - side / 2);
    painter.scale(side / 128.0, side / 128.0);
    painter.setPen(Qt::NoPen);
    painter.setBrush(QColor(0x1f, 0x29, 0x37));
    painter.drawRoundedRect(QRectF(4, 4, 120, 120), 24, 24);
    painter.setBrush(QColor(0x38, 0xbd, 0xf8));
    painter.drawRoundedRect(QRectF(20, 28, 38, 72), 8, 8);
    painter.setBrush(QColor(0xf9, 0x73, 0x16));
    painter.drawRoundedRect(QRectF(70, 28, 38, 72), 8, 8);
    // The lines of text of each lane's answer.
    auto lines = [&painter](const QColor &color, qreal x, std::initializer_list<qreal> lengths) {
        QPen pen(color, 6, Qt::SolidLine, Qt::RoundCap);
        painter.setPen(pen);
        qreal y = 44;
        for (const qreal length : lengths) {
            painter.drawLine(QPointF(x, y), QPointF(x + length, y));
            y += 12;
        }
    };
    lines(QColor(0x0c, 0x4a, 0x6e), 28, {22, 16, 22, 12});
    lines(QColor(0x7c, 0x2d, 0x12), 78, {22, 20, 10});
    painter.restore();
}

class AppIconEngine : public QIconEngine {
public:
    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State state) override
    {
        Q_UNUSED(state);
        if (mode == QIcon::Disabled)
            painter->setOpacity(0.45);
        paintIcon(*painter, rect);
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        // QIcon asks for the device's pixels (the logical size times the ratio @p scale): the
        // drawing is made at that resolution, not scaled up from a smaller bitmap.
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(0, 0), size), mode, state);
        painter.end();
        pixmap.setDevicePixelRatio(scale);
        return pixmap;
    }

    QSize actualSize(const QSize &size, QIcon::Mode, QIcon::State) override { return size; }
    QIconEngine *clone() const override { return new AppIconEngine; }
    QString key() const override { return QStringLiteral("versus-app-icon"); }
    QList<QSize> availableSizes(QIcon::Mode, QIcon::State) override
    {
        return {{16, 16}, {24, 24}, {32, 32}, {48, 48}, {64, 64}, {128, 128}, {256, 256}};
    }
    QString iconName() override { return QStringLiteral("io.github.versus.Versus"); }
};

} // namespace

QIcon appIcon()
{
    return QIcon(new AppIconEngine);
}

} // namespace versus::ui
