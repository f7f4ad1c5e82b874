// SPDX-License-Identifier: GPL-3.0-or-later
#include "benchoutput.h"

#include "bench/benchexport.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QSaveFile>

namespace versus::cli {

namespace {

QString pair(const std::optional<bench::Distribution> &d, int decimals)
{
    if (!d)
        return QStringLiteral("–");
    return QString::number(d->p50, 'f', decimals) + QStringLiteral(" / ") + QString::number(d->p95, 'f', decimals) +
           (d->estimated ? QStringLiteral(" ≈") : QString());
}

QString costText(const bench::TargetSummary &s)
{
    if (s.unpricedSamples > 0 && !s.costKnown())
        return QStringLiteral("no price");
    if (s.totalTokens == 0 && s.totalCostMicroUsd == 0)
        return QStringLiteral("–"); // nothing was billed (every request failed before any token)
    QString text = (s.costEstimated ? QStringLiteral("≈ $") : QStringLiteral("$")) +
                   QString::number(double(s.totalCostMicroUsd) / 1e6, 'f', 4);
    if (s.unpricedSamples > 0)
        text = QStringLiteral("≥ ") + text;
    return text;
}

std::expected<void, QString> writePrivateFile(const QString &path, const QByteArray &bytes)
{
    // The runs hold the answers: private like the history. QSaveFile leaves no half file.
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || !file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) ||
        file.write(bytes) != bytes.size() || !file.commit())
        return std::unexpected(QStringLiteral("cannot write %1: %2").arg(path, file.errorString()));
    return {};
}

} // namespace

void printBenchTable(QTextStream &out, const QList<bench::TargetSummary> &summary)
{
    QList<QStringList> rows{{QStringLiteral("target"), QStringLiteral("ok/runs"), QStringLiteral("errors"),
                             QStringLiteral("TTFT ms p50 / p95"), QStringLiteral("TTFAT ms p50 / p95"),
                             QStringLiteral("e2e ms p50 / p95"), QStringLiteral("tok/s p50 / p95"),
                             QStringLiteral("tokens"), QStringLiteral("cost")}};
    for (const bench::TargetSummary &s : summary) {
        QStringList errors;
        for (auto it = s.errors.cbegin(); it != s.errors.cend(); ++it)
            errors << it.key() + QStringLiteral(" ×") + QString::number(it.value());
        rows << QStringList{s.target,
                            QString::number(s.succeeded) + u'/' + QString::number(s.count),
                            errors.isEmpty() ? QStringLiteral("–") : errors.join(QStringLiteral(", ")),
                            pair(s.ttftMs, 0),
                            pair(s.ttfatMs, 0),
                            pair(s.e2eMs, 0),
                            pair(s.outputTokensPerS, 1),
                            QString::number(s.totalTokens),
                            costText(s)};
    }
    QList<qsizetype> widths(rows.first().size(), 0);
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size(); ++i)
            widths[i] = std::max(widths[i], row.at(i).size());
    }
    for (const QStringList &row : rows) {
        QStringList cells;
        for (qsizetype i = 0; i < row.size(); ++i)
            cells << (i == 0 || i == 2 ? row.at(i).leftJustified(widths[i]) : row.at(i).rightJustified(widths[i]));
        out << cells.join(QStringLiteral("  ")).trimmed() << '\n';
    }
    out << '\n' << bench::definitionsNote() << '\n';
    out.flush();
}

std::expected<void, QString> checkBenchOutPath(const QString &path)
{
    if (!path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive) &&
        !path.endsWith(QStringLiteral(".csv"), Qt::CaseInsensitive))
        return std::unexpected(QStringLiteral("--out needs a file name ending in .json or .csv, not \"%1\"").arg(path));
    // Checked before the first request: a folder that is missing or read-only would otherwise
    // be found only after the whole run, its tokens paid for.
    const QFileInfo folder(QFileInfo(path).absolutePath());
    if (!folder.isDir())
        return std::unexpected(QStringLiteral("--out: the folder \"%1\" does not exist").arg(folder.filePath()));
    if (!folder.isWritable())
        return std::unexpected(QStringLiteral("--out: the folder \"%1\" cannot be written").arg(folder.filePath()));
    return {};
}

std::expected<QStringList, QString> writeBenchFiles(const QString &path, const bench::BenchSpec &spec,
                                                    const QList<bench::BenchSample> &samples, qint64 benchId,
                                                    bool cancelled)
{
    if (path.endsWith(QStringLiteral(".json"), Qt::CaseInsensitive)) {
        const QByteArray bytes =
            QJsonDocument(bench::benchToJson(spec, samples, benchId, cancelled)).toJson(QJsonDocument::Indented);
        if (auto written = writePrivateFile(path, bytes); !written)
            return std::unexpected(written.error());
        return QStringList{path};
    }
    const QString summaryPath = path.left(path.size() - 4) + QStringLiteral(".summary.csv");
    if (auto written = writePrivateFile(path, bench::benchSamplesToCsv(spec, samples)); !written)
        return std::unexpected(written.error());
    QStringList targets;
    for (const Target &target : spec.targets)
        targets << target.toString();
    if (auto written = writePrivateFile(summaryPath, bench::benchSummaryToCsv(bench::summarize(targets, samples)));
        !written)
        return std::unexpected(written.error());
    return QStringList{path, summaryPath};
}

} // namespace versus::cli
