// SPDX-License-Identifier: GPL-3.0-or-later
#include "leaderboardview.h"

#include "compare/leaderboard.h"
#include "history/historystore.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTableWidget>
#include <QVBoxLayout>

namespace versus::ui {

namespace {

QTableWidgetItem *cell(const QString &text, Qt::Alignment alignment = Qt::AlignRight | Qt::AlignVCenter)
{
    auto *item = new QTableWidgetItem(text);
    item->setTextAlignment(alignment);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    return item;
}

} // namespace

LeaderboardView::LeaderboardView(history::HistoryStore *store, QWidget *parent)
    : QDialog(parent)
    , m_store(store)
    , m_period(new QComboBox(this))
    , m_tag(new QComboBox(this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_summary(new QLabel(this))
    , m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    setObjectName(QStringLiteral("leaderboard"));
    setWindowTitle(tr("Leaderboard — Versus"));
    setModal(false);

    m_period->setObjectName(QStringLiteral("leaderboardPeriod"));
    m_period->addItem(tr("All time"), 0);
    m_period->addItem(tr("Last 7 days"), 7);
    m_period->addItem(tr("Last 30 days"), 30);
    m_tag->setObjectName(QStringLiteral("leaderboardTag"));
    m_tag->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_tag->setToolTip(tr("Count only the turns with this tag (tags are typed beside the vote)"));

    m_table->setObjectName(QStringLiteral("leaderboardTable"));
    m_table->setHorizontalHeaderLabels({tr("#"), tr("Model"), tr("Rating (95% CI)"), tr("Votes"), tr("Wins"),
                                        tr("Losses"), tr("Ties"), tr("All bad"), tr("Confidence")});
    m_table->horizontalHeaderItem(Rating)->setToolTip(
        tr("Bradley–Terry rating on an Elo-like scale (1000 = the reference; 400 points = 10:1 odds), ± half its 95% "
           "confidence interval. A best vote counts as a win over every other lane of the turn, a tie as half a win "
           "each way; \"all bad\" is counted but is no win for anyone."));
    m_table->verticalHeader()->hide();
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(Model, QHeaderView::Stretch);
    m_summary->setObjectName(QStringLiteral("leaderboardSummary"));
    m_summary->setWordWrap(true);
    m_summary->setForegroundRole(QPalette::PlaceholderText);

    auto *filters = new QHBoxLayout;
    auto *periodLabel = new QLabel(tr("&Period:"), this);
    periodLabel->setBuddy(m_period);
    auto *tagLabel = new QLabel(tr("&Tag:"), this);
    tagLabel->setBuddy(m_tag);
    filters->addWidget(periodLabel);
    filters->addWidget(m_period);
    filters->addSpacing(12);
    filters->addWidget(tagLabel);
    filters->addWidget(m_tag);
    filters->addStretch();
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_summary);
    layout->addWidget(buttons);
    resize(860, 420);

    refreshTags();
    connect(m_period, &QComboBox::currentIndexChanged, this, &LeaderboardView::refresh);
    connect(m_tag, &QComboBox::currentIndexChanged, this, &LeaderboardView::refresh);
    refresh();
}

void LeaderboardView::refreshTags()
{
    const QString current = m_tag->currentData().toString();
    const QSignalBlocker blocker(m_tag);
    m_tag->clear();
    m_tag->addItem(tr("Any tag"), QString());
    if (m_store) {
        if (const auto tags = m_store->voteTags()) {
            for (const QString &tag : *tags)
                m_tag->addItem(tag, tag);
        }
    }
    const int index = m_tag->findData(current);
    m_tag->setCurrentIndex(index < 0 ? 0 : index);
}

void LeaderboardView::refresh()
{
    refreshTags();
    m_table->setRowCount(0);
    if (!m_store) {
        m_summary->setText(tr("There is no history, so there are no votes to count."));
        return;
    }
    history::LeaderboardFilter filter;
    if (const int days = m_period->currentData().toInt(); days > 0)
        filter.since = m_now().addDays(-days);
    filter.tag = m_tag->currentData().toString();
    const auto votes = m_store->leaderboardVotes(filter);
    if (!votes) {
        m_summary->setText(tr("The votes could not be read from the history: %1").arg(votes.error().message));
        return;
    }
    const Leaderboard board = Leaderboard::compute(*votes);
    m_table->setRowCount(int(board.entries.size()));
    for (int row = 0; row < board.entries.size(); ++row) {
        const LeaderboardEntry &e = board.entries.at(row);
        const double half = (e.ciHigh - e.ciLow) / 2;
        m_table->setItem(row, Rank, cell(QString::number(row + 1)));
        m_table->setItem(row, Model, cell(e.model, Qt::AlignLeft | Qt::AlignVCenter));
        const QLocale locale;
        QTableWidgetItem *rating =
            cell(tr("%1 ± %2").arg(locale.toString(e.rating, 'f', 0), locale.toString(half, 'f', 0)));
        rating->setToolTip(tr("95% confidence interval: %1 to %2")
                               .arg(locale.toString(e.ciLow, 'f', 0), locale.toString(e.ciHigh, 'f', 0)));
        m_table->setItem(row, Rating, rating);
        m_table->setItem(row, Votes, cell(QString::number(e.votes)));
        m_table->setItem(row, Wins, cell(QString::number(e.wins)));
        m_table->setItem(row, Losses, cell(QString::number(e.losses)));
        m_table->setItem(row, Ties, cell(QString::number(e.ties)));
        m_table->setItem(row, AllBad, cell(QString::number(e.allBad)));
        QTableWidgetItem *confidence = cell(e.fewVotes ? tr("few votes") : QString(), Qt::AlignLeft | Qt::AlignVCenter);
        if (e.fewVotes) {
            confidence->setToolTip(tr("Fewer than %1 votes: not a verdict yet").arg(Leaderboard::kFewVotes));
            confidence->setForeground(palette().brush(QPalette::PlaceholderText));
        }
        m_table->setItem(row, Confidence, confidence);
    }
    if (board.entries.isEmpty())
        m_summary->setText(filter.tag.isEmpty() && !filter.since.isValid()
                               ? tr("No votes yet. After a comparison, say which answer is best in the bar above the "
                                    "prompt.")
                               : tr("No votes match these filters."));
    else
        m_summary->setText(tr("%n vote(s) counted. Bradley–Terry ratings; ± is half the 95% confidence interval "
                              "(from the Fisher information). A best vote is a win over every other lane of its "
                              "turn, a tie half a win each way; \"all bad\" is counted but is no win for anyone.",
                              nullptr, board.votes));
}

} // namespace versus::ui
