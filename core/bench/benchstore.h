// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bench/benchspec.h"
#include "bench/benchsummary.h"
#include "history/benchrecords.h"
#include "history/historystore.h"

#include <expected>

namespace versus::bench {

/// A benchmark read back from the history: what was asked and what was measured, enough to
/// show its table and charts again and export it.
struct StoredBench {
    qint64 id = 0;
    history::BenchRecord::State state = history::BenchRecord::State::Finished;
    QDateTime createdAt;
    BenchSpec spec; ///< targets, prompts, runs, concurrency, warmup, parameters as stored
    QList<BenchSample> samples;
};

/// What the history stores of a spec (BenchRecord::spec): "targets", "prompts", "prompt_set",
/// "runs", "concurrency", "warmup", "parameters" (answercodec's parametersToJson) — never a key,
/// and not the base URL (it may carry credentials).
QJsonObject benchSpecToJson(const BenchSpec &spec);
/// A stored spec read back; a built-in prompt set's tools come back with its name.
BenchSpec benchSpecFromJson(const QJsonObject &object);
/// The title of a benchmark without one: "groq:m, openai:m · short".
QString defaultBenchTitle(const BenchSpec &spec);

std::expected<StoredBench, history::HistoryError> loadBench(const history::HistoryStore &store, qint64 benchId);

} // namespace versus::bench
