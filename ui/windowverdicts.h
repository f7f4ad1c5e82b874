// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appservices.h"

#include <QObject>
#include <QPointer>

class QBoxLayout;

namespace versus::ui {

class LeaderboardView;
class MainWindow;
class VoteBar;

/// The window's verdicts: the vote bar above the composer, blind mode (View → Blind mode:
/// lanes named "Lane A", "Lane B", … in the turn's shuffled order, their target bars hidden,
/// until the vote; remembered in AppSettings) and the leaderboard (View → Leaderboard).
class WindowVerdicts : public QObject {
    Q_OBJECT
public:
    /// Puts the vote bar in @p layout just above the window's composer and connects the
    /// window's blind-mode and leaderboard actions.
    WindowVerdicts(MainWindow *window, QBoxLayout *layout, const AppServices &services);

    VoteBar *voteBar() const { return m_voteBar; }
    /// The leaderboard, opened (or raised) and refreshed.
    LeaderboardView *showLeaderboard();

private:
    /// Lane headers and order as blind mode wants them now.
    void applyBlind();

    MainWindow *m_window;
    AppServices m_services;
    VoteBar *m_voteBar;
    QPointer<LeaderboardView> m_leaderboard;
};

} // namespace versus::ui
