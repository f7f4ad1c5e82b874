// SPDX-License-Identifier: GPL-3.0-or-later
#include "lanestrip.h"

#include "conversationview.h"
#include "engine/engine.h"
#include "lanewidget.h"
#include "modellistsource.h"
#include "modelpicker.h"
#include "secrets/keystore.h"

#include <QApplication>
#include <QTimer>

namespace versus::ui {

LaneStrip::LaneStrip(const AppServices &services, Comparison *comparison, QWidget *parent)
    : QSplitter(Qt::Horizontal, parent)
    , m_services(services)
    , m_comparison(comparison)
    , m_models(new ModelListSource(*services.engine, ModelListCache::defaultDirectory(), this))
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
    if (index < 0 || index >= all.size())
        return;
    if (m_focused && m_focused != all.at(index))
        showAllLanes(); // the lane asked for is hidden
    all.at(index)->view()->setFocus();
}

LaneWidget *LaneStrip::focusedLane() const
{
    return m_focused;
}

void LaneStrip::setFocusedLane(LaneWidget *lane)
{
    if (!lane || lane == m_focused || !lanes().contains(lane))
        return;
    if (!m_focused)
        m_sizesBeforeFocus = sizes();
    m_focused = lane;
    for (LaneWidget *widget : lanes()) {
        widget->setVisible(widget == lane);
        widget->targetBar()->setFocused(widget == lane);
    }
}

void LaneStrip::showAllLanes()
{
    if (!m_focused)
        return;
    m_focused = nullptr;
    const QList<LaneWidget *> all = lanes();
    for (LaneWidget *widget : all) {
        widget->show();
        widget->targetBar()->setFocused(false);
    }
    QList<int> restored = m_sizesBeforeFocus;
    if (restored.size() != all.size()) // lanes came or went meanwhile: they share the width
        restored = QList<int>(all.size(), std::max(width(), 1) / std::max<int>(1, int(all.size())));
    m_sizesBeforeFocus.clear();
    setSizes(restored);
    // The splitter lays the lanes shown again out once more when it handles their showing.
    QTimer::singleShot(0, this, [this, restored] {
        if (!m_focused && count() == restored.size())
            setSizes(restored);
    });
}

void LaneStrip::toggleFocus(LaneWidget *lane)
{
    if (lane && lane == m_focused)
        showAllLanes();
    else
        setFocusedLane(lane);
}

void LaneStrip::toggleFocusOfCurrentLane()
{
    LaneWidget *current = nullptr;
    for (QWidget *w = QApplication::focusWidget(); w && !current; w = w->parentWidget())
        current = qobject_cast<LaneWidget *>(w);
    if (current && current->parentWidget() == this)
        toggleFocus(current);
    else if (m_focused)
        showAllLanes();
}

void LaneStrip::onLaneAdded(ComparisonLane *lane, int index)
{
    showAllLanes(); // a new lane is seen beside the others
    auto *widget = new LaneWidget(m_services, m_comparison, lane, this);
    widget->targetBar()->modelPicker()->setSource(m_models, &m_services.engine->prices());
    insertWidget(index, widget);
    connect(widget, &LaneWidget::busyChanged, this, &LaneStrip::busyChanged);
    connect(lane, &ComparisonLane::targetChanged, this, &LaneStrip::lanesChanged);
    connect(widget, &LaneWidget::closeRequested, this, [this, lane] { m_comparison->removeLane(lane); });
    connect(widget, &LaneWidget::openKeysRequested, this, &LaneStrip::openKeysRequested);
    connect(widget, &LaneWidget::sendFailed, this, &LaneStrip::sendFailed);
    connect(widget, &LaneWidget::editNotSent, this, &LaneStrip::editNotSent);
    connect(widget, &LaneWidget::sendHereRequested, this, [this, lane] { Q_EMIT sendToLaneRequested(lane); });
    connect(widget, &LaneWidget::focusToggleRequested, this, [this, widget] { toggleFocus(widget); });
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
    if (m_focused)
        showAllLanes();
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
