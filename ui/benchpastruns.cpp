// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchpastruns.h"

#include "history/historystore.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace versus::ui {

namespace {

QTableWidgetItem *cell(const QString &text, bool number = false)
{
    auto *item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    item->setTextAlignment(number ? Qt::AlignRight | Qt::AlignVCenter : Qt::AlignLeft | Qt::AlignVCenter);
    return item;
}

} // namespace

BenchPastRuns::BenchPastRuns(history::HistoryStore *store, QWidget *parent)
    : QWidget(parent)
    , m_store(store)
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_open(new QPushButton(tr("&Open"), this))
    , m_delete(new QPushButton(tr("&Delete…"), this))
    , m_refresh(new QPushButton(tr("Re&fresh"), this))
{
    setObjectName(QStringLiteral("benchPastRuns"));
    m_table->setObjectName(QStringLiteral("benchPastRunsTable"));
    m_table->setHorizontalHeaderLabels({tr("Benchmark"), tr("Started"), tr("State"), tr("Requests"), tr("Errors")});
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(TitleColumn, QHeaderView::Stretch);
    m_open->setObjectName(QStringLiteral("benchOpenPast"));
    m_open->setToolTip(tr("Show this benchmark's figures again (read-only)"));
    m_delete->setObjectName(QStringLiteral("benchDeletePast"));
    m_refresh->setObjectName(QStringLiteral("benchRefreshPast"));
    m_confirmDelete = [this](const QString &title) {
        return QMessageBox::question(this, tr("Delete benchmark"),
                                     tr("Delete the benchmark \"%1\" and every request it measured? This cannot be "
                                        "undone.")
                                         .arg(title),
                                     QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel) == QMessageBox::Yes;
    };

    connect(m_open, &QPushButton::clicked, this, [this] {
        if (const qint64 id = currentId())
            Q_EMIT openRequested(id);
    });
    connect(m_table, &QTableWidget::cellActivated, this, [this](int row, int) {
        if (row >= 0 && row < m_rows.size())
            Q_EMIT openRequested(m_rows.at(row).id);
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        if (const qint64 id = currentId())
            deleteBench(id);
    });
    connect(m_refresh, &QPushButton::clicked, this, &BenchPastRuns::refresh);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &BenchPastRuns::updateButtons);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_open);
    buttons->addWidget(m_delete);
    buttons->addStretch();
    buttons->addWidget(m_refresh);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    refresh();
}

QList<qint64> BenchPastRuns::ids() const
{
    QList<qint64> ids;
    for (const history::BenchSummaryRecord &row : m_rows)
        ids << row.id;
    return ids;
}

void BenchPastRuns::setLiveId(qint64 id)
{
    m_liveId = id;
    refresh();
}

bool BenchPastRuns::select(qint64 id)
{
    const int row = int(ids().indexOf(id));
    if (row < 0)
        return false;
    m_table->selectRow(row);
    return true;
}

void BenchPastRuns::refresh()
{
    const qint64 selected = currentId();
    m_rows.clear();
    m_table->setRowCount(0);
    if (!m_store) {
        m_table->setEnabled(false);
        m_table->setToolTip(tr("There is no history: benchmarks are not stored"));
        updateButtons();
        return;
    }
    const auto benches = m_store->benches();
    if (!benches) {
        Q_EMIT problem(tr("The stored benchmarks cannot be read: %1").arg(benches.error().message));
        updateButtons();
        return;
    }
    m_rows = *benches;
    m_table->setRowCount(int(m_rows.size()));
    const QLocale locale;
    for (int row = 0; row < m_rows.size(); ++row) {
        const history::BenchSummaryRecord &b = m_rows.at(row);
        QString title = b.title.isEmpty() ? b.targets.join(QStringLiteral(", ")) : b.title;
        QTableWidgetItem *titleItem = cell(title);
        titleItem->setToolTip(b.targets.join(u'\n'));
        m_table->setItem(row, TitleColumn, titleItem);
        m_table->setItem(row, StartedColumn, cell(locale.toString(b.createdAt.toLocalTime(), QLocale::ShortFormat)));
        QString state;
        switch (b.state) {
        case history::BenchRecord::State::Running:
            state = b.id == m_liveId ? tr("running here") : tr("running in another Versus");
            break;
        case history::BenchRecord::State::Finished:
            state = tr("finished");
            break;
        case history::BenchRecord::State::Cancelled:
            state = tr("stopped");
            break;
        case history::BenchRecord::State::Interrupted:
            state = tr("interrupted");
            break;
        }
        QTableWidgetItem *stateItem = cell(state);
        if (b.state == history::BenchRecord::State::Interrupted)
            stateItem->setToolTip(tr("Versus ended while it ran: the requests that finished were kept"));
        m_table->setItem(row, StateColumn, stateItem);
        m_table->setItem(row, RequestsColumn, cell(QString::number(b.sampleCount), true));
        m_table->setItem(row, ErrorsColumn, cell(QString::number(b.errorCount), true));
    }
    if (selected)
        select(selected);
    updateButtons();
}

bool BenchPastRuns::deleteBench(qint64 id)
{
    const int row = int(ids().indexOf(id));
    if (!m_store || row < 0)
        return false;
    const history::BenchSummaryRecord &b = m_rows.at(row);
    if (b.state == history::BenchRecord::State::Running) {
        Q_EMIT problem(tr("This benchmark is still running; stop it first."));
        return false;
    }
    const QString title = b.title.isEmpty() ? b.targets.join(QStringLiteral(", ")) : b.title;
    if (!m_confirmDelete(title))
        return false;
    if (auto done = m_store->deleteBench(id); !done) {
        Q_EMIT problem(tr("The benchmark could not be deleted: %1").arg(done.error().message));
        return false;
    }
    refresh();
    Q_EMIT deleted(id);
    return true;
}

qint64 BenchPastRuns::currentId() const
{
    const QList<QTableWidgetSelectionRange> ranges = m_table->selectedRanges();
    if (ranges.isEmpty())
        return 0;
    const int row = ranges.first().topRow();
    return row >= 0 && row < m_rows.size() ? m_rows.at(row).id : 0;
}

void BenchPastRuns::updateButtons()
{
    const bool any = currentId() != 0;
    m_open->setEnabled(any);
    m_delete->setEnabled(any);
}

} // namespace versus::ui
