// SPDX-License-Identifier: GPL-3.0-or-later
// kill -9 at random moments: a writer process (crashwriter.cpp) adds turns and streams
// answers into one store; it is killed at a random moment, the store is reopened and every
// write the writer acknowledged must be there. The seed is printed; VERSUS_CRASH_SEED
// replays a run.
#include "crashtext.h"
#include "history/historystore.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QHash>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace versus::history;

class TestHistoryCrash : public QObject {
    Q_OBJECT

private slots:
    void killedWriterLosesNoAcknowledgedWrite_data();
    void killedWriterLosesNoAcknowledgedWrite();
    void hotJournalIsRolledBack();
};

namespace {

QString integrityCheck(const QString &path)
{
    const QString name = u"tst-crash-integrity"_s;
    QString result;
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, name);
        db.setDatabaseName(path);
        if (db.open()) {
            QSqlQuery query(db);
            if (query.exec(u"PRAGMA integrity_check"_s)) {
                QStringList rows;
                while (query.next())
                    rows << query.value(0).toString();
                result = rows.join(u"; "_s);
            } else {
                result = u"integrity_check failed to run"_s;
            }
        }
        db.close();
    }
    QSqlDatabase::removeDatabase(name);
    return result;
}

} // namespace

void TestHistoryCrash::killedWriterLosesNoAcknowledgedWrite_data()
{
    QTest::addColumn<QString>("writerPath");
    QTest::addColumn<int>("rounds");
    QTest::addColumn<int>("maxDelayMs");
    // The store driven directly at a checkpoint cadence, and the real path: an Engine and a
    // Comparison streaming two lanes over loopback HTTP, checkpointed by their LaneRuns.
    QTest::addRow("store") << QStringLiteral(VERSUS_CRASH_WRITER) << 60 << 400;
    QTest::addRow("comparison") << QStringLiteral(VERSUS_COMPARISON_CRASH_WRITER) << 50 << 700;
}

void TestHistoryCrash::killedWriterLosesNoAcknowledgedWrite()
{
    QFETCH(QString, writerPath);
    QFETCH(int, rounds);
    QFETCH(int, maxDelayMs);
    const quint32 seed = qEnvironmentVariableIsSet("VERSUS_CRASH_SEED")
                             ? quint32(qEnvironmentVariableIntValue("VERSUS_CRASH_SEED"))
                             : QRandomGenerator::global()->generate();
    qInfo("crash test seed: %u (replay with VERSUS_CRASH_SEED=%u)", seed, seed);
    QRandomGenerator random(seed);

    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"versus/history.sqlite"_s);

    QHash<qint64, QString> ackedPrompts;     // turn id -> prompt
    QHash<qint64, qsizetype> ackedLength;    // answer id -> last acknowledged length
    QHash<qint64, qsizetype> finishedLength; // answer id -> final length
    int killsWhileStreaming = 0;
    int checkpoints = 0;
    QElapsedTimer clock;
    clock.start();

    const int kRounds = rounds;
    for (rounds = 0; rounds < kRounds; ++rounds) {
        QProcess writer;
        writer.setProcessChannelMode(QProcess::SeparateChannels);
        writer.start(writerPath, {path, QString::number(random.generate())});
        QVERIFY2(writer.waitForStarted(5000), qPrintable(writer.errorString()));
        // Mostly while streaming, sometimes during open() or the first turn.
        const int delayMs = int(random.bounded(rounds % 5 == 0 ? 0 : 30, maxDelayMs));
        QTest::qSleep(delayMs);
        QCOMPARE(writer.state(), QProcess::Running); // it never exits by itself
        writer.kill();                               // SIGKILL
        QVERIFY(writer.waitForFinished(5000));
        QCOMPARE(writer.exitStatus(), QProcess::CrashExit);

        QByteArray out = writer.readAllStandardOutput();
        out.truncate(out.lastIndexOf('\n') + 1); // a line cut by the kill was never acknowledged
        for (const QByteArray &line : out.split('\n')) {
            const QString text = QString::fromUtf8(line);
            const QStringList parts = text.split(u' ');
            if (parts.at(0) == u"ack-turn") {
                ackedPrompts.insert(parts.at(1).toLongLong(), text.section(u' ', 2));
            } else if (parts.at(0) == u"ack-checkpoint") {
                ackedLength.insert(parts.at(1).toLongLong(), parts.at(2).toLongLong());
                ++checkpoints;
            } else if (parts.at(0) == u"ack-finish") {
                finishedLength.insert(parts.at(1).toLongLong(), parts.at(2).toLongLong());
            }
        }
        QVERIFY2(writer.readAllStandardError().isEmpty(), "the writer reported an error");

        HistoryStore store;
        const auto report = store.open(path);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QVERIFY2(report->movedAsideTo.isEmpty(), qPrintable(report->corruptionReason));
        if (report->interruptedAnswers > 0)
            ++killsWhileStreaming;
        QCOMPARE(integrityCheck(path), u"ok"_s);

        const auto list = store.conversations();
        QVERIFY(list);
        if (ackedPrompts.isEmpty())
            continue;
        // The store writer continues one conversation; each run of the comparison writer starts one.
        QVERIFY(!list->isEmpty());
        QList<ConversationRecord> conversations;
        for (const ConversationSummary &summary : *list) {
            const auto conversation = store.conversation(summary.id);
            QVERIFY(conversation);
            conversations.append(*conversation);
        }
        QHash<qint64, const TurnRecord *> turns;
        QHash<qint64, const AnswerRecord *> answers;
        for (const ConversationRecord &conversation : std::as_const(conversations)) {
            for (const TurnRecord &turn : conversation.turns) {
                turns.insert(turn.id, &turn);
                for (const AnswerRecord &answer : turn.answers) {
                    answers.insert(answer.id, &answer);
                    QVERIFY2(answer.state != AnswerState::Streaming, "an answer was left streaming");
                    // Whatever is stored is a prefix of what was streamed.
                    QCOMPARE(answer.text, crashStreamText(answer.id, answer.text.size()));
                }
            }
        }
        for (auto it = ackedPrompts.cbegin(); it != ackedPrompts.cend(); ++it) {
            QVERIFY2(turns.contains(it.key()), qPrintable(u"acknowledged turn %1 lost"_s.arg(it.key())));
            QCOMPARE(turns.value(it.key())->prompt, it.value());
        }
        for (auto it = ackedLength.cbegin(); it != ackedLength.cend(); ++it) {
            const AnswerRecord *answer = answers.value(it.key());
            QVERIFY2(answer, qPrintable(u"checkpointed answer %1 lost"_s.arg(it.key())));
            if (finishedLength.contains(it.key()))
                continue;
            // Killed after its last acknowledged checkpoint: interrupted — or finished, when the
            // kill fell between the final save's commit and its acknowledgement line.
            QVERIFY2(answer->state == AnswerState::Interrupted || answer->state == AnswerState::Complete,
                     qPrintable(u"answer %1 is %2"_s.arg(it.key()).arg(answerStateName(answer->state))));
            QVERIFY2(answer->text.size() >= it.value(),
                     qPrintable(
                         u"answer %1: %2 < acknowledged %3"_s.arg(it.key()).arg(answer->text.size()).arg(it.value())));
        }
        for (auto it = finishedLength.cbegin(); it != finishedLength.cend(); ++it) {
            const AnswerRecord *answer = answers.value(it.key());
            QVERIFY2(answer, qPrintable(u"finished answer %1 lost"_s.arg(it.key())));
            QCOMPARE(answer->state, AnswerState::Complete);
            QCOMPARE(answer->text.size(), it.value());
        }
    }
    qInfo("%d rounds in %lld ms: %lld acknowledged turns, %d acknowledged checkpoints, %lld finished answers, "
          "%d kills left an answer streaming",
          rounds, clock.elapsed(), qint64(ackedPrompts.size()), checkpoints, qint64(finishedLength.size()),
          killsWhileStreaming);
    // The test must have exercised what it claims to.
    QVERIFY(ackedPrompts.size() >= kRounds / 2);
    QVERIFY(killsWhileStreaming >= kRounds / 2);
}

void TestHistoryCrash::hotJournalIsRolledBack()
{
    // A writer killed in the middle of a transaction before the file was in WAL mode leaves a
    // hot rollback journal. The next open rolls it back (the uncommitted writes vanish, the
    // committed ones stay) instead of calling the history unwritable at every start.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QString path = dir.filePath(u"history.sqlite"_s);
    {
        HistoryStore store;
        QVERIFY(store.open(path));
        QVERIFY(store.createConversation(u"committed"_s, {}));
    }
    QProcess holder;
    holder.start(QStringLiteral(VERSUS_JOURNAL_HOLDER), {path});
    QVERIFY2(holder.waitForReadyRead(30000), holder.readAllStandardError().constData());
    QCOMPARE(holder.readAllStandardOutput(), QByteArray("holding\n"));
    holder.kill(); // SIGKILL
    QVERIFY(holder.waitForFinished(5000));
    QVERIFY(QFileInfo(path + u"-journal"_s).size() > 0);

    for (int open = 0; open < 2; ++open) {
        HistoryStore store;
        const auto report = store.open(path);
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QVERIFY(report->movedAsideTo.isEmpty());
        const auto list = store.conversations();
        QVERIFY(list);
        QStringList titles;
        for (const auto &conversation : *list)
            titles << conversation.title;
        titles.sort();
        const QStringList expected =
            open == 0 ? QStringList{u"committed"_s} : QStringList{u"committed"_s, u"written after"_s};
        QCOMPARE(titles, expected);
        if (open == 0)
            QVERIFY(store.createConversation(u"written after"_s, {}));
    }
    QVERIFY(!QFileInfo::exists(path + u"-journal"_s));
    QCOMPARE(integrityCheck(path), u"ok"_s);
}

QTEST_GUILESS_MAIN(TestHistoryCrash)
#include "tst_historycrash.moc"
