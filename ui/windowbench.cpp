// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowbench.h"

#include "benchsetup.h"
#include "benchview.h"
#include "compare/comparisonlane.h"
#include "lanestrip.h"
#include "mainwindow.h"

#include <QAction>

namespace versus::ui {

WindowBench::WindowBench(MainWindow *window, const AppServices &services)
    : QObject(window)
    , m_window(window)
    , m_services(services)
{
    setObjectName(QStringLiteral("windowBench"));
    connect(window->windowActions().benchmark, &QAction::triggered, this, [this] { showBench(); });
}

BenchView *WindowBench::benchView() const
{
    return m_view;
}

BenchView *WindowBench::showBench()
{
    if (!m_view) {
        m_view = new BenchView(m_services, m_window->laneStrip()->modelSource(), m_window);
        auto lanes = [window = m_window] {
            QList<Target> targets;
            for (const ComparisonLane *lane : window->comparison()->lanes())
                targets << lane->target();
            return targets;
        };
        m_view->setup()->setLaneTargets(lanes);
        m_view->setup()->setTargets(lanes());
    }
    m_view->show();
    m_view->raise();
    m_view->activateWindow();
    return m_view;
}

} // namespace versus::ui
