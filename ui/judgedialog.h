// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appservices.h"
#include "compare/comparison.h"

#include <QDialog>
#include <QPointer>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace versus::ui {

class LaneTargetBar;

/// Comparison → Judge answers…: the user picks the judge model and edits the rubric (prefilled
/// with the default); Judge asks it to score the answers to the last prompt (Comparison::judge()),
/// shown to it by letter. While it runs the dialog says so; then it lists each lane's score and
/// the judge's reason — they reach the scoreboard through the Comparison — or says, in the
/// provider's or the parser's words, why there are none. Not modal: the lanes stay usable.
class JudgeDialog : public QDialog {
    Q_OBJECT
public:
    JudgeDialog(const AppServices &services, Comparison *comparison, QWidget *parent = nullptr);

    LaneTargetBar *targetBar() const { return m_targetBar; }
    QPlainTextEdit *rubricEdit() const { return m_rubric; }
    QPushButton *judgeButton() const { return m_judgeButton; }
    QPushButton *stopButton() const { return m_stopButton; }
    /// Progress, the scores, or the error ("judgeStatus").
    QLabel *statusLabel() const { return m_status; }
    JudgeRun *judgeRun() const { return m_run; }

public Q_SLOTS:
    void judge();
    void stop();

private:
    void onFinished();
    void updateEnabled();

    AppServices m_services;
    QPointer<Comparison> m_comparison;
    QPointer<JudgeRun> m_run;
    LaneTargetBar *m_targetBar;
    QPlainTextEdit *m_rubric;
    QLabel *m_status;
    QPushButton *m_judgeButton;
    QPushButton *m_stopButton;
};

} // namespace versus::ui
