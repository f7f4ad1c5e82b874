// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryStore's verdicts against real SQLite files: votes (one per turn), tags, the
// leaderboard's read, what a regenerated turn loses and what a branch keeps, and a version 4
// file's votes after the migration to version 5.
#include "history/historyschema.h"
#include "history/historystore.h"
#include "rawsql.h"

#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace versus;
using namespace versus::history;

namespace {

using versus::test::sql;

/// What a failed call says; empty when it succeeded (QVERIFY2 evaluates its message either way).
template<typename T>
QString errorOf(const std::expected<T, HistoryError> &result)
{
    return result ? QString() : result.error().message;
}

LaneRecord laneOf(const QString &provider, const QString &model)
{
    LaneRecord lane;
    lane.provider = provider;
    lane.model = model;
    return lane;
}

VoteRecord voteOf(VoteRecord::Kind kind, qint64 laneId, bool blind, const QString &note, qint64 castAtMs)
{
    VoteRecord vote;
    vote.kind = kind;
    vote.laneId = laneId;
    vote.blind = blind;
    vote.note = note;
    vote.castAt = QDateTime::fromMSecsSinceEpoch(castAtMs, Qt::UTC);
    return vote;
}

/// A stored three-lane conversation of @p turns turns, each answered by every lane.
struct Stored {
    QTemporaryDir dir; // outlives the store, whose lock file is in it
    HistoryStore store;
    ConversationRecord record;

    QString path() const { return dir.filePath(u"history.sqlite"_s); }

    bool fill(int turns,
              const QList<AnswerState> &states = {AnswerState::Complete, AnswerState::Complete, AnswerState::Complete})
    {
        if (!store.isOpen() && !store.open(path()))
            return false;
        auto created =
            store.createConversation(u"Verdicts"_s, {laneOf(u"groq"_s, u"m1"_s), laneOf(u"together"_s, u"m2"_s),
                                                     laneOf(u"deepseek"_s, u"m3"_s)});
        if (!created)
            return false;
        QList<qint64> laneIds;
        for (const LaneRecord &lane : created->lanes)
            laneIds << lane.id;
        for (int i = 0; i < turns; ++i) {
            auto turn = store.addTurn(created->id, u"prompt %1"_s.arg(i), laneIds);
            if (!turn)
                return false;
            for (int a = 0; a < turn->answers.size(); ++a) {
                AnswerRecord answer = turn->answers.at(a);
                answer.state = states.value(a, AnswerState::Complete);
                if (answer.state != AnswerState::Error)
                    answer.text = u"answer %1 of lane %2"_s.arg(i).arg(a);
                else
                    answer.error = {{u"kind"_s, u"rate_limit"_s}};
                answer.finishedAt = QDateTime::currentDateTimeUtc();
                if (answer.state != AnswerState::Streaming && !store.finishAnswer(answer))
                    return false;
            }
        }
        auto read = store.conversation(created->id);
        if (!read)
            return false;
        record = *read;
        return true;
    }
    qint64 lane(int i) const { return record.lanes.at(i).id; }
    qint64 turn(int i) const { return record.turns.at(i).id; }
};

} // namespace

class tst_HistoryVerdicts : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void voteRoundTrip_data();
    void voteRoundTrip();
    void oneVotePerTurn();
    void voteOnUnknownTurnOrForeignLaneIsRefused();
    void clearVote();
    void tagsAreStoredWithTheTurn_data();
    void tagsAreStoredWithTheTurn();
    void resetDropsTheVerdictsOfTheResetTurnsOnly();
    void branchCopiesVerdictsWithTheTurns();
    void leaderboardReadsAnsweredLanes();
    void leaderboardFilters_data();
    void leaderboardFilters();
    void version4VotesMigrate();
};

void tst_HistoryVerdicts::voteRoundTrip_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<int>("bestLane"); // -1: none
    QTest::addColumn<bool>("blind");
    QTest::addColumn<QString>("note");
    QTest::addRow("best, seen") << int(VoteRecord::Kind::Best) << 1 << false << u""_s;
    QTest::addRow("best, blind, with a note") << int(VoteRecord::Kind::Best) << 2 << true << u"clearer"_s;
    QTest::addRow("tie") << int(VoteRecord::Kind::Tie) << -1 << false << u""_s;
    QTest::addRow("all bad, blind") << int(VoteRecord::Kind::AllBad) << -1 << true << u"all wrong"_s;
}

void tst_HistoryVerdicts::voteRoundTrip()
{
    QFETCH(int, kind);
    QFETCH(int, bestLane);
    QFETCH(bool, blind);
    QFETCH(QString, note);
    Stored s;
    QVERIFY(s.fill(2));
    const VoteRecord vote =
        voteOf(VoteRecord::Kind(kind), bestLane < 0 ? 0 : s.lane(bestLane), blind, note, 1767225600123);
    auto set = s.store.setVote(s.turn(1), vote);
    QVERIFY2(set, qPrintable(errorOf(set)));
    auto votes = s.store.votes(s.record.id);
    QVERIFY(votes);
    QCOMPARE(votes->size(), 1);
    QCOMPARE(votes->firstKey(), s.turn(1));
    QCOMPARE(votes->first(), vote);
    // As stored: the kind's word, the lane NULL unless best.
    QCOMPARE(sql(s.path(), {u"SELECT kind || '/' || IFNULL(lane_id, 'null') || '/' || blind FROM votes"_s}),
             QStringList{voteKindName(VoteRecord::Kind(kind)) + u"/"_s +
                         (bestLane < 0 ? u"null"_s : QString::number(s.lane(bestLane))) + u"/"_s +
                         QString::number(blind ? 1 : 0)});
}

void tst_HistoryVerdicts::oneVotePerTurn()
{
    Stored s;
    QVERIFY(s.fill(2));
    QVERIFY(s.store.setVote(s.turn(0), voteOf(VoteRecord::Kind::Best, s.lane(0), false, {}, 1000)));
    QVERIFY(s.store.setVote(s.turn(1), voteOf(VoteRecord::Kind::Tie, 0, false, {}, 2000)));
    const VoteRecord changed = voteOf(VoteRecord::Kind::Best, s.lane(2), true, u"changed my mind"_s, 3000);
    QVERIFY(s.store.setVote(s.turn(0), changed));
    auto votes = s.store.votes(s.record.id);
    QVERIFY(votes);
    QCOMPARE(votes->size(), 2);
    QCOMPARE(votes->value(s.turn(0)), changed);
    QCOMPARE(votes->value(s.turn(1)).kind, VoteRecord::Kind::Tie);
    QCOMPARE(sql(s.path(), {u"SELECT count(*) FROM votes WHERE turn_id = %1"_s.arg(s.turn(0))}), QStringList{u"1"_s});
    // The schema itself refuses a second row for a turn.
    QVERIFY(sql(s.path(), {u"INSERT INTO votes (turn_id, lane_id, created_at, kind) VALUES (%1, NULL, 1, 'tie')"_s.arg(
                              s.turn(0))})
                .value(0)
                .startsWith(u"error: "_s));
}

void tst_HistoryVerdicts::voteOnUnknownTurnOrForeignLaneIsRefused()
{
    Stored s;
    QVERIFY(s.fill(1));
    auto unknown = s.store.setVote(987654, voteOf(VoteRecord::Kind::Tie, 0, false, {}, 1));
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().kind, HistoryError::Kind::NotFound);
    // A lane of another conversation is not a lane of this turn.
    auto second = s.store.createConversation(u"Other"_s, {laneOf(u"groq"_s, u"x"_s)});
    QVERIFY(second);
    auto foreign = s.store.setVote(s.turn(0), voteOf(VoteRecord::Kind::Best, second->lanes.at(0).id, false, {}, 1));
    QVERIFY(!foreign);
    QCOMPARE(foreign.error().kind, HistoryError::Kind::NotFound);
    QCOMPARE(s.store.votes(s.record.id)->size(), 0);
}

void tst_HistoryVerdicts::clearVote()
{
    Stored s;
    QVERIFY(s.fill(1));
    QVERIFY(s.store.setVote(s.turn(0), voteOf(VoteRecord::Kind::AllBad, 0, false, {}, 1)));
    QCOMPARE(s.store.votes(s.record.id)->size(), 1);
    QVERIFY(s.store.clearVote(s.turn(0)));
    QCOMPARE(s.store.votes(s.record.id)->size(), 0);
    QVERIFY(s.store.clearVote(s.turn(0))); // nothing to clear is fine
}

void tst_HistoryVerdicts::tagsAreStoredWithTheTurn_data()
{
    QTest::addColumn<QStringList>("given");
    QTest::addColumn<QStringList>("stored");
    QTest::addColumn<QString>("column");
    QTest::addRow("words") << QStringList{u"code"_s, u"rust"_s} << QStringList{u"code"_s, u"rust"_s}
                           << u"[\"code\",\"rust\"]"_s;
    QTest::addRow("spaces, empties and repeats")
        << QStringList{u"  long  prompt "_s, u""_s, u"Code"_s, u"code"_s} << QStringList{u"long prompt"_s, u"Code"_s}
        << u"[\"long prompt\",\"Code\"]"_s;
    QTest::addRow("none") << QStringList{} << QStringList{} << u"null"_s;
}

void tst_HistoryVerdicts::tagsAreStoredWithTheTurn()
{
    QFETCH(QStringList, given);
    QFETCH(QStringList, stored);
    QFETCH(QString, column);
    Stored s;
    QVERIFY(s.fill(2));
    QVERIFY(s.store.setTurnTags(s.turn(1), {u"old"_s}));
    QVERIFY(s.store.setTurnTags(s.turn(1), given));
    auto read = s.store.conversation(s.record.id);
    QVERIFY(read);
    QCOMPARE(read->turns.at(0).tags, QStringList());
    QCOMPARE(read->turns.at(1).tags, stored);
    QCOMPARE(sql(s.path(), {u"SELECT IFNULL(tags, 'null') FROM turns WHERE id = %1"_s.arg(s.turn(1))}),
             QStringList{column});
    auto unknown = s.store.setTurnTags(987654, {u"x"_s});
    QVERIFY(!unknown);
    QCOMPARE(unknown.error().kind, HistoryError::Kind::NotFound);
}

void tst_HistoryVerdicts::resetDropsTheVerdictsOfTheResetTurnsOnly()
{
    Stored s;
    QVERIFY(s.fill(2));
    QVERIFY(s.store.setVote(s.turn(0), voteOf(VoteRecord::Kind::Best, s.lane(0), false, {}, 1)));
    QVERIFY(s.store.setVote(s.turn(1), voteOf(VoteRecord::Kind::Best, s.lane(1), false, {}, 2)));
    QVERIFY(s.store.setTurnTags(s.turn(1), {u"kept"_s}));
    for (int t = 0; t < 2; ++t) {
        QCOMPARE(sql(s.path(), {u"INSERT INTO judgements (turn_id, lane_id, judge, score, reason, created_at) "
                                u"VALUES (%1, %2, 'groq:judge', 7, 'fine', 5)"_s.arg(s.turn(t))
                                    .arg(s.lane(0))}),
                 QStringList());
    }
    // Regenerating lane 1's answer to turn 1 (one answer is enough for the turn's verdicts to go).
    auto reset = s.store.resetAnswers({s.record.turns.at(1).answers.at(1).id});
    QVERIFY2(reset, qPrintable(errorOf(reset)));
    auto votes = s.store.votes(s.record.id);
    QVERIFY2(votes, qPrintable(errorOf(votes)));
    QCOMPARE(votes->keys(), QList<qint64>{s.turn(0)});
    QCOMPARE(sql(s.path(), {u"SELECT group_concat(turn_id) FROM judgements"_s}),
             QStringList{QString::number(s.turn(0))});
    QCOMPARE(s.store.conversation(s.record.id)->turns.at(1).tags, QStringList{u"kept"_s}); // the prompt's words stay
}

void tst_HistoryVerdicts::branchCopiesVerdictsWithTheTurns()
{
    Stored s;
    QVERIFY(s.fill(3));
    const VoteRecord first = voteOf(VoteRecord::Kind::Best, s.lane(2), true, u"n"_s, 11);
    const VoteRecord second = voteOf(VoteRecord::Kind::AllBad, 0, false, {}, 12);
    QVERIFY(s.store.setVote(s.turn(0), first));
    QVERIFY(s.store.setVote(s.turn(1), second));
    QVERIFY(s.store.setVote(s.turn(2), voteOf(VoteRecord::Kind::Tie, 0, false, {}, 13)));
    QVERIFY(s.store.setTurnTags(s.turn(0), {u"math"_s}));
    QCOMPARE(sql(s.path(), {u"UPDATE turns SET continued_lane_id = %1 WHERE id = %2"_s.arg(s.lane(1)).arg(s.turn(0)),
                            u"INSERT INTO judgements (turn_id, lane_id, judge, score, reason, rubric, created_at) "
                            u"VALUES (%1, %2, 'groq:judge', 8.5, 'precise', 'be strict', 77)"_s.arg(s.turn(0))
                                .arg(s.lane(2))}),
             QStringList());

    // Edited at turn 2: turns 0 and 1 are copied.
    auto branch = s.store.branchConversation(s.record.id, s.turn(2), u"Verdicts (edit)"_s);
    QVERIFY2(branch, qPrintable(errorOf(branch)));
    auto read = s.store.conversation(branch->id);
    QVERIFY(read);
    QCOMPARE(read->turns.size(), 2);
    QCOMPARE(read->turns.at(0).tags, QStringList{u"math"_s});
    const qint64 newLane1 = read->lanes.at(1).id;
    const qint64 newLane2 = read->lanes.at(2).id;
    QVERIFY(newLane2 != s.lane(2));
    auto votes = s.store.votes(branch->id);
    QVERIFY(votes);
    QCOMPARE(votes->size(), 2);
    VoteRecord mapped = first;
    mapped.laneId = newLane2;
    QCOMPARE(votes->value(read->turns.at(0).id), mapped);
    QCOMPARE(votes->value(read->turns.at(1).id), second);
    QCOMPARE(sql(s.path(), {u"SELECT continued_lane_id FROM turns WHERE id = %1"_s.arg(read->turns.at(0).id)}),
             QStringList{QString::number(newLane1)});
    QCOMPARE(sql(s.path(), {u"SELECT lane_id || '/' || judge || '/' || score || '/' || reason || '/' || rubric || '/' "
                            u"|| created_at FROM judgements WHERE turn_id = %1"_s.arg(read->turns.at(0).id)}),
             QStringList{u"%1/groq:judge/8.5/precise/be strict/77"_s.arg(newLane2)});
    // The original keeps its own.
    QCOMPARE(s.store.votes(s.record.id)->size(), 3);
    QCOMPARE(sql(s.path(), {u"SELECT count(*) FROM judgements"_s}), QStringList{u"2"_s});
    // The leaderboard counts each vote once, where it was cast, not again in the branch; a vote
    // the user casts again in the branch counts.
    const auto countedTurns = [&s] {
        QList<qint64> turns;
        const auto leaderboard = s.store.leaderboardVotes();
        for (const auto &vote : leaderboard.value())
            turns << vote.turnId;
        return turns;
    };
    QList<qint64> counted = countedTurns();
    QCOMPARE(counted.size(), 3);
    for (const auto &turn : std::as_const(read->turns))
        QVERIFY(!counted.contains(turn.id));
    QVERIFY(s.store.setVote(read->turns.at(1).id, second));
    counted = countedTurns();
    QCOMPARE(counted.size(), 4);
    QVERIFY(counted.contains(read->turns.at(1).id));
}

void tst_HistoryVerdicts::leaderboardReadsAnsweredLanes()
{
    Stored s;
    // Lane 2 failed (a 429): it did not answer, so a vote does not rank it.
    QVERIFY(s.fill(2, {AnswerState::Complete, AnswerState::Truncated, AnswerState::Error}));
    QVERIFY(s.store.setVote(s.turn(0), voteOf(VoteRecord::Kind::Best, s.lane(1), true, {}, 100)));
    QVERIFY(s.store.setVote(s.turn(1), voteOf(VoteRecord::Kind::Tie, 0, false, {}, 200)));
    QVERIFY(s.store.setTurnTags(s.turn(1), {u"chat"_s}));
    auto votes = s.store.leaderboardVotes();
    QVERIFY2(votes, qPrintable(errorOf(votes)));
    QCOMPARE(votes->size(), 2);
    LeaderboardVote best;
    best.conversationId = s.record.id;
    best.turnId = s.turn(0);
    best.kind = VoteRecord::Kind::Best;
    best.best = u"together:m2"_s;
    best.targets = {u"groq:m1"_s, u"together:m2"_s};
    best.blind = true;
    best.castAt = QDateTime::fromMSecsSinceEpoch(100, Qt::UTC);
    QCOMPARE(votes->at(0), best);
    QCOMPARE(votes->at(1).kind, VoteRecord::Kind::Tie);
    QCOMPARE(votes->at(1).best, QString());
    QCOMPARE(votes->at(1).targets, (QStringList{u"groq:m1"_s, u"together:m2"_s}));
    QCOMPARE(votes->at(1).tags, QStringList{u"chat"_s});
    QCOMPARE(s.store.voteTags().value(), QStringList{u"chat"_s});
}

void tst_HistoryVerdicts::leaderboardFilters_data()
{
    QTest::addColumn<qint64>("since");
    QTest::addColumn<qint64>("until");
    QTest::addColumn<QString>("tag");
    QTest::addColumn<QList<int>>("turns");
    QTest::addRow("everything") << qint64(-1) << qint64(-1) << QString() << QList<int>{0, 1, 2};
    QTest::addRow("since, inclusive") << qint64(2000) << qint64(-1) << QString() << QList<int>{1, 2};
    QTest::addRow("until, exclusive") << qint64(-1) << qint64(3000) << QString() << QList<int>{0, 1};
    QTest::addRow("a window") << qint64(1500) << qint64(2500) << QString() << QList<int>{1};
    QTest::addRow("a tag, any case") << qint64(-1) << qint64(-1) << u"CODE"_s << QList<int>{0, 2};
    QTest::addRow("a tag and a time") << qint64(2000) << qint64(-1) << u"code"_s << QList<int>{2};
    QTest::addRow("an unknown tag") << qint64(-1) << qint64(-1) << u"cod"_s << QList<int>{};
}

void tst_HistoryVerdicts::leaderboardFilters()
{
    QFETCH(qint64, since);
    QFETCH(qint64, until);
    QFETCH(QString, tag);
    QFETCH(QList<int>, turns);
    Stored s;
    QVERIFY(s.fill(3));
    for (int t = 0; t < 3; ++t)
        QVERIFY(s.store.setVote(s.turn(t), voteOf(VoteRecord::Kind::Tie, 0, false, {}, 1000 * (t + 1))));
    QVERIFY(s.store.setTurnTags(s.turn(0), {u"code"_s}));
    QVERIFY(s.store.setTurnTags(s.turn(1), {u"poems"_s, u"codes"_s}));
    QVERIFY(s.store.setTurnTags(s.turn(2), {u"math"_s, u"Code"_s}));
    LeaderboardFilter filter;
    if (since >= 0)
        filter.since = QDateTime::fromMSecsSinceEpoch(since, Qt::UTC);
    if (until >= 0)
        filter.until = QDateTime::fromMSecsSinceEpoch(until, Qt::UTC);
    filter.tag = tag;
    auto votes = s.store.leaderboardVotes(filter);
    QVERIFY(votes);
    QList<int> found;
    for (const LeaderboardVote &vote : *votes)
        found << int(s.record.turns.indexOf(*std::find_if(s.record.turns.cbegin(), s.record.turns.cend(),
                                                          [&](const TurnRecord &t) { return t.id == vote.turnId; })));
    QCOMPARE(found, turns);
}

void tst_HistoryVerdicts::version4VotesMigrate()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"history.sqlite"_s);
    QStringList statements;
    for (const Migration &step : migrations()) {
        if (step.version <= 4)
            statements << step.statements;
    }
    QVERIFY(!statements.isEmpty());
    statements << u"INSERT INTO conversations VALUES (7, 'Old', 1700000000000, 1700000005000)"_s
               << u"INSERT INTO lanes VALUES (3, 7, 0, 'groq', 'llama', NULL, 0)"_s
               << u"INSERT INTO lanes VALUES (4, 7, 1, 'openai', 'gpt', NULL, 0)"_s
               << u"INSERT INTO turns (id, conversation_id, position, prompt, created_at) "
                  u"VALUES (11, 7, 0, 'Which?', 1700000001000)"_s
               << u"INSERT INTO turns (id, conversation_id, position, prompt, created_at) "
                  u"VALUES (12, 7, 1, 'And?', 1700000002000)"_s
               // Version 4 allowed several votes on a turn: the latest one stays.
               << u"INSERT INTO votes (id, turn_id, lane_id, note, created_at) VALUES (1, 11, 3, NULL, 1700000003000)"_s
               << u"INSERT INTO votes (id, turn_id, lane_id, note, created_at) VALUES (2, 11, 4, 'better', "
                  u"1700000004000)"_s
               << u"INSERT INTO votes (id, turn_id, lane_id, note, created_at) VALUES (3, 12, 3, NULL, 1700000005000)"_s
               << u"PRAGMA user_version = 4"_s;
    QCOMPARE(sql(path, statements), QStringList());

    HistoryStore store;
    auto report = store.open(path);
    QVERIFY2(report, qPrintable(errorOf(report)));
    QCOMPARE(report->migratedFrom, 4);
    auto votes = store.votes(7);
    QVERIFY(votes);
    QCOMPARE(votes->size(), 2);
    QCOMPARE(votes->value(11), voteOf(VoteRecord::Kind::Best, 4, false, u"better"_s, 1700000004000));
    QCOMPARE(votes->value(12), voteOf(VoteRecord::Kind::Best, 3, false, {}, 1700000005000));
    QCOMPARE(sql(path, {u"SELECT group_concat(kind || blind) FROM votes"_s}), QStringList{u"best0,best0"_s});
    // And the migrated vote can be replaced like a new one.
    QVERIFY(store.setVote(11, voteOf(VoteRecord::Kind::Tie, 0, true, {}, 1700000006000)));
    QCOMPARE(store.votes(7)->value(11).kind, VoteRecord::Kind::Tie);
}

QTEST_GUILESS_MAIN(tst_HistoryVerdicts)
#include "tst_historyverdicts.moc"
