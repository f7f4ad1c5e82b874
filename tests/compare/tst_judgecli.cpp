// SPDX-License-Identifier: GPL-3.0-or-later
// `versus-cli compare --judge P:M [--rubric FILE]` as a process against the loopback server:
// the judge is sent the answers by letter once the lanes are done; its scores join each lane
// result and the table; a judge that fails leaves the lanes' results intact and says why.
#include "clirun.h"
#include "history/historystore.h"
#include "openaichunks.h"
#include "scriptedserver.h"

#include <QFile>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace versus;
using namespace versus::test;

namespace {

ScriptedResponse answer(const QString &text)
{
    return ScriptedResponse::sseData({openAiContentChunk(text), openAiFinishChunk(3, 15)}, 10);
}

const QByteArray kJudgePath = "/deepseek/v1/chat/completions";

} // namespace

class tst_JudgeCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void scoresJoinTheResults();
    void tableHasAJudgeColumn();
    void failingJudgeLeavesTheLanes_data();
    void failingJudgeLeavesTheLanes();
    void usageErrors_data();
    void usageErrors();

private:
    CliRun run(const QStringList &arguments);
    QStringList twoLanes() const
    {
        return {QStringLiteral("compare"), QStringLiteral("-t"), QStringLiteral("groq:openai/gpt-oss-120b"),
                QStringLiteral("-t"), QStringLiteral("together:openai/gpt-oss-120b")};
    }
    void routeLanes()
    {
        m_server->route("POST", "/groq/v1/chat/completions", answer(QStringLiteral("Paris.")));
        m_server->route("POST", "/together/v1/chat/completions", answer(QStringLiteral("Lyon, I think.")));
    }
    QList<RecordedRequest> judgeRequests() const
    {
        QList<RecordedRequest> found;
        for (const RecordedRequest &request : m_server->requests()) {
            if (request.pathWithoutQuery() == kJudgePath)
                found << request;
        }
        return found;
    }

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ScriptedServer> m_server;
};

void tst_JudgeCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
}

void tst_JudgeCli::cleanup()
{
    m_server.reset();
    m_home.reset();
}

CliRun tst_JudgeCli::run(const QStringList &arguments)
{
    QMap<QString, QString> extra{
        {QStringLiteral("GROQ_API_KEY"), QStringLiteral("gsk_judge_cli_test_key_0001")},
        {QStringLiteral("TOGETHER_API_KEY"), QStringLiteral("tgp_judge_cli_test_key_0002")},
        {QStringLiteral("DEEPSEEK_API_KEY"), QStringLiteral("sk_judge_cli_test_key_0003")},
    };
    for (const char *provider : {"groq", "together", "deepseek"}) {
        const QString id = QString::fromLatin1(provider);
        extra.insert(QStringLiteral("VERSUS_%1_BASE_URL").arg(id.toUpper()),
                     m_server->url(QStringLiteral("/%1/v1").arg(id)).toString());
    }
    CliRun result;
    if (!runCliProcess(QStringLiteral(VERSUS_CLI_PATH), arguments, privateCliEnvironment(m_home->path(), extra),
                       result))
        result.exitCode = -1;
    return result;
}

void tst_JudgeCli::scoresJoinTheResults()
{
    routeLanes();
    m_server->route("POST", kJudgePath,
                    answer(QStringLiteral(R"({"scores":[{"answer":"A","score":9,"reason":"Correct."},)"
                                          R"({"answer":"B","score":2,"reason":"Lyon is not the capital."}]})")));
    const QString rubricPath = m_home->filePath(QStringLiteral("rubric.txt"));
    {
        QFile rubric(rubricPath);
        QVERIFY(rubric.open(QIODevice::WriteOnly));
        rubric.write("Only correctness counts.\n");
    }
    const CliRun result =
        run(twoLanes() + QStringList{QStringLiteral("--judge"), QStringLiteral("deepseek:deepseek-v4-flash"),
                                     QStringLiteral("--rubric"), rubricPath, QStringLiteral("--json"),
                                     QStringLiteral("Capital of France?")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QJsonObject document = result.json();
    QVERIFY(document.contains(u"judge_error"));
    QVERIFY(document.value(u"judge_error").isNull());
    const QJsonArray results = document.value(u"results").toArray();
    QCOMPARE(results.size(), 2);
    const QJsonObject a = results.at(0).toObject().value(u"judge").toObject();
    const QJsonObject b = results.at(1).toObject().value(u"judge").toObject();
    QCOMPARE(a.value(u"score").toDouble(), 9.0);
    QCOMPARE(a.value(u"reason").toString(), QStringLiteral("Correct."));
    QCOMPARE(a.value(u"judge").toString(), QStringLiteral("deepseek:deepseek-v4-flash"));
    QCOMPARE(b.value(u"score").toDouble(), 2.0);

    // The judge was asked once the lanes were done, with the answers by letter and the rubric.
    const QList<RecordedRequest> asked = judgeRequests();
    QCOMPARE(asked.size(), 1);
    QCOMPARE(m_server->requests().last().pathWithoutQuery(), kJudgePath);
    const QString text = asked.first().json().value(u"messages").toArray().last()[u"content"].toString();
    QVERIFY(text.contains(QStringLiteral("Answer A:\n<<<\nParis.\n>>>")));
    QVERIFY(text.contains(QStringLiteral("Answer B:\n<<<\nLyon, I think.\n>>>")));
    QVERIFY(text.contains(QStringLiteral("Only correctness counts.")));
    QVERIFY(!asked.first().body.contains("gpt-oss"));

    // Stored with the conversation.
    history::HistoryStore store;
    QVERIFY(store.open(m_home->filePath(QStringLiteral("data/versus/history.sqlite"))).has_value());
    const auto judgements = store.judgements(document.value(u"conversation_id").toInteger());
    QVERIFY(judgements.has_value());
    QCOMPARE(judgements->size(), 2);
}

void tst_JudgeCli::tableHasAJudgeColumn()
{
    routeLanes();
    m_server->route("POST", kJudgePath,
                    answer(QStringLiteral("Scores:\n```json\n{\"scores\":[{\"answer\":\"A\",\"score\":8.5,\"reason\":"
                                          "\"ok\"},{\"answer\":\"B\",\"score\":3,\"reason\":\"no\"}]}\n```")));
    const CliRun result =
        run(twoLanes() + QStringList{QStringLiteral("--judge"), QStringLiteral("deepseek:deepseek-v4-flash"),
                                     QStringLiteral("Capital of France?")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QStringList lines = QString::fromUtf8(result.out).split(u'\n');
    QVERIFY2(lines.value(0).contains(QStringLiteral("judge")), result.out.constData());
    const auto row = [&lines](const QString &target) {
        for (const QString &line : lines) {
            if (line.startsWith(target))
                return line;
        }
        return QString();
    };
    QVERIFY2(row(QStringLiteral("groq:")).trimmed().endsWith(QStringLiteral("8.5")), result.out.constData());
    QVERIFY2(row(QStringLiteral("together:")).trimmed().endsWith(QStringLiteral("3")), result.out.constData());
}

void tst_JudgeCli::failingJudgeLeavesTheLanes_data()
{
    QTest::addColumn<QByteArray>("status");
    QTest::addColumn<QString>("reply");
    QTest::addColumn<QString>("kind");
    QTest::addColumn<QString>("words");
    QTest::addRow("401") << QByteArray("401") << QStringLiteral(R"({"error":{"message":"Authentication Fails"}})")
                         << QStringLiteral("auth") << QStringLiteral("Authentication Fails");
    QTest::addRow("a score missing") << QByteArray("200")
                                     << QStringLiteral(R"({"scores":[{"answer":"A","score":9,"reason":"ok"}]})")
                                     << QStringLiteral("stream") << QStringLiteral("did not score answer B");
    QTest::addRow("no JSON") << QByteArray("200") << QStringLiteral("Both are fine, really.")
                             << QStringLiteral("stream") << QStringLiteral("no JSON object");
}

void tst_JudgeCli::failingJudgeLeavesTheLanes()
{
    QFETCH(QByteArray, status);
    QFETCH(QString, reply);
    QFETCH(QString, kind);
    QFETCH(QString, words);
    routeLanes();
    m_server->route("POST", kJudgePath,
                    status == "200" ? answer(reply) : ScriptedResponse::json(status.toInt(), reply.toUtf8()));
    const CliRun result =
        run(twoLanes() + QStringList{QStringLiteral("--judge"), QStringLiteral("deepseek:deepseek-v4-flash"),
                                     QStringLiteral("--json"), QStringLiteral("Capital of France?")});
    QCOMPARE(result.exitCode, 0); // the lanes succeeded
    const QJsonObject document = result.json();
    const QJsonArray results = document.value(u"results").toArray();
    QCOMPARE(results.size(), 2);
    for (const QJsonValue &lane : results) {
        QCOMPARE(lane[u"status"].toString(), QStringLiteral("ok"));
        QVERIFY(lane.toObject().contains(u"judge"));
        QVERIFY(lane[u"judge"].isNull());
    }
    const QJsonObject error = document.value(u"judge_error").toObject();
    QCOMPARE(error.value(u"kind").toString(), kind);
    QVERIFY2(error.value(u"message").toString().contains(words), qPrintable(error.value(u"message").toString()));
    QVERIFY2(result.err.contains(QStringLiteral("judge deepseek:deepseek-v4-flash")), qPrintable(result.err));
    QVERIFY2(result.err.contains(words), qPrintable(result.err));
}

void tst_JudgeCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("words");
    QTest::addRow("judge without model") << QStringList{QStringLiteral("--judge"), QStringLiteral("deepseek")}
                                         << QStringLiteral("is not PROVIDER:MODEL");
    QTest::addRow("rubric without judge") << QStringList{QStringLiteral("--rubric"), QStringLiteral("/dev/null")}
                                          << QStringLiteral("--rubric needs --judge");
    QTest::addRow("rubric not there") << QStringList{QStringLiteral("--judge"), QStringLiteral("deepseek:x"),
                                                     QStringLiteral("--rubric"), QStringLiteral("/nonexistent/rubric")}
                                      << QStringLiteral("--rubric /nonexistent/rubric");
}

void tst_JudgeCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, words);
    const CliRun result = run(twoLanes() + arguments + QStringList{QStringLiteral("Hello")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(words), qPrintable(result.err));
    QVERIFY(m_server->requests().isEmpty());
}

QTEST_GUILESS_MAIN(tst_JudgeCli)
#include "tst_judgecli.moc"
