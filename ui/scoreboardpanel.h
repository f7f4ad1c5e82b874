// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/scoreboard.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <expected>
#include <functional>

class QComboBox;
class QPushButton;
class QTableView;

namespace versus {
class Comparison;
}

namespace versus::ui {

class ScoreboardChart;
class ScoreboardModel;

/// The comparison's scoreboard under the lanes (objectName "scoreboard"): a turn chooser
/// ("scoreboardTurn": the whole comparison or one turn; it follows the latest turn until the user
/// picks one), the table ("scoreboardTable") and bar charts of TTFT, decode speed and cost
/// ("ttftChart", "speedChart", "costChart"), and exports of what it shows (CSV, Markdown, PNG).
/// It is rebuilt when a lane finishes, a verdict or the blind mode changes, or lanes come and go,
/// at most a few times a second, never per token.
class ScoreboardPanel : public QWidget {
    Q_OBJECT
public:
    enum class ExportFormat { Csv, Markdown, Png };
    /// Asks where to write an export: the suggested path and the file dialog's filter; an empty
    /// answer cancels.
    using AskPath = std::function<QString(const QString &suggested, const QString &filter)>;

    explicit ScoreboardPanel(Comparison *comparison, QWidget *parent = nullptr);

    void setAskPath(AskPath ask) { m_askPath = std::move(ask); }
    const Scoreboard &scoreboard() const;
    /// The turn shown: 0 for the whole comparison.
    qint64 shownTurn() const { return m_shownKey; }
    /// Shows the turn with @p key (0: the whole comparison) as if the user had picked it.
    void showTurn(qint64 key);
    /// Rebuilds now (normally throttled).
    void refresh();

    /// Writes what the panel shows to @p path (readable by the user only). Why not, when it could not.
    std::expected<void, QString> writeExport(ExportFormat format, const QString &path) const;
    /// Asks for a path and writes the export there; the path written, empty when cancelled.
    std::expected<QString, QString> exportTo(ExportFormat format);

Q_SIGNALS:
    /// An export was written (for the status bar), or could not be.
    void exported(const QString &path);
    void exportFailed(const QString &message);

private:
    void scheduleRefresh();
    void rebuildTurns();
    void updateCharts();
    void onTurnActivated(int index);
    QString title() const;

    QPointer<Comparison> m_comparison;
    QComboBox *m_turns;
    QTableView *m_table;
    ScoreboardModel *m_model;
    QWidget *m_body; ///< the table and charts: what the PNG export shows
    ScoreboardChart *m_ttftChart;
    ScoreboardChart *m_speedChart;
    ScoreboardChart *m_costChart;
    QPushButton *m_exportCsv;
    QPushButton *m_exportMarkdown;
    QPushButton *m_exportPng;
    QTimer m_refreshTimer;
    AskPath m_askPath;
    qint64 m_shownKey = 0;
    bool m_followLatest = true;
};

} // namespace versus::ui
