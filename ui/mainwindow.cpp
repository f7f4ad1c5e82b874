// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "appsettings.h"
#include "composer.h"
#include "conversationexporter.h"
#include "conversationview.h"
#include "engine/engine.h"
#include "estimatesummary.h"
#include "history/historystore.h"
#include "historymessages.h"
#include "historysidebar.h"
#include "imageintake.h"
#include "lanestrip.h"
#include "lanewidget.h"
#include "liveworkspace.h"
#include "mcp/hubtools.h"
#include "messagebar.h"
#include "pricing/pricecatalog.h"
#include "sessionstatus.h"
#include "welcomeview.h"
#include "windowactions.h"
#include "windowbench.h"
#include "windowdialogs.h"
#include "windowverdicts.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDropEvent>
#include <QFileDialog>
#include <QLabel>
#include <QPlainTextEdit>
#include <QScreen>
#include <QSplitter>
#include <QStatusBar>
#include <QVBoxLayout>

using namespace std::chrono_literals;

namespace versus::ui {

MainWindow::MainWindow(const AppServices &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_comparison(new Comparison(*services.engine, this))
    , m_sidebar(new HistorySidebar(services.engine->history(), this))
    , m_sideSplitter(new QSplitter(Qt::Horizontal, this))
    , m_messageBar(new MessageBar(this))
    , m_splitter(new LaneStrip(services, m_comparison, this))
    , m_composer(new Composer(this))
{
    Q_ASSERT(services.engine && services.settings);
    m_comparison->setExternalTools(services.engine->mcpTools()); // null when no MCP is loaded
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Versus"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(4);
    connect(m_messageBar, &MessageBar::dismissed, this, &MainWindow::hideMessage);
    connect(m_messageBar, &MessageBar::actionTriggered, this, &MainWindow::sendUnsaved);
    layout->addWidget(m_messageBar);
    layout->addWidget(installScoreboard(), 1);
    layout->addWidget(m_composer);
    m_sidebar->setMinimumWidth(180);
    m_sideSplitter->setObjectName(QStringLiteral("sideSplitter"));
    m_sideSplitter->setChildrenCollapsible(false);
    m_sideSplitter->addWidget(m_sidebar);
    m_sideSplitter->addWidget(central);
    m_sideSplitter->setStretchFactor(0, 0);
    m_sideSplitter->setStretchFactor(1, 1);
    m_sideSplitter->setSizes({260, 1140});
    setCentralWidget(m_sideSplitter);

    m_actions = addWindowActions(this);
    connectWindowActions(m_actions, this);
    connectScoreboard();

    m_status = new SessionStatus(statusBar(), *services.engine, *m_comparison);
    new WindowVerdicts(this, layout, services); // vote bar, blind mode, leaderboard
    new WindowBench(this, services);            // View → Benchmark…

    m_estimateTimer.setSingleShot(true);
    m_estimateTimer.setInterval(150ms);
    connect(&m_estimateTimer, &QTimer::timeout, this, &MainWindow::updateEstimate);
    connect(m_composer, &Composer::textChanged, this, &MainWindow::scheduleEstimate);
    connect(m_composer, &Composer::imagesChanged, this, &MainWindow::updateImageSkips);
    connect(m_composer, &Composer::attachFailed, this, [this](const QString &message) { showMessage(message); });
    connect(m_composer, &Composer::sendRequested, this, &MainWindow::sendComposerText);
    connect(m_composer, &Composer::stopRequested, this, &MainWindow::stopAll);
    connect(m_splitter, &LaneStrip::lanesChanged, this, [this] {
        saveLaneTargets();
        scheduleEstimate();
        updateImageSkips();
    });
    connect(m_splitter, &LaneStrip::busyChanged, this, &MainWindow::updateBusy);
    connect(m_splitter, &LaneStrip::openKeysRequested, this, &MainWindow::openProviderKeys);
    connect(m_splitter, &LaneStrip::sendToLaneRequested, this, &MainWindow::sendComposerTextTo);
    connect(m_composer, &Composer::systemPromptEdited, this, [this](const QString &prompt) {
        m_services.settings->setDefaultSystemPrompt(prompt);
        m_comparison->setDefaultSystemPrompt(prompt);
        scheduleEstimate();
    });
    // Regenerate, edit and "send to this lane" failures: nothing was sent, and there is no
    // composer prompt to offer sending without saving (an edited prompt goes back to the composer).
    connect(m_splitter, &LaneStrip::sendFailed, this,
            [this](const history::HistoryError &error) { showHistoryError(error, false); });
    connect(m_splitter, &LaneStrip::editNotSent, this, [this](const QString &prompt) {
        if (m_composer->text().trimmed().isEmpty())
            m_composer->setText(prompt);
    });
    connect(m_comparison, &Comparison::busyChanged, this, [this](bool busy) {
        if (busy)
            hideWelcome(); // however the prompt was sent (Ctrl+Enter, --demo-prompt, Ctrl+R)
    });
    connect(m_comparison, &Comparison::busyChanged, this, &MainWindow::updateBusy);
    connect(m_comparison, &Comparison::laneFinished, this, [this] {
        m_status->updateCost();
        scheduleEstimate();
    });
    connect(m_comparison, &Comparison::conversationChanged, this, [this] {
        const QString title = m_comparison->title();
        setWindowTitle(title.isEmpty() ? tr("Versus") : tr("%1 — Versus").arg(title));
        m_sidebar->refresh();
        m_sidebar->setCurrentConversation(m_comparison->conversationId());
        const bool saved = m_comparison->conversationId() > 0;
        m_actions.exportMarkdown->setEnabled(saved);
        m_actions.exportJson->setEnabled(saved);
    });
    connect(m_sidebar, &HistorySidebar::openRequested, this,
            [this](qint64 id, qint64 turnId) { openConversation(id, turnId); });
    connect(m_sidebar, &HistorySidebar::renamed, this, [this](qint64 id, const QString &title) {
        if (id == m_comparison->conversationId())
            m_comparison->setTitle(title);
    });
    connect(m_sidebar, &HistorySidebar::deleteRequested, this, &MainWindow::deleteConversation);
    connect(m_sidebar, &HistorySidebar::exportRequested, this, &MainWindow::exportConversation);
    connect(m_comparison, &Comparison::historyFailed, this,
            [this](const history::HistoryError &error) { showHistoryError(error, false); });

    applyComposerSettings();
    connect(this, &MainWindow::sendKeyChanged, this, &MainWindow::applyComposerSettings);
    // First start: no lanes saved and no conversation kept yet.
    bool firstStart = services.settings->laneTargets().isEmpty();
    if (history::HistoryStore *store = services.engine->history(); store && firstStart) {
        const auto conversations = store->conversations();
        firstStart = conversations && conversations->isEmpty();
    }
    connect(m_composer, &Composer::sendRequested, this, &MainWindow::hideWelcome);
    setLaneTargets(services.settings->laneTargets()); // the catalog's first chat model when none
    if (firstStart)
        showWelcome();
    m_live = new LiveWorkspace(services, this); // after the lanes: the last model set may replace them

    if (!restoreGeometry(services.settings->windowGeometry())) {
        // Room for three lanes side by side, without covering a small screen.
        QSize size(1400, 900);
        if (const QScreen *screen = this->screen())
            size = size.boundedTo(screen->availableSize() * 0.92);
        resize(size);
    }
    restoreState(services.settings->windowState());
    // After the lanes exist: a lane strip's state holds one width per lane.
    m_sideSplitter->restoreState(services.settings->sideSplitterState());
    m_splitter->restoreState(services.settings->laneSplitterState());
    setAcceptDrops(true); // image files dropped anywhere on the window go with the prompt
    m_composer->editor()->setFocus();
    updateBusy();
    showHistoryReport();
}

MainWindow::~MainWindow() = default;

QList<LaneWidget *> MainWindow::lanes() const
{
    return m_splitter->lanes();
}

bool MainWindow::isBusy() const
{
    return m_comparison->isBusy();
}

LaneWidget *MainWindow::addLane(const Target &target)
{
    ComparisonLane *lane = m_comparison->addLane(target);
    return lane ? m_splitter->widgetOf(lane) : nullptr;
}

void MainWindow::setLaneTargets(const QList<Target> &targets)
{
    m_comparison->replaceLanes(targets.isEmpty() ? QList<Target>{defaultLaneTarget(m_services.engine->registry())}
                                                 : targets);
    updateBusy();
}

void MainWindow::addLaneForNextProvider()
{
    QList<Target> inUse;
    for (const LaneWidget *lane : lanes())
        inUse.append(lane->target());
    if (LaneWidget *lane = addLane(nextLaneTarget(m_services.engine->registry(), inUse)))
        lane->modelBox()->setFocus();
    else
        statusBar()->showMessage(tr("A comparison has at most %1 lanes.").arg(Comparison::kMaxLanes), 5000);
}

void MainWindow::updateBusy()
{
    const bool busy = isBusy();
    m_composer->setBusy(busy);
    m_actions.stopAll->setEnabled(busy);
    m_actions.send->setEnabled(!busy);
    m_actions.regenerate->setEnabled(!busy);
}

void MainWindow::regenerateAll()
{
    if (auto sent = m_comparison->regenerate(); !sent)
        showHistoryError(sent.error(), false);
}

void MainWindow::scheduleEstimate()
{
    m_estimateTimer.start();
}

void MainWindow::updateImageSkips()
{
    const QList<LaneSkip> skips = m_comparison->imageSkips(m_composer->images());
    for (LaneWidget *lane : lanes()) {
        const auto skip =
            std::find_if(skips.cbegin(), skips.cend(), [lane](const LaneSkip &s) { return s.lane == lane->lane(); });
        const Provider *provider = lane->provider();
        const QString name = provider ? provider->info().displayName : lane->target().provider;
        lane->setImageSkipNote(skip == skips.cend()
                                   ? QString()
                                   : tr("%1 on %2 cannot see images: this lane will be skipped when you send.")
                                         .arg(lane->target().model, name));
    }
}

void MainWindow::updateEstimate()
{
    updateImageSkips(); // a lane's model may have changed
    const QString prompt = m_composer->text();
    if (prompt.trimmed().isEmpty()) {
        m_composer->setEstimate(QString(), QString());
        return;
    }
    const EstimateSummary summary = summarizeEstimates(m_comparison->estimate(prompt));
    m_composer->setEstimate(summary.text, summary.toolTip);
}

void MainWindow::saveLaneTargets()
{
    // The comparison's order, not the strip's: blind mode shows the lanes shuffled.
    QList<Target> targets;
    for (const ComparisonLane *lane : m_comparison->lanes())
        targets.append(lane->target());
    m_services.settings->setLaneTargets(targets);
}

void MainWindow::sendPrompt(const QString &text)
{
    sendPrompt(text, {});
}

void MainWindow::applyComposerSettings()
{
    m_composer->setSendWithCtrlEnter(m_services.settings->sendKey() == u"ctrl-enter");
    const QString systemPrompt = m_services.settings->defaultSystemPrompt();
    m_composer->setSystemPrompt(systemPrompt);
    m_comparison->setDefaultSystemPrompt(systemPrompt);
    scheduleEstimate();
}

bool MainWindow::sendPrompt(const QString &text, const QList<ImageInput> &images)
{
    return sendPromptTo(text, images, nullptr);
}

bool MainWindow::sendPromptTo(const QString &text, const QList<ImageInput> &images, ComparisonLane *onlyLane)
{
    if ((text.trimmed().isEmpty() && images.isEmpty()) || isBusy())
        return false;
    const qsizetype receivers = onlyLane ? 1 : lanes().size();
    if (!images.isEmpty() && m_comparison->imageSkips(images, onlyLane).size() == receivers) {
        showMessage(onlyLane ? tr("This lane's model cannot see images. Choose a model with the V badge, or remove "
                                  "the images.")
                             : tr("No lane's model can see images. Choose a model with the V badge, or remove the "
                                  "images."));
        return false;
    }
    if (auto sent = m_comparison->send(text, images, onlyLane); !sent) {
        // Nothing was sent: the prompt stays in (or goes back to) the composer, and the bar says why.
        if (m_composer->text().isEmpty() && m_composer->images().isEmpty()) {
            m_composer->setText(text);
            m_composer->addImages(images);
        }
        m_unsentPrompt = text;
        m_unsentImages = images;
        showHistoryError(sent.error(), true);
        return false;
    }
    updateBusy();
    return true;
}

void MainWindow::sendUnsaved()
{
    // The prompt the history could not save, sent this once without saving it.
    const QString prompt = m_unsentPrompt;
    const QList<ImageInput> images = m_unsentImages;
    hideMessage();
    if (prompt.isEmpty() && images.isEmpty())
        return;
    if (m_composer->text() == prompt && m_composer->images() == images)
        m_composer->clear();
    m_comparison->setSaving(false);
    sendPrompt(prompt, images);
    m_comparison->setSaving(true);
}

void MainWindow::sendComposerText()
{
    if (!m_composer->canSend() || isBusy())
        return;
    // Cleared only once sent: when the history cannot save it, text and images stay.
    if (sendPrompt(m_composer->text(), m_composer->images()))
        m_composer->clear();
}

void MainWindow::sendComposerTextTo(ComparisonLane *lane)
{
    if (!lane || !m_composer->canSend() || isBusy())
        return;
    if (sendPromptTo(m_composer->text(), m_composer->images(), lane))
        m_composer->clear();
}

void MainWindow::stopAll()
{
    m_comparison->stopAll();
}

void MainWindow::newComparison()
{
    m_comparison->newConversation();
    m_composer->editor()->setFocus();
    scheduleEstimate();
}

bool MainWindow::exportConversation(qint64 conversationId, const QString &format)
{
    history::HistoryStore *store = m_services.engine->history();
    const qint64 id = conversationId ? conversationId : m_comparison->conversationId();
    if (!store || id == 0)
        return false;
    const auto written = exportConversationTo(this, *store, id, format, m_askExportPath);
    if (!written)
        showMessage(written.error());
    else if (!written->isEmpty())
        statusBar()->showMessage(tr("Exported to %1").arg(*written), 5000);
    return written && !written->isEmpty();
}

bool MainWindow::deleteConversation(qint64 conversationId)
{
    history::HistoryStore *store = m_services.engine->history();
    if (!store || conversationId == 0)
        return false;
    if (conversationId == m_comparison->conversationId()) {
        if (isBusy()) {
            showMessage(tr("Stop the running answers (Esc) before deleting this conversation."));
            return false;
        }
        m_comparison->newConversation();
    }
    if (auto deleted = store->deleteConversation(conversationId); !deleted) {
        showMessage(tr("The conversation could not be deleted: %1").arg(deleted.error().message));
        return false;
    }
    m_sidebar->refresh();
    return true;
}

bool MainWindow::openConversation(qint64 conversationId, qint64 turnId)
{
    if (isBusy()) {
        showMessage(tr("Stop the running answers (Esc) before opening another conversation."));
        return false;
    }
    if (auto opened = m_comparison->open(conversationId); !opened) {
        showMessage(tr("The conversation cannot be opened: %1").arg(opened.error().message));
        return false;
    }
    hideMessage();
    for (LaneWidget *lane : lanes()) {
        const LaneConversation *model = lane->conversation();
        for (int row = 0; turnId && row < model->rowCount(); ++row) {
            if (model->turn(row).turnId == turnId)
                lane->view()->scrollToTurn(row);
        }
    }
    m_composer->editor()->setFocus();
    scheduleEstimate();
    return true;
}

void MainWindow::showMessage(const QString &text, const QString &actionText)
{
    m_messageBar->showMessage(text, actionText);
}

void MainWindow::hideMessage()
{
    m_messageBar->hide();
    m_unsentPrompt.clear();
    m_unsentImages.clear();
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (offersImages(event->mimeData()))
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    if (!offersImages(event->mimeData()))
        return;
    event->acceptProposedAction();
    m_composer->attachMimeData(event->mimeData());
    m_composer->editor()->setFocus();
}

void MainWindow::showHistoryError(const history::HistoryError &error, bool nothingSent)
{
    const QString path =
        m_services.engine->history() ? m_services.engine->history()->path() : history::HistoryStore::defaultPath();
    showMessage(historySaveErrorText(error, path, nothingSent), nothingSent ? tr("Send without saving") : QString());
}

void MainWindow::showHistoryReport()
{
    Engine &engine = *m_services.engine;
    if (const auto &error = engine.historyError()) {
        showMessage(historyUnavailableText(*error, history::HistoryStore::defaultPath()));
        m_comparison->setSaving(false);
        return;
    }
    if (const auto &report = engine.historyReport(); report && !report->movedAsideTo.isEmpty())
        showMessage(historyMovedAsideText(*report));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    stopAll();
    saveLaneTargets();
    m_services.settings->setWindowGeometry(saveGeometry());
    m_services.settings->setWindowState(saveState());
    m_services.settings->setSideSplitterState(m_sideSplitter->saveState());
    m_services.settings->setLaneSplitterState(m_splitter->saveState());
    saveScoreboardState();
    m_services.settings->sync();
    QMainWindow::closeEvent(event);
}

} // namespace versus::ui
