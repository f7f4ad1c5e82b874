// SPDX-License-Identifier: GPL-3.0-or-later
// What `versus-cli bench` and `bench show` print and write: the summary table for people (with
// the definitions note under it) and the --out files.
#pragma once

#include "bench/benchspec.h"
#include "bench/benchsummary.h"

#include <QTextStream>

#include <expected>

namespace versus::cli {

/// The summary table, one row per target, then the definitions note.
void printBenchTable(QTextStream &out, const QList<bench::TargetSummary> &summary);

/// Whether @p path names a file --out can write: ends in .json or .csv (error text otherwise).
std::expected<void, QString> checkBenchOutPath(const QString &path);
/// Writes @p path (0600): F.json the document; F.csv the runs, and F.summary.csv beside it.
/// Returns the paths written, or an error text.
std::expected<QStringList, QString> writeBenchFiles(const QString &path, const bench::BenchSpec &spec,
                                                    const QList<bench::BenchSample> &samples, qint64 benchId,
                                                    bool cancelled);

} // namespace versus::cli
