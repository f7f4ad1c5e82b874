// SPDX-License-Identifier: GPL-3.0-or-later
// `versus-cli chat -t gemini:MODEL` as a process against the loopback server (base URL from
// VERSUS_GEMINI_BASE_URL): the lane result's text, reasoning, usage, finish, metrics and cost
// from the bundled price; and a tool loop with the built-in calculator whose second request
// sends the function call back with its thoughtSignature, and the functionResponse.
#include "clirun.h"
#include "fixture.h"
#include "scriptedserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>

using namespace versus::test;
using namespace Qt::StringLiterals;

namespace {

const QByteArray kKey = "AIza-gemini-cli-test-key-0001";

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

// One streamed GenerateContentResponse: @p parts, then optionally a finish and usage.
QByteArray response(const QJsonArray &parts, const QString &finish = {}, const QJsonObject &usage = {})
{
    QJsonObject candidate{{u"content"_s, QJsonObject{{u"parts"_s, parts}, {u"role"_s, u"model"_s}}}, {u"index"_s, 0}};
    if (!finish.isEmpty())
        candidate.insert(u"finishReason"_s, finish);
    QJsonObject object{{u"candidates"_s, QJsonArray{candidate}}, {u"modelVersion"_s, u"gemini-2.5-flash"_s}};
    if (!usage.isEmpty())
        object.insert(u"usageMetadata"_s, usage);
    return compact(object);
}

QJsonObject usage(int prompt, int candidates, int thoughts)
{
    return {{u"promptTokenCount"_s, prompt},
            {u"candidatesTokenCount"_s, candidates},
            {u"thoughtsTokenCount"_s, thoughts},
            {u"totalTokenCount"_s, prompt + candidates + thoughts}};
}

ScriptedResponse stream(const QList<QByteArray> &events)
{
    return ScriptedResponse::sseData(events, 5, false); // no [DONE]: Gemini's stream ends with its body
}

const char *kTools = R"([
  {"type": "function", "function": {"name": "calculator", "description": "Exact arithmetic",
    "parameters": {"type": "object", "properties": {"expression": {"type": "string"}},
                   "required": ["expression"], "additionalProperties": false}},
   "result": {"builtin": "calculator"}}
])";

} // namespace

class TestGeminiCli : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init();
    void cleanup();
    void chatJson();
    void toolLoopSendsSignatureBack();

private:
    CliRun run(const QStringList &arguments);
    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ScriptedServer> m_server;
};

void TestGeminiCli::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
}

void TestGeminiCli::cleanup()
{
    m_server.reset();
    m_home.reset();
}

CliRun TestGeminiCli::run(const QStringList &arguments)
{
    const QMap<QString, QString> extra{{u"GEMINI_API_KEY"_s, QString::fromLatin1(kKey)},
                                       {u"VERSUS_GEMINI_BASE_URL"_s, m_server->url("/v1beta").toString()}};
    CliRun result;
    if (!runCliProcess(QStringLiteral(VERSUS_CLI_PATH), arguments, privateCliEnvironment(m_home->path(), extra),
                       result))
        result.exitCode = -1;
    return result;
}

void TestGeminiCli::chatJson()
{
    const Fixture fixture = loadFixture(u"gemini"_s, u"thoughts"_s);
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error));
    // One write per event, 40 ms apart: a decode speed needs time between the first and last token.
    m_server->route("POST", "/v1beta/models/gemini-2.5-flash:streamGenerateContent",
                    ScriptedResponse(fixture.response).splitBodyAtEvents(40));
    const CliRun result = run({u"chat"_s, u"-t"_s, u"gemini:gemini-2.5-flash"_s, u"--reasoning-effort"_s, u"low"_s,
                               u"--json"_s, u"--no-history"_s, u"hi"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QJsonObject lane = result.json();
    QCOMPARE(lane.value(u"target"_s).toString(), u"gemini:gemini-2.5-flash"_s);
    QCOMPARE(lane.value(u"status"_s).toString(), u"ok"_s);
    QCOMPARE(lane.value(u"text"_s).toString(), u"Hello! How can I help you today?"_s);
    QVERIFY(lane.value(u"reasoning"_s).toString().startsWith(u"**Answering the greeting**"_s));
    QCOMPARE(lane.value(u"finish_reason"_s).toString(), u"stop"_s);
    QVERIFY(lane.value(u"error"_s).isNull());

    const QJsonObject usage = lane.value(u"usage"_s).toObject();
    QCOMPARE(usage.value(u"prompt_tokens"_s).toInt(), 6);
    QCOMPARE(usage.value(u"completion_tokens"_s).toInt(), 50);
    QCOMPARE(usage.value(u"reasoning_tokens"_s).toInt(), 41);
    QVERIFY(usage.value(u"cached_prompt_tokens"_s).isNull());
    QCOMPARE(usage.value(u"source"_s).toString(), u"provider"_s);

    const QJsonObject metrics = lane.value(u"metrics"_s).toObject();
    // Token-bearing reads: one per event, unless a late client reads two at once.
    QVERIFY(metrics.value(u"chunks"_s).toInt() >= 2 && metrics.value(u"chunks"_s).toInt() <= 3);
    const double ttft = metrics.value(u"ttft_ms"_s).toDouble();
    const double ttfat = metrics.value(u"ttfat_ms"_s).toDouble();
    const double e2e = metrics.value(u"e2e_ms"_s).toDouble();
    QVERIFY(ttft > 0);
    QVERIFY2(ttfat >= ttft, "the answer's first text comes after the first thought");
    QVERIFY(e2e >= ttfat);
    QVERIFY(metrics.value(u"output_tokens_per_s"_s).toDouble() > 0);
    QVERIFY(metrics.value(u"server"_s).isNull());

    // Bundled price of gemini-2.5-flash: 0.30 USD/Mtok in, 2.50 out (thinking included).
    const QJsonObject cost = lane.value(u"cost"_s).toObject();
    QCOMPARE(cost.value(u"input_usd"_s).toDouble(), 0.000002);  // 6 × 0.30 µUSD = 1.8, rounded to the µUSD
    QCOMPARE(cost.value(u"output_usd"_s).toDouble(), 0.000125); // 50 × 2.50 µUSD
    QCOMPARE(cost.value(u"estimated"_s).toBool(), false);
    QCOMPARE(cost.value(u"price_source"_s).toString(), u"https://ai.google.dev/gemini-api/docs/pricing"_s);

    QCOMPARE(m_server->requestCount(), 1);
    const RecordedRequest request = m_server->request(0);
    QCOMPARE(request.path, QByteArray("/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"));
    QCOMPARE(request.header("x-goog-api-key"), kKey);
    const QJsonObject thinking = request.json()[u"generationConfig"_s][u"thinkingConfig"_s].toObject();
    QCOMPARE(thinking.value(u"thinkingBudget"_s).toInt(), 1024);
    QCOMPARE(thinking.value(u"includeThoughts"_s).toBool(), true);
}

void TestGeminiCli::toolLoopSendsSignatureBack()
{
    const QString signature = u"CiQBcsjafGemini+Signature/Round1=="_s;
    m_server->enqueue(stream({
        response({QJsonObject{{u"text"_s, u"Multiply first."_s}, {u"thought"_s, true}}}),
        response({QJsonObject{{u"text"_s, u"Let me compute that."_s}},
                  QJsonObject{{u"functionCall"_s, QJsonObject{{u"name"_s, u"calculator"_s},
                                                              {u"args"_s, QJsonObject{{u"expression"_s, u"6*7"_s}}}}},
                              {u"thoughtSignature"_s, signature}}},
                 u"STOP"_s, usage(40, 12, 20)),
    }));
    m_server->enqueue(stream({response({QJsonObject{{u"text"_s, u"6 × 7 is 42."_s}}}, u"STOP"_s, usage(90, 8, 0))}));
    const QString toolsPath = m_home->filePath(u"tools.json"_s);
    QFile file(toolsPath);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(kTools);
    file.close();

    const CliRun result = run({u"chat"_s, u"-t"_s, u"gemini:gemini-2.5-flash"_s, u"--tools"_s, toolsPath, u"--json"_s,
                               u"--no-history"_s, u"What is 6 times 7?"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(m_server->requestCount(), 2);

    // Round 1 offered the tool as a function declaration, without Versus' "result" member.
    const QJsonObject first = m_server->request(0).json();
    const QJsonObject declaration = first[u"tools"_s][0][u"functionDeclarations"_s][0].toObject();
    QCOMPARE(declaration.value(u"name"_s).toString(), u"calculator"_s);
    QVERIFY(!declaration.contains(u"result"_s));

    // Round 2: the user's turn, the model's turn with the call and its signature on the same
    // part, and the result as a functionResponse in a user turn.
    const QJsonArray contents = m_server->request(1).json().value(u"contents"_s).toArray();
    QCOMPARE(contents.size(), 3);
    QCOMPARE(contents.at(0)[u"role"_s].toString(), u"user"_s);
    QCOMPARE(contents.at(0)[u"parts"_s][0][u"text"_s].toString(), u"What is 6 times 7?"_s);
    const QJsonObject model = contents.at(1).toObject();
    QCOMPARE(model.value(u"role"_s).toString(), u"model"_s);
    const QJsonArray modelParts = model.value(u"parts"_s).toArray();
    QCOMPARE(modelParts.size(), 2);
    QCOMPARE(modelParts.at(0)[u"text"_s].toString(), u"Let me compute that."_s);
    const QJsonObject callPart = modelParts.at(1).toObject();
    QCOMPARE(callPart[u"functionCall"_s][u"name"_s].toString(), u"calculator"_s);
    QCOMPARE(callPart[u"functionCall"_s][u"args"_s].toObject(), (QJsonObject{{u"expression"_s, u"6*7"_s}}));
    QCOMPARE(callPart.value(u"thoughtSignature"_s).toString(), signature);
    const QJsonObject results = contents.at(2).toObject();
    QCOMPARE(results.value(u"role"_s).toString(), u"user"_s);
    const QJsonObject functionResponse = results[u"parts"_s][0][u"functionResponse"_s].toObject();
    QCOMPARE(functionResponse.value(u"name"_s).toString(), u"calculator"_s);
    QCOMPARE(functionResponse.value(u"response"_s).toObject(), (QJsonObject{{u"result"_s, 42}}));

    const QJsonObject lane = result.json();
    QCOMPARE(lane.value(u"status"_s).toString(), u"ok"_s);
    QCOMPARE(lane.value(u"text"_s).toString(), u"Let me compute that.\n\n6 × 7 is 42."_s);
    QCOMPARE(lane.value(u"finish_reason"_s).toString(), u"stop"_s);
    const QJsonArray rounds = lane.value(u"tool_rounds"_s).toArray();
    QCOMPARE(rounds.size(), 2);
    QCOMPARE(rounds.at(0)[u"finish_reason"_s].toString(), u"tool_calls"_s);
    const QJsonObject traced = rounds.at(0)[u"calls"_s][0].toObject();
    QCOMPARE(traced.value(u"id"_s).toString(), u"call_0"_s);
    QCOMPARE(traced.value(u"result_source"_s).toString(), u"builtin"_s);
    QCOMPARE(traced.value(u"result"_s).toString(), u"{\"result\":42}"_s);
    // The signature is Gemini's opaque data for the next request, not part of the trace.
    QVERIFY(!result.out.contains(signature.toUtf8()));
    QCOMPARE(lane[u"usage"_s][u"prompt_tokens"_s].toInt(), 130);
    QCOMPARE(lane[u"usage"_s][u"completion_tokens"_s].toInt(), 40);
}

QTEST_GUILESS_MAIN(TestGeminiCli)
#include "tst_geminicli.moc"
