// SPDX-License-Identifier: GPL-3.0-or-later
// The tool loop end to end: `versus-cli chat|compare --tools` as a process against the
// loopback server. Each round is a real request; what the next round sends back (the
// assistant's calls, each result, reasoning where the provider needs it) is checked on the
// request bodies the server saw, and the trace on the CLI's JSON.
#include "clirun.h"
#include "fixture.h"
#include "openaichunks.h"
#include "scriptedserver.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QTest>

using namespace versus;
using namespace versus::test;
using namespace Qt::StringLiterals;

namespace {

QByteArray compact(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QByteArray chunk(const QJsonObject &delta, const QJsonValue &finishReason = QJsonValue::Null)
{
    return compact({{u"id"_s, u"chatcmpl-tools"_s},
                    {u"object"_s, u"chat.completion.chunk"_s},
                    {u"choices"_s, QJsonArray{QJsonObject{
                                       {u"index"_s, 0}, {u"delta"_s, delta}, {u"finish_reason"_s, finishReason}}}}});
}

/// A tool-call fragment as OpenAI-compatible providers stream it (index; id and name first).
QJsonObject fragment(int index, const QString &id, const QString &name, const QString &arguments)
{
    QJsonObject function{{u"arguments"_s, arguments}};
    if (!name.isEmpty())
        function.insert(u"name"_s, name);
    QJsonObject call{{u"index"_s, index}, {u"function"_s, function}};
    if (!id.isEmpty()) {
        call.insert(u"id"_s, id);
        call.insert(u"type"_s, u"function"_s);
    }
    return call;
}

QByteArray callsChunk(const QJsonArray &calls)
{
    return chunk({{u"tool_calls"_s, calls}});
}

QByteArray finish(const QString &reason, int promptTokens, int completionTokens)
{
    QJsonObject object = QJsonDocument::fromJson(chunk({}, reason)).object();
    object.insert(u"usage"_s, QJsonObject{{u"prompt_tokens"_s, promptTokens},
                                          {u"completion_tokens"_s, completionTokens},
                                          {u"total_tokens"_s, promptTokens + completionTokens}});
    return compact(object);
}

ScriptedResponse answer(const QString &text, int promptTokens = 40)
{
    return ScriptedResponse::sseData({openAiContentChunk(text), finish(u"stop"_s, promptTokens, 6)});
}

QJsonArray messagesOf(const RecordedRequest &request)
{
    return QJsonDocument::fromJson(request.body).object().value(u"messages").toArray();
}

const char *kWeatherTools = R"([
  {"type": "function", "function": {"name": "calculator", "description": "Exact arithmetic",
    "parameters": {"type": "object", "properties": {"expression": {"type": "string"}},
                   "required": ["expression"]}},
   "result": {"builtin": "calculator"}},
  {"type": "function", "function": {"name": "get_weather", "description": "Weather in a city",
    "parameters": {"type": "object", "properties": {"city": {"type": "string"}, "days": {"type": "integer", "minimum": 1}},
                   "required": ["city"], "additionalProperties": false}},
   "result": {"mock": {"city": "{{city}}", "temp_c": 21, "summary": "Sunny in {{city}}"}}}
])";

} // namespace

class tst_ToolLoop : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void calculatorLoopInTwoRounds();
    void parallelCallsInOneRound();
    void deepSeekGetsItsReasoningBack();
    void mistralWholeCallsWithoutIndex();
    void invalidCallsGetErrorResultsAndTheLoopGoesOn();
    void roundLimitStopsTheLoop();
    void mockTemplateFilled();
    void structuredOutputCheckedPerLane();
    void refusedBeforeSending_data();
    void refusedBeforeSending();
    void traceIsStoredInHistory();
    void groqExecutedToolsShownNeverRun();
    void synesiaInternalToolsInTheTrace();
    void compareTableHasAToolsColumn();
    void failedRoundKeepsWhatEarlierRoundsCost();
    void currentTimeInTheLoop();

private:
    CliRun run(const QStringList &arguments);
    QString writeFile(const QString &name, const QByteArray &content);

    std::unique_ptr<QTemporaryDir> m_home;
    std::unique_ptr<ScriptedServer> m_server;
};

void tst_ToolLoop::init()
{
    m_home = std::make_unique<QTemporaryDir>();
    QVERIFY(m_home->isValid());
    m_server = std::make_unique<ScriptedServer>();
    QVERIFY(m_server->listen());
}

void tst_ToolLoop::cleanup()
{
    m_server.reset();
    m_home.reset();
}

CliRun tst_ToolLoop::run(const QStringList &arguments)
{
    QMap<QString, QString> extra;
    for (const char *provider : {"groq", "together", "deepseek", "mistral", "synesia"}) {
        const QString id = QString::fromLatin1(provider);
        extra.insert(u"%1_API_KEY"_s.arg(id.toUpper()), u"key_for_tool_loop_test_%1"_s.arg(id));
        extra.insert(u"VERSUS_%1_BASE_URL"_s.arg(id.toUpper()), m_server->url(u"/%1/v1"_s.arg(id)).toString());
    }
    CliRun result;
    if (!runCliProcess(QStringLiteral(VERSUS_CLI_PATH), arguments, privateCliEnvironment(m_home->path(), extra),
                       result))
        result.exitCode = -1;
    return result;
}

QString tst_ToolLoop::writeFile(const QString &name, const QByteArray &content)
{
    const QString path = m_home->filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

void tst_ToolLoop::calculatorLoopInTwoRounds()
{
    // Groq shape: the arguments arrive in three fragments after the call's id and name.
    m_server->enqueue(ScriptedResponse::sseData({
        chunk({{u"role"_s, u"assistant"_s}, {u"content"_s, u"Let me compute that."_s}}),
        callsChunk({fragment(0, u"call_groq_1"_s, u"calculator"_s, QString())}),
        callsChunk({fragment(0, QString(), QString(), u"{\"expres"_s)}),
        callsChunk({fragment(0, QString(), QString(), u"sion\": \"(1.5 + 4.5) × 7\"}"_s)}),
        finish(u"tool_calls"_s, 120, 18),
    }));
    m_server->enqueue(answer(u"(1.5 + 4.5) × 7 is 42."_s, 150));
    const QString tools = writeFile(u"tools.json"_s, kWeatherTools);

    const CliRun result = run({u"chat"_s, u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--tools"_s, tools, u"--json"_s,
                               u"--no-history"_s, u"What is (1.5 + 4.5) times 7?"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(m_server->requestCount(), 2);

    // Round 2 carries round 1's call and its result; Groq gets no reasoning back.
    const QJsonArray sent = messagesOf(m_server->request(1));
    QCOMPARE(sent.size(), 3);
    const QJsonObject assistant = sent.at(1).toObject();
    QCOMPARE(assistant.value(u"role"_s).toString(), u"assistant"_s);
    QCOMPARE(assistant.value(u"content"_s).toString(), u"Let me compute that."_s);
    QVERIFY(!assistant.contains(u"reasoning_content"_s));
    const QJsonObject call = assistant.value(u"tool_calls"_s).toArray().at(0).toObject();
    QCOMPARE(call.value(u"id"_s).toString(), u"call_groq_1"_s);
    QCOMPARE(call[u"function"_s][u"arguments"_s].toString(), u"{\"expression\": \"(1.5 + 4.5) × 7\"}"_s);
    const QJsonObject toolMessage = sent.at(2).toObject();
    QCOMPARE(toolMessage.value(u"role"_s).toString(), u"tool"_s);
    QCOMPARE(toolMessage.value(u"tool_call_id"_s).toString(), u"call_groq_1"_s);
    QCOMPARE(toolMessage.value(u"content"_s).toString(), u"{\"result\":42}"_s);
    // The tools are sent in both rounds, without Versus' own "result" member.
    const QJsonArray wireTools = QJsonDocument::fromJson(m_server->request(1).body).object()[u"tools"_s].toArray();
    QCOMPARE(wireTools.size(), 2);
    QVERIFY(!wireTools.at(0).toObject().contains(u"result"_s));

    const QJsonObject lane = result.json();
    QCOMPARE(lane.value(u"status"_s).toString(), u"ok"_s);
    QCOMPARE(lane.value(u"text"_s).toString(), u"Let me compute that.\n\n(1.5 + 4.5) × 7 is 42."_s);
    QCOMPARE(lane.value(u"finish_reason"_s).toString(), u"stop"_s);
    const QJsonArray rounds = lane.value(u"tool_rounds"_s).toArray();
    QCOMPARE(rounds.size(), 2);
    const QJsonObject first = rounds.at(0).toObject();
    QCOMPARE(first.value(u"round"_s).toInt(), 1);
    QCOMPARE(first.value(u"finish_reason"_s).toString(), u"tool_calls"_s);
    const QJsonObject traced = first.value(u"calls"_s).toArray().at(0).toObject();
    QCOMPARE(traced.value(u"name"_s).toString(), u"calculator"_s);
    QCOMPARE(traced.value(u"valid_json"_s).toBool(), true);
    QCOMPARE(traced.value(u"schema_errors"_s).toArray().size(), 0);
    QCOMPARE(traced.value(u"result_source"_s).toString(), u"builtin"_s);
    QCOMPARE(traced.value(u"result"_s).toString(), u"{\"result\":42}"_s);
    QCOMPARE(traced.value(u"is_error"_s).toBool(), false);
    QCOMPARE(first[u"usage"_s][u"prompt_tokens"_s].toInt(), 120);
    QVERIFY(first[u"metrics"_s][u"ttft_ms"_s].isDouble());
    const QJsonObject second = rounds.at(1).toObject();
    QCOMPARE(second.value(u"calls"_s).toArray().size(), 0);
    QVERIFY(second.value(u"start_ms"_s).toDouble() >= first[u"metrics"_s][u"e2e_ms"_s].toDouble());
    // The turn's usage and cost add up its rounds.
    QCOMPARE(lane[u"usage"_s][u"prompt_tokens"_s].toInt(), 270);
    QCOMPARE(lane[u"usage"_s][u"completion_tokens"_s].toInt(), 24);
    const double roundCosts =
        first[u"cost"_s][u"total_usd"_s].toDouble() + second[u"cost"_s][u"total_usd"_s].toDouble();
    QVERIFY(roundCosts > 0);
    QCOMPARE(lane[u"cost"_s][u"total_usd"_s].toDouble(), std::round(roundCosts * 1e6) / 1e6);
    const QJsonObject summary = lane.value(u"tool_summary"_s).toObject();
    QCOMPARE(summary.value(u"rounds"_s).toInt(), 2);
    QCOMPARE(summary.value(u"calls"_s).toInt(), 1);
    QCOMPARE(summary.value(u"invalid_calls"_s).toInt(), 0);
    QCOMPARE(summary.value(u"answered"_s).toBool(), true);
    QCOMPARE(summary.value(u"round_limit_reached"_s).toBool(), false);
}

void tst_ToolLoop::parallelCallsInOneRound()
{
    m_server->enqueue(ScriptedResponse::sseData({
        callsChunk({fragment(0, u"call_a"_s, u"calculator"_s, u"{\"expression\":\"2^10\"}"_s)}),
        callsChunk({fragment(1, u"call_b"_s, u"get_weather"_s, u"{\"city\":"_s)}),
        callsChunk({fragment(1, QString(), QString(), u"\"Lyon\"}"_s)}),
        finish(u"tool_calls"_s, 90, 30),
    }));
    m_server->enqueue(answer(u"1024, and Lyon is sunny."_s));
    const QString tools = writeFile(u"tools.json"_s, kWeatherTools);
    const CliRun result = run({u"chat"_s, u"-t"_s, u"together:openai/gpt-oss-120b"_s, u"--tools"_s, tools,
                               u"--parallel-tool-calls"_s, u"true"_s, u"--json"_s, u"--no-history"_s, u"Two things"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(m_server->requestCount(), 2);
    QCOMPARE(QJsonDocument::fromJson(m_server->request(0).body).object()[u"parallel_tool_calls"_s].toBool(), true);
    const QJsonArray sent = messagesOf(m_server->request(1));
    QCOMPARE(sent.size(), 4); // user, assistant with two calls, two results in the calls' order
    QCOMPARE(sent.at(1)[u"tool_calls"_s].toArray().size(), 2);
    QCOMPARE(sent.at(2)[u"tool_call_id"_s].toString(), u"call_a"_s);
    QCOMPARE(sent.at(2)[u"content"_s].toString(), u"{\"result\":1024}"_s);
    QCOMPARE(sent.at(3)[u"tool_call_id"_s].toString(), u"call_b"_s);
    QCOMPARE(QJsonDocument::fromJson(sent.at(3)[u"content"_s].toString().toUtf8()).object(),
             QJsonObject({{u"city"_s, u"Lyon"_s}, {u"temp_c"_s, 21}, {u"summary"_s, u"Sunny in Lyon"_s}}));
    const QJsonArray calls = result.json()[u"tool_rounds"_s].toArray().at(0)[u"calls"_s].toArray();
    QCOMPARE(calls.size(), 2);
    QCOMPARE(calls.at(1)[u"result_source"_s].toString(), u"mock"_s);
}

void tst_ToolLoop::deepSeekGetsItsReasoningBack()
{
    m_server->enqueue(ScriptedResponse::sseData({
        chunk({{u"role"_s, u"assistant"_s}, {u"content"_s, QJsonValue::Null}, {u"reasoning_content"_s, u"I need "_s}}),
        chunk({{u"reasoning_content"_s, u"the calculator."_s}}),
        callsChunk({fragment(0, u"call_ds"_s, u"calculator"_s, u"{\"expression\":\"17*3\"}"_s)}),
        finish(u"tool_calls"_s, 374, 61),
    }));
    m_server->enqueue(answer(u"51."_s));
    const QString tools = writeFile(u"tools.json"_s, kWeatherTools);
    const CliRun result = run({u"chat"_s, u"-t"_s, u"deepseek:deepseek-flash"_s, u"--reasoning-effort"_s, u"high"_s,
                               u"--tools"_s, tools, u"--json"_s, u"--no-history"_s, u"17 times 3?"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(m_server->requestCount(), 2);
    const QJsonObject assistant = messagesOf(m_server->request(1)).at(1).toObject();
    // DeepSeek's thinking mode refuses a tool turn without the reasoning that made the call.
    QCOMPARE(assistant.value(u"reasoning_content"_s).toString(), u"I need the calculator."_s);
    QVERIFY(assistant.value(u"content"_s).isNull());
    QCOMPARE(messagesOf(m_server->request(1)).at(2)[u"content"_s].toString(), u"{\"result\":51}"_s);
    const QJsonObject lane = result.json();
    QCOMPARE(lane[u"tool_rounds"_s].toArray().at(0)[u"reasoning"_s].toString(), u"I need the calculator."_s);
    QCOMPARE(lane[u"text"_s].toString(), u"51."_s);
}

void tst_ToolLoop::mistralWholeCallsWithoutIndex()
{
    // Mistral sends whole calls, both in one delta, with no index.
    QJsonArray calls;
    for (const auto &[id, expression] :
         {std::pair{u"a1b2c3d4e"_s, u"1/4"_s}, std::pair{u"f5g6h7i8j"_s, u"0.1+0.2"_s}}) {
        calls.append(
            QJsonObject{{u"id"_s, id},
                        {u"type"_s, u"function"_s},
                        {u"function"_s, QJsonObject{{u"name"_s, u"calculator"_s},
                                                    {u"arguments"_s, u"{\"expression\": \"%1\"}"_s.arg(expression)}}}});
    }
    m_server->enqueue(ScriptedResponse::sseData({callsChunk(calls), finish(u"tool_calls"_s, 60, 20)}));
    m_server->enqueue(answer(u"0.25 and 0.3"_s));
    const QString tools = writeFile(u"tools.json"_s, kWeatherTools);
    const CliRun result = run({u"chat"_s, u"-t"_s, u"mistral:mistral-small-latest"_s, u"--tools"_s, tools, u"--json"_s,
                               u"--no-history"_s, u"Two sums"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(m_server->requestCount(), 2);
    const QJsonArray sent = messagesOf(m_server->request(1));
    QCOMPARE(sent.size(), 4);
    QCOMPARE(sent.at(1)[u"tool_calls"_s].toArray().size(), 2);
    QCOMPARE(sent.at(2)[u"tool_call_id"_s].toString(), u"a1b2c3d4e"_s);
    QCOMPARE(sent.at(2)[u"content"_s].toString(), u"{\"result\":0.25}"_s);
    QCOMPARE(sent.at(3)[u"tool_call_id"_s].toString(), u"f5g6h7i8j"_s);
    QCOMPARE(sent.at(3)[u"content"_s].toString(), u"{\"result\":0.3}"_s);
}

void tst_ToolLoop::invalidCallsGetErrorResultsAndTheLoopGoesOn()
{
    m_server->enqueue(ScriptedResponse::sseData({
        callsChunk({fragment(0, u"call_bad_json"_s, u"calculator"_s, u"{\"expression\": \"6*7\""_s)}),
        callsChunk(
            {fragment(1, u"call_bad_schema"_s, u"get_weather"_s, u"{\"city\": 42, \"days\": 0, \"unit\": \"C\"}"_s)}),
        callsChunk({fragment(2, u"call_unknown"_s, u"send_email"_s, u"{}"_s)}),
        finish(u"tool_calls"_s, 80, 40),
    }));
    m_server->enqueue(answer(u"Sorry, let me try again later."_s));
    const QString tools = writeFile(u"tools.json"_s, kWeatherTools);
    const CliRun result = run({u"chat"_s, u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--tools"_s, tools, u"--json"_s,
                               u"--no-history"_s, u"Do things"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(m_server->requestCount(), 2); // the loop went on with error results

    const QJsonArray calls = result.json()[u"tool_rounds"_s].toArray().at(0)[u"calls"_s].toArray();
    QCOMPARE(calls.size(), 3);
    const QJsonObject badJson = calls.at(0).toObject();
    QCOMPARE(badJson[u"valid_json"_s].toBool(), false);
    QVERIFY(!badJson[u"json_error"_s].toString().isEmpty());
    QCOMPARE(badJson[u"result_source"_s].toString(), u"error"_s);
    QCOMPARE(badJson[u"is_error"_s].toBool(), true);

    const QJsonObject badSchema = calls.at(1).toObject();
    QCOMPARE(badSchema[u"valid_json"_s].toBool(), true);
    QStringList pointers;
    QString messages;
    for (const QJsonValue &error : badSchema[u"schema_errors"_s].toArray()) {
        pointers << error[u"pointer"_s].toString();
        messages += error[u"message"_s].toString() + u'\n';
    }
    pointers.sort();
    // Every error, each with its JSON pointer: the type, the minimum, and the extra member
    // (pointing at its object, which the message names it in).
    QCOMPARE(pointers, QStringList({QString(), u"/city"_s, u"/days"_s}));
    QVERIFY2(messages.contains(u"unit"_s), qPrintable(messages));
    QCOMPARE(badSchema[u"is_error"_s].toBool(), true);

    const QJsonObject unknown = calls.at(2).toObject();
    QCOMPARE(unknown[u"known_tool"_s].toBool(), false);
    QCOMPARE(unknown[u"is_error"_s].toBool(), true);
    QCOMPARE(result.json()[u"tool_summary"_s][u"invalid_calls"_s].toInt(), 3);

    // The model reads what was wrong in each result.
    const QJsonArray sent = messagesOf(m_server->request(1));
    QCOMPARE(sent.size(), 5);
    QVERIFY(sent.at(2)[u"content"_s].toString().contains(u"not valid JSON"_s));
    QVERIFY(sent.at(3)[u"content"_s].toString().contains(u"/city"_s));
    QVERIFY(sent.at(4)[u"content"_s].toString().contains(u"unknown tool"_s));
}

void tst_ToolLoop::roundLimitStopsTheLoop()
{
    // A model that never stops calling.
    m_server->route("POST", "/groq/v1/chat/completions",
                    ScriptedResponse::sseData({
                        chunk({{u"content"_s, u"Again."_s}}),
                        callsChunk({fragment(0, u"call_loop"_s, u"calculator"_s, u"{\"expression\":\"1+1\"}"_s)}),
                        finish(u"tool_calls"_s, 50, 10),
                    }));
    const QString tools = writeFile(u"tools.json"_s, kWeatherTools);
    const CliRun result = run({u"chat"_s, u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--tools"_s, tools,
                               u"--max-tool-rounds"_s, u"3"_s, u"--json"_s, u"--no-history"_s, u"Loop"_s});
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(m_server->requestCount(), 3);
    const QJsonObject lane = result.json();
    QCOMPARE(lane[u"status"_s].toString(), u"truncated"_s);
    const QJsonArray rounds = lane[u"tool_rounds"_s].toArray();
    QCOMPARE(rounds.size(), 3); // the partial trace is kept
    QCOMPARE(rounds.at(1)[u"calls"_s].toArray().at(0)[u"result_source"_s].toString(), u"builtin"_s);
    QCOMPARE(rounds.at(2)[u"calls"_s].toArray().at(0)[u"result_source"_s].toString(), u"skipped"_s);
    QCOMPARE(lane[u"tool_summary"_s][u"round_limit_reached"_s].toBool(), true);
    QCOMPARE(lane[u"tool_summary"_s][u"answered"_s].toBool(), false);
    QCOMPARE(lane[u"text"_s].toString(), u"Again.\n\nAgain.\n\nAgain."_s);

    // For people, the status says why it stopped.
    const CliRun human = run({u"chat"_s, u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--tools"_s, tools,
                              u"--max-tool-rounds"_s, u"2"_s, u"--no-history"_s, u"Loop"_s});
    QCOMPARE(human.exitCode, 1);
    QVERIFY2(human.err.contains(u"after 2 rounds"_s) && human.err.contains(u"--max-tool-rounds"_s),
             qPrintable(human.err));
    QVERIFY2(human.err.contains(u"→ calculator"_s), qPrintable(human.err));
}

void tst_ToolLoop::mockTemplateFilled()
{
    m_server->enqueue(ScriptedResponse::sseData({
        callsChunk({fragment(0, u"call_w"_s, u"get_weather"_s, u"{\"city\": \"Saint-Étienne\", \"days\": 2}"_s)}),
        finish(u"tool_calls"_s, 70, 15),
    }));
    m_server->enqueue(answer(u"Sunny."_s));
    const QString tools = writeFile(u"tools.json"_s, kWeatherTools);
    const CliRun result = run({u"chat"_s, u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--tools"_s, tools, u"--json"_s,
                               u"--no-history"_s, u"Weather?"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QJsonObject call = result.json()[u"tool_rounds"_s].toArray().at(0)[u"calls"_s].toArray().at(0).toObject();
    QCOMPARE(call[u"result_source"_s].toString(), u"mock"_s);
    QCOMPARE(
        QJsonDocument::fromJson(call[u"result"_s].toString().toUtf8()).object(),
        QJsonObject({{u"city"_s, u"Saint-Étienne"_s}, {u"temp_c"_s, 21}, {u"summary"_s, u"Sunny in Saint-Étienne"_s}}));
}

void tst_ToolLoop::structuredOutputCheckedPerLane()
{
    m_server->route("POST", "/groq/v1/chat/completions", answer(u"{\"name\": \"Ada\", \"age\": 36}"_s));
    m_server->route("POST", "/together/v1/chat/completions",
                    answer(u"```json\n{\"name\": \"Ada\", \"age\": \"36\"}\n```"_s));
    m_server->route("POST", "/deepseek/v1/chat/completions", answer(u"Ada is 36."_s));
    const QString schema = writeFile(u"person.json"_s, R"({"type": "object",
        "properties": {"name": {"type": "string"}, "age": {"type": "integer"}},
        "required": ["name", "age"]})");
    const CliRun result =
        run({u"compare"_s, u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"-t"_s, u"together:openai/gpt-oss-120b"_s, u"-t"_s,
             u"deepseek:deepseek-flash"_s, u"--response-schema"_s, schema, u"--json"_s, u"--no-history"_s, u"Who?"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(m_server->requestCount(), 3);
    for (const RecordedRequest &request : m_server->requests()) {
        const QJsonObject body = QJsonDocument::fromJson(request.body).object();
        if (request.path.startsWith("/deepseek")) {
            // DeepSeek has JSON mode only: the schema goes in the system prompt.
            QCOMPARE(body[u"response_format"_s][u"type"_s].toString(), u"json_object"_s);
            QVERIFY(body[u"messages"_s].toArray().at(0)[u"content"_s].toString().contains(u"\"age\""_s));
        } else {
            QCOMPARE(body[u"response_format"_s][u"type"_s].toString(), u"json_schema"_s);
            QCOMPARE(body[u"response_format"_s][u"json_schema"_s][u"schema"_s][u"required"_s].toArray().size(), 2);
        }
    }
    const QJsonArray results = result.json()[u"results"_s].toArray();
    const QJsonObject valid = results.at(0)[u"structured_output"_s].toObject();
    QCOMPARE(valid[u"valid"_s].toBool(), true);
    QCOMPARE(valid[u"errors"_s].toArray().size(), 0);
    const QJsonObject wrongType = results.at(1)[u"structured_output"_s].toObject();
    QCOMPARE(wrongType[u"valid"_s].toBool(), false);
    QCOMPARE(wrongType[u"errors"_s].toArray().size(), 1);
    QCOMPARE(wrongType[u"errors"_s].toArray().at(0)[u"pointer"_s].toString(), u"/age"_s);
    const QJsonObject notJson = results.at(2)[u"structured_output"_s].toObject();
    QCOMPARE(notJson[u"valid"_s].toBool(), false);
    QVERIFY(!notJson[u"json_error"_s].toString().isEmpty());

    // For people: each lane says valid or invalid, with the error.
    m_server->clearRoutes();
    m_server->route("POST", "/together/v1/chat/completions", answer(u"{\"name\": \"Ada\"}"_s));
    const CliRun human = run({u"chat"_s, u"-t"_s, u"together:openai/gpt-oss-120b"_s, u"--response-schema"_s, schema,
                              u"--no-history"_s, u"Who?"_s});
    QCOMPARE(human.exitCode, 0);
    QVERIFY2(human.err.contains(u"structured output: INVALID"_s) && human.err.contains(u"age"_s),
             qPrintable(human.err));
}

void tst_ToolLoop::refusedBeforeSending_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QByteArray>("toolsFile");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    const QByteArray ask =
        R"([{"type": "function", "function": {"name": "confirm", "parameters": {"type": "object"}}}])";
    QTest::newRow("ask tool in the CLI") << QStringList{u"-t"_s, u"groq:openai/gpt-oss-120b"_s} << ask << 2
                                         << u"\"confirm\" asks for your answer"_s;
    QTest::newRow("bad tools file") << QStringList{u"-t"_s, u"groq:openai/gpt-oss-120b"_s}
                                    << QByteArray(
                                           R"([{"type": "function", "function": {"name": "x", "parameters": 3}}])")
                                    << 2 << u"\"parameters\""_s;
    QTest::newRow("Synesia has no function calls") << QStringList{u"-t"_s, u"synesia:groq/gpt-oss-120b"_s}
                                                   << QByteArray(kWeatherTools) << 1 << u"does not support"_s;
    QTest::newRow("tool choice names no tool")
        << QStringList{u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--tool-choice"_s, u"nope"_s}
        << QByteArray(kWeatherTools) << 2 << u"names no tool"_s;
    QTest::newRow("unusable parameters schema")
        << QStringList{u"-t"_s, u"groq:openai/gpt-oss-120b"_s}
        << QByteArray(R"([{"type": "function", "function": {"name": "f", "parameters": {"type": "objcet"}},
                          "result": {"mock": 1}}])")
        << 2 << u"not a usable JSON Schema"_s;
    QTest::newRow("tool choice without tools")
        << QStringList{u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--tool-choice"_s, u"none"_s} << QByteArray() << 2
        << u"--tool-choice needs --tools"_s;
    QTest::newRow("round limit out of range")
        << QStringList{u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--max-tool-rounds"_s, u"0"_s}
        << QByteArray(kWeatherTools) << 2 << u"--max-tool-rounds"_s;
}

void tst_ToolLoop::refusedBeforeSending()
{
    QFETCH(QStringList, arguments);
    QFETCH(QByteArray, toolsFile);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    QStringList toolsOption;
    if (!toolsFile.isEmpty())
        toolsOption << u"--tools"_s << writeFile(u"tools.json"_s, toolsFile);
    const CliRun result =
        run(QStringList{u"chat"_s} + arguments + toolsOption + QStringList{u"--no-history"_s, u"Hi"_s});
    QCOMPARE(result.exitCode, exitCode);
    QVERIFY2(result.err.contains(says), qPrintable(result.err));
    QCOMPARE(m_server->requestCount(), 0); // nothing was sent
}

void tst_ToolLoop::traceIsStoredInHistory()
{
    m_server->enqueue(ScriptedResponse::sseData({
        callsChunk({fragment(0, u"call_h"_s, u"calculator"_s, u"{\"expression\":\"6*7\"}"_s)}),
        finish(u"tool_calls"_s, 30, 10),
    }));
    m_server->enqueue(answer(u"42"_s));
    const QString tools = writeFile(u"tools.json"_s, kWeatherTools);
    const CliRun chat =
        run({u"chat"_s, u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--tools"_s, tools, u"--json"_s, u"What is 6*7?"_s});
    QVERIFY2(chat.exitCode == 0, qPrintable(chat.err));
    const qint64 id = chat.json()[u"conversation_id"_s].toInteger();
    QVERIFY(id > 0);

    const CliRun shown = run({u"history"_s, u"show"_s, QString::number(id), u"--json"_s});
    QVERIFY2(shown.exitCode == 0, qPrintable(shown.err));
    const QByteArray document = shown.out;
    QVERIFY2(document.contains("\"tool_rounds\""), document.constData());
    QVERIFY(document.contains("call_h"));

    const CliRun markdown = run({u"history"_s, u"export"_s, QString::number(id), u"--format"_s, u"md"_s});
    QVERIFY2(markdown.exitCode == 0, qPrintable(markdown.err));
    QVERIFY2(markdown.out.contains("calculator") && markdown.out.contains("{\"result\":42}"), markdown.out.constData());
}

void tst_ToolLoop::groqExecutedToolsShownNeverRun()
{
    // Groq runs browser_search itself and reports it on the delta; the answer follows in the
    // same stream. Nothing is run here and no second request is made.
    auto executed = [](const QJsonValue &output) {
        return chunk(
            {{u"executed_tools"_s, QJsonArray{QJsonObject{{u"index"_s, 0},
                                                          {u"type"_s, u"browser_search"_s},
                                                          {u"arguments"_s, u"{\"query\":\"Versus release\"}"_s},
                                                          {u"output"_s, output}}}}});
    };
    m_server->enqueue(ScriptedResponse::sseData({
        chunk({{u"reasoning"_s, u"Search first."_s}}),
        executed(QJsonValue::Null),
        executed(u"【0†Versus 1.0 is out†example.org】"_s),
        chunk({{u"content"_s, u"Versus 1.0 is out."_s}}),
        finish(u"stop"_s, 900, 40),
    }));
    const CliRun result = run({u"chat"_s, u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--server-tool"_s,
                               u"browser_search"_s, u"--json"_s, u"--no-history"_s, u"Any news?"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(m_server->requestCount(), 1);
    const QJsonArray sentTools = QJsonDocument::fromJson(m_server->request(0).body).object()[u"tools"_s].toArray();
    QCOMPARE(sentTools, QJsonArray({QJsonObject{{u"type"_s, u"browser_search"_s}}}));

    const QJsonObject lane = result.json();
    QCOMPARE(lane[u"text"_s].toString(), u"Versus 1.0 is out."_s);
    const QJsonArray rounds = lane[u"tool_rounds"_s].toArray();
    QCOMPARE(rounds.size(), 1);
    const QJsonArray serverTools = rounds.at(0)[u"server_tools"_s].toArray();
    QCOMPARE(serverTools.size(), 1);
    QCOMPARE(serverTools.at(0)[u"name"_s].toString(), u"browser_search"_s);
    QCOMPARE(serverTools.at(0)[u"arguments"_s].toString(), u"{\"query\":\"Versus release\"}"_s);
    QCOMPARE(serverTools.at(0)[u"output"_s].toString(), u"【0†Versus 1.0 is out†example.org】"_s);
    QCOMPARE(serverTools.at(0)[u"finished"_s].toBool(), true);
    QCOMPARE(rounds.at(0)[u"calls"_s].toArray().size(), 0);
    QCOMPARE(lane[u"tool_summary"_s][u"server_calls"_s].toInt(), 1);

    // For people: the provider's tool is named as run by the provider.
    m_server->enqueue(
        ScriptedResponse::sseData({executed(u"done"_s), chunk({{u"content"_s, u"Yes."_s}}), finish(u"stop"_s, 10, 2)}));
    const CliRun human = run({u"chat"_s, u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--server-tool"_s,
                              u"browser_search"_s, u"--no-history"_s, u"Any news?"_s});
    QCOMPARE(human.exitCode, 0);
    QVERIFY2(human.err.contains(u"browser_search (run by the provider)"_s), qPrintable(human.err));

    // A model that does not offer it refuses before sending.
    const CliRun refused = run({u"chat"_s, u"-t"_s, u"groq:llama-3.3-70b-versatile"_s, u"--server-tool"_s,
                                u"browser_search"_s, u"--no-history"_s, u"Any news?"_s});
    QCOMPARE(refused.exitCode, 1);
    QCOMPARE(m_server->requestCount(), 2);
}

void tst_ToolLoop::synesiaInternalToolsInTheTrace()
{
    // Synesia runs its tools on its own server; a failed one reports error and done.
    const Fixture fixture = loadFixture(u"synesia"_s, u"internal_tool_error"_s);
    QVERIFY2(fixture.isValid(), qPrintable(fixture.error));
    m_server->enqueue(fixture.response);
    const CliRun result =
        run({u"chat"_s, u"-t"_s, u"synesia:groq/gpt-oss-120b"_s, u"--json"_s, u"--no-history"_s, u"Status?"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    QCOMPARE(m_server->requestCount(), 1);
    const QJsonArray rounds = result.json()[u"tool_rounds"_s].toArray();
    QCOMPARE(rounds.size(), 1);
    const QJsonArray serverTools = rounds.at(0)[u"server_tools"_s].toArray();
    QCOMPARE(serverTools.size(), 1);
    const QJsonObject tool = serverTools.at(0).toObject();
    QCOMPARE(tool[u"name"_s].toString(), u"fetch_page"_s);
    QCOMPARE(tool[u"failed"_s].toBool(), true);
    QCOMPARE(tool[u"error"_s].toString(), u"Request timed out after 10000 ms"_s);
    QVERIFY(tool[u"arguments"_s].toString().contains(u"status.example.com"_s));
}

void tst_ToolLoop::compareTableHasAToolsColumn()
{
    // Two lanes, one tools file: Groq calls well; Together sends broken JSON first, then answers.
    QList<ScriptedResponse> groq{
        ScriptedResponse::sseData({callsChunk({fragment(0, u"g1"_s, u"calculator"_s, u"{\"expression\":\"2+2\"}"_s)}),
                                   finish(u"tool_calls"_s, 40, 8)}),
        answer(u"4"_s)};
    QList<ScriptedResponse> together{
        ScriptedResponse::sseData({callsChunk({fragment(0, u"t1"_s, u"calculator"_s, u"{\"expression\":"_s)}),
                                   finish(u"tool_calls"_s, 40, 8)}),
        answer(u"Four."_s)};
    connect(m_server.get(), &ScriptedServer::requestReceived, this, [&](int index) {
        const RecordedRequest request = m_server->request(index);
        QList<ScriptedResponse> &queue = request.path.startsWith("/groq") ? groq : together;
        if (!queue.isEmpty())
            m_server->route("POST", request.path, queue.takeFirst());
    });
    const QString tools = writeFile(u"tools.json"_s, kWeatherTools);
    const QStringList lanes{u"compare"_s,
                            u"-t"_s,
                            u"groq:openai/gpt-oss-120b"_s,
                            u"-t"_s,
                            u"together:openai/gpt-oss-120b"_s,
                            u"--tools"_s,
                            tools,
                            u"--no-history"_s};
    const CliRun table = run(lanes + QStringList{u"2+2?"_s});
    QVERIFY2(table.exitCode == 0, qPrintable(table.err));
    QCOMPARE(m_server->requestCount(), 4);
    const QStringList lines = QString::fromUtf8(table.out).split(u'\n');
    QVERIFY2(lines.at(0).contains(u"tools: rounds calls invalid answered"_s), table.out.constData());
    QVERIFY2(lines.at(1).startsWith(u"groq:"_s) && lines.at(1).endsWith(u"2 1 0 yes"_s), table.out.constData());
    QVERIFY2(lines.at(2).startsWith(u"together:"_s) && lines.at(2).endsWith(u"2 1 1 yes"_s), table.out.constData());
}

void tst_ToolLoop::failedRoundKeepsWhatEarlierRoundsCost()
{
    // Round 1 used tokens; round 2 is refused. The turn failed, but what it used is counted.
    m_server->enqueue(ScriptedResponse::sseData({
        callsChunk({fragment(0, u"c1"_s, u"calculator"_s, u"{\"expression\":\"1+1\"}"_s)}),
        finish(u"tool_calls"_s, 3000, 100),
    }));
    m_server->enqueue(
        ScriptedResponse::json(400, R"({"error":{"message":"tool message too long","type":"invalid_request_error"}})"));
    const QString tools = writeFile(u"tools.json"_s, kWeatherTools);
    const CliRun result = run({u"chat"_s, u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--tools"_s, tools, u"--json"_s,
                               u"--no-history"_s, u"1+1"_s});
    QCOMPARE(result.exitCode, 1);
    QCOMPARE(m_server->requestCount(), 2);
    const QJsonObject lane = result.json();
    QCOMPARE(lane[u"status"_s].toString(), u"error"_s);
    QCOMPARE(lane[u"error"_s][u"kind"_s].toString(), u"bad_request"_s);
    QCOMPARE(lane[u"usage"_s][u"prompt_tokens"_s].toInt(), 3000);
    QCOMPARE(lane[u"usage"_s][u"completion_tokens"_s].toInt(), 100);
    const QJsonArray rounds = lane[u"tool_rounds"_s].toArray();
    QCOMPARE(rounds.size(), 2);
    QVERIFY(rounds.at(0)[u"cost"_s][u"total_usd"_s].toDouble() > 0);
    QCOMPARE(lane[u"cost"_s][u"total_usd"_s].toDouble(), rounds.at(0)[u"cost"_s][u"total_usd"_s].toDouble());
    QCOMPARE(rounds.at(1)[u"status"_s].toString(), u"error"_s);
}

void tst_ToolLoop::currentTimeInTheLoop()
{
    m_server->enqueue(ScriptedResponse::sseData({
        callsChunk({fragment(0, u"t1"_s, u"current_time"_s, u"{\"timezone\": \"Europe/Paris\"}"_s)}),
        finish(u"tool_calls"_s, 30, 10),
    }));
    m_server->enqueue(answer(u"It is evening in Paris."_s));
    const QString tools = writeFile(u"tools.json"_s, R"([{"type": "function", "function": {"name": "current_time"},
                                         "result": {"builtin": "current_time"}}])");
    const QDateTime before = QDateTime::currentDateTimeUtc().addSecs(-1);
    const CliRun result = run({u"chat"_s, u"-t"_s, u"groq:openai/gpt-oss-120b"_s, u"--tools"_s, tools, u"--json"_s,
                               u"--no-history"_s, u"What time is it in Paris?"_s});
    QVERIFY2(result.exitCode == 0, qPrintable(result.err));
    const QJsonObject answered =
        QJsonDocument::fromJson(messagesOf(m_server->request(1)).at(2)[u"content"_s].toString().toUtf8()).object();
    QCOMPARE(answered[u"timezone"_s].toString(), u"Europe/Paris"_s);
    const QDateTime utc = QDateTime::fromString(answered[u"utc"_s].toString(), Qt::ISODate);
    QVERIFY2(utc >= before && utc <= QDateTime::currentDateTimeUtc().addSecs(1),
             qPrintable(answered[u"utc"_s].toString()));
    // The definition sent is the built-in's own, with its parameters schema.
    const QJsonObject sent =
        QJsonDocument::fromJson(m_server->request(0).body).object()[u"tools"_s].toArray().at(0).toObject();
    QVERIFY(sent[u"function"_s][u"parameters"_s][u"properties"_s].toObject().contains(u"timezone"_s));
}

QTEST_GUILESS_MAIN(tst_ToolLoop)
#include "tst_toolloop.moc"
