// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>

class QAction;
class QMainWindow;

namespace versus::ui {

/// The commands of the Versus window, each a QAction of the window (object name
/// "<command>Action", shortcut in its tooltip), in its menus and tool bar. Owned by the window;
/// what they do is connected by it.
struct WindowActions {
    QAction *addLane = nullptr;
    QAction *newComparison = nullptr;
    QAction *send = nullptr;
    QAction *stopAll = nullptr;
    QAction *regenerate = nullptr; ///< Ctrl+R: every lane's last answer again (replacing it)
    QAction *focusComposer = nullptr;
    QAction *attachImage = nullptr; ///< Ctrl+Shift+A: image files to send with the prompt
    QAction *find = nullptr;
    QAction *exportMarkdown = nullptr; ///< disabled until the conversation is saved
    QAction *exportJson = nullptr;     ///< disabled until the conversation is saved
    QAction *quit = nullptr;
    QAction *sidebar = nullptr;         ///< checkable: the conversations sidebar is shown
    QAction *toggleLaneFocus = nullptr; ///< Ctrl+Shift+F: the current lane alone, or all lanes again
    QAction *scoreboard = nullptr;      ///< Ctrl+Shift+B, checkable: the scoreboard under the lanes
    QAction *providerKeys = nullptr;
    QAction *mcpServers = nullptr;
    QAction *settings = nullptr;        ///< Settings → General (and the other pages)
    QAction *customEndpoints = nullptr; ///< Settings → Custom endpoints
    QAction *prices = nullptr;          ///< Settings → Prices
    QAction *welcome = nullptr;         ///< Help → Welcome
    QAction *metricsHelp = nullptr;
    QAction *about = nullptr;
    QAction *blindMode = nullptr;    ///< Ctrl+Shift+H, checkable: names hidden until the vote (windowverdicts.cpp)
    QAction *leaderboard = nullptr;  ///< Ctrl+Shift+L: models ranked by the votes (windowverdicts.cpp)
    QAction *mergeAnswers = nullptr; ///< Ctrl+Shift+M: the merge panel beside the lanes
    QAction *judgeAnswers = nullptr; ///< Ctrl+Shift+J: a judge model scores the last answers
    QAction *benchmark = nullptr;    ///< Ctrl+Shift+K: the Bench view (windowbench.cpp)
    QList<QAction *> focusLane;      ///< Ctrl+1 … Ctrl+9
    /// Help → Keyboard shortcuts: the list of every shortcut.
    QAction *keyboardShortcuts = nullptr;
};

/// Creates the actions in @p window, with its menu bar and its "mainToolBar".
WindowActions addWindowActions(QMainWindow *window);

class MainWindow;
/// Connects @p actions to what they do in @p window.
void connectWindowActions(const WindowActions &actions, MainWindow *window);

} // namespace versus::ui
