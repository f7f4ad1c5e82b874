// SPDX-License-Identifier: GPL-3.0-or-later
// The comparison workspace's live views, clicked through the window offscreen against the
// loopback server: the footer's speed sparkline, lane cost and rate limit; synchronised
// scrolling; the answers' word diff; model sets (save, open, manage, reopened at start).
#include "composer.h"
#include "conversationview.h"
#include "diffdialog.h"
#include "lanetargetbar.h"
#include "lanewidget.h"
#include "liveworkspace.h"
#include "mainwindow.h"
#include "metricsfooter.h"
#include "modelsetsmenu.h"
#include "scrollsync.h"
#include "sparkline.h"
#include "windowharness.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>

using namespace versus;
using namespace versus::ui;
using namespace versus::test;

namespace {

/// An answer of @p lines lines ("<word> line N"), streamed as one piece per line.
ScriptedResponse longAnswer(const QString &word, int lines, int gapMs = 0)
{
    QStringList pieces;
    for (int i = 0; i < lines; ++i)
        pieces << QStringLiteral("%1 line %2\n\n").arg(word).arg(i);
    return answer(pieces, gapMs);
}

/// The character format at the first occurrence of @p word in @p view.
QTextCharFormat formatOf(QTextBrowser *view, const QString &word)
{
    const QTextCursor found = view->document()->find(word);
    if (found.isNull())
        return {};
    QTextCursor at(view->document());
    at.setPosition(found.selectionStart() + 1);
    return at.charFormat();
}

} // namespace

class tst_LiveWorkspace : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void sparklineBuckets_data();
    void sparklineBuckets();
    void sparklineRepaintsOnlyWhenABucketCloses();
    void footerShowsSpeedLaneCostAndRateLimit();
    void synchronisedScrolling();
    void diffOfTwoAnswers();
    void modelSetsSaveOpenManage();
    void lastModelSetReopensAtStart();
    void damagedModelSetsFileIsLeftAlone();

private:
    std::unique_ptr<MainWindow> openWindow(Harness &harness, const QList<Target> &targets);
    void pointAt(ScriptedServer &server, const QString &provider);
    void send(MainWindow &window, const QString &prompt);
};

void tst_LiveWorkspace::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const auto registry = ProviderRegistry::createDefault();
    for (const Provider *provider : registry->providers()) {
        if (!provider->info().keyEnvVar.isEmpty())
            qunsetenv(provider->info().keyEnvVar.toLatin1().constData());
        qunsetenv(baseUrlVar(provider->id()).constData());
    }
}

void tst_LiveWorkspace::init()
{
    QFile::remove(ModelSetFile::defaultPath());
}

void tst_LiveWorkspace::cleanup()
{
    qunsetenv(baseUrlVar(kGroq).constData());
    qunsetenv(baseUrlVar(kTogether).constData());
    QFile::remove(ModelSetFile::defaultPath());
}

std::unique_ptr<MainWindow> tst_LiveWorkspace::openWindow(Harness &harness, const QList<Target> &targets)
{
    harness.settings.setLaneTargets(targets);
    auto window = std::make_unique<MainWindow>(harness.services());
    window->resize(1200, 700);
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("window not active: shortcuts may not reach it");
    return window;
}

void tst_LiveWorkspace::pointAt(ScriptedServer &server, const QString &provider)
{
    qputenv(baseUrlVar(provider).constData(), server.url(QStringLiteral("/%1/v1").arg(provider)).toString().toUtf8());
}

void tst_LiveWorkspace::send(MainWindow &window, const QString &prompt)
{
    QTest::keyClicks(window.composer()->editor(), prompt);
    QTest::mouseClick(window.composer()->sendButton(), Qt::LeftButton);
}

void tst_LiveWorkspace::sparklineBuckets_data()
{
    QTest::addColumn<QList<double>>("elapsed");
    QTest::addColumn<QList<double>>("speeds"); // < 0: no speed known yet
    QTest::addColumn<QList<double>>("values");

    QList<double> elapsed;
    QList<double> speeds;
    for (int ms = 0; ms <= 1000; ms += 50) {
        elapsed << ms;
        speeds << ms / 10.0;
    }
    // The last sample of each 250 ms closes into the line; finish() closes the open one.
    QTest::addRow("one value per 250 ms") << elapsed << speeds << QList<double>{20, 45, 70, 95, 100};
    QTest::addRow("nothing before the first token")
        << QList<double>{0, 100, 200, 300, 550} << QList<double>{-1, -1, 10, 12, 14} << QList<double>{10, 12, 14};
    // The next tool round's clock starts at 0 again: its samples go on after the first round's
    // (its first sample falls in the bucket the first round left open, and is its last).
    QTest::addRow("a tool round goes on")
        << QList<double>{0, 260, 0, 260} << QList<double>{5, 6, 7, 8} << QList<double>{5, 7, 8};
    QTest::addRow("no sample") << QList<double>{} << QList<double>{} << QList<double>{};
}

void tst_LiveWorkspace::sparklineBuckets()
{
    QFETCH(QList<double>, elapsed);
    QFETCH(QList<double>, speeds);
    QFETCH(QList<double>, values);
    Sparkline line;
    for (qsizetype i = 0; i < elapsed.size(); ++i)
        line.addSample(elapsed[i], speeds[i] < 0 ? std::nullopt : std::optional<double>(speeds[i]));
    line.finish();
    QCOMPARE(line.values(), values);
    QCOMPARE(line.bucketMs(), Sparkline::kBucketMs);
    if (!values.isEmpty()) {
        QVERIFY(line.summary().contains(MetricsFooter::formatRate(values.last())));
        QVERIFY(line.summary().contains(MetricsFooter::formatRate(*std::max_element(values.cbegin(), values.cend()))));
    }
    line.clear();
    QVERIFY(line.values().isEmpty());
}

void tst_LiveWorkspace::sparklineRepaintsOnlyWhenABucketCloses()
{
    Sparkline line;
    line.resize(120, 20);
    line.addSample(0, 10);
    line.addSample(300, 20);
    line.addSample(600, 30); // two closed buckets: the line shows
    QVERIFY(QTest::qWaitForWindowExposed(&line));
    QTRY_VERIFY(line.paintCount() > 0);
    QTest::qWait(100);
    const int painted = line.paintCount();
    for (double ms = 610; ms < 740; ms += 33) // the same bucket: nothing new to draw
        line.addSample(ms, ms / 10);
    QTest::qWait(100);
    QCOMPARE(line.paintCount(), painted);
    line.addSample(760, 50);
    QTRY_VERIFY(line.paintCount() > painted);

    // An answer of an hour keeps at most kMaxBuckets values, each spanning longer.
    for (int ms = 0; ms < 3'600'000; ms += 33)
        line.addSample(800 + ms, 40);
    QVERIFY(line.values().size() <= Sparkline::kMaxBuckets);
    QVERIFY(line.bucketMs() > Sparkline::kBucketMs);
}

void tst_LiveWorkspace::footerShowsSpeedLaneCostAndRateLimit()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server, kGroq);
    QStringList pieces;
    for (int i = 0; i < 16; ++i)
        pieces << QStringLiteral("word%1 ").arg(i);
    ScriptedResponse first = answer(pieces, 60); // ~1 s of streaming: several 250 ms buckets
    first.addHeader("x-ratelimit-limit-requests", "30")
        .addHeader("x-ratelimit-remaining-requests", "29")
        .addHeader("x-ratelimit-limit-tokens", "15000")
        .addHeader("x-ratelimit-remaining-tokens", "14200");
    server.enqueue(first);
    server.enqueue(answer({QStringLiteral("short"), QStringLiteral(" one")}, 0));
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_sparkline_0001"));
    auto window = openWindow(harness, {kGroqTarget});
    LaneWidget *lane = window->lanes().first();
    MetricsFooter *footer = lane->footer();
    auto *sparkline = footer->findChild<Sparkline *>(QStringLiteral("sparkline"));
    QVERIFY(sparkline);
    QVERIFY(!sparkline->isVisible()); // no answer yet

    send(*window, QStringLiteral("Count"));
    QTRY_VERIFY(lane->isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(sparkline->isVisible(), 5000); // drawn while it streams
    QTRY_VERIFY(!lane->isBusy());
    QVERIFY(sparkline->isVisible()); // and kept after
    QVERIFY(sparkline->values().size() >= 3);
    QVERIFY(sparkline->summary().contains(QStringLiteral("highest")));

    auto *laneCost = footer->findChild<QLabel *>(QStringLiteral("laneCost"));
    auto *rateLimit = footer->findChild<QLabel *>(QStringLiteral("rateLimit"));
    QVERIFY(laneCost && rateLimit);
    QCOMPARE(laneCost->text(), QStringLiteral("lane ") + lane->lane()->cost().describe());
    QVERIFY(laneCost->isVisible());
    QCOMPARE(rateLimit->text(), QStringLiteral("29 req · 14.2k tok left"));
    QVERIFY(rateLimit->toolTip().contains(QStringLiteral("29 of 30 requests left")));
    QVERIFY(rateLimit->toolTip().contains(QStringLiteral("14,200 of 15,000 tokens left")));

    // The next answer: the lane's total grows; no rate-limit headers this time, so none is shown.
    const qint64 before = lane->lane()->cost().totalMicroUsd();
    send(*window, QStringLiteral("Again"));
    QTRY_VERIFY(lane->isBusy());
    QTRY_VERIFY(!lane->isBusy());
    QVERIFY(lane->lane()->cost().totalMicroUsd() > before);
    QCOMPARE(lane->lane()->cost().pricedCount(), 2);
    QCOMPARE(laneCost->text(), QStringLiteral("lane ") + lane->lane()->cost().describe());
    QVERIFY2(rateLimit->isHidden(), qPrintable(rateLimit->text()));
}

void tst_LiveWorkspace::synchronisedScrolling()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server, kGroq);
    pointAt(server, kTogether);
    // Four turns; the answers of one lane are three times as long as the other's.
    server.route("POST", chatPath(kGroq), longAnswer(QStringLiteral("groq"), 30));
    server.route("POST", chatPath(kTogether), longAnswer(QStringLiteral("together"), 12));
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_sync_scroll_0001"));
    QVERIFY(harness.storeKey(kTogether, "tgp_test_key_for_sync_scroll_0002"));
    auto window = openWindow(harness, {kGroqTarget, kTogetherTarget});
    ConversationView *a = window->lanes().at(0)->view();
    ConversationView *b = window->lanes().at(1)->view();
    for (int turn = 0; turn < 4; ++turn) {
        send(*window, QStringLiteral("Question %1").arg(turn));
        QTRY_VERIFY(window->isBusy());
        QTRY_VERIFY(!window->isBusy());
    }
    QTRY_COMPARE(b->turnCount(), 4);

    QAction *sync = window->liveWorkspace()->syncScrollingAction();
    QVERIFY(!sync->isChecked());
    QVERIFY(window->findChild<QAction *>(QStringLiteral("syncScrollingAction")) == sync);
    // Off: lanes scroll on their own.
    a->scrollToTurn(1);
    QCOMPARE(a->scrollAnchor().first, 1);
    QVERIFY(b->scrollAnchor().first != 1 || b->isFollowing());

    sync->trigger();
    QVERIFY(harness.settings.syncScrolling());
    ScrollSync *scrollSync = window->liveWorkspace()->scrollSync();
    QVERIFY(scrollSync->isEnabled());

    // The same turn, at the same fraction of it, in the other lane.
    int follows = scrollSync->followCount();
    a->scrollToAnchor(1, 0.5);
    QCOMPARE(scrollSync->followCount(), follows + 1); // one lane moved, once: no loop
    QCOMPARE(b->scrollAnchor().first, 1);
    QVERIFY2(qAbs(b->scrollAnchor().second - 0.5) < 0.1, qPrintable(QString::number(b->scrollAnchor().second)));
    QVERIFY(!b->isFollowing());

    // And the other way.
    follows = scrollSync->followCount();
    b->scrollToAnchor(0, 0.25);
    QCOMPARE(scrollSync->followCount(), follows + 1);
    QCOMPARE(a->scrollAnchor().first, 0);
    QVERIFY(qAbs(a->scrollAnchor().second - 0.25) < 0.1);

    // The end followed in one lane is followed in all, while a new answer streams.
    a->verticalScrollBar()->setValue(a->verticalScrollBar()->maximum());
    QVERIFY(a->isFollowing());
    QVERIFY(b->isFollowing());
    server.clearRoutes(); // a slower answer now, to scroll while it streams
    server.route("POST", chatPath(kGroq), longAnswer(QStringLiteral("groq"), 40, 25));
    server.route("POST", chatPath(kTogether), longAnswer(QStringLiteral("together"), 40, 25));
    send(*window, QStringLiteral("Last question"));
    QTRY_VERIFY(window->isBusy());
    QTRY_VERIFY(!window->isBusy());
    QTRY_COMPARE(b->turnCount(), 5);
    QVERIFY(a->isFollowing());
    QVERIFY(b->isFollowing());
    QTRY_VERIFY(b->verticalScrollBar()->value() >= b->verticalScrollBar()->maximum() - 8);

    // Off again: remembered, and the lanes go their own ways.
    sync->trigger();
    QVERIFY(!harness.settings.syncScrolling());
    follows = scrollSync->followCount();
    a->scrollToAnchor(2, 0);
    QCOMPARE(scrollSync->followCount(), follows);
    QVERIFY(b->isFollowing());
}

void tst_LiveWorkspace::diffOfTwoAnswers()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server, kGroq);
    pointAt(server, kTogether);
    server.route("POST", chatPath(kGroq), answer({QStringLiteral("The quick brown fox jumps.")}));
    server.route("POST", chatPath(kTogether), answer({QStringLiteral("The slow brown fox jumps high.")}));
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_diff_0001"));
    QVERIFY(harness.storeKey(kTogether, "tgp_test_key_for_diff_0002"));
    auto window = openWindow(harness, {kGroqTarget, kTogetherTarget});
    send(*window, QStringLiteral("Describe the fox"));
    QTRY_VERIFY(window->isBusy());
    QTRY_VERIFY(!window->isBusy());

    // View → Diff answers… (Ctrl+Shift+D): the first lane against the second, the last turn.
    QAction *diffAction = window->findChild<QAction *>(QStringLiteral("diffAnswersAction"));
    QVERIFY(diffAction);
    QCOMPARE(diffAction->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D));
    QTest::keyClick(window.get(), Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    DiffDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<DiffDialog *>(QStringLiteral("diffDialog"))));
    QTRY_VERIFY(dialog->isVisible());
    Comparison *comparison = window->comparison();
    auto *left = dialog->findChild<QComboBox *>(QStringLiteral("leftLane"));
    auto *right = dialog->findChild<QComboBox *>(QStringLiteral("rightLane"));
    auto *turn = dialog->findChild<QComboBox *>(QStringLiteral("turn"));
    QCOMPARE(left->currentText(), comparison->displayName(comparison->lane(0)));
    QCOMPARE(right->currentText(), comparison->displayName(comparison->lane(1)));
    QCOMPARE(turn->count(), 1);
    QVERIFY(turn->currentText().contains(QStringLiteral("Describe the fox")));
    QCOMPARE(dialog->leftView()->toPlainText(), QStringLiteral("The quick brown fox jumps."));
    QCOMPARE(dialog->rightView()->toPlainText(), QStringLiteral("The slow brown fox jumps high."));
    QVERIFY(formatOf(dialog->leftView(), QStringLiteral("quick")).fontStrikeOut());
    QVERIFY(formatOf(dialog->leftView(), QStringLiteral("quick")).background().style() != Qt::NoBrush);
    QVERIFY(!formatOf(dialog->leftView(), QStringLiteral("brown")).fontStrikeOut());
    QVERIFY(formatOf(dialog->rightView(), QStringLiteral("slow")).background().style() != Qt::NoBrush);
    QVERIFY(formatOf(dialog->rightView(), QStringLiteral("high")).background().style() != Qt::NoBrush);
    QVERIFY(formatOf(dialog->rightView(), QStringLiteral("fox")).background().style() == Qt::NoBrush);
    auto *count = dialog->findChild<QLabel *>(QStringLiteral("changeCount"));
    QCOMPARE(count->text(), QStringLiteral("Changed words: 1 only on the left, 2 only on the right."));

    // Swapping sides swaps the counts.
    QTest::mouseClick(dialog->findChild<QPushButton *>(QStringLiteral("swapSides")), Qt::LeftButton);
    QCOMPARE(dialog->leftLane(), comparison->lane(1));
    QCOMPARE(count->text(), QStringLiteral("Changed words: 2 only on the left, 1 only on the right."));
    dialog->close();
    QTRY_VERIFY(!window->findChild<DiffDialog *>(QStringLiteral("diffDialog")));

    // "Compare with…" in the second lane's menu: that lane on the left.
    QMenu *menu = window->lanes().at(1)->targetBar()->laneMenu();
    auto *compareWith = menu->findChild<QAction *>(QStringLiteral("compareWithAction"));
    QVERIFY(compareWith);
    QVERIFY(menu->actions().contains(compareWith));
    compareWith->trigger();
    QTRY_VERIFY((dialog = window->findChild<DiffDialog *>(QStringLiteral("diffDialog"))));
    QCOMPARE(dialog->leftLane(), comparison->lane(1));
    QCOMPARE(dialog->rightLane(), comparison->lane(0));
}

void tst_LiveWorkspace::modelSetsSaveOpenManage()
{
    Harness harness;
    auto window = openWindow(harness, {kGroqTarget, kTogetherTarget});
    Comparison *comparison = window->comparison();
    ProviderConfig parameters = comparison->lane(0)->parameters();
    parameters.systemPrompt = QStringLiteral("Answer in haiku.");
    parameters.temperature = 0.3;
    QVERIFY(comparison->setLaneParameters(comparison->lane(0), parameters));

    ModelSetsMenu *sets = window->liveWorkspace()->modelSets();
    QStringList problems;
    sets->setReport([&](const QString &problem) { problems << problem; });
    QString nextName = QStringLiteral("Poets");
    sets->setAskName([&](const QString &, const QString &) { return nextName; });
    QMenu *menu = sets->menu();
    QCOMPARE(menu->objectName(), QStringLiteral("modelSetsMenu"));
    QVERIFY(window->menuBar()->actions().contains(menu->menuAction()));
    menu->findChild<QAction *>(QStringLiteral("saveModelSetAction"))->trigger();
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    const auto stored = ModelSetFile().find(QStringLiteral("Poets"));
    QVERIFY(stored && stored->has_value());
    QCOMPARE(stored->value().lanes.size(), 2);
    QCOMPARE(stored->value().lanes.at(0).parameters.systemPrompt, QStringLiteral("Answer in haiku."));
    QCOMPARE(stored->value().lanes.at(1).target, kTogetherTarget);

    // Other lanes now; one click on the set brings its lanes back, parameters included.
    window->setLaneTargets({kTogetherTarget});
    QCOMPARE(comparison->laneCount(), 1);
    Q_EMIT menu->aboutToShow();
    QAction *open = menu->findChild<QAction *>(QStringLiteral("modelSet:Poets"));
    QVERIFY(open);
    open->trigger();
    QCOMPARE(comparison->laneCount(), 2);
    QCOMPARE(comparison->lane(0)->target(), kGroqTarget);
    QCOMPARE(comparison->lane(0)->parameters().systemPrompt, QStringLiteral("Answer in haiku."));
    QCOMPARE(comparison->lane(0)->parameters().temperature, 0.3);
    QCOMPARE(harness.settings.lastModelSet(), QStringLiteral("Poets"));

    // Manage…: rename, then delete.
    QDialog *manage = sets->manage();
    QCOMPARE(manage->objectName(), QStringLiteral("modelSetsDialog"));
    auto *list = manage->findChild<QListWidget *>(QStringLiteral("modelSetList"));
    QCOMPARE(list->count(), 1);
    nextName = QStringLiteral("Haiku lanes");
    QTest::mouseClick(manage->findChild<QPushButton *>(QStringLiteral("renameModelSet")), Qt::LeftButton);
    QCOMPARE(list->item(0)->text(), QStringLiteral("Haiku lanes"));
    QCOMPARE(harness.settings.lastModelSet(), QStringLiteral("Haiku lanes"));
    QVERIFY(ModelSetFile().find(QStringLiteral("Haiku lanes"))->has_value());
    QVERIFY(menu->findChild<QAction *>(QStringLiteral("modelSet:Haiku lanes")));
    bool asked = false;
    sets->setConfirmDelete([&](const QString &name) {
        asked = name == u"Haiku lanes";
        return true;
    });
    QTest::mouseClick(manage->findChild<QPushButton *>(QStringLiteral("deleteModelSet")), Qt::LeftButton);
    QVERIFY(asked);
    QCOMPARE(list->count(), 0);
    QVERIFY(ModelSetFile().read()->isEmpty());
    QVERIFY(harness.settings.lastModelSet().isEmpty());
    QVERIFY(problems.isEmpty());
}

void tst_LiveWorkspace::lastModelSetReopensAtStart()
{
    ModelSetLane lane;
    lane.target = kTogetherTarget;
    lane.parameters.model = kTogetherTarget.model;
    lane.parameters.systemPrompt = QStringLiteral("Be brief.");
    ModelSetLane other;
    other.target = kGroqTarget;
    other.parameters.model = kGroqTarget.model;
    QVERIFY(ModelSetFile().save(ModelSet{QStringLiteral("Brief"), {lane, other}}).has_value());
    {
        Harness harness;
        harness.settings.setLastModelSet(QStringLiteral("Brief"));
        auto window = openWindow(harness, {kGroqTarget});
        Comparison *comparison = window->comparison();
        QCOMPARE(comparison->laneCount(), 2);
        QCOMPARE(comparison->lane(0)->target(), kTogetherTarget);
        QCOMPARE(comparison->lane(0)->parameters().systemPrompt, QStringLiteral("Be brief."));
    }
    {
        // A set deleted since: the lanes as they were left, and the setting forgotten.
        Harness harness;
        harness.settings.setLastModelSet(QStringLiteral("Gone"));
        auto window = openWindow(harness, {kGroqTarget});
        QCOMPARE(window->comparison()->laneCount(), 1);
        QCOMPARE(window->comparison()->lane(0)->target(), kGroqTarget);
        QVERIFY(harness.settings.lastModelSet().isEmpty());
    }
}

void tst_LiveWorkspace::damagedModelSetsFileIsLeftAlone()
{
    const QString path = ModelSetFile::defaultPath();
    QVERIFY(QDir().mkpath(QFileInfo(path).absolutePath()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"sets\": [{\"name\": \"x\"");
    file.close();
    Harness harness;
    auto window = openWindow(harness, {kGroqTarget});
    ModelSetsMenu *sets = window->liveWorkspace()->modelSets();
    QStringList problems;
    sets->setReport([&](const QString &problem) { problems << problem; });
    Q_EMIT sets->menu()->aboutToShow();
    QAction *problem = sets->menu()->findChild<QAction *>(QStringLiteral("modelSetsProblem"));
    QVERIFY(problem);
    QVERIFY(problem->toolTip().contains(QStringLiteral("not valid JSON")));
    QVERIFY(!sets->menu()->findChild<QAction *>(QStringLiteral("saveModelSetAction"))->isEnabled());
    QVERIFY(!sets->saveCurrentLanes(QStringLiteral("mine")));
    QCOMPARE(problems.size(), 1);
    QVERIFY(problems.first().contains(path));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("{\"sets\": [{\"name\": \"x\""));
}

QTEST_MAIN(tst_LiveWorkspace)
#include "tst_liveworkspace.moc"
