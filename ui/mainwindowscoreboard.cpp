// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: the scoreboard under the lanes, in a vertical splitter with them.
#include "appsettings.h"
#include "lanestrip.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "scoreboardpanel.h"

#include <QAction>
#include <QFileDialog>
#include <QSplitter>
#include <QStatusBar>

namespace versus::ui {

namespace {
constexpr int kScoreboardHeight = 330; // the table for a few lanes, and readable charts
} // namespace

QSplitter *MainWindow::installScoreboard()
{
    m_workspace = new QSplitter(Qt::Vertical, this);
    m_workspace->setObjectName(QStringLiteral("workspaceSplitter"));
    m_scoreboard = new ScoreboardPanel(m_comparison, m_workspace);
    // The lanes, with the merge panel at their right when it is open, above the scoreboard.
    auto *lanesRow = new QWidget(m_workspace);
    lanesRow->setLayout(lanesBesideMergePanel(m_splitter));
    m_workspace->addWidget(lanesRow);
    m_workspace->addWidget(m_scoreboard);
    m_workspace->setCollapsible(0, false);
    m_workspace->setCollapsible(1, true);
    m_workspace->setStretchFactor(0, 1);
    m_workspace->setStretchFactor(1, 0);
    m_workspace->setSizes({600, kScoreboardHeight});
    m_scoreboard->setAskPath([this](const QString &suggested, const QString &filter) {
        return m_askExportPath ? m_askExportPath(suggested)
                               : QFileDialog::getSaveFileName(this, tr("Export scoreboard"), suggested, filter);
    });
    connect(m_scoreboard, &ScoreboardPanel::exported, this,
            [this](const QString &path) { statusBar()->showMessage(tr("Exported to %1").arg(path), 5000); });
    connect(m_scoreboard, &ScoreboardPanel::exportFailed, this,
            [this](const QString &message) { m_messageBar->showMessage(message); });
    return m_workspace;
}

void MainWindow::connectScoreboard()
{
    QAction *toggle = m_actions.scoreboard;
    const auto openWide = [this] {
        const QList<int> sizes = m_workspace->sizes();
        if (sizes.value(1) < 60) { // dragged shut (or saved hidden): open it at its usual height
            const int total = std::max(sizes.value(0) + sizes.value(1), 2 * kScoreboardHeight);
            m_workspace->setSizes({total - kScoreboardHeight, kScoreboardHeight});
        }
    };
    connect(toggle, &QAction::toggled, this, [this, openWide](bool shown) {
        m_scoreboard->setVisible(shown);
        m_services.settings->setScoreboardVisible(shown);
        if (shown)
            openWide();
    });
    // Dragged shut: the menu says it is hidden.
    connect(m_workspace, &QSplitter::splitterMoved, this, [this, toggle] {
        if (m_workspace->sizes().value(1) == 0 && toggle->isChecked()) {
            const QSignalBlocker blocker(toggle);
            toggle->setChecked(false);
            m_services.settings->setScoreboardVisible(false);
        } else if (m_workspace->sizes().value(1) > 0 && !toggle->isChecked()) {
            const QSignalBlocker blocker(toggle);
            toggle->setChecked(true);
            m_services.settings->setScoreboardVisible(true);
        }
    });
    m_workspace->restoreState(m_services.settings->workspaceSplitterState());
    const bool shown = m_services.settings->scoreboardVisible();
    toggle->setChecked(shown);
    m_scoreboard->setVisible(shown);
    if (shown)
        openWide();
}

void MainWindow::saveScoreboardState()
{
    m_services.settings->setWorkspaceSplitterState(m_workspace->saveState());
}

} // namespace versus::ui
