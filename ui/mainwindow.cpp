// SPDX-License-Identifier: GPL-3.0-or-later
#include "mainwindow.h"

#include "appsettings.h"
#include "composer.h"
#include "conversationview.h"
#include "lanewidget.h"
#include "metrics/metricdocs.h"
#include "pricing/pricecatalog.h"
#include "providers/modellistkeycheck.h"
#include "safetextbrowser.h"
#include "secrets/keystore.h"
#include "settings/providerkeyspage.h"

#include <QAction>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenuBar>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QScreen>
#include <QScrollArea>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QVBoxLayout>

using namespace std::chrono_literals;

namespace versus::ui {

MainWindow::MainWindow(const AppServices &services, QWidget *parent)
    : QMainWindow(parent)
    , m_services(services)
    , m_splitter(new QSplitter(Qt::Horizontal, this))
    , m_composer(new Composer(this))
    , m_sessionCostLabel(new QLabel(this))
    , m_catalogProblems(new QLabel(this))
{
    Q_ASSERT(services.network && services.registry && services.prices && services.keyStore && services.keyResolver &&
             services.settings);
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Versus"));

    m_splitter->setObjectName(QStringLiteral("lanes"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(6);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);
    layout->setSpacing(4);
    layout->addWidget(m_splitter, 1);
    layout->addWidget(m_composer);
    setCentralWidget(central);

    createActions();

    m_sessionCostLabel->setObjectName(QStringLiteral("sessionCost"));
    m_sessionCostLabel->setToolTip(tr("What every answer of this session cost, from the providers' token counts and "
                                      "the price catalog. \"≥\": some answers had no price; \"≈\": some token "
                                      "counts were estimated."));
    statusBar()->addPermanentWidget(m_sessionCostLabel);
    m_catalogProblems->setObjectName(QStringLiteral("catalogProblems"));
    statusBar()->addWidget(m_catalogProblems);
    QStringList problems;
    for (const CatalogProblem &problem : services.registry->problems())
        problems << problem.toString();
    for (const PriceError &error : services.prices->errors())
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
    connect(services.keyStore, &KeyStore::keyChanged, this, [this](const QString &providerId) {
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
}

MainWindow::~MainWindow() = default;

QDialog *MainWindow::providerKeysDialog() const
{
    return m_keysDialog;
}

void MainWindow::createActions()
{
    auto makeAction = [this](const QString &text, const char *name, const QList<QKeySequence> &keys,
                             const QString &tip) {
        auto *action = new QAction(text, this);
        action->setObjectName(QLatin1String(name));
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        QString toolTip = tip;
        if (!keys.isEmpty())
            toolTip += QStringLiteral(" (") + keys.first().toString(QKeySequence::NativeText) + u')';
        action->setToolTip(toolTip);
        action->setStatusTip(tip);
        addAction(action);
        return action;
    };
    m_addLaneAction = makeAction(tr("Add lane"), "addLaneAction", {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)},
                                 tr("Add a lane to compare one more provider or model"));
    m_newComparisonAction = makeAction(tr("New comparison"), "newComparisonAction", {QKeySequence::New},
                                       tr("Start over: empty every lane's conversation"));
    m_sendAction = makeAction(tr("Send to all lanes"), "sendAction",
                              {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
                              tr("Send the prompt to every lane"));
    m_stopAllAction = makeAction(tr("Stop all"), "stopAllAction", {QKeySequence(Qt::Key_Escape)},
                                 tr("Stop every lane; partial answers stay"));
    m_keysAction = makeAction(tr("Providers && Keys…"), "providerKeysAction", {},
                              tr("API keys for each provider, kept in the system keychain"));
    m_metricsAction =
        makeAction(tr("Metrics…"), "metricsHelpAction", {}, tr("How every figure is measured or estimated"));
    m_aboutAction = makeAction(tr("About Versus"), "aboutAction", {}, tr("Version and license"));
    m_quitAction = makeAction(tr("Quit"), "quitAction", {QKeySequence::Quit}, tr("Quit Versus"));
    auto *focusComposer = makeAction(tr("Go to the prompt"), "focusComposerAction",
                                     {QKeySequence(Qt::CTRL | Qt::Key_L)}, tr("Move the focus to the prompt box"));

    connect(m_addLaneAction, &QAction::triggered, this, &MainWindow::addLaneForNextProvider);
    connect(m_newComparisonAction, &QAction::triggered, this, &MainWindow::newComparison);
    connect(m_sendAction, &QAction::triggered, this, &MainWindow::sendComposerText);
    connect(m_stopAllAction, &QAction::triggered, this, &MainWindow::stopAll);
    connect(m_keysAction, &QAction::triggered, this, [this] { openProviderKeys(); });
    connect(m_metricsAction, &QAction::triggered, this, &MainWindow::showMetricsHelp);
    connect(m_aboutAction, &QAction::triggered, this, &MainWindow::showAbout);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    connect(focusComposer, &QAction::triggered, this, [this] { m_composer->editor()->setFocus(); });

    // Ctrl+1 … Ctrl+9 move to a lane.
    for (int i = 0; i < 9; ++i) {
        auto *action = new QAction(this);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        action->setShortcutContext(Qt::WindowShortcut);
        connect(action, &QAction::triggered, this, [this, i] { focusLane(i); });
        addAction(action);
    }

    QMenu *file = menuBar()->addMenu(tr("&Comparison"));
    file->addAction(m_newComparisonAction);
    file->addAction(m_addLaneAction);
    file->addSeparator();
    file->addAction(m_sendAction);
    file->addAction(m_stopAllAction);
    file->addAction(focusComposer);
    file->addSeparator();
    file->addAction(m_quitAction);
    QMenu *settings = menuBar()->addMenu(tr("&Settings"));
    settings->addAction(m_keysAction);
    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(m_metricsAction);
    help->addAction(m_aboutAction);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(m_addLaneAction);
    toolbar->addAction(m_newComparisonAction);
    toolbar->addAction(m_stopAllAction);
    toolbar->addSeparator();
    toolbar->addAction(m_keysAction);
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
    const QList<LaneWidget *> all = lanes();
    return std::any_of(all.begin(), all.end(), [](const LaneWidget *lane) { return lane->isBusy(); });
}

Target MainWindow::defaultTarget() const
{
    for (const Provider *provider : m_services.registry->providers()) {
        for (const ModelInfo &model : provider->info().models) {
            if (isChatModel(model))
                return Target{provider->id(), model.id};
        }
    }
    const auto providers = m_services.registry->providers();
    return providers.isEmpty() ? Target{} : Target{providers.first()->id(), QString()};
}

Target MainWindow::nextTarget() const
{
    QStringList used;
    for (const LaneWidget *lane : lanes())
        used << lane->target().provider;
    for (const Provider *provider : m_services.registry->providers()) {
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
    auto *lane = new LaneWidget(m_services, target, m_splitter);
    m_splitter->addWidget(lane);
    connect(lane, &LaneWidget::busyChanged, this, &MainWindow::updateBusy);
    connect(lane, &LaneWidget::targetChanged, this, [this] {
        saveLaneTargets();
        scheduleEstimate();
    });
    connect(lane, &LaneWidget::closeRequested, this, [this, lane] { removeLane(lane); });
    connect(lane, &LaneWidget::openKeysRequested, this, &MainWindow::openProviderKeys);
    connect(lane, &LaneWidget::answerFinished, this, [this](const CostTotals &cost) {
        m_sessionCost.add(cost);
        updateSessionCost();
        scheduleEstimate();
    });
    // Lanes share the width equally when one is added.
    const int count = m_splitter->count();
    const int width = std::max(m_splitter->width(), count * lane->minimumWidth());
    m_splitter->setSizes(QList<int>(count, width / count));
    updateLaneControls();
    saveLaneTargets();
    scheduleEstimate();
    return lane;
}

void MainWindow::setLaneTargets(const QList<Target> &targets)
{
    for (LaneWidget *lane : lanes()) {
        lane->disconnect(this);
        lane->stop();
        lane->hide();
        lane->setParent(nullptr);
        lane->deleteLater();
    }
    for (const Target &target : targets)
        addLane(target);
    if (lanes().isEmpty())
        addLane(defaultTarget());
    updateBusy();
}

void MainWindow::addLaneForNextProvider()
{
    LaneWidget *lane = addLane(nextTarget());
    lane->modelBox()->setFocus();
}

void MainWindow::removeLane(LaneWidget *lane)
{
    if (lanes().size() <= 1 || !lanes().contains(lane))
        return;
    lane->disconnect(this);
    lane->stop();
    lane->hide();
    lane->setParent(nullptr);
    lane->deleteLater();
    updateLaneControls();
    saveLaneTargets();
    updateBusy();
    scheduleEstimate();
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
    m_stopAllAction->setEnabled(busy);
    m_sendAction->setEnabled(!busy);
}

void MainWindow::updateSessionCost()
{
    m_sessionCostLabel->setText(m_sessionCost.isEmpty() ? tr("Session cost: nothing spent yet")
                                                        : tr("Session cost: %1").arg(m_sessionCost.describe()));
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
    qint64 low = 0;
    qint64 high = 0;
    bool bounded = true;
    int unpriced = 0;
    int priced = 0;
    QStringList details;
    for (const LaneWidget *lane : lanes()) {
        const Target target = lane->target();
        const LaneWidget::SendEstimate estimate = lane->sendEstimate(prompt);
        if (!estimate.priced || !estimate.estimate) {
            ++unpriced;
            details << tr("%1: no price").arg(target.toString());
            continue;
        }
        ++priced;
        const CostEstimate &e = *estimate.estimate;
        low += e.minMicroUsd;
        if (e.maxMicroUsd)
            high += *e.maxMicroUsd;
        else
            bounded = false;
        details << tr("%1: %2 – %3 (prompt ~%4 tokens%5)")
                       .arg(target.toString(), formatUsd(e.minMicroUsd),
                            e.maxMicroUsd ? formatUsd(*e.maxMicroUsd) : tr("no upper bound"))
                       .arg(estimate.promptTokens)
                       .arg(e.maxOutputTokens > 0 ? tr(", up to %1 output tokens").arg(e.maxOutputTokens) : QString());
    }
    const QString noPrice = unpriced == 1 ? tr("no price for 1 lane") : tr("no price for %1 lanes").arg(unpriced);
    QString text;
    if (priced > 0) {
        text = bounded ? tr("≈ %1–%2").arg(formatUsd(low), formatUsd(high)) : tr("≈ %1 or more").arg(formatUsd(low));
        if (unpriced > 0)
            text += QStringLiteral(", ") + noPrice;
    } else if (unpriced > 0) {
        text = noPrice;
    }
    const QString tip = tr("Before sending: the low end bills the estimated prompt (this lane's conversation "
                           "included) at the input price with no output; the high end adds as many output tokens "
                           "as the model may write. Cached prompt tokens can make the real cost lower.") +
                        QStringLiteral("\n\n") + details.join(u'\n');
    m_composer->setEstimate(text.isEmpty() ? QString() : tr("Estimated cost: %1").arg(text), tip);
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
    for (LaneWidget *lane : lanes())
        lane->send(text);
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
    for (LaneWidget *lane : lanes())
        lane->stop();
}

void MainWindow::newComparison()
{
    for (LaneWidget *lane : lanes())
        lane->clearConversation();
    m_composer->editor()->setFocus();
    scheduleEstimate();
}

void MainWindow::openProviderKeys(const QString &providerId)
{
    if (!m_keysDialog) {
        QList<KeyedProvider> providers;
        for (const Provider *provider : m_services.registry->providers()) {
            const ProviderInfo &info = provider->info();
            if (info.keyRequired)
                providers.append(KeyedProvider{info.id, info.displayName, info.keyEnvVar, info.keyRequired});
        }
        auto *dialog = new QDialog(this);
        dialog->setObjectName(QStringLiteral("providerKeysDialog"));
        dialog->setWindowTitle(tr("Providers & Keys"));
        auto *page = new ProviderKeysPage(m_services.keyStore, providers, dialog);
        page->setKeyCheck(net::modelListKeyCheck(*m_services.network, *m_services.registry));
        auto *scroll = new QScrollArea(dialog);
        scroll->setWidgetResizable(true);
        scroll->setFrameShape(QFrame::NoFrame);
        scroll->setWidget(page);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
        auto *layout = new QVBoxLayout(dialog);
        layout->addWidget(scroll, 1);
        layout->addWidget(buttons);
        // Wide enough for the key entries to show a whole masked key beside the row's buttons.
        QSize size(1080, 420);
        if (const QScreen *screen = this->screen())
            size = size.boundedTo(screen->availableSize() * 0.9);
        dialog->resize(size);
        m_keysDialog = dialog;
    } else if (auto *page = m_keysDialog->findChild<ProviderKeysPage *>()) {
        page->refresh();
    }
    m_keysDialog->show();
    m_keysDialog->raise();
    m_keysDialog->activateWindow();
    if (!providerId.isEmpty()) {
        if (auto *entry = m_keysDialog->findChild<QLineEdit *>(QStringLiteral("entry_") + providerId))
            entry->setFocus();
    }
}

void MainWindow::showMetricsHelp()
{
    if (!m_metricsDialog) {
        auto *dialog = new QDialog(this);
        dialog->setObjectName(QStringLiteral("metricsHelp"));
        dialog->setWindowTitle(tr("Metrics"));
        auto *browser = new SafeTextBrowser(dialog);
        browser->setObjectName(QStringLiteral("metricsText"));
        QString html = QStringLiteral("<h3>") + tr("How Versus measures").toHtmlEscaped() + QStringLiteral("</h3><p>") +
                       tr("All times come from one monotonic clock; t0 is when the request is handed to the network. "
                          "Figures the provider reports are shown beside Versus' own measurements, never instead "
                          "of them. A \"~\" marks a figure computed from estimated token counts.")
                           .toHtmlEscaped() +
                       QStringLiteral("</p>");
        for (MetricId id : kAllMetricIds) {
            html += QStringLiteral("<h4>") + metricName(id).toHtmlEscaped() + QStringLiteral("</h4><p><code>") +
                    metricFormula(id).toHtmlEscaped() + QStringLiteral("</code></p><p>") +
                    metricDescription(id).toHtmlEscaped() + QStringLiteral("<br/><i>") +
                    tr("Source: %1").arg(metricOriginName(metricOrigin(id))).toHtmlEscaped() +
                    QStringLiteral("</i></p>");
        }
        browser->setHtml(html);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
        connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
        auto *layout = new QVBoxLayout(dialog);
        layout->addWidget(browser, 1);
        layout->addWidget(buttons);
        dialog->resize(640, 700);
        m_metricsDialog = dialog;
    }
    m_metricsDialog->show();
    m_metricsDialog->raise();
    m_metricsDialog->activateWindow();
}

void MainWindow::showAbout()
{
    auto *box = new QMessageBox(QMessageBox::Information, tr("About Versus"),
                                tr("Versus %1\n\nCompare LLM API providers side by side: one prompt to several "
                                   "models at once, with live speed, token counts and cost. API keys stay in the "
                                   "system keychain.\n\nLicense: GNU GPL version 3 or later.")
                                    .arg(QStringLiteral(VERSUS_VERSION)),
                                QMessageBox::Close, this);
    box->setObjectName(QStringLiteral("aboutBox"));
    box->setTextFormat(Qt::PlainText);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
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
