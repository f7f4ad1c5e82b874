// SPDX-License-Identifier: GPL-3.0-or-later
#include "lanestrip.h"

#include "conversationview.h"
#include "engine/engine.h"
#include "lanewidget.h"
#include "secrets/keystore.h"

namespace versus::ui {

LaneStrip::LaneStrip(const AppServices &services, Comparison *comparison, QWidget *parent)
    : QSplitter(Qt::Horizontal, parent)
    , m_services(services)
    , m_comparison(comparison)
{
    setObjectName(QStringLiteral("lanes"));
    setChildrenCollapsible(false);
    setHandleWidth(6);
    connect(comparison, &Comparison::laneAdded, this, &LaneStrip::onLaneAdded);
    connect(comparison, &Comparison::laneRemoved, this, &LaneStrip::onLaneRemoved);
    // A key stored or deleted in Providers & Keys: the lanes of that provider look again.
    connect(&services.engine->keyStore(), &KeyStore::keyChanged, this, [this](const QString &providerId) {
        for (LaneWidget *lane : lanes()) {
            if (lane->target().provider == providerId)
                lane->recheckKey();
        }
    });
}

QList<LaneWidget *> LaneStrip::lanes() const
{
    QList<LaneWidget *> list;
    for (int i = 0; i < count(); ++i) {
        if (auto *lane = qobject_cast<LaneWidget *>(widget(i)))
            list.append(lane);
    }
    return list;
}

LaneWidget *LaneStrip::widgetOf(const ComparisonLane *lane) const
{
    for (LaneWidget *widget : lanes()) {
        if (widget->lane() == lane)
            return widget;
    }
    return nullptr;
}

void LaneStrip::focusLane(int index)
{
    const QList<LaneWidget *> all = lanes();
    if (index >= 0 && index < all.size())
        all.at(index)->view()->setFocus();
}

void LaneStrip::onLaneAdded(ComparisonLane *lane, int index)
{
    auto *widget = new LaneWidget(m_services, m_comparison, lane, this);
    insertWidget(index, widget);
    connect(widget, &LaneWidget::busyChanged, this, &LaneStrip::busyChanged);
    connect(lane, &ComparisonLane::targetChanged, this, &LaneStrip::lanesChanged);
    connect(widget, &LaneWidget::closeRequested, this, [this, lane] { m_comparison->removeLane(lane); });
    connect(widget, &LaneWidget::openKeysRequested, this, &LaneStrip::openKeysRequested);
    connect(widget, &LaneWidget::sendFailed, this, &LaneStrip::sendFailed);
    // Lanes share the width equally when one is added.
    const int lanesNow = count();
    const int total = std::max(width(), lanesNow * widget->minimumWidth());
    setSizes(QList<int>(lanesNow, total / lanesNow));
    updateClosable();
    Q_EMIT lanesChanged();
}

void LaneStrip::onLaneRemoved(ComparisonLane *lane)
{
    LaneWidget *widget = widgetOf(lane);
    if (!widget)
        return;
    widget->disconnect(this);
    widget->hide();
    widget->setParent(nullptr);
    widget->deleteLater();
    updateClosable();
    Q_EMIT lanesChanged();
    Q_EMIT busyChanged();
}

void LaneStrip::updateClosable()
{
    const QList<LaneWidget *> all = lanes();
    for (LaneWidget *lane : all)
        lane->setClosable(all.size() > 1);
}

} // namespace versus::ui
