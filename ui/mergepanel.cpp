// SPDX-License-Identifier: GPL-3.0-or-later
#include "mergepanel.h"

#include "conversationview.h"
#include "engine/engine.h"
#include "lanecard.h"
#include "lanetargetbar.h"
#include "metricsfooter.h"
#include "wording/erroradvice.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace versus::ui {

MergePanel::MergePanel(const AppServices &services, Comparison *comparison, QWidget *parent)
    : QFrame(parent)
    , m_services(services)
    , m_comparison(comparison)
    , m_targetBar(new LaneTargetBar(services.engine->registry(), this))
    , m_turnLabel(new QLabel(this))
    , m_instruction(new QPlainTextEdit(this))
    , m_mergeButton(new QPushButton(tr("Merge"), this))
    , m_stopButton(new QPushButton(tr("Stop"), this))
    , m_view(new ConversationView(this))
    , m_card(new LaneCard(this))
    , m_footer(new MetricsFooter(this))
{
    setObjectName(QStringLiteral("mergePanel"));
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(300);

    // A lane's header without what only lanes have (parameters, tools, the lane menu).
    m_targetBar->setObjectName(QStringLiteral("mergeTarget"));
    m_targetBar->parametersButton()->hide();
    m_targetBar->toolsButton()->hide();
    m_targetBar->menuButton()->hide();
    m_targetBar->setClosable(true);
    m_targetBar->setToolTip(tr("The model that writes the merged answer"));
    const QList<ComparisonLane *> lanes = comparison->lanes();
    m_targetBar->setTarget(lanes.isEmpty() ? defaultLaneTarget(services.engine->registry()) : lanes.first()->target());

    auto *title = new QLabel(tr("<b>Merged answer</b>"), this);
    title->setTextFormat(Qt::RichText);
    m_turnLabel->setObjectName(QStringLiteral("mergeTurn"));
    m_turnLabel->setTextFormat(Qt::PlainText);
    m_turnLabel->setWordWrap(true);
    m_instruction->setObjectName(QStringLiteral("mergeInstruction"));
    m_instruction->setPlainText(defaultMergeInstruction());
    m_instruction->setToolTip(tr("What the model is asked to do with the answers. They are shown to it as "
                                 "Answer A, Answer B, …, never by provider or model."));
    m_instruction->setFixedHeight(m_instruction->fontMetrics().lineSpacing() * 5 + 12);
    m_mergeButton->setObjectName(QStringLiteral("mergeButton"));
    m_mergeButton->setToolTip(tr("Send the last prompt's answers to this model to merge them into one"));
    m_stopButton->setObjectName(QStringLiteral("stopMergeButton"));
    m_view->setObjectName(QStringLiteral("mergeView"));
    m_card->setObjectName(QStringLiteral("mergeCard"));
    m_footer->setObjectName(QStringLiteral("mergeFooter"));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_stopButton);
    buttons->addWidget(m_mergeButton);
    auto *controls = new QVBoxLayout;
    controls->setContentsMargins(8, 4, 8, 4);
    controls->addWidget(title);
    controls->addWidget(m_turnLabel);
    controls->addWidget(m_instruction);
    controls->addLayout(buttons);
    auto *cardBox = new QVBoxLayout;
    cardBox->setContentsMargins(8, 0, 8, 4);
    cardBox->addWidget(m_card);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->setSpacing(0);
    layout->addWidget(m_targetBar);
    layout->addLayout(controls);
    layout->addWidget(m_view, 1);
    layout->addLayout(cardBox);
    layout->addWidget(m_footer);

    connect(m_targetBar, &LaneTargetBar::closeRequested, this, &MergePanel::closeRequested);
    connect(m_mergeButton, &QPushButton::clicked, this, &MergePanel::merge);
    connect(m_stopButton, &QPushButton::clicked, this, &MergePanel::stop);
    connect(m_card, &LaneCard::retryTriggered, this, &MergePanel::merge);
    // The view's links under the merged answer: "Regenerate" merges again, "Edit" goes to the
    // instruction (the merge's prompt is what the user can change).
    connect(m_view, &ConversationView::regenerateRequested, this, &MergePanel::merge);
    connect(m_view, &ConversationView::editRequested, m_instruction, [this] { m_instruction->setFocus(); });
    connect(comparison, &Comparison::mergeStarted, this, &MergePanel::showMerge);
    connect(comparison, &Comparison::conversationChanged, this, &MergePanel::showLatest);
    connect(comparison, &Comparison::busyChanged, this, &MergePanel::updateEnabled);
    connect(comparison, &Comparison::turnFinished, this, &MergePanel::updateEnabled);
    m_footer->reset();
    showLatest();
}

void MergePanel::merge()
{
    if (!m_comparison)
        return;
    m_card->dismiss();
    MergeRun *run =
        m_comparison->merge(m_comparison->lastTurnKey(), m_targetBar->target(), m_instruction->toPlainText());
    if (!run)
        m_card->showCard(LaneCard::Kind::Warning, tr("Nothing to merge yet"),
                         tr("Send a prompt and let the lanes answer it first: the answers to the last prompt "
                            "are what is merged."));
    updateEnabled();
}

void MergePanel::stop()
{
    if (m_merge)
        m_merge->cancel();
}

void MergePanel::showLatest()
{
    const QList<MergeRun *> merges =
        m_comparison ? m_comparison->merges(m_comparison->lastTurnKey()) : QList<MergeRun *>();
    if (merges.isEmpty()) {
        if (m_merge)
            m_merge->disconnect(this);
        m_merge = nullptr;
        m_view->setConversation(nullptr);
        m_card->dismiss();
        m_footer->reset();
        updateEnabled();
        return;
    }
    showMerge(merges.last());
}

void MergePanel::showMerge(MergeRun *merge)
{
    if (m_merge && m_merge != merge)
        m_merge->disconnect(this);
    m_merge = merge;
    m_card->dismiss();
    m_targetBar->setTarget(merge->target());
    m_view->setConversation(merge->conversation());
    connect(merge, &MergeRun::finished, this, &MergePanel::onMergeFinished, Qt::UniqueConnection);
    if (merge->isRunning() || merge->state() == history::AnswerState::Streaming) {
        m_footer->reset();
        m_footer->setState(tr("Merging…"));
    } else {
        onMergeFinished();
    }
    updateEnabled();
}

void MergePanel::onMergeFinished()
{
    if (!m_merge)
        return;
    m_view->syncStreaming();
    const LaneResult &result = m_merge->result();
    MetricsFooter::Final final;
    final.metrics = result.metrics;
    final.usage = result.chat.usage;
    final.priced = result.priced;
    final.cost = result.cost;
    final.providerCostUsd = result.chat.providerCostUsd;
    addAnswerCost(final.conversation, result);
    m_footer->showFinal(final);
    switch (m_merge->state()) {
    case history::AnswerState::Cancelled:
        m_footer->setState(tr("Stopped"));
        break;
    case history::AnswerState::Error:
        m_footer->setState(tr("Failed"));
        break;
    case history::AnswerState::Interrupted:
        m_footer->setState(tr("Interrupted"));
        break;
    default:
        m_footer->setState(tr("Done"));
        break;
    }
    if (const auto &error = result.chat.error; error && error->kind != ErrorKind::Cancelled) {
        QString title = errorTitle(error->kind);
        if (error->httpStatus > 0)
            title += tr(" (HTTP %1)").arg(error->httpStatus);
        const Provider *provider = m_services.engine->registry().find(m_merge->target().provider);
        const QString advice = provider ? errorAdvice(*error, provider->info(), AdviceFor::App) : QString();
        m_card->showCard(LaneCard::Kind::Error, title, error->message, advice);
        m_card->setRetryText(tr("Retry"), tr("Merge the answers again"));
    }
    updateEnabled();
}

void MergePanel::updateEnabled()
{
    const bool running = m_merge && m_merge->isRunning();
    const bool answered = m_comparison && m_comparison->lastTurnKey() != 0 && !m_comparison->isBusy();
    m_mergeButton->setEnabled(!running && answered);
    m_stopButton->setEnabled(running);
    m_targetBar->setTargetEditable(!running);
    if (const auto turn = m_comparison ? m_comparison->turn(m_comparison->lastTurnKey()) : std::nullopt)
        m_turnLabel->setText(tr("Answers to: %1").arg(titleFromPrompt(turn->prompt)));
    else
        m_turnLabel->setText(tr("No answers to merge yet."));
}

} // namespace versus::ui
