// SPDX-License-Identifier: GPL-3.0-or-later
// Benchmarks in the real SQLite history (schema 6): stored, listed, read back as the runner
// made them (loadBench), deleted with their samples and their text gone from the file; a
// benchmark left running is Interrupted at the next open; a schema-5 file migrates keeping
// everything.
#include "bench/benchstore.h"
#include "compare/answercodec.h"
#include "history/historyschema.h"
#include "history/historystore.h"
#include "rawsql.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace versus;
using namespace versus::history;

namespace {

using versus::test::sql;

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

bench::BenchSpec spec()
{
    bench::BenchSpec s;
    s.targets = {Target{u"groq"_s, u"openai/gpt-oss-120b"_s}, Target{u"together"_s, u"meta/llama"_s}};
    s.prompts = *bench::builtinPromptSet(u"tools"_s);
    s.runs = 2;
    s.concurrency = 3;
    s.warmup = 1;
    s.parameters.maxTokens = 64;
    s.parameters.temperature = 0.5;
    s.title = u"tools run"_s;
    return s;
}

LaneResult result(const QString &text, std::optional<ErrorKind> error = std::nullopt)
{
    LaneResult r;
    r.target = u"groq:openai/gpt-oss-120b"_s;
    r.provider = u"groq"_s;
    r.model = u"openai/gpt-oss-120b"_s;
    r.chat.text = text;
    r.chat.status = error ? ResultStatus::Error : ResultStatus::Ok;
    if (error) {
        ChatError e;
        e.kind = *error;
        e.httpStatus = 401;
        e.message = u"Invalid API Key"_s;
        r.chat.error = e;
    } else {
        r.chat.finishReason = u"stop"_s;
        r.chat.usage.promptTokens = 12;
        r.chat.usage.completionTokens = 7;
        r.metrics.ttftMs = 120.5;
        r.metrics.ttfatMs = 130.25;
        r.metrics.e2eMs = 900;
        r.metrics.outputTokensPerS = 7.5;
        r.metrics.completionTokens = 7;
        r.metrics.chunks = 7;
    }
    r.sentAt = QDateTime::fromMSecsSinceEpoch(1'760'000'000'000, Qt::UTC);
    return r;
}

BenchSampleRecord sampleRecord(int target, int prompt, int run, const LaneResult &r)
{
    BenchSampleRecord record;
    record.targetIndex = target;
    record.promptIndex = prompt;
    record.runIndex = run;
    record.answer = answerRecordFor(r, answerStateFor(r.chat.status));
    record.answer.startedAt = r.sentAt;
    return record;
}

} // namespace

class tst_BenchHistory : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void storeListLoadDelete();
    void runningBenchIsInterruptedAtOpen();
    void migrationFromVersion5KeepsEverything();
    void unknownBenchIsNotFound();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

void tst_BenchHistory::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(u"data/history.sqlite"_s);
}

void tst_BenchHistory::storeListLoadDelete()
{
    HistoryStore store;
    QVERIFY(store.open(m_path));
    const bench::BenchSpec s = spec();
    BenchRecord record;
    record.title = s.title;
    record.spec = bench::benchSpecToJson(s);
    const auto created = store.createBench(record);
    QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
    QVERIFY(created->id > 0);
    QVERIFY(created->createdAt.isValid());
    QCOMPARE(created->state, BenchRecord::State::Running);
    // Never a key, nor the base URL, in what is stored of the spec.
    QVERIFY(!record.spec.contains(u"base_url"_s));

    const QByteArray canary = "canary-bench-answer-7f3a";
    const QList<BenchSampleRecord> samples{sampleRecord(0, 0, 0, result(QString::fromLatin1(canary))),
                                           sampleRecord(0, 0, 1, result(u"second"_s)),
                                           sampleRecord(1, 2, 1, result(QString(), ErrorKind::Auth))};
    for (const BenchSampleRecord &sample : samples) {
        const auto added = store.addBenchSample(created->id, sample);
        QVERIFY(added);
        QVERIFY(added->id > 0);
    }
    QVERIFY(store.finishBench(created->id, BenchRecord::State::Finished));

    // A second, newer one lists first.
    BenchRecord other;
    other.title = u"other"_s;
    other.createdAt = created->createdAt.addSecs(60);
    other.spec = QJsonObject{{u"targets"_s, QJsonArray{u"ollama:llama3:8b"_s}}};
    const auto second = store.createBench(other);
    QVERIFY(second);

    const auto list = store.benches();
    QVERIFY(list);
    QCOMPARE(list->size(), 2);
    QCOMPARE(list->at(0).id, second->id);
    const BenchSummaryRecord &first = list->at(1);
    QCOMPARE(first.title, u"tools run"_s);
    QCOMPARE(first.state, BenchRecord::State::Finished);
    QVERIFY(first.finishedAt.isValid());
    QCOMPARE(first.targets, (QStringList{u"groq:openai/gpt-oss-120b"_s, u"together:meta/llama"_s}));
    QCOMPARE(first.sampleCount, 3);
    QCOMPARE(first.errorCount, 1);
    QCOMPARE(list->at(0).targets, QStringList{u"ollama:llama3:8b"_s});

    // Read back: the records as written, and loadBench's spec and lane results.
    const auto read = store.bench(created->id);
    QVERIFY(read);
    QCOMPARE(read->samples.size(), 3);
    for (int i = 0; i < 3; ++i) {
        BenchSampleRecord expected = samples.at(i);
        expected.id = read->samples.at(i).id;
        QCOMPARE(read->samples.at(i), expected);
    }
    const auto loaded = bench::loadBench(store, created->id);
    QVERIFY(loaded);
    QCOMPARE(loaded->state, BenchRecord::State::Finished);
    QCOMPARE(loaded->spec.targets, s.targets);
    QCOMPARE(loaded->spec.prompts.prompts, s.prompts.prompts);
    QCOMPARE(loaded->spec.prompts.name, u"tools"_s);
    QVERIFY(loaded->spec.prompts.tools.find(u"calculator"_s)); // the built-in set's tools come back
    QCOMPARE(loaded->spec.runs, 2);
    QCOMPARE(loaded->spec.concurrency, 3);
    QCOMPARE(loaded->spec.warmup, 1);
    QCOMPARE(loaded->spec.parameters.maxTokens, std::optional<qint64>(64));
    QCOMPARE(loaded->spec.title, u"tools run"_s);
    QCOMPARE(loaded->samples.size(), 3);
    const bench::BenchSample &back = loaded->samples.at(0);
    QCOMPARE(back.result.chat.text, QString::fromLatin1(canary));
    QCOMPARE(back.result.metrics.ttftMs, std::optional<double>(120.5));
    QCOMPARE(back.result.metrics.outputTokensPerS, std::optional<double>(7.5));
    QCOMPARE(back.result.chat.usage.completionTokens, std::optional<qint64>(7));
    QCOMPARE(back.result.target, u"groq:openai/gpt-oss-120b"_s);
    const bench::BenchSample &failedBack = loaded->samples.at(2);
    QCOMPARE(failedBack.targetIndex, 1);
    QCOMPARE(failedBack.promptIndex, 2);
    QCOMPARE(failedBack.runIndex, 1);
    QCOMPARE(failedBack.result.target, u"together:meta/llama"_s);
    QCOMPARE(failedBack.result.chat.status, ResultStatus::Error);
    QCOMPARE(failedBack.result.chat.error->kind, ErrorKind::Auth);
    QCOMPARE(failedBack.result.chat.error->message, u"Invalid API Key"_s);

    // Deleting removes the samples and, with secure_delete and the WAL scrubbed, their text.
    const auto bytes = [&]() -> QByteArray { return readAll(m_path) + readAll(m_path + u"-wal"_s); };
    QVERIFY(bytes().contains(canary)); // the check below can fail
    QVERIFY(store.deleteBench(created->id));
    QCOMPARE(store.bench(created->id).error().kind, HistoryError::Kind::NotFound);
    QCOMPARE(store.benches()->size(), 1);
    QCOMPARE(sql(m_path, {u"SELECT count(*) FROM bench_samples"_s}), QStringList{u"0"_s});
    QVERIFY(!bytes().contains(canary));
}

void tst_BenchHistory::runningBenchIsInterruptedAtOpen()
{
    qint64 id = 0;
    {
        HistoryStore store;
        QVERIFY(store.open(m_path));
        BenchRecord record;
        record.title = u"cut short"_s;
        record.spec = bench::benchSpecToJson(spec());
        id = store.createBench(record)->id;
        QVERIFY(store.addBenchSample(id, sampleRecord(0, 0, 0, result(u"done before the crash"_s))));
        // Closed without finishBench: the process died.
    }
    HistoryStore store;
    const auto report = store.open(m_path);
    QVERIFY(report);
    QCOMPARE(report->interruptedBenches, 1);
    const auto bench = store.bench(id);
    QVERIFY(bench);
    QCOMPARE(bench->state, BenchRecord::State::Interrupted);
    QVERIFY(bench->finishedAt.isValid());
    QCOMPARE(bench->samples.size(), 1); // what finished is kept
    QCOMPARE(bench->samples.at(0).answer.text, u"done before the crash"_s);
    store.close();
    // Reopening leaves it as it is.
    QVERIFY(store.open(m_path));
    QCOMPARE(store.bench(id)->state, BenchRecord::State::Interrupted);
}

void tst_BenchHistory::migrationFromVersion5KeepsEverything()
{
    // A file as version 5 left it: a conversation and a bench run of the version-2 table.
    QVERIFY(QDir().mkpath(QFileInfo(m_path).absolutePath()));
    QStringList statements;
    for (const Migration &migration : migrations()) {
        if (migration.version <= 5)
            statements << migration.statements;
    }
    statements << u"INSERT INTO conversations VALUES (5, 'before benches', 1700000000000, 1700000000000)"_s
               << u"INSERT INTO lanes VALUES (6, 5, 0, 'groq', 'scout', NULL, 0)"_s
               << u"INSERT INTO turns (id, conversation_id, position, prompt, created_at) "
                  u"VALUES (7, 5, 0, 'What is a quasar?', 1700000001000)"_s
               << u"INSERT INTO answers (id, turn_id, lane_id, state, text, started_at, updated_at) "
                  u"VALUES (8, 7, 6, 'complete', 'A bright nucleus.', 1700000001000, 1700000002000)"_s
               << u"INSERT INTO bench_runs VALUES (3, 'old bench', '{\"targets\":[\"groq:scout\"]}', "
                  u"'{\"runs\":[]}', 1690000000000, 1690000005000)"_s
               << u"PRAGMA user_version = 5"_s << u"PRAGMA user_version"_s;
    QCOMPARE(sql(m_path, statements), QStringList{u"5"_s});

    HistoryStore store;
    const auto report = store.open(m_path);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->migratedFrom, 5);
    QCOMPARE(HistoryStore::schemaVersion(), 6);
    QCOMPARE(sql(m_path, {u"PRAGMA user_version"_s}), QStringList{u"6"_s});
    const auto conversation = store.conversation(5);
    QVERIFY(conversation);
    QCOMPARE(conversation->turns.at(0).prompt, u"What is a quasar?"_s);
    QCOMPARE(conversation->turns.at(0).answers.at(0).text, u"A bright nucleus."_s);
    QCOMPARE(store.search(u"quasar"_s)->size(), 1);
    // The old bench row is kept, read as finished, with its result document untouched.
    const auto list = store.benches();
    QVERIFY(list);
    QCOMPARE(list->size(), 1);
    QCOMPARE(list->at(0).id, 3);
    QCOMPARE(list->at(0).title, u"old bench"_s);
    QCOMPARE(list->at(0).state, BenchRecord::State::Finished);
    QCOMPARE(list->at(0).targets, QStringList{u"groq:scout"_s});
    QCOMPARE(list->at(0).createdAt, QDateTime::fromMSecsSinceEpoch(1690000000000, Qt::UTC));
    QCOMPARE(sql(m_path, {u"SELECT result FROM bench_runs WHERE id = 3"_s}), QStringList{u"{\"runs\":[]}"_s});
    // And the migrated file takes new benchmarks with samples.
    BenchRecord record;
    record.spec = bench::benchSpecToJson(spec());
    const auto created = store.createBench(record);
    QVERIFY(created);
    QVERIFY(created->id > 3);
    QVERIFY(store.addBenchSample(created->id, sampleRecord(0, 0, 0, result(u"new"_s))));
    QCOMPARE(store.bench(created->id)->samples.size(), 1);
    QCOMPARE(sql(m_path, {u"PRAGMA integrity_check"_s}), QStringList{u"ok"_s});
}

void tst_BenchHistory::unknownBenchIsNotFound()
{
    HistoryStore store;
    QVERIFY(store.open(m_path));
    QCOMPARE(store.addBenchSample(42, {}).error().kind, HistoryError::Kind::NotFound);
    QCOMPARE(store.finishBench(42, BenchRecord::State::Finished).error().kind, HistoryError::Kind::NotFound);
    QCOMPARE(store.deleteBench(42).error().kind, HistoryError::Kind::NotFound);
    QCOMPARE(bench::loadBench(store, 42).error().kind, HistoryError::Kind::NotFound);
}

QTEST_GUILESS_MAIN(tst_BenchHistory)
#include "tst_benchhistory.moc"
