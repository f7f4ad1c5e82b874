// SPDX-License-Identifier: GPL-3.0-or-later
// Merging, judging and continuing from one lane's answer, against the loopback server and a
// real SQLite history: what the reviewing model is sent (answers by letter only), what it
// costs, what is stored, and what a reopened conversation holds.
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

Q_DECLARE_METATYPE(versus::Target)

namespace {

const Target kDeepSeek{QStringLiteral("deepseek"), QStringLiteral("deepseek-v4-flash")};
const Target kQwenOnGroq{QStringLiteral("groq"), QStringLiteral("qwen/qwen3-32b")}; // no structured output

/// The harness's two lanes plus DeepSeek (the merging or judging model) on the loopback server.
struct ReviewHarness : Harness {
    ReviewHarness()
    {
        qputenv(baseUrlEnvVar(kDeepSeek.provider).toLatin1().constData(),
                server.url(QStringLiteral("/deepseek/v1")).toString().toUtf8());
        qputenv("DEEPSEEK_API_KEY", "sk_test_key_for_reviews_0003");
    }
    ~ReviewHarness()
    {
        qunsetenv(baseUrlEnvVar(kDeepSeek.provider).toLatin1().constData());
        qunsetenv("DEEPSEEK_API_KEY");
    }
    QList<RecordedRequest> requestsTo(const Target &target) const
    {
        QList<RecordedRequest> found;
        for (const RecordedRequest &request : server.requests()) {
            if (request.pathWithoutQuery() == chatPath(target))
                found << request;
        }
        return found;
    }
};

QString firstMessage(const RecordedRequest &request)
{
    return request.json().value(u"messages").toArray().last()[u"content"].toString();
}

/// A comparison of groq and together that answered one prompt.
void answerOnce(ReviewHarness &h, Comparison &comparison, const QString &groq, const QString &together)
{
    h.server.route("POST", Harness::chatPath(kGroq), answer({groq}));
    h.server.route("POST", Harness::chatPath(kTogether), answer({together}));
    comparison.addLane(kGroq);
    comparison.addLane(kTogether);
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    QVERIFY(comparison.send(QStringLiteral("Capital of France?")).has_value());
    QVERIFY(done.wait(10000));
}

history::HistoryStore &store(ReviewHarness &h)
{
    return *h.engine->history();
}

} // namespace

class tst_Review : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }
    void mergeIsSentTheAnswersByLetterCountedAndStored();
    void mergeErrorIsTheProvidersOwn();
    void stoppedMergeKeepsItsPartialAnswer();
    void mergeRefusedWhileAnswersStream();
    void judgeScoresReachTheComparisonAndTheHistory_data();
    void judgeScoresReachTheComparisonAndTheHistory();
    void malformedJudgeReplyAppliesNothing();
    void continueWithCarriesTheChosenAnswer();
};

void tst_Review::mergeIsSentTheAnswersByLetterCountedAndStored()
{
    ReviewHarness h;
    Comparison comparison(*h.engine);
    answerOnce(h, comparison, QStringLiteral("Paris."), QStringLiteral("It is Paris, on the Seine."));
    if (QTest::currentTestFailed())
        return;
    h.server.route("POST", Harness::chatPath(kDeepSeek),
                   answer({QStringLiteral("Paris, "), QStringLiteral("on the Seine.")}, 5));
    const qint64 key = comparison.lastTurnKey();
    const CostTotals sessionBefore = comparison.sessionCost();
    const CostTotals conversationBefore = comparison.conversationCost();

    QSignalSpy started(&comparison, &Comparison::mergeStarted);
    QSignalSpy finished(&comparison, &Comparison::mergeFinished);
    MergeRun *merge = comparison.merge(key, kDeepSeek, QStringLiteral("Keep it short."));
    QVERIFY(merge);
    QCOMPARE(started.size(), 1);
    QSignalSpy deltas(merge, &MergeRun::deltaReceived);
    QVERIFY(finished.wait(10000));
    QVERIFY(deltas.size() >= 2); // it streamed
    QCOMPARE(merge->result().chat.text, QStringLiteral("Paris, on the Seine."));
    QCOMPARE(merge->state(), AnswerState::Complete);
    QCOMPARE(merge->conversation()->rowCount(), 1);
    QCOMPARE(merge->conversation()->turn(0).prompt, QStringLiteral("Capital of France?"));

    // What the merging model read: the prompt, the answers by letter, the instruction; no names.
    const QList<RecordedRequest> sent = h.requestsTo(kDeepSeek);
    QCOMPARE(sent.size(), 1);
    const QString text = firstMessage(sent.first());
    QVERIFY(text.contains(QStringLiteral("Capital of France?")));
    QVERIFY(text.contains(QStringLiteral("Answer A:\n<<<\nParis.\n>>>")));
    QVERIFY(text.contains(QStringLiteral("Answer B:\n<<<\nIt is Paris, on the Seine.\n>>>")));
    QVERIFY(text.endsWith(QStringLiteral("Keep it short.")));
    for (const char *name : {"groq", "together", "gpt-oss", "Groq", "Together"})
        QVERIFY2(!sent.first().body.contains(name), name);

    // Its cost joins the session's and the conversation's.
    QVERIFY(merge->result().cost.has_value());
    QCOMPARE(comparison.sessionCost().pricedCount(), sessionBefore.pricedCount() + 1);
    QCOMPARE(comparison.sessionCost().totalMicroUsd(),
             sessionBefore.totalMicroUsd() + merge->result().cost->totalMicroUsd);
    QCOMPARE(comparison.conversationCost().totalMicroUsd(),
             conversationBefore.totalMicroUsd() + merge->result().cost->totalMicroUsd);

    // Stored with the turn, and there again when the conversation is reopened.
    const auto stored = store(h).merges(comparison.conversationId());
    QVERIFY(stored.has_value());
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->first().state, AnswerState::Complete);
    QCOMPARE(stored->first().target, kDeepSeek.toString());
    QCOMPARE(stored->first().instruction, QStringLiteral("Keep it short."));
    QCOMPARE(stored->first().result.value(u"text").toString(), QStringLiteral("Paris, on the Seine."));

    Comparison reopened(*h.engine);
    QVERIFY(reopened.open(comparison.conversationId()).has_value());
    const QList<MergeRun *> merges = reopened.merges(reopened.lastTurnKey());
    QCOMPARE(merges.size(), 1);
    QCOMPARE(merges.first()->target(), kDeepSeek);
    QCOMPARE(merges.first()->result().chat.text, QStringLiteral("Paris, on the Seine."));
    QCOMPARE(merges.first()->result().cost, merge->result().cost);
    QCOMPARE(merges.first()->conversation()->turn(0).prompt, QStringLiteral("Capital of France?"));
    QCOMPARE(reopened.conversationCost().totalMicroUsd(), comparison.conversationCost().totalMicroUsd());

    // Another conversation forgets it.
    reopened.newConversation();
    QVERIFY(reopened.merges().isEmpty());
}

void tst_Review::mergeErrorIsTheProvidersOwn()
{
    ReviewHarness h;
    Comparison comparison(*h.engine);
    answerOnce(h, comparison, QStringLiteral("one"), QStringLiteral("two"));
    if (QTest::currentTestFailed())
        return;
    h.server.route("POST", Harness::chatPath(kDeepSeek),
                   ScriptedResponse::json(
                       401, R"json({"error":{"message":"Authentication Fails (no such key)","type":"auth"}})json"));
    QSignalSpy finished(&comparison, &Comparison::mergeFinished);
    MergeRun *merge = comparison.merge(comparison.lastTurnKey(), kDeepSeek);
    QVERIFY(merge);
    QVERIFY(finished.wait(10000));
    QCOMPARE(merge->state(), AnswerState::Error);
    QVERIFY(merge->result().chat.error);
    QCOMPARE(merge->result().chat.error->kind, ErrorKind::Auth);
    QVERIFY(merge->result().chat.error->message.contains(QStringLiteral("Authentication Fails")));
    // The default instruction was sent.
    QVERIFY(firstMessage(h.requestsTo(kDeepSeek).first()).endsWith(defaultMergeInstruction()));
    const auto stored = store(h).merges(comparison.conversationId());
    QVERIFY(stored.has_value());
    QCOMPARE(stored->size(), 1);
    QCOMPARE(stored->first().state, AnswerState::Error);
    QCOMPARE(stored->first().result.value(u"error")[u"kind"].toString(), QStringLiteral("auth"));
}

void tst_Review::stoppedMergeKeepsItsPartialAnswer()
{
    ReviewHarness h;
    Comparison comparison(*h.engine);
    answerOnce(h, comparison, QStringLiteral("one"), QStringLiteral("two"));
    if (QTest::currentTestFailed())
        return;
    // Two pieces, then the server goes quiet without ending the answer.
    h.server.route(
        "POST", Harness::chatPath(kDeepSeek),
        ScriptedResponse::sseData(
            {openAiContentChunk(QStringLiteral("Half ")), openAiContentChunk(QStringLiteral("of it"))}, 400, false)
            .stall());
    QSignalSpy finished(&comparison, &Comparison::mergeFinished);
    MergeRun *merge = comparison.merge(comparison.lastTurnKey(), kDeepSeek);
    QVERIFY(merge);
    QTRY_COMPARE_WITH_TIMEOUT(merge->result().chat.text, QStringLiteral("Half of it"), 10000);
    QVERIFY(merge->isRunning());
    merge->cancel();
    QVERIFY(finished.size() == 1 || finished.wait(10000));
    QVERIFY(!merge->isRunning());
    QCOMPARE(merge->state(), AnswerState::Cancelled);
    const auto stored = store(h).merges(comparison.conversationId());
    QVERIFY(stored.has_value());
    QCOMPARE(stored->first().state, AnswerState::Cancelled);
    QCOMPARE(stored->first().result.value(u"text").toString(), QStringLiteral("Half of it"));
}

void tst_Review::mergeRefusedWhileAnswersStream()
{
    ReviewHarness h;
    h.server.route("POST", Harness::chatPath(kGroq), answer({QStringLiteral("slow "), QStringLiteral("one")}, 300));
    Comparison comparison(*h.engine);
    comparison.addLane(kGroq);
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    QVERIFY(comparison.send(QStringLiteral("Go")).has_value());
    const qint64 key = comparison.lastTurnKey();
    QVERIFY(!comparison.merge(key, kDeepSeek));
    QVERIFY(!comparison.judge(key, kDeepSeek));
    QVERIFY(!comparison.merge(key + 1, kDeepSeek)); // no such turn
    QVERIFY(done.wait(10000));
    QVERIFY(h.requestsTo(kDeepSeek).isEmpty());
}

void tst_Review::judgeScoresReachTheComparisonAndTheHistory_data()
{
    QTest::addColumn<Target>("judge");
    QTest::addColumn<QString>("reply");
    QTest::addColumn<bool>("schemaSent");
    QTest::addRow("structured output") << kDeepSeek
                                       << QStringLiteral(
                                              R"({"scores":[{"answer":"A","score":9,"reason":"Right and brief."},)"
                                              R"({"answer":"B","score":6.5,"reason":"Right, but wordy."}]})")
                                       << true;
    QTest::addRow("JSON asked for in the prompt")
        << kQwenOnGroq
        << QStringLiteral(
               "Here is my verdict:\n```json\n{\"scores\": [{\"answer\": \"B\", \"score\": 6.5, \"reason\": "
               "\"Right, but wordy.\"}, {\"answer\": \"A\", \"score\": 9, \"reason\": \"Right and brief.\"}]}"
               "\n```")
        << false;
}

void tst_Review::judgeScoresReachTheComparisonAndTheHistory()
{
    QFETCH(Target, judge);
    QFETCH(QString, reply);
    QFETCH(bool, schemaSent);
    ReviewHarness h;
    Comparison comparison(*h.engine);
    answerOnce(h, comparison, QStringLiteral("Paris."), QStringLiteral("Paris is the capital city of France."));
    if (QTest::currentTestFailed())
        return;
    h.server.clearRoutes();
    h.server.route("POST", Harness::chatPath(judge), answer({reply}));
    const qint64 key = comparison.lastTurnKey();
    const int pricedBefore = comparison.sessionCost().pricedCount() + comparison.sessionCost().unpricedCount();

    QSignalSpy verdict(&comparison, &Comparison::verdictChanged);
    QSignalSpy finished(&comparison, &Comparison::judgeFinished);
    JudgeRun *run = comparison.judge(key, judge, QStringLiteral("Brevity matters."));
    QVERIFY(run);
    QVERIFY(finished.wait(10000));
    QVERIFY2(!run->error(), qPrintable(run->error() ? run->error()->message : QString()));
    QCOMPARE(verdict.size(), 1);
    QCOMPARE(verdict.first().first().toLongLong(), key);

    const RecordedRequest request = h.requestsTo(judge).last();
    QCOMPARE(request.json().contains(u"response_format"), schemaSent);
    const QString text = firstMessage(request);
    QVERIFY(text.contains(QStringLiteral("Brevity matters.")));
    QVERIFY(text.contains(QStringLiteral("Answer B:\n<<<\nParis is the capital city of France.\n>>>")));

    const QHash<const ComparisonLane *, JudgeScore> scores = comparison.judgeScores(key);
    QCOMPARE(scores.size(), 2);
    QCOMPARE(scores.value(comparison.lane(0)).score, 9.0);
    QCOMPARE(scores.value(comparison.lane(0)).reason, QStringLiteral("Right and brief."));
    QCOMPARE(scores.value(comparison.lane(0)).judge, judge.toString());
    QCOMPARE(scores.value(comparison.lane(1)).score, 6.5);
    // The judge's answer counts in the session's cost.
    QCOMPARE(comparison.sessionCost().pricedCount() + comparison.sessionCost().unpricedCount(), pricedBefore + 1);

    const auto stored = store(h).judgements(comparison.conversationId());
    QVERIFY(stored.has_value());
    QCOMPARE(stored->size(), 2);
    for (const history::JudgementRecord &record : *stored) {
        QCOMPARE(record.judge, judge.toString());
        QCOMPARE(record.rubric, QStringLiteral("Brevity matters."));
        QCOMPARE(record.score, record.laneId == comparison.lane(0)->historyId() ? 9.0 : 6.5);
    }

    Comparison reopened(*h.engine);
    QVERIFY(reopened.open(comparison.conversationId()).has_value());
    const QHash<const ComparisonLane *, JudgeScore> again = reopened.judgeScores(reopened.lastTurnKey());
    QCOMPARE(again.size(), 2);
    QCOMPARE(again.value(reopened.lane(0)).score, 9.0);
    QCOMPARE(again.value(reopened.lane(1)).reason, QStringLiteral("Right, but wordy."));
}

void tst_Review::malformedJudgeReplyAppliesNothing()
{
    ReviewHarness h;
    Comparison comparison(*h.engine);
    answerOnce(h, comparison, QStringLiteral("one"), QStringLiteral("two"));
    if (QTest::currentTestFailed())
        return;
    h.server.route("POST", Harness::chatPath(kDeepSeek),
                   answer({QStringLiteral(R"({"scores":[{"answer":"A","score":8,"reason":"fine"}]})")}));
    const qint64 key = comparison.lastTurnKey();
    QSignalSpy finished(&comparison, &Comparison::judgeFinished);
    QSignalSpy verdict(&comparison, &Comparison::verdictChanged);
    JudgeRun *run = comparison.judge(key, kDeepSeek);
    QVERIFY(run);
    QVERIFY(finished.wait(10000));
    QVERIFY(run->error());
    QCOMPARE(run->error()->kind, ErrorKind::Stream);
    QVERIFY2(run->error()->message.contains(QStringLiteral("did not score answer B")),
             qPrintable(run->error()->message));
    QVERIFY(run->scores().isEmpty());
    QVERIFY(comparison.judgeScores(key).isEmpty());
    QCOMPARE(verdict.size(), 0);
    const auto stored = store(h).judgements(comparison.conversationId());
    QVERIFY(stored.has_value());
    QVERIFY(stored->isEmpty());
    // The default rubric was asked for.
    QVERIFY(firstMessage(h.requestsTo(kDeepSeek).first()).contains(defaultJudgeRubric()));
}

void tst_Review::continueWithCarriesTheChosenAnswer()
{
    ReviewHarness h;
    Comparison comparison(*h.engine);
    answerOnce(h, comparison, QStringLiteral("Groq says Paris."), QStringLiteral("Together says Lyon."));
    if (QTest::currentTestFailed())
        return;
    const qint64 first = comparison.lastTurnKey();
    ComparisonLane *groq = comparison.lane(0);
    ComparisonLane *together = comparison.lane(1);
    QVERIFY(!comparison.continuedFrom(first));
    QSignalSpy changed(&comparison, &Comparison::continuationChanged);
    QVERIFY(comparison.continueWith(first, groq));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(comparison.continuedFrom(first), groq);
    // A lane that was not sent the first turn joins: it gets the prompt and the chosen answer.
    ComparisonLane *late = comparison.addLane(kDeepSeek);
    h.server.route("POST", Harness::chatPath(kDeepSeek), answer({QStringLiteral("ok")}));

    QSignalSpy done(&comparison, &Comparison::turnFinished);
    QVERIFY(comparison.send(QStringLiteral("Its population?")).has_value());
    QVERIFY(done.wait(10000));
    for (const Target &target : {kGroq, kTogether, kDeepSeek}) {
        const QJsonArray messages = h.requestsTo(target).last().json().value(u"messages").toArray();
        QCOMPARE(messages.size(), 3);
        QCOMPARE(messages.at(0)[u"content"].toString(), QStringLiteral("Capital of France?"));
        QCOMPARE(messages.at(1)[u"role"].toString(), QStringLiteral("assistant"));
        QCOMPARE(messages.at(1)[u"content"].toString(), QStringLiteral("Groq says Paris."));
        QCOMPARE(messages.at(2)[u"content"].toString(), QStringLiteral("Its population?"));
    }
    QCOMPARE(late->conversation()->rowCount(), 1);

    // Stored, and read back.
    Comparison reopened(*h.engine);
    QVERIFY(reopened.open(comparison.conversationId()).has_value());
    const QList<ComparisonTurn> turns = reopened.turns();
    QCOMPARE(turns.size(), 2);
    QVERIFY(reopened.continuedFrom(turns.first().key));
    QCOMPARE(reopened.continuedFrom(turns.first().key)->target(), kGroq);
    QVERIFY(!reopened.continuedFrom(turns.last().key));

    // Kept separate again: each lane carries its own answer.
    QVERIFY(comparison.continueWith(first, nullptr));
    QVERIFY(!comparison.continuedFrom(first));
    QVERIFY(comparison.send(QStringLiteral("And its mayor?")).has_value());
    QVERIFY(done.wait(10000));
    const QJsonArray own = h.requestsTo(kTogether).last().json().value(u"messages").toArray();
    QCOMPARE(own.size(), 5);
    QCOMPARE(own.at(1)[u"content"].toString(), QStringLiteral("Together says Lyon."));
    QVERIFY(comparison.continueWith(first, together));
    Comparison again(*h.engine);
    QVERIFY(again.open(comparison.conversationId()).has_value());
    QCOMPARE(again.continuedFrom(again.turns().first().key) ? again.continuedFrom(again.turns().first().key)->target()
                                                            : Target{},
             kTogether);
    // A lane that leaves takes its answers with it: the lanes go on from their own.
    QVERIFY(comparison.removeLane(together));
    QVERIFY(!comparison.continuedFrom(first));
}

QTEST_GUILESS_MAIN(tst_Review)
#include "tst_review.moc"
