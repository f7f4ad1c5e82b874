// SPDX-License-Identifier: GPL-3.0-or-later
#include "scrollsync.h"

#include "conversationview.h"
#include "lanestrip.h"
#include "lanewidget.h"

#include <QApplication>

namespace versus::ui {

ScrollSync::ScrollSync(LaneStrip *strip, QObject *parent)
    : QObject(parent)
    , m_strip(strip)
{
    connect(strip, &LaneStrip::lanesChanged, this, &ScrollSync::watchLanes);
    watchLanes();
}

void ScrollSync::watchLanes()
{
    for (LaneWidget *lane : m_strip->lanes()) {
        ConversationView *view = lane->view();
        // Once per view (lanes come and go; the ones that stay are watched already).
        m_watched.removeAll(nullptr);
        if (m_watched.contains(view))
            continue;
        m_watched.append(view);
        connect(view, &ConversationView::scrolledByHand, this, [this, view] { onScrolled(view); });
    }
}

void ScrollSync::setEnabled(bool enabled)
{
    if (enabled == m_enabled)
        return;
    m_enabled = enabled;
    if (!enabled)
        return;
    // Bring the others to the lane the user is in (else the first).
    ConversationView *source = nullptr;
    for (LaneWidget *lane : m_strip->lanes()) {
        if (lane->isAncestorOf(QApplication::focusWidget()))
            source = lane->view();
    }
    if (!source && !m_strip->lanes().isEmpty())
        source = m_strip->lanes().first()->view();
    if (source)
        onScrolled(source);
}

void ScrollSync::onScrolled(ConversationView *source)
{
    if (!m_enabled || m_applying)
        return;
    m_applying = true;
    const bool following = source->isFollowing();
    const auto [turn, fraction] = source->scrollAnchor();
    for (LaneWidget *lane : m_strip->lanes()) {
        ConversationView *view = lane->view();
        if (view == source || !view->isVisible())
            continue;
        ++m_follows;
        if (following)
            view->jumpToLatest();
        else
            view->scrollToAnchor(turn, fraction);
    }
    m_applying = false;
}

} // namespace versus::ui
