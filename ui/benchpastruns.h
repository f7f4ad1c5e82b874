// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/benchrecords.h"

#include <QWidget>

#include <functional>

class QPushButton;
class QTableWidget;

namespace versus::history {
class HistoryStore;
}

namespace versus::ui {

/// The stored benchmarks (HistoryStore::benches(), newest first) in the Bench view: title,
/// when, state — one still running in another Versus process is said to be —, requests and
/// errors; "Open" shows one again (read-only), "Delete" removes one after a confirmation.
class BenchPastRuns : public QWidget {
    Q_OBJECT
public:
    enum Column { TitleColumn, StartedColumn, StateColumn, RequestsColumn, ErrorsColumn, ColumnCount };

    /// @p store (not owned, may be null: no history) must outlive the widget.
    explicit BenchPastRuns(history::HistoryStore *store, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPushButton *openButton() const { return m_open; }
    QPushButton *deleteButton() const { return m_delete; }
    /// The ids listed, top first.
    QList<qint64> ids() const;
    /// The benchmark this process runs now (0: none): its state reads "running here".
    void setLiveId(qint64 id);
    /// Selects the row of @p id; false when it is not listed.
    bool select(qint64 id);
    /// Deletes @p id after asking; false when refused, cancelled or failed (the problem is reported).
    bool deleteBench(qint64 id);

    /// Seam for tests: whether to delete (a question box unless replaced).
    void setConfirmDelete(std::function<bool(const QString &title)> confirm) { m_confirmDelete = std::move(confirm); }

public Q_SLOTS:
    void refresh();

Q_SIGNALS:
    void openRequested(qint64 id);
    void deleted(qint64 id);
    /// Reading or deleting failed: @p message says why, in words.
    void problem(const QString &message);

private:
    qint64 currentId() const;
    void updateButtons();

    history::HistoryStore *m_store;
    QTableWidget *m_table;
    QPushButton *m_open;
    QPushButton *m_delete;
    QPushButton *m_refresh;
    QList<history::BenchSummaryRecord> m_rows;
    qint64 m_liveId = 0;
    std::function<bool(const QString &)> m_confirmDelete;
};

} // namespace versus::ui
