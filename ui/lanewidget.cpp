// SPDX-License-Identifier: GPL-3.0-or-later
#include "lanewidget.h"

#include "conversationview.h"
#include "editpromptdialog.h"
#include "engine/engine.h"
#include "imagepreview.h"
#include "lanecard.h"
#include "laneparameterspopover.h"
#include "lanetoolsdialog.h"
#include "mcp/hub.h"
#include "metrics/tokenestimator.h"
#include "metricsfooter.h"
#include "pricing/pricecatalog.h"
#include "providers/chatstream.h"
#include "secrets/keyresolver.h"
#include "theme.h"
#include "toolaskpanel.h"
#include "tooltracerender.h"
#include "wording/erroradvice.h"

#include <QApplication>
#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>

using namespace std::chrono_literals;

namespace versus::ui {

namespace {
// ~30 repaints a second of the live figures.
constexpr auto kFlushInterval = 33ms;
} // namespace

LaneWidget::LaneWidget(const AppServices &services, Comparison *comparison, ComparisonLane *lane, QWidget *parent)
    : QFrame(parent)
    , m_services(services)
    , m_comparison(comparison)
    , m_lane(lane)
    , m_targetBar(new LaneTargetBar(services.engine->registry(), this))
    , m_view(new ConversationView(this))
    , m_card(new LaneCard(this))
    , m_footer(new MetricsFooter(this))
    , m_askPanel(new ToolAskPanel(this))
    , m_toolSummary(new QLabel(this))
    , m_imageNote(new QLabel(this))
{
    Q_ASSERT(services.engine && comparison && lane);
    setObjectName(QStringLiteral("lane"));
    setFrameShape(QFrame::StyledPanel);
    setMinimumWidth(300);

    m_view->setObjectName(QStringLiteral("conversation"));
    m_view->setConversation(lane->conversation());

    m_toolSummary->setObjectName(QStringLiteral("toolSummary"));
    m_toolSummary->setTextFormat(Qt::PlainText);
    m_toolSummary->setWordWrap(true);
    m_toolSummary->hide();

    // Not an error: the lane's model cannot see the images of the prompt (about to be sent, or sent).
    m_imageNote->setObjectName(QStringLiteral("imageNote"));
    m_imageNote->setTextFormat(Qt::PlainText);
    m_imageNote->setWordWrap(true);
    m_imageNote->setAutoFillBackground(true);
    m_imageNote->setContentsMargins(8, 4, 8, 4);
    followPalette(m_imageNote, [this] {
        QPalette notePalette = m_imageNote->palette();
        const bool dark = isDark(QApplication::palette());
        notePalette.setColor(QPalette::Window, dark ? QColor(0x2d, 0x3a, 0x4a) : QColor(0xe8, 0xf0, 0xfb));
        notePalette.setColor(QPalette::WindowText, dark ? QColor(0xc9, 0xd8, 0xea) : QColor(0x24, 0x3b, 0x55));
        m_imageNote->setPalette(notePalette);
    });
    m_imageNote->hide();

    auto *cardBox = new QVBoxLayout;
    cardBox->setContentsMargins(8, 0, 8, 4);
    cardBox->addWidget(m_askPanel);
    cardBox->addWidget(m_card);
    cardBox->addWidget(m_toolSummary);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(1, 1, 1, 1);
    layout->setSpacing(0);
    layout->addWidget(m_targetBar);
    layout->addWidget(m_imageNote);
    layout->addWidget(m_view, 1);
    layout->addLayout(cardBox);
    layout->addWidget(m_footer);

    m_flushTimer.setInterval(kFlushInterval);
    m_flushTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_flushTimer, &QTimer::timeout, this, [this] {
        flush();
        // The next figures come right after the view's next sync when one is due: this lane
        // redraws in one frame, and lanes streaming together keep the frames FramePacer gave
        // their views instead of adding frames of their own.
        const int viewDue = m_view->syncDueInMs();
        m_flushTimer.setInterval(viewDue >= 0 && viewDue < int(kFlushInterval.count()) ? 1ms * (viewDue + 1)
                                                                                       : kFlushInterval);
    });

    showTarget();
    setUpContinuation();

    connect(m_targetBar, &LaneTargetBar::targetEdited, this, &LaneWidget::onTargetEdited);
    connect(m_targetBar, &LaneTargetBar::closeRequested, this, &LaneWidget::closeRequested);
    connect(m_targetBar, &LaneTargetBar::toolsRequested, this, &LaneWidget::editTools);
    connect(m_targetBar, &LaneTargetBar::parametersRequested, this, &LaneWidget::editParameters);
    connect(m_targetBar, &LaneTargetBar::sendHereRequested, this, &LaneWidget::sendHereRequested);
    connect(m_targetBar, &LaneTargetBar::focusToggleRequested, this, &LaneWidget::focusToggleRequested);
    connect(m_card, &LaneCard::actionTriggered, this, [this] { Q_EMIT openKeysRequested(this->target().provider); });
    connect(m_card, &LaneCard::retryTriggered, this, &LaneWidget::regenerate);
    connect(m_view, &ConversationView::regenerateRequested, this, &LaneWidget::regenerate);
    connect(m_view, &ConversationView::editRequested, this, &LaneWidget::editPrompt);
    connect(comparison, &Comparison::regenerateFailed, this, [this](ComparisonLane *failed, const LaneResult &result) {
        if (failed != m_lane || !result.chat.error)
            return;
        showAnswerError(*result.chat.error);
        m_footer->setState(tr("Regenerating failed: the previous answer is kept"));
    });
    // An error card says the provider's words only once blind mode shows the names.
    connect(comparison, &Comparison::blindChanged, this, [this] {
        if (m_cardPurpose == CardPurpose::Answer && m_shownError)
            showAnswerError(*m_shownError);
    });
    connect(lane, &ComparisonLane::targetChanged, this, [this] {
        if (target().provider != m_lane->target().provider || target().model != m_lane->target().model)
            showTarget();
    });
    connect(lane, &ComparisonLane::runStarted, this, &LaneWidget::onRunStarted);
    connect(lane, &ComparisonLane::turnFinished, this, &LaneWidget::onTurnFinished);
    connect(lane, &ComparisonLane::busyChanged, this, [this](bool busy) {
        updateEnabled();
        Q_EMIT busyChanged(busy);
    });
    connect(lane->conversation(), &QAbstractItemModel::modelReset, this, [this] {
        m_skippedNote.clear();
        showImageNote();
        showLastTurn();
    });
    connect(comparison, &Comparison::laneSkipped, this, [this](ComparisonLane *skipped, const QString &message) {
        if (skipped != m_lane)
            return;
        // The comparison's sentence names the lane by its target; here the lane is known.
        const Provider *p = provider();
        m_skippedNote = tr("Not sent: %1 on %2 cannot see images, so this lane skipped the last prompt.")
                            .arg(target().model, p ? p->info().displayName : target().provider);
        m_imageNote->setToolTip(message);
        showImageNote();
    });
    connect(m_view, &ConversationView::imageActivated, this, [this](const ImageInput &image) {
        auto *preview = new ImagePreview(image, this);
        preview->setAttribute(Qt::WA_DeleteOnClose);
        preview->open();
    });

    showLastTurn();
    showToolSettings();
    showParameters();
    recheckKey();
}

void LaneWidget::editParameters()
{
    const Provider *p = provider();
    if (!m_comparison || isBusy() || !p)
        return;
    if (m_parametersPopover)
        m_parametersPopover->close();
    auto *popover = new LaneParametersPopover(*p, target().model, m_lane->parameters(), this);
    popover->setAttribute(Qt::WA_DeleteOnClose);
    popover->setWindowFlags(Qt::Popup); // closes on a click elsewhere, like a popover
    m_parametersPopover = popover;
    connect(popover, &LaneParametersPopover::applied, this, [this](const ProviderConfig &parameters) {
        if (m_comparison)
            m_comparison->setLaneParameters(m_lane, parameters);
        showParameters();
    });
    QWidget *anchor = m_targetBar->parametersButton();
    popover->adjustSize();
    popover->move(anchor->mapToGlobal(QPoint(0, anchor->height())));
    popover->show();
}

void LaneWidget::showParameters()
{
    const ProviderConfig &parameters = m_lane->parameters();
    m_targetBar->setParameterChips(parameterChips(parameters), parameterChipsToolTip(parameters));
}

void LaneWidget::editTools()
{
    if (!m_comparison || isBusy())
        return;
    QStringList mcpServers;
    if (const mcp::Hub *hub = m_services.engine->mcpHub()) {
        for (const mcp::Client *client : hub->clients())
            mcpServers << client->config().name;
    }
    auto *dialog = new LaneToolsDialog(m_services.engine->registry(), m_comparison, m_lane, mcpServers, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, &LaneWidget::showToolSettings);
    dialog->open();
}

void LaneWidget::showToolSettings()
{
    const ProviderConfig &parameters = m_lane->parameters();
    m_targetBar->setToolsSummary(int(m_lane->tools().tools().size()), !parameters.responseSchema.isEmpty(),
                                 int(parameters.serverTools.size()));
}

LaneWidget::~LaneWidget()
{
    if (m_run)
        m_run->disconnect(this);
}

Target LaneWidget::target() const
{
    return m_targetBar->target();
}

const Provider *LaneWidget::provider() const
{
    return m_targetBar->provider();
}

void LaneWidget::showTarget()
{
    m_targetBar->setTarget(m_lane->target());
    updatePlaceholder();
}

void LaneWidget::onTargetEdited(bool providerChanged)
{
    updatePlaceholder();
    if (m_comparison && !m_comparison->setLaneTarget(m_lane, target())) {
        showTarget(); // refused while the lane is busy: show what it asks
        return;
    }
    if (providerChanged) {
        dismissCard(CardPurpose::Key);
        recheckKey();
    }
}

void LaneWidget::updatePlaceholder()
{
    const Target t = target();
    const Provider *p = provider();
    const QString providerName = p ? p->info().displayName : t.provider;
    if (t.model.isEmpty()) {
        m_view->setPlaceholderText(
            tr("This lane asks %1: pick or type one of its models in the box above, then write a "
               "prompt below and send it.")
                .arg(providerName));
    } else {
        m_view->setPlaceholderText(tr("Write a prompt below and send it: it goes to every lane at once.\n\n"
                                      "This lane asks %1 on %2.")
                                       .arg(t.model, providerName));
    }
}

void LaneWidget::setClosable(bool closable)
{
    m_targetBar->setClosable(closable);
}

void LaneWidget::updateEnabled()
{
    m_targetBar->setTargetEditable(!isBusy());
}

void LaneWidget::dismissCard(CardPurpose purpose)
{
    if (m_cardPurpose == purpose && purpose != CardPurpose::None) {
        m_card->dismiss();
        m_cardPurpose = CardPurpose::None;
    }
}

void LaneWidget::recheckKey()
{
    const Provider *p = provider();
    if (!p || !p->info().keyRequired) {
        dismissCard(CardPurpose::Key);
        return;
    }
    const quint64 generation = ++m_keyCheckGeneration;
    const QString providerId = p->id();
    m_services.engine->keyResolver().resolve(
        providerId, p->info().keyEnvVar, this, [this, generation, providerId](KeyResult result) {
            if (generation != m_keyCheckGeneration || providerId != target().provider)
                return;
            if (result.hasKey())
                dismissCard(CardPurpose::Key);
            else if (m_cardPurpose != CardPurpose::Answer)
                showKeyCard(result);
        });
}

void LaneWidget::regenerate()
{
    if (!m_comparison || isBusy())
        return;
    if (auto sent = m_comparison->regenerate(m_lane); !sent)
        Q_EMIT sendFailed(sent.error());
}

void LaneWidget::editPrompt(int row)
{
    if (!m_comparison || row < 0 || row >= conversation()->rowCount())
        return;
    if (m_comparison->isBusy()) {
        m_footer->setState(tr("Stop the running answers to edit a prompt"));
        return;
    }
    // The window owns the dialog: resending may replace this lane (the branch gets lanes of its own).
    auto *dialog = new EditPromptDialog(conversation()->turn(row).prompt, m_comparison->isSaving(), window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<ComparisonLane> lane = m_lane;
    QPointer<LaneWidget> self = this;
    connect(dialog, &QDialog::accepted, m_comparison.data(), [comparison = m_comparison, lane, self, dialog, row] {
        if (!comparison || !lane)
            return;
        if (auto sent = comparison->editAndResend(lane, row, dialog->prompt()); !sent && self) {
            Q_EMIT self->sendFailed(sent.error());
            Q_EMIT self->editNotSent(dialog->prompt());
        }
    });
    dialog->open();
}

void LaneWidget::send(const QString &prompt)
{
    if (!m_comparison || isBusy())
        return;
    if (auto sent = m_comparison->send(prompt, m_lane); !sent)
        Q_EMIT sendFailed(sent.error());
}

void LaneWidget::onRunStarted(LaneRun *run)
{
    m_run = run;
    m_skippedNote.clear();
    showImageNote();
    dismissCard(CardPurpose::Answer);
    dismissCard(CardPurpose::Key);
    m_ttftMs.reset();
    m_footer->startAnswer();
    m_footer->setState(tr("Looking up the key…"));
    connect(run, &LaneRun::phaseChanged, this, [this](LaneRun::Phase phase) {
        if (phase == LaneRun::Phase::Streaming) {
            m_footer->setState(tr("Sending…"));
            m_flushTimer.start();
            flush();
        }
    });
    connect(run, &LaneRun::retrying, this, [this](int retry, double delaySeconds, const ChatError &why) {
        m_footer->setState(tr("%1 — retry %2 in %3 s")
                               .arg(errorTitle(why.kind))
                               .arg(retry)
                               .arg(QLocale().toString(delaySeconds, 'f', 1)),
                           why.message);
    });
    connect(run, &LaneRun::roundStarted, this, [this](int number) {
        if (number > 1)
            m_footer->setState(tr("Round %1 of the tool loop…").arg(number));
        m_flushTimer.start();
    });
    connect(run, &LaneRun::toolCallsPending, this, [this] {
        m_flushTimer.stop();
        m_footer->setState(tr("Waiting for your tool result"),
                           tr("The model called a tool that asks you: answer it under the conversation."));
    });
    connect(run, &LaneRun::roundFinished, this, [this, run](int) {
        LaneResult partial;
        partial.toolRounds = run->rounds();
        showToolSummary(partial);
    });
    m_askPanel->setRun(run);
    m_toolSummary->hide();
    if (run->phase() == LaneRun::Phase::Streaming) {
        m_flushTimer.start();
        flush();
    }
}

void LaneWidget::flush()
{
    const ChatStream *stream = m_run ? m_run->stream() : nullptr;
    if (!stream)
        return;
    const StreamTimeline &timeline = stream->timeline();
    MetricsFooter::Live live;
    if (timeline.started()) {
        live.elapsedMs = double(timeline.nowNs() - timeline.startNs()) / 1e6;
        if (!m_ttftMs && timeline.tokenChunkCount() > 0)
            m_ttftMs = stream->metrics().ttftMs;
        live.ttftMs = m_ttftMs;
        live.liveTokensPerS = timeline.liveTokensPerS();
        if (timeline.tokenChunkCount() > 0)
            live.estimatedTokens = timeline.estimatedUsage().completionTokens;
    }
    m_footer->showLive(live);
}

void LaneWidget::stop()
{
    if (m_comparison)
        m_comparison->stop(m_lane);
}

void LaneWidget::onTurnFinished(int row)
{
    m_flushTimer.stop();
    std::optional<KeyResult> keyProblem;
    if (m_run)
        keyProblem = m_run->keyProblem();
    m_run = nullptr;
    LaneConversation *model = m_lane->conversation();
    if (row < 0 || row >= model->rowCount())
        return; // the conversation was emptied while this answer streamed
    const LaneTurn &turn = model->turn(row);
    const ChatResult &result = turn.result.chat;
    const Provider *p = provider();
    const QString name = p ? p->info().displayName : target().provider;

    if (keyProblem) {
        m_view->setNote(row, keyProblem->succeeded() ? tr("Not sent: no key for %1.").arg(name)
                                                     : tr("Not sent: the key for %1 cannot be read.").arg(name));
        showKeyCard(*keyProblem);
        m_card->setRetryText(tr("Retry"), tr("Send this turn again once the key is stored"));
        m_footer->setState(tr("Not sent"));
        return;
    }
    if (result.error && result.error->kind == ErrorKind::Config && !turn.result.sentAt.isValid() &&
        target().model.isEmpty()) {
        m_cardPurpose = CardPurpose::Answer;
        m_card->showCard(LaneCard::Kind::Warning, tr("Choose a model"),
                         tr("Type the id of one of %1's models in the box at the top of this lane.").arg(name));
        m_footer->setState(tr("Not sent"));
        return;
    }
    showLastTurn();
    if (result.error && result.error->kind != ErrorKind::Cancelled)
        showAnswerError(*result.error);
}

void LaneWidget::showLastTurn()
{
    LaneConversation *model = m_lane->conversation();
    if (model->rowCount() == 0) {
        m_footer->reset();
        m_toolSummary->hide();
        return;
    }
    const LaneTurn &turn = model->turn(model->rowCount() - 1);
    if (turn.state == history::AnswerState::Streaming)
        return;
    const LaneResult &result = turn.result;
    showToolSummary(result);
    MetricsFooter::Final final;
    final.metrics = result.metrics;
    final.usage = result.chat.usage;
    final.priced = result.priced;
    final.cost = result.cost;
    final.providerCostUsd = result.chat.providerCostUsd;
    final.conversation = m_lane->cost();
    final.rateLimit = result.chat.rateLimit;
    m_footer->showFinal(final);
    QString state = tr("Done");
    switch (turn.state) {
    case history::AnswerState::Cancelled:
        state = tr("Stopped");
        break;
    case history::AnswerState::Error:
    case history::AnswerState::Truncated:
        state = result.toolRoundLimitReached ? tr("Stopped at the tool-round limit") : tr("Failed");
        break;
    case history::AnswerState::Interrupted:
        state = tr("Interrupted");
        break;
    case history::AnswerState::Streaming:
    case history::AnswerState::Complete:
        break;
    }
    // The model the provider says answered; not while blind mode hides the names.
    const QString answeredBy = m_comparison && m_comparison->namesHidden() ? QString() : result.chat.model;
    m_footer->setState(
        state, answeredBy.isEmpty() || answeredBy == result.model ? QString() : tr("Answered by %1").arg(answeredBy));
}

} // namespace versus::ui
