// SPDX-License-Identifier: GPL-3.0-or-later
// The Versus window driven offscreen like a user would: typing into the composer, clicking
// Send or pressing Ctrl+Enter, against the scripted loopback server standing in for Groq and
// Together AI, with keys in an in-memory key store.
#include "appsettings.h"
#include "capabilitybadges.h"
#include "composer.h"
#include "conversationview.h"
#include "engine/engine.h"
#include "englishplurals.h"
#include "fixture.h"
#include "historysidebar.h"
#include "lanecard.h"
#include "lanewidget.h"
#include "mainwindow.h"
#include "metrics/metricdocs.h"
#include "metricsfooter.h"
#include "pricing/pricecatalog.h"
#include "scriptedserver.h"
#include "secrets/keyresolver.h"
#include "secrets/memorykeystore.h"
#include "settings/providerkeyspage.h"
#include "windowharness.h"
#include "wording/erroradvice.h"

#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QDialog>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QFrame>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QSplitter>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>
#include <QToolButton>

using namespace versus;
using namespace versus::ui;
using namespace versus::test;

namespace {

QLabel *figure(LaneWidget *lane, const char *name)
{
    return lane->footer()->findChild<QLabel *>(QLatin1String(name));
}

bool cardShown(LaneWidget *lane)
{
    return lane->card()->isVisible();
}

} // namespace

class tst_MainWindow : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void clickSendStreamsTheAnswer();
    void ctrlEnterSendsToEveryLane();
    void liveSpeedWhileStreaming();
    void twoLanesStreamSideBySide();
    void errorCardInOneLaneOtherFinishes();
    void stopKeepsPartialText();
    void secondSendContinuesTheConversation();
    void missingKeyShowsCard();
    void newComparisonClearsConversations();
    void addAndCloseLanes();
    void lanesRestoredFromSettings();
    void estimateBeforeSending();
    void capabilityBadges();
    void metricsHelpShowsDefinitions();
    void conversationSurvivesRestart();
    void exportAndDeleteFromTheWindow();
    void fullDiskKeepsThePromptAndSaysWhy();
    void damagedHistoryIsMovedAsideAndSaid();

private:
    std::unique_ptr<MainWindow> openWindow(Harness &harness, const QList<Target> &targets);
    void pointAt(ScriptedServer &server, const QString &provider);
    void typeAndSend(MainWindow &window, const QString &prompt);
};

void tst_MainWindow::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QVERIFY(installEnglishPlurals()); // counts read as in the English window ("no price for 1 lane")
    // Keys and base URLs come only from what each test sets up.
    const auto registry = ProviderRegistry::createDefault();
    for (const Provider *provider : registry->providers()) {
        if (!provider->info().keyEnvVar.isEmpty())
            qunsetenv(provider->info().keyEnvVar.toLatin1().constData());
        qunsetenv(baseUrlVar(provider->id()).constData());
    }
}

void tst_MainWindow::cleanup()
{
    qunsetenv(baseUrlVar(kGroq).constData());
    qunsetenv(baseUrlVar(kTogether).constData());
}

std::unique_ptr<MainWindow> tst_MainWindow::openWindow(Harness &harness, const QList<Target> &targets)
{
    harness.settings.setLaneTargets(targets);
    auto window = std::make_unique<MainWindow>(harness.services());
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("window not active: shortcuts may not reach it");
    return window;
}

void tst_MainWindow::pointAt(ScriptedServer &server, const QString &provider)
{
    qputenv(baseUrlVar(provider).constData(), server.url(QStringLiteral("/%1/v1").arg(provider)).toString().toUtf8());
}

void tst_MainWindow::typeAndSend(MainWindow &window, const QString &prompt)
{
    QTest::keyClicks(window.composer()->editor(), prompt);
    QVERIFY(window.composer()->sendButton()->isEnabled());
    QTest::mouseClick(window.composer()->sendButton(), Qt::LeftButton);
}

void tst_MainWindow::clickSendStreamsTheAnswer()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server, kGroq);
    server.route("POST", chatPath(kGroq),
                 answer({QStringLiteral("Hello"), QStringLiteral(" there"), QStringLiteral("!")}, 20));
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_the_window_0001"));
    auto window = openWindow(harness, {kGroqTarget});
    QCOMPARE(window->lanes().size(), 1);
    LaneWidget *lane = window->lanes().first();
    QVERIFY(!window->composer()->sendButton()->isEnabled()); // nothing typed yet

    typeAndSend(*window, QStringLiteral("Say hello"));
    QVERIFY(window->composer()->text().isEmpty()); // the composer is ready for the next prompt
    QVERIFY(lane->isBusy());
    QTRY_COMPARE(lane->view()->answerText(0), QStringLiteral("Hello there!"));
    QTRY_VERIFY(!lane->isBusy());

    QCOMPARE(server.requestCount(), 1);
    const RecordedRequest request = server.lastRequest();
    QCOMPARE(request.header("authorization"), QByteArray("Bearer gsk_test_key_for_the_window_0001"));
    const QJsonArray messages = request.json().value(u"messages").toArray();
    QCOMPARE(messages.size(), 1);
    QCOMPARE(messages.at(0)[u"content"].toString(), QStringLiteral("Say hello"));
    QCOMPARE(request.json().value(u"model").toString(), kGroqTarget.model);

    const QString shown = lane->view()->toPlainText();
    QVERIFY2(shown.contains(QStringLiteral("Say hello")), qPrintable(shown));
    QVERIFY2(shown.contains(QStringLiteral("Hello there!")), qPrintable(shown));

    // The footer: every figure with the tooltip of its definition.
    QLabel *ttft = figure(lane, "ttft");
    QVERIFY(ttft->isVisible());
    QVERIFY2(ttft->text().startsWith(QStringLiteral("TTFT ")), qPrintable(ttft->text()));
    QVERIFY(ttft->toolTip().contains(QStringLiteral("ttft_ms = t_first − t0")));
    QLabel *speed = figure(lane, "speed");
    QVERIFY2(speed->text().endsWith(QStringLiteral("tok/s")), qPrintable(speed->text()));
    QVERIFY(speed->toolTip().contains(QStringLiteral("output_tokens_per_s")));
    QVERIFY(figure(lane, "e2e")->text().startsWith(QStringLiteral("e2e ")));
    QCOMPARE(figure(lane, "tokens")->text(), QStringLiteral("20 → 3 tokens")); // as the usage chunk said
    QVERIFY(figure(lane, "tokens")->toolTip().contains(QStringLiteral("reported by the provider")));
    QVERIFY2(figure(lane, "cost")->text().startsWith(u'$'), qPrintable(figure(lane, "cost")->text()));
    QVERIFY(!figure(lane, "serverSpeed")->isVisible()); // this answer reported no server timing
    QCOMPARE(figure(lane, "laneState")->text(), QStringLiteral("Done"));

    // The session total follows, and nothing ticks once the answer is in.
    QCOMPARE(window->sessionCost().pricedCount(), 1);
    QVERIFY(window->findChild<QLabel *>(QStringLiteral("sessionCost"))->text().contains(u'$'));
    QVERIFY(!lane->isFlushTimerActive());
    QVERIFY(!cardShown(lane));
}

void tst_MainWindow::ctrlEnterSendsToEveryLane()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server, kGroq);
    server.route("POST", chatPath(kGroq), answer({QStringLiteral("ok")}));
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_the_window_0002"));
    auto window = openWindow(harness, {kGroqTarget, Target{kGroq, QStringLiteral("openai/gpt-oss-20b")}});
    QCOMPARE(window->lanes().size(), 2);

    QTest::keyClicks(window->composer()->editor(), QStringLiteral("ping"));
    QTest::keyClick(window->composer()->editor(), Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE(server.requestCount(), 2);
    for (LaneWidget *lane : window->lanes())
        QTRY_COMPARE(lane->view()->answerText(0), QStringLiteral("ok"));
    QStringList models;
    for (const RecordedRequest &request : server.requests())
        models << request.json().value(u"model").toString();
    models.sort();
    QCOMPARE(models, QStringList({QStringLiteral("openai/gpt-oss-120b"), QStringLiteral("openai/gpt-oss-20b")}));
    QVERIFY(window->composer()->text().isEmpty());
}

void tst_MainWindow::liveSpeedWhileStreaming()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server, kGroq);
    QStringList pieces;
    for (int i = 0; i < 40; ++i)
        pieces << QStringLiteral("word%1 ").arg(i);
    server.route("POST", chatPath(kGroq), answer(pieces, 40));
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_the_window_0003"));
    auto window = openWindow(harness, {kGroqTarget});
    LaneWidget *lane = window->lanes().first();

    typeAndSend(*window, QStringLiteral("count"));
    // While the answer streams: TTFT known, the live speed shown (estimated, with its own
    // definition), the text growing, and the repaint timer running.
    QTRY_VERIFY(lane->isBusy() && figure(lane, "speed")->text().startsWith(u'~'));
    QVERIFY(figure(lane, "speed")->toolTip().contains(QStringLiteral("live_tokens_per_s")));
    QVERIFY(figure(lane, "ttft")->text().startsWith(QStringLiteral("TTFT ")));
    QVERIFY(lane->isFlushTimerActive());
    const QString partial = lane->view()->answerText(0);
    QVERIFY(!partial.isEmpty());
    QVERIFY(partial.size() < pieces.join(QString()).size());

    QTRY_VERIFY_WITH_TIMEOUT(!lane->isBusy(), 10000);
    QCOMPARE(lane->view()->answerText(0), pieces.join(QString()));
    QVERIFY(!figure(lane, "speed")->text().startsWith(u'~')); // the measured speed replaced it
    QVERIFY(!lane->isFlushTimerActive());
}

void tst_MainWindow::twoLanesStreamSideBySide()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server, kGroq);
    pointAt(server, kTogether);
    QStringList groqPieces, togetherPieces;
    for (int i = 0; i < 12; ++i) {
        groqPieces << QStringLiteral("g%1 ").arg(i);
        togetherPieces << QStringLiteral("t%1 ").arg(i);
    }
    server.route("POST", chatPath(kGroq), answer(groqPieces, 50));
    server.route("POST", chatPath(kTogether), answer(togetherPieces, 50));
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_the_window_0004"));
    QVERIFY(harness.storeKey(kTogether, "tgp_test_key_for_the_window_0004"));
    auto window = openWindow(harness, {kGroqTarget, kTogetherTarget});
    LaneWidget *groq = window->lanes().at(0);
    LaneWidget *together = window->lanes().at(1);

    typeAndSend(*window, QStringLiteral("race"));
    // Both lanes show part of their answer at the same moment: they stream side by side.
    QTRY_VERIFY(groq->isBusy() && together->isBusy() && !groq->view()->answerText(0).isEmpty() &&
                !together->view()->answerText(0).isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!groq->isBusy() && !together->isBusy(), 10000);
    QCOMPARE(groq->view()->answerText(0), groqPieces.join(QString()));
    QCOMPARE(together->view()->answerText(0), togetherPieces.join(QString()));

    // Each request went to its own provider with its own key.
    QCOMPARE(server.requestCount(), 2);
    for (const RecordedRequest &request : server.requests()) {
        if (request.path == chatPath(kGroq))
            QCOMPARE(request.header("authorization"), QByteArray("Bearer gsk_test_key_for_the_window_0004"));
        else
            QCOMPARE(request.header("authorization"), QByteArray("Bearer tgp_test_key_for_the_window_0004"));
    }
    QCOMPARE(window->sessionCost().pricedCount() + window->sessionCost().unpricedCount(), 2);
}

void tst_MainWindow::errorCardInOneLaneOtherFinishes()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server, kGroq);
    pointAt(server, kTogether);
    const Fixture unauthorized = loadFixture(kGroq, QStringLiteral("error_401"));
    QVERIFY2(unauthorized.isValid(), qPrintable(unauthorized.error));
    server.route("POST", chatPath(kGroq), unauthorized.response);
    QStringList pieces;
    for (int i = 0; i < 30; ++i)
        pieces << QStringLiteral("p%1 ").arg(i);
    server.route("POST", chatPath(kTogether), answer(pieces, 50));
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_revoked_key_for_the_window_05"));
    QVERIFY(harness.storeKey(kTogether, "tgp_test_key_for_the_window_0005"));
    auto window = openWindow(harness, {kGroqTarget, kTogetherTarget});
    LaneWidget *groq = window->lanes().at(0);
    LaneWidget *together = window->lanes().at(1);

    typeAndSend(*window, QStringLiteral("who am I?"));
    QTRY_VERIFY(cardShown(groq));
    QVERIFY(together->isBusy()); // the other lane carries on
    LaneCard *card = groq->card();
    QCOMPARE(card->kind(), LaneCard::Kind::Error);
    QVERIFY2(card->title().startsWith(errorTitle(ErrorKind::Auth)), qPrintable(card->title()));
    QVERIFY(card->title().contains(QStringLiteral("401")));
    const QString expectedMessage =
        unauthorized.expected.value(u"error").toObject().value(u"message_contains").toString();
    QVERIFY2(card->message().contains(expectedMessage), qPrintable(card->message()));
    const Provider *provider = harness.engine.registry().find(kGroq);
    ChatError error;
    error.kind = ErrorKind::Auth;
    QCOMPARE(card->advice(), errorAdvice(error, provider->info(), AdviceFor::App));
    QVERIFY(groq->view()->toPlainText().contains(errorTitle(ErrorKind::Auth)));

    QTRY_VERIFY_WITH_TIMEOUT(!together->isBusy(), 10000);
    QCOMPARE(together->view()->answerText(0), pieces.join(QString()));
    QVERIFY(!cardShown(together));

    // The card offers the next step: Providers & Keys, on the failing provider's entry.
    auto *action = card->findChild<QPushButton *>(QStringLiteral("cardAction"));
    QVERIFY(action && action->isVisible());
    QTest::mouseClick(action, Qt::LeftButton);
    QTRY_VERIFY(window->providerKeysDialog() && window->providerKeysDialog()->isVisible());
    auto *page = window->providerKeysDialog()->findChild<ProviderKeysPage *>();
    QVERIFY(page);
    QVERIFY(page->findChild<QLabel *>(QStringLiteral("status_groq")));
    QVERIFY(page->findChild<QPushButton *>(QStringLiteral("test_groq"))); // checks keys against the model list
}

void tst_MainWindow::stopKeepsPartialText()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server, kGroq);
    // Two pieces, then the server goes quiet without ending the answer.
    server.route("POST", chatPath(kGroq),
                 ScriptedResponse::sse({"data: " + textChunk(QStringLiteral("Partial ")) + "\n\n",
                                        "data: " + textChunk(QStringLiteral("answer")) + "\n\n"})
                     .stall());
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_the_window_0006"));
    auto window = openWindow(harness, {kGroqTarget});
    LaneWidget *lane = window->lanes().first();

    typeAndSend(*window, QStringLiteral("go on"));
    QTRY_COMPARE(lane->view()->answerText(0), QStringLiteral("Partial answer"));
    QVERIFY(lane->isBusy());
    QVERIFY(window->composer()->stopButton()->isEnabled());

    QTest::keyClick(window->composer()->editor(), Qt::Key_Escape);
    QTRY_VERIFY(!lane->isBusy());
    QCOMPARE(lane->view()->answerText(0), QStringLiteral("Partial answer"));
    QVERIFY(lane->view()->toPlainText().contains(QStringLiteral("Partial answer")));
    QVERIFY(lane->view()->toPlainText().contains(QStringLiteral("Stopped by you.")));
    QCOMPARE(figure(lane, "laneState")->text(), QStringLiteral("Stopped"));
    QVERIFY(!cardShown(lane)); // stopping is not an error
    QVERIFY(!window->composer()->stopButton()->isEnabled());
    QVERIFY(!lane->isFlushTimerActive());
    // The partial answer is part of the conversation that continues.
    QCOMPARE(lane->conversation()->requestMessages().size(), 2);
}

void tst_MainWindow::secondSendContinuesTheConversation()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server, kGroq);
    server.enqueue(answer({QStringLiteral("Paris.")}));
    server.enqueue(answer({QStringLiteral("About 2.1 million.")}));
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_the_window_0007"));
    auto window = openWindow(harness, {kGroqTarget});
    LaneWidget *lane = window->lanes().first();

    typeAndSend(*window, QStringLiteral("Capital of France?"));
    QTRY_VERIFY(!lane->isBusy() && lane->view()->answerText(0) == QStringLiteral("Paris."));
    typeAndSend(*window, QStringLiteral("Population?"));
    QTRY_VERIFY(!lane->isBusy() && lane->view()->answerText(1) == QStringLiteral("About 2.1 million."));

    QCOMPARE(server.requestCount(), 2);
    const QJsonArray messages = server.request(1).json().value(u"messages").toArray();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(0)[u"role"].toString(), QStringLiteral("user"));
    QCOMPARE(messages.at(0)[u"content"].toString(), QStringLiteral("Capital of France?"));
    QCOMPARE(messages.at(1)[u"role"].toString(), QStringLiteral("assistant"));
    QCOMPARE(messages.at(1)[u"content"].toString(), QStringLiteral("Paris."));
    QCOMPARE(messages.at(2)[u"role"].toString(), QStringLiteral("user"));
    QCOMPARE(messages.at(2)[u"content"].toString(), QStringLiteral("Population?"));
    QCOMPARE(lane->view()->turnCount(), 2);
    QCOMPARE(lane->conversationCost().pricedCount(), 2);
}

void tst_MainWindow::missingKeyShowsCard()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server, kGroq);
    server.route("POST", chatPath(kGroq), answer({QStringLiteral("late")}));
    Harness harness; // no key stored
    auto window = openWindow(harness, {kGroqTarget});
    LaneWidget *lane = window->lanes().first();

    QTRY_VERIFY(cardShown(lane));
    QCOMPARE(lane->card()->kind(), LaneCard::Kind::Warning);
    QCOMPARE(lane->card()->title(), QStringLiteral("No key for Groq"));
    QVERIFY(lane->card()->message().contains(QStringLiteral("GROQ_API_KEY")));

    // Sending without a key sends nothing and says why.
    typeAndSend(*window, QStringLiteral("anyone?"));
    QTRY_VERIFY(!lane->isBusy());
    QVERIFY(lane->view()->toPlainText().contains(QStringLiteral("Not sent: no key for Groq.")));
    QCOMPARE(server.requestCount(), 0);
    QVERIFY(cardShown(lane));
    QVERIFY(lane->conversation()->requestMessages().isEmpty());

    auto *action = lane->card()->findChild<QPushButton *>(QStringLiteral("cardAction"));
    QCOMPARE(action->text(), QStringLiteral("Add key…"));
    QTest::mouseClick(action, Qt::LeftButton);
    QTRY_VERIFY(window->providerKeysDialog() && window->providerKeysDialog()->isVisible());

    // A key saved (here straight into the store) makes the card go away.
    QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_the_window_0008"));
    QTRY_VERIFY(!cardShown(lane));
    typeAndSend(*window, QStringLiteral("now?"));
    QTRY_COMPARE(lane->view()->answerText(1), QStringLiteral("late"));
    QCOMPARE(server.lastRequest().json().value(u"messages").toArray().size(), 1); // the unsent turn is not history
}

void tst_MainWindow::newComparisonClearsConversations()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server, kGroq);
    server.route("POST", chatPath(kGroq), answer({QStringLiteral("first")}));
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_the_window_0009"));
    auto window = openWindow(harness, {kGroqTarget});
    LaneWidget *lane = window->lanes().first();
    typeAndSend(*window, QStringLiteral("one"));
    QTRY_VERIFY(!lane->isBusy() && lane->view()->turnCount() == 1);

    auto *action = window->findChild<QAction *>(QStringLiteral("newComparisonAction"));
    QVERIFY(action);
    QCOMPARE(action->shortcut(), QKeySequence(QKeySequence::New));
    QTest::keyClick(window->composer()->editor(), Qt::Key_N, Qt::ControlModifier);
    QCOMPARE(lane->view()->turnCount(), 0);
    QVERIFY(lane->conversation()->requestMessages().isEmpty());
    QVERIFY(lane->view()->toPlainText().isEmpty());
    QCOMPARE(figure(lane, "laneState")->text(), QStringLiteral("No answer yet"));
    QCOMPARE(window->sessionCost().pricedCount(), 1); // the session keeps what was spent

    typeAndSend(*window, QStringLiteral("fresh start"));
    QTRY_VERIFY(!lane->isBusy() && lane->view()->turnCount() == 1);
    QCOMPARE(server.lastRequest().json().value(u"messages").toArray().size(), 1);
}

void tst_MainWindow::addAndCloseLanes()
{
    Harness harness;
    auto window = openWindow(harness, {kGroqTarget});
    QCOMPARE(window->lanes().size(), 1);
    auto *close = window->lanes().first()->findChild<QToolButton *>(QStringLiteral("closeLane"));
    QVERIFY(!close->isEnabled()); // the last lane stays

    QTest::keyClick(window->composer()->editor(), Qt::Key_N, Qt::ControlModifier | Qt::ShiftModifier);
    QCOMPARE(window->lanes().size(), 2);
    const Target added = window->lanes().at(1)->target();
    QVERIFY(added.provider != kGroq); // a provider no lane uses yet
    QVERIFY(!added.model.isEmpty());
    QCOMPARE(harness.settings.laneTargets(), QList<Target>({kGroqTarget, added}));
    QVERIFY(close->isEnabled());

    // Changing a lane's model is remembered.
    LaneWidget *second = window->lanes().at(1);
    second->modelBox()->setEditText(QStringLiteral("some-new-model"));
    QCOMPARE(harness.settings.laneTargets().at(1), (Target{added.provider, QStringLiteral("some-new-model")}));

    QTest::mouseClick(close, Qt::LeftButton);
    QTRY_COMPARE(window->lanes().size(), 1);
    QCOMPARE(window->lanes().first(), second);
    QCOMPARE(harness.settings.laneTargets().size(), 1);
    QVERIFY(!second->findChild<QToolButton *>(QStringLiteral("closeLane"))->isEnabled());
}

void tst_MainWindow::lanesRestoredFromSettings()
{
    Harness harness;
    const Target ollama{QStringLiteral("ollama"), QStringLiteral("llama3:8b")};
    {
        auto window = openWindow(harness, {kTogetherTarget, ollama});
        QCOMPARE(window->lanes().size(), 2);
        window->close();
    }
    // A second window (the next start) finds the same lanes.
    auto window = std::make_unique<MainWindow>(harness.services());
    QCOMPARE(window->lanes().size(), 2);
    QCOMPARE(window->lanes().at(0)->target(), kTogetherTarget);
    QCOMPARE(window->lanes().at(1)->target(), ollama); // a model id the catalog does not list
    QCOMPARE(window->lanes().at(0)->providerBox()->currentText(), QStringLiteral("Together AI"));
}

void tst_MainWindow::estimateBeforeSending()
{
    Harness harness;
    auto window = openWindow(harness, {kGroqTarget});
    QLabel *estimate = window->composer()->estimateLabel();
    QVERIFY(estimate->text().isEmpty());
    QTest::keyClicks(window->composer()->editor(), QStringLiteral("How much will this cost?"));
    QTRY_VERIFY(estimate->text().startsWith(QStringLiteral("Estimated cost: ≈ $")));
    QVERIFY2(estimate->text().contains(u'–'), qPrintable(estimate->text())); // a range: the output is unknown
    QVERIFY(!estimate->text().contains(QStringLiteral("no price")));

    // A lane whose model has no price is counted, never guessed.
    window->addLane(Target{kGroq, QStringLiteral("a-model-without-a-price")});
    QTRY_VERIFY2(estimate->text().endsWith(QStringLiteral("no price for 1 lane")), qPrintable(estimate->text()));
    QVERIFY(estimate->toolTip().contains(QStringLiteral("groq:a-model-without-a-price: no price")));

    window->composer()->clear();
    QTRY_VERIFY(estimate->text().isEmpty());
}

void tst_MainWindow::capabilityBadges()
{
    Harness harness;
    auto window = openWindow(harness, {kGroqTarget});
    LaneWidget *lane = window->lanes().first();
    const Provider *groq = harness.engine.registry().find(kGroq);
    const Capabilities caps = enforcedCapabilities(groq->info(), *groq->info().findModel(kGroqTarget.model));
    QLabel *functions = lane->badges()->badge(Capability::FunctionCalls);
    QVERIFY(functions);
    QCOMPARE(functions->text(), QStringLiteral("F"));
    QCOMPARE(functions->toolTip().endsWith(QStringLiteral("not supported")), !caps.functionCalls.value_or(false));

    // A model the catalog does not know has unknown capabilities, and says so.
    lane->modelBox()->setEditText(QStringLiteral("brand-new-model"));
    QCOMPARE(functions->text(), QStringLiteral("F?"));
    QVERIFY(functions->toolTip().contains(QStringLiteral("does not know")));
}

void tst_MainWindow::metricsHelpShowsDefinitions()
{
    Harness harness;
    auto window = openWindow(harness, {kGroqTarget});
    auto *action = window->findChild<QAction *>(QStringLiteral("metricsHelpAction"));
    QVERIFY(action);
    action->trigger();
    auto *dialog = window->findChild<QDialog *>(QStringLiteral("metricsHelp"));
    QVERIFY(dialog && dialog->isVisible());
    auto *text = dialog->findChild<QTextBrowser *>(QStringLiteral("metricsText"));
    QVERIFY(text);
    for (MetricId id : kAllMetricIds)
        QVERIFY2(text->toPlainText().contains(metricFormula(id)), qPrintable(metricFormula(id)));
}

void tst_MainWindow::conversationSurvivesRestart()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server, kGroq);
    pointAt(server, kTogether);
    server.route("POST", chatPath(kGroq), answer({QStringLiteral("Paris is the "), QStringLiteral("capital.")}, 10));
    server.route("POST", chatPath(kTogether),
                 answer({QStringLiteral("It is Paris, "), QStringLiteral("famously.")}, 10));
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_the_window_0101"));
    QVERIFY(harness.storeKey(kTogether, "tgp_test_key_for_the_window_0102"));

    QStringList answersBefore;
    QStringList figuresBefore;
    {
        auto window = openWindow(harness, {kGroqTarget, kTogetherTarget});
        typeAndSend(*window, QStringLiteral("Capital of France?"));
        QTRY_VERIFY_WITH_TIMEOUT(
            !window->isBusy() && window->lanes().at(1)->view()->answerText(0).endsWith(u"famously."), 10000);
        for (LaneWidget *lane : window->lanes()) {
            answersBefore << lane->view()->answerText(0);
            figuresBefore << figure(lane, "ttft")->text() + u'|' + figure(lane, "e2e")->text() + u'|' +
                                 figure(lane, "tokens")->text() + u'|' + figure(lane, "cost")->text();
        }
        QCOMPARE(window->sidebar()->rowCount(), 1);
        window->close(); // quit
    }

    // Start again: a new engine on the same files, as the next run of the app.
    Engine restarted(harness.engineOptions());
    restarted.transport.retry.maxRetries = 0;
    AppServices services = harness.services();
    services.engine = &restarted;
    MainWindow window(services);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    HistorySidebar *sidebar = window.sidebar();
    QCOMPARE(sidebar->rowCount(), 1);
    QVERIFY(window.lanes().first()->view()->turnCount() == 0); // it starts on a new comparison

    // Search finds a word that only an answer holds, and the hit opens the conversation.
    QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier);
    QVERIFY(sidebar->searchField()->hasFocus());
    QTest::keyClicks(sidebar->searchField(), QStringLiteral("famously"));
    QTRY_VERIFY(sidebar->statusText().isEmpty() && sidebar->rowCount() == 1);
    QAbstractItemView *list = sidebar->listView();
    QTRY_VERIFY(list->model()->index(0, 0).data(Qt::DisplayRole).toString().contains(QStringLiteral("Capital")) ||
                list->model()->rowCount() == 1);
    QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, list->visualRect(list->model()->index(0, 0)).center());
    QTRY_COMPARE(window.lanes().size(), 2);
    QTRY_COMPARE(window.lanes().at(0)->view()->turnCount(), 1);
    QCOMPARE(window.windowTitle(), QStringLiteral("Capital of France? — Versus"));
    QStringList answersAfter;
    QStringList figuresAfter;
    for (LaneWidget *lane : window.lanes()) {
        answersAfter << lane->view()->answerText(0);
        figuresAfter << figure(lane, "ttft")->text() + u'|' + figure(lane, "e2e")->text() + u'|' +
                            figure(lane, "tokens")->text() + u'|' + figure(lane, "cost")->text();
    }
    QCOMPARE(answersAfter, answersBefore);
    QCOMPARE(figuresAfter, figuresBefore);
    QVERIFY(window.lanes().at(0)->view()->toPlainText().contains(QStringLiteral("Capital of France?")));

    // A second prompt continues it: the lane sends the first turn as context, and the history
    // holds both turns of the one conversation.
    QTest::keyClicks(window.composer()->editor(), QStringLiteral("And of Italy?"));
    QTest::mouseClick(window.composer()->sendButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy() && window.lanes().at(0)->view()->turnCount() == 2, 10000);
    const QJsonArray messages = server.request(2).json().value(u"messages").toArray();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(0)[u"content"].toString(), QStringLiteral("Capital of France?"));
    QCOMPARE(messages.at(2)[u"content"].toString(), QStringLiteral("And of Italy?"));
    const auto record = restarted.history()->conversation(window.comparison()->conversationId());
    QVERIFY(record.has_value());
    QCOMPARE(record->turns.size(), 2);
    QCOMPARE(restarted.history()->conversations()->size(), 1);
}

void tst_MainWindow::exportAndDeleteFromTheWindow()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server, kGroq);
    server.route("POST", chatPath(kGroq), answer({QStringLiteral("An **exported** answer.")}));
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_the_window_0103"));
    auto window = openWindow(harness, {kGroqTarget});
    typeAndSend(*window, QStringLiteral("Export me"));
    QTRY_VERIFY_WITH_TIMEOUT(!window->isBusy() && window->lanes().first()->view()->turnCount() == 1, 10000);
    const qint64 id = window->comparison()->conversationId();
    QVERIFY(id > 0);

    const QString markdownPath = harness.dir.filePath(QStringLiteral("out.md"));
    window->setAskExportPath([&](const QString &) { return markdownPath; });
    window->findChild<QAction *>(QStringLiteral("exportMarkdownAction"))->trigger();
    QFile markdown(markdownPath);
    QVERIFY(markdown.open(QIODevice::ReadOnly));
    const QByteArray text = markdown.readAll();
    QVERIFY(text.contains("Export me"));
    QVERIFY(text.contains("An **exported** answer."));
    QCOMPARE(markdown.permissions() & (QFileDevice::ReadGroup | QFileDevice::ReadOther), QFileDevice::Permissions());
    QVERIFY(!text.contains("gsk_test_key")); // never a key

    const QString jsonPath = harness.dir.filePath(QStringLiteral("out.json"));
    window->setAskExportPath([&](const QString &) { return jsonPath; });
    QVERIFY(window->exportConversation(0, QStringLiteral("json")));
    QFile json(jsonPath);
    QVERIFY(json.open(QIODevice::ReadOnly));
    const QJsonObject exported = QJsonDocument::fromJson(json.readAll()).object().value(u"conversation").toObject();
    QCOMPARE(exported.value(u"id").toInteger(), id);
    QCOMPARE(exported.value(u"turns").toArray().first()[u"prompt"].toString(), QStringLiteral("Export me"));

    // Deleting the open conversation: asked in the sidebar, then it is gone and the window is empty.
    window->sidebar()->setConfirmDelete([](const QString &) { return true; });
    window->sidebar()->setCurrentConversation(id);
    window->sidebar()->listView()->setFocus();
    QTest::keyClick(window->sidebar()->listView(), Qt::Key_Delete);
    QTRY_COMPARE(window->sidebar()->rowCount(), 0);
    QCOMPARE(window->comparison()->conversationId(), 0);
    QCOMPARE(window->lanes().first()->view()->turnCount(), 0);
    QVERIFY(!harness.engine.history()->conversation(id).has_value());
}

void tst_MainWindow::fullDiskKeepsThePromptAndSaysWhy()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server, kGroq);
    server.route("POST", chatPath(kGroq), answer({QStringLiteral("Sent anyway.")}));
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_the_window_0104"));
    auto window = openWindow(harness, {kGroqTarget});
    // The history file may not grow: as on a full disk, the next write fails with SQLITE_FULL.
    QVERIFY(harness.engine.history()->setMaxPageCountForTesting(1).has_value());

    // A pasted document the capped file has no room for.
    QString prompt = QStringLiteral("A prompt worth keeping.\n");
    while (prompt.size() < 300 * 1024)
        prompt += QStringLiteral("Line %1 of a long pasted document, with words to wrap.\n").arg(prompt.size());
    window->composer()->editor()->setPlainText(prompt);
    QTest::mouseClick(window->composer()->sendButton(), Qt::LeftButton);
    // Nothing was sent, the prompt is back in the box, and the bar says what happened and what to do.
    QCOMPARE(server.requestCount(), 0);
    QVERIFY(!window->isBusy());
    QCOMPARE(window->composer()->text(), prompt);
    auto *bar = window->findChild<QFrame *>(QStringLiteral("messageBar"));
    QVERIFY(bar && bar->isVisible());
    const QString message = window->findChild<QLabel *>(QStringLiteral("messageText"))->text();
    QVERIFY2(message.contains(QStringLiteral("disk is full")), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("Nothing was sent")));
    QVERIFY(message.contains(harness.engine.history()->path()));
    auto *sendAnyway = window->findChild<QPushButton *>(QStringLiteral("messageAction"));
    QVERIFY(sendAnyway && sendAnyway->isVisible());
    QCOMPARE(sendAnyway->text(), QStringLiteral("Send without saving"));

    // The user chooses to send it unsaved: it goes, the answer shows, the history stays as it was.
    QTest::mouseClick(sendAnyway, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!window->isBusy() && window->lanes().first()->view()->turnCount() == 1, 10000);
    QCOMPARE(window->lanes().first()->view()->answerText(0), QStringLiteral("Sent anyway."));
    QCOMPARE(server.requestCount(), 1);
    QVERIFY(!bar->isVisible());
    QVERIFY(window->composer()->text().isEmpty());
    QVERIFY(harness.engine.history()->conversations()->isEmpty());
}

void tst_MainWindow::damagedHistoryIsMovedAsideAndSaid()
{
    Harness harness;
    const QString path = harness.dir.filePath(QStringLiteral("damaged/history.sqlite"));
    QVERIFY(QDir().mkpath(QFileInfo(path).path()));
    QFile damaged(path);
    QVERIFY(damaged.open(QIODevice::WriteOnly));
    damaged.write(QByteArray(8192, '\x5a')); // not a database
    damaged.close();

    EngineOptions options = harness.engineOptions();
    options.historyPath = path;
    Engine engine(options);
    QVERIFY(engine.history()); // a fresh store
    AppServices services = harness.services();
    services.engine = &engine;
    MainWindow window(services);
    window.show();
    const QString message = window.findChild<QLabel *>(QStringLiteral("messageText"))->text();
    QVERIFY(window.findChild<QFrame *>(QStringLiteral("messageBar"))->isVisible());
    QVERIFY2(message.contains(engine.historyReport()->movedAsideTo), qPrintable(message));
    QVERIFY(message.contains(QStringLiteral("damaged")));
    // The damaged bytes are kept where the message says, not deleted.
    QFile moved(engine.historyReport()->movedAsideTo);
    QVERIFY(moved.open(QIODevice::ReadOnly));
    QCOMPARE(moved.readAll(), QByteArray(8192, '\x5a'));
    QCOMPARE(window.sidebar()->rowCount(), 0);
}

QTEST_MAIN(tst_MainWindow)
#include "tst_mainwindow.moc"
