// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDateTime>
#include <QDialog>

#include <functional>

class QComboBox;
class QLabel;
class QTableWidget;

namespace versus::history {
class HistoryStore;
}

namespace versus::ui {

/// The leaderboard across every stored comparison (View → Leaderboard): per model, the rank,
/// the Bradley–Terry rating with its 95 % confidence interval, the votes, wins, losses, ties
/// and "all bad" votes, and a "few votes" mark while there are too few to call it; filtered by
/// period (all time, the last 7 or 30 days) and by a turn's tag.
class LeaderboardView : public QDialog {
    Q_OBJECT
public:
    enum Column { Rank, Model, Rating, Votes, Wins, Losses, Ties, AllBad, Confidence, ColumnCount };

    /// @p store (not owned) must outlive the view; null shows that there is no history.
    explicit LeaderboardView(history::HistoryStore *store, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QComboBox *periodBox() const { return m_period; }
    QComboBox *tagBox() const { return m_tag; }
    /// What "now" is for the periods (a seam for tests); the clock by default.
    void setClock(std::function<QDateTime()> now) { m_now = std::move(now); }

public Q_SLOTS:
    /// Reads the votes again (a vote was cast, a filter changed).
    void refresh();

private:
    void refreshTags();

    history::HistoryStore *m_store;
    QComboBox *m_period;
    QComboBox *m_tag;
    QTableWidget *m_table;
    QLabel *m_summary;
    std::function<QDateTime()> m_now;
};

} // namespace versus::ui
