// SPDX-License-Identifier: GPL-3.0-or-later
#include "windowactions.h"

#include "composer.h"
#include "historysidebar.h"
#include "lanestrip.h"
#include "mainwindow.h"
#include "shortcutsdialog.h"

#include <QAction>
#include <QCoreApplication>
#include <QMainWindow>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QToolBar>

namespace versus::ui {

namespace {
// The window's commands keep the window's wording.
} // namespace

WindowActions addWindowActions(QMainWindow *window)
{
    WindowActions actions;
    auto makeAction = [window](const QString &text, const char *name, const QList<QKeySequence> &keys,
                               const QString &tip) {
        auto *action = new QAction(text, window);
        action->setObjectName(QLatin1String(name));
        action->setShortcuts(keys);
        action->setShortcutContext(Qt::WindowShortcut);
        QString toolTip = tip;
        if (!keys.isEmpty())
            toolTip += QStringLiteral(" (") + keys.first().toString(QKeySequence::NativeText) + u')';
        action->setToolTip(toolTip);
        action->setStatusTip(tip);
        window->addAction(action);
        return action;
    };
    actions.addLane = makeAction(
        QCoreApplication::translate("versus::ui::MainWindow", "Add lane"), "addLaneAction",
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N)},
        QCoreApplication::translate("versus::ui::MainWindow", "Add a lane to compare one more provider or model"));
    actions.newComparison = makeAction(
        QCoreApplication::translate("versus::ui::MainWindow", "New comparison"), "newComparisonAction",
        {QKeySequence::New},
        QCoreApplication::translate("versus::ui::MainWindow", "Start over: empty every lane's conversation"));
    actions.send = makeAction(QCoreApplication::translate("versus::ui::MainWindow", "Send to all lanes"), "sendAction",
                              {QKeySequence(Qt::CTRL | Qt::Key_Return), QKeySequence(Qt::CTRL | Qt::Key_Enter)},
                              QCoreApplication::translate("versus::ui::MainWindow", "Send the prompt to every lane"));
    actions.stopAll =
        makeAction(QCoreApplication::translate("versus::ui::MainWindow", "Stop all"), "stopAllAction",
                   {QKeySequence(Qt::Key_Escape)},
                   QCoreApplication::translate("versus::ui::MainWindow", "Stop every lane; partial answers stay"));
    actions.regenerate = makeAction(
        QCoreApplication::translate("versus::ui::MainWindow", "Regenerate"), "regenerateAction",
        {QKeySequence(Qt::CTRL | Qt::Key_R)},
        QCoreApplication::translate("versus::ui::MainWindow",
                                    "Send the last prompt again to every lane: the new answers replace the last "
                                    "ones, in the window and in the history"));
    actions.providerKeys = makeAction(
        QCoreApplication::translate("versus::ui::MainWindow", "Providers && Keys…"), "providerKeysAction", {},
        QCoreApplication::translate("versus::ui::MainWindow",
                                    "API keys for each provider, kept in the system keychain"));
    actions.mcpServers =
        makeAction(QCoreApplication::translate("versus::ui::MainWindow", "MCP servers…"), "mcpServersAction", {},
                   QCoreApplication::translate("versus::ui::MainWindow",
                                               "The MCP servers that give the models tools, and their tools"));
    actions.settings = makeAction(
        QCoreApplication::translate("versus::ui::MainWindow", "Settings…"), "settingsAction",
        {QKeySequence(Qt::CTRL | Qt::Key_Comma)},
        QCoreApplication::translate("versus::ui::MainWindow", "Send key, theme, language, history location and proxy"));
    actions.customEndpoints = makeAction(
        QCoreApplication::translate("versus::ui::MainWindow", "Custom endpoints…"), "customEndpointsAction", {},
        QCoreApplication::translate("versus::ui::MainWindow",
                                    "OpenAI-compatible services of your own: proxies, gateways, servers"));
    actions.prices =
        makeAction(QCoreApplication::translate("versus::ui::MainWindow", "Prices…"), "pricesAction", {},
                   QCoreApplication::translate("versus::ui::MainWindow",
                                               "The price of every model, and your own prices where they differ"));
    actions.welcome =
        makeAction(QCoreApplication::translate("versus::ui::MainWindow", "Welcome"), "welcomeAction", {},
                   QCoreApplication::translate("versus::ui::MainWindow",
                                               "What Versus does, and the model servers running on this machine"));
    actions.metricsHelp =
        makeAction(QCoreApplication::translate("versus::ui::MainWindow", "Metrics…"), "metricsHelpAction", {},
                   QCoreApplication::translate("versus::ui::MainWindow", "How every figure is measured or estimated"));
    actions.about = makeAction(QCoreApplication::translate("versus::ui::MainWindow", "About Versus"), "aboutAction", {},
                               QCoreApplication::translate("versus::ui::MainWindow", "Version and license"));
    actions.keyboardShortcuts =
        makeAction(QCoreApplication::translate("versus::ui::MainWindow", "Keyboard shortcuts"),
                   "keyboardShortcutsAction", {QKeySequence(Qt::CTRL | Qt::Key_Slash)},
                   QCoreApplication::translate("versus::ui::MainWindow", "Every keyboard shortcut of the window"));
    actions.quit =
        makeAction(QCoreApplication::translate("versus::ui::MainWindow", "Quit"), "quitAction", {QKeySequence::Quit},
                   QCoreApplication::translate("versus::ui::MainWindow", "Quit Versus"));
    actions.find =
        makeAction(QCoreApplication::translate("versus::ui::MainWindow", "Search conversations"), "findAction",
                   {QKeySequence::Find},
                   QCoreApplication::translate("versus::ui::MainWindow",
                                               "Find words in any prompt or answer of the saved conversations"));
    actions.sidebar =
        makeAction(QCoreApplication::translate("versus::ui::MainWindow", "Conversations"), "sidebarAction",
                   {QKeySequence(Qt::CTRL | Qt::Key_B)},
                   QCoreApplication::translate("versus::ui::MainWindow", "Show or hide the saved conversations"));
    actions.sidebar->setCheckable(true);
    actions.sidebar->setChecked(true);
    actions.exportMarkdown = makeAction(
        QCoreApplication::translate("versus::ui::MainWindow", "Export as Markdown…"), "exportMarkdownAction", {},
        QCoreApplication::translate("versus::ui::MainWindow", "Write this conversation to a Markdown file"));
    actions.exportJson =
        makeAction(QCoreApplication::translate("versus::ui::MainWindow", "Export as JSON…"), "exportJsonAction", {},
                   QCoreApplication::translate("versus::ui::MainWindow", "Write this conversation to a JSON file"));
    actions.exportMarkdown->setEnabled(false);
    actions.exportJson->setEnabled(false);
    actions.attachImage = makeAction(
        QCoreApplication::translate("versus::ui::MainWindow", "Attach image…"), "attachImageAction",
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_A)},
        QCoreApplication::translate("versus::ui::MainWindow",
                                    "Attach PNG, JPEG, WebP or GIF images to the prompt (or paste or drop them)"));
    actions.toggleLaneFocus = makeAction(
        QCoreApplication::translate("versus::ui::MainWindow", "Focus lane / Show all lanes"), "toggleLaneFocusAction",
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F)},
        QCoreApplication::translate("versus::ui::MainWindow",
                                    "Give the lane that has the focus the whole width, or show every lane again"));
    actions.scoreboard =
        makeAction(QCoreApplication::translate("versus::ui::MainWindow", "Scoreboard"), "scoreboardAction",
                   {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_B)},
                   QCoreApplication::translate(
                       "versus::ui::MainWindow",
                       "Show or hide the scoreboard: every lane's figures side by side, best values marked"));
    actions.scoreboard->setCheckable(true);
    actions.scoreboard->setChecked(true);
    actions.focusComposer =
        makeAction(QCoreApplication::translate("versus::ui::MainWindow", "Go to the prompt"), "focusComposerAction",
                   {QKeySequence(Qt::CTRL | Qt::Key_L)},
                   QCoreApplication::translate("versus::ui::MainWindow", "Move the focus to the prompt box"));
    actions.blindMode =
        makeAction(QCoreApplication::translate("versus::ui::MainWindow", "Blind mode"), "blindModeAction",
                   {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_H)},
                   QCoreApplication::translate("versus::ui::MainWindow",
                                               "Hide provider and model names, in a shuffled order, until you vote"));
    actions.blindMode->setCheckable(true);
    actions.leaderboard = makeAction(
        QCoreApplication::translate("versus::ui::MainWindow", "Leaderboard"), "leaderboardAction",
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)},
        QCoreApplication::translate("versus::ui::MainWindow", "Models ranked by your votes across every comparison"));
    actions.benchmark = makeAction(
        QCoreApplication::translate("versus::ui::MainWindow", "Benchmark…"), "benchmarkAction",
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K)},
        QCoreApplication::translate("versus::ui::MainWindow",
                                    "Measure providers on your prompts: many requests, their speed, errors and cost"));

    actions.mergeAnswers =
        makeAction(QCoreApplication::translate("versus::ui::MainWindow", "Merge answers…"), "mergeAnswersAction",
                   {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M)},
                   QCoreApplication::translate("versus::ui::MainWindow",
                                               "Have a model merge the answers to the last prompt into one"));
    actions.judgeAnswers =
        makeAction(QCoreApplication::translate("versus::ui::MainWindow", "Judge answers…"), "judgeAnswersAction",
                   {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J)},
                   QCoreApplication::translate("versus::ui::MainWindow",
                                               "Have a model score the answers to the last prompt against a rubric"));

    // Ctrl+1 … Ctrl+9 move to a lane.
    for (int i = 0; i < 9; ++i) {
        auto *action =
            new QAction(QCoreApplication::translate("versus::ui::MainWindow", "Go to lane %1").arg(i + 1), window);
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        action->setShortcutContext(Qt::WindowShortcut);
        window->addAction(action);
        actions.focusLane.append(action);
    }

    QMenu *file = window->menuBar()->addMenu(QCoreApplication::translate("versus::ui::MainWindow", "&Comparison"));
    file->addAction(actions.newComparison);
    file->addAction(actions.addLane);
    file->addSeparator();
    file->addAction(actions.send);
    file->addAction(actions.stopAll);
    file->addAction(actions.regenerate);
    file->addAction(actions.mergeAnswers);
    file->addAction(actions.judgeAnswers);
    file->addAction(actions.attachImage);
    file->addAction(actions.focusComposer);
    file->addSeparator();
    file->addAction(actions.find);
    file->addAction(actions.exportMarkdown);
    file->addAction(actions.exportJson);
    file->addSeparator();
    file->addAction(actions.quit);
    QMenu *view = window->menuBar()->addMenu(QCoreApplication::translate("versus::ui::MainWindow", "&View"));
    view->addAction(actions.sidebar);
    view->addAction(actions.toggleLaneFocus);
    view->addAction(actions.scoreboard);
    view->addSeparator();
    view->addAction(actions.blindMode);
    view->addAction(actions.leaderboard);
    view->addAction(actions.benchmark);
    QMenu *settings = window->menuBar()->addMenu(QCoreApplication::translate("versus::ui::MainWindow", "&Settings"));
    settings->addAction(actions.providerKeys);
    settings->addAction(actions.customEndpoints);
    settings->addAction(actions.prices);
    settings->addAction(actions.mcpServers);
    settings->addSeparator();
    settings->addAction(actions.settings);
    QMenu *help = window->menuBar()->addMenu(QCoreApplication::translate("versus::ui::MainWindow", "&Help"));
    help->addAction(actions.welcome);
    help->addAction(actions.keyboardShortcuts);
    help->addAction(actions.metricsHelp);
    help->addAction(actions.about);

    QToolBar *toolbar = window->addToolBar(QCoreApplication::translate("versus::ui::MainWindow", "Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar"));
    toolbar->setMovable(false);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolbar->addAction(actions.addLane);
    toolbar->addAction(actions.newComparison);
    toolbar->addAction(actions.stopAll);
    toolbar->addSeparator();
    toolbar->addAction(actions.providerKeys);
    return actions;
}

void connectWindowActions(const WindowActions &actions, MainWindow *window)
{
    HistorySidebar *sidebar = window->sidebar();
    QObject::connect(actions.find, &QAction::triggered, window, [sidebar, toggle = actions.sidebar] {
        sidebar->show();
        toggle->setChecked(true);
        sidebar->focusSearch();
    });
    QObject::connect(actions.sidebar, &QAction::toggled, sidebar, &QWidget::setVisible);
    QObject::connect(actions.exportMarkdown, &QAction::triggered, window,
                     [window] { window->exportConversation(0, QStringLiteral("md")); });
    QObject::connect(actions.exportJson, &QAction::triggered, window,
                     [window] { window->exportConversation(0, QStringLiteral("json")); });
    QObject::connect(actions.addLane, &QAction::triggered, window, &MainWindow::addLaneForNextProvider);
    QObject::connect(actions.newComparison, &QAction::triggered, window, &MainWindow::newComparison);
    QObject::connect(actions.send, &QAction::triggered, window, &MainWindow::sendComposerText);
    QObject::connect(actions.stopAll, &QAction::triggered, window, &MainWindow::stopAll);
    QObject::connect(actions.regenerate, &QAction::triggered, window, &MainWindow::regenerateAll);
    QObject::connect(actions.mergeAnswers, &QAction::triggered, window, &MainWindow::openMergePanel);
    QObject::connect(actions.judgeAnswers, &QAction::triggered, window, &MainWindow::openJudgeDialog);
    QObject::connect(actions.providerKeys, &QAction::triggered, window, [window] { window->openProviderKeys(); });
    QObject::connect(actions.mcpServers, &QAction::triggered, window, &MainWindow::openMcpServers);
    QObject::connect(actions.settings, &QAction::triggered, window,
                     [window] { window->openSettings(SettingsDialog::Page::General); });
    QObject::connect(actions.customEndpoints, &QAction::triggered, window,
                     [window] { window->openSettings(SettingsDialog::Page::CustomEndpoints); });
    QObject::connect(actions.prices, &QAction::triggered, window,
                     [window] { window->openSettings(SettingsDialog::Page::Prices); });
    QObject::connect(actions.welcome, &QAction::triggered, window, &MainWindow::showWelcome);
    QObject::connect(actions.metricsHelp, &QAction::triggered, window, &MainWindow::showMetricsHelp);
    QObject::connect(actions.about, &QAction::triggered, window, &MainWindow::showAbout);
    QObject::connect(actions.keyboardShortcuts, &QAction::triggered, window, [window] { showShortcutsDialog(window); });
    QObject::connect(actions.quit, &QAction::triggered, window, &QWidget::close);
    QObject::connect(actions.attachImage, &QAction::triggered, window,
                     [window] { window->composer()->chooseImages(); });
    QObject::connect(actions.focusComposer, &QAction::triggered, window,
                     [window] { window->composer()->editor()->setFocus(); });
    QObject::connect(actions.toggleLaneFocus, &QAction::triggered, window,
                     [window] { window->laneStrip()->toggleFocusOfCurrentLane(); });
    for (int i = 0; i < actions.focusLane.size(); ++i)
        QObject::connect(actions.focusLane.at(i), &QAction::triggered, window,
                         [window, i] { window->laneStrip()->focusLane(i); });
}

} // namespace versus::ui
