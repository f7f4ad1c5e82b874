// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryStore: provider benchmarks (bench_runs) and their measured requests (bench_samples).
#include "history/historystore_p.h"

#include <QJsonArray>

#include <array>

using namespace Qt::StringLiterals;

namespace versus::history {

using namespace detail;

namespace {

constexpr std::array kBenchStates{BenchRecord::State::Running, BenchRecord::State::Finished,
                                  BenchRecord::State::Cancelled, BenchRecord::State::Interrupted};

BenchRecord::State benchStateFromName(const QString &name)
{
    for (BenchRecord::State state : kBenchStates) {
        if (benchStateName(state) == name)
            return state;
    }
    return BenchRecord::State::Interrupted;
}

QVariant textOrNull(const QString &text)
{
    return text.isEmpty() ? QVariant() : QVariant(text);
}

} // namespace

QString benchStateName(BenchRecord::State state)
{
    switch (state) {
    case BenchRecord::State::Running:
        return u"running"_s;
    case BenchRecord::State::Finished:
        return u"finished"_s;
    case BenchRecord::State::Cancelled:
        return u"cancelled"_s;
    case BenchRecord::State::Interrupted:
        return u"interrupted"_s;
    }
    return u"interrupted"_s;
}

std::expected<BenchRecord, HistoryError> HistoryStore::createBench(const BenchRecord &bench)
{
    return d->transaction([&]() -> std::expected<BenchRecord, HistoryError> {
        BenchRecord stored = bench;
        stored.samples.clear();
        if (!stored.createdAt.isValid())
            stored.createdAt = QDateTime::currentDateTimeUtc();
        // config is NOT NULL (version 2): an empty spec is stored as {}.
        const QVariant spec = stored.spec.isEmpty() ? QVariant(u"{}"_s) : jsonToDb(stored.spec);
        auto inserted = d->exec(u"INSERT INTO bench_runs (title, config, state, started_at, finished_at) "
                                u"VALUES (COALESCE(?, ''), ?, ?, ?, ?)"_s,
                                {stored.title, spec, benchStateName(stored.state), timeToDb(stored.createdAt),
                                 timeToDb(stored.finishedAt)});
        if (!inserted)
            return std::unexpected(inserted.error());
        stored.id = inserted->lastInsertId().toLongLong();
        return stored;
    });
}

std::expected<BenchSampleRecord, HistoryError> HistoryStore::addBenchSample(qint64 benchId,
                                                                            const BenchSampleRecord &sample)
{
    return d->transaction([&]() -> std::expected<BenchSampleRecord, HistoryError> {
        auto known = d->exists(u"bench_runs"_s, benchId);
        if (!known)
            return std::unexpected(known.error());
        if (!*known)
            return std::unexpected(notFound(u"benchmark"_s, benchId));
        BenchSampleRecord stored = sample;
        AnswerRecord &answer = stored.answer;
        if (!answer.startedAt.isValid())
            answer.startedAt = QDateTime::currentDateTimeUtc();
        auto inserted = d->exec(
            u"INSERT INTO bench_samples (bench_id, target_index, prompt_index, run_index, state, text, reasoning, "
            u"tool_calls, tool_rounds, structured_output, finish_reason, usage, metrics, cost, error, started_at, "
            u"finished_at) VALUES (?, ?, ?, ?, ?, COALESCE(?, ''), COALESCE(?, ''), ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s,
            {benchId, stored.targetIndex, stored.promptIndex, stored.runIndex, answerStateName(answer.state),
             answer.text, answer.reasoning, jsonToDb(answer.toolCalls), jsonToDb(answer.toolRounds),
             jsonToDb(answer.structuredOutput), textOrNull(answer.finishReason), jsonToDb(answer.usage),
             jsonToDb(answer.metrics), jsonToDb(answer.cost), jsonToDb(answer.error), timeToDb(answer.startedAt),
             timeToDb(answer.finishedAt)});
        if (!inserted)
            return std::unexpected(inserted.error());
        stored.id = inserted->lastInsertId().toLongLong();
        return stored;
    });
}

std::expected<void, HistoryError> HistoryStore::finishBench(qint64 benchId, BenchRecord::State state)
{
    auto updated = d->exec(u"UPDATE bench_runs SET state = ?, finished_at = ? WHERE id = ?"_s,
                           {benchStateName(state), QDateTime::currentMSecsSinceEpoch(), benchId});
    if (!updated)
        return std::unexpected(updated.error());
    if (updated->numRowsAffected() == 0)
        return std::unexpected(notFound(u"benchmark"_s, benchId));
    return {};
}

std::expected<QList<BenchSummaryRecord>, HistoryError> HistoryStore::benches() const
{
    auto query = d->exec(u"SELECT r.id, r.title, r.state, r.config, r.started_at, r.finished_at, "
                         u"(SELECT COUNT(*) FROM bench_samples s WHERE s.bench_id = r.id), "
                         u"(SELECT COUNT(*) FROM bench_samples s WHERE s.bench_id = r.id AND s.state <> 'complete') "
                         u"FROM bench_runs r ORDER BY r.started_at DESC, r.id DESC"_s);
    if (!query)
        return std::unexpected(query.error());
    QList<BenchSummaryRecord> list;
    while (query->next()) {
        BenchSummaryRecord summary;
        summary.id = query->value(0).toLongLong();
        summary.title = query->value(1).toString();
        summary.state = benchStateFromName(query->value(2).toString());
        const QJsonArray targets = jsonFromDb(query->value(3)).object().value(u"targets").toArray();
        for (const QJsonValue &target : targets)
            summary.targets << target.toString();
        summary.createdAt = timeFromDb(query->value(4));
        summary.finishedAt = timeFromDb(query->value(5));
        summary.sampleCount = query->value(6).toInt();
        summary.errorCount = query->value(7).toInt();
        list << summary;
    }
    return list;
}

std::expected<BenchRecord, HistoryError> HistoryStore::bench(qint64 benchId) const
{
    auto head =
        d->exec(u"SELECT id, title, state, config, started_at, finished_at FROM bench_runs WHERE id = ?"_s, {benchId});
    if (!head)
        return std::unexpected(head.error());
    if (!head->next())
        return std::unexpected(notFound(u"benchmark"_s, benchId));
    BenchRecord bench;
    bench.id = head->value(0).toLongLong();
    bench.title = head->value(1).toString();
    bench.state = benchStateFromName(head->value(2).toString());
    bench.spec = jsonFromDb(head->value(3)).object();
    bench.createdAt = timeFromDb(head->value(4));
    bench.finishedAt = timeFromDb(head->value(5));

    auto rows = d->exec(u"SELECT id, target_index, prompt_index, run_index, state, text, reasoning, tool_calls, "
                        u"tool_rounds, structured_output, finish_reason, usage, metrics, cost, error, started_at, "
                        u"finished_at FROM bench_samples WHERE bench_id = ? ORDER BY id"_s,
                        {benchId});
    if (!rows)
        return std::unexpected(rows.error());
    while (rows->next()) {
        BenchSampleRecord sample;
        sample.id = rows->value(0).toLongLong();
        sample.targetIndex = rows->value(1).toInt();
        sample.promptIndex = rows->value(2).toInt();
        sample.runIndex = rows->value(3).toInt();
        AnswerRecord &answer = sample.answer;
        answer.state = answerStateFromName(rows->value(4).toString()).value_or(AnswerState::Interrupted);
        answer.text = rows->value(5).toString();
        answer.reasoning = rows->value(6).toString();
        answer.toolCalls = jsonFromDb(rows->value(7)).array();
        answer.toolRounds = jsonFromDb(rows->value(8)).array();
        answer.structuredOutput = jsonFromDb(rows->value(9)).object();
        answer.finishReason = rows->value(10).toString();
        answer.usage = jsonFromDb(rows->value(11)).object();
        answer.metrics = jsonFromDb(rows->value(12)).object();
        answer.cost = jsonFromDb(rows->value(13)).object();
        answer.error = jsonFromDb(rows->value(14)).object();
        answer.startedAt = timeFromDb(rows->value(15));
        answer.finishedAt = timeFromDb(rows->value(16));
        bench.samples << sample;
    }
    return bench;
}

std::expected<void, HistoryError> HistoryStore::deleteBench(qint64 benchId)
{
    auto deleted = d->transaction([&]() -> std::expected<void, HistoryError> {
        auto known = d->exists(u"bench_runs"_s, benchId);
        if (!known)
            return std::unexpected(known.error());
        if (!*known)
            return std::unexpected(notFound(u"benchmark"_s, benchId));
        for (const QString &statement :
             {u"DELETE FROM bench_samples WHERE bench_id = ?"_s, u"DELETE FROM bench_runs WHERE id = ?"_s}) {
            if (auto query = d->exec(statement, {benchId}); !query)
                return std::unexpected(query.error());
        }
        return {};
    });
    if (!deleted)
        return deleted;
    // secure_delete zeroed the rows' cells; the WAL's old pages go now or when the store closes.
    d->scrubPending = !d->scrub();
    return {};
}

} // namespace versus::history
