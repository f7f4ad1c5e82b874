// SPDX-License-Identifier: GPL-3.0-or-later
// MainWindow: the merge panel beside the lanes and the judge dialog (Comparison menu).
#include "judgedialog.h"
#include "mainwindow.h"
#include "mergepanel.h"
#include "sessionstatus.h"

#include <QHBoxLayout>
#include <QPlainTextEdit>

namespace versus::ui {

QLayout *MainWindow::lanesBesideMergePanel(QWidget *lanes)
{
    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(6);
    row->addWidget(lanes, 1);
    m_mergePanel = new MergePanel(m_services, m_comparison, this);
    m_mergePanel->hide();
    row->addWidget(m_mergePanel);
    connect(m_mergePanel, &MergePanel::closeRequested, m_mergePanel, &QWidget::hide);
    // What merges and judges cost joins the session's total in the status bar.
    auto updateCost = [this] {
        if (m_status)
            m_status->updateCost();
    };
    connect(m_comparison, &Comparison::mergeFinished, this, updateCost);
    connect(m_comparison, &Comparison::judgeFinished, this, updateCost);
    return row;
}

void MainWindow::openMergePanel()
{
    m_mergePanel->show();
    m_mergePanel->instructionEdit()->setFocus();
}

void MainWindow::openJudgeDialog()
{
    if (!m_judgeDialog)
        m_judgeDialog = new JudgeDialog(m_services, m_comparison, this);
    m_judgeDialog->show();
    m_judgeDialog->raise();
    m_judgeDialog->activateWindow();
}

JudgeDialog *MainWindow::judgeDialog() const
{
    return qobject_cast<JudgeDialog *>(m_judgeDialog.data());
}

} // namespace versus::ui
