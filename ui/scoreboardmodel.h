// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/scoreboard.h"

#include <QAbstractTableModel>
#include <QColor>

namespace versus::ui {

/// A Scoreboard as a table: a row per lane, a column per figure. Best values are bold on a
/// colour derived from the palette (setHighlight()), estimated ones start with "~", the status
/// column names the error kind, and the headers' tooltips define each figure (metricdocs).
class ScoreboardModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column {
        LaneColumn,
        StatusColumn,
        TtftColumn,
        TtfatColumn,
        SpeedColumn,
        E2eColumn,
        TokensColumn,
        CostColumn,
        FinishColumn,
        ToolCallsColumn,
        VotesColumn,
        JudgeColumn,
        ColumnCount
    };
    /// Qt::UserRole: true when the cell holds a best value.
    static constexpr int BestRole = Qt::UserRole + 1;

    explicit ScoreboardModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = QModelIndex()) const override;
    int columnCount(const QModelIndex &parent = QModelIndex()) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void setScoreboard(const Scoreboard &board);
    const Scoreboard &scoreboard() const { return m_board; }
    /// The background of best cells.
    void setHighlight(const QColor &colour);

    /// The ranked column shown in @p column, if any.
    static std::optional<ScoreColumn> rankedColumn(int column);
    /// What a cell shows (the display role).
    static QString cellText(const ScoreboardRow &row, int column);

private:
    Scoreboard m_board;
    QColor m_highlight;
};

} // namespace versus::ui
