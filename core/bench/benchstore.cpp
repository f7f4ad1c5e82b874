// SPDX-License-Identifier: GPL-3.0-or-later
#include "bench/benchstore.h"

#include "compare/answercodec.h"

#include <QFileInfo>
#include <QJsonArray>

using namespace Qt::StringLiterals;

namespace versus::bench {

QJsonObject benchSpecToJson(const BenchSpec &spec)
{
    QJsonArray targets;
    for (const Target &target : spec.targets)
        targets << target.toString();
    QJsonObject object{
        {u"targets"_s, targets},
        {u"prompts"_s, QJsonArray::fromStringList(spec.prompts.prompts)},
        {u"prompt_set"_s, spec.prompts.name},
        {u"runs"_s, spec.runs},
        {u"concurrency"_s, spec.concurrency},
        {u"warmup"_s, spec.warmup},
    };
    if (const QJsonObject parameters = parametersToJson(spec.parameters); !parameters.isEmpty())
        object.insert(u"parameters"_s, parameters);
    return object;
}

BenchSpec benchSpecFromJson(const QJsonObject &object)
{
    BenchSpec spec;
    for (const QJsonValue &value : object.value(u"targets").toArray()) {
        if (auto target = Target::parse(value.toString()))
            spec.targets << *target;
    }
    spec.prompts.name = object.value(u"prompt_set").toString();
    for (const QJsonValue &value : object.value(u"prompts").toArray())
        spec.prompts.prompts << value.toString();
    if (auto builtin = builtinPromptSet(spec.prompts.name); builtin && builtin->prompts == spec.prompts.prompts)
        spec.prompts.tools = builtin->tools;
    spec.runs = object.value(u"runs").toInt(1);
    spec.concurrency = object.value(u"concurrency").toInt(1);
    spec.warmup = object.value(u"warmup").toInt(0);
    spec.parameters = parametersFromJson(object.value(u"parameters").toObject());
    return spec;
}

QString defaultBenchTitle(const BenchSpec &spec)
{
    QStringList targets;
    for (const Target &target : spec.targets)
        targets << target.toString();
    const QString prompts =
        builtinPromptSet(spec.prompts.name) ? spec.prompts.name : QFileInfo(spec.prompts.name).fileName();
    return prompts.isEmpty() ? targets.join(u", "_s) : targets.join(u", "_s) + u" · "_s + prompts;
}

std::expected<StoredBench, history::HistoryError> loadBench(const history::HistoryStore &store, qint64 benchId)
{
    auto record = store.bench(benchId);
    if (!record)
        return std::unexpected(record.error());
    StoredBench bench;
    bench.id = record->id;
    bench.state = record->state;
    bench.createdAt = record->createdAt;
    bench.spec = benchSpecFromJson(record->spec);
    bench.spec.title = record->title;
    bench.spec.saveHistory = true;
    for (const history::BenchSampleRecord &row : std::as_const(record->samples)) {
        history::LaneRecord lane;
        const Target target = bench.spec.targets.value(row.targetIndex);
        lane.provider = target.provider;
        lane.model = target.model;
        BenchSample sample;
        sample.targetIndex = row.targetIndex;
        sample.promptIndex = row.promptIndex;
        sample.runIndex = row.runIndex;
        sample.result = laneResultFromRecord(row.answer, lane);
        bench.samples << sample;
    }
    return bench;
}

} // namespace versus::bench
