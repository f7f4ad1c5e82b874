// SPDX-License-Identifier: GPL-3.0-or-later
#include "judgedialog.h"

#include "engine/engine.h"
#include "lanetargetbar.h"
#include "wording/erroradvice.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace versus::ui {

JudgeDialog::JudgeDialog(const AppServices &services, Comparison *comparison, QWidget *parent)
    : QDialog(parent)
    , m_services(services)
    , m_comparison(comparison)
    , m_targetBar(new LaneTargetBar(services.engine->registry(), this))
    , m_rubric(new QPlainTextEdit(this))
    , m_status(new QLabel(this))
    , m_judgeButton(new QPushButton(tr("Judge"), this))
    , m_stopButton(new QPushButton(tr("Stop"), this))
{
    setObjectName(QStringLiteral("judgeDialog"));
    setWindowTitle(tr("Judge answers"));
    m_targetBar->setObjectName(QStringLiteral("judgeTarget"));
    m_targetBar->parametersButton()->hide();
    m_targetBar->toolsButton()->hide();
    m_targetBar->menuButton()->hide();
    m_targetBar->setClosable(false);
    const QList<ComparisonLane *> lanes = comparison->lanes();
    m_targetBar->setTarget(lanes.isEmpty() ? defaultLaneTarget(services.engine->registry()) : lanes.first()->target());
    m_rubric->setObjectName(QStringLiteral("judgeRubric"));
    m_rubric->setPlainText(defaultJudgeRubric());
    m_status->setObjectName(QStringLiteral("judgeStatus"));
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_judgeButton->setObjectName(QStringLiteral("judgeButton"));
    m_judgeButton->setDefault(true);
    m_stopButton->setObjectName(QStringLiteral("stopJudgeButton"));

    auto *intro = new QLabel(tr("The judge model scores each answer to the last prompt from 1 to 10 against the "
                                "rubric. It sees the answers as A, B, C…, never by provider or model."),
                             this);
    intro->setWordWrap(true);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_stopButton, QDialogButtonBox::ActionRole);
    buttons->addButton(m_judgeButton, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_targetBar);
    layout->addWidget(new QLabel(tr("Rubric:"), this));
    layout->addWidget(m_rubric, 1);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(560, 460);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_judgeButton, &QPushButton::clicked, this, &JudgeDialog::judge);
    connect(m_stopButton, &QPushButton::clicked, this, &JudgeDialog::stop);
    connect(comparison, &Comparison::busyChanged, this, &JudgeDialog::updateEnabled);
    updateEnabled();
}

void JudgeDialog::judge()
{
    if (!m_comparison || (m_run && m_run->isRunning()))
        return;
    const Target target = m_targetBar->target();
    JudgeRun *run = m_comparison->judge(m_comparison->lastTurnKey(), target, m_rubric->toPlainText());
    if (!run) {
        m_status->setText(tr("Nothing to judge yet: send a prompt and let the lanes answer it first."));
        return;
    }
    m_run = run;
    if (!run->isFinished()) {
        m_status->setText(tr("Asking %1 to judge the answers…").arg(target.toString()));
        connect(run, &JudgeRun::finished, this, &JudgeDialog::onFinished);
    } else {
        onFinished(); // it could not be sent at all
    }
    updateEnabled();
}

void JudgeDialog::stop()
{
    if (m_run)
        m_run->cancel();
}

void JudgeDialog::onFinished()
{
    if (!m_run || !m_comparison)
        return;
    if (const auto &error = m_run->error()) {
        QString title = errorTitle(error->kind);
        if (error->httpStatus > 0)
            title += tr(" (HTTP %1)").arg(error->httpStatus);
        m_status->setText(tr("No scores: %1. %2").arg(title, error->message));
    } else {
        const QHash<const ComparisonLane *, JudgeScore> scores = m_run->scores();
        QStringList lines;
        for (ComparisonLane *lane : m_comparison->displayOrder()) {
            const auto found = scores.constFind(lane);
            if (found == scores.cend())
                continue;
            lines << tr("%1: %2 — %3")
                         .arg(m_comparison->displayName(lane), QLocale().toString(found->score, 'g', 3), found->reason);
        }
        m_status->setText(lines.join(u'\n'));
    }
    updateEnabled();
}

void JudgeDialog::updateEnabled()
{
    const bool running = m_run && m_run->isRunning();
    m_judgeButton->setEnabled(!running && m_comparison && !m_comparison->isBusy());
    m_stopButton->setEnabled(running);
    m_targetBar->setTargetEditable(!running);
}

} // namespace versus::ui
