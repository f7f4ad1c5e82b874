// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "bench/benchspec.h"
#include "bench/benchsummary.h"

#include <QByteArray>
#include <QJsonObject>

namespace versus::bench {

/// The `versus-cli bench --json` / `--out F.json` document (ARCHITECTURE.md):
/// {"runs": [lane result + "prompt_index", "run_index"], "summary": [per target: "target",
/// "count", "errors": {kind: n}, "ttft_ms", "ttfat_ms", "e2e_ms", "output_tokens_per_s" — each
/// {"p50","p95","p99","min","max","mean"} or null —, "total_tokens", "total_cost_usd"],
/// "definitions": definitionsNote(), "bench_id" when stored, "cancelled": bool}.
QJsonObject benchToJson(const BenchSpec &spec, const QList<BenchSample> &samples, qint64 benchId, bool cancelled);

/// `--out F.csv`: one row per sample (target, prompt_index, run_index, status, error_kind,
/// ttft_ms, ttfat_ms, e2e_ms, output_tokens_per_s, prompt_tokens, completion_tokens,
/// total_cost_usd, estimated), RFC 4180, formula-like cells guarded as the other CSV exports.
QByteArray benchSamplesToCsv(const BenchSpec &spec, const QList<BenchSample> &samples);
/// The summary as CSV: one row per target.
QByteArray benchSummaryToCsv(const QList<TargetSummary> &summary);

} // namespace versus::bench
