// SPDX-License-Identifier: GPL-3.0-or-later
// versus-cli compare --set NAME and versus-cli sets list, as processes against the loopback
// server with a private home: the set's lanes with their own parameters, -t lanes added, an
// unknown set a usage error naming the sets there are, a damaged file reported.
#include "clirun.h"
#include "compare/modelsets.h"
#include "openaichunks.h"
#include "scriptedserver.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace versus;
using namespace versus::test;

class tst_ModelSetCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void compareRunsTheSetsLanes();
    void unknownSetIsAUsageError_data();
    void unknownSetIsAUsageError();
    void listSets();
    void damagedFile();

private:
    CliRun run(const QStringList &arguments);
    QString setsPath() const { return m_home->filePath(QStringLiteral("config/versus/modelsets.json")); }
    void saveSampleSets();

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ScriptedServer> m_server;
};

void tst_ModelSetCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
    for (const char *provider : {"groq", "together", "ollama"}) {
        m_server->route(
            "POST", QByteArray("/") + provider + "/v1/chat/completions",
            ScriptedResponse::sseData({openAiContentChunk(QStringLiteral("hi from ") + QString::fromLatin1(provider)),
                                       openAiFinishChunk(3, 10)},
                                      5));
    }
}

CliRun tst_ModelSetCli::run(const QStringList &arguments)
{
    QMap<QString, QString> extra{
        {QStringLiteral("GROQ_API_KEY"), QStringLiteral("gsk_set_cli_test_key_0001")},
        {QStringLiteral("TOGETHER_API_KEY"), QStringLiteral("tgp_set_cli_test_key_0002")},
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

void tst_ModelSetCli::saveSampleSets()
{
    ModelSetLane groq;
    groq.target = {QStringLiteral("groq"), QStringLiteral("openai/gpt-oss-120b")};
    groq.parameters.model = groq.target.model;
    groq.parameters.systemPrompt = QStringLiteral("Answer like a pirate.");
    groq.parameters.temperature = 0.25;
    ModelSetLane together;
    together.target = {QStringLiteral("together"), QStringLiteral("openai/gpt-oss-120b")};
    together.parameters.model = together.target.model;
    together.parameters.maxTokens = 77;
    ModelSetFile file(setsPath());
    QVERIFY(file.save(ModelSet{QStringLiteral("Open weights"), {groq, together}}).has_value());
    QVERIFY(file.save(ModelSet{QStringLiteral("Local"),
                               {ModelSetLane{{QStringLiteral("ollama"), QStringLiteral("llama3:8b")}, {}, {}, {}}}})
                .has_value());
}

void tst_ModelSetCli::compareRunsTheSetsLanes()
{
    saveSampleSets();
    const CliRun result =
        run({QStringLiteral("compare"), QStringLiteral("--set"), QStringLiteral("open WEIGHTS"), QStringLiteral("-t"),
             QStringLiteral("ollama:llama3:8b"), QStringLiteral("--temperature"), QStringLiteral("0.9"),
             QStringLiteral("--json"), QStringLiteral("--no-history"), QStringLiteral("Hello")});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QJsonArray results = result.json().value(u"results").toArray();
    QCOMPARE(results.size(), 3);
    QCOMPARE(results.at(0).toObject().value(u"target").toString(), QStringLiteral("groq:openai/gpt-oss-120b"));
    QCOMPARE(results.at(1).toObject().value(u"target").toString(), QStringLiteral("together:openai/gpt-oss-120b"));
    QCOMPARE(results.at(2).toObject().value(u"target").toString(), QStringLiteral("ollama:llama3:8b"));
    QCOMPARE(results.at(2).toObject().value(u"text").toString(), QStringLiteral("hi from ollama"));

    // Each lane was asked with its own parameters: the set's for its lanes, the command line's for -t.
    QHash<QByteArray, QJsonObject> bodies;
    for (const RecordedRequest &request : m_server->requests())
        bodies.insert(request.path.split('/').value(1), QJsonDocument::fromJson(request.body).object());
    QCOMPARE(bodies.size(), 3);
    const QJsonObject groq = bodies.value("groq");
    QCOMPARE(groq.value(u"temperature").toDouble(), 0.25);
    QCOMPARE(groq.value(u"messages").toArray().first().toObject().value(u"content").toString(),
             QStringLiteral("Answer like a pirate."));
    QCOMPARE(bodies.value("together").value(u"max_tokens").toInt(), 77);
    QVERIFY(!bodies.value("together").contains(u"temperature"));
    QCOMPARE(bodies.value("ollama").value(u"temperature").toDouble(), 0.9);
    QCOMPARE(bodies.value("ollama").value(u"messages").toArray().first().toObject().value(u"role").toString(),
             QStringLiteral("user"));
}

void tst_ModelSetCli::unknownSetIsAUsageError_data()
{
    QTest::addColumn<bool>("withSets");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QStringList unknown{QStringLiteral("compare"), QStringLiteral("--set"), QStringLiteral("nope"),
                              QStringLiteral("Hi")};
    QTest::addRow("unknown set lists the sets") << true << unknown
                                                << QStringLiteral("no model set has that name; the sets are: "
                                                                  "Open weights, Local");
    QTest::addRow("no sets at all") << false << unknown << QStringLiteral("there are no saved model sets");
    QStringList tooMany{QStringLiteral("compare"), QStringLiteral("--set"), QStringLiteral("Open weights")};
    for (int i = 0; i < 5; ++i)
        tooMany << QStringLiteral("-t") << QStringLiteral("ollama:m%1").arg(i);
    QTest::addRow("set and -t over six lanes")
        << true << (tooMany << QStringLiteral("Hi")) << QStringLiteral("the set has 2 lanes and -t adds 5: at most 6");
    QTest::addRow("sets without list") << true << QStringList{QStringLiteral("sets")}
                                       << QStringLiteral("missing subcommand");
    QTest::addRow("chat has no --set") << true
                                       << QStringList{QStringLiteral("chat"), QStringLiteral("--set"),
                                                      QStringLiteral("Local"), QStringLiteral("Hi")}
                                       << QStringLiteral("set");
}

void tst_ModelSetCli::unknownSetIsAUsageError()
{
    QFETCH(bool, withSets);
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    if (withSets)
        saveSampleSets();
    const CliRun result = run(arguments);
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QCOMPARE(m_server->requestCount(), 0);
}

void tst_ModelSetCli::listSets()
{
    CliRun result = run({QStringLiteral("sets"), QStringLiteral("list")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.startsWith("No model sets saved"));

    saveSampleSets();
    result = run({QStringLiteral("sets"), QStringLiteral("list")});
    QCOMPARE(result.exitCode, 0);
    QCOMPARE(QString::fromUtf8(result.out),
             QStringLiteral("Open weights: groq:openai/gpt-oss-120b, together:openai/gpt-oss-120b\n"
                            "Local: ollama:llama3:8b\n"));

    result = run({QStringLiteral("sets"), QStringLiteral("list"), QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 0);
    const QJsonArray sets = result.json().value(u"sets").toArray();
    QCOMPARE(sets.size(), 2);
    QCOMPARE(sets.at(0).toObject().value(u"name").toString(), QStringLiteral("Open weights"));
    const QJsonObject lane = sets.at(0).toObject().value(u"lanes").toArray().at(0).toObject();
    QCOMPARE(lane.value(u"target").toString(), QStringLiteral("groq:openai/gpt-oss-120b"));
    QCOMPARE(lane.value(u"parameters").toObject().value(u"system").toString(), QStringLiteral("Answer like a pirate."));
}

void tst_ModelSetCli::damagedFile()
{
    QVERIFY(QDir().mkpath(QFileInfo(setsPath()).absolutePath()));
    QFile file(setsPath());
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("{\"sets\": [");
    file.close();
    CliRun result = run({QStringLiteral("sets"), QStringLiteral("list")});
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.err.contains(QStringLiteral("not valid JSON")), qPrintable(result.err));
    result = run({QStringLiteral("compare"), QStringLiteral("--set"), QStringLiteral("x"), QStringLiteral("Hi")});
    QCOMPARE(result.exitCode, 2);
    QVERIFY2(result.err.contains(QStringLiteral("not valid JSON")), qPrintable(result.err));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(file.readAll(), QByteArray("{\"sets\": ["));
}

QTEST_GUILESS_MAIN(tst_ModelSetCli)
#include "tst_modelsetcli.moc"
