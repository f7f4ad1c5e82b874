// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/comparison.h"

#include <QFrame>

class QButtonGroup;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;

namespace versus::ui {

/// The user's verdict on the last turn, above the composer once a turn that at least two lanes
/// answered has finished: "Which answer is best?", a button per lane (named as the comparison
/// names it — "Lane A" while blind), Tie, All bad, and the turn's tags. After the vote it says
/// what was chosen; another button changes it.
class VoteBar : public QFrame {
    Q_OBJECT
public:
    explicit VoteBar(Comparison *comparison, QWidget *parent = nullptr);

    /// The turn the bar votes on; 0 when hidden.
    qint64 turnKey() const { return m_turnKey; }
    /// One per lane that was sent the turn, in the order lanes are shown; a lane whose answer
    /// failed has its button disabled.
    QList<QPushButton *> laneButtons() const { return m_laneButtons; }
    QPushButton *tieButton() const { return m_tie; }
    QPushButton *allBadButton() const { return m_allBad; }
    QLineEdit *tagsEdit() const { return m_tags; }
    QLabel *resultLabel() const { return m_result; }

public Q_SLOTS:
    void refresh();

private:
    void cast(Vote::Kind kind, ComparisonLane *best);
    void storeTags();
    static bool answered(const LaneTurn &turn);

    Comparison *m_comparison;
    qint64 m_turnKey = 0;
    QLabel *m_question;
    QHBoxLayout *m_laneBox;
    QList<QPushButton *> m_laneButtons;
    QButtonGroup *m_group;
    QPushButton *m_tie;
    QPushButton *m_allBad;
    QLineEdit *m_tags;
    QLabel *m_result;
};

} // namespace versus::ui
