// SPDX-License-Identifier: GPL-3.0-or-later
// The Bench view, driven offscreen like a user would, against the loopback server standing in
// for two providers: View → Benchmark… opens it with the window's lanes as targets; a small
// benchmark (2 targets × 1 prompt × 3 runs, one target on a known schedule) runs to its end,
// its table reads what the schedule says, the past-runs list shows it, reopening it shows the
// same figures, and it exports as JSON and CSV. A target without a key and one that answers
// 429 show their errors by kind, and the other requests are not lost.
#include "benchchart.h"
#include "benchpastruns.h"
#include "benchsetup.h"
#include "benchtablemodels.h"
#include "benchview.h"
#include "history/historystore.h"
#include "mainwindow.h"
#include "messagebar.h"
#include "scoreboardchart.h"
#include "windowactions.h"
#include "windowharness.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>

using namespace versus;
using namespace versus::ui;
using namespace versus::test;
using namespace Qt::StringLiterals;

namespace {

// The schedule of the slow target: first token 200 ms after the request, then one token
// every 40 ms, 6 tokens in all: TTFT ≈ 200 ms, decode speed (6 − 1) / (5 × 40 ms) = 25 tok/s.
constexpr int kFirstMs = 200;
constexpr int kEveryMs = 40;
constexpr int kTokens = 6;
// Loopback adds little, but the machine may be loaded: a figure may be late, never early.
constexpr double kLateMs = 150;

QVariant cellValue(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data(BenchSummaryModel::ValueRole);
}

QString cellText(const QAbstractItemModel *model, int row, int column)
{
    return model->index(row, column).data(Qt::DisplayRole).toString();
}

} // namespace

class tst_BenchView : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void smallBenchmarkReadsItsSchedule();
    void errorsShowByKind_data();
    void errorsShowByKind();
    void benchmarkOfAnotherProcessIsSaidToRun();

private:
    std::unique_ptr<MainWindow> openWindow(Harness &harness);
    BenchView *openBench(MainWindow *window);
    void pointAt(ScriptedServer &server);

    QTemporaryDir m_home;
};

void tst_BenchView::initTestCase()
{
    QVERIFY(m_home.isValid());
    qputenv("XDG_CACHE_HOME", m_home.filePath(u"cache"_s).toUtf8());
    qputenv("XDG_CONFIG_HOME", m_home.filePath(u"config"_s).toUtf8());
    qputenv("XDG_DATA_HOME", m_home.filePath(u"data"_s).toUtf8());
    const auto registry = ProviderRegistry::createDefault();
    for (const Provider *provider : registry->providers()) {
        if (!provider->info().keyEnvVar.isEmpty())
            qunsetenv(provider->info().keyEnvVar.toLatin1().constData());
        qunsetenv(baseUrlEnvVar(provider->id()).toLatin1().constData());
    }
}

void tst_BenchView::cleanup()
{
    for (const QString &provider : {kGroq, kTogether})
        qunsetenv(baseUrlVar(provider).constData());
}

void tst_BenchView::pointAt(ScriptedServer &server)
{
    for (const QString &provider : {kGroq, kTogether})
        qputenv(baseUrlVar(provider).constData(), server.url(u"/%1/v1"_s.arg(provider)).toString().toUtf8());
}

std::unique_ptr<MainWindow> tst_BenchView::openWindow(Harness &harness)
{
    auto window = std::make_unique<MainWindow>(harness.services());
    window->resize(1200, 800);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("window not active: shortcuts may not reach it");
    return window;
}

BenchView *tst_BenchView::openBench(MainWindow *window)
{
    QAction *action = window->windowActions().benchmark;
    if (!action || action->shortcut() != QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_K))
        return nullptr;
    action->trigger();
    auto *view = window->findChild<BenchView *>(u"benchView"_s);
    if (!view || !view->isVisible() || view->isModal())
        return nullptr;
    return view;
}

void tst_BenchView::smallBenchmarkReadsItsSchedule()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server);
    QStringList pieces;
    for (int i = 0; i < kTokens; ++i)
        pieces << u"word%1 "_s.arg(i);
    server.route("POST", chatPath(kGroq), answer(pieces).pace(kFirstMs, kEveryMs));
    server.route("POST", chatPath(kTogether), answer({u"Quick"_s, u" one."_s}).pace(10, 5));
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_bench_view_test_key_0001"));
    QVERIFY(harness.storeKey(kTogether, "tgp_bench_view_test_key_0002"));
    harness.settings.setLaneTargets({kGroqTarget, kTogetherTarget});

    auto window = openWindow(harness);
    BenchView *view = openBench(window.get());
    QVERIFY(view);
    QAbstractItemModelTester summaryTester(view->summaryModel());
    QAbstractItemModelTester runsTester(view->runsModel());

    // The window's lanes are the default targets.
    QCOMPARE(view->setup()->targets(), (QList<Target>{kGroqTarget, kTogetherTarget}));
    view->setup()->setTypedPrompts({u"Count to six."_s});
    view->setup()->runsBox()->setValue(3);
    view->setup()->concurrencyBox()->setValue(1);
    view->setup()->warmupBox()->setValue(0);
    QVERIFY(view->startButton()->isEnabled());
    QVERIFY(!view->stopButton()->isEnabled());
    QTest::mouseClick(view->startButton(), Qt::LeftButton);
    QVERIFY(view->isRunning());
    QVERIFY(view->stopButton()->isEnabled());
    QVERIFY(!view->setup()->targetList()->isEnabled()); // nothing changes under a running benchmark
    QCOMPARE(view->progressBar()->maximum(), 6);

    QTRY_VERIFY_WITH_TIMEOUT(!view->isRunning(), 20000);
    QCOMPARE(server.requestCount(), 6);
    QCOMPARE(view->progressBar()->value(), 6);
    QCOMPARE(view->progressBar()->text(), u"6 of 6 requests"_s);
    QVERIFY(view->setup()->targetList()->isEnabled());
    QVERIFY(view->exportButton()->isEnabled());

    // The table: one row per target, what the schedule says.
    const BenchSummaryModel *summary = view->summaryModel();
    QCOMPARE(summary->rowCount(), 2);
    QCOMPARE(cellText(summary, 0, BenchSummaryModel::TargetColumn), kGroqTarget.toString());
    QCOMPARE(cellText(summary, 1, BenchSummaryModel::TargetColumn), kTogetherTarget.toString());
    for (int row = 0; row < 2; ++row) {
        QCOMPARE(cellText(summary, row, BenchSummaryModel::RequestsColumn), u"3"_s);
        QCOMPARE(cellText(summary, row, BenchSummaryModel::ErrorsColumn), u"0"_s);
        QVERIFY(summary->index(row, 0).data(BenchSummaryModel::ErrorsRole).toMap().isEmpty());
    }
    const double ttft = cellValue(summary, 0, BenchSummaryModel::TtftP50Column).toDouble();
    QVERIFY2(ttft >= kFirstMs && ttft <= kFirstMs + kLateMs,
             qPrintable(u"TTFT p50 %1 ms, scheduled %2 ms (+ at most %3 ms)"_s.arg(ttft).arg(kFirstMs).arg(kLateMs)));
    const double fastTtft = cellValue(summary, 1, BenchSummaryModel::TtftP50Column).toDouble();
    QVERIFY2(fastTtft < ttft, qPrintable(u"%1 ms is not faster than %2 ms"_s.arg(fastTtft).arg(ttft)));
    const double e2e = cellValue(summary, 0, BenchSummaryModel::E2eP50Column).toDouble();
    const double lastMs = kFirstMs + (kTokens - 1) * kEveryMs;
    QVERIFY2(e2e >= lastMs && e2e <= lastMs + kLateMs, qPrintable(u"e2e p50 %1 ms"_s.arg(e2e)));
    // 5 tokens over 200 ms: 25 tok/s; a late token stretches the gap (slower), an early one cannot be.
    const double speed = cellValue(summary, 0, BenchSummaryModel::RateP50Column).toDouble();
    QVERIFY2(speed > 25.0 * 0.5 && speed < 25.0 * 1.5, qPrintable(u"speed p50 %1 tok/s"_s.arg(speed)));
    QVERIFY(cellText(summary, 0, BenchSummaryModel::TtftP50Column).endsWith(u" ms"_s));
    // 20 prompt + 6 completion tokens per request, as the usage chunk says.
    QCOMPARE(cellText(summary, 0, BenchSummaryModel::TokensColumn), QString::number(3 * (20 + kTokens)));
    QCOMPARE(view->runsModel()->rowCount(), 6);
    // The charts show the same medians.
    QCOMPARE(view->ttftChart()->boxes().size(), 2);
    QCOMPARE(view->ttftChart()->boxes().at(0).count, 3);
    QCOMPARE(view->ttftChart()->boxes().at(0).p50, ttft);
    QCOMPARE(view->costChart()->bars().size(), 2);

    // The past runs list shows it.
    const qint64 id = view->shownBenchId();
    QVERIFY(id > 0);
    QVERIFY(view->pastRuns()->ids().contains(id));
    const int row = int(view->pastRuns()->ids().indexOf(id));
    QCOMPARE(view->pastRuns()->table()->item(row, BenchPastRuns::StateColumn)->text(), u"finished"_s);
    QCOMPARE(view->pastRuns()->table()->item(row, BenchPastRuns::RequestsColumn)->text(), u"6"_s);

    // Exports: JSON with every run and a summary per target; CSV with a row per request; owner-only files.
    const QString jsonPath = m_home.filePath(u"bench.json"_s);
    view->setAskExportPath([&](const QString &suggested) {
        return suggested.endsWith(u".json"_s) ? jsonPath : m_home.filePath(u"bench.csv"_s);
    });
    QCOMPARE(view->exportAs(BenchView::ExportFormat::Json), jsonPath);
    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    QVERIFY(!(json.permissions() &
              (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther)));
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json.readAll(), &parseError);
    QVERIFY2(parseError.error == QJsonParseError::NoError, qPrintable(parseError.errorString()));
    QCOMPARE(document.object().value(u"runs"_s).toArray().size(), 6);
    const QJsonArray jsonSummary = document.object().value(u"summary"_s).toArray();
    QCOMPARE(jsonSummary.size(), 2);
    QCOMPARE(jsonSummary.at(0).toObject().value(u"target"_s).toString(), kGroqTarget.toString());
    // The JSON may round to what a millisecond figure needs; the table's value is the same measure.
    QVERIFY(qAbs(jsonSummary.at(0).toObject().value(u"ttft_ms"_s).toObject().value(u"p50"_s).toDouble() - ttft) < 0.5);
    const QString csvPath = view->exportAs(BenchView::ExportFormat::RunsCsv);
    QCOMPARE(csvPath, m_home.filePath(u"bench.csv"_s));
    QFile csv(csvPath);
    QVERIFY(csv.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = csv.readAll().trimmed().split('\n');
    QCOMPARE(lines.size(), 1 + 6); // a header, then one row per request
    QVERIFY(lines.at(1).startsWith(kGroqTarget.toString().toUtf8()) ||
            lines.at(1).startsWith(kTogetherTarget.toString().toUtf8()));

    // Reopened from the history: the same figures, read-only.
    QList<QStringList> before;
    QList<QVariantList> beforeValues;
    for (int r = 0; r < 2; ++r) {
        QStringList texts;
        QVariantList values;
        for (int c = 0; c < BenchSummaryModel::ColumnCount; ++c) {
            texts << cellText(summary, r, c);
            values << cellValue(summary, r, c);
        }
        before << texts;
        beforeValues << values;
    }
    view->setup()->setTypedPrompts({u"Something else."_s}); // what the setup holds does not matter
    QVERIFY(view->pastRuns()->select(id));
    QTest::mouseClick(view->pastRuns()->openButton(), Qt::LeftButton);
    QVERIFY(view->showsStored());
    QCOMPARE(view->shownBenchId(), id);
    QVERIFY2(view->headline()->text().contains(u"read-only"_s), qPrintable(view->headline()->text()));
    QCOMPARE(summary->rowCount(), 2);
    // Counts, errors, tokens and cost read back exactly; the timings as stored (to a hundredth of a
    // millisecond or better), so their values are compared within that.
    for (int r = 0; r < 2; ++r) {
        for (int c : {BenchSummaryModel::TargetColumn, BenchSummaryModel::RequestsColumn,
                      BenchSummaryModel::ErrorsColumn, BenchSummaryModel::TokensColumn, BenchSummaryModel::CostColumn})
            QCOMPARE(cellText(summary, r, c), before.at(r).at(c));
        for (int c = BenchSummaryModel::TtftP50Column; c <= BenchSummaryModel::RateP95Column; ++c) {
            const QVariant was = beforeValues.at(r).at(c);
            const QVariant now = cellValue(summary, r, c);
            QCOMPARE(now.isValid(), was.isValid());
            QVERIFY2(
                qAbs(now.toDouble() - was.toDouble()) <= 0.01 + 1e-6 * qAbs(was.toDouble()),
                qPrintable(u"row %1 column %2: %3 then %4"_s.arg(r).arg(c).arg(was.toDouble()).arg(now.toDouble())));
        }
    }
    QCOMPARE(view->runsModel()->rowCount(), 6);

    // Deleted after the confirmation; refused without it.
    view->pastRuns()->setConfirmDelete([](const QString &) { return false; });
    QVERIFY(!view->pastRuns()->deleteBench(id));
    QVERIFY(view->pastRuns()->ids().contains(id));
    view->pastRuns()->setConfirmDelete([](const QString &) { return true; });
    QVERIFY(view->pastRuns()->deleteBench(id));
    QVERIFY(!view->pastRuns()->ids().contains(id));
    QVERIFY(!harness.engine.history()->bench(id));

    // The view is a window of its own, kept: the action raises the same one; its place is remembered.
    QCOMPARE(openBench(window.get()), view);
    QVERIFY(harness.settings.benchGeometry().isEmpty());
    view->close();
    QVERIFY(!view->isVisible());
    QVERIFY(!harness.settings.benchGeometry().isEmpty());
}

void tst_BenchView::errorsShowByKind_data()
{
    QTest::addColumn<bool>("storeKey");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("words");
    QTest::addRow("key missing") << false << 200 << u"config"_s << u"No API key"_s;
    QTest::addRow("429") << true << 429 << u"rate_limit"_s << u"Rate limit reached for requests"_s;
}

void tst_BenchView::errorsShowByKind()
{
    QFETCH(bool, storeKey);
    QFETCH(int, status);
    QFETCH(QString, kind);
    QFETCH(QString, words);

    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server);
    if (status == 200)
        server.route("POST", chatPath(kGroq), answer({u"Never"_s, u" sent."_s}));
    else
        server.route("POST", chatPath(kGroq),
                     ScriptedResponse::json(status, R"({"error":{"message":"Rate limit reached for requests",)"
                                                    R"("type":"requests","code":"rate_limit_exceeded"}})"));
    server.route("POST", chatPath(kTogether), answer({u"Fine"_s, u"."_s}, 2));
    Harness harness;
    if (storeKey)
        QVERIFY(harness.storeKey(kGroq, "gsk_bench_view_test_key_0003"));
    QVERIFY(harness.storeKey(kTogether, "tgp_bench_view_test_key_0004"));
    harness.settings.setLaneTargets({kTogetherTarget});

    auto window = openWindow(harness);
    BenchView *view = openBench(window.get());
    QVERIFY(view);
    // Targets picked in the view: the lane's, and one added with the provider and model boxes.
    QCOMPARE(view->setup()->targets(), QList<Target>{kTogetherTarget});
    view->setup()->addTarget(kGroqTarget);
    view->setup()->setTypedPrompts({u"Hello?"_s});
    view->setup()->runsBox()->setValue(2);
    view->setup()->concurrencyBox()->setValue(2);
    QVERIFY(view->start());
    QTRY_VERIFY_WITH_TIMEOUT(!view->isRunning(), 20000);

    const BenchSummaryModel *summary = view->summaryModel();
    QCOMPARE(summary->rowCount(), 2);
    QCOMPARE(cellText(summary, 0, BenchSummaryModel::TargetColumn), kTogetherTarget.toString());
    QCOMPARE(cellText(summary, 0, BenchSummaryModel::ErrorsColumn), u"0"_s);
    QVERIFY(cellValue(summary, 0, BenchSummaryModel::TtftP50Column).isValid());
    // The failing target: every request counted, by kind, and no figure made up.
    QCOMPARE(cellText(summary, 1, BenchSummaryModel::RequestsColumn), u"2"_s);
    const QVariantMap errors = summary->index(1, 0).data(BenchSummaryModel::ErrorsRole).toMap();
    QCOMPARE(errors, (QVariantMap{{kind, 2}}));
    const QString errorsText = cellText(summary, 1, BenchSummaryModel::ErrorsColumn);
    QVERIFY2(errorsText.startsWith(u"2 ("_s) && errorsText.contains(benchErrorKindText(kind)), qPrintable(errorsText));
    QVERIFY(!cellValue(summary, 1, BenchSummaryModel::TtftP50Column).isValid());
    QCOMPARE(cellText(summary, 1, BenchSummaryModel::TtftP50Column), u"–"_s);
    QCOMPARE(view->ttftChart()->boxes().at(1).count, 0);
    // Each request's error in the provider's (or Versus') own words.
    const BenchRunsModel *runs = view->runsModel();
    QCOMPARE(runs->rowCount(), 4);
    int failed = 0;
    for (int row = 0; row < runs->rowCount(); ++row) {
        if (runs->index(row, BenchRunsModel::TargetColumn).data().toString() != kGroqTarget.toString())
            continue;
        ++failed;
        QCOMPARE(runs->index(row, BenchRunsModel::ErrorColumn).data(BenchRunsModel::ValueRole).toString(), kind);
        const QString error = runs->index(row, BenchRunsModel::ErrorColumn).data().toString();
        QVERIFY2(error.contains(words, Qt::CaseInsensitive), qPrintable(error));
    }
    QCOMPARE(failed, 2);
    // The key was never sent for nothing: without a key, nothing reached the server for that target.
    int groqRequests = 0;
    for (const RecordedRequest &request : server.requests())
        groqRequests += request.path.startsWith(chatPath(kGroq)) ? 1 : 0;
    QCOMPARE(groqRequests, storeKey ? 2 : 0);
}

void tst_BenchView::benchmarkOfAnotherProcessIsSaidToRun()
{
    Harness harness;
    history::HistoryStore *store = harness.engine.history();
    QVERIFY(store);
    // Another Versus started this one and writes it still (as `versus-cli bench` would).
    history::BenchRecord running;
    running.title = u"elsewhere"_s;
    running.state = history::BenchRecord::State::Running;
    running.spec = QJsonObject{{u"targets"_s, QJsonArray{kGroqTarget.toString()}},
                               {u"prompts"_s, QJsonArray{u"Hi"_s}},
                               {u"runs"_s, 2},
                               {u"concurrency"_s, 1},
                               {u"warmup"_s, 0}};
    const auto created = store->createBench(running);
    QVERIFY2(created, qPrintable(created ? QString() : created.error().message));
    history::BenchRecord stopped = running;
    stopped.title = u"stopped here"_s;
    const auto second = store->createBench(stopped);
    QVERIFY(second);
    QVERIFY(store->finishBench(second->id, history::BenchRecord::State::Cancelled));

    auto window = openWindow(harness);
    BenchView *view = openBench(window.get());
    QVERIFY(view);
    BenchPastRuns *past = view->pastRuns();
    const QList<qint64> ids = past->ids();
    QVERIFY(ids.contains(created->id) && ids.contains(second->id));
    auto stateOf = [&](qint64 id) {
        return past->table()->item(int(ids.indexOf(id)), BenchPastRuns::StateColumn)->text();
    };
    QCOMPARE(stateOf(created->id), u"running in another Versus"_s);
    QCOMPARE(stateOf(second->id), u"stopped"_s);
    // Shown as what it is, and not deleted from under the other process.
    QVERIFY(view->openStored(created->id));
    QVERIFY2(view->headline()->text().contains(u"still running in another Versus"_s),
             qPrintable(view->headline()->text()));
    past->setConfirmDelete([](const QString &) { return true; });
    QVERIFY(!past->deleteBench(created->id));
    QVERIFY(past->ids().contains(created->id));
    QVERIFY(view->messageBar()->isVisible());
}

QTEST_MAIN(tst_BenchView)
#include "tst_benchview.moc"
