// SPDX-License-Identifier: GPL-3.0-or-later
// The live session against the loopback server and a real SQLite history: the prompt is on
// disk before the request leaves, streaming answers are checkpointed, a failing lane does not
// stop the others, and a conversation read back from the history continues where it stopped.
#include "compare/comparison.h"
#include "comparisonharness.h"
#include "engine/engine.h"
#include "history/historystore.h"
#include "openaichunks.h"
#include "scriptedserver.h"
#include "secrets/memorykeystore.h"

#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace versus;
using namespace versus::test;
using history::AnswerState;

namespace {

/// What a second connection to the file sees: the proof that something is on disk.
history::ConversationRecord readBack(const QString &path, qint64 conversationId)
{
    history::HistoryStore store;
    if (!store.open(path))
        return {};
    return store.conversation(conversationId).value_or(history::ConversationRecord{});
}

} // namespace

class tst_Comparison : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void promptIsOnDiskBeforeTheRequestLeaves();
    void streamingAnswerIsCheckpointed();
    void failingLaneDoesNotStopTheOthers();
    void stoppedLaneKeepsAndSavesItsPartialAnswer();
    void reopenedConversationIsTheSameAndContinues();
    void laneChangesReachTheHistory();
    void notSavingWritesNothing();
    void sendToOneLane();
    void turnsGroupTheLanesRowsOfEachPrompt_data();
    void turnsGroupTheLanesRowsOfEachPrompt();
    void laneAddedWhileTheHistoryWasAwayIsStoredAtTheNextSend();
    void imagesAreSavedWithThePromptAndSentAgain();
};

void tst_Comparison::promptIsOnDiskBeforeTheRequestLeaves()
{
    Harness h;
    h.server.route("POST", Harness::chatPath(kGroq), answer({QStringLiteral("Paris.")}));
    h.server.route("POST", Harness::chatPath(kTogether), answer({QStringLiteral("Paris!")}));
    Comparison comparison(*h.engine);
    comparison.addLane(kGroq);
    comparison.addLane(kTogether);

    QStringList seenOnDisk;
    connect(&h.server, &ScriptedServer::requestReceived, this, [&](int) {
        const history::ConversationRecord record = readBack(h.historyPath(), comparison.conversationId());
        seenOnDisk << (record.turns.isEmpty() ? QString() : record.turns.last().prompt);
    });
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    const auto sent = comparison.send(QStringLiteral("Capital of France?"));
    QVERIFY(sent.has_value());
    QVERIFY(*sent > 0);
    QVERIFY(comparison.isBusy());
    QVERIFY(done.wait(10000));
    QCOMPARE(seenOnDisk, QStringList(2, QStringLiteral("Capital of France?")));

    const history::ConversationRecord record = readBack(h.historyPath(), comparison.conversationId());
    QCOMPARE(record.title, QStringLiteral("Capital of France?"));
    QCOMPARE(record.lanes.size(), 2);
    QCOMPARE(record.turns.size(), 1);
    QCOMPARE(record.turns.first().answers.size(), 2);
    QStringList texts;
    for (const history::AnswerRecord &a : record.turns.first().answers) {
        QCOMPARE(a.state, AnswerState::Complete);
        texts << a.text;
    }
    texts.sort();
    QCOMPARE(texts, (QStringList{QStringLiteral("Paris!"), QStringLiteral("Paris.")}));
}

void tst_Comparison::streamingAnswerIsCheckpointed()
{
    Harness h;
    QStringList pieces;
    for (int i = 0; i < 12; ++i)
        pieces << QStringLiteral("word%1 ").arg(i);
    h.server.route("POST", Harness::chatPath(kGroq), answer(pieces, 200)); // ~2.4 s
    Comparison comparison(*h.engine);
    comparison.addLane(kGroq);
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    QVERIFY(comparison.send(QStringLiteral("Count slowly")).has_value());

    // Within a checkpoint interval of the first words, the file holds part of the answer, still
    // streaming (the answer takes 2.4 s; the interval is 1 s).
    const auto savedText = [&] {
        return readBack(h.historyPath(), comparison.conversationId()).turns.value(0).answers.value(0).text;
    };
    QTRY_VERIFY_WITH_TIMEOUT(!savedText().isEmpty(), 10000);
    QVERIFY(done.isEmpty());
    history::ConversationRecord midway = readBack(h.historyPath(), comparison.conversationId());
    QCOMPARE(midway.turns.size(), 1);
    const history::AnswerRecord partial = midway.turns.first().answers.value(0);
    QCOMPARE(partial.state, AnswerState::Streaming);
    QVERIFY2(!partial.text.isEmpty(), "no checkpoint after a second of streaming");
    QVERIFY(pieces.join(QString()).startsWith(partial.text));
    QVERIFY(partial.text.size() < pieces.join(QString()).size());

    QVERIFY(done.wait(10000));
    const history::AnswerRecord final =
        readBack(h.historyPath(), comparison.conversationId()).turns.first().answers.value(0);
    QCOMPARE(final.state, AnswerState::Complete);
    QCOMPARE(final.text, pieces.join(QString()));
    QCOMPARE(final.usage.value(u"completion_tokens").toInteger(), 12);
}

void tst_Comparison::failingLaneDoesNotStopTheOthers()
{
    Harness h;
    h.server.route(
        "POST", Harness::chatPath(kGroq),
        ScriptedResponse::json(401, R"({"error":{"message":"Invalid API Key","type":"invalid_request_error"}})"));
    h.server.route("POST", Harness::chatPath(kTogether), answer({QStringLiteral("Fine.")}, 20));
    Comparison comparison(*h.engine);
    comparison.addLane(kGroq);
    comparison.addLane(kTogether);
    QSignalSpy finished(&comparison, &Comparison::laneFinished);
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    QVERIFY(comparison.send(QStringLiteral("Hello")).has_value());
    QVERIFY(done.wait(10000));
    QCOMPARE(finished.size(), 2);
    QCOMPARE(done.size(), 1);
    QVERIFY(!comparison.isBusy());

    const LaneTurn groq = comparison.lane(0)->conversation()->turn(0);
    const LaneTurn together = comparison.lane(1)->conversation()->turn(0);
    QCOMPARE(groq.state, AnswerState::Error);
    QVERIFY(groq.result.chat.error);
    QCOMPARE(groq.result.chat.error->kind, ErrorKind::Auth);
    QCOMPARE(together.state, AnswerState::Complete);
    QCOMPARE(together.result.chat.text, QStringLiteral("Fine."));

    const history::ConversationRecord record = readBack(h.historyPath(), comparison.conversationId());
    QHash<qint64, history::AnswerRecord> byLane;
    for (const history::AnswerRecord &a : record.turns.first().answers)
        byLane.insert(a.laneId, a);
    QCOMPARE(byLane.value(comparison.lane(0)->historyId()).state, AnswerState::Error);
    QCOMPARE(byLane.value(comparison.lane(0)->historyId()).error.value(u"kind").toString(), QStringLiteral("auth"));
    QCOMPARE(byLane.value(comparison.lane(1)->historyId()).text, QStringLiteral("Fine."));
}

void tst_Comparison::stoppedLaneKeepsAndSavesItsPartialAnswer()
{
    Harness h;
    // Two pieces, then the server goes quiet without ending the answer.
    h.server.route(
        "POST", Harness::chatPath(kGroq),
        ScriptedResponse::sseData(
            {openAiContentChunk(QStringLiteral("Partial ")), openAiContentChunk(QStringLiteral("answer"))}, 400, false)
            .stall());
    Comparison comparison(*h.engine);
    ComparisonLane *lane = comparison.addLane(kGroq);
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    QVERIFY(comparison.send(QStringLiteral("Go")).has_value());
    QTRY_COMPARE_WITH_TIMEOUT(lane->conversation()->turn(0).result.chat.text, QStringLiteral("Partial answer"), 10000);
    comparison.stop(lane);
    QVERIFY(done.count() == 1 || done.wait(10000));
    QCOMPARE(lane->conversation()->turn(0).state, AnswerState::Cancelled);
    QCOMPARE(lane->conversation()->turn(0).result.chat.text, QStringLiteral("Partial answer"));
    const history::AnswerRecord saved =
        readBack(h.historyPath(), comparison.conversationId()).turns.first().answers.value(0);
    QCOMPARE(saved.state, AnswerState::Cancelled);
    QCOMPARE(saved.text, QStringLiteral("Partial answer"));
}

void tst_Comparison::reopenedConversationIsTheSameAndContinues()
{
    Harness h;
    h.server.enqueue(answer({QStringLiteral("Paris"), QStringLiteral(".")}, 5));
    h.server.enqueue(answer({QStringLiteral("About 2.1 million.")}, 5));
    qint64 id = 0;
    QList<LaneTurn> before;
    {
        Comparison comparison(*h.engine);
        comparison.addLane(kGroq);
        QSignalSpy done(&comparison, &Comparison::turnFinished);
        QVERIFY(comparison.send(QStringLiteral("Capital of France?")).has_value());
        QVERIFY(done.wait(10000));
        id = comparison.conversationId();
        before = comparison.lane(0)->conversation()->turns();
        QVERIFY(before.first().result.cost.has_value()); // groq's model has a price
    }

    // "Start again": a new engine on the same file, as the next run of the app or the CLI.
    h.engine = std::make_unique<Engine>(h.options());
    h.engine->transport.retry.maxRetries = 0;
    Comparison reopened(*h.engine);
    QVERIFY(reopened.open(id).has_value());
    QCOMPARE(reopened.conversationId(), id);
    QCOMPARE(reopened.laneCount(), 1);
    QCOMPARE(reopened.lane(0)->target().toString(), kGroq.toString());
    const QList<LaneTurn> after = reopened.lane(0)->conversation()->turns();
    QCOMPARE(after.size(), 1);
    const LaneResult &was = before.first().result;
    const LaneResult &is = after.first().result;
    QCOMPARE(after.first().prompt, before.first().prompt);
    QCOMPARE(after.first().state, AnswerState::Complete);
    QCOMPARE(is.chat.text, was.chat.text);
    QCOMPARE(is.chat.finishReason, was.chat.finishReason);
    QCOMPARE(is.chat.usage, was.chat.usage);
    QCOMPARE(is.cost, was.cost); // exact micro-USD, price source and date
    QCOMPARE(is.priced, was.priced);
    QCOMPARE(is.metrics.ttftMs, was.metrics.ttftMs);
    QCOMPARE(is.metrics.e2eMs, was.metrics.e2eMs);
    QCOMPARE(is.metrics.outputTokensPerS, was.metrics.outputTokensPerS);
    QCOMPARE(is.metrics.chunks, was.metrics.chunks);
    QCOMPARE(is.metrics.completionTokens, was.metrics.completionTokens);
    QCOMPARE(is.metrics.estimated, was.metrics.estimated);
    QCOMPARE(reopened.conversationCost(), reopened.lane(0)->cost());
    QCOMPARE(reopened.lane(0)->cost().pricedCount(), 1);

    QSignalSpy done(&reopened, &Comparison::turnFinished);
    QVERIFY(reopened.send(QStringLiteral("Population?")).has_value());
    QVERIFY(done.wait(10000));
    const QJsonArray messages = h.server.request(1).json().value(u"messages").toArray();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(1)[u"content"].toString(), QStringLiteral("Paris."));
    QCOMPARE(messages.at(2)[u"content"].toString(), QStringLiteral("Population?"));
    const history::ConversationRecord record = readBack(h.historyPath(), id);
    QCOMPARE(record.turns.size(), 2);
    QCOMPARE(record.turns.at(1).answers.value(0).text, QStringLiteral("About 2.1 million."));
}

void tst_Comparison::laneChangesReachTheHistory()
{
    Harness h;
    h.server.route("POST", Harness::chatPath(kGroq), answer({QStringLiteral("ok")}));
    h.server.route("POST", Harness::chatPath(kTogether), answer({QStringLiteral("ok")}));
    Comparison comparison(*h.engine);
    ComparisonLane *first = comparison.addLane(kGroq);
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    QVERIFY(comparison.send(QStringLiteral("one")).has_value());
    QVERIFY(done.wait(10000));

    ComparisonLane *second = comparison.addLane(kTogether);
    QVERIFY(second->historyId() > 0);
    QVERIFY(comparison.removeLane(first));
    QVERIFY(!comparison.removeLane(second)); // the last lane stays
    const history::ConversationRecord record = readBack(h.historyPath(), comparison.conversationId());
    QCOMPARE(record.lanes.size(), 2);
    for (const history::LaneRecord &lane : record.lanes) {
        if (lane.provider == u"groq")
            QVERIFY(lane.removed);
        else
            QVERIFY(!lane.removed);
    }
    // Reopened, it shows the lanes still in use; the answers of the removed one stay stored.
    Comparison reopened(*h.engine);
    QVERIFY(reopened.open(comparison.conversationId()).has_value());
    QCOMPARE(reopened.laneCount(), 1);
    QCOMPARE(reopened.lane(0)->target().provider, QStringLiteral("together"));
    QCOMPARE(record.turns.first().answers.size(), 1);
}

void tst_Comparison::notSavingWritesNothing()
{
    Harness h;
    h.server.route("POST", Harness::chatPath(kGroq), answer({QStringLiteral("ok")}));
    Comparison comparison(*h.engine);
    comparison.setSaving(false);
    comparison.addLane(kGroq);
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    const auto sent = comparison.send(QStringLiteral("secret plans"));
    QVERIFY(sent.has_value());
    QCOMPARE(*sent, 0);
    QVERIFY(done.wait(10000));
    QCOMPARE(comparison.conversationId(), 0);
    QCOMPARE(comparison.lane(0)->conversation()->turn(0).result.chat.text, QStringLiteral("ok"));
    QVERIFY(h.engine->history()->conversations()->isEmpty());
    QVERIFY(h.engine->history()->search(QStringLiteral("secret"))->isEmpty());
}

void tst_Comparison::sendToOneLane()
{
    Harness h;
    h.server.route("POST", Harness::chatPath(kGroq), answer({QStringLiteral("g")}));
    h.server.route("POST", Harness::chatPath(kTogether), answer({QStringLiteral("t")}));
    Comparison comparison(*h.engine);
    comparison.addLane(kGroq);
    ComparisonLane *together = comparison.addLane(kTogether);
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    QVERIFY(comparison.send(QStringLiteral("only you"), together).has_value());
    QVERIFY(done.wait(10000));
    QCOMPARE(h.server.requestCount(), 1);
    QCOMPARE(comparison.lane(0)->conversation()->rowCount(), 0);
    QCOMPARE(together->conversation()->rowCount(), 1);
    const history::ConversationRecord record = readBack(h.historyPath(), comparison.conversationId());
    QCOMPARE(record.turns.first().answers.size(), 1);
    QCOMPARE(record.turns.first().answers.first().laneId, together->historyId());
}

void tst_Comparison::turnsGroupTheLanesRowsOfEachPrompt_data()
{
    QTest::addColumn<bool>("saving");
    QTest::newRow("saved") << true;
    QTest::newRow("not saved") << false;
}

void tst_Comparison::turnsGroupTheLanesRowsOfEachPrompt()
{
    QFETCH(bool, saving);
    Harness h;
    h.server.route("POST", Harness::chatPath(kGroq), answer({QStringLiteral("g")}));
    h.server.route("POST", Harness::chatPath(kTogether), answer({QStringLiteral("t")}));
    Comparison comparison(*h.engine);
    comparison.setSaving(saving);
    ComparisonLane *groq = comparison.addLane(kGroq);
    ComparisonLane *together = comparison.addLane(kTogether);
    QCOMPARE(comparison.lastTurnKey(), 0);
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    const auto sendAndWait = [&](const QString &prompt, ComparisonLane *only) {
        const qsizetype before = done.size();
        QVERIFY(comparison.send(prompt, only).has_value());
        QVERIFY(QTest::qWaitFor([&] { return done.size() > before; }, 10000));
        QTest::qWait(2); // the next turn is sent at a later millisecond
    };
    sendAndWait(QStringLiteral("first"), nullptr);
    sendAndWait(QStringLiteral("second, together only"), together);
    sendAndWait(QStringLiteral("third"), nullptr);

    const QList<ComparisonTurn> turns = comparison.turns();
    QCOMPARE(turns.size(), 3);
    QCOMPARE(turns.at(0).prompt, QStringLiteral("first"));
    QCOMPARE(turns.at(1).prompt, QStringLiteral("second, together only"));
    QCOMPARE(turns.at(2).prompt, QStringLiteral("third"));
    // Each lane's row of a turn, in lane order; a lane not sent the turn has none.
    QCOMPARE(turns.at(0).rowOf(groq), 0);
    QCOMPARE(turns.at(0).rowOf(together), 0);
    QCOMPARE(turns.at(1).rowOf(groq), -1);
    QCOMPARE(turns.at(1).rowOf(together), 1);
    QCOMPARE(turns.at(2).rowOf(groq), 1);
    QCOMPARE(turns.at(2).rowOf(together), 2);
    QCOMPARE(turns.at(0).rows.first().first, groq);
    QVERIFY(turns.at(0).key < turns.at(1).key && turns.at(1).key < turns.at(2).key);
    QCOMPARE(comparison.lastTurnKey(), turns.at(2).key);
    QCOMPARE(comparison.turn(turns.at(1).key)->prompt, QStringLiteral("second, together only"));
    QVERIFY(!comparison.turn(12345).has_value());
    for (const ComparisonTurn &turn : turns)
        QCOMPARE(turn.turnId != 0, saving);

    // Verdicts are kept by turn and emptied with the conversation.
    QSignalSpy verdicts(&comparison, &Comparison::verdictChanged);
    Vote vote;
    vote.best = together;
    comparison.castVote(turns.at(1).key, vote);
    comparison.setJudgeScores(turns.at(0).key, {{groq, JudgeScore{7, QStringLiteral("fine"), kGroq.toString(), {}}}});
    QCOMPARE(verdicts.size(), 2);
    QCOMPARE(comparison.vote(turns.at(1).key)->best.data(), together);
    QVERIFY(!comparison.vote(turns.at(0).key).has_value());
    QCOMPARE(comparison.judgeScores(turns.at(0).key).value(groq).score, 7.0);
    comparison.newConversation();
    QVERIFY(comparison.turns().isEmpty());
    QVERIFY(!comparison.vote(turns.at(1).key).has_value());
    QVERIFY(comparison.judgeScores(turns.at(0).key).isEmpty());
}

void tst_Comparison::laneAddedWhileTheHistoryWasAwayIsStoredAtTheNextSend()
{
    Harness h;
    h.server.route("POST", Harness::chatPath(kGroq), answer({QStringLiteral("g")}));
    h.server.route("POST", Harness::chatPath(kTogether), answer({QStringLiteral("t")}));
    Comparison comparison(*h.engine);
    comparison.addLane(kGroq);
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    QVERIFY(comparison.send(QStringLiteral("one")).has_value());
    QVERIFY(done.wait(10000));

    // The history cannot be written when the lane is added: it has no stored lane yet.
    h.engine->history()->close();
    ComparisonLane *together = comparison.addLane(kTogether);
    QCOMPARE(together->historyId(), 0);
    h.engine->openHistory(h.historyPath());
    QVERIFY(h.engine->history());

    // The next prompt stores the lane first, then the turn for both lanes.
    QVERIFY(comparison.send(QStringLiteral("two")).has_value());
    QVERIFY(done.wait(10000));
    QVERIFY(together->historyId() > 0);
    const history::ConversationRecord record = readBack(h.historyPath(), comparison.conversationId());
    QCOMPARE(record.lanes.size(), 2);
    QCOMPARE(record.turns.size(), 2);
    QCOMPARE(record.turns.at(1).answers.size(), 2);
}

void tst_Comparison::imagesAreSavedWithThePromptAndSentAgain()
{
    const Target scout{QStringLiteral("groq"), QStringLiteral("meta-llama/llama-4-scout-17b-16e-instruct")};
    Harness h;
    h.server.enqueue(answer({QStringLiteral("A lighthouse.")}));
    h.server.enqueue(answer({QStringLiteral("Red and white.")}));
    ImageInput photo;
    photo.mimeType = QStringLiteral("image/png");
    photo.data = QByteArray("\x89PNG\r\n\x1a\nlighthouse pixels", 25);
    photo.fileName = QStringLiteral("coast.png");
    const QJsonObject imagePart{
        {QStringLiteral("type"), QStringLiteral("image_url")},
        {QStringLiteral("image_url"),
         QJsonObject{{QStringLiteral("url"), QString(QStringLiteral("data:image/png;base64,") +
                                                     QString::fromLatin1(photo.data.toBase64()))}}}};
    qint64 id = 0;
    {
        QList<QList<ImageInput>> onDisk; // outlives the comparison, and so the connection below
        Comparison comparison(*h.engine);
        comparison.addLane(scout);
        // Disconnected with the comparison: the reopened one's request must not reach this scope's locals.
        connect(&h.server, &ScriptedServer::requestReceived, &comparison, [&](int) {
            const history::ConversationRecord record = readBack(h.historyPath(), comparison.conversationId());
            onDisk << (record.turns.isEmpty() ? QList<ImageInput>() : record.turns.last().images);
        });
        QSignalSpy done(&comparison, &Comparison::turnFinished);
        QVERIFY(comparison.send(QStringLiteral("What is this?"), {photo}).has_value());
        QVERIFY(done.wait(10000));
        QCOMPARE(onDisk, QList<QList<ImageInput>>{{photo}}); // saved before the request left
        QCOMPARE(h.server.request(0).json().value(u"messages").toArray().at(0)[u"content"].toArray().at(1).toObject(),
                 imagePart);
        id = comparison.conversationId();
    }

    h.engine = std::make_unique<Engine>(h.options());
    h.engine->transport.retry.maxRetries = 0;
    Comparison reopened(*h.engine);
    QVERIFY(reopened.open(id).has_value());
    QCOMPARE(reopened.lane(0)->conversation()->turns().first().images, QList<ImageInput>{photo});
    QSignalSpy done(&reopened, &Comparison::turnFinished);
    QVERIFY(reopened.send(QStringLiteral("Which colours?")).has_value());
    QVERIFY(done.wait(10000));
    // The earlier turn goes out again with its image; the new prompt is plain text.
    const QJsonArray messages = h.server.request(1).json().value(u"messages").toArray();
    QCOMPARE(messages.size(), 3);
    QCOMPARE(messages.at(0)[u"content"].toArray().at(1).toObject(), imagePart);
    QCOMPARE(messages.at(2)[u"content"].toString(), QStringLiteral("Which colours?"));
}

QTEST_GUILESS_MAIN(tst_Comparison)
#include "tst_comparison.moc"
