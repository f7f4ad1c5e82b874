// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appservices.h"
#include "compare/comparison.h"

#include <QSplitter>

namespace versus::ui {

class LaneWidget;

/// The lanes side by side: one LaneWidget per lane of a Comparison, created and removed as
/// the comparison's lanes come and go, sharing the width equally when one is added. The last
/// lane cannot be closed.
class LaneStrip : public QSplitter {
    Q_OBJECT
public:
    LaneStrip(const AppServices &services, Comparison *comparison, QWidget *parent = nullptr);

    QList<LaneWidget *> lanes() const;
    LaneWidget *widgetOf(const ComparisonLane *lane) const;
    /// Moves the focus to lane @p index's conversation (Ctrl+1 … Ctrl+9).
    void focusLane(int index);

Q_SIGNALS:
    /// A lane came or went, or a lane's target changed.
    void lanesChanged();
    void busyChanged();
    void openKeysRequested(const QString &providerId);
    /// Sending to one lane failed before anything was sent (the history could not be written).
    void sendFailed(const versus::history::HistoryError &error);

private:
    void onLaneAdded(ComparisonLane *lane, int index);
    void onLaneRemoved(ComparisonLane *lane);
    void updateClosable();

    AppServices m_services;
    Comparison *m_comparison;
};

} // namespace versus::ui
