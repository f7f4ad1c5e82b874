// SPDX-License-Identifier: GPL-3.0-or-later
// Comparison's verdicts against the loopback server and a real history file: votes and tags
// stored and read back with the conversation, a history failure that keeps the vote on
// screen, blind mode's order and reveal, and a regenerated turn losing its vote.
#include "compare/comparison.h"
#include "comparisonharness.h"
#include "history/historystore.h"

#include <QRandomGenerator>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTest>

using namespace versus;
using namespace versus::test;
using namespace Qt::StringLiterals;

namespace {

/// Runs @p statement on @p path through a connection of its own (foreign keys off).
bool execDirect(const QString &path, const QString &statement)
{
    const QString name = u"tst-comparisonvotes-"_s + QString::number(QRandomGenerator::global()->generate64());
    bool ok = false;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            ok = query.exec(statement);
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return ok;
}

} // namespace

class tst_ComparisonVotes : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void votesAndTagsAreStoredAndReopened();
    void historyFailureKeepsTheVote();
    void blindHidesUntilTheVote();
    void regenerateDropsTheVote();

private:
    /// Sends @p prompt to both lanes and waits for the turn to end; its key.
    static qint64 sendAndWait(Comparison &comparison, const QString &prompt);
};

qint64 tst_ComparisonVotes::sendAndWait(Comparison &comparison, const QString &prompt)
{
    QSignalSpy finished(&comparison, &Comparison::turnFinished);
    if (!comparison.send(prompt))
        return 0;
    if (!finished.wait(10000))
        return 0;
    return comparison.lastTurnKey();
}

void tst_ComparisonVotes::votesAndTagsAreStoredAndReopened()
{
    Harness h;
    h.server.route("POST", Harness::chatPath(kGroq), answer({u"groq"_s}));
    h.server.route("POST", Harness::chatPath(kTogether), answer({u"together"_s}));
    Comparison comparison(*h.engine);
    comparison.addLane(kGroq);
    ComparisonLane *together = comparison.addLane(kTogether);
    const qint64 first = sendAndWait(comparison, u"one"_s);
    const qint64 second = sendAndWait(comparison, u"two"_s);
    QVERIFY(first && second && first != second);

    QSignalSpy changed(&comparison, &Comparison::verdictChanged);
    Vote vote;
    vote.kind = Vote::Kind::Best;
    vote.best = together;
    comparison.castVote(first, vote);
    Vote tie;
    tie.kind = Vote::Kind::Tie;
    tie.best = together; // ignored: a tie has no best lane
    comparison.castVote(second, tie);
    comparison.setTurnTags(second, {u" code "_s, u""_s, u"CODE"_s, u"maths"_s});
    QCOMPARE(changed.size(), 3);
    QCOMPARE(changed.at(0).at(0).toLongLong(), first);
    QCOMPARE(comparison.turnTags(second), (QStringList{u"code"_s, u"maths"_s}));
    QVERIFY(!comparison.vote(second)->best);
    QVERIFY(!comparison.vote(first)->blind);

    const auto votes = h.engine->history()->votes(comparison.conversationId());
    QVERIFY(votes.has_value());
    QCOMPARE(votes->size(), 2);
    QCOMPARE(votes->value(comparison.turn(first)->turnId).laneId, together->historyId());
    QCOMPARE(votes->value(comparison.turn(second)->turnId).kind, history::VoteRecord::Kind::Tie);

    comparison.clearVote(first);
    QVERIFY(!comparison.vote(first));
    QCOMPARE(h.engine->history()->votes(comparison.conversationId())->size(), 1);

    // Another comparison opening it reads the vote and the tags.
    Comparison reopened(*h.engine);
    QVERIFY(reopened.open(comparison.conversationId()).has_value());
    QVERIFY(!reopened.vote(first));
    QCOMPARE(reopened.vote(second)->kind, Vote::Kind::Tie);
    QCOMPARE(reopened.turnTags(second), (QStringList{u"code"_s, u"maths"_s}));
    QCOMPARE(reopened.turnTags(first), QStringList());
    // And a best vote names the reopened lane.
    vote.best = reopened.lane(1);
    reopened.castVote(first, vote);
    QCOMPARE(h.engine->history()->votes(comparison.conversationId())->value(reopened.turn(first)->turnId).laneId,
             reopened.lane(1)->historyId());
}

void tst_ComparisonVotes::historyFailureKeepsTheVote()
{
    Harness h;
    h.server.route("POST", Harness::chatPath(kGroq), answer({u"groq"_s}));
    h.server.route("POST", Harness::chatPath(kTogether), answer({u"together"_s}));
    Comparison comparison(*h.engine);
    ComparisonLane *groq = comparison.addLane(kGroq);
    comparison.addLane(kTogether);
    const qint64 key = sendAndWait(comparison, u"one"_s);
    QVERIFY(key);
    // The turn goes from the file behind the comparison's back: the vote cannot be stored.
    QVERIFY(execDirect(h.historyPath(), u"DELETE FROM turns WHERE id = %1"_s.arg(comparison.turn(key)->turnId)));
    QList<history::HistoryError> failures;
    connect(&comparison, &Comparison::historyFailed, this,
            [&failures](const history::HistoryError &error) { failures << error; });
    Vote vote;
    vote.best = groq;
    comparison.castVote(key, vote);
    QCOMPARE(failures.size(), 1);
    QCOMPARE(failures.at(0).kind, history::HistoryError::Kind::NotFound);
    QVERIFY(comparison.vote(key).has_value()); // still on screen
    QCOMPARE(comparison.vote(key)->best, groq);
}

void tst_ComparisonVotes::blindHidesUntilTheVote()
{
    Harness h;
    h.server.route("POST", Harness::chatPath(kGroq), answer({u"groq"_s}));
    h.server.route("POST", Harness::chatPath(kTogether), answer({u"together"_s}));
    Comparison comparison(*h.engine);
    comparison.addLane(kGroq);
    comparison.addLane(kTogether);
    const qint64 seen = sendAndWait(comparison, u"seen"_s);
    QSignalSpy blindChanged(&comparison, &Comparison::blindChanged);
    comparison.setBlind(true);
    QCOMPARE(blindChanged.size(), 1);
    QVERIFY(!comparison.namesHidden()); // the turn on screen was seen with its names
    QCOMPARE(comparison.displayName(comparison.lane(0)), kGroq.toString());
    Vote tie;
    tie.kind = Vote::Kind::Tie;
    comparison.castVote(seen, tie);
    QVERIFY(!comparison.vote(seen)->blind);

    comparison.setShuffleSeed(7);
    const qint64 key = sendAndWait(comparison, u"blind"_s);
    QVERIFY(key);
    QVERIFY(blindChanged.size() >= 2);
    QVERIFY(comparison.namesHidden());
    const QList<ComparisonLane *> order = comparison.displayOrder();
    QCOMPARE(order.size(), 2);
    QVERIFY(order.contains(comparison.lane(0)) && order.contains(comparison.lane(1)));
    QCOMPARE(comparison.displayName(order.at(0)), u"Lane A"_s);
    QCOMPARE(comparison.displayName(order.at(1)), u"Lane B"_s);
    // The same seed gives the same order.
    {
        Comparison other(*h.engine);
        other.addLane(kGroq);
        other.addLane(kTogether);
        other.setBlind(true);
        other.setShuffleSeed(7);
        QVERIFY(sendAndWait(other, u"blind"_s));
        QCOMPARE(other.displayOrder().at(0)->target(), order.at(0)->target());
    }

    const int before = int(blindChanged.size());
    Vote vote;
    vote.best = order.at(1);
    comparison.castVote(key, vote);
    QCOMPARE(blindChanged.size(), before + 1);
    QVERIFY(!comparison.namesHidden());
    QCOMPARE(comparison.displayOrder(), comparison.lanes());
    QCOMPARE(comparison.displayName(order.at(1)), order.at(1)->target().toString());
    QVERIFY(comparison.vote(key)->blind);
    const auto votes = h.engine->history()->votes(comparison.conversationId());
    QVERIFY(votes->value(comparison.turn(key)->turnId).blind);
    QCOMPARE(votes->value(comparison.turn(key)->turnId).laneId, order.at(1)->historyId());

    // Names once shown stay shown: a cleared vote does not hide them, and the vote cast again
    // is not blind.
    comparison.clearVote(key);
    QVERIFY(!comparison.namesHidden());
    comparison.castVote(key, vote);
    QVERIFY(!comparison.vote(key)->blind);
    QVERIFY(!h.engine->history()->votes(comparison.conversationId())->value(comparison.turn(key)->turnId).blind);

    // The next turn hides the names again.
    QVERIFY(sendAndWait(comparison, u"again"_s));
    QVERIFY(comparison.namesHidden());
    comparison.setBlind(false);
    QVERIFY(!comparison.namesHidden());
}

void tst_ComparisonVotes::regenerateDropsTheVote()
{
    Harness h;
    h.server.route("POST", Harness::chatPath(kGroq), answer({u"groq"_s}));
    h.server.route("POST", Harness::chatPath(kTogether), answer({u"together"_s}));
    Comparison comparison(*h.engine);
    ComparisonLane *groq = comparison.addLane(kGroq);
    comparison.addLane(kTogether);
    const qint64 first = sendAndWait(comparison, u"one"_s);
    const qint64 second = sendAndWait(comparison, u"two"_s);
    Vote vote;
    vote.best = groq;
    comparison.castVote(first, vote);
    comparison.castVote(second, vote);
    QSignalSpy changed(&comparison, &Comparison::verdictChanged);
    QSignalSpy finished(&comparison, &Comparison::turnFinished);
    QCOMPARE(comparison.regenerate().value_or(0), 2);
    QVERIFY(finished.wait(10000));
    QVERIFY(!comparison.vote(second)); // a verdict on the old answers
    QVERIFY(comparison.vote(first).has_value());
    QCOMPARE(changed.size(), 1);
    QCOMPARE(changed.at(0).at(0).toLongLong(), second);
    const auto votes = h.engine->history()->votes(comparison.conversationId());
    QCOMPARE(votes->keys(), QList<qint64>{comparison.turn(first)->turnId});
}

QTEST_GUILESS_MAIN(tst_ComparisonVotes)
#include "tst_comparisonvotes.moc"
