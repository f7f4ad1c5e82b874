// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPointer>

namespace versus::ui {

class ConversationView;
class LaneStrip;

/// View → Synchronise scrolling: when on, scrolling one lane's conversation scrolls every other
/// lane to the same place, said in turns (ConversationView::scrollAnchor(): the turn at the top
/// and how far into it), since the same turn is taller in one lane than in another. A lane
/// scrolled to the end makes the others follow the end too, so lanes keep following the latest
/// answer while it streams. Only scrolling by hand is passed on (a view following the end as
/// it grows is not), and what this object scrolls is not passed on again: no feedback loop.
class ScrollSync : public QObject {
    Q_OBJECT
public:
    explicit ScrollSync(LaneStrip *strip, QObject *parent = nullptr);

    bool isEnabled() const { return m_enabled; }
    /// On: the other lanes are brought to the current lane's place at once.
    void setEnabled(bool enabled);
    /// How many times a lane was scrolled to follow another (for tests).
    int followCount() const { return m_follows; }

private:
    void watchLanes();
    void onScrolled(ConversationView *source);

    LaneStrip *m_strip;
    QList<QPointer<ConversationView>> m_watched;
    bool m_enabled = false;
    bool m_applying = false;
    int m_follows = 0;
};

} // namespace versus::ui
