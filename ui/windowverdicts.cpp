// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowverdicts.h"

#include "appsettings.h"
#include "composer.h"
#include "engine/engine.h"
#include "lanestrip.h"
#include "lanetargetbar.h"
#include "lanewidget.h"
#include "leaderboardview.h"
#include "mainwindow.h"
#include "votebar.h"

#include <QAction>
#include <QBoxLayout>
#include <QLabel>

namespace versus::ui {

namespace {

const QString kBlindHeader = QStringLiteral("blindLaneHeader");

} // namespace

WindowVerdicts::WindowVerdicts(MainWindow *window, QBoxLayout *layout, const AppServices &services)
    : QObject(window)
    , m_window(window)
    , m_services(services)
    , m_voteBar(new VoteBar(window->comparison(), window))
{
    const int composerAt = layout->indexOf(window->composer());
    layout->insertWidget(composerAt < 0 ? layout->count() : composerAt, m_voteBar);

    Comparison *comparison = window->comparison();
    const WindowActions &actions = window->windowActions();
    connect(actions.blindMode, &QAction::toggled, this, [this, comparison](bool on) {
        comparison->setBlind(on);
        m_services.settings->setBlindMode(on);
    });
    connect(actions.leaderboard, &QAction::triggered, this, [this] { showLeaderboard(); });
    connect(comparison, &Comparison::blindChanged, this, &WindowVerdicts::applyBlind);
    connect(comparison, &Comparison::conversationChanged, this, &WindowVerdicts::applyBlind); // new, opened
    // A lane added (or its widget made again) while names are hidden is hidden too.
    connect(window->laneStrip(), &LaneStrip::lanesChanged, this, &WindowVerdicts::applyBlind);
    connect(comparison, &Comparison::verdictChanged, this, [this] {
        if (m_leaderboard)
            m_leaderboard->refresh();
    });
    actions.blindMode->setChecked(services.settings->blindMode()); // toggled() sets the comparison's mode
    applyBlind();
}

LeaderboardView *WindowVerdicts::showLeaderboard()
{
    if (!m_leaderboard)
        m_leaderboard = new LeaderboardView(m_services.engine->history(), m_window);
    else
        m_leaderboard->refresh();
    m_leaderboard->show();
    m_leaderboard->raise();
    m_leaderboard->activateWindow();
    return m_leaderboard;
}

void WindowVerdicts::applyBlind()
{
    Comparison *comparison = m_window->comparison();
    LaneStrip *strip = m_window->laneStrip();
    const bool hidden = comparison->namesHidden();
    for (LaneWidget *widget : strip->lanes()) {
        // Nothing that names the model while hidden: the target bar (provider and model boxes,
        // badges, parameters) gives way to a header with the lane's letter.
        widget->targetBar()->setVisible(!hidden);
        auto *header = widget->findChild<QLabel *>(kBlindHeader, Qt::FindDirectChildrenOnly);
        if (hidden && !header) {
            header = new QLabel(widget);
            header->setObjectName(kBlindHeader);
            header->setTextFormat(Qt::PlainText);
            header->setAlignment(Qt::AlignCenter);
            header->setContentsMargins(6, 8, 6, 8);
            QFont font = header->font();
            font.setBold(true);
            font.setPointSizeF(font.pointSizeF() * 1.15);
            header->setFont(font);
            header->setToolTip(tr("Blind mode: which model this is shows once you vote"));
            if (auto *box = qobject_cast<QBoxLayout *>(widget->layout()))
                box->insertWidget(0, header);
        }
        if (header) {
            header->setText(comparison->displayName(widget->lane()));
            header->setVisible(hidden);
        }
    }
    // The shown order: the turn's shuffle while hidden, the lanes' own order once revealed.
    const QList<ComparisonLane *> order = comparison->displayOrder();
    for (int i = 0; i < order.size(); ++i) {
        LaneWidget *widget = strip->widgetOf(order.at(i));
        if (widget && strip->indexOf(widget) != i)
            strip->insertWidget(i, widget);
    }
}

} // namespace versus::ui
