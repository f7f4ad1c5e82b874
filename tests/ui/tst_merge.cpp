// SPDX-License-Identifier: GPL-3.0-or-later
// Merge, judge and "continue from this lane's answer", clicked through the window against the
// loopback server: the merged answer streams into the merge panel (the request holds the
// answers by letter), is stored and shown again when the conversation is reopened; the judge's
// scores reach the Comparison; a lane's menu makes every lane go on from its answer.
#include "compare/comparison.h"
#include "composer.h"
#include "conversationview.h"
#include "history/historystore.h"
#include "judgedialog.h"
#include "lanecard.h"
#include "lanetargetbar.h"
#include "lanewidget.h"
#include "mainwindow.h"
#include "mergepanel.h"
#include "metricsfooter.h"
#include "windowharness.h"

#include <QAction>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>

using namespace versus;
using namespace versus::ui;
using namespace versus::test;

namespace {

const QString kDeepSeek = QStringLiteral("deepseek");
const Target kDeepSeekTarget{kDeepSeek, QStringLiteral("deepseek-v4-flash")};

QList<RecordedRequest> requestsTo(const ScriptedServer &server, const QString &provider)
{
    QList<RecordedRequest> found;
    for (const RecordedRequest &request : server.requests()) {
        if (request.pathWithoutQuery() == chatPath(provider))
            found << request;
    }
    return found;
}

QString lastUserMessage(const RecordedRequest &request)
{
    return request.json().value(u"messages").toArray().last()[u"content"].toString();
}

} // namespace

class tst_Merge : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void mergeStreamsIntoThePanelAndComesBack();
    void mergeErrorShowsInThePanel();
    void judgeScoresReachTheComparison();
    void lanesContinueFromTheChosenAnswer();

private:
    std::unique_ptr<MainWindow> openAnsweredWindow(Harness &harness);

    std::unique_ptr<ScriptedServer> m_server;
};

void tst_Merge::init()
{
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
    for (const QString &provider : {kGroq, kTogether, kDeepSeek})
        qputenv(baseUrlVar(provider).constData(),
                m_server->url(QStringLiteral("/%1/v1").arg(provider)).toString().toUtf8());
    m_server->route("POST", chatPath(kGroq), answer({QStringLiteral("Paris.")}));
    m_server->route("POST", chatPath(kTogether),
                    answer({QStringLiteral("It is Paris, "), QStringLiteral("on the Seine.")}));
}

void tst_Merge::cleanup()
{
    for (const QString &provider : {kGroq, kTogether, kDeepSeek})
        qunsetenv(baseUrlVar(provider).constData());
    m_server.reset();
}

std::unique_ptr<MainWindow> tst_Merge::openAnsweredWindow(Harness &harness)
{
    if (!harness.storeKey(kGroq, "gsk_test_key_for_merge_0001") ||
        !harness.storeKey(kTogether, "tgp_test_key_for_merge_0002") ||
        !harness.storeKey(kDeepSeek, "sk_test_key_for_merge_0003"))
        return nullptr;
    harness.settings.setLaneTargets({kGroqTarget, kTogetherTarget});
    auto window = std::make_unique<MainWindow>(harness.services());
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("window not active: shortcuts may not reach it");
    QTest::keyClicks(window->composer()->editor(), QStringLiteral("Capital of France?"));
    QTest::mouseClick(window->composer()->sendButton(), Qt::LeftButton);
    if (!QTest::qWaitFor([&] { return window->comparison()->lastTurnKey() != 0 && !window->isBusy(); }, 10000))
        return nullptr;
    return window;
}

void tst_Merge::mergeStreamsIntoThePanelAndComesBack()
{
    Harness harness;
    auto window = openAnsweredWindow(harness);
    QVERIFY(window);
    MergePanel *panel = window->mergePanel();
    QVERIFY(panel);
    QCOMPARE(panel->objectName(), QStringLiteral("mergePanel"));
    QVERIFY(!panel->isVisible());
    QCOMPARE(window->windowActions().mergeAnswers->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+M")));
    window->windowActions().mergeAnswers->trigger();
    QVERIFY(panel->isVisible());
    QCOMPARE(panel->instructionEdit()->toPlainText(), defaultMergeInstruction());

    m_server->route("POST", chatPath(kDeepSeek),
                    answer({QStringLiteral("Paris, "), QStringLiteral("on the "), QStringLiteral("Seine.")}, 30));
    panel->targetBar()->setTarget(kDeepSeekTarget);
    panel->instructionEdit()->setPlainText(QStringLiteral("Merge them, briefly."));
    QVERIFY(panel->mergeButton()->isEnabled());
    QTest::mouseClick(panel->mergeButton(), Qt::LeftButton);
    QVERIFY(panel->stopButton()->isEnabled()); // streaming: 30 ms between pieces
    QTRY_COMPARE(panel->view()->answerText(0), QStringLiteral("Paris, on the Seine."));
    QTRY_VERIFY(!panel->stopButton()->isEnabled());
    QVERIFY(!panel->card()->isVisible());
    const QString cost = panel->footer()->findChild<QLabel *>(QStringLiteral("cost"))->text();
    QVERIFY2(cost.contains(u'$'), qPrintable(cost)); // deepseek-v4-flash has a price

    // The merging model was sent both answers by letter, and the instruction; no lane's name.
    const QList<RecordedRequest> sent = requestsTo(*m_server, kDeepSeek);
    QCOMPARE(sent.size(), 1);
    const QString text = lastUserMessage(sent.first());
    QVERIFY(text.contains(QStringLiteral("Answer A:\n<<<\nParis.\n>>>")));
    QVERIFY(text.contains(QStringLiteral("Answer B:\n<<<\nIt is Paris, on the Seine.\n>>>")));
    QVERIFY(text.endsWith(QStringLiteral("Merge them, briefly.")));
    QVERIFY(!sent.first().body.contains("gpt-oss"));

    // Stored; a new comparison empties the panel; reopening the conversation shows it again.
    const qint64 id = window->comparison()->conversationId();
    const auto stored = harness.engine.history()->merges(id);
    QVERIFY(stored.has_value());
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->first().result.value(u"text").toString(), QStringLiteral("Paris, on the Seine."));
    window->newComparison();
    QTRY_COMPARE(panel->view()->turnCount(), 0);
    QVERIFY(window->openConversation(id));
    QTRY_COMPARE(panel->view()->answerText(0), QStringLiteral("Paris, on the Seine."));
    QCOMPARE(panel->targetBar()->target(), kDeepSeekTarget);

    // Closable.
    Q_EMIT panel->targetBar()->closeRequested();
    QVERIFY(!panel->isVisible());
}

void tst_Merge::mergeErrorShowsInThePanel()
{
    Harness harness;
    auto window = openAnsweredWindow(harness);
    QVERIFY(window);
    m_server->route("POST", chatPath(kDeepSeek),
                    ScriptedResponse::json(401, R"({"error":{"message":"Authentication Fails, key revoked"}})"));
    window->openMergePanel();
    MergePanel *panel = window->mergePanel();
    panel->targetBar()->setTarget(kDeepSeekTarget);
    QTest::mouseClick(panel->mergeButton(), Qt::LeftButton);
    QTRY_VERIFY(panel->card()->isVisible());
    QCOMPARE(panel->card()->kind(), LaneCard::Kind::Error);
    QVERIFY2(panel->card()->title().contains(QStringLiteral("401")), qPrintable(panel->card()->title()));
    QVERIFY(panel->card()->message().contains(QStringLiteral("Authentication Fails, key revoked")));
}

void tst_Merge::judgeScoresReachTheComparison()
{
    Harness harness;
    auto window = openAnsweredWindow(harness);
    QVERIFY(window);
    m_server->route("POST", chatPath(kDeepSeek),
                    answer({QStringLiteral(R"({"scores":[{"answer":"A","score":7,"reason":"Terse."},)"),
                            QStringLiteral(R"({"answer":"B","score":9,"reason":"Adds the river."}]})")}));
    QCOMPARE(window->windowActions().judgeAnswers->shortcut(), QKeySequence(QStringLiteral("Ctrl+Shift+J")));
    window->windowActions().judgeAnswers->trigger();
    JudgeDialog *dialog = window->judgeDialog();
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QCOMPARE(dialog->rubricEdit()->toPlainText(), defaultJudgeRubric());
    dialog->targetBar()->setTarget(kDeepSeekTarget);
    dialog->rubricEdit()->setPlainText(QStringLiteral("Completeness only."));
    QTest::mouseClick(dialog->judgeButton(), Qt::LeftButton);
    Comparison *comparison = window->comparison();
    const qint64 key = comparison->lastTurnKey();
    QTRY_COMPARE(comparison->judgeScores(key).size(), 2);
    QCOMPARE(comparison->judgeScores(key).value(comparison->lane(0)).score, 7.0);
    QCOMPARE(comparison->judgeScores(key).value(comparison->lane(1)).score, 9.0);
    QCOMPARE(comparison->judgeScores(key).value(comparison->lane(1)).judge, kDeepSeekTarget.toString());
    QTRY_VERIFY(dialog->statusLabel()->text().contains(QStringLiteral("Adds the river.")));
    QVERIFY(lastUserMessage(requestsTo(*m_server, kDeepSeek).last()).contains(QStringLiteral("Completeness only.")));

    // A reply that scores one answer only: the dialog says so, and nothing changes.
    m_server->route("POST", chatPath(kDeepSeek),
                    answer({QStringLiteral(R"({"scores":[{"answer":"A","score":1,"reason":"x"}]})")}));
    QTest::mouseClick(dialog->judgeButton(), Qt::LeftButton);
    QTRY_VERIFY2(dialog->statusLabel()->text().contains(QStringLiteral("did not score answer B")),
                 qPrintable(dialog->statusLabel()->text()));
    QCOMPARE(comparison->judgeScores(key).value(comparison->lane(0)).score, 7.0);
}

void tst_Merge::lanesContinueFromTheChosenAnswer()
{
    Harness harness;
    auto window = openAnsweredWindow(harness);
    QVERIFY(window);
    LaneWidget *groq = window->lanes().value(0);
    LaneWidget *together = window->lanes().value(1);
    QVERIFY(groq && together);
    QVERIFY(!together->continueNote()->isVisible());
    auto *action = groq->targetBar()->laneMenu()->findChild<QAction *>(QStringLiteral("continueFromLaneAction"));
    QVERIFY(action);
    Q_EMIT groq->targetBar()->laneMenu()->aboutToShow();
    QVERIFY(action->isEnabled());
    action->trigger();
    QCOMPARE(window->comparison()->continuedFrom(window->comparison()->lastTurnKey()), groq->lane());
    QTRY_VERIFY(together->continueNote()->isVisible());
    QCOMPARE(together->continueNote()->text(), QStringLiteral("Continues from Lane A's answer"));

    QTest::keyClicks(window->composer()->editor(), QStringLiteral("And its population?"));
    QTest::mouseClick(window->composer()->sendButton(), Qt::LeftButton);
    QTRY_VERIFY(window->comparison()->turns().size() == 2 && !window->isBusy());
    const QJsonArray messages = requestsTo(*m_server, kTogether).last().json().value(u"messages").toArray();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(1)[u"content"].toString(), QStringLiteral("Paris.")); // groq's answer, not its own

    // "Keep lanes separate" on the first turn is not offered from the last one; the note stays.
    auto *separate = together->targetBar()->laneMenu()->findChild<QAction *>(QStringLiteral("keepLanesSeparateAction"));
    QVERIFY(separate);
    Q_EMIT together->targetBar()->laneMenu()->aboutToShow();
    QVERIFY(!separate->isEnabled());
    QVERIFY(together->continueNote()->isVisible());
}

QTEST_MAIN(tst_Merge)
#include "tst_merge.moc"
