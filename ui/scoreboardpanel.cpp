// SPDX-License-Identifier: GPL-3.0-or-later
#include "scoreboardpanel.h"

#include "compare/comparison.h"
#include "export/scoreboardexport.h"
#include "pricing/cost.h"
#include "scoreboardchart.h"
#include "scoreboardmodel.h"
#include "theme.h"

#include <QBuffer>
#include <QComboBox>
#include <QDir>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPixmap>
#include <QPushButton>
#include <QRegularExpression>
#include <QSaveFile>
#include <QTableView>
#include <QVBoxLayout>

#include <cmath>

using namespace std::chrono_literals;

namespace versus::ui {

namespace {

/// "Turn N: " and the prompt's first line, cut to what a menu shows.
QString promptStart(const QString &prompt)
{
    QString line = prompt.section(u'\n', 0, 0).simplified();
    constexpr int kMax = 48;
    if (line.size() > kMax)
        line = line.left(kMax - 1) + u'…';
    return line;
}

/// The printf format of a cost axis: enough decimals for the largest cost to show.
QString costAxisFormat(double maxUsd)
{
    int decimals = 2;
    if (maxUsd > 0 && maxUsd < 1)
        decimals = std::clamp(int(std::ceil(-std::log10(maxUsd))), 2, 6);
    const UsdAffixes affixes = usdAffixes(QLocale()); // "$0.25" or "0,25 $" as the window's locale has it
    return affixes.before + QStringLiteral("%.") + QString::number(decimals) + u'f' + affixes.after;
}

} // namespace

ScoreboardPanel::ScoreboardPanel(Comparison *comparison, QWidget *parent)
    : QWidget(parent)
    , m_comparison(comparison)
    , m_turns(new QComboBox(this))
    , m_table(new QTableView(this))
    , m_model(new ScoreboardModel(this))
    , m_body(new QWidget(this))
    , m_ttftChart(new ScoreboardChart(tr("Time to first token (ms)"), m_body))
    , m_speedChart(new ScoreboardChart(tr("Decode speed (tokens/s)"), m_body))
    , m_costChart(new ScoreboardChart(tr("Cost (USD)"), m_body))
    , m_exportCsv(new QPushButton(tr("Export CSV…"), this))
    , m_exportMarkdown(new QPushButton(tr("Export Markdown…"), this))
    , m_exportPng(new QPushButton(tr("Export PNG…"), this))
{
    setObjectName(QStringLiteral("scoreboard"));
    m_turns->setObjectName(QStringLiteral("scoreboardTurn"));
    m_turns->setToolTip(tr("The turn the scoreboard shows, or the whole comparison"));
    m_turns->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_turns->setMinimumContentsLength(24);
    m_table->setObjectName(QStringLiteral("scoreboardTable"));
    m_ttftChart->setObjectName(QStringLiteral("ttftChart"));
    m_speedChart->setObjectName(QStringLiteral("speedChart"));
    m_costChart->setObjectName(QStringLiteral("costChart"));
    m_exportCsv->setObjectName(QStringLiteral("exportScoreboardCsv"));
    m_exportMarkdown->setObjectName(QStringLiteral("exportScoreboardMarkdown"));
    m_exportPng->setObjectName(QStringLiteral("exportScoreboardPng"));
    m_exportCsv->setToolTip(tr("Write the table to a CSV file (for a spreadsheet)"));
    m_exportMarkdown->setToolTip(tr("Write the table to a Markdown file, best values in bold"));
    m_exportPng->setToolTip(tr("Save a picture of the table and the charts"));

    m_table->setModel(m_model);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setMinimumHeight(80);

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    auto *title = new QLabel(tr("Scoreboard"), this);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    header->addWidget(title);
    header->addWidget(m_turns);
    header->addStretch(1);
    header->addWidget(m_exportCsv);
    header->addWidget(m_exportMarkdown);
    header->addWidget(m_exportPng);

    auto *charts = new QHBoxLayout;
    charts->setContentsMargins(0, 0, 0, 0);
    charts->addWidget(m_ttftChart);
    charts->addWidget(m_speedChart);
    charts->addWidget(m_costChart);
    auto *body = new QVBoxLayout(m_body);
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(4);
    body->addWidget(m_table, 1);
    body->addLayout(charts, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(header);
    layout->addWidget(m_body, 1);

    // Best cells: the selection colour, faint enough to read text on in light and dark themes.
    followPalette(this, [this] {
        const QPalette p = palette();
        QColor best = p.color(QPalette::Highlight);
        best.setAlphaF(isDark(p) ? 0.45f : 0.22f);
        m_model->setHighlight(best);
    });

    m_refreshTimer.setSingleShot(true);
    m_refreshTimer.setInterval(150ms);
    connect(&m_refreshTimer, &QTimer::timeout, this, &ScoreboardPanel::refresh);
    connect(m_turns, &QComboBox::activated, this, &ScoreboardPanel::onTurnActivated);
    connect(m_exportCsv, &QPushButton::clicked, this, [this] { exportTo(ExportFormat::Csv); });
    connect(m_exportMarkdown, &QPushButton::clicked, this, [this] { exportTo(ExportFormat::Markdown); });
    connect(m_exportPng, &QPushButton::clicked, this, [this] { exportTo(ExportFormat::Png); });

    const auto watchLane = [this](ComparisonLane *lane) {
        connect(lane, &ComparisonLane::targetChanged, this, &ScoreboardPanel::scheduleRefresh);
    };
    for (ComparisonLane *lane : comparison->lanes())
        watchLane(lane);
    connect(comparison, &Comparison::laneAdded, this, [this, watchLane](ComparisonLane *lane, int) {
        watchLane(lane);
        scheduleRefresh();
    });
    connect(comparison, &Comparison::laneRemoved, this, &ScoreboardPanel::scheduleRefresh);
    connect(comparison, &Comparison::lanesMoved, this, &ScoreboardPanel::scheduleRefresh);
    connect(comparison, &Comparison::busyChanged, this, &ScoreboardPanel::scheduleRefresh);
    connect(comparison, &Comparison::laneFinished, this, &ScoreboardPanel::scheduleRefresh);
    connect(comparison, &Comparison::turnFinished, this, &ScoreboardPanel::scheduleRefresh);
    connect(comparison, &Comparison::verdictChanged, this, &ScoreboardPanel::scheduleRefresh);
    connect(comparison, &Comparison::blindChanged, this, &ScoreboardPanel::scheduleRefresh);
    connect(comparison, &Comparison::conversationChanged, this, &ScoreboardPanel::scheduleRefresh);
    refresh();
}

const Scoreboard &ScoreboardPanel::scoreboard() const
{
    return m_model->scoreboard();
}

void ScoreboardPanel::scheduleRefresh()
{
    if (!m_refreshTimer.isActive())
        m_refreshTimer.start();
}

void ScoreboardPanel::showTurn(qint64 key)
{
    m_followLatest = false;
    m_shownKey = key;
    refresh();
}

void ScoreboardPanel::onTurnActivated(int index)
{
    const qint64 key = m_turns->itemData(index).toLongLong();
    // Picking the latest turn goes back to following the latest one.
    m_followLatest = key != 0 && index == m_turns->count() - 1;
    m_shownKey = key;
    refresh();
}

void ScoreboardPanel::rebuildTurns()
{
    const QList<ComparisonTurn> turns = m_comparison->turns();
    const bool pinnedGone = m_shownKey != 0 && std::none_of(turns.cbegin(), turns.cend(), [this](const auto &turn) {
                                return turn.key == m_shownKey;
                            });
    if (m_followLatest || pinnedGone) {
        m_followLatest = true;
        m_shownKey = turns.isEmpty() ? 0 : turns.constLast().key;
    }
    const QSignalBlocker blocker(m_turns);
    m_turns->clear();
    m_turns->addItem(tr("Whole comparison"), qint64(0));
    for (qsizetype i = 0; i < turns.size(); ++i) {
        const ComparisonTurn &turn = turns.at(i);
        m_turns->addItem(tr("Turn %1: %2").arg(i + 1).arg(promptStart(turn.prompt)), turn.key);
        m_turns->setItemData(int(i) + 1, turn.prompt, Qt::ToolTipRole);
    }
    m_turns->setCurrentIndex(std::max(0, m_turns->findData(m_shownKey)));
}

void ScoreboardPanel::refresh()
{
    m_refreshTimer.stop();
    if (!m_comparison)
        return;
    rebuildTurns();
    m_model->setScoreboard(m_shownKey ? scoreboardForTurn(*m_comparison, m_shownKey)
                                      : scoreboardForComparison(*m_comparison));
    updateCharts();
    const bool any = m_model->scoreboard().turns > 0;
    m_exportCsv->setEnabled(any);
    m_exportMarkdown->setEnabled(any);
    m_exportPng->setEnabled(any);
}

void ScoreboardPanel::updateCharts()
{
    QList<ScoreboardChart::Bar> ttft, speed, cost;
    double maxCost = 0;
    for (const ScoreboardRow &row : m_model->scoreboard().rows) {
        // A failed answer has no bar: its label says why.
        const bool failed = row.status == ScoreStatus::Error;
        const QString status = ScoreboardModel::cellText(row, ScoreboardModel::StatusColumn);
        const auto bar = [&](const std::optional<double> &value, int column) {
            ScoreboardChart::Bar b;
            b.lane = row.name;
            if (failed) {
                b.text = status;
            } else {
                b.value = value;
                b.text = value ? ScoreboardModel::cellText(row, column) : QString();
            }
            return b;
        };
        ttft << bar(row.ttftMs, ScoreboardModel::TtftColumn);
        speed << bar(row.tokensPerS, ScoreboardModel::SpeedColumn);
        std::optional<double> usd;
        if (row.costMicroUsd) {
            usd = double(*row.costMicroUsd) / 1e6;
            maxCost = std::max(maxCost, *usd);
        }
        cost << bar(usd, ScoreboardModel::CostColumn);
    }
    m_ttftChart->setBars(ttft);
    m_speedChart->setBars(speed);
    m_costChart->setBars(cost, costAxisFormat(maxCost));
}

QString ScoreboardPanel::title() const
{
    const int index = m_turns->currentIndex();
    const QString what = index >= 0 ? m_turns->itemText(index) : tr("Whole comparison");
    const QString name = m_comparison ? m_comparison->title() : QString();
    return name.isEmpty() ? what : tr("%1 — %2").arg(name, what);
}

std::expected<void, QString> ScoreboardPanel::writeExport(ExportFormat format, const QString &path) const
{
    QByteArray bytes;
    switch (format) {
    case ExportFormat::Csv:
        bytes = exports::scoreboardToCsv(m_model->scoreboard()).toUtf8();
        break;
    case ExportFormat::Markdown:
        bytes = exports::scoreboardToMarkdown(m_model->scoreboard(), title()).toUtf8();
        break;
    case ExportFormat::Png: {
        const QPixmap picture = m_body->grab(); // at the screen's device pixel ratio
        QBuffer buffer(&bytes);
        if (!buffer.open(QIODevice::WriteOnly) || !picture.save(&buffer, "PNG"))
            return std::unexpected(tr("The picture could not be made."));
        break;
    }
    }
    // As private as a conversation export: the table names models and what was asked of them.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(bytes) != bytes.size() || !file.commit())
        return std::unexpected(file.errorString());
    return {};
}

std::expected<QString, QString> ScoreboardPanel::exportTo(ExportFormat format)
{
    QString name = m_comparison && !m_comparison->title().isEmpty() ? m_comparison->title() : tr("comparison");
    name.replace(QRegularExpression(QStringLiteral("[/\\\\:*?\"<>|]+")), QStringLiteral("-"));
    QString suffix, filter;
    switch (format) {
    case ExportFormat::Csv:
        suffix = QStringLiteral(".csv");
        filter = tr("CSV (*.csv)");
        break;
    case ExportFormat::Markdown:
        suffix = QStringLiteral(".md");
        filter = tr("Markdown (*.md)");
        break;
    case ExportFormat::Png:
        suffix = QStringLiteral(".png");
        filter = tr("PNG image (*.png)");
        break;
    }
    const QString suggested = QDir::home().filePath(tr("%1 scoreboard").arg(name) + suffix);
    const QString path = m_askPath ? m_askPath(suggested, filter) : QString();
    if (path.isEmpty())
        return QString();
    if (auto written = writeExport(format, path); !written) {
        const QString message = tr("The scoreboard could not be written to %1: %2").arg(path, written.error());
        Q_EMIT exportFailed(message);
        return std::unexpected(message);
    }
    Q_EMIT exported(path);
    return path;
}

} // namespace versus::ui
