// SPDX-License-Identifier: GPL-3.0-or-later
#include "liveworkspace.h"

#include "appsettings.h"
#include "diffdialog.h"
#include "lanestrip.h"
#include "lanetargetbar.h"
#include "lanewidget.h"
#include "mainwindow.h"
#include "modelsetsmenu.h"
#include "scrollsync.h"

#include <QAction>
#include <QCoreApplication>
#include <QMenu>
#include <QMenuBar>

namespace versus::ui {

namespace {
/// The window's own words (its menus' titles), as the window translates them.
QString windowText(const char *text)
{
    return QCoreApplication::translate("versus::ui::MainWindow", text);
}

/// The window's menu titled @p title ("&View"), or null.
QMenu *windowMenu(MainWindow *window, const QString &title)
{
    for (QAction *action : window->menuBar()->actions()) {
        if (action->menu() && action->text() == title)
            return action->menu();
    }
    return nullptr;
}
} // namespace

LiveWorkspace::LiveWorkspace(const AppServices &services, MainWindow *window)
    : QObject(window)
    , m_services(services)
    , m_window(window)
    , m_syncScrolling(new QAction(tr("Synchronise scrolling"), window))
    , m_diff(new QAction(tr("Diff answers…"), window))
    , m_scrollSync(new ScrollSync(window->laneStrip(), this))
{
    m_syncScrolling->setObjectName(QStringLiteral("syncScrollingAction"));
    m_syncScrolling->setCheckable(true);
    m_syncScrolling->setStatusTip(tr("Scrolling one lane scrolls the others to the same turn"));
    m_syncScrolling->setToolTip(m_syncScrolling->statusTip());
    m_diff->setObjectName(QStringLiteral("diffAnswersAction"));
    const QKeySequence diffKey(Qt::CTRL | Qt::SHIFT | Qt::Key_D);
    m_diff->setShortcut(diffKey);
    m_diff->setShortcutContext(Qt::WindowShortcut);
    m_diff->setStatusTip(tr("Two lanes' answers to a turn side by side, word by word"));
    m_diff->setToolTip(m_diff->statusTip() + QStringLiteral(" (") + diffKey.toString(QKeySequence::NativeText) + u')');
    window->addAction(m_syncScrolling);
    window->addAction(m_diff);
    if (QMenu *view = windowMenu(window, windowText("&View"))) {
        view->addSeparator();
        view->addAction(m_syncScrolling);
        view->addAction(m_diff);
    }

    m_syncScrolling->setChecked(services.settings->syncScrolling());
    m_scrollSync->setEnabled(m_syncScrolling->isChecked());
    connect(m_syncScrolling, &QAction::toggled, this, [this](bool on) {
        m_services.settings->setSyncScrolling(on);
        m_scrollSync->setEnabled(on);
    });
    connect(m_diff, &QAction::triggered, this, [this] { openDiff(); });

    addLaneMenuItems();
    connect(window->laneStrip(), &LaneStrip::lanesChanged, this, &LiveWorkspace::addLaneMenuItems);

    m_modelSets = new ModelSetsMenu(services, window, this);
    // Before Settings and Help, after the window's own menus.
    const QList<QAction *> menus = window->menuBar()->actions();
    QAction *before = nullptr;
    for (QAction *action : menus) {
        if (action->text() == windowText("&Settings"))
            before = action;
    }
    window->menuBar()->insertMenu(before, m_modelSets->menu());
    m_modelSets->openLastSet();
}

void LiveWorkspace::addLaneMenuItems()
{
    for (LaneWidget *lane : m_window->lanes()) {
        QMenu *menu = lane->targetBar()->laneMenu();
        if (menu->findChild<QAction *>(QStringLiteral("compareWithAction")))
            continue;
        auto *action = new QAction(tr("Compare with…"), menu);
        action->setObjectName(QStringLiteral("compareWithAction"));
        action->setStatusTip(tr("This lane's answer beside another lane's, word by word"));
        QPointer<LaneWidget> guard(lane);
        connect(action, &QAction::triggered, this, [this, guard] {
            if (guard)
                openDiff(guard->lane());
        });
        // Before "Parameters…": with the other things done with the lane's answers.
        QAction *before = menu->findChild<QAction *>(QStringLiteral("parametersAction"));
        menu->insertAction(before, action);
    }
}

DiffDialog *LiveWorkspace::diffDialog() const
{
    return m_diffDialog;
}

DiffDialog *LiveWorkspace::openDiff(ComparisonLane *left)
{
    Comparison *comparison = m_window->comparison();
    if (!m_diffDialog) {
        m_diffDialog = new DiffDialog(comparison, m_window);
        m_diffDialog->setAttribute(Qt::WA_DeleteOnClose);
    }
    const QList<ComparisonLane *> order = comparison->displayOrder();
    if (!left && !order.isEmpty())
        left = order.first();
    const qsizetype at = order.indexOf(left);
    ComparisonLane *right = order.size() > 1 ? order.at((at + 1) % order.size()) : left;
    m_diffDialog->compare(left, right, 0);
    m_diffDialog->show();
    m_diffDialog->raise();
    m_diffDialog->activateWindow();
    return m_diffDialog;
}

} // namespace versus::ui
