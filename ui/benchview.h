// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "appservices.h"
#include "bench/benchspec.h"
#include "bench/benchsummary.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

#include <expected>
#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;
class QTableView;
class QTabWidget;

namespace versus::bench {
class BenchRunner;
}
namespace versus::history {
struct HistoryError;
}

namespace versus::ui {

class BenchBoxChart;
class BenchPastRuns;
class BenchRunsModel;
class BenchSetup;
class BenchSummaryModel;
class MessageBar;
class ModelListSource;
class ScoreboardChart;

/// The Bench window (View → Benchmark…, Ctrl+Shift+K): every target × prompt × run of a
/// benchmark sent with BenchRunner, and its figures as they come — a progress bar, one row
/// per target (BenchSummaryModel), one row per request (BenchRunsModel), box charts of TTFT and
/// decode speed and bars of cost per target. Stored benchmarks are listed and shown again
/// read-only; what is shown exports as JSON or CSV. Non-modal; its geometry is remembered.
/// Closing it does not stop a benchmark: it goes on and shows when the window opens again.
class BenchView : public QWidget {
    Q_OBJECT
public:
    enum class ExportFormat { Json, RunsCsv, SummaryCsv };

    /// @p services must outlive the view; @p models (may be null) lists the providers' models.
    BenchView(const AppServices &services, ModelListSource *models, QWidget *parent = nullptr);
    ~BenchView() override;

    BenchSetup *setup() const { return m_setup; }
    BenchPastRuns *pastRuns() const { return m_pastRuns; }
    BenchSummaryModel *summaryModel() const { return m_summaryModel; }
    BenchRunsModel *runsModel() const { return m_runsModel; }
    QTableView *summaryTable() const { return m_summaryTable; }
    QProgressBar *progressBar() const { return m_progress; }
    QPushButton *startButton() const { return m_start; }
    QPushButton *stopButton() const { return m_stop; }
    QPushButton *exportButton() const { return m_export; }
    MessageBar *messageBar() const { return m_messageBar; }
    QLabel *headline() const { return m_headline; }
    BenchBoxChart *ttftChart() const { return m_ttftChart; }
    BenchBoxChart *speedChart() const { return m_speedChart; }
    ScoreboardChart *costChart() const { return m_costChart; }

    /// Whether a benchmark runs now.
    bool isRunning() const;
    /// The history id of what is shown (0: not stored).
    qint64 shownBenchId() const { return m_shownId; }
    /// Whether what is shown is a stored benchmark, read back (read-only).
    bool showsStored() const { return m_stored; }

    /// Starts the benchmark the setup describes; false (and why, in the message bar) when it cannot.
    bool start();
    /// Stops the benchmark: what finished is kept (and stored).
    void stop();
    /// Shows the stored benchmark @p id, read-only; false (and why) when it cannot be read.
    bool openStored(qint64 id);
    /// Writes what is shown to @p path (owner-only file).
    std::expected<void, QString> exportTo(const QString &path, ExportFormat format) const;
    /// Asks where, then exports; the path written, empty when cancelled.
    QString exportAs(ExportFormat format);

    /// Seam for tests: the file to export to (empty: cancelled); a file dialog unless replaced.
    void setAskExportPath(std::function<QString(const QString &suggested)> ask) { m_askPath = std::move(ask); }

Q_SIGNALS:
    /// A benchmark started here ended (finished or stopped).
    void benchFinished();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void onSample(const bench::BenchSample &sample);
    void onFinished();
    void showHistoryError(const history::HistoryError &error);
    /// The summary, charts and buttons from m_shownSpec / m_shownSamples.
    void refreshFigures();
    void updateButtons();
    QStringList shownTargets() const;

    AppServices m_services;
    MessageBar *m_messageBar;
    BenchSetup *m_setup;
    BenchPastRuns *m_pastRuns;
    /// Coalesces the figures' refresh while samples arrive: the charts and the summary are
    /// rebuilt about four times a second, not per sample, so that the view's own work stays
    /// small beside the streams it measures (they are stamped on this thread).
    QTimer m_figuresTimer;
    QPushButton *m_start;
    QPushButton *m_stop;
    QPushButton *m_export;
    QLabel *m_headline;
    QProgressBar *m_progress;
    BenchSummaryModel *m_summaryModel;
    BenchRunsModel *m_runsModel;
    QTableView *m_summaryTable;
    QTableView *m_runsTable;
    QTabWidget *m_tabs;
    BenchBoxChart *m_ttftChart;
    BenchBoxChart *m_speedChart;
    ScoreboardChart *m_costChart;
    QPointer<bench::BenchRunner> m_runner;
    bench::BenchSpec m_shownSpec;
    QList<bench::BenchSample> m_shownSamples;
    qint64 m_shownId = 0;
    bool m_stored = false;
    bool m_shownCancelled = false;
    std::function<QString(const QString &)> m_askPath;
};

} // namespace versus::ui
