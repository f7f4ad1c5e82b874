// SPDX-License-Identifier: GPL-3.0-or-later
// `versus-cli bench` as a process against the loopback server, in a private home: 3 targets ×
// 2 prompts × 5 runs on known schedules give the summaries the schedules imply; the JSON
// document and the CSV files are valid and agree; a target failing every run has its errors
// counted by kind while the others complete (exit 1); the benchmark is stored and listed;
// Ctrl+C (SIGINT) stops cleanly and still writes what finished (exit 130); usage errors exit 2.
#include "clirun.h"
#include "history/historystore.h"
#include "openaichunks.h"
#include "pacedstream.h"
#include "scriptedserver.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

#include <signal.h>

using namespace versus;
using namespace versus::test;

namespace {

const QString kGroq = QStringLiteral("groq:openai/gpt-oss-120b");
const QString kTogether = QStringLiteral("together:openai/gpt-oss-120b");
const QString kOllama = QStringLiteral("ollama:llama3:8b");

/// A schedule: @p pieces content chunks, the first at @p firstMs after the request, then one
/// every @p gapMs, then the finish chunk with usage (completion = pieces, prompt = 10).
/// TTFT = firstMs, e2e = firstMs + (pieces − 1)·gapMs, decode speed = 1000 / gapMs tokens/s.
ScriptedResponse scheduled(int pieces, int firstMs, int gapMs)
{
    QList<QByteArray> payloads;
    for (int i = 0; i < pieces; ++i)
        payloads << openAiContentChunk(i == 0 ? QStringLiteral("Answer") : QStringLiteral(" word"));
    payloads << openAiFinishChunk(pieces, 10);
    return pacedSse(payloads, firstMs, gapMs);
}

/// RFC 4180 records of @p bytes (quoted fields may hold commas, quotes and line breaks).
QList<QStringList> parseCsv(const QByteArray &bytes, bool *ok)
{
    const QString text = QString::fromUtf8(bytes);
    QList<QStringList> rows;
    QStringList row;
    QString field;
    bool quoted = false;
    *ok = true;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c == u'"' && i + 1 < text.size() && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else if (c == u'"') {
                quoted = false;
            } else {
                field += c;
            }
        } else if (c == u'"') {
            if (!field.isEmpty())
                *ok = false; // a quote inside an unquoted field
            quoted = true;
        } else if (c == u',') {
            row << field;
            field.clear();
        } else if (c == u'\r' && i + 1 < text.size() && text.at(i + 1) == u'\n') {
            row << field;
            rows << row;
            row.clear();
            field.clear();
            ++i;
        } else if (c == u'\n' || c == u'\r') {
            *ok = false; // records end in CRLF
        } else {
            field += c;
        }
    }
    if (quoted || !field.isEmpty() || !row.isEmpty())
        *ok = false; // unterminated
    return rows;
}

} // namespace

class tst_BenchCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void threeTargetsMatchTheirSchedules();
    void tableForPeople();
    void ctrlCStopsAndWritesWhatFinished();
    void usageErrors_data();
    void usageErrors();

private:
    QProcessEnvironment environment() const;
    CliRun run(const QStringList &arguments, int timeoutMs = 60'000);
    QString historyPath() const { return m_home->filePath(QStringLiteral("data/versus/history.sqlite")); }

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ScriptedServer> m_server;
};

void tst_BenchCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
}

void tst_BenchCli::cleanup()
{
    m_server.reset();
    m_home.reset();
}

QProcessEnvironment tst_BenchCli::environment() const
{
    QMap<QString, QString> extra{
        {QStringLiteral("GROQ_API_KEY"), QStringLiteral("gsk_bench_cli_test_key_0001")},
        {QStringLiteral("TOGETHER_API_KEY"), QStringLiteral("tgp_bench_cli_test_key_0002")},
    };
    for (const char *provider : {"groq", "together", "ollama"}) {
        const QString id = QString::fromLatin1(provider);
        extra.insert(QStringLiteral("VERSUS_%1_BASE_URL").arg(id.toUpper()),
                     m_server->url(QStringLiteral("/%1/v1").arg(id)).toString());
    }
    return privateCliEnvironment(m_home->path(), extra);
}

CliRun tst_BenchCli::run(const QStringList &arguments, int timeoutMs)
{
    CliRun result;
    if (!runCliProcess(QStringLiteral(VERSUS_CLI_PATH), arguments, environment(), result, timeoutMs))
        result.exitCode = -1;
    return result;
}

void tst_BenchCli::threeTargetsMatchTheirSchedules()
{
    // groq: TTFT 150 ms, 50 tokens/s, e2e 150 + 10·20 = 350 ms; together: TTFT 300 ms,
    // 100 tokens/s, e2e 300 + 10·10 = 400 ms; ollama refuses every request (401).
    m_server->route("POST", "/groq/v1/chat/completions", scheduled(11, 150, 20));
    m_server->route("POST", "/together/v1/chat/completions", scheduled(11, 300, 10));
    m_server->route("POST", "/ollama/v1/chat/completions",
                    ScriptedResponse::json(401, R"({"error":{"message":"Unauthorized: bad token","type":"auth"}})"));
    const QString promptFile = m_home->filePath(QStringLiteral("prompts.json"));
    {
        QFile file(promptFile);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(R"(["Say one thing", "=SUM(A1:A2), \"quoted\""])");
    }
    const QString csvPath = m_home->filePath(QStringLiteral("out/bench.csv"));
    // Two requests per target at a time: the three targets share the loopback server's host and
    // port, and Qt opens at most 6 HTTP/1.1 connections to one host; beyond that a request
    // waits in the client's queue for a connection (inside the measured time) and the figures
    // would no longer follow the schedules.
    QVERIFY(QDir().mkpath(QFileInfo(csvPath).absolutePath()));

    const CliRun result =
        run({QStringLiteral("bench"), QStringLiteral("-t"), kGroq, QStringLiteral("-t"), kTogether,
             QStringLiteral("-t"), kOllama, QStringLiteral("--prompt-file"), promptFile, QStringLiteral("--runs"),
             QStringLiteral("5"), QStringLiteral("--concurrency"), QStringLiteral("2"), QStringLiteral("--warmup"),
             QStringLiteral("1"), QStringLiteral("--json"), QStringLiteral("--out"), csvPath});
    QCOMPARE(result.exitCode, 1); // one target failed every run
    QVERIFY2(result.err.contains(QStringLiteral("Unauthorized: bad token")), qPrintable(result.err)); // its words

    QJsonParseError parseError{};
    const QJsonDocument parsed = QJsonDocument::fromJson(result.out, &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError && parsed.isObject(), result.out.constData());
    const QJsonObject document = parsed.object();
    QVERIFY(!document.value(u"cancelled").toBool());
    QVERIFY(document.value(u"definitions").toString().contains(QStringLiteral("type 7")));
    const QJsonArray runs = document.value(u"runs").toArray();
    QCOMPARE(runs.size(), 30);
    QSet<QString> plan;
    for (const QJsonValue &value : runs) {
        const QJsonObject runObject = value.toObject();
        const int prompt = runObject.value(u"prompt_index").toInt(-1);
        const int index = runObject.value(u"run_index").toInt(-1);
        QVERIFY(prompt >= 0 && prompt < 2);
        QVERIFY(index >= 0 && index < 5);
        plan.insert(QStringLiteral("%1/%2/%3").arg(runObject.value(u"target").toString()).arg(prompt).arg(index));
        const bool failing = runObject.value(u"target").toString() == kOllama;
        QCOMPARE(runObject.value(u"status").toString(), failing ? QStringLiteral("error") : QStringLiteral("ok"));
    }
    QCOMPARE(plan.size(), 30);              // every target × prompt × run exactly once
    QCOMPARE(m_server->requestCount(), 33); // and one warm-up per target, not in the runs

    // The summaries against the schedules. Tolerance: events are written at absolute offsets
    // from the request, so a figure is never below its schedule (2 ms for clock rounding); on
    // a loaded machine it may be late, so up to 200 ms above it. Decode speed divides by the
    // span between first and last token, which a late first chunk can shorten or a late last
    // one lengthen: within 0.6–1.6× of the schedule, and the two targets' order must hold.
    const QJsonArray summary = document.value(u"summary").toArray();
    QCOMPARE(summary.size(), 3);
    struct Expected {
        QString target;
        double ttft, e2e, speed;
    };
    const QList<Expected> expected{{kGroq, 150, 350, 50}, {kTogether, 300, 400, 100}};
    for (int i = 0; i < 2; ++i) {
        const QJsonObject s = summary.at(i).toObject();
        QCOMPARE(s.value(u"target").toString(), expected.at(i).target);
        QCOMPARE(s.value(u"count").toInt(), 10);
        QCOMPARE(s.value(u"errors").toObject(), QJsonObject{});
        for (const auto &[name, value] : {std::pair{QStringLiteral("ttft_ms"), expected.at(i).ttft},
                                          std::pair{QStringLiteral("ttfat_ms"), expected.at(i).ttft},
                                          std::pair{QStringLiteral("e2e_ms"), expected.at(i).e2e}}) {
            const QJsonObject d = s.value(name).toObject();
            for (const char *stat : {"p50", "min"}) {
                const double got = d.value(QLatin1String(stat)).toDouble(-1);
                QVERIFY2(got >= value - 2 && got <= value + 200,
                         qPrintable(QStringLiteral("%1 %2 %3: %4, scheduled %5")
                                        .arg(expected.at(i).target, name, QLatin1String(stat))
                                        .arg(got)
                                        .arg(value)));
            }
            QVERIFY(d.value(u"min").toDouble() <= d.value(u"p50").toDouble());
            QVERIFY(d.value(u"p50").toDouble() <= d.value(u"p95").toDouble());
            QVERIFY(d.value(u"p95").toDouble() <= d.value(u"p99").toDouble());
            QVERIFY(d.value(u"p99").toDouble() <= d.value(u"max").toDouble());
        }
        const double speed = s.value(u"output_tokens_per_s").toObject().value(u"p50").toDouble();
        QVERIFY2(speed >= 0.6 * expected.at(i).speed && speed <= 1.6 * expected.at(i).speed,
                 qPrintable(QString::number(speed)));
        QVERIFY(!s.value(u"output_tokens_per_s").toObject().value(u"estimated").toBool()); // usage was reported
        QCOMPARE(s.value(u"total_tokens").toInteger(), 10 * (10 + 11));
        // Both targets are priced by the bundled catalog: every run has a cost, and the total
        // is their sum (never null, never guessed).
        double sum = 0;
        int pricedRuns = 0;
        for (const QJsonValue &value : runs) {
            if (value[u"target"].toString() == expected.at(i).target && value[u"cost"].isObject()) {
                sum += value[u"cost"][u"total_usd"].toDouble();
                ++pricedRuns;
            }
        }
        QCOMPARE(pricedRuns, 10);
        QVERIFY(sum > 0);
        QVERIFY(s.value(u"total_cost_usd").isDouble());
        QVERIFY(qAbs(s.value(u"total_cost_usd").toDouble() - sum) < 1e-6);
    }
    QVERIFY(summary.at(1).toObject()[u"output_tokens_per_s"][u"p50"].toDouble() >
            summary.at(0).toObject()[u"output_tokens_per_s"][u"p50"].toDouble());
    const QJsonObject failing = summary.at(2).toObject();
    QCOMPARE(failing.value(u"target").toString(), kOllama);
    QCOMPARE(failing.value(u"count").toInt(), 10);
    QCOMPARE(failing.value(u"succeeded").toInt(), 0);
    QCOMPARE(failing.value(u"errors").toObject(), (QJsonObject{{QStringLiteral("auth"), 10}}));
    QVERIFY(failing.value(u"ttft_ms").isNull());

    // The CSV: one row per run, valid RFC 4180, agreeing with the document; private file.
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions{});
    bool ok = false;
    const QList<QStringList> rows = parseCsv(csv.readAll(), &ok);
    QVERIFY(ok);
    QCOMPARE(rows.size(), 31);
    QCOMPARE(rows.at(0).first(), QStringLiteral("target"));
    const qsizetype ttftColumn = rows.at(0).indexOf(QStringLiteral("ttft_ms"));
    const qsizetype kindColumn = rows.at(0).indexOf(QStringLiteral("error_kind"));
    QVERIFY(ttftColumn > 0 && kindColumn > 0);
    int authRows = 0;
    for (qsizetype r = 1; r < rows.size(); ++r) {
        QCOMPARE(rows.at(r).size(), rows.at(0).size());
        const QJsonObject runObject = runs.at(r - 1).toObject();
        QCOMPARE(rows.at(r).at(0), runObject.value(u"target").toString());
        QCOMPARE(rows.at(r).at(1).toInt(), runObject.value(u"prompt_index").toInt());
        if (rows.at(r).at(kindColumn) == u"auth")
            ++authRows;
        else
            QVERIFY(qAbs(rows.at(r).at(ttftColumn).toDouble() - runObject[u"metrics"][u"ttft_ms"].toDouble()) <
                    0.06); // printed to 0.1 ms
    }
    QCOMPARE(authRows, 10);
    QFile summaryCsv(m_home->filePath(QStringLiteral("out/bench.summary.csv")));
    QVERIFY(summaryCsv.open(QIODevice::ReadOnly));
    const QList<QStringList> summaryRows = parseCsv(summaryCsv.readAll(), &ok);
    QVERIFY(ok);
    QCOMPARE(summaryRows.size(), 4);
    QCOMPARE(summaryRows.at(3).at(0), kOllama);
    QCOMPARE(summaryRows.at(3).at(3), QStringLiteral("auth=10"));

    // Stored: listed with its counts, and shown again with the same summary.
    const qint64 id = document.value(u"bench_id").toInteger();
    QVERIFY(id > 0);
    const CliRun listed = run({QStringLiteral("bench"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(listed.exitCode, 0);
    const QJsonArray benches = listed.json().value(u"benches").toArray();
    QCOMPARE(benches.size(), 1);
    QCOMPARE(benches.at(0)[u"id"].toInteger(), id);
    QCOMPARE(benches.at(0)[u"samples"].toInt(), 30);
    QCOMPARE(benches.at(0)[u"errors"].toInt(), 10);
    QCOMPARE(benches.at(0)[u"state"].toString(), QStringLiteral("finished"));
    const CliRun shown =
        run({QStringLiteral("bench"), QStringLiteral("show"), QString::number(id), QStringLiteral("--json")});
    QCOMPARE(shown.exitCode, 0);
    QCOMPARE(shown.json().value(u"summary").toArray(), summary);
    QCOMPARE(shown.json().value(u"runs").toArray().size(), 30);
    const CliRun shownText = run({QStringLiteral("bench"), QStringLiteral("show"), QString::number(id)});
    QCOMPARE(shownText.exitCode, 0);
    QVERIFY(QString::fromUtf8(shownText.out).contains(QStringLiteral("auth ×10")));
}

void tst_BenchCli::tableForPeople()
{
    m_server->route("POST", "/groq/v1/chat/completions", scheduled(4, 20, 10));
    const CliRun result =
        run({QStringLiteral("bench"), QStringLiteral("-t"), kGroq, QStringLiteral("--runs"), QStringLiteral("2"),
             QStringLiteral("--prompts"), QStringLiteral("short"), QStringLiteral("--no-history")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QString out = QString::fromUtf8(result.out);
    QVERIFY(out.contains(QStringLiteral("TTFT ms p50 / p95")));
    QVERIFY(out.contains(kGroq + QStringLiteral("  ")));
    QVERIFY(out.contains(QStringLiteral("8/8")));    // 4 short prompts × 2 runs
    QVERIFY(out.contains(QStringLiteral("type 7"))); // the definitions note under the table
    QVERIFY(!result.err.contains(u'\r'));            // no progress bar when stderr is not a terminal
    QCOMPARE(m_server->requestCount(), 8);
    QVERIFY(!QFile::exists(historyPath())); // --no-history
}

void tst_BenchCli::ctrlCStopsAndWritesWhatFinished()
{
    // One request at a time, each 400 ms: SIGINT while the third streams.
    m_server->route("POST", "/groq/v1/chat/completions", scheduled(5, 50, 80));
    const QString outPath = m_home->filePath(QStringLiteral("stopped.json"));
    QProcess process;
    process.setProcessEnvironment(environment());
    connect(m_server.get(), &ScriptedServer::requestReceived, this, [&](int index) {
        if (index == 2)
            QTimer::singleShot(150, this, [&] { ::kill(pid_t(process.processId()), SIGINT); });
    });
    QSignalSpy finished(&process, &QProcess::finished);
    process.start(QStringLiteral(VERSUS_CLI_PATH),
                  {QStringLiteral("bench"), QStringLiteral("-t"), kGroq, QStringLiteral("--prompts"),
                   QStringLiteral("short"), QStringLiteral("--runs"), QStringLiteral("3"), QStringLiteral("--out"),
                   outPath});
    QVERIFY(process.waitForStarted());
    QVERIFY(finished.wait(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 130);
    QCOMPARE(m_server->requestCount(), 3); // nothing started after Ctrl+C
    const QString out = QString::fromUtf8(process.readAllStandardOutput());
    QVERIFY2(out.contains(QStringLiteral("Stopped: 2 of 12")), qPrintable(out));

    QFile file(outPath);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QJsonObject document = QJsonDocument::fromJson(file.readAll()).object();
    QVERIFY(document.value(u"cancelled").toBool());
    const QJsonArray runs = document.value(u"runs").toArray();
    QCOMPARE(runs.size(), 2);
    for (const QJsonValue &value : runs)
        QCOMPARE(value[u"status"].toString(), QStringLiteral("ok"));
    QCOMPARE(document.value(u"summary")[0][u"count"].toInt(), 2);

    history::HistoryStore store;
    QVERIFY(store.open(historyPath()));
    const auto benches = store.benches();
    QCOMPARE(benches->size(), 1);
    QCOMPARE(benches->at(0).state, history::BenchRecord::State::Cancelled);
    QCOMPARE(benches->at(0).sampleCount, 2);
}

void tst_BenchCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QString t = QStringLiteral("-t");
    QTest::newRow("no target") << QStringList{} << QStringLiteral("give at least one -t");
    QTest::newRow("bad target") << QStringList{t, QStringLiteral("nocolon")} << QStringLiteral("is not PROVIDER:MODEL");
    QTest::newRow("zero runs") << QStringList{t, kGroq, QStringLiteral("--runs"), QStringLiteral("0")}
                               << QStringLiteral("--runs needs a whole number from 1");
    QTest::newRow("bad concurrency") << QStringList{t, kGroq, QStringLiteral("--concurrency"), QStringLiteral("x")}
                                     << QStringLiteral("--concurrency needs a whole number");
    QTest::newRow("unknown set") << QStringList{t, kGroq, QStringLiteral("--prompts"), QStringLiteral("poems")}
                                 << QStringLiteral("no prompt set \"poems\" (there are short, long, reasoning, tools)");
    QTest::newRow("both prompt sources") << QStringList{t,
                                                        kGroq,
                                                        QStringLiteral("--prompts"),
                                                        QStringLiteral("short"),
                                                        QStringLiteral("--prompt-file"),
                                                        QStringLiteral("x.txt")}
                                         << QStringLiteral("not both");
    QTest::newRow("missing prompt file") << QStringList{t, kGroq, QStringLiteral("--prompt-file"),
                                                        QStringLiteral("/nonexistent/p.txt")}
                                         << QStringLiteral("cannot read the prompt file /nonexistent/p.txt");
    QTest::newRow("out of another kind") << QStringList{t, kGroq, QStringLiteral("--out"), QStringLiteral("r.txt")}
                                         << QStringLiteral("ending in .json or .csv");
    QTest::newRow("out in a missing folder")
        << QStringList{t, kGroq, QStringLiteral("--out"), QStringLiteral("/nonexistent/versus/r.json")}
        << QStringLiteral("the folder \"/nonexistent/versus\" does not exist");
    QTest::newRow("tools") << QStringList{t, kGroq, QStringLiteral("--tools"), QStringLiteral("t.json")}
                           << QStringLiteral("--tools does not apply to bench");
    QTest::newRow("unknown provider") << QStringList{t, QStringLiteral("nosuch:model")} << QStringLiteral("nosuch");
    QTest::newRow("show without id") << QStringList{QStringLiteral("show")} << QStringLiteral("show needs one");
}

void tst_BenchCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun result = run(QStringList{QStringLiteral("bench")} + arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QCOMPARE(m_server->requestCount(), 0); // nothing was sent
}

QTEST_GUILESS_MAIN(tst_BenchCli)
#include "tst_benchcli.moc"
