// SPDX-License-Identifier: GPL-3.0-or-later
// Sending a turn again, against the loopback server and a real SQLite history: regenerate
// replaces a lane's last answer (in its conversation and, in place, in the history); edit and
// resend branches the stored conversation at the edited prompt and leaves the original as it was.
#include "compare/answercodec.h"
#include "compare/comparison.h"
#include "comparisonharness.h"
#include "history/historystore.h"

#include <QJsonArray>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace versus;
using namespace versus::test;
using history::AnswerState;

namespace {

history::ConversationRecord readBack(const QString &path, qint64 conversationId)
{
    history::HistoryStore store;
    if (!store.open(path))
        return {};
    return store.conversation(conversationId).value_or(history::ConversationRecord{});
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

/// Sends @p prompt and waits for every lane's answer.
bool sendAndWait(Comparison &comparison, const QString &prompt)
{
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    if (!comparison.send(prompt))
        return false;
    return done.wait(10000);
}

} // namespace

class tst_Resend : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void regenerateReplacesTheLastAnswer_data();
    void regenerateReplacesTheLastAnswer();
    void regenerateWhileBusyIsIgnored();
    void failedRegenerateKeepsTheOldAnswer();
    void editAndResendBranches_data();
    void editAndResendBranches();
    void editUnsavedDropsTheLaterTurns();
    void quickTurnsKeepTheirOwnKeys_data();
    void quickTurnsKeepTheirOwnKeys();
};

void tst_Resend::regenerateReplacesTheLastAnswer_data()
{
    QTest::addColumn<bool>("oneLane");
    QTest::addRow("every lane") << false;
    QTest::addRow("one lane") << true;
}

void tst_Resend::regenerateReplacesTheLastAnswer()
{
    QFETCH(bool, oneLane);
    Harness h;
    for (const char *word : {"first", "second", "third", "fourth"})
        h.server.enqueue(answer({QString::fromLatin1(word), QStringLiteral(" answer")}));
    Comparison comparison(*h.engine);
    ComparisonLane *groq = comparison.addLane(kGroq);
    ComparisonLane *together = comparison.addLane(kTogether);
    QVERIFY(sendAndWait(comparison, QStringLiteral("Earlier question")));
    QVERIFY(sendAndWait(comparison, QStringLiteral("Tell me a fact")));
    QCOMPARE(h.server.requestCount(), 4);
    const QString groqBefore = groq->conversation()->turn(1).result.chat.text;
    const QString togetherBefore = together->conversation()->turn(1).result.chat.text;
    const qint64 answerId = groq->conversation()->turn(1).answerId;
    QVERIFY(answerId > 0);

    h.server.enqueue(answer({QStringLiteral("regenerated"), QStringLiteral(" one")}));
    h.server.enqueue(answer({QStringLiteral("regenerated"), QStringLiteral(" two")}));
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    auto regenerated = comparison.regenerate(oneLane ? groq : nullptr);
    QVERIFY(regenerated);
    QCOMPARE(*regenerated, oneLane ? 1 : 2);
    QVERIFY(comparison.isBusy());
    QCOMPARE(groq->conversation()->turn(1).state, AnswerState::Streaming);
    QVERIFY(groq->conversation()->turn(1).result.chat.text.isEmpty()); // the old answer is gone at once
    QVERIFY(done.wait(10000));

    // The same prompt went out again, after the same earlier turn.
    QCOMPARE(h.server.requestCount(), oneLane ? 5 : 6);
    for (int i = 4; i < h.server.requestCount(); ++i)
        QCOMPARE(userContents(h.server.requests().at(i)),
                 (QStringList{QStringLiteral("Earlier question"), QStringLiteral("Tell me a fact")}));
    // Each regenerated lane still has two turns, its last answer replaced.
    QCOMPARE(groq->conversation()->rowCount(), 2);
    QVERIFY(groq->conversation()->turn(1).result.chat.text.startsWith(QStringLiteral("regenerated")));
    QVERIFY(groq->conversation()->turn(1).result.chat.text != groqBefore);
    QCOMPARE(groq->conversation()->turn(1).answerId, answerId);
    if (oneLane)
        QCOMPARE(together->conversation()->turn(1).result.chat.text, togetherBefore);
    else
        QVERIFY(together->conversation()->turn(1).result.chat.text.startsWith(QStringLiteral("regenerated")));

    // In the history: the same answer rows, now holding the new words; nothing added.
    const history::ConversationRecord record = readBack(h.historyPath(), comparison.conversationId());
    QCOMPARE(record.turns.size(), 2);
    QCOMPARE(record.turns.last().answers.size(), 2);
    for (const history::AnswerRecord &stored : record.turns.last().answers) {
        QCOMPARE(stored.state, AnswerState::Complete);
        const bool regeneratedLane = !oneLane || stored.laneId == groq->historyId();
        QCOMPARE(stored.text.startsWith(QStringLiteral("regenerated")), regeneratedLane);
    }
    // Reopened, the conversation shows the new answer.
    Comparison reopened(*h.engine);
    QVERIFY(reopened.open(comparison.conversationId()));
    QCOMPARE(reopened.lane(0)->conversation()->turn(1).result.chat.text,
             groq->conversation()->turn(1).result.chat.text);
}

void tst_Resend::failedRegenerateKeepsTheOldAnswer()
{
    Harness h;
    h.server.enqueue(answer({QStringLiteral("the good"), QStringLiteral(" answer")}));
    Comparison comparison(*h.engine);
    ComparisonLane *groq = comparison.addLane(kGroq);
    QVERIFY(sendAndWait(comparison, QStringLiteral("Tell me a fact")));
    const LaneTurn before = groq->conversation()->turn(0);
    QCOMPARE(before.result.chat.text, QStringLiteral("the good answer"));

    // The provider refuses the second try before saying anything.
    h.server.enqueue(
        ScriptedResponse::json(401, R"({"error":{"message":"Invalid API Key","type":"invalid_request_error"}})"));
    QSignalSpy failed(&comparison, &Comparison::regenerateFailed);
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    QVERIFY(comparison.regenerate());
    QVERIFY(groq->conversation()->turn(0).result.chat.text.isEmpty()); // replaced while it runs
    QVERIFY(done.wait(10000));
    QCOMPARE(h.server.requestCount(), 2);

    // The old answer is back, in the lane and in the history; the failure is told.
    QCOMPARE(failed.size(), 1);
    QCOMPARE(failed.first().at(0).value<ComparisonLane *>(), groq);
    const auto result = failed.first().at(1).value<LaneResult>();
    QVERIFY(result.chat.error);
    QCOMPARE(result.chat.error->kind, ErrorKind::Auth);
    QCOMPARE(groq->conversation()->turn(0).result.chat.text, QStringLiteral("the good answer"));
    QCOMPARE(groq->conversation()->turn(0).state, AnswerState::Complete);
    const history::ConversationRecord stored = readBack(h.historyPath(), comparison.conversationId());
    QCOMPARE(stored.turns.size(), 1);
    QCOMPARE(stored.turns.first().answers.size(), 1);
    QCOMPARE(stored.turns.first().answers.first().text, QStringLiteral("the good answer"));
    QCOMPARE(stored.turns.first().answers.first().state, AnswerState::Complete);
    QCOMPARE(stored.turns.first().answers.first().usage, answerRecordFor(before.result, before.state).usage);

    // A regenerate that answers still replaces it.
    h.server.enqueue(answer({QStringLiteral("a better"), QStringLiteral(" answer")}));
    QVERIFY(comparison.regenerate());
    QVERIFY(done.wait(10000));
    QCOMPARE(failed.size(), 1);
    QCOMPARE(groq->conversation()->turn(0).result.chat.text, QStringLiteral("a better answer"));
    QCOMPARE(readBack(h.historyPath(), comparison.conversationId()).turns.first().answers.first().text,
             QStringLiteral("a better answer"));
}

void tst_Resend::regenerateWhileBusyIsIgnored()
{
    Harness h;
    h.server.route("POST", Harness::chatPath(kGroq), answer({QStringLiteral("slow"), QStringLiteral(" words")}, 200));
    Comparison comparison(*h.engine);
    comparison.addLane(kGroq);
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    QVERIFY(comparison.send(QStringLiteral("question")));
    QCOMPARE(comparison.regenerate().value_or(-1), 0); // the answer still streams
    QVERIFY(done.wait(10000));
    QCOMPARE(h.server.requestCount(), 1);
    // Nothing to regenerate in an empty conversation either.
    comparison.newConversation();
    QCOMPARE(comparison.regenerate().value_or(-1), 0);
}

void tst_Resend::editAndResendBranches_data()
{
    QTest::addColumn<int>("edited");
    QTest::addRow("first turn") << 0;
    QTest::addRow("middle turn") << 1;
    QTest::addRow("last turn") << 2;
}

void tst_Resend::editAndResendBranches()
{
    QFETCH(int, edited);
    Harness h;
    for (int i = 0; i < 6; ++i)
        h.server.enqueue(answer({QStringLiteral("answer %1").arg(i)}));
    Comparison comparison(*h.engine);
    ComparisonLane *groq = comparison.addLane(kGroq);
    comparison.addLane(kTogether);
    for (int i = 0; i < 3; ++i)
        QVERIFY(sendAndWait(comparison, QStringLiteral("prompt %1").arg(i)));
    const qint64 originalId = comparison.conversationId();
    const history::ConversationRecord original = readBack(h.historyPath(), originalId);
    QCOMPARE(original.turns.size(), 3);

    h.server.enqueue(answer({QStringLiteral("edited answer")}));
    h.server.enqueue(answer({QStringLiteral("edited answer")}));
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    auto sent = comparison.editAndResend(groq, edited, QStringLiteral("edited prompt"));
    QVERIFY2(sent, qPrintable(sent ? QString() : sent.error().message));
    QVERIFY(*sent > 0);
    QVERIFY(done.wait(10000));

    // The comparison now continues a branch, titled after the original.
    QVERIFY(comparison.conversationId() != originalId);
    QCOMPARE(comparison.title(), QStringLiteral("prompt 0 (edit)"));
    QCOMPARE(comparison.laneCount(), 2);
    for (const ComparisonLane *lane : comparison.lanes()) {
        QCOMPARE(lane->conversation()->rowCount(), edited + 1);
        QCOMPARE(lane->conversation()->turns().last().prompt, QStringLiteral("edited prompt"));
        QCOMPARE(lane->conversation()->turns().last().result.chat.text, QStringLiteral("edited answer"));
    }
    // The edited prompt went out after the turns before it only.
    QCOMPARE(h.server.requestCount(), 8);
    QStringList expected;
    for (int i = 0; i < edited; ++i)
        expected << QStringLiteral("prompt %1").arg(i);
    expected << QStringLiteral("edited prompt");
    QCOMPARE(userContents(h.server.requests().at(6)), expected);
    QCOMPARE(userContents(h.server.requests().at(7)), expected);

    // The original is intact in the history; the branch holds copies of the earlier turns.
    QCOMPARE(readBack(h.historyPath(), originalId), original);
    const history::ConversationRecord branch = readBack(h.historyPath(), comparison.conversationId());
    QCOMPARE(branch.turns.size(), edited + 1);
    for (int i = 0; i < edited; ++i) {
        QCOMPARE(branch.turns.at(i).prompt, original.turns.at(i).prompt);
        QCOMPARE(branch.turns.at(i).answers.size(), 2);
        QCOMPARE(branch.turns.at(i).answers.first().text, original.turns.at(i).answers.first().text);
        QCOMPARE(branch.turns.at(i).answers.first().usage, original.turns.at(i).answers.first().usage);
    }
    QCOMPARE(branch.turns.last().prompt, QStringLiteral("edited prompt"));
    history::HistoryStore store;
    QVERIFY(store.open(h.historyPath()));
    QCOMPARE(store.conversations().value().size(), 2);
}

void tst_Resend::editUnsavedDropsTheLaterTurns()
{
    Harness h;
    for (int i = 0; i < 6; ++i)
        h.server.enqueue(answer({QStringLiteral("answer %1").arg(i)}));
    Comparison comparison(*h.engine);
    comparison.setSaving(false);
    ComparisonLane *groq = comparison.addLane(kGroq);
    ComparisonLane *together = comparison.addLane(kTogether);
    QVERIFY(sendAndWait(comparison, QStringLiteral("prompt 0")));
    // The second turn goes to one lane only: the lanes' rows differ from here on.
    {
        QSignalSpy done(&comparison, &Comparison::turnFinished);
        QVERIFY(comparison.send(QStringLiteral("only groq"), groq));
        QVERIFY(done.wait(10000));
    }
    QVERIFY(sendAndWait(comparison, QStringLiteral("prompt 2")));
    QCOMPARE(groq->conversation()->rowCount(), 3);
    QCOMPARE(together->conversation()->rowCount(), 2);

    h.server.enqueue(answer({QStringLiteral("edited answer")}));
    h.server.enqueue(answer({QStringLiteral("edited answer")}));
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    QVERIFY(comparison.editAndResend(groq, 1, QStringLiteral("edited")));
    QVERIFY(done.wait(10000));
    QCOMPARE(comparison.conversationId(), 0);
    QCOMPARE(comparison.lane(0), groq); // the same lanes go on
    QCOMPARE(groq->conversation()->rowCount(), 2);
    QCOMPARE(together->conversation()->rowCount(), 2); // its "prompt 2" went with the edit
    QCOMPARE(groq->conversation()->turn(1).prompt, QStringLiteral("edited"));
    QCOMPARE(together->conversation()->turn(1).prompt, QStringLiteral("edited"));
    QCOMPARE(together->conversation()->turn(0).prompt, QStringLiteral("prompt 0"));
}

void tst_Resend::quickTurnsKeepTheirOwnKeys_data()
{
    QTest::addColumn<bool>("saving");
    QTest::addRow("saved") << true;
    QTest::addRow("unsaved") << false;
}

void tst_Resend::quickTurnsKeepTheirOwnKeys()
{
    // Loopback answers come back within a millisecond: turns sent one after another must not
    // share the moment that keys them across lanes (an edit would drop the turn before it).
    QFETCH(bool, saving);
    constexpr int kTurns = 12;
    Harness h;
    for (int i = 0; i < 2 * kTurns; ++i)
        h.server.enqueue(answer({QStringLiteral("a")}));
    Comparison comparison(*h.engine);
    comparison.setSaving(saving);
    comparison.addLane(kGroq);
    comparison.addLane(kTogether);
    for (int i = 0; i < kTurns; ++i)
        QVERIFY(sendAndWait(comparison, QStringLiteral("prompt %1").arg(i)));
    const QList<ComparisonTurn> turns = comparison.turns();
    QCOMPARE(turns.size(), kTurns);
    for (int i = 0; i < kTurns; ++i) {
        QCOMPARE(turns.at(i).prompt, QStringLiteral("prompt %1").arg(i));
        QCOMPARE(turns.at(i).rows.size(), 2);
        if (i > 0)
            QVERIFY(turns.at(i).key > turns.at(i - 1).key);
    }
    if (saving) { // what is stored keys the turns the same way once reopened
        const history::ConversationRecord stored = readBack(h.historyPath(), comparison.conversationId());
        QCOMPARE(stored.turns.size(), kTurns);
        for (int i = 0; i < kTurns; ++i)
            QCOMPARE(stored.turns.at(i).createdAt.toMSecsSinceEpoch(), turns.at(i).key);
    }
}

QTEST_GUILESS_MAIN(tst_Resend)
#include "tst_resend.moc"
