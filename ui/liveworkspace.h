// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appservices.h"
#include "compare/comparison.h"

#include <QObject>
#include <QPointer>

#include <functional>

class QAction;
class QMenu;

namespace versus::ui {

class DiffDialog;
class MainWindow;
class ModelSetsMenu;
class ScrollSync;

/// The window's live comparison tools: View → Synchronise scrolling (remembered), View → Diff
/// answers… (Ctrl+Shift+D) and "Compare with…" in each lane's menu (DiffDialog), and the
/// Model sets menu (ModelSetsMenu). Made once by the window, after its lanes.
class LiveWorkspace : public QObject {
    Q_OBJECT
public:
    LiveWorkspace(const AppServices &services, MainWindow *window);

    QAction *syncScrollingAction() const { return m_syncScrolling; }
    QAction *diffAction() const { return m_diff; }
    ScrollSync *scrollSync() const { return m_scrollSync; }
    ModelSetsMenu *modelSets() const { return m_modelSets; }
    /// The diff dialog while it is open.
    DiffDialog *diffDialog() const;
    /// Opens the diff dialog on @p left (null: the first lane) and the lane after it.
    DiffDialog *openDiff(ComparisonLane *left = nullptr);

private:
    void addLaneMenuItems();

    AppServices m_services;
    MainWindow *m_window;
    QAction *m_syncScrolling;
    QAction *m_diff;
    ScrollSync *m_scrollSync;
    ModelSetsMenu *m_modelSets;
    QPointer<DiffDialog> m_diffDialog;
};

} // namespace versus::ui
