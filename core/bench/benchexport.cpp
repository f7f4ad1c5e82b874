// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/benchexport.h"

#include "export/laneresultjson.h"
#include "export/scoreboardexport.h"

#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace versus::bench {

namespace {

QJsonValue distributionJson(const std::optional<Distribution> &d)
{
    if (!d)
        return QJsonValue::Null;
    return QJsonObject{
        {u"p50"_s, d->p50}, {u"p95"_s, d->p95},   {u"p99"_s, d->p99},     {u"min"_s, d->min},
        {u"max"_s, d->max}, {u"mean"_s, d->mean}, {u"count"_s, d->count}, {u"estimated"_s, d->estimated}};
}

QJsonValue usdJson(qint64 microUsd)
{
    return double(microUsd) / 1e6;
}

QStringList targetNames(const BenchSpec &spec)
{
    QStringList names;
    for (const Target &target : spec.targets)
        names << target.toString();
    return names;
}

QString number(const std::optional<double> &value, int decimals)
{
    return value ? QString::number(*value, 'f', decimals) : QString();
}

QString number(const std::optional<qint64> &value)
{
    return value ? QString::number(*value) : QString();
}

QByteArray csvLines(const QList<QStringList> &rows)
{
    QString text;
    for (const QStringList &row : rows) {
        QStringList fields;
        for (const QString &field : row)
            fields << exports::csvTextField(field);
        text += fields.join(u',') + u"\r\n"_s;
    }
    return text.toUtf8();
}

} // namespace

QJsonObject benchToJson(const BenchSpec &spec, const QList<BenchSample> &samples, qint64 benchId, bool cancelled)
{
    QJsonArray runs;
    for (const BenchSample &sample : samples) {
        QJsonObject run = laneResultToJson(sample.result);
        run.insert(u"target_index"_s, sample.targetIndex);
        run.insert(u"prompt_index"_s, sample.promptIndex);
        run.insert(u"run_index"_s, sample.runIndex);
        runs << run;
    }
    QJsonArray summary;
    for (const TargetSummary &target : summarize(targetNames(spec), samples)) {
        QJsonObject errors;
        for (auto it = target.errors.cbegin(); it != target.errors.cend(); ++it)
            errors.insert(it.key(), it.value());
        // No priced sample among those that used tokens: the total is unknown, not zero.
        const bool unknownCost = target.unpricedSamples > 0 && !target.costKnown();
        summary << QJsonObject{
            {u"target"_s, target.target},
            {u"count"_s, target.count},
            {u"succeeded"_s, target.succeeded},
            {u"errors"_s, errors},
            {u"ttft_ms"_s, distributionJson(target.ttftMs)},
            {u"ttfat_ms"_s, distributionJson(target.ttfatMs)},
            {u"e2e_ms"_s, distributionJson(target.e2eMs)},
            {u"output_tokens_per_s"_s, distributionJson(target.outputTokensPerS)},
            {u"total_tokens"_s, target.totalTokens},
            {u"total_cost_usd"_s, unknownCost ? QJsonValue(QJsonValue::Null) : usdJson(target.totalCostMicroUsd)},
            {u"cost_estimated"_s, target.costEstimated},
            {u"unpriced_samples"_s, target.unpricedSamples},
        };
    }
    QJsonObject document{
        {u"title"_s, spec.title},
        {u"prompt_set"_s, spec.prompts.name},
        {u"prompts"_s, QJsonArray::fromStringList(spec.prompts.prompts)},
        {u"runs_per_prompt"_s, spec.runs},
        {u"concurrency"_s, spec.concurrency},
        {u"warmup"_s, spec.warmup},
        {u"runs"_s, runs},
        {u"summary"_s, summary},
        {u"definitions"_s, definitionsNote()},
        {u"cancelled"_s, cancelled},
    };
    if (benchId > 0)
        document.insert(u"bench_id"_s, benchId);
    return document;
}

QByteArray benchSamplesToCsv(const BenchSpec &spec, const QList<BenchSample> &samples)
{
    QList<QStringList> rows{{u"target"_s, u"prompt_index"_s, u"run_index"_s, u"status"_s, u"error_kind"_s, u"ttft_ms"_s,
                             u"ttfat_ms"_s, u"e2e_ms"_s, u"output_tokens_per_s"_s, u"prompt_tokens"_s,
                             u"completion_tokens"_s, u"total_cost_usd"_s, u"estimated"_s}};
    for (const BenchSample &sample : samples) {
        const LaneResult &result = sample.result;
        const QString target = spec.targets.value(sample.targetIndex).toString();
        const StreamMetrics &m = result.metrics;
        const bool estimated = m.estimated || result.chat.usage.estimated || (result.cost && result.cost->estimated);
        rows << QStringList{target.isEmpty() || target == u":" ? result.target : target,
                            QString::number(sample.promptIndex),
                            QString::number(sample.runIndex),
                            resultStatusName(result.chat.status),
                            result.chat.error ? errorKindName(result.chat.error->kind) : QString(),
                            number(m.ttftMs, 1),
                            number(m.ttfatMs, 1),
                            number(m.e2eMs, 1),
                            number(m.outputTokensPerS, 2),
                            number(result.chat.usage.promptTokens),
                            number(result.chat.usage.completionTokens),
                            result.cost ? QString::number(double(result.cost->totalMicroUsd) / 1e6, 'f', 6) : QString(),
                            estimated ? u"true"_s : u"false"_s};
    }
    return csvLines(rows);
}

QByteArray benchSummaryToCsv(const QList<TargetSummary> &summary)
{
    QList<QStringList> rows;
    QStringList header{u"target"_s, u"count"_s, u"succeeded"_s, u"errors"_s};
    for (const char *figure : {"ttft_ms", "ttfat_ms", "e2e_ms", "output_tokens_per_s"}) {
        for (const char *stat : {"p50", "p95", "p99", "min", "max", "mean"})
            header << QString::fromLatin1(figure) + u'_' + QString::fromLatin1(stat);
    }
    header << u"total_tokens"_s << u"total_cost_usd"_s << u"cost_estimated"_s << u"unpriced_samples"_s;
    rows << header;
    for (const TargetSummary &target : summary) {
        QStringList errors;
        for (auto it = target.errors.cbegin(); it != target.errors.cend(); ++it)
            errors << it.key() + u'=' + QString::number(it.value());
        QStringList row{target.target, QString::number(target.count), QString::number(target.succeeded),
                        errors.join(u' ')};
        for (const auto *d : {&target.ttftMs, &target.ttfatMs, &target.e2eMs, &target.outputTokensPerS}) {
            for (int i = 0; i < 6; ++i) {
                if (!*d) {
                    row << QString();
                    continue;
                }
                const double values[] = {(*d)->p50, (*d)->p95, (*d)->p99, (*d)->min, (*d)->max, (*d)->mean};
                row << QString::number(values[i], 'f', 2);
            }
        }
        const bool unknownCost = target.unpricedSamples > 0 && !target.costKnown();
        row << QString::number(target.totalTokens)
            << (unknownCost ? QString() : QString::number(double(target.totalCostMicroUsd) / 1e6, 'f', 6))
            << (target.costEstimated ? u"true"_s : u"false"_s) << QString::number(target.unpricedSamples);
        rows << row;
    }
    return csvLines(rows);
}

} // namespace versus::bench
