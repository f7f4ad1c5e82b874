// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "compare/laneresult.h"

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

namespace versus::bench {

/// One measured request of a benchmark.
struct BenchSample {
    int targetIndex = 0; ///< into BenchSpec::targets
    int promptIndex = 0; ///< into BenchSpec::prompts.prompts
    int runIndex = 0;    ///< 0-based, per target and prompt
    LaneResult result;
};

/// Order statistics of one figure over a target's successful samples that have it:
/// percentiles by metrics/percentile.h (type 7, linear interpolation).
struct Distribution {
    int count = 0;
    double p50 = 0, p95 = 0, p99 = 0, min = 0, max = 0, mean = 0;
    bool estimated = false; ///< at least one value was derived from estimated token counts
};

/// One target's summary (ARCHITECTURE.md "bench" JSON): count = samples, errors by error kind
/// name (errorKindName), distributions of the successful samples only; totals over all samples.
struct TargetSummary {
    QString target; ///< provider:model
    int count = 0;
    int succeeded = 0;
    QMap<QString, int> errors;
    std::optional<Distribution> ttftMs, ttfatMs, e2eMs, outputTokensPerS;
    qint64 totalTokens = 0; ///< prompt + completion over every sample
    qint64 totalCostMicroUsd = 0;
    bool costEstimated = false; ///< some cost rests on estimated token counts
    int unpricedSamples = 0;    ///< samples that used tokens but have no price: the total leaves them out
    int pricedSamples = 0;      ///< samples billed at a known price (a price of $0 included)
    /// Whether the total means something: some sample was priced. With none priced but some
    /// unpriced the cost is unknown (never shown as $0); with neither, nothing was billed.
    bool costKnown() const { return pricedSamples > 0; }
};

/// Whether a sample counts as answered: its status is Ok (what the summary's figures, the
/// CLI's exit status, the view and the stored error counts all use). A request cut off,
/// cancelled, failed, or stopped at the tool-round limit is not.
bool sampleSucceeded(const BenchSample &sample);

/// The summaries of @p samples, one per target of @p targets (in that order, even without samples).
QList<TargetSummary> summarize(const QStringList &targets, const QList<BenchSample> &samples);

/// Which definitions the figures follow (the "definitions" member of the JSON document and the
/// note under the CLI's table): the metric definitions of ARCHITECTURE.md, percentile type 7,
/// LLMPerf's and Artificial Analysis' names where they differ (METRICS.md).
QString definitionsNote();

} // namespace versus::bench
