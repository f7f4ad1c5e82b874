// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchview.h"

#include "appsettings.h"
#include "bench/benchexport.h"
#include "bench/benchrunner.h"
#include "bench/benchstore.h"
#include "benchchart.h"
#include "benchpastruns.h"
#include "benchsetup.h"
#include "benchtablemodels.h"
#include "engine/engine.h"
#include "history/historystore.h"
#include "messagebar.h"
#include "pricing/cost.h"
#include "scoreboardchart.h"

#include <QCloseEvent>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

#include <algorithm>

namespace versus::ui {

namespace {

QTableView *makeTable(QAbstractItemModel *model, const char *name, QWidget *parent)
{
    auto *table = new QTableView(parent);
    table->setObjectName(QLatin1String(name));
    table->setModel(model);
    table->verticalHeader()->hide();
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setAlternatingRowColors(true);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

} // namespace

BenchView::BenchView(const AppServices &services, ModelListSource *models, QWidget *parent)
    : QWidget(parent, Qt::Window)
    , m_services(services)
    , m_messageBar(new MessageBar(this))
    , m_setup(new BenchSetup(*services.engine, models, this))
    , m_pastRuns(new BenchPastRuns(services.engine->history(), this))
    , m_start(new QPushButton(tr("&Start"), this))
    , m_stop(new QPushButton(tr("Sto&p"), this))
    , m_export(new QPushButton(tr("&Export"), this))
    , m_headline(new QLabel(this))
    , m_progress(new QProgressBar(this))
    , m_summaryModel(new BenchSummaryModel(this))
    , m_runsModel(new BenchRunsModel(this))
    , m_summaryTable(makeTable(m_summaryModel, "benchSummaryTable", this))
    , m_runsTable(makeTable(m_runsModel, "benchRunsTable", this))
    , m_tabs(new QTabWidget(this))
    , m_ttftChart(new BenchBoxChart(tr("Time to first token (ms)"), QStringLiteral("%.0f"), this))
    , m_speedChart(new BenchBoxChart(tr("Decode speed (tokens/s)"), QStringLiteral("%.0f"), this))
    , m_costChart(new ScoreboardChart(tr("Cost per target (USD)"), this))
{
    setObjectName(QStringLiteral("benchView"));
    setWindowTitle(tr("Benchmark — Versus"));
    m_ttftChart->setObjectName(QStringLiteral("benchTtftChart"));
    m_speedChart->setObjectName(QStringLiteral("benchSpeedChart"));
    m_costChart->setObjectName(QStringLiteral("benchCostChart"));
    m_messageBar->setObjectName(QStringLiteral("benchMessageBar"));
    connect(m_messageBar, &MessageBar::dismissed, m_messageBar, &QWidget::hide);

    m_start->setObjectName(QStringLiteral("benchStart"));
    m_start->setDefault(true);
    m_start->setToolTip(tr("Send every target × prompt × run"));
    m_stop->setObjectName(QStringLiteral("benchStop"));
    m_stop->setToolTip(tr("Stop: requests in flight are dropped, what finished is kept"));
    m_export->setObjectName(QStringLiteral("benchExport"));
    auto *exportMenu = new QMenu(m_export);
    connect(exportMenu->addAction(tr("JSON (runs and summary)…")), &QAction::triggered, this,
            [this] { exportAs(ExportFormat::Json); });
    connect(exportMenu->addAction(tr("CSV, one row per request…")), &QAction::triggered, this,
            [this] { exportAs(ExportFormat::RunsCsv); });
    connect(exportMenu->addAction(tr("CSV, one row per target…")), &QAction::triggered, this,
            [this] { exportAs(ExportFormat::SummaryCsv); });
    m_export->setMenu(exportMenu);
    connect(m_start, &QPushButton::clicked, this, &BenchView::start);
    connect(m_stop, &QPushButton::clicked, this, &BenchView::stop);

    m_headline->setObjectName(QStringLiteral("benchHeadline"));
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setWordWrap(true);
    m_headline->setText(tr("Pick targets and prompts, then Start."));
    m_progress->setObjectName(QStringLiteral("benchProgress"));
    m_progress->setRange(0, 1);
    m_progress->setValue(0);
    m_progress->setFormat(tr("%v of %m requests"));
    m_progress->setTextVisible(false); // until something runs or is shown

    // Every column as wide as its contents (the target's name first of all); a scroll bar when narrow.
    m_summaryTable->horizontalHeader()->setStretchLastSection(false);
    m_summaryTable->setMinimumHeight(110);

    auto *charts = new QWidget(this);
    auto *chartRow = new QHBoxLayout(charts);
    chartRow->setContentsMargins(0, 0, 0, 0);
    chartRow->addWidget(m_ttftChart);
    chartRow->addWidget(m_speedChart);
    chartRow->addWidget(m_costChart);
    m_tabs->setObjectName(QStringLiteral("benchTabs"));
    m_tabs->addTab(charts, tr("C&harts"));
    m_tabs->addTab(m_runsTable, tr("Re&quests"));

    auto *definitions = new QLabel(
        tr("TTFT: first token − request sent. First answer: first answer-text token, thinking included. Speed: "
           "(completion tokens − 1) / (last token − first token). p50/p95 over the answered requests "
           "(linear interpolation); warm-up requests are not counted; ~ marks estimated token counts."),
        this);
    definitions->setObjectName(QStringLiteral("benchDefinitions"));
    definitions->setWordWrap(true);
    definitions->setForegroundRole(QPalette::PlaceholderText);

    // Left: what to run, and what ran before.
    auto *left = new QSplitter(Qt::Vertical, this);
    auto *setupBox = new QWidget(left);
    auto *setupLayout = new QVBoxLayout(setupBox);
    setupLayout->setContentsMargins(0, 0, 0, 0);
    setupLayout->addWidget(m_setup, 1);
    auto *runButtons = new QHBoxLayout;
    runButtons->addWidget(m_start);
    runButtons->addWidget(m_stop);
    runButtons->addStretch();
    setupLayout->addLayout(runButtons);
    auto *pastBox = new QWidget(left);
    auto *pastLayout = new QVBoxLayout(pastBox);
    pastLayout->setContentsMargins(0, 6, 0, 0);
    pastLayout->addWidget(new QLabel(tr("<b>Past benchmarks</b>"), pastBox));
    pastLayout->addWidget(m_pastRuns, 1);
    left->addWidget(setupBox);
    left->addWidget(pastBox);
    left->setStretchFactor(0, 3);
    left->setStretchFactor(1, 2);

    // Right: what is shown.
    auto *right = new QWidget(this);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    auto *head = new QHBoxLayout;
    head->addWidget(m_headline, 1);
    head->addWidget(m_export);
    rightLayout->addLayout(head);
    rightLayout->addWidget(m_progress);
    auto *results = new QSplitter(Qt::Vertical, right);
    results->addWidget(m_summaryTable);
    results->addWidget(m_tabs);
    results->setStretchFactor(0, 1);
    results->setStretchFactor(1, 2);
    rightLayout->addWidget(results, 1);
    rightLayout->addWidget(definitions);

    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("benchSplitter"));
    split->setChildrenCollapsible(false);
    split->addWidget(left);
    split->addWidget(right);
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({380, 920});
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_messageBar);
    layout->addWidget(split, 1);

    connect(m_pastRuns, &BenchPastRuns::openRequested, this, &BenchView::openStored);
    connect(m_pastRuns, &BenchPastRuns::problem, this,
            [this](const QString &text) { m_messageBar->showMessage(text); });
    connect(m_pastRuns, &BenchPastRuns::deleted, this, [this](qint64 id) {
        if (m_stored && id == m_shownId) {
            m_shownId = 0;
            m_headline->setText(tr("Deleted from the history; the figures stay here until the next benchmark."));
        }
    });

    m_figuresTimer.setSingleShot(true);
    m_figuresTimer.setInterval(250);
    connect(&m_figuresTimer, &QTimer::timeout, this, [this] { refreshFigures(); });

    if (!restoreGeometry(services.settings->benchGeometry()))
        resize(1300, 780);
    refreshFigures();
    updateButtons();
}

BenchView::~BenchView()
{
    // Also when the window goes with Versus while this one is open (no close event then).
    m_services.settings->setBenchGeometry(saveGeometry());
    if (m_runner && m_runner->isRunning())
        m_runner->cancel();
}

bool BenchView::isRunning() const
{
    return m_runner && m_runner->isRunning();
}

bool BenchView::start()
{
    if (isRunning())
        return false;
    auto spec = m_setup->spec();
    if (!spec) {
        m_messageBar->showMessage(spec.error());
        return false;
    }
    m_messageBar->hide();
    if (m_runner)
        m_runner->deleteLater();
    m_runner = new bench::BenchRunner(*m_services.engine, *spec, this);
    m_shownSpec = *spec;
    m_shownSamples.clear();
    m_shownId = 0;
    m_stored = false;
    m_shownCancelled = false;
    QStringList targets = shownTargets();
    m_runsModel->setSamples(targets, {});
    connect(m_runner, &bench::BenchRunner::sampleFinished, this, &BenchView::onSample);
    connect(m_runner, &bench::BenchRunner::progress, this, [this](int done, int total) {
        m_progress->setRange(0, std::max(total, 1));
        m_progress->setValue(done);
    });
    connect(m_runner, &bench::BenchRunner::finished, this, &BenchView::onFinished);
    connect(m_runner, &bench::BenchRunner::historyFailed, this, &BenchView::showHistoryError);
    m_progress->setRange(0, std::max(m_runner->totalRequests(), 1));
    m_progress->setValue(0);
    m_progress->setTextVisible(true);
    m_headline->setText(spec->warmup > 0 ? tr("Warming up…") : tr("Running…"));
    connect(m_runner, &bench::BenchRunner::warmupFinished, this, [this] {
        if (m_shownSamples.isEmpty())
            m_headline->setText(tr("Running…"));
    });
    m_setup->setEditable(false);
    m_runner->start();
    m_shownId = m_runner->benchId();
    m_pastRuns->setLiveId(m_shownId);
    refreshFigures();
    updateButtons();
    return true;
}

void BenchView::stop()
{
    if (isRunning())
        m_runner->cancel();
}

void BenchView::onSample(const bench::BenchSample &sample)
{
    m_shownSamples.append(sample);
    m_runsModel->appendSample(sample);
    if (m_runner)
        m_shownId = m_runner->benchId();
    const int errors = int(std::count_if(m_shownSamples.cbegin(), m_shownSamples.cend(),
                                         [](const bench::BenchSample &s) { return !bench::sampleSucceeded(s); }));
    m_headline->setText(tr("Running… %n request(s) finished", nullptr, int(m_shownSamples.size())) +
                        (errors > 0 ? tr(", %n failed", nullptr, errors) : QString()));
    if (!m_figuresTimer.isActive())
        m_figuresTimer.start();
}

void BenchView::onFinished()
{
    if (!m_runner)
        return;
    m_shownCancelled = m_runner->wasCancelled();
    m_shownId = m_runner->benchId();
    m_shownSamples = m_runner->samples();
    m_runsModel->setSamples(shownTargets(), m_shownSamples);
    const int total = int(m_shownSamples.size());
    const int failed = int(std::count_if(m_shownSamples.cbegin(), m_shownSamples.cend(),
                                         [](const bench::BenchSample &s) { return !bench::sampleSucceeded(s); }));
    QString text = m_shownCancelled ? tr("Stopped: %n request(s) finished", nullptr, total)
                                    : tr("Finished: %n request(s)", nullptr, total);
    if (failed > 0)
        text += tr(", %n failed", nullptr, failed);
    if (m_shownId > 0)
        text += tr(" — saved in the history");
    m_headline->setText(text);
    m_setup->setEditable(true);
    m_pastRuns->setLiveId(0);
    if (m_shownId > 0)
        m_pastRuns->select(m_shownId);
    m_figuresTimer.stop();
    refreshFigures();
    updateButtons();
    Q_EMIT benchFinished();
}

void BenchView::showHistoryError(const history::HistoryError &error)
{
    m_messageBar->showMessage(tr("The benchmark could not be saved in the history: %1. It goes on here; export its "
                                 "results to keep them.")
                                  .arg(error.message));
}

bool BenchView::openStored(qint64 id)
{
    history::HistoryStore *store = m_services.engine->history();
    if (!store)
        return false;
    if (isRunning()) {
        m_messageBar->showMessage(tr("A benchmark is running: stop it, or wait for its end, to see a stored one."));
        return false;
    }
    auto stored = bench::loadBench(*store, id);
    if (!stored) {
        m_messageBar->showMessage(tr("The benchmark cannot be read from the history: %1").arg(stored.error().message));
        return false;
    }
    m_messageBar->hide();
    m_shownSpec = stored->spec;
    m_shownSamples = stored->samples;
    m_shownId = stored->id;
    m_stored = true;
    m_shownCancelled = stored->state == history::BenchRecord::State::Cancelled;
    m_runsModel->setSamples(shownTargets(), m_shownSamples);
    const QString when = QLocale().toString(stored->createdAt.toLocalTime(), QLocale::ShortFormat);
    QString state;
    switch (stored->state) {
    case history::BenchRecord::State::Running:
        state = tr("still running in another Versus; these are the requests finished so far");
        break;
    case history::BenchRecord::State::Finished:
        state = tr("finished");
        break;
    case history::BenchRecord::State::Cancelled:
        state = tr("stopped before the end");
        break;
    case history::BenchRecord::State::Interrupted:
        state = tr("interrupted: Versus ended while it ran");
        break;
    }
    m_headline->setText(tr("Stored benchmark of %1 (%2), read-only: %n request(s)", nullptr, int(m_shownSamples.size()))
                            .arg(when, state));
    const int planned = int(m_shownSpec.targets.size() * m_shownSpec.prompts.prompts.size()) * m_shownSpec.runs;
    m_progress->setRange(0, std::max({planned, int(m_shownSamples.size()), 1}));
    m_progress->setValue(int(m_shownSamples.size()));
    m_progress->setTextVisible(true);
    refreshFigures();
    updateButtons();
    return true;
}

QStringList BenchView::shownTargets() const
{
    QStringList targets;
    for (const Target &target : m_shownSpec.targets)
        targets << target.toString();
    return targets;
}

void BenchView::refreshFigures()
{
    const QStringList targets = shownTargets();
    m_summaryModel->setSummary(bench::summarize(targets, m_shownSamples));
    QList<QList<double>> ttft(targets.size()), speed(targets.size());
    for (const bench::BenchSample &sample : m_shownSamples) {
        if (!bench::sampleSucceeded(sample) || sample.targetIndex < 0 || sample.targetIndex >= targets.size())
            continue;
        const StreamMetrics &m = sample.result.metrics;
        if (m.ttftMs)
            ttft[sample.targetIndex] << *m.ttftMs;
        if (m.outputTokensPerS)
            speed[sample.targetIndex] << *m.outputTokensPerS;
    }
    m_ttftChart->setValues(targets, ttft);
    m_speedChart->setValues(targets, speed);
    QList<ScoreboardChart::Bar> bars;
    for (const bench::TargetSummary &s : m_summaryModel->summary()) {
        ScoreboardChart::Bar bar;
        bar.lane = s.target;
        if (s.costKnown()) {
            bar.value = double(s.totalCostMicroUsd) / 1e6;
            bar.text = (s.costEstimated ? QStringLiteral("~") : QString()) + formatUsd(s.totalCostMicroUsd, QLocale());
        } else if (s.unpricedSamples > 0) {
            bar.text = tr("unpriced");
        }
        bars << bar;
    }
    m_costChart->setBars(bars, QStringLiteral("%.2g"));
}

void BenchView::updateButtons()
{
    const bool running = isRunning();
    m_start->setEnabled(!running);
    m_stop->setEnabled(running);
    m_export->setEnabled(!running && !m_shownSamples.isEmpty());
}

std::expected<void, QString> BenchView::exportTo(const QString &path, ExportFormat format) const
{
    QByteArray bytes;
    switch (format) {
    case ExportFormat::Json:
        bytes = QJsonDocument(bench::benchToJson(m_shownSpec, m_shownSamples, m_shownId, m_shownCancelled))
                    .toJson(QJsonDocument::Indented);
        break;
    case ExportFormat::RunsCsv:
        bytes = bench::benchSamplesToCsv(m_shownSpec, m_shownSamples);
        break;
    case ExportFormat::SummaryCsv:
        bytes = bench::benchSummaryToCsv(m_summaryModel->summary());
        break;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(bytes) != bytes.size() || !file.commit())
        return std::unexpected(file.errorString());
    return {};
}

QString BenchView::exportAs(ExportFormat format)
{
    const bool json = format == ExportFormat::Json;
    const QString name = format == ExportFormat::SummaryCsv ? QStringLiteral("benchmark-summary.csv")
                         : json                             ? QStringLiteral("benchmark.json")
                                                            : QStringLiteral("benchmark.csv");
    const QString suggested = QDir::home().filePath(name);
    const QString path = m_askPath ? m_askPath(suggested)
                                   : QFileDialog::getSaveFileName(this, tr("Export benchmark"), suggested,
                                                                  json ? tr("JSON (*.json)") : tr("CSV (*.csv)"));
    if (path.isEmpty())
        return {};
    if (auto written = exportTo(path, format); !written) {
        m_messageBar->showMessage(tr("The export could not be written to %1: %2").arg(path, written.error()));
        return {};
    }
    return path;
}

void BenchView::closeEvent(QCloseEvent *event)
{
    m_services.settings->setBenchGeometry(saveGeometry());
    QWidget::closeEvent(event);
}

} // namespace versus::ui
