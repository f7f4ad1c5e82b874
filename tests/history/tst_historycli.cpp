// SPDX-License-Identifier: GPL-3.0-or-later
// `versus-cli history`, run as a process with a private XDG_DATA_HOME whose store the test
// fills through HistoryStore.
#include "clirun.h"
#include "export/conversationexport.h"
#include "history/historystore.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace Qt::StringLiterals;
using namespace versus::history;

namespace {

using Run = versus::test::CliRun;

LaneRecord lane(const QString &provider, const QString &model)
{
    LaneRecord record;
    record.provider = provider;
    record.model = model;
    return record;
}

QJsonObject parseObject(const QByteArray &bytes)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !document.isObject())
        qWarning("not one JSON object: %s\n%s", qPrintable(error.errorString()), bytes.constData());
    return document.object();
}

} // namespace

class TestHistoryCli : public QObject {
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void listJson();
    void listReadable();
    void showJson();
    void showMarkdown();
    void searchJson();
    void searchReadable();
    void exportFormats_data();
    void exportFormats();
    void exportToPrivateFile();
    void deleteConversation();
    void unknownIdFails_data();
    void unknownIdFails();
    void help_data();
    void help();
    void usageErrors_data();
    void usageErrors();
    void corruptFileIsReported();
    void emptyHistory();

private:
    std::unique_ptr<QTemporaryDir> m_home;
    ConversationRecord m_astronomy;
    ConversationRecord m_cooking;
    QString storePath() const { return m_home->filePath(u"data/versus/history.sqlite"_s); }
    Run run(const QStringList &arguments);
};

void TestHistoryCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    HistoryStore store;
    QVERIFY(store.open(storePath()));

    auto astronomy =
        store.createConversation(u"Astronomy"_s, {lane(u"groq"_s, u"llama"_s), lane(u"ollama"_s, u"qwen:7b"_s)});
    QVERIFY(astronomy);
    auto turn = store.addTurn(astronomy->id, u"Which telescope, \"refractor\" or not?"_s,
                              {astronomy->lanes.at(0).id, astronomy->lanes.at(1).id});
    QVERIFY(turn);
    AnswerRecord first = turn->answers.at(0);
    first.state = AnswerState::Complete;
    first.text = u"A small refractor, to start."_s;
    first.finishReason = u"stop"_s;
    first.usage = {{u"prompt_tokens"_s, 10}, {u"completion_tokens"_s, 20}};
    first.metrics = {{u"ttft_ms"_s, 150}, {u"e2e_ms"_s, 800}, {u"output_tokens_per_s"_s, 25.5}};
    first.cost = {{u"total_usd"_s, 0.00002}};
    first.finishedAt = QDateTime::currentDateTimeUtc();
    QVERIFY(store.finishAnswer(first));
    AnswerRecord second = turn->answers.at(1);
    second.state = AnswerState::Error;
    second.error = {{u"kind"_s, u"network"_s}, {u"message"_s, u"connection refused"_s}};
    second.finishedAt = QDateTime::currentDateTimeUtc();
    QVERIFY(store.finishAnswer(second));
    QTest::qSleep(3);

    auto cooking = store.createConversation(u"Cooking"_s, {lane(u"mistral"_s, u"small"_s)});
    QVERIFY(cooking);
    auto recipe = store.addTurn(cooking->id, u"Bread recipe?"_s, {cooking->lanes.at(0).id});
    AnswerRecord bread = recipe->answers.at(0);
    bread.state = AnswerState::Complete;
    bread.text = u"Flour, water, salt, yeast."_s;
    bread.finishedAt = QDateTime::currentDateTimeUtc();
    QVERIFY(store.finishAnswer(bread));

    m_astronomy = *store.conversation(astronomy->id);
    m_cooking = *store.conversation(cooking->id);
}

void TestHistoryCli::cleanup()
{
    m_home.reset();
}

Run TestHistoryCli::run(const QStringList &arguments)
{
    Run result;
    if (!versus::test::runCliProcess(QStringLiteral(VERSUS_CLI_PATH), QStringList{u"history"_s} + arguments,
                                     versus::test::privateCliEnvironment(m_home->path()), result, 60'000,
                                     m_home->path()))
        result.exitCode = -1;
    return result;
}

void TestHistoryCli::listJson()
{
    const Run result = run({u"list"_s, u"--json"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    const QJsonObject document = parseObject(result.out);
    QCOMPARE(document.keys(), QStringList{u"conversations"_s});
    const QJsonArray list = document.value(u"conversations").toArray();
    QCOMPARE(list.size(), 2);
    const QJsonObject newest = list.at(0).toObject();
    QCOMPARE(newest.keys(), QStringList({u"created_at"_s, u"id"_s, u"lanes"_s, u"targets"_s, u"title"_s, u"turns"_s,
                                         u"updated_at"_s}));
    QCOMPARE(newest.value(u"id").toInteger(), m_cooking.id);
    QCOMPARE(newest.value(u"title").toString(), u"Cooking"_s);
    QCOMPARE(newest.value(u"created_at").toString(), versus::exports::isoTime(m_cooking.createdAt));
    QCOMPARE(newest.value(u"updated_at").toString(), versus::exports::isoTime(m_cooking.updatedAt));
    QCOMPARE(newest.value(u"lanes").toInt(), 1);
    QCOMPARE(newest.value(u"turns").toInt(), 1);
    QCOMPARE(newest.value(u"targets").toArray(), QJsonArray({u"mistral:small"_s}));
    const QJsonObject older = list.at(1).toObject();
    QCOMPARE(older.value(u"id").toInteger(), m_astronomy.id);
    QCOMPARE(older.value(u"lanes").toInt(), 2);
    QCOMPARE(older.value(u"targets").toArray(), QJsonArray({u"groq:llama"_s, u"ollama:qwen:7b"_s}));
}

void TestHistoryCli::listReadable()
{
    const Run result = run({u"list"_s});
    QCOMPARE(result.exitCode, 0);
    const QString out = QString::fromUtf8(result.out);
    QVERIFY2(out.contains(u"Astronomy"_s) && out.contains(u"Cooking"_s), qPrintable(out));
    QVERIFY(out.indexOf(u"Cooking"_s) < out.indexOf(u"Astronomy"_s));
    QVERIFY(out.contains(u"groq:llama, ollama:qwen:7b"_s));
}

void TestHistoryCli::showJson()
{
    const Run result = run({u"show"_s, QString::number(m_astronomy.id), u"--json"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    const QJsonObject document = parseObject(result.out);
    QCOMPARE(document.keys(), QStringList{u"conversation"_s});
    const QJsonObject conversation = document.value(u"conversation").toObject();
    QCOMPARE(conversation.keys(),
             QStringList({u"created_at"_s, u"id"_s, u"lanes"_s, u"title"_s, u"turns"_s, u"updated_at"_s}));
    QCOMPARE(conversation.value(u"id").toInteger(), m_astronomy.id);
    QCOMPARE(conversation.value(u"title").toString(), u"Astronomy"_s);
    const QJsonArray lanes = conversation.value(u"lanes").toArray();
    QCOMPARE(lanes.size(), 2);
    QCOMPARE(lanes.at(1).toObject().value(u"target").toString(), u"ollama:qwen:7b"_s);
    QCOMPARE(lanes.at(1).toObject().value(u"model").toString(), u"qwen:7b"_s);
    const QJsonArray turns = conversation.value(u"turns").toArray();
    QCOMPARE(turns.size(), 1);
    const QJsonObject turn = turns.at(0).toObject();
    QCOMPARE(turn.keys(), QStringList({u"answers"_s, u"created_at"_s, u"images"_s, u"prompt"_s}));
    QCOMPARE(turn.value(u"images").toArray(), QJsonArray()); // a prompt without images
    QCOMPARE(turn.value(u"prompt").toString(), m_astronomy.turns.at(0).prompt);
    const QJsonArray answers = turn.value(u"answers").toArray();
    QCOMPARE(answers.size(), 2);
    const QJsonObject ok = answers.at(0).toObject();
    QCOMPARE(ok.keys(), QStringList({u"cost"_s, u"error"_s, u"finish_reason"_s, u"finished_at"_s, u"lane_id"_s,
                                     u"metrics"_s, u"reasoning"_s, u"started_at"_s, u"state"_s, u"structured_output"_s,
                                     u"target"_s, u"text"_s, u"tool_calls"_s, u"tool_rounds"_s, u"usage"_s}));
    QCOMPARE(ok.value(u"lane_id").toInteger(), m_astronomy.lanes.at(0).id);
    QCOMPARE(ok.value(u"target").toString(), u"groq:llama"_s);
    QCOMPARE(ok.value(u"state").toString(), u"complete"_s);
    QCOMPARE(ok.value(u"text").toString(), u"A small refractor, to start."_s);
    QCOMPARE(ok.value(u"reasoning").toString(), QString());
    QCOMPARE(ok.value(u"tool_calls").toArray(), QJsonArray());
    QCOMPARE(ok.value(u"finish_reason").toString(), u"stop"_s);
    QCOMPARE(ok.value(u"usage").toObject().value(u"completion_tokens").toInt(), 20);
    QCOMPARE(ok.value(u"metrics").toObject().value(u"output_tokens_per_s").toDouble(), 25.5);
    QCOMPARE(ok.value(u"cost").toObject().value(u"total_usd").toDouble(), 0.00002);
    QVERIFY(ok.value(u"error").isNull());
    QCOMPARE(ok.value(u"started_at").toString(),
             versus::exports::isoTime(m_astronomy.turns.at(0).answers.at(0).startedAt));
    QVERIFY(ok.value(u"finished_at").toString().endsWith(u'Z'));
    const QJsonObject failed = answers.at(1).toObject();
    QCOMPARE(failed.value(u"state").toString(), u"error"_s);
    QCOMPARE(failed.value(u"error").toObject().value(u"kind").toString(), u"network"_s);
    QVERIFY(failed.value(u"usage").isNull());
    QVERIFY(failed.value(u"metrics").isNull());
    QVERIFY(failed.value(u"cost").isNull());
    QVERIFY(failed.value(u"finish_reason").isNull());
    // The same document as the JSON export.
    QCOMPARE(document, versus::exports::conversationToJson(m_astronomy));
}

void TestHistoryCli::showMarkdown()
{
    const Run result = run({u"show"_s, QString::number(m_astronomy.id)});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(QString::fromUtf8(result.out), versus::exports::conversationToMarkdown(m_astronomy));
    QVERIFY(result.out.startsWith("# Astronomy\n"));
}

void TestHistoryCli::searchJson()
{
    const Run result = run({u"search"_s, u"refractor"_s, u"--json"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    const QJsonObject document = parseObject(result.out);
    QCOMPARE(document.keys(), QStringList{u"hits"_s});
    const QJsonArray hits = document.value(u"hits").toArray();
    QCOMPARE(hits.size(), 2); // the prompt and the first answer
    bool sawPrompt = false;
    bool sawAnswer = false;
    for (const QJsonValue &value : hits) {
        const QJsonObject hit = value.toObject();
        QCOMPARE(hit.keys(), QStringList({u"answer_id"_s, u"conversation_id"_s, u"snippet"_s, u"title"_s, u"turn_id"_s,
                                          u"updated_at"_s}));
        QCOMPARE(hit.value(u"conversation_id").toInteger(), m_astronomy.id);
        QCOMPARE(hit.value(u"turn_id").toInteger(), m_astronomy.turns.at(0).id);
        QCOMPARE(hit.value(u"title").toString(), u"Astronomy"_s);
        QCOMPARE(hit.value(u"updated_at").toString(), versus::exports::isoTime(m_astronomy.updatedAt));
        QVERIFY(hit.value(u"snippet").toString().contains(u"[refractor]"_s));
        if (hit.value(u"answer_id").isNull()) {
            sawPrompt = true;
        } else {
            QCOMPARE(hit.value(u"answer_id").toInteger(), m_astronomy.turns.at(0).answers.at(0).id);
            sawAnswer = true;
        }
    }
    QVERIFY(sawPrompt && sawAnswer);

    // Several words, operators taken literally.
    QCOMPARE(parseObject(run({u"search"_s, u"flour"_s, u"yeast"_s, u"--json"_s}).out).value(u"hits").toArray().size(),
             1);
    const Run literal = run({u"search"_s, u"flour"_s, u"OR"_s, u"telescope"_s, u"--json"_s});
    QCOMPARE(literal.exitCode, 0);
    QCOMPARE(parseObject(literal.out).value(u"hits").toArray().size(), 0);
}

void TestHistoryCli::searchReadable()
{
    const Run result = run({u"search"_s, u"yeast"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(QString::fromUtf8(result.out).contains(u"Cooking (answer): Flour, water, salt, [yeast]."_s),
             result.out.constData());
    const Run none = run({u"search"_s, u"zyzzyva"_s});
    QCOMPARE(none.exitCode, 0);
    QVERIFY(none.out.isEmpty());
    QVERIFY(none.err.contains(u"No matches"_s));
}

void TestHistoryCli::exportFormats_data()
{
    QTest::addColumn<QString>("format");
    QTest::addRow("md") << u"md"_s;
    QTest::addRow("json") << u"json"_s;
    QTest::addRow("csv") << u"csv"_s;
}

void TestHistoryCli::exportFormats()
{
    QFETCH(QString, format);
    const Run result = run({u"export"_s, QString::number(m_astronomy.id), u"--format"_s, format});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.isEmpty(), qPrintable(result.err));
    if (format == u"md") {
        QCOMPARE(QString::fromUtf8(result.out), versus::exports::conversationToMarkdown(m_astronomy));
    } else if (format == u"json") {
        QCOMPARE(parseObject(result.out), versus::exports::conversationToJson(m_astronomy));
    } else {
        QCOMPARE(QString::fromUtf8(result.out), versus::exports::conversationToCsv(m_astronomy));
        const QList<QByteArray> lines = result.out.split('\n');
        QCOMPARE(lines.size(), 4); // header, two answers, "" after the last line end
        QVERIFY(lines.at(0).startsWith("conversation_id,turn,lane,target,state,prompt,text,"));
        const QByteArray row = QString::number(m_astronomy.id).toUtf8() +
                               ",1,1,groq:llama,complete,\"Which telescope, \"\"refractor\"\" or not?\","
                               "\"A small refractor, to start.\",150,800,25.5,10,20,0.00002,\r";
        QCOMPARE(lines.at(1), row);
        QVERIFY(lines.at(2).trimmed().endsWith(",network"));
    }
}

void TestHistoryCli::exportToPrivateFile()
{
    const QString out = m_home->filePath(u"astronomy.csv"_s);
    QFile existing(out);
    QVERIFY(existing.open(QIODevice::WriteOnly));
    existing.write("old contents");
    existing.close();
    QVERIFY(existing.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther));

    const Run result = run({u"export"_s, QString::number(m_astronomy.id), u"--format"_s, u"csv"_s, u"--out"_s, out});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.isEmpty());
    QFile file(out);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), versus::exports::conversationToCsv(m_astronomy));
    struct stat info {};
    QCOMPARE(::stat(QFile::encodeName(out).constData(), &info), 0);
    QCOMPARE(info.st_mode & 07777, mode_t(0600));

    const Run bad = run({u"export"_s, QString::number(m_astronomy.id), u"--format"_s, u"md"_s, u"--out"_s,
                         m_home->filePath(u"no/such/dir/x.md"_s)});
    QCOMPARE(bad.exitCode, 1);
    QVERIFY(bad.err.contains(u"cannot write"_s));
}

void TestHistoryCli::deleteConversation()
{
    const Run result = run({u"delete"_s, QString::number(m_astronomy.id)});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(QString::fromUtf8(result.out).contains(QString::number(m_astronomy.id)));
    const QJsonArray list = parseObject(run({u"list"_s, u"--json"_s}).out).value(u"conversations").toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toObject().value(u"id").toInteger(), m_cooking.id);
    QCOMPARE(parseObject(run({u"search"_s, u"refractor"_s, u"--json"_s}).out).value(u"hits").toArray().size(), 0);
    HistoryStore store;
    QVERIFY(store.open(storePath()));
    QCOMPARE(store.conversation(m_astronomy.id).error().kind, HistoryError::Kind::NotFound);
    // Deleting it again: it is unknown now.
    QCOMPARE(run({u"delete"_s, QString::number(m_astronomy.id)}).exitCode, 1);
}

void TestHistoryCli::unknownIdFails_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addRow("show") << QStringList{u"show"_s, u"999"_s};
    QTest::addRow("show json") << QStringList{u"show"_s, u"999"_s, u"--json"_s};
    QTest::addRow("export") << QStringList{u"export"_s, u"999"_s, u"--format"_s, u"md"_s};
    QTest::addRow("delete") << QStringList{u"delete"_s, u"999"_s};
}

void TestHistoryCli::unknownIdFails()
{
    QFETCH(QStringList, arguments);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 1);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains(u"no conversation with id 999"_s), qPrintable(result.err));
}

void TestHistoryCli::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addRow("history") << QStringList{u"--help"_s};
    QTest::addRow("list") << QStringList{u"list"_s, u"--help"_s};
    QTest::addRow("show") << QStringList{u"show"_s, u"-h"_s};
    QTest::addRow("search") << QStringList{u"search"_s, u"--help"_s};
    QTest::addRow("export") << QStringList{u"export"_s, u"--help"_s};
    QTest::addRow("delete") << QStringList{u"delete"_s, u"--help"_s};
}

void TestHistoryCli::help()
{
    QFETCH(QStringList, arguments);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 0);
    const QString out = QString::fromUtf8(result.out);
    QVERIFY2(out.startsWith(u"Usage: versus-cli history list"_s), qPrintable(out));
    QVERIFY(out.contains(u"export ID --format md|json|csv [--out FILE]"_s));
    QVERIFY(result.err.isEmpty());
}

void TestHistoryCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addRow("no subcommand") << QStringList{} << u"missing subcommand"_s;
    QTest::addRow("unknown subcommand") << QStringList{u"frobnicate"_s} << u"unknown subcommand"_s;
    QTest::addRow("unknown option") << QStringList{u"list"_s, u"--frob"_s} << u"frob"_s;
    QTest::addRow("list with argument") << QStringList{u"list"_s, u"7"_s} << u"unexpected argument"_s;
    QTest::addRow("show without id") << QStringList{u"show"_s} << u"exactly one conversation ID"_s;
    QTest::addRow("show two ids") << QStringList{u"show"_s, u"1"_s, u"2"_s} << u"exactly one conversation ID"_s;
    QTest::addRow("id not a number") << QStringList{u"show"_s, u"abc"_s} << u"not a conversation ID"_s;
    QTest::addRow("zero id") << QStringList{u"delete"_s, u"0"_s} << u"not a conversation ID"_s;
    QTest::addRow("search without words") << QStringList{u"search"_s} << u"words"_s;
    QTest::addRow("export without format") << QStringList{u"export"_s, u"1"_s} << u"--format"_s;
    QTest::addRow("export bad format") << QStringList{u"export"_s, u"1"_s, u"--format"_s, u"pdf"_s}
                                       << u"unknown format 'pdf'"_s;
    QTest::addRow("export json flag") << QStringList{u"export"_s, u"1"_s, u"--format"_s, u"md"_s, u"--json"_s}
                                      << u"--json"_s;
    QTest::addRow("format outside export") << QStringList{u"show"_s, u"1"_s, u"--format"_s, u"md"_s} << u"--format"_s;
    QTest::addRow("delete json") << QStringList{u"delete"_s, u"1"_s, u"--json"_s} << u"--json"_s;
}

void TestHistoryCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY(result.err.contains(u"Usage: versus-cli history"_s));
    // A usage error never touches the store: both conversations are still there.
    HistoryStore store;
    QVERIFY(store.open(storePath()));
    QCOMPARE(store.conversations()->size(), 2);
}

void TestHistoryCli::corruptFileIsReported()
{
    QFile file(storePath());
    QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
    file.write(QByteArray(8192, 'x'));
    file.close();
    const Run result = run({u"list"_s, u"--json"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY2(result.err.contains(u"moved to "_s + storePath() + u".corrupt-"_s), qPrintable(result.err));
    QCOMPARE(parseObject(result.out).value(u"conversations").toArray().size(), 0);
    const QStringList moved =
        QDir(QFileInfo(storePath()).absolutePath()).entryList({u"history.sqlite.corrupt-*"_s}, QDir::Files);
    QCOMPARE(moved.size(), 1);
}

void TestHistoryCli::emptyHistory()
{
    QVERIFY(QFile::remove(storePath()));
    const Run result = run({u"list"_s});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.isEmpty());
    QVERIFY(result.err.contains(u"No stored conversations"_s));
}

QTEST_GUILESS_MAIN(TestHistoryCli)
#include "tst_historycli.moc"
