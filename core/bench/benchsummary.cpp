// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/benchsummary.h"

#include "metrics/percentile.h"
#include "pricing/costtotals.h"

#include <algorithm>
#include <numeric>

using namespace Qt::StringLiterals;

namespace versus::bench {

namespace {

std::optional<Distribution> distributionOf(const QList<double> &values, bool estimated)
{
    if (values.isEmpty())
        return std::nullopt;
    Distribution d;
    d.count = int(values.size());
    d.p50 = *percentile(values, 0.50);
    d.p95 = *percentile(values, 0.95);
    d.p99 = *percentile(values, 0.99);
    d.min = *std::min_element(values.begin(), values.end());
    d.max = *std::max_element(values.begin(), values.end());
    d.mean = std::accumulate(values.begin(), values.end(), 0.0) / double(values.size());
    d.estimated = estimated;
    return d;
}

/// The error kind a failed sample counts under: its error's kind, else its status.
QString failureKind(const LaneResult &result)
{
    if (result.chat.error)
        return errorKindName(result.chat.error->kind);
    return resultStatusName(result.chat.status);
}

} // namespace

bool sampleSucceeded(const BenchSample &sample)
{
    return sample.result.chat.status == ResultStatus::Ok;
}

QList<TargetSummary> summarize(const QStringList &targets, const QList<BenchSample> &samples)
{
    QList<TargetSummary> list;
    for (qsizetype t = 0; t < targets.size(); ++t) {
        TargetSummary summary;
        summary.target = targets.at(t);
        QList<double> ttft, ttfat, e2e, speed;
        bool speedEstimated = false;
        CostTotals cost;
        for (const BenchSample &sample : samples) {
            if (sample.targetIndex != t)
                continue;
            const LaneResult &result = sample.result;
            ++summary.count;
            const Usage &usage = result.chat.usage;
            summary.totalTokens += usage.promptTokens.value_or(0) + usage.completionTokens.value_or(0);
            addAnswerCost(cost, result);
            if (!sampleSucceeded(sample)) {
                ++summary.errors[failureKind(result)];
                continue;
            }
            ++summary.succeeded;
            const StreamMetrics &m = result.metrics;
            if (m.ttftMs)
                ttft << *m.ttftMs;
            if (m.ttfatMs)
                ttfat << *m.ttfatMs;
            if (m.e2eMs)
                e2e << *m.e2eMs;
            if (m.outputTokensPerS) {
                speed << *m.outputTokensPerS;
                speedEstimated = speedEstimated || m.estimated;
            }
        }
        summary.ttftMs = distributionOf(ttft, false);
        summary.ttfatMs = distributionOf(ttfat, false);
        summary.e2eMs = distributionOf(e2e, false);
        summary.outputTokensPerS = distributionOf(speed, speedEstimated);
        summary.totalCostMicroUsd = cost.totalMicroUsd();
        summary.costEstimated = cost.anyEstimated();
        summary.unpricedSamples = cost.unpricedCount();
        summary.pricedSamples = cost.pricedCount();
        list << summary;
    }
    return list;
}

QString definitionsNote()
{
    return u"Figures over each target's successful requests; percentiles by linear interpolation "
           u"(Hyndman & Fan type 7, as NumPy and spreadsheets), t0 = request handed to the network. "
           u"ttft_ms: first delta with text, reasoning or a tool call (vLLM's TTFT; LLMPerf's TTFT "
           u"ignores reasoning). ttfat_ms: first answer-text delta, thinking included (Artificial "
           u"Analysis' time to first answer token). e2e_ms: last token-bearing delta (LLMPerf's "
           u"end-to-end latency without the usage-only chunk). output_tokens_per_s: (completion "
           u"tokens - 1) / (last - first token), usage counts with reasoning (Artificial Analysis' "
           u"output speed, vLLM's 1/TPOT; LLMPerf divides by e2e instead). Estimated token counts "
           u"are marked. Costs: catalog prices at the time sent; unpriced requests are left out of "
           u"the total."_s;
}

} // namespace versus::bench
