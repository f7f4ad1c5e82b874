// SPDX-License-Identifier: GPL-3.0-or-later
// LaneWidget: "Continue from this lane's answer" and "Keep lanes separate" in the lane menu,
// and the note that says which lane's answer the lanes continue from.
#include "conversationview.h"
#include "lanewidget.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QVBoxLayout>

namespace versus::ui {

void LaneWidget::setUpContinuation()
{
    m_continueNote = new QLabel(this);
    m_continueNote->setObjectName(QStringLiteral("continueNote"));
    m_continueNote->setTextFormat(Qt::PlainText);
    m_continueNote->setWordWrap(true);
    m_continueNote->setContentsMargins(8, 3, 8, 3);
    m_continueNote->setToolTip(tr("Every lane's next prompts are sent with this answer in place of its own"));
    m_continueNote->hide();
    if (auto *box = qobject_cast<QVBoxLayout *>(layout()))
        box->insertWidget(box->indexOf(m_view), m_continueNote);

    QMenu *menu = m_targetBar->laneMenu();
    menu->addSeparator();
    m_continueAction = menu->addAction(tr("Continue from this lane's answer"));
    m_continueAction->setObjectName(QStringLiteral("continueFromLaneAction"));
    m_continueAction->setCheckable(true);
    m_continueAction->setToolTip(tr("From the next prompt on, every lane is sent this lane's answer to the last "
                                    "prompt as if it were its own"));
    m_separateAction = menu->addAction(tr("Keep lanes separate"));
    m_separateAction->setObjectName(QStringLiteral("keepLanesSeparateAction"));
    m_separateAction->setToolTip(tr("Each lane goes on from its own answers (the default)"));

    connect(m_continueAction, &QAction::triggered, this, [this] {
        if (m_comparison)
            m_comparison->continueWith(m_comparison->lastTurnKey(), m_lane);
        showContinuation();
    });
    connect(m_separateAction, &QAction::triggered, this, [this] {
        if (m_comparison)
            m_comparison->continueWith(m_comparison->lastTurnKey(), nullptr);
        showContinuation();
    });
    connect(menu, &QMenu::aboutToShow, this, &LaneWidget::showContinuation);
    connect(m_comparison, &Comparison::continuationChanged, this, &LaneWidget::showContinuation);
    connect(m_comparison, &Comparison::conversationChanged, this, &LaneWidget::showContinuation);
    connect(m_comparison, &Comparison::lanesMoved, this, &LaneWidget::showContinuation);
    connect(m_comparison, &Comparison::blindChanged, this, &LaneWidget::showContinuation);
    connect(m_comparison, &Comparison::turnFinished, this, &LaneWidget::showContinuation);
    showContinuation();
}

void LaneWidget::showContinuation()
{
    if (!m_comparison || !m_lane || !m_continueNote)
        return;
    // The latest turn the lanes continue from one lane's answer to (later turns carry it too).
    ComparisonLane *from = nullptr;
    const QList<ComparisonTurn> turns = m_comparison->turns();
    for (auto it = turns.crbegin(); it != turns.crend() && !from; ++it)
        from = m_comparison->continuedFrom(it->key);
    m_continueNote->setText(from ? tr("Continues from Lane %1's answer").arg(m_comparison->laneLabel(from))
                                 : QString());
    m_continueNote->setVisible(from != nullptr);

    const qint64 last = m_comparison->lastTurnKey();
    const std::optional<ComparisonTurn> turn = m_comparison->turn(last);
    const int row = turn ? turn->rowOf(m_lane) : -1;
    const bool answered = row >= 0 && !m_lane->conversation()->turn(row).result.chat.text.isEmpty();
    ComparisonLane *lastFrom = m_comparison->continuedFrom(last);
    m_continueAction->setEnabled(answered && !m_comparison->isBusy());
    m_continueAction->setChecked(lastFrom == m_lane);
    m_separateAction->setEnabled(lastFrom != nullptr && !m_comparison->isBusy());
}

} // namespace versus::ui
