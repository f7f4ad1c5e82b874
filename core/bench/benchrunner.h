// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bench/benchspec.h"
#include "bench/benchsummary.h"
#include "history/historyrecords.h"

#include <QObject>

namespace versus {
class Engine;
class LaneRun;
} // namespace versus

namespace versus::bench {

/// Runs a BenchSpec with LaneRun (the same turn the window and `compare` run; no tool loop
/// beyond what the prompt set's tools need, no conversation: each request is one prompt alone).
/// Per target at most spec.concurrency requests in flight, targets side by side; warm-up
/// requests first; then prompts × runs in order (prompt 0 run 0, prompt 0 run 1, …). A request
/// that fails counts as a sample with its error and the run goes on.
/// With history (spec.saveHistory and an open store) the benchmark is stored when it starts and
/// each sample as it finishes, so that a crash loses at most the requests in flight.
/// cancel(): requests in flight are cancelled (their samples are dropped, not counted), nothing
/// new starts, finished() follows with wasCancelled() — what finished is kept and stored.
class BenchRunner : public QObject {
    Q_OBJECT
public:
    BenchRunner(Engine &engine, BenchSpec spec, QObject *parent = nullptr);
    ~BenchRunner() override;

    void start();
    void cancel();

    const BenchSpec &spec() const { return m_spec; }
    int totalRequests() const;    ///< measured ones: targets × prompts × runs
    int finishedRequests() const; ///< measured ones finished so far
    bool isRunning() const;
    bool isFinished() const;
    bool wasCancelled() const;
    /// Measured samples in the order they finished.
    const QList<BenchSample> &samples() const;
    /// summarize() of the samples so far.
    QList<TargetSummary> summary() const;
    /// The history id of the stored benchmark; 0 when it is not stored.
    qint64 benchId() const;

Q_SIGNALS:
    void progress(int finishedRequests, int totalRequests);
    void sampleFinished(const versus::bench::BenchSample &sample);
    /// A warm-up request ended (not a sample).
    void warmupFinished(int targetIndex);
    void finished();
    /// Storing failed; the run goes on in memory (the samples are intact).
    void historyFailed(const versus::history::HistoryError &error);

private:
    struct Job;
    void schedule(); ///< pump() from the event loop, once
    void pump();     ///< starts what may start; finishes when nothing is left
    void launch(const Job &job);
    void onRunFinished(LaneRun *run);
    void store(const BenchSample &sample);
    void finish();

    struct Private;
    Private *d;
    BenchSpec m_spec;
};

} // namespace versus::bench
