// SPDX-License-Identifier: GPL-3.0-or-later
#include "lanewidget.h"

#include "conversationview.h"
#include "engine/engine.h"
#include "imagepreview.h"
#include "lanecard.h"
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
    connect(&m_flushTimer, &QTimer::timeout, this, &LaneWidget::flush);

    showTarget();

    connect(m_targetBar, &LaneTargetBar::targetEdited, this, &LaneWidget::onTargetEdited);
    connect(m_targetBar, &LaneTargetBar::closeRequested, this, &LaneWidget::closeRequested);
    connect(m_targetBar, &LaneTargetBar::toolsRequested, this, &LaneWidget::editTools);
    connect(m_card, &LaneCard::actionTriggered, this, [this] { Q_EMIT openKeysRequested(this->target().provider); });
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
    recheckKey();
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

void LaneWidget::showToolSummary(const LaneResult &result)
{
    QStringList parts;
    QStringList tips;
    if (!result.toolRounds.isEmpty())
        parts << tr("Tools: %1").arg(toolTraceSummary(result.toolRounds, result.toolRoundLimitReached));
    if (result.structuredOutput) {
        const tools::StructuredOutputCheck &check = *result.structuredOutput;
        parts << (check.valid ? tr("Structured output: ✓ valid") : tr("Structured output: ✗ invalid"));
        if (!check.jsonError.isEmpty())
            tips << check.jsonError;
        for (const tools::SchemaError &error : check.errors)
            tips << tools::formatSchemaError(error);
    }
    m_toolSummary->setText(parts.join(QStringLiteral("   ")));
    m_toolSummary->setToolTip(tips.join(u'\n'));
    const bool invalid = result.structuredOutput && !result.structuredOutput->valid;
    m_toolSummary->setProperty("invalid", invalid);
    QPalette palette = m_toolSummary->parentWidget()->palette();
    if (invalid) {
        const bool dark = palette.color(QPalette::Window).lightnessF() < 0.5;
        palette.setColor(QPalette::WindowText, dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xc6, 0x28, 0x28));
    }
    m_toolSummary->setPalette(palette);
    m_toolSummary->setVisible(!parts.isEmpty());
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
            tr("This lane asks %1: type the id of one of its models in the box above, then write a "
               "prompt below and press Ctrl+Enter.")
                .arg(providerName));
    } else {
        m_view->setPlaceholderText(tr("Write a prompt below and press Ctrl+Enter: it goes to every lane at once.\n\n"
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

void LaneWidget::showKeyCard(const KeyResult &result)
{
    const Provider *p = provider();
    if (!p)
        return;
    const ProviderInfo &info = p->info();
    m_cardPurpose = CardPurpose::Key;
    if (result.succeeded()) {
        m_card->showCard(LaneCard::Kind::Warning, tr("No key for %1").arg(info.displayName),
                         tr("Store a %1 API key in Providers & Keys, or set %2 before starting Versus.")
                             .arg(info.displayName, info.keyEnvVar),
                         QString(), tr("Open Providers && Keys"));
    } else {
        m_card->showCard(LaneCard::Kind::Warning, tr("The key for %1 cannot be read").arg(info.displayName),
                         keyStatusMessage(result), QString(), tr("Open Providers && Keys"));
    }
}

void LaneWidget::showAnswerError(const ChatError &error)
{
    const Provider *p = provider();
    m_cardPurpose = CardPurpose::Answer;
    QString title = errorTitle(error.kind);
    if (error.httpStatus > 0)
        title += tr(" (HTTP %1)").arg(error.httpStatus);
    const QString advice = p ? errorAdvice(error, p->info(), AdviceFor::App) : QString();
    const bool keyProblem = error.kind == ErrorKind::Auth;
    m_card->showCard(LaneCard::Kind::Error, title, error.message, advice,
                     keyProblem ? tr("Open Providers && Keys") : QString());
}

void LaneWidget::send(const QString &prompt)
{
    if (!m_comparison || isBusy())
        return;
    if (auto sent = m_comparison->send(prompt, m_lane); !sent)
        Q_EMIT sendFailed(sent.error());
}

void LaneWidget::setImageSkipNote(const QString &note)
{
    m_willSkipNote = note;
    showImageNote();
}

void LaneWidget::showImageNote()
{
    // Before sending, what will happen; after, what happened to the turn just sent.
    const QString note = !m_willSkipNote.isEmpty() ? m_willSkipNote : m_skippedNote;
    m_imageNote->setText(note);
    m_imageNote->setVisible(!note.isEmpty());
}

void LaneWidget::onRunStarted(LaneRun *run)
{
    m_run = run;
    m_skippedNote.clear();
    showImageNote();
    dismissCard(CardPurpose::Answer);
    dismissCard(CardPurpose::Key);
    m_ttftMs.reset();
    m_footer->setState(tr("Looking up the key…"));
    connect(run, &LaneRun::phaseChanged, this, [this](LaneRun::Phase phase) {
        if (phase == LaneRun::Phase::Streaming) {
            m_footer->setState(tr("Sending…"));
            m_flushTimer.start();
            flush();
        }
    });
    connect(run, &LaneRun::retrying, this, [this](int retry, double delaySeconds, const ChatError &why) {
        m_footer->setState(
            tr("%1 — retry %2 in %3 s").arg(errorTitle(why.kind)).arg(retry).arg(delaySeconds, 0, 'f', 1), why.message);
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
    const QString answeredBy = result.chat.model;
    m_footer->setState(
        state, answeredBy.isEmpty() || answeredBy == result.model ? QString() : tr("Answered by %1").arg(answeredBy));
}

} // namespace versus::ui
