// SPDX-License-Identifier: GPL-3.0-or-later
// The scoreboard: the best-value rules as a table, and the rows of one turn and of the whole
// comparison built from a Comparison that streamed from the loopback server on known schedules.
#include "compare/comparison.h"
#include "compare/scoreboard.h"
#include "comparisonharness.h"
#include "pacedstream.h"

#include <QSignalSpy>
#include <QTest>

using namespace versus;
using namespace versus::test;

Q_DECLARE_METATYPE(versus::Better)

namespace {

ScoreCandidate value(double v, bool estimated = false)
{
    ScoreCandidate cell;
    cell.value = v;
    cell.estimated = estimated;
    return cell;
}

ScoreCandidate failed(double v)
{
    ScoreCandidate cell = value(v);
    cell.failed = true;
    return cell;
}

ScoreCandidate none()
{
    return {};
}

/// @p completionTokens over @p pieces content chunks, prompt 12 tokens: the usage is known, so is
/// the decode speed, (completion − 1) / (t_last − t_first).
ScriptedResponse scheduled(int pieces, int completionTokens, int firstMs, int gapMs)
{
    QList<QByteArray> payloads;
    for (int i = 0; i < pieces; ++i)
        payloads << openAiContentChunk(QStringLiteral("w%1 ").arg(i));
    payloads << openAiFinishChunk(completionTokens, 12);
    return pacedSse(payloads, firstMs, gapMs);
}

const ScoreboardRow &rowOf(const Scoreboard &board, const ComparisonLane *lane)
{
    for (const ScoreboardRow &row : board.rows) {
        if (row.lane == lane)
            return row;
    }
    static const ScoreboardRow missing;
    return missing;
}

} // namespace

class tst_Scoreboard : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bestValues_data();
    void bestValues();
    void columnsRankTheRightWay();
    void turnAndWholeComparison();
    void blindNamesAndNotSentLanes();
};

void tst_Scoreboard::bestValues_data()
{
    QTest::addColumn<QList<ScoreCandidate>>("cells");
    QTest::addColumn<Better>("better");
    QTest::addColumn<int>("decimals");
    QTest::addColumn<QList<bool>>("best");

    const auto L = Better::Lower;
    const auto H = Better::Higher;
    QTest::addRow("lower wins") << QList{value(300), value(120), value(450)} << L << 0 << QList{false, true, false};
    QTest::addRow("higher wins") << QList{value(30.5), value(120.25), value(45)} << H << 1 << QList{false, true, false};
    QTest::addRow("exact tie: both best")
        << QList{value(120), value(300), value(120)} << L << 0 << QList{true, false, true};
    QTest::addRow("tie at the shown precision")
        << QList{value(120.4), value(119.6), value(200)} << L << 0 << QList{true, true, false};
    QTest::addRow("not a tie one decimal further") << QList{value(88.24), value(88.26)} << H << 1 << QList{false, true};
    QTest::addRow("estimated may be best") << QList{value(50, true), value(80)} << H << 1 << QList{false, true};
    QTest::addRow("estimated best keeps ranking by number")
        << QList{value(95, true), value(80)} << H << 1 << QList{true, false};
    QTest::addRow("estimated ties exact") << QList{value(100, true), value(100)} << L << 0 << QList{true, true};
    QTest::addRow("failed row never best")
        << QList{failed(10), value(200), value(300)} << L << 0 << QList{false, true, false};
    QTest::addRow("failed and one value: nothing") << QList{failed(10), value(200)} << L << 0 << QList{false, false};
    QTest::addRow("single value: nothing") << QList{value(10)} << L << 0 << QList{false};
    QTest::addRow("missing values are not candidates")
        << QList{none(), value(40), none(), value(20)} << H << 0 << QList{false, true, false, false};
    QTest::addRow("one value among missing: nothing")
        << QList{none(), value(40), none()} << L << 0 << QList{false, false, false};
    QTest::addRow("all missing") << QList{none(), none()} << L << 0 << QList{false, false};
    QTest::addRow("empty") << QList<ScoreCandidate>{} << L << 0 << QList<bool>{};
    QTest::addRow("zero is a value") << QList{value(0), value(3)} << L << 0 << QList{true, false};
    QTest::addRow("all equal: all best") << QList{value(1), value(1), value(1)} << H << 0 << QList{true, true, true};
}

void tst_Scoreboard::bestValues()
{
    QFETCH(QList<ScoreCandidate>, cells);
    QFETCH(Better, better);
    QFETCH(int, decimals);
    QFETCH(QList<bool>, best);
    QCOMPARE(versus::bestValues(cells, better, decimals), best);
}

void tst_Scoreboard::columnsRankTheRightWay()
{
    QCOMPARE(betterOf(ScoreColumn::Ttft), Better::Lower);
    QCOMPARE(betterOf(ScoreColumn::Ttfat), Better::Lower);
    QCOMPARE(betterOf(ScoreColumn::E2e), Better::Lower);
    QCOMPARE(betterOf(ScoreColumn::Cost), Better::Lower);
    QCOMPARE(betterOf(ScoreColumn::InvalidCalls), Better::Lower);
    QCOMPARE(betterOf(ScoreColumn::TokensPerS), Better::Higher);
    QCOMPARE(betterOf(ScoreColumn::Votes), Better::Higher);
    QCOMPARE(betterOf(ScoreColumn::JudgeScore), Better::Higher);

    // A row's error keeps it out of the figures' ranking, never out of the user's verdict.
    Scoreboard board;
    ScoreboardRow ok;
    ok.status = ScoreStatus::Ok;
    ok.ttftMs = 900;
    ok.votes = 0;
    ScoreboardRow error = ok;
    error.status = ScoreStatus::Error;
    error.ttftMs = 100;
    error.votes = 1;
    ScoreboardRow third = ok;
    third.ttftMs = 950;
    third.votes = 0;
    board.rows = {ok, error, third};
    rankScoreboard(board);
    QVERIFY(board.rows.at(0).isBest(ScoreColumn::Ttft));
    QVERIFY(!board.rows.at(1).isBest(ScoreColumn::Ttft));
    QVERIFY(board.rows.at(1).isBest(ScoreColumn::Votes));
    QVERIFY(!board.rows.at(0).isBest(ScoreColumn::Votes));
}

void tst_Scoreboard::turnAndWholeComparison()
{
    Harness h;
    // Turn 1: groq starts late (400 ms) and decodes 41 tokens over 4 gaps of 40 ms; together
    // starts at once and decodes 11 tokens over 4 gaps of 150 ms. Both models cost the same per
    // token (the catalog's gpt-oss-120b prices), so together's 11 tokens cost less.
    h.server.route("POST", Harness::chatPath(kGroq), scheduled(5, 41, 400, 40));
    h.server.route("POST", Harness::chatPath(kTogether), scheduled(5, 11, 0, 150));
    Comparison comparison(*h.engine);
    ComparisonLane *groq = comparison.addLane(kGroq);
    ComparisonLane *together = comparison.addLane(kTogether);
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    QVERIFY(comparison.send(QStringLiteral("first")).has_value());
    QVERIFY(done.wait(15000));
    const qint64 first = comparison.lastTurnKey();

    Scoreboard turn1 = scoreboardForTurn(comparison, first);
    QCOMPARE(turn1.turnKey, first);
    QCOMPARE(turn1.rows.size(), 2);
    QVERIFY(turn1.rows.at(0).lane == groq);
    QVERIFY(turn1.rows.at(1).lane == together);
    QCOMPARE(turn1.rows.at(0).name, kGroq.toString());
    const ScoreboardRow &g1 = rowOf(turn1, groq);
    const ScoreboardRow &t1 = rowOf(turn1, together);
    QCOMPARE(g1.status, ScoreStatus::Ok);
    QCOMPARE(g1.promptTokens.value_or(-1), qint64(12));
    QCOMPARE(g1.completionTokens.value_or(-1), qint64(41));
    QCOMPARE(t1.completionTokens.value_or(-1), qint64(11));
    QCOMPARE(g1.finishReason.value_or(QString()), QStringLiteral("stop"));
    QVERIFY(!g1.tokensEstimated);
    QVERIFY(g1.ttftMs && *g1.ttftMs >= 400);
    // groq: 40 tokens after the first in ~160 ms (~250/s); together: 10 in ~600 ms (~17/s).
    QVERIFY(g1.tokensPerS && t1.tokensPerS);
    QVERIFY(*g1.tokensPerS > *t1.tokensPerS);
    QVERIFY(t1.isBest(ScoreColumn::Ttft));
    QVERIFY(t1.isBest(ScoreColumn::Ttfat));
    QVERIFY(!g1.isBest(ScoreColumn::Ttft));
    QVERIFY(g1.isBest(ScoreColumn::TokensPerS));
    QVERIFY(g1.costMicroUsd && t1.costMicroUsd);
    QCOMPARE(*g1.costMicroUsd, groq->conversation()->turn(0).result.cost->totalMicroUsd);
    QVERIFY(*t1.costMicroUsd < *g1.costMicroUsd);
    QVERIFY(t1.isBest(ScoreColumn::Cost));
    QVERIFY(!g1.votes && !g1.judgeScore);
    QVERIFY(!g1.isBest(ScoreColumn::Votes));

    // Turn 2: groq answers again; together is rate limited.
    h.server.clearRoutes();
    h.server.route("POST", Harness::chatPath(kGroq), scheduled(3, 21, 100, 30));
    h.server.route("POST", Harness::chatPath(kTogether), rateLimited(7));
    QTest::qWait(5); // a turn's key is its send time in ms
    QVERIFY(comparison.send(QStringLiteral("second")).has_value());
    QVERIFY(done.wait(15000));
    const qint64 second = comparison.lastTurnKey();
    QVERIFY(second > first);

    const Scoreboard turn2 = scoreboardForTurn(comparison, second);
    const ScoreboardRow &t2 = rowOf(turn2, together);
    QCOMPARE(t2.status, ScoreStatus::Error);
    QCOMPARE(t2.errorKind.value_or(ErrorKind::Config), ErrorKind::RateLimit);
    QVERIFY(t2.errorMessage.contains(QStringLiteral("Rate limit reached")));
    QCOMPARE(t2.errors, 1);
    // One lane with figures: nothing to compare, nothing highlighted.
    QVERIFY(!rowOf(turn2, groq).isBest(ScoreColumn::Ttft));
    QVERIFY(!rowOf(turn2, groq).isBest(ScoreColumn::Cost));

    // Verdicts: the user preferred groq's first answer; a judge scored both turns.
    Vote vote;
    vote.kind = Vote::Kind::Best;
    vote.best = groq;
    comparison.castVote(first, vote);
    comparison.setJudgeScores(first, {{groq, JudgeScore{8, QStringLiteral("complete"), QStringLiteral("j:m"), {}}},
                                      {together, JudgeScore{6, QStringLiteral("terse"), QStringLiteral("j:m"), {}}}});
    comparison.setJudgeScores(second, {{groq, JudgeScore{5, QStringLiteral("fine"), QStringLiteral("j:m"), {}}}});
    turn1 = scoreboardForTurn(comparison, first);
    QCOMPARE(rowOf(turn1, groq).votes.value_or(-1), 1);
    QCOMPARE(rowOf(turn1, together).votes.value_or(-1), 0);
    QVERIFY(rowOf(turn1, groq).isBest(ScoreColumn::Votes));
    QCOMPARE(rowOf(turn1, together).judgeScore.value_or(-1), 6.0);
    QCOMPARE(rowOf(turn1, together).judgeReason, QStringLiteral("terse"));
    QVERIFY(rowOf(turn1, groq).isBest(ScoreColumn::JudgeScore));

    const Scoreboard whole = scoreboardForComparison(comparison);
    QCOMPARE(whole.turnKey, qint64(0));
    QCOMPARE(whole.turns, 2);
    const ScoreboardRow &g = rowOf(whole, groq);
    const ScoreboardRow &t = rowOf(whole, together);
    QCOMPARE(g.turns, 2);
    QCOMPARE(g.answered, 2);
    QCOMPARE(g.errors, 0);
    QCOMPARE(t.turns, 2);
    QCOMPARE(t.answered, 1);
    QCOMPARE(t.errors, 1);
    QCOMPARE(t.status, ScoreStatus::Ok); // one answer stands
    QCOMPARE(t.errorKind.value_or(ErrorKind::Config), ErrorKind::RateLimit);
    QCOMPARE(g.completionTokens.value_or(-1), qint64(41 + 21));
    QCOMPARE(g.promptTokens.value_or(-1), qint64(24));
    QCOMPARE(t.completionTokens.value_or(-1), qint64(11));
    QCOMPARE(*g.costMicroUsd, groq->conversation()->turn(0).result.cost->totalMicroUsd +
                                  groq->conversation()->turn(1).result.cost->totalMicroUsd);
    // Medians over answered turns: together's only answer; groq's two.
    QCOMPARE(t.ttftMs, together->conversation()->turn(0).result.metrics.ttftMs);
    const double groqTtft0 = *groq->conversation()->turn(0).result.metrics.ttftMs;
    const double groqTtft1 = *groq->conversation()->turn(1).result.metrics.ttftMs;
    QCOMPARE(*g.ttftMs, (groqTtft0 + groqTtft1) / 2);
    QCOMPARE(g.votes.value_or(-1), 1);
    QCOMPARE(t.votes.value_or(-1), 0);
    QCOMPARE(g.judgeScore.value_or(-1), 6.5); // (8 + 5) / 2
    QCOMPARE(t.judgeScore.value_or(-1), 6.0);
    QVERIFY(g.isBest(ScoreColumn::Votes));
    QVERIFY(g.isBest(ScoreColumn::JudgeScore));
    QVERIFY(g.isBest(ScoreColumn::TokensPerS));
}

void tst_Scoreboard::blindNamesAndNotSentLanes()
{
    Harness h;
    h.server.route("POST", Harness::chatPath(kTogether), scheduled(2, 5, 0, 10));
    Comparison comparison(*h.engine);
    ComparisonLane *groq = comparison.addLane(kGroq);
    ComparisonLane *together = comparison.addLane(kTogether);
    QSignalSpy done(&comparison, &Comparison::turnFinished);
    QVERIFY(comparison.send(QStringLiteral("only together"), together).has_value());
    QVERIFY(done.wait(10000));
    Scoreboard board = scoreboardForTurn(comparison, comparison.lastTurnKey());
    QCOMPARE(rowOf(board, groq).status, ScoreStatus::NotSent);
    QCOMPARE(rowOf(board, groq).turns, 0);
    QVERIFY(!rowOf(board, groq).ttftMs);
    QCOMPARE(rowOf(board, together).status, ScoreStatus::Ok);
    QCOMPARE(rowOf(board, together).completionTokens.value_or(-1), qint64(5));

    // Names are hidden from a turn sent blind until its vote.
    comparison.setBlind(true);
    QTest::qWait(2); // the next turn is sent at a later millisecond
    QVERIFY(comparison.send(QStringLiteral("blind, together only"), together).has_value());
    QVERIFY(done.wait(10000));
    QVERIFY(comparison.namesHidden());
    board = scoreboardForComparison(comparison);
    for (const ScoreboardRow &row : std::as_const(board.rows)) {
        QVERIFY(row.name.startsWith(QStringLiteral("Lane ")));
        QVERIFY(!row.name.contains(QStringLiteral("groq")) && !row.name.contains(QStringLiteral("together")));
        QCOMPARE(row.name, comparison.displayName(row.lane));
    }
    QCOMPARE(rowOf(board, groq).status, ScoreStatus::NotSent);
}

QTEST_GUILESS_MAIN(tst_Scoreboard)
#include "tst_scoreboard.moc"
