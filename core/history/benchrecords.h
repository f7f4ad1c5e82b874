// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "history/historyrecords.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

namespace versus::history {

/// One measured request of a stored benchmark: where it sits in the plan and the lane's answer
/// as an AnswerRecord (its laneId and turnId are 0; text, usage, metrics, cost and error as for
/// a conversation's answer).
struct BenchSampleRecord {
    qint64 id = 0;
    int targetIndex = 0;
    int promptIndex = 0;
    int runIndex = 0;
    AnswerRecord answer;
    friend bool operator==(const BenchSampleRecord &, const BenchSampleRecord &) = default;
};

/// A stored benchmark (HistoryStore, schema 6: tables bench_runs and bench_samples).
struct BenchRecord {
    enum class State { Running, Finished, Cancelled, Interrupted };
    qint64 id = 0;
    QString title;
    State state = State::Running;
    /// What was run: {"targets": ["p:m", ...], "prompts": [...], "prompt_set": name,
    /// "runs", "concurrency", "warmup", "parameters": {...}} — never a key.
    QJsonObject spec;
    QDateTime createdAt;              ///< UTC
    QDateTime finishedAt;             ///< UTC; invalid while running
    QList<BenchSampleRecord> samples; ///< filled by HistoryStore::bench(), empty in lists
    friend bool operator==(const BenchRecord &, const BenchRecord &) = default;
};
QString benchStateName(BenchRecord::State state); ///< "running", "finished", "cancelled", "interrupted"

/// A line of the benchmark list.
struct BenchSummaryRecord {
    qint64 id = 0;
    QString title;
    BenchRecord::State state = BenchRecord::State::Running;
    QDateTime createdAt;
    QDateTime finishedAt;
    QStringList targets;
    int sampleCount = 0;
    int errorCount = 0;
    friend bool operator==(const BenchSummaryRecord &, const BenchSummaryRecord &) = default;
};

// HistoryStore gains (core/history/historybench.cpp):
//   std::expected<BenchRecord, HistoryError> createBench(const BenchRecord &bench);   // id, createdAt filled
//   std::expected<BenchSampleRecord, HistoryError> addBenchSample(qint64 benchId, const BenchSampleRecord &sample);
//   std::expected<void, HistoryError> finishBench(qint64 benchId, BenchRecord::State state);
//   std::expected<QList<BenchSummaryRecord>, HistoryError> benches() const;            // newest first
//   std::expected<BenchRecord, HistoryError> bench(qint64 benchId) const;              // with samples
//   std::expected<void, HistoryError> deleteBench(qint64 benchId);
// open() marks benchmarks left Running as Interrupted (unless another live process writes).

} // namespace versus::history
