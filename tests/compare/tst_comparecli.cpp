// SPDX-License-Identifier: GPL-3.0-or-later
// `versus-cli compare` (and chat's history) as a process against the loopback server, with a
// private home: lanes run concurrently, one JSON document, a table for people, a failing lane
// that does not stop the others, and the run saved to the history unless --no-history.
#include "clirun.h"
#include "history/historystore.h"
#include "openaichunks.h"
#include "providers/modellistcache.h"
#include "scriptedserver.h"

#include <QDir>
#include <QElapsedTimer>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace versus;
using namespace versus::test;

namespace {

ScriptedResponse answer(const QString &text, int pieces, int gapMs)
{
    QList<QByteArray> payloads;
    for (int i = 0; i < pieces; ++i)
        payloads << openAiContentChunk(i == 0 ? text : QStringLiteral(" ."));
    payloads << openAiFinishChunk(pieces, 15);
    return ScriptedResponse::sseData(payloads, gapMs);
}

} // namespace

class tst_CompareCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void lanesRunConcurrently();
    void failingLaneDoesNotStopTheOthers();
    void tableForPeople();
    void noHistorySavesNothing();
    void chatJsonNamesItsConversation();
    void usageErrors_data();
    void usageErrors();
    void pricingShowsWhatChatCharges();

private:
    CliRun run(const QStringList &arguments);
    QString historyPath() const { return m_home->filePath(QStringLiteral("data/versus/history.sqlite")); }
    QStringList threeLanes() const;

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ScriptedServer> m_server;
};

void tst_CompareCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
}

void tst_CompareCli::cleanup()
{
    m_server.reset();
    m_home.reset();
}

CliRun tst_CompareCli::run(const QStringList &arguments)
{
    QMap<QString, QString> extra{
        {QStringLiteral("GROQ_API_KEY"), QStringLiteral("gsk_compare_cli_test_key_0001")},
        {QStringLiteral("TOGETHER_API_KEY"), QStringLiteral("tgp_compare_cli_test_key_0002")},
    };
    for (const char *provider : {"groq", "together", "ollama"}) {
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

QStringList tst_CompareCli::threeLanes() const
{
    return {QStringLiteral("-t"), QStringLiteral("groq:openai/gpt-oss-120b"),
            QStringLiteral("-t"), QStringLiteral("together:openai/gpt-oss-120b"),
            QStringLiteral("-t"), QStringLiteral("ollama:llama3:8b")};
}

void tst_CompareCli::lanesRunConcurrently()
{
    // 1.2 s, 2.0 s and 0.8 s of streaming: in sequence they would take 4 s.
    m_server->route("POST", "/groq/v1/chat/completions", answer(QStringLiteral("groq says"), 6, 200));
    m_server->route("POST", "/together/v1/chat/completions", answer(QStringLiteral("together says"), 10, 200));
    m_server->route("POST", "/ollama/v1/chat/completions", answer(QStringLiteral("ollama says"), 4, 200));
    QList<qint64> received;
    QList<qint64> finished;
    QElapsedTimer clock;
    clock.start();
    connect(m_server.get(), &ScriptedServer::requestReceived, this, [&](int) { received << clock.elapsed(); });
    connect(m_server.get(), &ScriptedServer::responseFinished, this, [&](int) { finished << clock.elapsed(); });

    const CliRun result = run(QStringList{QStringLiteral("compare")} + threeLanes() +
                              QStringList{QStringLiteral("--json"), QStringLiteral("Say hello")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(received.size(), 3);
    QCOMPARE(finished.size(), 3);
    // Every lane's request was in flight before the first answer ended: they ran side by side.
    QVERIFY(*std::max_element(received.begin(), received.end()) < *std::min_element(finished.begin(), finished.end()));
    qInfo("compare of three lanes took %lld ms; the slowest lane streams for 2000 ms, the sum is 4000 ms",
          result.elapsedMs);

    const QJsonObject document = result.json();
    const QJsonArray results = document.value(u"results").toArray();
    QCOMPARE(results.size(), 3);
    const QStringList targets{QStringLiteral("groq:openai/gpt-oss-120b"),
                              QStringLiteral("together:openai/gpt-oss-120b"), QStringLiteral("ollama:llama3:8b")};
    for (int i = 0; i < 3; ++i) {
        const QJsonObject lane = results.at(i).toObject();
        QCOMPARE(lane.value(u"target").toString(), targets.at(i)); // in the order given
        QCOMPARE(lane.value(u"status").toString(), QStringLiteral("ok"));
        QVERIFY(lane.value(u"metrics").toObject().value(u"ttft_ms").isDouble());
        QVERIFY(lane.value(u"error").isNull());
    }
    QCOMPARE(results.at(1).toObject().value(u"text").toString(), QStringLiteral("together says . . . . . . . . ."));
    QVERIFY(results.at(2).toObject().value(u"cost").isNull() || results.at(2).toObject().value(u"cost").isObject());

    // The same run is in the history the app shows, under the id the document gives.
    const qint64 id = document.value(u"conversation_id").toInteger();
    QVERIFY(id > 0);
    history::HistoryStore store;
    QVERIFY(store.open(historyPath()).has_value());
    const auto record = store.conversation(id);
    QVERIFY(record.has_value());
    QCOMPARE(record->lanes.size(), 3);
    QCOMPARE(record->turns.size(), 1);
    QCOMPARE(record->turns.first().prompt, QStringLiteral("Say hello"));
    QCOMPARE(record->turns.first().answers.size(), 3);
    for (const history::AnswerRecord &a : record->turns.first().answers)
        QCOMPARE(a.state, history::AnswerState::Complete);
}

void tst_CompareCli::failingLaneDoesNotStopTheOthers()
{
    m_server->route("POST", "/groq/v1/chat/completions", answer(QStringLiteral("fine"), 2, 10));
    m_server->route("POST", "/together/v1/chat/completions",
                    ScriptedResponse::json(500, R"({"error":{"message":"upstream exploded"}})"));
    m_server->route("POST", "/ollama/v1/chat/completions", answer(QStringLiteral("also fine"), 2, 10));
    const CliRun result = run(
        QStringList{QStringLiteral("compare")} + threeLanes() +
        QStringList{QStringLiteral("--json"), QStringLiteral("--timeout"), QStringLiteral("10"), QStringLiteral("Hi")});
    QCOMPARE(result.exitCode, 1);
    const QJsonArray results = result.json().value(u"results").toArray();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).toObject().value(u"status").toString(), QStringLiteral("ok"));
    QCOMPARE(results.at(1).toObject().value(u"status").toString(), QStringLiteral("error"));
    QCOMPARE(results.at(1).toObject().value(u"error").toObject().value(u"kind").toString(), QStringLiteral("server"));
    QCOMPARE(results.at(2).toObject().value(u"status").toString(), QStringLiteral("ok"));
    QCOMPARE(results.at(2).toObject().value(u"text").toString(), QStringLiteral("also fine ."));
}

void tst_CompareCli::tableForPeople()
{
    m_server->route("POST", "/groq/v1/chat/completions", answer(QStringLiteral("a"), 3, 30));
    m_server->route("POST", "/together/v1/chat/completions", answer(QStringLiteral("b"), 3, 60));
    const CliRun result =
        run({QStringLiteral("compare"), QStringLiteral("-t"), QStringLiteral("groq:openai/gpt-oss-120b"),
             QStringLiteral("-t"), QStringLiteral("together:openai/gpt-oss-120b"), QStringLiteral("Hi")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QStringList lines = QString::fromUtf8(result.out).split(u'\n', Qt::SkipEmptyParts);
    QVERIFY2(lines.size() >= 3, result.out.constData());
    QVERIFY(lines.at(0).startsWith(QStringLiteral("lane")));
    for (const char *column : {"status", "ttft", "tok/s", "e2e", "tokens", "cost"})
        QVERIFY2(lines.at(0).contains(QLatin1String(column)), qPrintable(lines.at(0)));
    QVERIFY(lines.at(1).startsWith(QStringLiteral("groq:openai/gpt-oss-120b")));
    QVERIFY(lines.at(2).startsWith(QStringLiteral("together:openai/gpt-oss-120b")));
    QVERIFY(lines.at(1).contains(QStringLiteral(" ok ")));
    QVERIFY(lines.at(1).contains(u'$')); // both models have a price
    // The best of each column is marked, and the mark is explained.
    QVERIFY(lines.at(1).contains(u'*') || lines.at(2).contains(u'*'));
    QVERIFY(lines.last().contains(QStringLiteral("best of the column")));
    QVERIFY(result.err.contains(QStringLiteral("Saved as conversation")));
    // Not a terminal: no live status lines or escape codes.
    QVERIFY(!result.err.contains(QStringLiteral("\x1b[")));
}

void tst_CompareCli::noHistorySavesNothing()
{
    m_server->route("POST", "/groq/v1/chat/completions", answer(QStringLiteral("x"), 1, 0));
    const CliRun result =
        run({QStringLiteral("compare"), QStringLiteral("-t"), QStringLiteral("groq:openai/gpt-oss-120b"),
             QStringLiteral("--no-history"), QStringLiteral("--json"), QStringLiteral("unsaved words")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QVERIFY(result.json().value(u"conversation_id").isNull());
    QVERIFY(!QFile::exists(historyPath()));
}

void tst_CompareCli::chatJsonNamesItsConversation()
{
    m_server->route("POST", "/groq/v1/chat/completions", answer(QStringLiteral("Paris"), 1, 0));
    const CliRun result = run({QStringLiteral("chat"), QStringLiteral("-t"), QStringLiteral("groq:openai/gpt-oss-120b"),
                               QStringLiteral("--json"), QStringLiteral("Capital of France?")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QJsonObject lane = result.json();
    QCOMPARE(lane.value(u"text").toString(), QStringLiteral("Paris"));
    const qint64 id = lane.value(u"conversation_id").toInteger();
    QVERIFY(id > 0);
    const CliRun shown =
        run({QStringLiteral("history"), QStringLiteral("show"), QString::number(id), QStringLiteral("--json")});
    QCOMPARE(shown.exitCode, 0);
    const QJsonObject conversation = shown.json().value(u"conversation").toObject();
    QCOMPARE(conversation.value(u"title").toString(), QStringLiteral("Capital of France?"));
    QCOMPARE(conversation.value(u"turns").toArray().first()[u"answers"].toArray().first()[u"text"].toString(),
             QStringLiteral("Paris"));
}

void tst_CompareCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::addRow("no lane") << QStringList{QStringLiteral("compare"), QStringLiteral("Hi")}
                             << QStringLiteral("give 1 to 6");
    QStringList seven{QStringLiteral("compare")};
    for (int i = 0; i < 7; ++i)
        seven << QStringLiteral("-t") << QStringLiteral("groq:m%1").arg(i);
    QTest::addRow("seven lanes") << (seven << QStringLiteral("Hi")) << QStringLiteral("give 1 to 6");
    QTest::addRow("not provider:model") << QStringList{QStringLiteral("compare"), QStringLiteral("-t"),
                                                       QStringLiteral("groq"), QStringLiteral("Hi")}
                                        << QStringLiteral("is not PROVIDER:MODEL");
    QTest::addRow("unknown provider") << QStringList{QStringLiteral("compare"), QStringLiteral("-t"),
                                                     QStringLiteral("nope:model"), QStringLiteral("Hi")}
                                      << QStringLiteral("nope");
    QTest::addRow("no prompt") << QStringList{QStringLiteral("compare"), QStringLiteral("-t"),
                                              QStringLiteral("groq:openai/gpt-oss-120b")}
                               << QStringLiteral("prompt");
}

void tst_CompareCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const CliRun result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QCOMPARE(m_server->requestCount(), 0);
}

void tst_CompareCli::pricingShowsWhatChatCharges()
{
    // OpenRouter states its own prices in its model list: once cached, they are the prices,
    // for the table `pricing` prints and for what `chat` charges alike.
    ModelList list;
    list.providerId = QStringLiteral("openrouter");
    list.fetchedAtUtc = QDateTime::currentDateTimeUtc();
    ModelInfo model;
    model.id = QStringLiteral("openai/gpt-4o-mini");
    model.pricing = ModelPricing{170000, 650000, std::nullopt}; // $0.17 / $0.65 per million tokens
    list.models = {model};
    const ModelListCache cache(m_home->filePath(QStringLiteral("cache/versus/models")));
    QVERIFY(cache.write(list).has_value());

    // Both commands run in the same environment, as a user's shell would.
    const QMap<QString, QString> extra{
        {QStringLiteral("OPENROUTER_API_KEY"), QStringLiteral("sk-or-v1-compare-cli-test-key-0003")},
        {QStringLiteral("VERSUS_OPENROUTER_BASE_URL"), m_server->url(QStringLiteral("/openrouter/v1")).toString()}};
    CliRun pricing;
    QVERIFY(runCliProcess(QStringLiteral(VERSUS_CLI_PATH), {QStringLiteral("pricing"), QStringLiteral("--json")},
                          privateCliEnvironment(m_home->path(), extra), pricing));
    QVERIFY2(pricing.exitCode == 0, qPrintable(pricing.err));
    QJsonObject listed;
    for (const QJsonValue &entry : pricing.json().value(u"prices").toArray()) {
        if (entry[u"provider"].toString() == u"openrouter" && entry[u"model"].toString() == u"openai/gpt-4o-mini")
            listed = entry.toObject();
    }
    QCOMPARE(listed.value(u"origin").toString(), QStringLiteral("provider"));
    QCOMPARE(listed.value(u"input_per_mtok").toDouble(), 0.17);
    QCOMPARE(listed.value(u"output_per_mtok").toDouble(), 0.65);

    m_server->route("POST", "/openrouter/v1/chat/completions", answer(QStringLiteral("ok"), 1, 0));
    CliRun chat;
    QVERIFY(
        runCliProcess(QStringLiteral(VERSUS_CLI_PATH),
                      {QStringLiteral("chat"), QStringLiteral("-t"), QStringLiteral("openrouter:openai/gpt-4o-mini"),
                       QStringLiteral("--json"), QStringLiteral("--no-history"), QStringLiteral("Hi")},
                      privateCliEnvironment(m_home->path(), extra), chat));
    QVERIFY2(chat.exitCode == 0, qPrintable(chat.err));
    const QJsonObject cost = chat.json().value(u"cost").toObject();
    // 15 prompt tokens at $0.17 and 1 completion token at $0.65 per million.
    QCOMPARE(cost.value(u"input_usd").toDouble(), 0.000003); // 2.55 micro-USD, rounded half up
    QCOMPARE(cost.value(u"output_usd").toDouble(), 0.000001);
    QCOMPARE(cost.value(u"price_source").toString(), listed.value(u"source").toString());
}

QTEST_GUILESS_MAIN(tst_CompareCli)
#include "tst_comparecli.moc"
