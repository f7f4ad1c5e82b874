// SPDX-License-Identifier: GPL-3.0-or-later
// HistoryStore writes that rework stored turns (against real SQLite files): an answer reset in
// place for a regenerated turn, and a conversation branched off at an edited prompt.
#include "history/historystore.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace versus;
using namespace versus::history;

namespace {

/// A stored two-lane conversation of @p turns turns, each answered by both lanes (lane 1's
/// answer to turn 0 with an image on the prompt and figures).
struct Stored {
    HistoryStore store;
    QTemporaryDir dir;
    ConversationRecord record;

    bool fill(int turns)
    {
        if (!store.open(dir.filePath(u"history.sqlite"_s)))
            return false;
        LaneRecord a;
        a.provider = u"groq"_s;
        a.model = u"m1"_s;
        a.parameters = {{u"temperature"_s, 0.5}};
        LaneRecord b;
        b.provider = u"together"_s;
        b.model = u"m2"_s;
        auto created = store.createConversation(u"Original"_s, {a, b});
        if (!created)
            return false;
        for (int i = 0; i < turns; ++i) {
            QList<ImageInput> images;
            if (i == 0)
                images << ImageInput{u"image/png"_s, QByteArray("\x89PNG fake bytes", 15), u"dot.png"_s};
            auto turn =
                store.addTurn(created->id, u"prompt %1"_s.arg(i), {created->lanes[0].id, created->lanes[1].id}, images);
            if (!turn)
                return false;
            for (AnswerRecord answer : turn->answers) {
                answer.state = AnswerState::Complete;
                answer.text = u"answer %1 of lane %2"_s.arg(i).arg(answer.laneId);
                answer.reasoning = u"thought %1"_s.arg(i);
                answer.usage = {{u"completion_tokens"_s, 7 + i}};
                answer.metrics = {{u"ttft_ms"_s, 120.5}};
                answer.cost = {{u"total_micro_usd"_s, 42}};
                answer.finishReason = u"stop"_s;
                answer.finishedAt = QDateTime::currentDateTimeUtc();
                if (!store.finishAnswer(answer))
                    return false;
            }
        }
        auto read = store.conversation(created->id);
        if (!read)
            return false;
        record = *read;
        return true;
    }
};

} // namespace

class tst_HistoryBranch : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resetAnswersEmptiesThemInPlace();
    void resetOfAnUnknownAnswerResetsNone();
    void branchCopiesTheTurnsBeforeTheEditedOne_data();
    void branchCopiesTheTurnsBeforeTheEditedOne();
    void branchOfAnotherConversationsTurnIsRefused();
};

void tst_HistoryBranch::resetAnswersEmptiesThemInPlace()
{
    Stored s;
    QVERIFY(s.fill(2));
    const TurnRecord last = s.record.turns.last();
    const AnswerRecord first = last.answers.first();
    QCOMPARE(s.store.search(u"answer"_s).value().size(), 4);

    auto reset = s.store.resetAnswers({first.id});
    QVERIFY2(reset, qPrintable(reset ? QString() : reset.error().message));
    QCOMPARE(reset->size(), 1);
    QCOMPARE(reset->first().id, first.id);
    QCOMPARE(reset->first().turnId, last.id);
    QCOMPARE(reset->first().laneId, first.laneId);

    const ConversationRecord after = s.store.conversation(s.record.id).value();
    QCOMPARE(after.turns.size(), 2);
    const AnswerRecord stored = after.turns.last().answers.first();
    QCOMPARE(stored.id, first.id); // the same row, in the same turn and lane
    QCOMPARE(stored.state, AnswerState::Streaming);
    QVERIFY(stored.text.isEmpty());
    QVERIFY(stored.reasoning.isEmpty());
    QVERIFY(stored.usage.isEmpty());
    QVERIFY(stored.metrics.isEmpty());
    QVERIFY(stored.cost.isEmpty());
    QVERIFY(stored.finishReason.isEmpty());
    QVERIFY(!stored.finishedAt.isValid());
    // The other lane's answer and the earlier turn are untouched.
    QCOMPARE(after.turns.last().answers.last(), last.answers.last());
    QCOMPARE(after.turns.first(), s.record.turns.first());
    // The old words are out of the search index; the new answer is written as usual.
    QCOMPARE(s.store.search(u"answer"_s).value().size(), 3);
    QVERIFY(s.store.checkpointAnswer(first.id, u"fresh words"_s, QString()));
    AnswerRecord finished = stored;
    finished.state = AnswerState::Complete;
    finished.text = u"fresh words again"_s;
    QVERIFY(s.store.finishAnswer(finished));
    QCOMPARE(s.store.conversation(s.record.id)->turns.last().answers.first().text, u"fresh words again"_s);
    QCOMPARE(s.store.search(u"fresh"_s).value().size(), 1);
}

void tst_HistoryBranch::resetOfAnUnknownAnswerResetsNone()
{
    Stored s;
    QVERIFY(s.fill(1));
    const qint64 known = s.record.turns.first().answers.first().id;
    auto reset = s.store.resetAnswers({known, 999999});
    QVERIFY(!reset);
    QCOMPARE(reset.error().kind, HistoryError::Kind::NotFound);
    // One transaction: the known answer kept its text.
    QCOMPARE(s.store.conversation(s.record.id).value(), s.record);
}

void tst_HistoryBranch::branchCopiesTheTurnsBeforeTheEditedOne_data()
{
    QTest::addColumn<int>("edited");
    QTest::addRow("first turn") << 0;
    QTest::addRow("second turn") << 1;
    QTest::addRow("last turn") << 2;
}

void tst_HistoryBranch::branchCopiesTheTurnsBeforeTheEditedOne()
{
    QFETCH(int, edited);
    Stored s;
    QVERIFY(s.fill(3));
    const ConversationRecord original = s.record;

    auto branch = s.store.branchConversation(original.id, original.turns.at(edited).id, u"Original (edit)"_s);
    QVERIFY2(branch, qPrintable(branch ? QString() : branch.error().message));
    QVERIFY(branch->id != original.id);
    QCOMPARE(branch->title, u"Original (edit)"_s);
    QCOMPARE(branch->lanes.size(), 2);

    const ConversationRecord copy = s.store.conversation(branch->id).value();
    QCOMPARE(copy.lanes.size(), 2);
    for (int i = 0; i < 2; ++i) {
        QVERIFY(copy.lanes[i].id != original.lanes[i].id);
        QCOMPARE(copy.lanes[i].provider, original.lanes[i].provider);
        QCOMPARE(copy.lanes[i].model, original.lanes[i].model);
        QCOMPARE(copy.lanes[i].parameters, original.lanes[i].parameters);
        QCOMPARE(copy.lanes[i].position, original.lanes[i].position);
    }
    QCOMPARE(copy.turns.size(), edited);
    for (int t = 0; t < edited; ++t) {
        const TurnRecord &from = original.turns.at(t);
        const TurnRecord &to = copy.turns.at(t);
        QVERIFY(to.id != from.id);
        QCOMPARE(to.prompt, from.prompt);
        QCOMPARE(to.images, from.images);
        QCOMPARE(to.createdAt, from.createdAt);
        QCOMPARE(to.answers.size(), from.answers.size());
        for (int a = 0; a < from.answers.size(); ++a) {
            AnswerRecord expected = from.answers.at(a);
            expected.id = to.answers.at(a).id;
            expected.turnId = to.id;
            expected.laneId = copy.lanes.at(a).id; // lane ids mapped to the copies
            QCOMPARE(to.answers.at(a), expected);
        }
    }
    // The original is unchanged, and both are listed.
    QCOMPARE(s.store.conversation(original.id).value(), original);
    QCOMPARE(s.store.conversations().value().size(), 2);
    // The copies are found by search too (their words, twice now), the edited turn's only once.
    if (edited > 0)
        QCOMPARE(s.store.search(u"\"prompt 0\""_s).value().size(), 2);
    QCOMPARE(s.store.search(u"\"prompt 2\""_s).value().size(), 1);
    // Deleting the original leaves the branch (and its image) whole.
    QVERIFY(s.store.deleteConversation(original.id));
    QCOMPARE(s.store.conversation(branch->id).value(), copy);
}

void tst_HistoryBranch::branchOfAnotherConversationsTurnIsRefused()
{
    Stored s;
    QVERIFY(s.fill(1));
    auto other = s.store.createConversation(u"Other"_s, {});
    QVERIFY(other);
    auto branch = s.store.branchConversation(other->id, s.record.turns.first().id, u"x"_s);
    QVERIFY(!branch);
    QCOMPARE(branch.error().kind, HistoryError::Kind::NotFound);
    QCOMPARE(s.store.conversations().value().size(), 2); // nothing was created
}

QTEST_GUILESS_MAIN(tst_HistoryBranch)
#include "tst_historybranch.moc"
