// SPDX-License-Identifier: GPL-3.0-or-later
#include "appicon.h"

#include <QIconEngine>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>

namespace versus::ui {

namespace {

const QString kIconPath = QStringLiteral(":/versus/icons/io.github.versus.Versus.svg");

// QIcon(path) would need the SVG icon-engine plugin at run time; the renderer is linked in.
class AppIconEngine : public QIconEngine {
public:
    AppIconEngine()
        : m_renderer(kIconPath)
    {
    }

    void paint(QPainter *painter, const QRect &rect, QIcon::Mode mode, QIcon::State) override
    {
        painter->save();
        if (mode == QIcon::Disabled)
            painter->setOpacity(0.45);
        const int side = std::min(rect.width(), rect.height());
        m_renderer.render(painter, QRectF(rect.x() + (rect.width() - side) / 2.0,
                                          rect.y() + (rect.height() - side) / 2.0, side, side));
        painter->restore();
    }

    QPixmap pixmap(const QSize &size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }

    QPixmap scaledPixmap(const QSize &size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        // QIcon asks for the device's pixels (the logical size times @p scale): the drawing is
        // made at that resolution, not scaled up from a smaller bitmap.
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
        return {{16, 16}, {24, 24}, {32, 32}, {48, 48}, {64, 64}, {128, 128}, {256, 256}, {512, 512}};
    }
    QString iconName() override { return QStringLiteral("io.github.versus.Versus"); }

private:
    QSvgRenderer m_renderer;
};

} // namespace

QIcon appIcon()
{
    return QIcon(new AppIconEngine);
}

} // namespace versus::ui
