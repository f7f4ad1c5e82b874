// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appservices.h"
#include "compare/comparison.h"

#include <QPointer>
#include <QSplitter>

namespace versus::ui {

class LaneWidget;
class ModelListSource;

/// The lanes side by side: one LaneWidget per lane of a Comparison, created and removed as
/// the comparison's lanes come and go, sharing the width equally when one is added. The last
/// lane cannot be closed. One lane can be focused: it alone fills the strip until all lanes are
/// shown again (their widths as they were). The lanes' model pickers share one ModelListSource.
class LaneStrip : public QSplitter {
    Q_OBJECT
public:
    LaneStrip(const AppServices &services, Comparison *comparison, QWidget *parent = nullptr);

    QList<LaneWidget *> lanes() const;
    LaneWidget *widgetOf(const ComparisonLane *lane) const;
    /// Moves the focus to lane @p index's conversation (Ctrl+1 … Ctrl+9).
    void focusLane(int index);

    /// The lane that fills the strip alone; null when all are shown.
    LaneWidget *focusedLane() const;
    /// Shows @p lane alone (the others hidden, their widths kept for showAllLanes()).
    void setFocusedLane(LaneWidget *lane);
    void showAllLanes();
    /// Focuses @p lane, or shows all lanes when it is the focused one.
    void toggleFocus(LaneWidget *lane);
    /// Ctrl+Shift+F: toggles the focus of the lane holding the keyboard focus (else the focused one).
    void toggleFocusOfCurrentLane();
    ModelListSource *modelSource() const { return m_models; }

Q_SIGNALS:
    /// A lane came or went, or a lane's target changed.
    void lanesChanged();
    void busyChanged();
    void openKeysRequested(const QString &providerId);
    /// Sending to one lane failed before anything was sent (the history could not be written).
    void sendFailed(const versus::history::HistoryError &error);
    void editNotSent(const QString &prompt);
    /// "Send to this lane only" in @p lane's menu.
    void sendToLaneRequested(versus::ComparisonLane *lane);

private:
    void onLaneAdded(ComparisonLane *lane, int index);
    void onLaneRemoved(ComparisonLane *lane);
    void updateClosable();

    AppServices m_services;
    Comparison *m_comparison;
    ModelListSource *m_models;
    QPointer<LaneWidget> m_focused;
    QList<int> m_sizesBeforeFocus;
};

} // namespace versus::ui
