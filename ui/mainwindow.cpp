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
#include "lanewidget.h"
#include "messagebar.h"
#include "pricing/pricecatalog.h"
#include "secrets/keystore.h"
#include "windowactions.h"
#include "windowdialogs.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
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
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_composer(new Composer(this))
    , m_sessionCostLabel(new QLabel(this))
    , m_catalogProblems(new QLabel(this))
{
    Q_ASSERT(services.engine && services.settings);
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Versus"));

    m_splitter->setObjectName(QStringLiteral("lanes"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(6);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(4);
    connect(m_messageBar, &MessageBar::dismissed, this, &MainWindow::hideMessage);
    connect(m_messageBar, &MessageBar::actionTriggered, this, [this] {
        // Send the prompt the history could not save, without saving this conversation.
        const QString prompt = m_unsentPrompt;
        hideMessage();
        m_comparison->setSaving(false);
        if (!prompt.isEmpty()) {
            if (m_composer->text() == prompt)
                m_composer->clear();
            sendPrompt(prompt);
        }
    });
    layout->addWidget(m_messageBar);
    layout->addWidget(m_splitter, 1);
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
    connectActions();

    m_sessionCostLabel->setObjectName(QStringLiteral("sessionCost"));
    m_sessionCostLabel->setToolTip(tr("What every answer of this session cost, from the providers' token counts and "
                                      "the price catalog. \"≥\": some answers had no price; \"≈\": some token "
                                      "counts were estimated."));
    statusBar()->addPermanentWidget(m_sessionCostLabel);
    m_catalogProblems->setObjectName(QStringLiteral("catalogProblems"));
    statusBar()->addWidget(m_catalogProblems);
    QStringList problems;
    for (const CatalogProblem &problem : services.engine->catalogProblems())
        problems << problem.toString();
    for (const PriceError &error : services.engine->priceProblems())
        problems << error.toString();
    m_catalogProblems->setVisible(!problems.isEmpty());
    m_catalogProblems->setText(problems.size() == 1
                                   ? tr("⚠ 1 problem in the provider or price catalogs")
                                   : tr("⚠ %1 problems in the provider or price catalogs").arg(problems.size()));
    m_catalogProblems->setToolTip(problems.join(u'\n'));
    updateSessionCost();

    m_estimateTimer.setSingleShot(true);
    m_estimateTimer.setInterval(150ms);
    connect(&m_estimateTimer, &QTimer::timeout, this, &MainWindow::updateEstimate);
    connect(m_composer, &Composer::textChanged, this, &MainWindow::scheduleEstimate);
    connect(m_composer, &Composer::sendRequested, this, &MainWindow::sendComposerText);
    connect(m_composer, &Composer::stopRequested, this, &MainWindow::stopAll);
    connect(m_comparison, &Comparison::laneAdded, this, &MainWindow::onLaneAdded);
    connect(m_comparison, &Comparison::laneRemoved, this, &MainWindow::onLaneRemoved);
    connect(m_comparison, &Comparison::busyChanged, this, &MainWindow::updateBusy);
    connect(m_comparison, &Comparison::laneFinished, this, [this] {
        updateSessionCost();
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
    connect(&services.engine->keyStore(), &KeyStore::keyChanged, this, [this](const QString &providerId) {
        for (LaneWidget *lane : lanes()) {
            if (lane->target().provider == providerId)
                lane->recheckKey();
        }
    });

    QList<Target> targets = services.settings->laneTargets();
    if (targets.isEmpty())
        targets.append(defaultTarget());
    setLaneTargets(targets);

    if (!restoreGeometry(services.settings->windowGeometry())) {
        // Room for three lanes side by side, without covering a small screen.
        QSize size(1400, 900);
        if (const QScreen *screen = this->screen())
            size = size.boundedTo(screen->availableSize() * 0.92);
        resize(size);
    }
    restoreState(services.settings->windowState());
    m_composer->editor()->setFocus();
    updateBusy();
    showHistoryReport();
}

MainWindow::~MainWindow() = default;

QDialog *MainWindow::providerKeysDialog() const
{
    return m_keysDialog;
}

void MainWindow::connectActions()
{
    connect(m_actions.find, &QAction::triggered, this, [this] {
        m_sidebar->show();
        m_actions.sidebar->setChecked(true);
        m_sidebar->focusSearch();
    });
    connect(m_actions.sidebar, &QAction::toggled, m_sidebar, &QWidget::setVisible);
    connect(m_actions.exportMarkdown, &QAction::triggered, this,
            [this] { exportConversation(0, QStringLiteral("md")); });
    connect(m_actions.exportJson, &QAction::triggered, this, [this] { exportConversation(0, QStringLiteral("json")); });
    connect(m_actions.addLane, &QAction::triggered, this, &MainWindow::addLaneForNextProvider);
    connect(m_actions.newComparison, &QAction::triggered, this, &MainWindow::newComparison);
    connect(m_actions.send, &QAction::triggered, this, &MainWindow::sendComposerText);
    connect(m_actions.stopAll, &QAction::triggered, this, &MainWindow::stopAll);
    connect(m_actions.providerKeys, &QAction::triggered, this, [this] { openProviderKeys(); });
    connect(m_actions.metricsHelp, &QAction::triggered, this, &MainWindow::showMetricsHelp);
    connect(m_actions.about, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_actions.quit, &QAction::triggered, this, &QWidget::close);
    connect(m_actions.focusComposer, &QAction::triggered, this, [this] { m_composer->editor()->setFocus(); });
    for (int i = 0; i < m_actions.focusLane.size(); ++i)
        connect(m_actions.focusLane.at(i), &QAction::triggered, this, [this, i] { focusLane(i); });
}

QList<LaneWidget *> MainWindow::lanes() const
{
    QList<LaneWidget *> list;
    for (int i = 0; i < m_splitter->count(); ++i) {
        if (auto *lane = qobject_cast<LaneWidget *>(m_splitter->widget(i)))
            list.append(lane);
    }
    return list;
}

bool MainWindow::isBusy() const
{
    return m_comparison->isBusy();
}

Target MainWindow::defaultTarget() const
{
    for (const Provider *provider : m_services.engine->registry().providers()) {
        for (const ModelInfo &model : provider->info().models) {
            if (isChatModel(model))
                return Target{provider->id(), model.id};
        }
    }
    const auto providers = m_services.engine->registry().providers();
    return providers.isEmpty() ? Target{} : Target{providers.first()->id(), QString()};
}

Target MainWindow::nextTarget() const
{
    QStringList used;
    for (const LaneWidget *lane : lanes())
        used << lane->target().provider;
    for (const Provider *provider : m_services.engine->registry().providers()) {
        if (used.contains(provider->id()))
            continue;
        for (const ModelInfo &model : provider->info().models) {
            if (isChatModel(model))
                return Target{provider->id(), model.id};
        }
    }
    // Every provider with catalog models is in use: compare another model of the last one.
    const QList<LaneWidget *> all = lanes();
    return all.isEmpty() ? defaultTarget() : all.last()->target();
}

LaneWidget *MainWindow::addLane(const Target &target)
{
    ComparisonLane *lane = m_comparison->addLane(target);
    return lane ? widgetOf(lane) : nullptr;
}

LaneWidget *MainWindow::widgetOf(const ComparisonLane *lane) const
{
    for (LaneWidget *widget : lanes()) {
        if (widget->lane() == lane)
            return widget;
    }
    return nullptr;
}

void MainWindow::onLaneAdded(ComparisonLane *lane, int index)
{
    auto *widget = new LaneWidget(m_services, m_comparison, lane, m_splitter);
    m_splitter->insertWidget(index, widget);
    connect(widget, &LaneWidget::busyChanged, this, &MainWindow::updateBusy);
    connect(lane, &ComparisonLane::targetChanged, this, [this] {
        saveLaneTargets();
        scheduleEstimate();
    });
    connect(widget, &LaneWidget::closeRequested, this, [this, widget] { removeLane(widget); });
    connect(widget, &LaneWidget::openKeysRequested, this, &MainWindow::openProviderKeys);
    connect(widget, &LaneWidget::sendFailed, this,
            [this](const history::HistoryError &error) { showHistoryError(error, true); });
    // Lanes share the width equally when one is added.
    const int count = m_splitter->count();
    const int width = std::max(m_splitter->width(), count * widget->minimumWidth());
    m_splitter->setSizes(QList<int>(count, width / count));
    updateLaneControls();
    saveLaneTargets();
    scheduleEstimate();
}

void MainWindow::onLaneRemoved(ComparisonLane *lane)
{
    LaneWidget *widget = widgetOf(lane);
    if (!widget)
        return;
    widget->disconnect(this);
    widget->hide();
    widget->setParent(nullptr);
    widget->deleteLater();
    updateLaneControls();
    saveLaneTargets();
    updateBusy();
    scheduleEstimate();
}

void MainWindow::setLaneTargets(const QList<Target> &targets)
{
    m_comparison->replaceLanes(targets.isEmpty() ? QList<Target>{defaultTarget()} : targets);
    updateBusy();
}

void MainWindow::addLaneForNextProvider()
{
    LaneWidget *lane = addLane(nextTarget());
    lane->modelBox()->setFocus();
}

void MainWindow::removeLane(LaneWidget *lane)
{
    if (lane)
        m_comparison->removeLane(lane->lane());
}

void MainWindow::updateLaneControls()
{
    const QList<LaneWidget *> all = lanes();
    for (LaneWidget *lane : all)
        lane->setClosable(all.size() > 1);
}

void MainWindow::focusLane(int index)
{
    const QList<LaneWidget *> all = lanes();
    if (index >= 0 && index < all.size())
        all.at(index)->view()->setFocus();
}

void MainWindow::updateBusy()
{
    const bool busy = isBusy();
    m_composer->setBusy(busy);
    m_actions.stopAll->setEnabled(busy);
    m_actions.send->setEnabled(!busy);
}

void MainWindow::updateSessionCost()
{
    const CostTotals &cost = m_comparison->sessionCost();
    m_sessionCostLabel->setText(cost.isEmpty() ? tr("Session cost: nothing spent yet")
                                               : tr("Session cost: %1").arg(cost.describe()));
}

void MainWindow::scheduleEstimate()
{
    m_estimateTimer.start();
}

void MainWindow::updateEstimate()
{
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
    QList<Target> targets;
    for (const LaneWidget *lane : lanes())
        targets.append(lane->target());
    m_services.settings->setLaneTargets(targets);
}

void MainWindow::sendPrompt(const QString &text)
{
    if (text.trimmed().isEmpty() || isBusy())
        return;
    if (auto sent = m_comparison->send(text); !sent) {
        // Nothing was sent: the prompt goes back to the composer, and the bar says why.
        if (m_composer->text().isEmpty())
            m_composer->setText(text);
        m_unsentPrompt = text;
        showHistoryError(sent.error(), true);
        return;
    }
    updateBusy();
}

void MainWindow::sendComposerText()
{
    if (!m_composer->canSend() || isBusy())
        return;
    const QString text = m_composer->text();
    m_composer->clear();
    sendPrompt(text);
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
    auto record = store->conversation(id);
    if (!record) {
        showMessage(tr("The conversation cannot be read: %1").arg(record.error().message));
        return false;
    }
    const ExportFormat exportFormat = format == u"md" ? ExportFormat::Markdown : ExportFormat::Json;
    const QString suggested = suggestedExportPath(*record, exportFormat);
    const QString path =
        m_askExportPath ? m_askExportPath(suggested)
                        : QFileDialog::getSaveFileName(this, tr("Export conversation"), suggested,
                                                       exportFormat == ExportFormat::Markdown ? tr("Markdown (*.md)")
                                                                                              : tr("JSON (*.json)"));
    if (path.isEmpty())
        return false;
    if (auto written = writeConversationExport(*record, path, exportFormat); !written) {
        showMessage(tr("The export could not be written to %1: %2").arg(path, written.error()));
        return false;
    }
    statusBar()->showMessage(tr("Exported to %1").arg(path), 5000);
    return true;
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

void MainWindow::openProviderKeys(const QString &providerId)
{
    const bool created = !m_keysDialog;
    if (created)
        m_keysDialog = createProviderKeysDialog(*m_services.engine, this);
    raiseProviderKeysDialog(m_keysDialog, !created, providerId);
}

void MainWindow::showMetricsHelp()
{
    if (!m_metricsDialog)
        m_metricsDialog = createMetricsHelpDialog(this);
    m_metricsDialog->show();
    m_metricsDialog->raise();
    m_metricsDialog->activateWindow();
}

void MainWindow::showAbout()
{
    openAboutBox(this);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    stopAll();
    saveLaneTargets();
    m_services.settings->setWindowGeometry(saveGeometry());
    m_services.settings->setWindowState(saveState());
    m_services.settings->sync();
    QMainWindow::closeEvent(event);
}

} // namespace versus::ui
