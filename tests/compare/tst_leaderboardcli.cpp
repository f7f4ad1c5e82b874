// SPDX-License-Identifier: GPL-3.0-or-later
// versus-cli's verdicts as processes against the loopback server, with a private home:
// compare --blind (lanes as Lane A, B, C; the mapping only at the end) and --tag, vote, and
// leaderboard (a table for people, one JSON document, filters by date and tag).
#include "clirun.h"
#include "compare/leaderboard.h"
#include "history/historystore.h"
#include "openaichunks.h"
#include "scriptedserver.h"

#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace versus;
using namespace versus::test;
using namespace Qt::StringLiterals;

namespace {

ScriptedResponse answer(const QString &text)
{
    return ScriptedResponse::sseData({openAiContentChunk(text), openAiFinishChunk(3, 9)}, 5);
}

const QStringList kTargets = {u"groq:openai/gpt-oss-120b"_s, u"together:openai/gpt-oss-120b"_s, u"ollama:llama3:8b"_s};

} // namespace

class tst_LeaderboardCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void blindCompareJson();
    void blindCompareTable();
    void voteThenLeaderboard();
    void leaderboardFilters_data();
    void leaderboardFilters();
    void voteErrors_data();
    void voteErrors();

private:
    CliRun run(const QStringList &arguments);
    /// A compare of the three lanes (with @p extra options); its conversation id.
    qint64 compare(const QStringList &extra = {});
    QString historyPath() const { return m_home->filePath(u"data/versus/history.sqlite"_s); }

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ScriptedServer> m_server;
};

void tst_LeaderboardCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
    m_server->route("POST", "/groq/v1/chat/completions", answer(u"groq says"_s));
    m_server->route("POST", "/together/v1/chat/completions", answer(u"together says"_s));
    m_server->route("POST", "/ollama/v1/chat/completions", answer(u"ollama says"_s));
}

void tst_LeaderboardCli::cleanup()
{
    m_server.reset();
    m_home.reset();
}

CliRun tst_LeaderboardCli::run(const QStringList &arguments)
{
    QMap<QString, QString> extra{
        {u"GROQ_API_KEY"_s, u"gsk_leaderboard_cli_test_key_0001"_s},
        {u"TOGETHER_API_KEY"_s, u"tgp_leaderboard_cli_test_key_0002"_s},
    };
    for (const char *provider : {"groq", "together", "ollama"}) {
        const QString id = QString::fromLatin1(provider);
        extra.insert(u"VERSUS_%1_BASE_URL"_s.arg(id.toUpper()), m_server->url(u"/%1/v1"_s.arg(id)).toString());
    }
    CliRun result;
    if (!runCliProcess(QStringLiteral(VERSUS_CLI_PATH), arguments, privateCliEnvironment(m_home->path(), extra),
                       result))
        result.exitCode = -1;
    return result;
}

qint64 tst_LeaderboardCli::compare(const QStringList &extra)
{
    QStringList arguments{u"compare"_s};
    for (const QString &target : kTargets)
        arguments << u"-t"_s << target;
    const CliRun result = run(arguments + extra + QStringList{u"--json"_s, u"Which is best?"_s});
    if (result.exitCode != 0) {
        qWarning("compare failed: %s", qPrintable(result.err));
        return 0;
    }
    return result.json().value(u"conversation_id").toInteger();
}

void tst_LeaderboardCli::blindCompareJson()
{
    QStringList arguments{u"compare"_s};
    for (const QString &target : kTargets)
        arguments << u"-t"_s << target;
    const CliRun result = run(arguments + QStringList{u"--blind"_s, u"--tag"_s, u"code"_s, u"--tag"_s, u" Fast "_s,
                                                      u"--json"_s, u"Which is best?"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QJsonObject document = result.json();
    const QJsonObject mapping = document.value(u"blind").toObject();
    QCOMPARE(mapping.keys(), (QStringList{u"A"_s, u"B"_s, u"C"_s}));
    QStringList mapped;
    for (const QJsonValue &target : mapping)
        mapped << target.toString();
    mapped.sort();
    QStringList sorted = kTargets;
    sorted.sort();
    QCOMPARE(mapped, sorted); // every lane, once
    const QJsonArray results = document.value(u"results").toArray();
    QCOMPARE(results.size(), 3);
    for (int i = 0; i < 3; ++i) {
        const QJsonObject lane = results.at(i).toObject();
        const QString label = QString(QChar(u'A' + i));
        QCOMPARE(lane.value(u"label").toString(), label); // in the order shown
        QCOMPARE(lane.value(u"target").toString(), mapping.value(label).toString());
        QCOMPARE(lane.value(u"text").toString(), lane.value(u"provider").toString() + u" says"_s);
    }
    // The tags are on the stored turn.
    history::HistoryStore store;
    QVERIFY(store.open(historyPath()).has_value());
    const auto record = store.conversation(document.value(u"conversation_id").toInteger());
    QVERIFY(record.has_value());
    QCOMPARE(record->turns.first().tags, (QStringList{u"code"_s, u"Fast"_s}));
}

void tst_LeaderboardCli::blindCompareTable()
{
    QStringList arguments{u"compare"_s};
    for (const QString &target : kTargets)
        arguments << u"-t"_s << target;
    const CliRun result = run(arguments + QStringList{u"--blind"_s, u"Which is best?"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QStringList lines = QString::fromUtf8(result.out).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 7, result.out.constData());
    QVERIFY(lines.at(0).startsWith(u"lane"_s));
    // The table names lanes by letter, in order, and no target...
    for (int i = 0; i < 3; ++i)
        QVERIFY2(lines.at(1 + i).startsWith(u"Lane %1 "_s.arg(QChar(u'A' + i))), qPrintable(lines.at(1 + i)));
    const qsizetype mappingStart = lines.size() - 3;
    for (qsizetype i = 0; i < mappingStart; ++i) {
        for (const QString &target : kTargets)
            QVERIFY2(!lines.at(i).contains(target), qPrintable(lines.at(i)));
    }
    // ... until the mapping, at the end.
    QStringList mapped;
    for (int i = 0; i < 3; ++i) {
        const QString line = lines.at(mappingStart + i);
        QVERIFY2(line.startsWith(u"Lane %1 = "_s.arg(QChar(u'A' + i))), qPrintable(line));
        mapped << line.section(u" = "_s, 1);
    }
    mapped.sort();
    QStringList sorted = kTargets;
    sorted.sort();
    QCOMPARE(mapped, sorted);
}

void tst_LeaderboardCli::voteThenLeaderboard()
{
    const qint64 first = compare();
    const qint64 second = compare({u"--tag"_s, u"code"_s});
    QVERIFY(first > 0 && second > first);

    // Lane 2 (together) best in the first; then changed to lane 1 (groq); a tie in the second.
    CliRun voted = run({u"vote"_s, QString::number(first), u"1"_s, u"2"_s});
    QVERIFY2(voted.exitCode == 0, qPrintable(voted.err));
    QVERIFY2(voted.out.contains("together:openai/gpt-oss-120b"), voted.out.constData());
    voted = run({u"vote"_s, QString::number(first), u"1"_s, u"1"_s, u"--note"_s, u"shorter"_s});
    QVERIFY2(voted.exitCode == 0, qPrintable(voted.err));
    voted = run({u"vote"_s, QString::number(second), u"1"_s, u"tie"_s});
    QVERIFY2(voted.exitCode == 0, qPrintable(voted.err));

    {
        history::HistoryStore store;
        QVERIFY(store.open(historyPath()).has_value());
        const auto votes = store.votes(first);
        QVERIFY(votes.has_value());
        QCOMPARE(votes->size(), 1); // replaced, not added
        QCOMPARE(votes->first().note, u"shorter"_s);
        QVERIFY(!votes->first().blind);
    }

    const CliRun board = run({u"leaderboard"_s, u"--json"_s});
    QVERIFY2(board.exitCode == 0, qPrintable(board.err));
    const QJsonObject document = board.json();
    QVERIFY(document.value(u"method").toString().contains(u"Bradley-Terry"_s));
    const QJsonArray entries = document.value(u"leaderboard").toArray();
    QCOMPARE(entries.size(), 3);
    // groq: 1 win, 1 tie; together and ollama: 1 loss, 1 tie each; groq first.
    const QJsonObject top = entries.at(0).toObject();
    QCOMPARE(top.value(u"model").toString(), kTargets.at(0));
    QCOMPARE(top.value(u"votes").toInt(), 2);
    QCOMPARE(top.value(u"wins").toInt(), 1);
    QCOMPARE(top.value(u"losses").toInt(), 0);
    QCOMPARE(top.value(u"ties").toInt(), 1);
    QCOMPARE(top.value(u"all_bad").toInt(), 0);
    for (int i = 1; i < 3; ++i) {
        const QJsonObject entry = entries.at(i).toObject();
        QCOMPARE(entry.value(u"wins").toInt(), 0);
        QCOMPARE(entry.value(u"losses").toInt(), 1);
        QCOMPARE(entry.value(u"ties").toInt(), 1);
    }
    for (const QJsonValue &value : entries) {
        const QJsonObject entry = value.toObject();
        QVERIFY(entry.value(u"ci_low").toDouble() < entry.value(u"rating").toDouble());
        QVERIFY(entry.value(u"rating").toDouble() < entry.value(u"ci_high").toDouble());
    }
    // The ratings are those of the pairwise results the votes stand for: groq beat each of
    // the two others once, and the three tied each other once.
    const QList<ModelRating> expected = BradleyTerry::fit({{kTargets.at(0), kTargets.at(1), false},
                                                           {kTargets.at(0), kTargets.at(2), false},
                                                           {kTargets.at(0), kTargets.at(1), true},
                                                           {kTargets.at(0), kTargets.at(2), true},
                                                           {kTargets.at(1), kTargets.at(2), true}});
    QCOMPARE(top.value(u"rating").toDouble(), std::round(expected.first().rating * 10) / 10);

    // For people: a table with the same ranking.
    const CliRun table = run({u"leaderboard"_s});
    QVERIFY2(table.exitCode == 0, qPrintable(table.err));
    const QStringList lines = QString::fromUtf8(table.out).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 4, table.out.constData());
    QVERIFY(lines.at(0).contains(u"rating"_s));
    QVERIFY2(lines.at(1).contains(kTargets.at(0)), qPrintable(lines.at(1)));
    QVERIFY(lines.at(1).contains(u" ?"_s)); // two votes: not a verdict yet
}

void tst_LeaderboardCli::leaderboardFilters_data()
{
    QTest::addColumn<QStringList>("options");
    QTest::addColumn<int>("votes");
    QTest::addRow("all") << QStringList{} << 2;
    QTest::addRow("tag") << QStringList{u"--tag"_s, u"CODE"_s} << 1;
    QTest::addRow("unknown tag") << QStringList{u"--tag"_s, u"poetry"_s} << 0;
    QTest::addRow("since long ago") << QStringList{u"--since"_s, u"2000-01-01"_s} << 2;
    QTest::addRow("since tomorrow") << QStringList{u"--since"_s, QDate::currentDate().addDays(2).toString(Qt::ISODate)}
                                    << 0;
}

void tst_LeaderboardCli::leaderboardFilters()
{
    QFETCH(QStringList, options);
    QFETCH(int, votes);
    const qint64 first = compare();
    const qint64 second = compare({u"--tag"_s, u"code"_s});
    QVERIFY(first > 0 && second > 0);
    QCOMPARE(run({u"vote"_s, QString::number(first), u"1"_s, u"3"_s}).exitCode, 0);
    QCOMPARE(run({u"vote"_s, QString::number(second), u"1"_s, u"all-bad"_s}).exitCode, 0);
    const CliRun board = run(QStringList{u"leaderboard"_s, u"--json"_s} + options);
    QVERIFY2(board.exitCode == 0, qPrintable(board.err));
    QCOMPARE(board.json().value(u"votes").toInt(), votes);
    int counted = 0;
    for (const QJsonValue &entry : board.json().value(u"leaderboard").toArray())
        counted = std::max(counted, entry.toObject().value(u"votes").toInt());
    QCOMPARE(counted, votes);
}

void tst_LeaderboardCli::voteErrors_data()
{
    QTest::addColumn<QStringList>("arguments"); // %1 is the conversation id
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    QTest::addRow("too few") << QStringList{u"%1"_s, u"1"_s} << 2 << u"give a conversation ID"_s;
    QTest::addRow("not an id") << QStringList{u"x"_s, u"1"_s, u"1"_s} << 2 << u"not a conversation ID"_s;
    QTest::addRow("not a turn") << QStringList{u"%1"_s, u"0"_s, u"1"_s} << 2 << u"not a turn position"_s;
    QTest::addRow("not a lane") << QStringList{u"%1"_s, u"1"_s, u"best"_s} << 2 << u"neither a lane position"_s;
    QTest::addRow("unknown conversation") << QStringList{u"99999"_s, u"1"_s, u"1"_s} << 1 << u"no conversation 99999"_s;
    QTest::addRow("no such turn") << QStringList{u"%1"_s, u"2"_s, u"tie"_s} << 1 << u"has 1 turn(s), not 2"_s;
    QTest::addRow("no such lane") << QStringList{u"%1"_s, u"1"_s, u"4"_s} << 1 << u"lane 4 has no answer"_s;
}

void tst_LeaderboardCli::voteErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    const qint64 id = compare();
    QVERIFY(id > 0);
    for (QString &argument : arguments)
        argument.replace(u"%1"_s, QString::number(id));
    const CliRun result = run(QStringList{u"vote"_s} + arguments);
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.err.contains(says), qPrintable(result.err));
    history::HistoryStore store;
    QVERIFY(store.open(historyPath()).has_value());
    QCOMPARE(store.votes(id)->size(), 0); // nothing recorded
}

QTEST_GUILESS_MAIN(tst_LeaderboardCli)
#include "tst_leaderboardcli.moc"
