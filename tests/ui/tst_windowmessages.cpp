// SPDX-License-Identifier: GPL-3.0-or-later
// The window's message actions clicked through offscreen against the loopback server:
// regenerate (a lane's link and Ctrl+R), edit and resend (a branch; the original intact in
// the history), copy a code block, and Retry on a 401 card after adding the key.
#include "composer.h"
#include "conversationview.h"
#include "editpromptdialog.h"
#include "fixture.h"
#include "history/historystore.h"
#include "lanecard.h"
#include "lanewidget.h"
#include "mainwindow.h"
#include "windowharness.h"

#include <QAction>
#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTest>
#include <QTextBlock>

using namespace versus;
using namespace versus::ui;
using namespace versus::test;

namespace {

/// Clicks with the mouse on the @p nth link (0-based) whose text is @p text in @p view.
bool clickLink(ConversationView *view, const QString &text, int nth = 0)
{
    QTextCursor found;
    int from = 0;
    for (int i = 0; i <= nth; ++i) {
        found = view->document()->find(text, from, QTextDocument::FindCaseSensitively);
        if (found.isNull())
            return false;
        from = found.selectionEnd();
    }
    QTextCursor inside(view->document());
    inside.setPosition(found.selectionStart() + 1);
    view->setTextCursor(inside);
    view->ensureCursorVisible();
    const QPoint at = view->cursorRect(inside).center() + QPoint(2, 0);
    if (view->anchorAt(at).isEmpty())
        return false;
    QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, at);
    return true;
}

QStringList userContents(const RecordedRequest &request)
{
    QStringList contents;
    for (const QJsonValue &message : request.json().value(u"messages").toArray()) {
        if (message[u"role"].toString() == u"user")
            contents << message[u"content"].toString();
    }
    return contents;
}

} // namespace

class tst_WindowMessages : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();
    void regenerateReplacesTheAnswer();
    void editAndResendStartsABranch();
    void copyACodeBlock();
    void retryAfterAddingTheKey();

private:
    std::unique_ptr<MainWindow> openWindow(Harness &harness, const QList<Target> &targets);
    void pointAt(ScriptedServer &server, const QString &provider);
    void send(MainWindow &window, const QString &prompt);
};

void tst_WindowMessages::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    const auto registry = ProviderRegistry::createDefault();
    for (const Provider *provider : registry->providers()) {
        if (!provider->info().keyEnvVar.isEmpty())
            qunsetenv(provider->info().keyEnvVar.toLatin1().constData());
        qunsetenv(baseUrlVar(provider->id()).constData());
    }
}

void tst_WindowMessages::cleanup()
{
    qunsetenv(baseUrlVar(kGroq).constData());
    qunsetenv(baseUrlVar(kTogether).constData());
}

std::unique_ptr<MainWindow> tst_WindowMessages::openWindow(Harness &harness, const QList<Target> &targets)
{
    harness.settings.setLaneTargets(targets);
    auto window = std::make_unique<MainWindow>(harness.services());
    window->show();
    window->activateWindow();
    if (!QTest::qWaitForWindowActive(window.get()))
        qWarning("window not active: shortcuts may not reach it");
    return window;
}

void tst_WindowMessages::pointAt(ScriptedServer &server, const QString &provider)
{
    qputenv(baseUrlVar(provider).constData(), server.url(QStringLiteral("/%1/v1").arg(provider)).toString().toUtf8());
}

void tst_WindowMessages::send(MainWindow &window, const QString &prompt)
{
    QTest::keyClicks(window.composer()->editor(), prompt);
    QTest::mouseClick(window.composer()->sendButton(), Qt::LeftButton);
}

void tst_WindowMessages::regenerateReplacesTheAnswer()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server, kGroq);
    server.enqueue(answer({QStringLiteral("First"), QStringLiteral(" answer")}));
    server.enqueue(answer({QStringLiteral("Second"), QStringLiteral(" answer")}));
    server.enqueue(answer({QStringLiteral("Third"), QStringLiteral(" answer")}));
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_regenerate_0001"));
    auto window = openWindow(harness, {kGroqTarget});
    LaneWidget *lane = window->lanes().first();

    send(*window, QStringLiteral("Tell me something"));
    QTRY_COMPARE(lane->view()->answerText(0), QStringLiteral("First answer"));
    QTRY_VERIFY(!lane->isBusy());

    // The answer's Regenerate link: the same prompt goes again, the new answer replaces the old.
    QVERIFY(clickLink(lane->view(), QStringLiteral("Regenerate")));
    QTRY_COMPARE(lane->view()->answerText(0), QStringLiteral("Second answer"));
    QTRY_VERIFY(!lane->isBusy());
    QCOMPARE(lane->view()->turnCount(), 1);
    QVERIFY(!lane->view()->toPlainText().contains(QStringLiteral("First answer")));
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(userContents(server.requests().at(1)), QStringList{QStringLiteral("Tell me something")});

    // Ctrl+R does it for every lane.
    QAction *regenerate = window->windowActions().regenerate;
    QVERIFY(regenerate->isEnabled());
    QVERIFY(regenerate->toolTip().contains(QStringLiteral("replace")));
    QTest::keyClick(window.get(), Qt::Key_R, Qt::ControlModifier);
    QTRY_COMPARE(lane->view()->answerText(0), QStringLiteral("Third answer"));
    QTRY_VERIFY(!lane->isBusy());

    // In the history too: the conversation opened again shows the last answer only.
    const qint64 id = window->comparison()->conversationId();
    const history::ConversationRecord stored = harness.engine.history()->conversation(id).value();
    QCOMPARE(stored.turns.size(), 1);
    QCOMPARE(stored.turns.first().answers.size(), 1);
    QCOMPARE(stored.turns.first().answers.first().text, QStringLiteral("Third answer"));
    window->newComparison();
    QVERIFY(window->openConversation(id));
    QTRY_COMPARE(window->lanes().first()->view()->answerText(0), QStringLiteral("Third answer"));
}

void tst_WindowMessages::editAndResendStartsABranch()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server, kGroq);
    for (const char *text : {"Paris.", "About two million.", "Lyon is big."})
        server.enqueue(answer({QString::fromUtf8(text)}));
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_edit_resend_0001"));
    auto window = openWindow(harness, {kGroqTarget});
    LaneWidget *lane = window->lanes().first();

    send(*window, QStringLiteral("Capital of France?"));
    QTRY_COMPARE(lane->view()->answerText(0), QStringLiteral("Paris."));
    QTRY_VERIFY(!lane->isBusy());
    send(*window, QStringLiteral("How many people live there?"));
    QTRY_COMPARE(lane->view()->answerText(1), QStringLiteral("About two million."));
    QTRY_VERIFY(!lane->isBusy());
    const qint64 originalId = window->comparison()->conversationId();
    const history::ConversationRecord original = harness.engine.history()->conversation(originalId).value();

    // Edit the first prompt: the dialog says what resending does.
    QVERIFY(clickLink(lane->view(), QStringLiteral("Edit"), 0));
    EditPromptDialog *dialog = nullptr;
    QTRY_VERIFY((dialog = window->findChild<EditPromptDialog *>()) && dialog->isVisible());
    QCOMPARE(dialog->editor()->toPlainText(), QStringLiteral("Capital of France?"));
    const QLabel *explanation = dialog->findChild<QLabel *>(QStringLiteral("editPromptExplanation"));
    QVERIFY(explanation->text().contains(QStringLiteral("branch")));
    QVERIFY(explanation->text().contains(QStringLiteral("stays in the history unchanged")));
    dialog->editor()->setPlainText(QStringLiteral("Largest city of France after Paris?"));
    QTest::mouseClick(dialog->resendButton(), Qt::LeftButton);

    // The window shows the branch: the edited prompt and its answer, nothing after it.
    QTRY_VERIFY(window->comparison()->conversationId() != originalId);
    LaneWidget *branchLane = nullptr;
    QTRY_VERIFY((branchLane = window->lanes().value(0)) &&
                branchLane->view()->answerText(0) == QStringLiteral("Lyon is big."));
    QTRY_VERIFY(!branchLane->isBusy());
    QCOMPARE(branchLane->view()->turnCount(), 1);
    QCOMPARE(branchLane->view()->promptText(0), QStringLiteral("Largest city of France after Paris?"));
    QVERIFY(window->windowTitle().contains(QStringLiteral("(edit)")));
    // The request held the edited prompt and no later turn.
    QCOMPARE(server.requestCount(), 3);
    QCOMPARE(userContents(server.lastRequest()), QStringList{QStringLiteral("Largest city of France after Paris?")});
    // The original is intact in the history; both are listed.
    QCOMPARE(harness.engine.history()->conversation(originalId).value(), original);
    const QList<history::ConversationSummary> listed = harness.engine.history()->conversations().value();
    QCOMPARE(listed.size(), 2);
}

void tst_WindowMessages::copyACodeBlock()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server, kGroq);
    server.route("POST", chatPath(kGroq),
                 answer({QStringLiteral("Run:\n\n```sh\nmake -j2\n"), QStringLiteral("make install\n```\n\nThen "),
                         QStringLiteral("done.")},
                        20));
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_test_key_for_code_copy_0001"));
    auto window = openWindow(harness, {kGroqTarget});
    LaneWidget *lane = window->lanes().first();
    send(*window, QStringLiteral("How do I build it?"));
    QTRY_VERIFY(!lane->isBusy() && lane->view()->answerText(0).endsWith(QStringLiteral("done.")));

    QGuiApplication::clipboard()->clear();
    // The code block's Copy is the second Copy (the prompt's is first).
    const QTextCursor label = lane->view()->document()->find(QStringLiteral("sh   Copy"));
    QVERIFY(!label.isNull());
    QVERIFY(clickLink(lane->view(), QStringLiteral("Copy"), 1));
    QTRY_COMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("make -j2\nmake install"));
}

void tst_WindowMessages::retryAfterAddingTheKey()
{
    ScriptedServer server;
    QVERIFY(server.listen());
    pointAt(server, kGroq);
    const Fixture unauthorized = loadFixture(kGroq, QStringLiteral("error_401"));
    QVERIFY2(unauthorized.isValid(), qPrintable(unauthorized.error));
    server.route("POST", chatPath(kGroq), unauthorized.response);
    Harness harness;
    QVERIFY(harness.storeKey(kGroq, "gsk_revoked_key_for_retry_000001"));
    auto window = openWindow(harness, {kGroqTarget});
    LaneWidget *lane = window->lanes().first();

    send(*window, QStringLiteral("Hello?"));
    QTRY_VERIFY(lane->card()->isVisible());
    QVERIFY(lane->card()->title().contains(QStringLiteral("401")));
    QPushButton *retry = lane->card()->retryButton();
    QVERIFY(retry->isVisible());
    QVERIFY(lane->card()->findChild<QPushButton *>(QStringLiteral("cardAction"))->isVisible()); // Providers & Keys

    // The user stores a valid key; Retry sends the failed turn again and the answer arrives.
    QVERIFY(harness.storeKey(kGroq, "gsk_fresh_key_for_retry_00000001"));
    server.route("POST", chatPath(kGroq), answer({QStringLiteral("Hi"), QStringLiteral(" there")}));
    QTest::mouseClick(retry, Qt::LeftButton);
    QTRY_COMPARE(lane->view()->answerText(0), QStringLiteral("Hi there"));
    QTRY_VERIFY(!lane->isBusy());
    QVERIFY(!lane->card()->isVisible());
    QCOMPARE(lane->view()->turnCount(), 1);
    QCOMPARE(server.requestCount(), 2);
    QCOMPARE(server.lastRequest().header("authorization"), QByteArray("Bearer gsk_fresh_key_for_retry_00000001"));
    QCOMPARE(userContents(server.lastRequest()), QStringList{QStringLiteral("Hello?")});
    // The history holds the answer in the failed one's place.
    const history::ConversationRecord stored =
        harness.engine.history()->conversation(window->comparison()->conversationId()).value();
    QCOMPARE(stored.turns.size(), 1);
    QCOMPARE(stored.turns.first().answers.first().state, history::AnswerState::Complete);
    QCOMPARE(stored.turns.first().answers.first().text, QStringLiteral("Hi there"));
}

QTEST_MAIN(tst_WindowMessages)
#include "tst_windowmessages.moc"
